package vn.eams.analysis;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Models built through the REST API for the analysis tests (of the REST API and of GraphQL). */
public final class AnalysisFixtures {

  private AnalysisFixtures() {}

  public static String newModel() {
    String id = "an-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", id, "name", "Phân tích " + id))
        .post("/api/models")
        .then()
        .statusCode(201);
    return id;
  }

  /** Required profile properties of the specializations these tests use. */
  static final Map<String, Map<String, Object>> REQUIRED =
      Map.of(
          "Database", Map.of("databaseClass", "provincialShared"),
          "Application", Map.of("applicationGroup", "business"),
          "Agency", Map.of("level", "province"));

  public static Map<String, Object> element(String id, String type, String name, String spec) {
    Map<String, Object> data = new java.util.HashMap<>(Map.of("type", type, "name", name));
    if (spec != null) {
      data.put("specialization", spec);
      data.put("profile", REQUIRED.getOrDefault(spec, Map.of()));
    }
    return create("element", id, data);
  }

  public static Map<String, Object> relationship(
      String id, String type, String source, String target) {
    return create("relationship", id, Map.of("type", type, "sourceId", source, "targetId", target));
  }

  /** A create operation of a batch: {@code kind} element or relationship, with its data. */
  public static Map<String, Object> create(String kind, String id, Map<String, Object> data) {
    return Map.of("op", "create", "kind", kind, "id", id, "data", data);
  }

  public static void batch(String model, List<Map<String, Object>> operations) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("operations", operations))
        .post("/api/models/" + model + "/batch")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200);
  }

  public static JsonPath impact(String model, Map<String, Object> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/models/" + model + "/impact")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .extract()
        .jsonPath();
  }

  /** The data object used by an application that realizes a service used by an agency. */
  public static String smallModel() {
    String m = newModel();
    batch(
        m,
        List.of(
            element(m + "-db", "DataObject", "Cơ sở dữ liệu hộ tịch", "Database"),
            element(m + "-app", "ApplicationComponent", "Phần mềm hộ tịch", "Application"),
            element(m + "-svc", "ApplicationService", "Dịch vụ tra cứu", null),
            element(m + "-proc", "BusinessProcess", "Đăng ký khai sinh", null),
            element(m + "-dom", "BusinessFunction", "Hộ tịch", "ServiceDomain"),
            element(m + "-agency", "BusinessActor", "Sở Tư pháp", "Agency"),
            relationship(m + "-r1", "Access", m + "-app", m + "-db"),
            relationship(m + "-r2", "Realization", m + "-app", m + "-svc"),
            relationship(m + "-r3", "Serving", m + "-svc", m + "-proc"),
            relationship(m + "-r4", "Composition", m + "-dom", m + "-proc"),
            relationship(m + "-r5", "Assignment", m + "-agency", m + "-dom")));
    return m;
  }
}
