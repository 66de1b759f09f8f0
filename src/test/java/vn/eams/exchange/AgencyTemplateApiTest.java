package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.File;
import org.junit.jupiter.api.Test;

/** Agency inventory templates uploaded into the province model (dry runs: nothing written). */
@QuarkusTest
class AgencyTemplateApiTest {

  private static final String MODEL = "tra-vinh-v1.0";

  @Test
  void shippedTemplates_MergeIntoTheProvinceModel_DryRun() {
    long version =
        given()
            .get("/api/models/" + MODEL)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("version");
    JsonPath r =
        given()
            .multiPart("file", new File("import/templates/ung-dung.csv"), "text/csv")
            .multiPart("file", new File("import/templates/co-so-du-lieu.csv"), "text/csv")
            .multiPart("file", new File("import/templates/dich-vu-chia-se.csv"), "text/csv")
            .multiPart("file", new File("import/templates/ha-tang.csv"), "text/csv")
            .post("/api/import?modelId=" + MODEL + "&dryRun=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(r.getString("format")).isEqualTo(AgencyTemplateReader.FORMAT);
    assertThat(r.getString("mode")).isEqualTo("merge");
    assertThat(r.getInt("changes.elements.created")).isEqualTo(4);
    assertThat(r.getInt("changes.elements.deleted")).isZero();
    assertThat(given().get("/api/models/" + MODEL).then().extract().jsonPath().getLong("version"))
        .as("a dry run writes nothing")
        .isEqualTo(version);
  }

  @Test
  void badRows_AreAllReportedAtOnce_WithFileLineAndColumn() {
    given()
        .multiPart("file", new File("tests/fixtures/templates/ung-dung-loi.csv"), "text/csv")
        .post("/api/import?modelId=" + MODEL)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.size()", greaterThan(3))
        .body("errors[0].line", startsWith("ung-dung-loi.csv:"))
        .body("errors[0].field", org.hamcrest.Matchers.notNullValue());
  }
}
