package vn.eams.appraisal.duplication;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.compliance.ModelApi.element;
import static vn.eams.compliance.ModelApi.model;
import static vn.eams.compliance.ModelApi.prop;
import static vn.eams.compliance.ModelApi.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/models/{proposalId}/duplicates over a small baseline made through the API. */
@QuarkusTest
class DuplicationApiTest {

  private static Map<String, Object> application(String name) {
    return Map.of(
        "type",
        "ApplicationComponent",
        "name",
        name,
        "specialization",
        "Application",
        "profile",
        Map.of("applicationGroup", "business"));
  }

  @Test
  void duplicates_FindTheBaselinesOneStopSystemFirst_ThenTheOtherProposal() {
    String base = model(unique("base"), List.of());
    String oneStop = element(base, application("Một cửa điện tử"));
    element(base, application("Thư điện tử"));
    List<Map<String, String>> proposal =
        List.of(prop("eams:kind", "proposal"), prop("eams:baseline", base));
    String p = model(unique("prop"), proposal);
    String app = element(p, application("Hệ thống một cửa điện tử"));
    String other = model(unique("prop"), proposal);
    String otherApp = element(other, application("Phần mềm một cửa điện tử cấp huyện"));

    given()
        .get("/api/models/" + p + "/duplicates")
        .then()
        .statusCode(200)
        .body("proposalId", equalTo(p))
        .body("baselineId", equalTo(base))
        .body("ruleSet.id", equalTo("duplication-2026"))
        .body("buildCostVnd", nullValue())
        .body("proposed[0].id", equalTo(app))
        .body("proposed[0].kind", equalTo("application"))
        // "mot cua" against "mot cua": similarity 1, score 0.6, reuse
        .body("matches[0].rank", equalTo(1))
        .body("matches[0].candidateId", equalTo(oneStop))
        .body("matches[0].modelId", equalTo(base))
        .body("matches[0].kind", equalTo("application"))
        .body("matches[0].proposedElementId", equalTo(app))
        .body("matches[0].score", equalTo(0.6f))
        .body("matches[0].reasons[0].code", equalTo("name"))
        .body("matches[0].reasons[0].weight", equalTo(0.6f))
        .body("matches[0].suggestion.code", equalTo("reuse"))
        .body("matches[0].estimatedSavingVnd", nullValue())
        .body("matches[0].status", nullValue())
        // the other proposal's "mot cua cap huyen": no status known, so it is searched
        .body("matches[1].candidateId", equalTo(otherApp))
        .body("matches[1].modelId", equalTo(other))
        .body("matches[1].kind", equalTo("proposal"))
        .body("matches[1].status", equalTo(""))
        .body("matches.size()", equalTo(2))
        .body("leftOut.size()", equalTo(0));
  }

  @Test
  void duplicates_Rejects422_ForAnArchitecture_And404_ForNoModel() {
    String base = model(unique("base"), List.of());
    given()
        .get("/api/models/" + base + "/duplicates")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.code", hasItem("not-a-proposal"));
    given()
        .get("/api/models/" + unique("none") + "/duplicates")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
