package vn.eams.graphql;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** Posts GraphQL requests in the tests. */
final class GraphQl {

  static final String TRA_VINH = "tra-vinh-v1.0";

  private GraphQl() {}

  static ValidatableResponse post(String query) {
    return post(query, Map.of());
  }

  static ValidatableResponse post(String query, Map<String, Object> variables) {
    Map<String, Object> body = new HashMap<>();
    body.put("query", query);
    body.put("variables", variables);
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/graphql")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }
}
