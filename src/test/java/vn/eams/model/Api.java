package vn.eams.model;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;

/** Small REST helpers shared by the model API tests. */
final class Api {

  private Api() {}

  static String newModel() {
    String id = "m-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", id, "name", "Mô hình " + id))
        .post("/api/models")
        .then()
        .statusCode(201);
    return id;
  }

  static ValidatableResponse post(String path, Object body) {
    return given().contentType(ContentType.JSON).body(body).post(path).then();
  }

  static String element(String model, String type, String name) {
    return post("/api/models/" + model + "/elements", Map.of("type", type, "name", name))
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String relationship(String model, String type, String source, String target) {
    return post(
            "/api/models/" + model + "/relationships",
            Map.of("type", type, "sourceId", source, "targetId", target))
        .statusCode(201)
        .extract()
        .path("id");
  }
}
