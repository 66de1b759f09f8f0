package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx problem+json that says what and where, and never a partial write. */
@QuarkusTest
class ErrorHandlingTest {

  @Test
  void malformedJson_Returns400WithLineAndColumn() {
    String m = Api.newModel();
    given()
        .contentType(ContentType.JSON)
        .body("{\"type\": \"Node\", \"name\": ")
        .post("/api/models/" + m + "/elements")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eams:problem:malformed-json"))
        .body("errors[0].line", containsString("1:"));
    given().get("/api/models/" + m + "/elements").then().body("items", hasSize(0));
  }

  @Test
  void wrongTypesAndUnknownFields_Return400ListingEveryField() {
    String m = Api.newModel();
    given()
        .contentType(ContentType.JSON)
        .body(
            "{\"type\": 5, \"name\": [\"x\"], \"colour\": \"red\", \"validFrom\": \"01/02/2020\"}")
        .post("/api/models/" + m + "/elements")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("type"))
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("colour"))
        .body("errors.field", hasItem("validFrom"));
    given()
        .contentType(ContentType.JSON)
        .body("[1,2]")
        .post("/api/models/" + m + "/elements")
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .body("{\"properties\": [{\"key\": 1}]}")
        .post("/api/models/" + m + "/elements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("properties[0]"));
  }

  @Test
  void unsupportedMediaTypeAndMethod_ReturnProblems() {
    given()
        .contentType(ContentType.TEXT)
        .body("x")
        .post("/api/models")
        .then()
        .statusCode(415)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .put("/api/models")
        .then()
        .statusCode(405)
        .contentType("application/problem+json");
    given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void oversizeBody_Returns413Problem_AndWritesNothing() {
    String m = Api.newModel();
    String big = "{\"type\":\"Node\",\"name\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
    given()
        .contentType(ContentType.JSON)
        .body(big)
        .post("/api/models/" + m + "/elements")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eams:problem:body-too-large"))
        // refused before the body is read, and still with the security headers
        .header(
            "Content-Security-Policy",
            equalTo(vn.eams.platform.SecurityHeaders.CONTENT_SECURITY_POLICY))
        .header("X-Content-Type-Options", equalTo("nosniff"));
    given().get("/api/models/" + m + "/elements").then().body("items", hasSize(0));
  }

  @Test
  void badIfMatch_Returns400() {
    String m = Api.newModel();
    String id = Api.element(m, "Node", "A");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"abc\"")
        .body(Map.of("name", "B"))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(400);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "B", "version", 2))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("version-mismatch"));
  }
}
