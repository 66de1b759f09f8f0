package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The views API the web modeller saves through: views, edits, versions, presence. */
@QuarkusTest
class ViewApiTest {

  private static String newView(String m, String name) {
    return Api.post("/api/models/" + m + "/views", Map.of("name", name))
        .statusCode(201)
        .header("ETag", containsString("1"))
        .extract()
        .path("id");
  }

  private static io.restassured.response.ValidatableResponse edit(
      String m, String v, Object... ops) {
    return Api.post(
        "/api/models/" + m + "/views/" + v + "/edits", Map.of("operations", List.of(ops)));
  }

  private static Map<String, Object> node(String id, int x, int y) {
    return Map.of("id", id, "x", x, "y", y, "w", 120, "h", 55);
  }

  private static JsonPath view(String m, String v) {
    return given()
        .get("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static long lastSeq(String m) {
    List<Integer> seqs =
        given()
            .get("/api/models/" + m + "/changes")
            .then()
            .statusCode(200)
            .extract()
            .path("items.seq");
    return seqs.get(seqs.size() - 1);
  }

  @Test
  void view_IsCreatedListedRenamedAndDeleted_WithVersions() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Kiến trúc ứng dụng");
    given().get("/api/models/" + m + "/views").then().statusCode(200).body("items.id", hasItem(v));
    given()
        .get("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(200)
        .header("ETag", containsString("1"))
        .body("name", equalTo("Kiến trúc ứng dụng"))
        .body("nodes", hasSize(0))
        .body("connections", hasSize(0));

    // a rename needs the version read; a stale one is refused with the view as it is
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Ứng dụng"))
        .patch("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(428);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "Ứng dụng", "nameEn", "Applications", "viewpoint", "ApplicationUsage"))
        .patch("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ứng dụng"))
        .body("nameEn", equalTo("Applications"))
        .body("version", equalTo(2));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "Khác"))
        .patch("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(409)
        .body("current.name", equalTo("Ứng dụng"));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(Map.of("name", " ", "viewpoint", "NoSuchViewpoint"))
        .patch("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("name"))
        .body("errors.field", hasItem("viewpoint"));
    assertThat(view(m, v).getString("name")).isEqualTo("Ứng dụng");

    given()
        .header("If-Match", "\"2\"")
        .delete("/api/models/" + m + "/views/" + v)
        .then()
        .statusCode(200);
    given().get("/api/models/" + m + "/views/" + v).then().statusCode(404);
    given().get("/api/models/nope/views/" + v).then().statusCode(404);
  }

  @Test
  void edits_CreateElementsAndRelationshipsOnTheCanvas_InOneLoggedChange() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Dịch vụ công");
    String existing = Api.element(m, "ApplicationService", "Dịch vụ cấp phép");
    long before = lastSeq(m);
    JsonPath r =
        edit(
                m,
                v,
                Map.of(
                    "op",
                    "createElement",
                    "element",
                    Map.of(
                        "id", (p + "e-portal"), "type", "ApplicationComponent", "name", "Cổng DVC"),
                    "node",
                    node((p + "n-portal"), 40, 40)),
                Map.of(
                    "op",
                    "addNode",
                    "node",
                    Map.of(
                        "id",
                        (p + "n-svc"),
                        "elementId",
                        existing,
                        "x",
                        300,
                        "y",
                        40,
                        "w",
                        120,
                        "h",
                        55)),
                Map.of(
                    "op",
                    "createRelationship",
                    "relationship",
                    Map.of(
                        "id",
                        (p + "r-real"),
                        "type",
                        "Realization",
                        "sourceId",
                        (p + "e-portal"),
                        "targetId",
                        existing),
                    "connection",
                    Map.of(
                        "id",
                        (p + "c-real"),
                        "sourceId",
                        (p + "n-portal"),
                        "targetId",
                        (p + "n-svc"),
                        "bendpoints",
                        List.of(List.of(200, 20)))))
            .statusCode(200)
            .body("version", equalTo(2))
            .body("nodes.id", hasItem((p + "n-portal")))
            .body("connections[0].bendpoints[0]", equalTo(List.of(200, 20)))
            .body("elements", hasKey((p + "e-portal")))
            .body("relationships", hasKey((p + "r-real")))
            .extract()
            .jsonPath();
    long seq = r.getLong("seq");

    JsonPath read = view(m, v);
    assertThat(read.getList("nodes.id")).containsExactly((p + "n-portal"), (p + "n-svc"));
    assertThat(read.getString("nodes[0].elementId")).isEqualTo((p + "e-portal"));
    assertThat(read.getInt("nodes[0].version")).isEqualTo(1);
    assertThat(read.getString("connections[0].relationshipId")).isEqualTo((p + "r-real"));
    assertThat(read.getString("elements.'" + p + "e-portal'.name")).isEqualTo("Cổng DVC");
    assertThat(read.getString("relationships.'" + p + "r-real'.type")).isEqualTo("Realization");
    assertThat(read.getLong("seq")).isEqualTo(seq);

    // the element and the relationship are logged as model changes, the diagram as one view change
    JsonPath changes =
        given()
            .get("/api/models/" + m + "/changes?since=" + before)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(changes.getList("items.kind")).containsExactly("element", "relationship", "view");
    assertThat(changes.getString("items[2].targetId")).isEqualTo(v);
    assertThat(changes.getList("items[2].after.edits.op"))
        .containsExactly("upsertNode", "upsertNode", "upsertConnection");
    // the concepts it created travel with it, for the browsers that draw them
    assertThat(changes.getString("items[2].after.elements.'" + p + "e-portal'.name"))
        .isEqualTo("Cổng DVC");
    assertThat(changes.getString("items[2].after.relationships.'" + p + "r-real'.type"))
        .isEqualTo("Realization");
  }

  @Test
  void staleVersion_IsAConflictWithTheCurrentState_AndNothingOfTheEditIsWritten() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Xung đột");
    String e = Api.element(m, "BusinessActor", "Sở TT&TT");
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", (p + "n1"), "elementId", e, "x", 0, "y", 0, "w", 120, "h", 55)))
        .statusCode(200);
    // architect A moves the box (version 1 → 2)
    edit(m, v, Map.of("op", "updateNode", "node", Map.of("id", (p + "n1"), "version", 1, "x", 100)))
        .statusCode(200)
        .body("nodes[0].version", equalTo(2));
    // architect B, who read version 1, resizes it and adds a note in the same edit
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of(
                    "id",
                    (p + "note1"),
                    "kind",
                    "note",
                    "label",
                    "Ghi chú",
                    "x",
                    0,
                    "y",
                    200,
                    "w",
                    100,
                    "h",
                    40)),
            Map.of("op", "updateNode", "node", Map.of("id", (p + "n1"), "version", 1, "w", 300)))
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors[0].id", equalTo((p + "n1")))
        .body("errors[0].code", equalTo("stale-version"))
        .body("errors[0].field", equalTo("operations[1]"))
        .body("current.nodes[0].x", equalTo(100))
        .body("current.nodes[0].version", equalTo(2));
    JsonPath read = view(m, v);
    assertThat(read.getList("nodes.id")).containsExactly((p + "n1"));
    assertThat(read.getInt("nodes[0].w")).isEqualTo(120);
    assertThat(read.getInt("version")).isEqualTo(3);
    // an edit of a node another architect removed says so
    edit(m, v, Map.of("op", "removeNode", "id", (p + "n1"), "version", 2)).statusCode(200);
    edit(m, v, Map.of("op", "updateNode", "node", Map.of("id", (p + "n1"), "version", 2, "x", 5)))
        .statusCode(409)
        .body("errors[0].code", equalTo("gone"));
  }

  @Test
  void forbiddenRelationship_IsRefusedWithTheOperationNamed_AndNothingWritten() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Quy tắc");
    String actor = Api.element(m, "BusinessActor", "Công dân");
    String node = Api.element(m, "Node", "Máy chủ");
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", (p + "a"), "elementId", actor, "x", 0, "y", 0, "w", 120, "h", 55)),
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", (p + "b"), "elementId", node, "x", 200, "y", 0, "w", 120, "h", 55)))
        .statusCode(200);
    edit(
            m,
            v,
            Map.of(
                "op",
                "createElement",
                "element",
                Map.of("type", "BusinessRole", "name", "Cán bộ"),
                "node",
                node((p + "c"), 0, 200)),
            Map.of(
                "op",
                "createRelationship",
                "relationship",
                Map.of("type", "Composition", "sourceId", node, "targetId", actor),
                "connection",
                Map.of("sourceId", (p + "b"), "targetId", (p + "a"))))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("operations[1].relationship.type"))
        .body("errors[0].code", equalTo("relationship-not-allowed"))
        .body("errors[0].message", containsString("Node"));
    JsonPath read = view(m, v);
    assertThat(read.getList("nodes.id")).containsExactly((p + "a"), (p + "b"));
    given()
        .get("/api/models/" + m + "/elements")
        .then()
        .statusCode(200)
        .body("items.name", not(hasItem("Cán bộ")))
        .body("items", hasSize(2));
  }

  @Test
  void removeNode_TakesNestedNodesAndTheirConnections_ButNotTheModelsElements() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Lồng nhau");
    String group = Api.element(m, "ApplicationComponent", "LGSP");
    String inner = Api.element(m, "ApplicationComponent", "Trục tích hợp");
    String outside = Api.element(m, "ApplicationService", "Dịch vụ chia sẻ");
    String rel = Api.relationship(m, "Realization", inner, outside);
    String comp = Api.relationship(m, "Composition", group, inner);
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", (p + "g"), "elementId", group, "x", 0, "y", 0, "w", 400, "h", 300)),
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of(
                    "id",
                    (p + "i"),
                    "parentId",
                    (p + "g"),
                    "elementId",
                    inner,
                    "x",
                    20,
                    "y",
                    40,
                    "w",
                    120,
                    "h",
                    55)),
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of(
                    "id", (p + "o"), "elementId", outside, "x", 500, "y", 40, "w", 120, "h", 55)),
            Map.of(
                "op",
                "addConnection",
                "connection",
                Map.of(
                    "id",
                    (p + "ci"),
                    "relationshipId",
                    rel,
                    "sourceId",
                    (p + "i"),
                    "targetId",
                    (p + "o"))))
        .statusCode(200);
    // a node cannot be nested in one nested in it
    edit(
            m,
            v,
            Map.of(
                "op",
                "updateNode",
                "node",
                Map.of("id", (p + "g"), "version", 1, "parentId", (p + "i"))))
        .statusCode(422)
        .body("errors[0].code", equalTo("nesting-cycle"));
    // a connection must show its relationship between nodes of its ends
    edit(
            m,
            v,
            Map.of(
                "op",
                "addConnection",
                "connection",
                Map.of("relationshipId", comp, "sourceId", (p + "o"), "targetId", (p + "i"))))
        .statusCode(422)
        .body("errors[0].code", equalTo("ends-mismatch"));
    edit(m, v, Map.of("op", "removeNode", "id", (p + "g")))
        .statusCode(200)
        .body("removedNodes", equalTo(List.of((p + "g"), (p + "i"))))
        .body("removedConnections", equalTo(List.of((p + "ci"))));
    JsonPath read = view(m, v);
    assertThat(read.getList("nodes.id")).containsExactly((p + "o"));
    assertThat(read.getList("connections")).isEmpty();
    for (String id : List.of(group, inner, outside)) {
      given().get("/api/models/" + m + "/elements/" + id).then().statusCode(200);
    }
    given().get("/api/models/" + m + "/relationships/" + rel).then().statusCode(200);
  }

  @Test
  void deletingAnElementFromTheModel_TellsEveryViewShowingIt() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v1 = newView(m, "Một");
    String v2 = newView(m, "Hai");
    String e = Api.element(m, "DataObject", "Hồ sơ");
    for (String v : List.of(v1, v2)) {
      edit(
              m,
              v,
              Map.of(
                  "op",
                  "addNode",
                  "node",
                  Map.of("id", v + "-n", "elementId", e, "x", 0, "y", 0, "w", 120, "h", 55)))
          .statusCode(200);
    }
    // a rename through the element API shows in both views: they share the element
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "Hồ sơ điện tử"))
        .patch("/api/models/" + m + "/elements/" + e)
        .then()
        .statusCode(200);
    assertThat(view(m, v1).getString("elements.'" + e + "'.name")).isEqualTo("Hồ sơ điện tử");
    assertThat(view(m, v2).getString("elements.'" + e + "'.name")).isEqualTo("Hồ sơ điện tử");
    // what deleting it would touch
    given()
        .get("/api/models/" + m + "/elements/" + e + "/views")
        .then()
        .statusCode(200)
        .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(v1, v2));
    long before = lastSeq(m);
    given()
        .header("If-Match", "\"2\"")
        .delete("/api/models/" + m + "/elements/" + e)
        .then()
        .statusCode(200);
    JsonPath changes =
        given().get("/api/models/" + m + "/changes?since=" + before).then().extract().jsonPath();
    List<Map<String, Object>> viewChanges = changes.getList("items.findAll { it.kind == 'view' }");
    assertThat(viewChanges).hasSize(2);
    assertThat(changes.getList("items.findAll { it.kind == 'view' }.after.edits[0].op"))
        .containsOnly("removeNode");
    assertThat(view(m, v1).getList("nodes")).isEmpty();
  }

  @Test
  void badEdits_AreRefusedWithTheFieldNamed() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Lỗi");
    edit(m, v, Map.of("op", "paint"))
        .statusCode(400)
        .body("errors[0].field", equalTo("operations[0].op"));
    edit(m, v, Map.of("op", "addNode", "node", Map.of("kind", "note", "x", 0, "y", 0, "w", 0)))
        .statusCode(400)
        .body("errors.field", hasItem("operations[0].node.w"))
        .body("errors.field", hasItem("operations[0].node.h"));
    edit(
            m,
            v,
            Map.of(
                "op",
                "addConnection",
                "connection",
                Map.of(
                    "relationshipId",
                    "",
                    "sourceId",
                    (p + "a"),
                    "targetId",
                    (p + "b"),
                    "bendpoints",
                    List.of(List.of(1)))))
        .statusCode(400)
        .body("errors.field", hasItem("operations[0].connection.bendpoints"));
    Api.post("/api/models/" + m + "/views/" + v + "/edits", Map.of("operations", List.of()))
        .statusCode(400)
        .body("errors[0].field", equalTo("operations"));
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("kind", "element", "elementId", "nope", "x", 0, "y", 0, "w", 10, "h", 10)))
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-element"));
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", "bad id!", "kind", "note", "x", 0, "y", 0, "w", 10, "h", 10)))
        .statusCode(422)
        .body("errors[0].code", equalTo("invalid-id"));
    // two elements may not be joined by a plain line
    String a = Api.element(m, "Goal", "Mục tiêu");
    edit(
            m,
            v,
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", (p + "ga"), "elementId", a, "x", 0, "y", 0, "w", 10, "h", 10)),
            Map.of(
                "op",
                "addNode",
                "node",
                Map.of("id", (p + "gb"), "elementId", a, "x", 50, "y", 0, "w", 10, "h", 10)),
            Map.of(
                "op",
                "addConnection",
                "connection",
                Map.of("relationshipId", "", "sourceId", (p + "ga"), "targetId", (p + "gb"))))
        .statusCode(422)
        .body("errors[0].code", equalTo("line-needs-note"));
    assertThat(view(m, v).getList("nodes")).isEmpty();
    assertThat(view(m, v).getInt("version")).isEqualTo(1);
    edit(m, "nope", Map.of("op", "removeNode", "id", "x")).statusCode(404);
  }

  @Test
  void presence_ListsWhoHasTheViewOpen() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Ai đang xem");
    given()
        .post("/api/models/" + m + "/views/" + v + "/presence?editing=true")
        .then()
        .statusCode(200)
        .body("viewers", hasSize(1))
        .body("viewers[0].editing", equalTo(true))
        .body("viewers[0].user", not(equalTo("")));
    given().delete("/api/models/" + m + "/views/" + v + "/presence").then().statusCode(204);
    given().post("/api/models/" + m + "/views/nope/presence").then().statusCode(404);
  }

  @Test
  void pages_CarryTheModellerAndTheViewer() {
    String m = Api.newModel();
    // diagram ids are unique across all views: this test's own
    String p = m + "-";
    String v = newView(m, "Trang");
    given()
        .get("/models/" + m + "/views/" + v + "/edit")
        .then()
        .statusCode(200)
        .body(containsString("id=\"eams-diagram\""))
        .body(containsString("/assets/modeller.js"))
        .body(containsString("&quot;mode&quot;:&quot;edit&quot;"));
    given()
        .get("/models/" + m + "/views/" + v)
        .then()
        .statusCode(200)
        .body(containsString("&quot;mode&quot;:&quot;view&quot;"))
        .body(containsString("<noscript><div class=\"diagram-frame\"><svg"));
    given().get("/models/" + m + "/views/nope/edit").then().statusCode(404);
  }
}
