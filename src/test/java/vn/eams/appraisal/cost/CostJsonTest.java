package vn.eams.appraisal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Reading estimate requests: every bad field named, 400 for unreadable, 422 for rule-breaking. */
class CostJsonTest {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final CostJson JSON = new CostJson(new CostRuleSets(Path.of("metamodel/rulesets")));
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  static final String RATINGS =
      "\"technicalFactors\": {\"T1\":3,\"T2\":2,\"T3\":3,\"T4\":2,\"T5\":1,\"T6\":3,\"T7\":4,"
          + "\"T8\":0,\"T9\":3,\"T10\":4,\"T11\":3,\"T12\":2,\"T13\":1},"
          + "\"environmentalFactors\": {\"E1\":3,\"E2\":2,\"E3\":3,\"E4\":4,\"E5\":3,\"E6\":2,"
          + "\"E7\":1,\"E8\":2}";

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  static String ucp(String useCases, String more) {
    return "{\"actors\": {\"simple\": 2, \"average\": 1, \"complex\": 1}, \"useCases\": "
        + useCases
        + ", "
        + RATINGS
        + more
        + "}";
  }

  /** The problem the use-case-point request is refused with. */
  static ProblemException refused(String text) throws Exception {
    JsonNode body = json(text);
    return catchThrowableOfType(() -> JSON.ucpInput(body, TODAY), ProblemException.class);
  }

  static List<String> fields(ProblemException e) {
    return e.toProblem().errors().stream().map(Problem.Error::field).toList();
  }

  @Test
  void workedExample_ReadsAndDefaultsToTheRuleSetInForce() throws Exception {
    UcpInput in =
        JSON.ucpInput(
            json(
                ucp(
                    "[{\"name\":\"Tiếp nhận hồ sơ\",\"class\":\"B\",\"transactions\":3},"
                        + "{\"name\":\"Tra cứu hồ sơ\",\"class\":\"B\",\"transactions\":4},"
                        + "{\"name\":\"Phê duyệt hồ sơ\",\"class\":\"M\",\"transactions\":7},"
                        + "{\"name\":\"Báo cáo thống kê\",\"class\":\"T\",\"transactions\":8}]",
                    ", \"hourlyCostVnd\": 100000")),
            TODAY);
    assertThat(in).isEqualTo(UcpEstimatorTest.worked());
    // the output map carries every intermediate value of UcpEstimatorTest's worked example
    Map<String, Object> out = CostJson.json(UcpEstimator.estimate(UcpEstimatorTest.CV2589, in));
    assertThat(out)
        .containsEntry("gpm", 402_736_445L)
        .containsEntry("totalVnd", 402_736_445L)
        .containsKeys("taw", "tbf", "uucp", "tfw", "tcf", "efw", "ef", "aucp", "es", "p", "e")
        .doesNotContainKey("vat");
  }

  @Test
  void ruleBreakingValues_Are422_EachFieldNamed() throws Exception {
    ProblemException e =
        refused(
            ucp(
                    "[{\"name\":\"a\",\"class\":\"B\",\"transactions\":3},"
                        + "{\"name\":\"b\",\"class\":\"X\",\"transactions\":3},"
                        + "{\"name\":\"c\",\"class\":\"B\",\"transactions\":0}]",
                    ", \"hourlyCostVnd\": 0")
                .replace("\"T8\":0", "\"T8\":6")
                .replace("\"E8\":2", "\"E9\":2"));
    assertThat(e.status()).isEqualTo(422);
    assertThat(fields(e))
        .containsExactlyInAnyOrder(
            "useCases[1].class",
            "useCases[2].transactions",
            "technicalFactors.T8",
            "environmentalFactors.E9",
            "environmentalFactors.E8",
            "hourlyCostVnd");
  }

  @Test
  void unknownRuleSet_Is422() throws Exception {
    ProblemException e =
        refused(
            ucp(
                "[{\"name\":\"a\",\"class\":\"B\",\"transactions\":3}]",
                ", \"hourlyCostVnd\": 1, \"ruleSetId\": \"ucp-1999\""));
    assertThat(e.status()).isEqualTo(422);
    assertThat(fields(e)).containsExactly("ruleSetId");
    assertThat(e.getMessage()).contains("1 rule");
  }

  @Test
  void wrongTypes_Are400() throws Exception {
    ProblemException e =
        refused(
            ucp(
                "[{\"name\":\"a\",\"class\":\"B\",\"transactions\":\"three\"}]",
                ", \"hourlyCostVnd\": 1.5, \"colour\": \"red\""));
    assertThat(e.status()).isEqualTo(400);
    assertThat(fields(e))
        .containsExactlyInAnyOrder("useCases[0].transactions", "hourlyCostVnd", "colour");
    ProblemException notObject = refused("[]");
    assertThat(notObject.status()).isEqualTo(400);
    ProblemException none =
        catchThrowableOfType(() -> JSON.lifecycleInput(null), ProblemException.class);
    assertThat(none.status()).isEqualTo(400);
  }

  @Test
  void lifecycle_ReadsAndChecks() throws Exception {
    LifecycleInput in =
        JSON.lifecycleInput(
            json(
                "{\"discountRate\": 0.1, \"years\": [{\"year\": 1, \"opexVnd\": 100000000,"
                    + " \"benefitVnd\": 500000000}, {\"year\": 0, \"capexVnd\": 1000000000}]}"));
    assertThat(in.years())
        .containsExactly(
            new LifecycleInput.Year(1, 0, 100_000_000L, 500_000_000L),
            new LifecycleInput.Year(0, 1_000_000_000L, 0, 0));
    ProblemException e =
        catchThrowableOfType(
            () ->
                JSON.lifecycleInput(
                    json(
                        "{\"discountRate\": 8, \"years\": [{\"year\": 0, \"capexVnd\": -1},"
                            + " {\"year\": 2}, {\"year\": 2}]}")),
            ProblemException.class);
    assertThat(e.status()).isEqualTo(422);
    assertThat(fields(e))
        .containsExactlyInAnyOrder("discountRate", "years[0].capexVnd", "years[2].year", "years");
  }
}
