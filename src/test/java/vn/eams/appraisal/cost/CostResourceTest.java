package vn.eams.appraisal.cost;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The cost endpoints over HTTP (values as in UcpEstimatorTest and LifecycleTest). */
@QuarkusTest
class CostResourceTest {

  @Test
  void ruleSets_Listed_WithTheDefault() {
    given()
        .get("/api/appraisal/cost-rulesets")
        .then()
        .statusCode(200)
        .body("id", hasItems("ucp-cv2589-2011", "ucp-qd671-2024"))
        .body("find { it.id == 'ucp-cv2589-2011' }.default", equalTo(true))
        .body("find { it.id == 'ucp-qd671-2024' }.toBeConfirmed", equalTo(true))
        .body("find { it.id == 'ucp-qd671-2024' }.technicalFactors.size()", equalTo(13));
  }

  @Test
  void ucp_WorkedExample() {
    String body =
        CostJsonTest.ucp(
            "[{\"name\":\"Tiếp nhận hồ sơ\",\"class\":\"B\",\"transactions\":3},"
                + "{\"name\":\"Tra cứu hồ sơ\",\"class\":\"B\",\"transactions\":4},"
                + "{\"name\":\"Phê duyệt hồ sơ\",\"class\":\"M\",\"transactions\":7},"
                + "{\"name\":\"Báo cáo thống kê\",\"class\":\"T\",\"transactions\":8}]",
            ", \"ruleSetId\": \"ucp-cv2589-2011\", \"hourlyCostVnd\": 100000");
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/appraisal/estimates/ucp")
        .then()
        .statusCode(200)
        .body("ruleSet.id", equalTo("ucp-cv2589-2011"))
        .body("ruleSet.version", equalTo("2011.1"))
        .body("taw", equalTo(7))
        .body("tbf", equalTo(49.5f))
        .body("es", equalTo(3.35f))
        .body("p", equalTo(20))
        .body("g", equalTo(230_266_692))
        .body("gpm", equalTo(402_736_445))
        .body("totalVnd", equalTo(402_736_445));
  }

  @Test
  void ucp_BadInput_IsProblemJson() {
    given()
        .contentType(ContentType.JSON)
        .body("{\"useCases\": [{\"name\": \"a\", \"class\": \"Q\", \"transactions\": 2}]}")
        .post("/api/appraisal/estimates/ucp")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItems("useCases[0].class", "hourlyCostVnd", "technicalFactors"));
    given()
        .contentType(ContentType.JSON)
        .body("{\"useCases\": 3}")
        .post("/api/appraisal/estimates/ucp")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("useCases"));
  }

  @Test
  void lifecycle_ThreeYears() {
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"discountRate\": 0.10, \"years\": [{\"year\": 0, \"capexVnd\": 1000000000},"
                + " {\"year\": 1, \"opexVnd\": 100000000, \"benefitVnd\": 500000000},"
                + " {\"year\": 2, \"opexVnd\": 100000000, \"benefitVnd\": 500000000},"
                + " {\"year\": 3, \"opexVnd\": 100000000, \"benefitVnd\": 500000000}]}")
        .post("/api/appraisal/estimates/lifecycle")
        .then()
        .statusCode(200)
        .body("tcoVnd", equalTo(1_300_000_000))
        .body("npvVnd", equalTo(-5_259_204))
        .body("bcr", equalTo(0.9958f))
        .body("simplePaybackYears", equalTo(2.5f))
        .body("discountedPaybackYears", nullValue())
        .body("years[1].pvCostVnd", equalTo(90_909_091));
  }
}
