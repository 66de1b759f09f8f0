package vn.eams.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code eams.security.anonymous-read=false} visitors see the sign-in page only. */
@QuarkusTest
@TestProfile(AnonymousReadOffTest.Off.class)
class AnonymousReadOffTest {

  /** Anonymous reading switched off. */
  public static class Off implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("eams.security.anonymous-read", "false");
    }
  }

  @Test
  void publishedPages_SendVisitorsToSignIn_WhenAnonymousReadingIsOff() {
    given()
        .auth()
        .none()
        .redirects()
        .follow(false)
        .accept("text/html")
        .get("/models/tra-vinh-v1.0/catalogue?layer=Application")
        .then()
        .statusCode(303)
        .header(
            "Location",
            endsWith("/login?next=%2Fmodels%2Ftra-vinh-v1.0%2Fcatalogue%3Flayer%3DApplication"));
    given().auth().none().accept("*/*").get("/search?q=lgsp").then().statusCode(401);
    given()
        .auth()
        .none()
        .get("/login")
        .then()
        .statusCode(200)
        .body(containsString("name=\"password\""));
    // signed-in users still read them
    given().accept("text/html").get("/models/tra-vinh-v1.0/catalogue").then().statusCode(200);
  }
}
