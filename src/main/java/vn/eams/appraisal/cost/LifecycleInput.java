package vn.eams.appraisal.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cost and benefit stream of a system over its life.
 *
 * @param years one row per year, year indices contiguous (year 0 is today and is not discounted)
 * @param discountRate the yearly discount rate as a fraction (0.08 for 8 %)
 */
public record LifecycleInput(List<Year> years, BigDecimal discountRate) {

  public LifecycleInput {
    years = List.copyOf(years);
  }

  /**
   * One year.
   *
   * @param year index: 0 is today, 1 the end of the first year, …
   * @param capexVnd investment spent in the year
   * @param opexVnd operation and maintenance spent in the year
   * @param benefitVnd benefit (savings, value) in the year
   */
  public record Year(int year, long capexVnd, long opexVnd, long benefitVnd) {}
}
