package vn.eams.appraisal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Use-case points under CV 2589 (vietnam-egov.md §4.4), every value computed by hand. */
class UcpEstimatorTest {

  static final CostRuleSets SETS = new CostRuleSets(Path.of("metamodel/rulesets"));
  static final UcpRuleSet CV2589 = SETS.byId("ucp-cv2589-2011").orElseThrow();

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** Technical ratings T1..T13 of the worked example. */
  static Map<String, Integer> technical() {
    int[] r = {3, 2, 3, 2, 1, 3, 4, 0, 3, 4, 3, 2, 1};
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < r.length; i++) {
      m.put("T" + (i + 1), r[i]);
    }
    return m;
  }

  static Map<String, Integer> environmental(int... r) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < r.length; i++) {
      m.put("E" + (i + 1), r[i]);
    }
    return m;
  }

  static UcpInput worked() {
    return worked("ucp-cv2589-2011");
  }

  /** The worked example's input, for a rule-set. */
  static UcpInput worked(String ruleSetId) {
    return new UcpInput(
        ruleSetId,
        2,
        1,
        1,
        List.of(
            new UcpInput.UseCase("Tiếp nhận hồ sơ", "B", 3),
            new UcpInput.UseCase("Tra cứu hồ sơ", "B", 4),
            new UcpInput.UseCase("Phê duyệt hồ sơ", "M", 7),
            new UcpInput.UseCase("Báo cáo thống kê", "T", 8)),
        technical(),
        environmental(3, 2, 3, 4, 3, 2, 1, 2),
        100_000);
  }

  @Test
  void workedExample_EveryIntermediateValue() {
    UcpEstimate x = UcpEstimator.estimate(CV2589, worked());
    assertThat(x.ruleSetId()).isEqualTo("ucp-cv2589-2011");
    assertThat(x.ruleSetVersion()).isEqualTo("2011.1");
    assertThat(x.toBeConfirmed()).isFalse();
    assertThat(x.unconfirmed()).isEmpty();
    // TAW = 2 simple × 1 + 1 average × 2 + 1 complex × 3 = 2 + 2 + 3 = 7
    assertThat(x.actors()).extracting(a -> a.points().intValue()).containsExactly(2, 2, 3);
    assertThat(x.taw()).isEqualByComparingTo("7");
    // use cases: B 3 tx → simple 5 × 1.0 = 5; B 4 tx → average 10 × 1.0 = 10;
    // M 7 tx → average 10 × 1.2 = 12; T 8 tx → complex 15 × 1.5 = 22.5
    assertThat(x.useCases())
        .extracting(UcpEstimate.UseCaseRow::complexity)
        .containsExactly("simple", "average", "average", "complex");
    assertThat(x.useCases())
        .extracting(UcpEstimate.UseCaseRow::weight)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("5"), d("10"), d("12"), d("22.5"));
    // TBF = 5 + 10 + 12 + 22.5 = 49.5; UUCP = 7 + 49.5 = 56.5
    assertThat(x.tbf()).isEqualByComparingTo("49.5");
    assertThat(x.uucp()).isEqualByComparingTo("56.5");
    // TFW = 3×2 + 2×1 + 3×1 + 2×1 + 1×1 + 3×0.5 + 4×0.5 + 0×2 + 3×1 + 4×1 + 3×1 + 2×1 + 1×1
    //     = 6 + 2 + 3 + 2 + 1 + 1.5 + 2 + 0 + 3 + 4 + 3 + 2 + 1 = 30.5
    assertThat(x.tfw()).isEqualByComparingTo("30.5");
    // TCF = 0.6 + 0.01 × 30.5 = 0.905
    assertThat(x.tcf()).isEqualByComparingTo("0.905");
    // EFW = 3×1.5 + 2×0.5 + 3×1 + 4×0.5 + 3×1 + 2×2 + 1×(−1) + 2×(−1)
    //     = 4.5 + 1 + 3 + 2 + 3 + 4 − 1 − 2 = 14.5
    assertThat(x.efw()).isEqualByComparingTo("14.5");
    // EF = 1.4 − 0.03 × 14.5 = 1.4 − 0.435 = 0.965
    assertThat(x.ef()).isEqualByComparingTo("0.965");
    // AUCP = 56.5 × 0.905 × 0.965 = 51.1325 × 0.965 = 49.3428625
    assertThat(x.aucp()).isEqualByComparingTo("49.3428625");
    // ES per factor (weighted value → score): 4.5 → 1; 1 → 0.05; 3 → 0.6; 2 → 0.1; 3 → 0.6;
    // 4 → 1; −1 → 0; −2 → 0. ES = 1 + 0.05 + 0.6 + 0.1 + 0.6 + 1 = 3.35 ≥ 3 → P = 20
    assertThat(x.environmental())
        .extracting(UcpEstimate.FactorRow::esScore)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(d("1"), d("0.05"), d("0.6"), d("0.1"), d("0.6"), d("1"), d("0"), d("0"));
    assertThat(x.es()).isEqualByComparingTo("3.35");
    assertThat(x.p()).isEqualByComparingTo("20");
    // E = 10/6 × 49.3428625 = 82.238104166… → 82.2381
    assertThat(x.effort()).isEqualByComparingTo("82.2381");
    // G = 1.4 × E × P × H = 49.3428625 × 10 × 1.4 × 20 × 100 000 / 6 = 1 381 600 150 / 6
    //   = 230 266 691.67 → 230 266 692
    assertThat(x.g()).isEqualTo(230_266_692L);
    // C = 0.65 × 230 266 692 = 149 673 349.8 → 149 673 350
    assertThat(x.overhead()).isEqualTo(149_673_350L);
    // TL = 0.06 × (230 266 692 + 149 673 350) = 0.06 × 379 940 042 = 22 796 402.52 → 22 796 403
    assertThat(x.preTaxIncome()).isEqualTo(22_796_403L);
    // G_pm = 230 266 692 + 149 673 350 + 22 796 403 = 402 736 445; no VAT in CV 2589
    assertThat(x.gpm()).isEqualTo(402_736_445L);
    assertThat(x.vat()).isNull();
    assertThat(x.total()).isEqualTo(402_736_445L);
  }

  /** ES from the environmental ratings E1..E8, and P from it. */
  private static UcpEstimate withEnvironment(int... ratings) {
    UcpInput w = worked();
    UcpInput in =
        new UcpInput(
            w.ruleSetId(),
            w.simpleActors(),
            w.averageActors(),
            w.complexActors(),
            w.useCases(),
            w.technicalRatings(),
            environmental(ratings),
            w.hourlyCostVnd());
    return UcpEstimator.estimate(CV2589, in);
  }

  private static void assertEsAndP(int[] ratings, String es, String p) {
    UcpEstimate x = withEnvironment(ratings);
    assertThat(x.es()).isEqualByComparingTo(es);
    assertThat(x.p()).isEqualByComparingTo(p);
  }

  @Test
  void productivity_AtEachEsBoundary() {
    // E2 2 → 1 → 0.05; E3 3 → 3 → 0.6; E4 4 → 2 → 0.1; E5 2 → 2 → 0.1; E6 1 → 2 → 0.1
    // ES = 0.95 < 1 → P = 48
    assertEsAndP(new int[] {0, 2, 3, 4, 2, 1, 0, 0}, "0.95", "48");
    // E1 3 → 4.5 → 1; ES = 1 → P = 32 (1 ≤ ES < 3)
    assertEsAndP(new int[] {3, 0, 0, 0, 0, 0, 0, 0}, "1", "32");
    // E1 3 → 1; E6 2 → 4 → 1; E3 3 → 0.6; E2 3 → 1.5 → 0.1; E4 4 → 0.1; E5 2 → 0.1
    // ES = 2.9 < 3 → P = 32
    assertEsAndP(new int[] {3, 3, 3, 4, 2, 2, 0, 0}, "2.9", "32");
    // E1 3 → 1; E3 4 → 4 → 1; E6 2 → 1; ES = 3 → P = 20
    assertEsAndP(new int[] {3, 0, 4, 0, 0, 2, 0, 0}, "3", "20");
    // nothing rated: ES = 0 → P = 48
    assertThat(withEnvironment(0, 0, 0, 0, 0, 0, 0, 0).p()).isEqualByComparingTo("48");
  }

  @Test
  void experienceStability_BandEdges() {
    // weighted value ≤ 0 → 0; (0, 1] → 0.05; (1, 2] → 0.1; (2, 3] → 0.6; > 3 → 1
    assertThat(UcpEstimator.esScore(CV2589, d("-2"))).isEqualByComparingTo("0");
    assertThat(UcpEstimator.esScore(CV2589, d("0"))).isEqualByComparingTo("0");
    assertThat(UcpEstimator.esScore(CV2589, d("0.5"))).isEqualByComparingTo("0.05");
    assertThat(UcpEstimator.esScore(CV2589, d("1"))).isEqualByComparingTo("0.05");
    assertThat(UcpEstimator.esScore(CV2589, d("1.5"))).isEqualByComparingTo("0.1");
    assertThat(UcpEstimator.esScore(CV2589, d("2"))).isEqualByComparingTo("0.1");
    assertThat(UcpEstimator.esScore(CV2589, d("2.5"))).isEqualByComparingTo("0.6");
    assertThat(UcpEstimator.esScore(CV2589, d("3"))).isEqualByComparingTo("0.6");
    assertThat(UcpEstimator.esScore(CV2589, d("3.5"))).isEqualByComparingTo("1");
  }

  @Test
  void useCaseClass_Thresholds() {
    // ≤ 3 transactions simple (5), 4–7 average (10), > 7 complex (15)
    assertThat(UcpEstimator.complexity(CV2589, 1).id()).isEqualTo("simple");
    assertThat(UcpEstimator.complexity(CV2589, 3).id()).isEqualTo("simple");
    assertThat(UcpEstimator.complexity(CV2589, 4).id()).isEqualTo("average");
    assertThat(UcpEstimator.complexity(CV2589, 7).id()).isEqualTo("average");
    assertThat(UcpEstimator.complexity(CV2589, 8).id()).isEqualTo("complex");
    assertThat(UcpEstimator.complexity(CV2589, 1000).id()).isEqualTo("complex");
    // B 5/10/15, M 6/12/18, T 7.5/15/22.5: nine use cases, one of each
    List<UcpInput.UseCase> nine =
        List.of(
            new UcpInput.UseCase("b1", "B", 3),
            new UcpInput.UseCase("b2", "B", 4),
            new UcpInput.UseCase("b3", "B", 8),
            new UcpInput.UseCase("m1", "M", 3),
            new UcpInput.UseCase("m2", "M", 7),
            new UcpInput.UseCase("m3", "M", 8),
            new UcpInput.UseCase("t1", "T", 1),
            new UcpInput.UseCase("t2", "T", 5),
            new UcpInput.UseCase("t3", "T", 9));
    UcpInput in = new UcpInput("ucp-cv2589-2011", 0, 0, 0, nine, technical(), environmental(), 1);
    UcpEstimate x = UcpEstimator.estimate(CV2589, in);
    assertThat(x.useCases())
        .extracting(UcpEstimate.UseCaseRow::weight)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            d("5"), d("10"), d("15"), d("6"), d("12"), d("18"), d("7.5"), d("15"), d("22.5"));
    // TBF = 30 + 36 + 45 = 111; TAW = 0; UUCP = 111
    assertThat(x.tbf()).isEqualByComparingTo("111");
    assertThat(x.uucp()).isEqualByComparingTo("111");
  }

  @Test
  void qd671_IsToBeConfirmed_AndSaysWhich() {
    UcpRuleSet qd671 = SETS.byId("ucp-qd671-2024").orElseThrow();
    assertThat(qd671.toBeConfirmed()).isTrue();
    assertThat(qd671.technicalFactors()).hasSize(13);
    assertThat(qd671.ratingMin()).isZero();
    assertThat(qd671.ratingMax()).isEqualTo(5);
    // every coefficient not read from QĐ 671 is unconfirmed: all of them
    assertThat(qd671.unconfirmed()).hasSize(qd671.coefficients().size()).contains("tcf.base");
    UcpEstimate x = UcpEstimator.estimate(qd671, worked("ucp-qd671-2024"));
    // same coefficients as 2589 for now → the same total, recorded under 671 and flagged
    assertThat(x.ruleSetId()).isEqualTo("ucp-qd671-2024");
    assertThat(x.toBeConfirmed()).isTrue();
    assertThat(x.total()).isEqualTo(402_736_445L);
  }

  @Test
  void vat_WhenTheRuleSetHasIt(@TempDir Path dir) throws Exception {
    Path cost = Files.createDirectories(dir.resolve("cost"));
    String text =
        Files.readString(Path.of("metamodel/rulesets/cost/ucp-cv2589-2011.json"))
            .replace("\"ucp-cv2589-2011\"", "\"ucp-vat\"")
            .replace("\"preTaxIncome\": 0.06", "\"preTaxIncome\": 0.06, \"vat\": 0.1");
    Files.writeString(cost.resolve("vat.json"), text);
    UcpRuleSet vat = new CostRuleSets(dir).byId("ucp-vat").orElseThrow();
    UcpEstimate x = UcpEstimator.estimate(vat, worked("ucp-vat"));
    // VAT = 0.1 × 402 736 445 = 40 273 644.5 → 40 273 645; total = 443 010 090
    assertThat(x.vat()).isEqualTo(40_273_645L);
    assertThat(x.total()).isEqualTo(443_010_090L);
  }
}
