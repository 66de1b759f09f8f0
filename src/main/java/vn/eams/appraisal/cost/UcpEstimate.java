package vn.eams.appraisal.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * A use-case-point estimate with every intermediate value (vietnam-egov.md §4.4). Points and
 * factors are exact decimals; E is shown to 4 decimals (G is computed from the unrounded E); money
 * is whole đồng, rounded half up at each step (G, C, TL, VAT).
 *
 * @param ruleSetId the rule-set applied
 * @param ruleSetVersion its version
 * @param toBeConfirmed whether the rule-set is still to be confirmed
 * @param unconfirmed the coefficients of the rule-set that are still to be confirmed
 * @param actors one row per actor kind
 * @param taw TAW = Σ actors × weight
 * @param useCases one row per use case
 * @param tbf TBF = Σ use-case weights
 * @param uucp UUCP = TAW + TBF
 * @param technical one row per technical factor
 * @param tfw TFW = Σ rating × weight
 * @param tcf TCF = base + perPoint × TFW
 * @param environmental one row per environmental factor
 * @param efw EFW = Σ rating × weight
 * @param ef EF = base + perPoint × EFW
 * @param aucp AUCP = UUCP × TCF × EF
 * @param es ES = Σ experience-stability scores of the environmental factors
 * @param p P, person-hours per adjusted point
 * @param effort E = AUCP × numerator / denominator, to 4 decimals
 * @param hourlyCostVnd H
 * @param g G = valueFactor × E × P × H
 * @param overhead C = overhead rate × G
 * @param preTaxIncome TL = income rate × (G + C)
 * @param gpm G_pm = G + C + TL
 * @param vat VAT = VAT rate × G_pm, or null when the rule-set has none
 * @param total G_pm + VAT
 */
public record UcpEstimate(
    String ruleSetId,
    String ruleSetVersion,
    boolean toBeConfirmed,
    List<String> unconfirmed,
    List<ActorRow> actors,
    BigDecimal taw,
    List<UseCaseRow> useCases,
    BigDecimal tbf,
    BigDecimal uucp,
    List<FactorRow> technical,
    BigDecimal tfw,
    BigDecimal tcf,
    List<FactorRow> environmental,
    BigDecimal efw,
    BigDecimal ef,
    BigDecimal aucp,
    BigDecimal es,
    BigDecimal p,
    BigDecimal effort,
    long hourlyCostVnd,
    long g,
    long overhead,
    long preTaxIncome,
    long gpm,
    Long vat,
    long total) {

  /**
   * Actors of one kind.
   *
   * @param kind simple, average or complex
   * @param count how many
   * @param weight weight of one
   * @param points count × weight
   */
  public record ActorRow(String kind, int count, BigDecimal weight, BigDecimal points) {}

  /**
   * One use case.
   *
   * @param name its name
   * @param useCaseClass B, M or T
   * @param transactions transactions
   * @param complexity simple, average or complex (by transactions)
   * @param baseWeight weight of the complexity
   * @param classMultiplier multiplier of the class
   * @param weight baseWeight × classMultiplier
   */
  public record UseCaseRow(
      String name,
      String useCaseClass,
      int transactions,
      String complexity,
      BigDecimal baseWeight,
      BigDecimal classMultiplier,
      BigDecimal weight) {}

  /**
   * One technical or environmental factor.
   *
   * @param id factor id
   * @param nameVi name in Vietnamese
   * @param nameEn name in English
   * @param weight its weight
   * @param rating the rating given
   * @param value rating × weight
   * @param esScore its experience-stability score (environmental factors only, else null)
   */
  public record FactorRow(
      String id,
      String nameVi,
      String nameEn,
      BigDecimal weight,
      int rating,
      BigDecimal value,
      BigDecimal esScore) {}
}
