package vn.eams.appraisal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Computes use-case-point estimates by the formulas of vietnam-egov.md §4.4. */
public final class UcpEstimator {

  /** Decimals of E as shown. */
  public static final int EFFORT_SCALE = 4;

  private UcpEstimator() {}

  /**
   * The estimate of the input under the rule-set. The input must be valid for the rule-set (see
   * {@link CostJson#ucpInput}); a factor without a rating counts as 0.
   */
  public static UcpEstimate estimate(UcpRuleSet rules, UcpInput in) {
    if (in.ruleSetId() != null && !in.ruleSetId().equals(rules.id())) {
      throw new IllegalArgumentException(
          "The input names rule-set " + in.ruleSetId() + " but " + rules.id() + " was given");
    }
    List<UcpEstimate.ActorRow> actors = new ArrayList<>();
    BigDecimal taw = BigDecimal.ZERO;
    for (String kind : UcpRuleSet.ACTOR_KINDS) {
      BigDecimal w = rules.actorWeights().get(kind).value();
      int n = in.actors(kind);
      BigDecimal points = w.multiply(BigDecimal.valueOf(n));
      actors.add(new UcpEstimate.ActorRow(kind, n, w, points));
      taw = taw.add(points);
    }
    List<UcpEstimate.UseCaseRow> useCases = new ArrayList<>();
    BigDecimal tbf = BigDecimal.ZERO;
    for (UcpInput.UseCase u : in.useCases()) {
      UcpRuleSet.ComplexityBand band = complexity(rules, u.transactions());
      BigDecimal multiplier = rules.useCaseClasses().get(u.useCaseClass()).value();
      BigDecimal weight = band.weight().value().multiply(multiplier);
      useCases.add(
          new UcpEstimate.UseCaseRow(
              u.name(),
              u.useCaseClass(),
              u.transactions(),
              band.id(),
              band.weight().value(),
              multiplier,
              weight));
      tbf = tbf.add(weight);
    }
    BigDecimal uucp = taw.add(tbf);
    List<UcpEstimate.FactorRow> technical =
        rows(rules.technicalFactors(), in.technicalRatings(), null);
    BigDecimal tfw = sum(technical);
    BigDecimal tcf = rules.tcfBase().value().add(rules.tcfPerPoint().value().multiply(tfw));
    List<UcpEstimate.FactorRow> environmental =
        rows(rules.environmentalFactors(), in.environmentalRatings(), rules);
    BigDecimal efw = sum(environmental);
    BigDecimal ef = rules.efBase().value().add(rules.efPerPoint().value().multiply(efw));
    BigDecimal aucp = uucp.multiply(tcf).multiply(ef);
    BigDecimal es = BigDecimal.ZERO;
    for (UcpEstimate.FactorRow r : environmental) {
      es = es.add(r.esScore());
    }
    BigDecimal p = productivity(rules, es);
    BigDecimal num = rules.effortNumerator().value();
    BigDecimal den = rules.effortDenominator().value();
    BigDecimal effort = aucp.multiply(num).divide(den, EFFORT_SCALE, RoundingMode.HALF_UP);
    BigDecimal h = BigDecimal.valueOf(in.hourlyCostVnd());
    // G from the unrounded E: valueFactor × AUCP × num × P × H / den
    long g =
        rules
            .valueFactor()
            .value()
            .multiply(aucp)
            .multiply(num)
            .multiply(p)
            .multiply(h)
            .divide(den, 0, RoundingMode.HALF_UP)
            .longValueExact();
    long c = money(rules.overhead().value().multiply(BigDecimal.valueOf(g)));
    long tl = money(rules.preTaxIncome().value().multiply(BigDecimal.valueOf(g + c)));
    long gpm = g + c + tl;
    Long vat =
        rules.vat() == null ? null : money(rules.vat().value().multiply(BigDecimal.valueOf(gpm)));
    return new UcpEstimate(
        rules.id(),
        rules.version(),
        rules.toBeConfirmed(),
        rules.unconfirmed(),
        actors,
        taw,
        useCases,
        tbf,
        uucp,
        technical,
        tfw,
        tcf,
        environmental,
        efw,
        ef,
        aucp,
        es,
        p,
        effort,
        in.hourlyCostVnd(),
        g,
        c,
        tl,
        gpm,
        vat,
        gpm + (vat == null ? 0 : vat));
  }

  /** The complexity band of a use case with the given number of transactions. */
  public static UcpRuleSet.ComplexityBand complexity(UcpRuleSet rules, int transactions) {
    for (UcpRuleSet.ComplexityBand b : rules.useCaseComplexity()) {
      if (b.maxTransactions() == null || transactions <= b.maxTransactions()) {
        return b;
      }
    }
    throw new IllegalStateException("rule-set " + rules.id() + " has no open last band");
  }

  /** The experience-stability score of one factor's weighted value. */
  public static BigDecimal esScore(UcpRuleSet rules, BigDecimal weighted) {
    for (UcpRuleSet.EsBand b : rules.experienceStability()) {
      if (b.upTo() == null || weighted.compareTo(b.upTo()) <= 0) {
        return b.score().value();
      }
    }
    throw new IllegalStateException("rule-set " + rules.id() + " has no open last ES band");
  }

  /** P for an ES. */
  public static BigDecimal productivity(UcpRuleSet rules, BigDecimal es) {
    for (UcpRuleSet.ProductivityBand b : rules.productivity()) {
      if (b.esBelow() == null || es.compareTo(b.esBelow()) < 0) {
        return b.hoursPerPoint().value();
      }
    }
    throw new IllegalStateException("rule-set " + rules.id() + " has no open last P band");
  }

  private static List<UcpEstimate.FactorRow> rows(
      List<UcpRuleSet.Factor> factors, Map<String, Integer> ratings, UcpRuleSet esRules) {
    List<UcpEstimate.FactorRow> rows = new ArrayList<>();
    for (UcpRuleSet.Factor f : factors) {
      int rating = ratings.getOrDefault(f.id(), 0);
      BigDecimal value = f.weight().value().multiply(BigDecimal.valueOf(rating));
      rows.add(
          new UcpEstimate.FactorRow(
              f.id(),
              f.nameVi(),
              f.nameEn(),
              f.weight().value(),
              rating,
              value,
              esRules == null ? null : esScore(esRules, value)));
    }
    return rows;
  }

  private static BigDecimal sum(List<UcpEstimate.FactorRow> rows) {
    BigDecimal s = BigDecimal.ZERO;
    for (UcpEstimate.FactorRow r : rows) {
      s = s.add(r.value());
    }
    return s;
  }

  private static long money(BigDecimal v) {
    return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
