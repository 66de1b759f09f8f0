package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchApiTest {

  private static Map<String, Object> create(String kind, String id, Map<String, Object> data) {
    return Map.of("op", "create", "kind", kind, "id", id, "data", data);
  }

  @Test
  void batch_CreatesElementsAndRelationshipsTogether_InOrder() {
    String m = Api.newModel();
    String a = m + "-a";
    String b = m + "-b";
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                List.of(
                    create("folder", m + "-f", Map.of("name", "Ứng dụng")),
                    create(
                        "element",
                        a,
                        Map.of("type", "ApplicationComponent", "name", "A", "folderId", m + "-f")),
                    create("element", b, Map.of("type", "ApplicationService", "name", "B")),
                    create(
                        "relationship",
                        m + "-r",
                        Map.of("type", "Realization", "sourceId", a, "targetId", b)))))
        .statusCode(200)
        .body("applied", hasSize(4))
        .body("applied[3].id", equalTo(m + "-r"));
    given()
        .get("/api/models/" + m)
        .then()
        .body("elementCount", equalTo(2))
        .body("relationshipCount", equalTo(1));
  }

  @Test
  void batch_WritesNothingAndReportsEveryProblem_WhenAnyOperationIsInvalid() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                List.of(
                    create("element", m + "-ok", Map.of("type", "Node", "name", "ok")),
                    create("element", m + "-bad", Map.of("type", "Nod", "name", "bad")),
                    create("element", m + "-blank", Map.of("type", "Node", "name", " ")),
                    create(
                        "relationship",
                        m + "-r",
                        Map.of("type", "Serving", "sourceId", m + "-ok", "targetId", "ghost")))))
        .statusCode(422)
        .body("errors", hasSize(3))
        .body("errors.field", hasItem("operations[1].type"))
        .body("errors.field", hasItem("operations[2].name"))
        .body("errors.field", hasItem("operations[3].targetId"));
    given().get("/api/models/" + m + "/elements").then().body("items", hasSize(0));
    given()
        .get("/api/models/" + m + "/changes")
        .then()
        .body("items.kind", org.hamcrest.Matchers.contains("model"));
  }

  @Test
  void batch_ValidateOnly_ChecksWithoutWriting() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "validateOnly",
                true,
                "operations",
                List.of(create("element", m + "-x", Map.of("type", "Node", "name", "x")))))
        .statusCode(200)
        .body("validateOnly", equalTo(true))
        .body("applied", hasSize(1));
    given().get("/api/models/" + m + "/elements").then().body("items", hasSize(0));
  }

  @Test
  void batch_UpdatesAndDeletesWithVersions_AllOrNothing() {
    String m = Api.newModel();
    String a = Api.element(m, "Node", "A");
    String b = Api.element(m, "Node", "B");
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                List.of(
                    Map.of(
                        "op",
                        "update",
                        "kind",
                        "element",
                        "id",
                        a,
                        "version",
                        1,
                        "data",
                        Map.of("name", "A2")),
                    Map.of("op", "delete", "kind", "element", "id", b, "version", 7))))
        .statusCode(409)
        .body("errors[0].id", equalTo(b));
    given().get("/api/models/" + m + "/elements/" + a).then().body("name", equalTo("A"));
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                List.of(
                    Map.of(
                        "op",
                        "update",
                        "kind",
                        "element",
                        "id",
                        a,
                        "version",
                        1,
                        "data",
                        Map.of("name", "A2")),
                    Map.of("op", "delete", "kind", "element", "id", b, "version", 1))))
        .statusCode(200);
    given()
        .get("/api/models/" + m + "/elements/" + a)
        .then()
        .body("name", equalTo("A2"))
        .body("version", equalTo(2));
    given().get("/api/models/" + m + "/elements/" + b).then().statusCode(404);
  }

  @Test
  void batch_Rejects400_WhenOperationsMalformed() {
    String m = Api.newModel();
    Api.post("/api/models/" + m + "/batch", Map.of("ops", List.of())).statusCode(400);
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of("operations", List.of(Map.of("op", "upsert", "kind", "element"))))
        .statusCode(400)
        .body("errors[0].field", equalTo("operations[0].op"));
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of("operations", List.of(Map.of("op", "delete", "kind", "element", "id", "x"))))
        .statusCode(400)
        .body("errors[0].code", equalTo("version-required"));
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                List.of(
                    create("element", "same", Map.of("type", "Node", "name", "1")),
                    create("element", "same", Map.of("type", "Node", "name", "2")))))
        .statusCode(422)
        .body("errors[0].code", equalTo("duplicate-in-batch"));
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                List.of(
                    create(
                        "relationship",
                        "r-fwd",
                        Map.of("type", "Flow", "sourceId", "later-a", "targetId", "later-b")),
                    create(
                        "element", "later-a", Map.of("type", "ApplicationComponent", "name", "1")),
                    create(
                        "element",
                        "later-b",
                        Map.of("type", "ApplicationComponent", "name", "2")))))
        .statusCode(422)
        .body("errors[0].message", containsString("later in this batch"));
  }
}
