package vn.eams.appraisal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TCO, NPV, BCR and paybacks, computed by hand at 10 %. */
class LifecycleTest {

  static final long BN = 1_000_000_000L;
  static final long M = 1_000_000L;

  /** Year 0: 1 bn invested; years 1..n: 100 m operation, 500 m benefit. */
  static LifecycleInput stream(int lastYear) {
    List<LifecycleInput.Year> years = new ArrayList<>();
    years.add(new LifecycleInput.Year(0, BN, 0, 0));
    for (int y = 1; y <= lastYear; y++) {
      years.add(new LifecycleInput.Year(y, 0, 100 * M, 500 * M));
    }
    return new LifecycleInput(years, new BigDecimal("0.10"));
  }

  @Test
  void threeYears_NpvNegative_NoDiscountedPayback() {
    LifecycleResult r = Lifecycle.compute(stream(3));
    // TCO = 1 000 m + 3 × 100 m = 1 300 000 000; benefits 3 × 500 m = 1 500 000 000
    assertThat(r.tcoVnd()).isEqualTo(1_300_000_000L);
    assertThat(r.totalBenefitVnd()).isEqualTo(1_500_000_000L);
    // factors: 1; 1/1.1 = 0.909091; 1/1.21 = 0.826446; 1/1.331 = 0.751315
    assertThat(r.rows())
        .extracting(LifecycleResult.Row::discountFactor)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("1"),
            new BigDecimal("0.909091"),
            new BigDecimal("0.826446"),
            new BigDecimal("0.751315"));
    // PV costs: 1 000 000 000; 100 m / 1.1 = 90 909 090.91 → 90 909 091;
    // 100 m / 1.21 = 82 644 628.10 → 82 644 628; 100 m / 1.331 = 75 131 480.09 → 75 131 480
    assertThat(r.rows())
        .extracting(LifecycleResult.Row::pvCostVnd)
        .containsExactly(1_000_000_000L, 90_909_091L, 82_644_628L, 75_131_480L);
    // PV benefits: 0; 500 m / 1.1 = 454 545 454.55 → 454 545 455;
    // 500 m / 1.21 = 413 223 140.50 → 413 223 140; 500 m / 1.331 = 375 657 400.45 → 375 657 400
    assertThat(r.rows())
        .extracting(LifecycleResult.Row::pvBenefitVnd)
        .containsExactly(0L, 454_545_455L, 413_223_140L, 375_657_400L);
    // Σ PV costs = 1 248 685 199; Σ PV benefits = 1 243 425 995; NPV = −5 259 204
    assertThat(r.pvCostsVnd()).isEqualTo(1_248_685_199L);
    assertThat(r.pvBenefitsVnd()).isEqualTo(1_243_425_995L);
    assertThat(r.npvVnd()).isEqualTo(-5_259_204L);
    // BCR = 1 243 425 995 / 1 248 685 199 = 0.99578… → 0.9958
    assertThat(r.bcr()).isEqualByComparingTo("0.9958");
    // cumulative net: −1 000 m, −600 m, −200 m, +200 m → payback 2 + 200/400 = 2.50
    assertThat(r.rows())
        .extracting(LifecycleResult.Row::cumulativeNetVnd)
        .containsExactly(-1_000_000_000L, -600_000_000L, -200_000_000L, 200_000_000L);
    assertThat(r.simplePaybackYears()).isEqualByComparingTo("2.50");
    // discounted cumulative: −1 000 000 000, −636 363 636, −305 785 124, −5 259 204: never
    assertThat(r.rows().get(3).cumulativePvNetVnd()).isEqualTo(-5_259_204L);
    assertThat(r.discountedPaybackYears()).isNull();
  }

  @Test
  void fourYears_DiscountedPaybackInTheFourthYear() {
    LifecycleResult r = Lifecycle.compute(stream(4));
    // year 4: factor 1/1.4641 = 0.683013; PV cost 100 m / 1.4641 = 68 301 345.55 → 68 301 346;
    // PV benefit 500 m / 1.4641 = 341 506 727.68 → 341 506 728; PV net 273 205 382
    LifecycleResult.Row y4 = r.rows().get(4);
    assertThat(y4.discountFactor()).isEqualByComparingTo("0.683013");
    assertThat(y4.pvCostVnd()).isEqualTo(68_301_346L);
    assertThat(y4.pvBenefitVnd()).isEqualTo(341_506_728L);
    assertThat(y4.pvNetVnd()).isEqualTo(273_205_382L);
    // TCO 1 400 000 000; NPV = −5 259 204 + 273 205 382 = 267 946 178
    assertThat(r.tcoVnd()).isEqualTo(1_400_000_000L);
    assertThat(r.npvVnd()).isEqualTo(267_946_178L);
    // BCR = (1 243 425 995 + 341 506 728) / (1 248 685 199 + 68 301 346)
    //     = 1 584 932 723 / 1 316 986 545 = 1.20345… → 1.2035
    assertThat(r.bcr()).isEqualByComparingTo("1.2035");
    // discounted payback = 3 + 5 259 204 / 273 205 382 = 3 + 0.01925 → 3.02
    assertThat(r.discountedPaybackYears()).isEqualByComparingTo("3.02");
    assertThat(r.simplePaybackYears()).isEqualByComparingTo("2.50");
  }

  @Test
  void noDiscount_NeverNegative_NoCosts() {
    // rate 0: every factor 1, NPV = Σ net = 3 × 400 m − 1 000 m = 200 m
    LifecycleResult zero =
        Lifecycle.compute(new LifecycleInput(stream(3).years(), BigDecimal.ZERO));
    assertThat(zero.npvVnd()).isEqualTo(200_000_000L);
    // BCR = 1 500 m / 1 300 m = 1.153846… → 1.1538; both paybacks 2.50
    assertThat(zero.bcr()).isEqualByComparingTo("1.1538");
    assertThat(zero.discountedPaybackYears()).isEqualByComparingTo("2.50");
    // benefits only, starting at year 1: never negative → payback 0, no costs → no BCR
    LifecycleResult free =
        Lifecycle.compute(
            new LifecycleInput(
                List.of(new LifecycleInput.Year(1, 0, 0, 10 * M)), new BigDecimal("0.05")));
    assertThat(free.simplePaybackYears()).isEqualByComparingTo("0");
    assertThat(free.bcr()).isNull();
    // 10 m / 1.05 = 9 523 809.52 → 9 523 810
    assertThat(free.pvBenefitsVnd()).isEqualTo(9_523_810L);
    // costs only: never pays back
    LifecycleResult cost =
        Lifecycle.compute(
            new LifecycleInput(
                List.of(new LifecycleInput.Year(0, BN, 0, 0)), new BigDecimal("0.05")));
    assertThat(cost.simplePaybackYears()).isNull();
    assertThat(cost.bcr()).isEqualByComparingTo("0");
  }
}
