package vn.eams.appraisal.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Total cost of ownership, NPV, benefit-cost ratio and payback of a yearly stream. Present values
 * are rounded to whole đồng per row (half up) and the totals are the sums of the rows, so a reader
 * can add them up by hand.
 */
public final class Lifecycle {

  /** Decimals of the discount factor as shown. */
  public static final int FACTOR_SCALE = 6;

  /** Decimals of the benefit-cost ratio. */
  public static final int BCR_SCALE = 4;

  /** Decimals of the payback periods. */
  public static final int PAYBACK_SCALE = 2;

  private static final MathContext MC = MathContext.DECIMAL128;

  private Lifecycle() {}

  /** The measures of the stream; the input must be valid (see {@link CostJson#lifecycleInput}). */
  public static LifecycleResult compute(LifecycleInput in) {
    List<LifecycleInput.Year> years = new ArrayList<>(in.years());
    years.sort(Comparator.comparingInt(LifecycleInput.Year::year));
    BigDecimal base = BigDecimal.ONE.add(in.discountRate());
    List<LifecycleResult.Row> rows = new ArrayList<>();
    long tco = 0;
    long benefits = 0;
    long pvCosts = 0;
    long pvBenefits = 0;
    long cumulative = 0;
    long cumulativePv = 0;
    for (LifecycleInput.Year y : years) {
      BigDecimal factor = BigDecimal.ONE.divide(base.pow(y.year(), MC), MC);
      long cost = y.capexVnd() + y.opexVnd();
      long pvCost = money(factor.multiply(BigDecimal.valueOf(cost)));
      long pvBenefit = money(factor.multiply(BigDecimal.valueOf(y.benefitVnd())));
      cumulative += y.benefitVnd() - cost;
      cumulativePv += pvBenefit - pvCost;
      rows.add(
          new LifecycleResult.Row(
              y.year(),
              y.capexVnd(),
              y.opexVnd(),
              cost,
              y.benefitVnd(),
              y.benefitVnd() - cost,
              cumulative,
              factor.setScale(FACTOR_SCALE, RoundingMode.HALF_UP),
              pvCost,
              pvBenefit,
              pvBenefit - pvCost,
              cumulativePv));
      tco += cost;
      benefits += y.benefitVnd();
      pvCosts += pvCost;
      pvBenefits += pvBenefit;
    }
    BigDecimal bcr =
        pvCosts == 0
            ? null
            : BigDecimal.valueOf(pvBenefits)
                .divide(BigDecimal.valueOf(pvCosts), BCR_SCALE, RoundingMode.HALF_UP);
    return new LifecycleResult(
        in.discountRate(),
        rows,
        tco,
        benefits,
        pvCosts,
        pvBenefits,
        pvBenefits - pvCosts,
        bcr,
        payback(rows, false),
        payback(rows, true));
  }

  /**
   * When the cumulative net flow first reaches 0 after being negative: the year before plus the
   * share of the crossing year's net flow needed, i.e. (t − 1) + (−cumulative before) / net of t.
   */
  static BigDecimal payback(List<LifecycleResult.Row> rows, boolean discounted) {
    long before = 0;
    boolean negative = false;
    for (LifecycleResult.Row r : rows) {
      long net = discounted ? r.pvNetVnd() : r.netVnd();
      long after = before + net;
      if (after < 0) {
        negative = true;
      } else if (negative) {
        return BigDecimal.valueOf(r.year() - 1L)
            .add(
                BigDecimal.valueOf(-before)
                    .divide(BigDecimal.valueOf(net), PAYBACK_SCALE + 4, RoundingMode.HALF_UP))
            .setScale(PAYBACK_SCALE, RoundingMode.HALF_UP);
      }
      before = after;
    }
    return negative ? null : BigDecimal.ZERO.setScale(PAYBACK_SCALE);
  }

  private static long money(BigDecimal v) {
    return v.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
