package vn.eams.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every answer carries the security headers; Quarkus' tools under /q/ all but the policy. */
@QuarkusTest
class SecurityHeadersTest {

  private static void secured(ValidatableResponse r) {
    r.header("Content-Security-Policy", equalTo(SecurityHeaders.CONTENT_SECURITY_POLICY))
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("X-Frame-Options", equalTo("DENY"))
        .header("Referrer-Policy", equalTo("same-origin"))
        .header("Permissions-Policy", equalTo("camera=(), microphone=(), geolocation=()"));
  }

  @Test
  void pagesApiAndStaticFiles_CarryThePolicy() {
    for (String path :
        new String[] {
          "/", "/graphiql", "/models/tra-vinh-v1.0/catalogue", "/api/models", "/css/eams.css"
        }) {
      secured(given().get(path).then().statusCode(200));
    }
  }

  @Test
  void errorsCarryThePolicyToo() {
    secured(given().get("/no-such-page").then().statusCode(404));
    secured(given().get("/api/models/no-such-model").then().statusCode(404));
    secured(
        given()
            .contentType("application/json")
            .body("{\"query\": ")
            .post("/graphql")
            .then()
            .statusCode(400));
  }

  @Test
  void quarkusTools_GetEveryHeaderButThePolicy() {
    given()
        .get("/q/health")
        .then()
        .header("Content-Security-Policy", nullValue())
        .header("X-Content-Type-Options", equalTo("nosniff"))
        .header("X-Frame-Options", equalTo("DENY"));
  }
}
