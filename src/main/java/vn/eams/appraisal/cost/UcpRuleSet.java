package vn.eams.appraisal.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A versioned, dated set of use-case-point coefficients (CV 2589/BTTTT-ƯDCNTT 2011, QĐ 671/QĐ-BTTTT
 * 2024, …), read from {@code metamodel/rulesets/cost/*.json} (format in its README.md).
 *
 * @param id stable id, recorded with every estimate
 * @param version version of the data, recorded with every estimate
 * @param effectiveFrom first day in force
 * @param effectiveTo last day in force, or null when open
 * @param titleVi title in Vietnamese
 * @param titleEn title in English
 * @param basis the legal source
 * @param toBeConfirmed true when the rule-set as a whole still waits for its coefficients to be
 *     entered from the legal text; such a rule-set is never the default
 * @param noteVi what is to be confirmed, in Vietnamese (may be empty)
 * @param noteEn what is to be confirmed, in English (may be empty)
 * @param ratingMin lowest factor rating
 * @param ratingMax highest factor rating
 * @param actorWeights weight of an actor by kind: simple, average, complex
 * @param useCaseComplexity complexity bands by transaction count, ascending; the last has no limit
 * @param useCaseClasses multiplier of a use case by class B, M, T
 * @param technicalFactors the technical factors (TFW = Σ rating × weight)
 * @param tcfBase TCF = tcfBase + tcfPerPoint × TFW
 * @param tcfPerPoint see tcfBase
 * @param environmentalFactors the environmental factors (EFW = Σ rating × weight)
 * @param efBase EF = efBase + efPerPoint × EFW
 * @param efPerPoint see efBase (negative)
 * @param experienceStability score of one factor's weighted value, by bands ascending
 * @param productivity person-hours per adjusted point P by ES, ascending
 * @param effortNumerator E = AUCP × numerator / denominator
 * @param effortDenominator see effortNumerator
 * @param valueFactor G = valueFactor × E × P × H
 * @param overhead C = overhead × G
 * @param preTaxIncome TL = preTaxIncome × (G + C)
 * @param vat VAT = vat × (G + C + TL), or null when the rule-set has none
 * @param file the file it was read from (a path, or {@code classpath:…} for a shipped copy)
 */
public record UcpRuleSet(
    String id,
    String version,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    String titleVi,
    String titleEn,
    String basis,
    boolean toBeConfirmed,
    String noteVi,
    String noteEn,
    int ratingMin,
    int ratingMax,
    Map<String, Coefficient> actorWeights,
    List<ComplexityBand> useCaseComplexity,
    Map<String, Coefficient> useCaseClasses,
    List<Factor> technicalFactors,
    Coefficient tcfBase,
    Coefficient tcfPerPoint,
    List<Factor> environmentalFactors,
    Coefficient efBase,
    Coefficient efPerPoint,
    List<EsBand> experienceStability,
    List<ProductivityBand> productivity,
    Coefficient effortNumerator,
    Coefficient effortDenominator,
    Coefficient valueFactor,
    Coefficient overhead,
    Coefficient preTaxIncome,
    Coefficient vat,
    String file) {

  /** The actor kinds, in order. */
  public static final List<String> ACTOR_KINDS = List.of("simple", "average", "complex");

  /** The use-case classes, in order. */
  public static final List<String> CLASSES = List.of("B", "M", "T");

  /**
   * A technical or environmental factor.
   *
   * @param id factor id (T1…, E1…)
   * @param nameVi name in Vietnamese
   * @param nameEn name in English
   * @param weight its weight
   */
  public record Factor(String id, String nameVi, String nameEn, Coefficient weight) {}

  /**
   * A use-case complexity band: use cases with at most {@code maxTransactions} transactions (no
   * limit when null) that no earlier band took.
   *
   * @param id simple, average or complex
   * @param maxTransactions upper limit, inclusive, or null for the last band
   * @param weight base weight before the class multiplier
   */
  public record ComplexityBand(String id, Integer maxTransactions, Coefficient weight) {}

  /**
   * An experience-stability band: a factor whose weighted value is at most {@code upTo} (no limit
   * when null) and above the previous band's limit scores {@code score}.
   *
   * @param upTo upper limit, inclusive, or null for the last band
   * @param score the factor's score
   */
  public record EsBand(BigDecimal upTo, Coefficient score) {}

  /**
   * A productivity band: ES below {@code esBelow} (no limit when null) and not below the previous
   * band's limit gives {@code hoursPerPoint}.
   *
   * @param esBelow upper limit, exclusive, or null for the last band
   * @param hoursPerPoint P, person-hours per adjusted use-case point
   */
  public record ProductivityBand(BigDecimal esBelow, Coefficient hoursPerPoint) {}

  /** Whether the rule-set is in force on the day. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
  }

  /** Every coefficient, in file order. */
  public List<Coefficient> coefficients() {
    List<Coefficient> all = new ArrayList<>(actorWeights.values());
    useCaseComplexity.forEach(b -> all.add(b.weight()));
    all.addAll(useCaseClasses.values());
    technicalFactors.forEach(f -> all.add(f.weight()));
    all.add(tcfBase);
    all.add(tcfPerPoint);
    environmentalFactors.forEach(f -> all.add(f.weight()));
    all.add(efBase);
    all.add(efPerPoint);
    experienceStability.forEach(b -> all.add(b.score()));
    productivity.forEach(b -> all.add(b.hoursPerPoint()));
    all.add(effortNumerator);
    all.add(effortDenominator);
    all.add(valueFactor);
    all.add(overhead);
    all.add(preTaxIncome);
    if (vat != null) {
      all.add(vat);
    }
    return all;
  }

  /** The paths of the coefficients that are still to be confirmed. */
  public List<String> unconfirmed() {
    return coefficients().stream().filter(c -> !c.confirmed()).map(Coefficient::path).toList();
  }
}
