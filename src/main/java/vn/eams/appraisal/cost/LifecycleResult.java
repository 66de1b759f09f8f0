package vn.eams.appraisal.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * Total cost of ownership and the investment measures of a cost and benefit stream.
 *
 * @param discountRate the rate applied
 * @param rows one row per year, ascending
 * @param tcoVnd TCO = Σ (capex + opex), undiscounted
 * @param totalBenefitVnd Σ benefit, undiscounted
 * @param pvCostsVnd Σ of the rows' present values of costs
 * @param pvBenefitsVnd Σ of the rows' present values of benefits
 * @param npvVnd pvBenefits − pvCosts
 * @param bcr pvBenefits / pvCosts to 4 decimals, or null when pvCosts is 0
 * @param simplePaybackYears years until the cumulative net flow first reaches 0 (2 decimals, linear
 *     within the year), 0 when it is never negative, null when it never reaches 0
 * @param discountedPaybackYears the same on the discounted flow
 */
public record LifecycleResult(
    BigDecimal discountRate,
    List<Row> rows,
    long tcoVnd,
    long totalBenefitVnd,
    long pvCostsVnd,
    long pvBenefitsVnd,
    long npvVnd,
    BigDecimal bcr,
    BigDecimal simplePaybackYears,
    BigDecimal discountedPaybackYears) {

  /**
   * One year.
   *
   * @param year its index
   * @param capexVnd investment
   * @param opexVnd operation
   * @param costVnd capex + opex
   * @param benefitVnd benefit
   * @param netVnd benefit − cost
   * @param cumulativeNetVnd Σ net up to this year
   * @param discountFactor 1 / (1 + r)^year, to 6 decimals as shown (values use it unrounded)
   * @param pvCostVnd cost × factor, whole đồng
   * @param pvBenefitVnd benefit × factor, whole đồng
   * @param pvNetVnd pvBenefit − pvCost
   * @param cumulativePvNetVnd Σ pvNet up to this year
   */
  public record Row(
      int year,
      long capexVnd,
      long opexVnd,
      long costVnd,
      long benefitVnd,
      long netVnd,
      long cumulativeNetVnd,
      BigDecimal discountFactor,
      long pvCostVnd,
      long pvBenefitVnd,
      long pvNetVnd,
      long cumulativePvNetVnd) {}
}
