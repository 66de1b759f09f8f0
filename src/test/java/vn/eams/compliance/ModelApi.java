package vn.eams.compliance;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Models and elements made through the REST API, for the tests of proposals and appraisal. */
public final class ModelApi {

  private ModelApi() {}

  /** An id no other test uses: the prefix and eight random characters. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A model property ({@code eams:kind}, {@code eams:ref} …). */
  public static Map<String, String> prop(String key, String value) {
    return Map.of("key", key, "value", value);
  }

  /** Creates the model "Mô hình {id}" with the properties; answers its id. */
  public static String model(String id, List<Map<String, String>> properties) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", id, "name", "Mô hình " + id, "properties", properties))
        .post("/api/models")
        .then()
        .statusCode(201);
    return id;
  }

  /** Creates an element in the model; answers its id. */
  public static String element(String model, Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/models/" + model + "/elements")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
