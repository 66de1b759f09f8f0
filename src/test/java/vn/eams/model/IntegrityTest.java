package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.platform.Graph;

/** Deletion cascades, the change log and model lifecycle. */
@QuarkusTest
class IntegrityTest {

  @Inject Graph graph;

  @Test
  void deleteElement_RemovesRelationshipsAndDiagramReferences_InOneTransaction_AndSaysSo() {
    String m = Api.newModel();
    String app = Api.element(m, "ApplicationComponent", "A");
    String svc = Api.element(m, "ApplicationService", "S");
    String other = Api.element(m, "Node", "N");
    String rel = Api.relationship(m, "Realization", app, svc);
    String view = m + "-view";
    // a view drawn by hand: a group holding the element, a nested child, and a connection
    graph.write(
        tx ->
            tx.run(
                    """
        CREATE (:View {id: $v, modelId: $m, name: 'Ứng dụng', version: 1})
        CREATE (:DiagramNode {id: $v + '-n1', viewId: $v, modelId: $m, elementRef: $app})
        CREATE (:DiagramNode {id: $v + '-n1c', viewId: $v, modelId: $m, parentId: $v + '-n1', elementRef: $other})
        CREATE (:DiagramNode {id: $v + '-n2', viewId: $v, modelId: $m, elementRef: $svc})
        CREATE (:DiagramConnection {id: $v + '-c1', viewId: $v, modelId: $m, relationshipRef: $rel, sourceRef: $v + '-n1', targetRef: $v + '-n2'})
        """,
                    Map.of("v", view, "m", m, "app", app, "svc", svc, "other", other, "rel", rel))
                .consume());

    given()
        .header("If-Match", "\"1\"")
        .delete("/api/models/" + m + "/elements/" + app)
        .then()
        .statusCode(200)
        .body("cascaded.findAll { it.kind == 'relationship' }.id", hasItem(rel))
        .body("cascaded.findAll { it.kind == 'diagramNode' }.id", hasItem(view + "-n1"))
        .body("cascaded.findAll { it.kind == 'diagramNode' }.id", hasItem(view + "-n1c"))
        .body("cascaded.findAll { it.kind == 'diagramConnection' }.id", hasItem(view + "-c1"));

    List<String> left =
        graph.read(
            tx ->
                tx.run(
                        "MATCH (n:DiagramNode|DiagramConnection {viewId: $v}) RETURN n.id AS id",
                        Map.of("v", view))
                    .list(r -> r.get("id").asString()));
    assertThat(left).containsExactly(view + "-n2");
    long viewVersion =
        graph.read(
            tx ->
                tx.run("MATCH (v:View {id: $v}) RETURN v.version AS x", Map.of("v", view))
                    .single()
                    .get("x")
                    .asLong());
    assertThat(viewVersion).isEqualTo(2);
    given().get("/api/models/" + m + "/relationships/" + rel).then().statusCode(404);
    // the concept shown by the removed nested node still exists: views never delete concepts
    given().get("/api/models/" + m + "/elements/" + other).then().statusCode(200);
  }

  @Test
  void changes_AreRecordedInOrderWithBeforeAndAfter() {
    String m = Api.newModel();
    String a = Api.element(m, "Node", "A");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("name", "B"))
        .patch("/api/models/" + m + "/elements/" + a)
        .then()
        .statusCode(200);
    given()
        .header("If-Match", "2")
        .delete("/api/models/" + m + "/elements/" + a)
        .then()
        .statusCode(200);
    var changes =
        given()
            .get("/api/models/" + m + "/changes?since=0")
            .then()
            .statusCode(200)
            .body(
                "items.op", org.hamcrest.Matchers.contains("create", "create", "update", "delete"))
            .body(
                "items.kind",
                org.hamcrest.Matchers.contains("model", "element", "element", "element"))
            .body("items[0].actor", equalTo(vn.eams.accounts.SignedInAsAdmin.ADMIN))
            .extract();
    List<Integer> seqs = changes.path("items.seq");
    assertThat(seqs).isSorted().doesNotHaveDuplicates();
    String before = changes.path("items[2].before.name");
    String after = changes.path("items[2].after.name");
    int afterVersion = changes.path("items[2].after.version");
    assertThat(before).isEqualTo("A");
    assertThat(after).isEqualTo("B");
    assertThat(afterVersion).isEqualTo(2);
    int second = seqs.get(1);
    given().get("/api/models/" + m + "/changes?since=" + second).then().body("items", hasSize(2));
    given().get("/api/models/" + m + "/changes?since=-1").then().statusCode(400);
    given().get("/api/models/nope/changes").then().statusCode(404);
  }

  @Test
  void model_CanBeRenamedAndDeletedWithEverythingInIt() {
    String m = Api.newModel();
    String other = Api.newModel();
    String a = Api.element(m, "ApplicationComponent", "A");
    String b = Api.element(other, "ApplicationComponent", "B");
    String cross = Api.relationship(other, "Flow", b, a);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("name", "Kiến trúc 2.0"))
        .patch("/api/models/" + m)
        .then()
        .statusCode(200)
        .body("name", equalTo("Kiến trúc 2.0"))
        .body("version", equalTo(2));
    given().header("If-Match", "1").delete("/api/models/" + m).then().statusCode(409);
    given()
        .header("If-Match", "2")
        .delete("/api/models/" + m)
        .then()
        .statusCode(200)
        .body("cascaded.id", hasItem(cross));
    given().get("/api/models/" + m).then().statusCode(404);
    // the log of a deleted model stays readable, also once a client has caught up
    int last =
        given()
            .get("/api/models/" + m + "/changes?since=0")
            .then()
            .statusCode(200)
            .body("items.op", hasItem("delete"))
            .extract()
            .path("last");
    given()
        .get("/api/models/" + m + "/changes?since=" + last)
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
    given()
        .get("/api/models/" + other + "/changes?since=0")
        .then()
        .statusCode(200)
        .body("items.findAll { it.op == 'delete' }.targetId", hasItem(cross));
    given().get("/api/models/" + other + "/relationships/" + cross).then().statusCode(404);
    given().get("/api/models/" + other + "/elements/" + b).then().statusCode(200);
  }

  @Test
  void folder_CannotBeDeletedWhileItHoldsConcepts() {
    String m = Api.newModel();
    String f =
        Api.post("/api/models/" + m + "/folders", Map.of("name", "Nghiệp vụ"))
            .statusCode(201)
            .extract()
            .path("id");
    String a =
        Api.post(
                "/api/models/" + m + "/elements",
                Map.of("type", "BusinessActor", "name", "A", "folderId", f))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .header("If-Match", "1")
        .delete("/api/models/" + m + "/folders/" + f)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("folder-not-empty"));
    given()
        .header("If-Match", "1")
        .delete("/api/models/" + m + "/elements/" + a)
        .then()
        .statusCode(200);
    given()
        .header("If-Match", "1")
        .delete("/api/models/" + m + "/folders/" + f)
        .then()
        .statusCode(200);
  }

  @Test
  void folder_CannotMoveIntoItsOwnSubtree() {
    String m = Api.newModel();
    String a =
        Api.post("/api/models/" + m + "/folders", Map.of("name", "A"))
            .statusCode(201)
            .extract()
            .path("id");
    String b =
        Api.post("/api/models/" + m + "/folders", Map.of("name", "B", "parentId", a))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("parentId", b))
        .patch("/api/models/" + m + "/folders/" + a)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("folder-cycle"));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("parentId", a))
        .patch("/api/models/" + m + "/folders/" + a)
        .then()
        .statusCode(422);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("parentId", ""))
        .patch("/api/models/" + m + "/folders/" + b)
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("parentId", b))
        .patch("/api/models/" + m + "/folders/" + a)
        .then()
        .statusCode(200)
        .body("parentId", equalTo(b));
  }

  @Test
  void ids_AreUniqueAcrossKinds_AndFreeAgainAfterDelete() {
    String m = Api.newModel();
    String a = Api.element(m, "ApplicationComponent", "A");
    String b = Api.element(m, "ApplicationComponent", "B");
    String f =
        Api.post("/api/models/" + m + "/folders", Map.of("name", "F"))
            .statusCode(201)
            .extract()
            .path("id");
    // an element's id cannot name a relationship, a folder's id cannot name an element
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("id", a, "type", "Flow", "sourceId", a, "targetId", b))
        .statusCode(422)
        .body("errors[0].code", equalTo("id-taken"));
    Api.post("/api/models/" + m + "/elements", Map.of("id", f, "type", "Node", "name", "x"))
        .statusCode(422)
        .body("errors[0].code", equalTo("id-taken"));
    String r =
        Api.post(
                "/api/models/" + m + "/relationships",
                Map.of("id", m + "-flow", "type", "Flow", "sourceId", a, "targetId", b))
            .statusCode(201)
            .extract()
            .path("id");
    Api.post("/api/models/" + m + "/elements", Map.of("id", r, "type", "Node", "name", "x"))
        .statusCode(422)
        .body("errors[0].code", equalTo("id-taken"));
    // once deleted, an id can be used again
    given()
        .header("If-Match", "1")
        .delete("/api/models/" + m + "/elements/" + a)
        .then()
        .statusCode(200);
    Api.post("/api/models/" + m + "/elements", Map.of("id", a, "type", "Node", "name", "again"))
        .statusCode(201);
    Api.post("/api/models/" + m + "/elements", Map.of("id", r, "type", "Node", "name", "again"))
        .statusCode(201);
    // a deleted model frees its ids, folders included
    given().header("If-Match", "1").delete("/api/models/" + m).then().statusCode(200);
    String m2 = Api.newModel();
    Api.post("/api/models/" + m2 + "/folders", Map.of("id", f, "name", "F")).statusCode(201);
    Api.post("/api/models/" + m2 + "/elements", Map.of("id", b, "type", "Node", "name", "B"))
        .statusCode(201);
  }

  @Test
  void models_AreListedAndValidated() {
    String m = Api.newModel();
    given().get("/api/models").then().statusCode(200).body("items.id", hasItem(m));
    Api.post("/api/models", Map.of("id", "bad id", "name", "x"))
        .statusCode(422)
        .body("errors[0].field", equalTo("id"));
    Api.post("/api/models", Map.of("name", " ")).statusCode(422);
    Api.post("/api/models", Map.of("id", m, "name", "again"))
        .statusCode(422)
        .body("errors[0].code", equalTo("id-taken"));
  }

  @Test
  void modelCounts_FollowCreatesDeletesAndCrossModelCascades() {
    String m = Api.newModel();
    String other = Api.newModel();
    String a = Api.element(m, "ApplicationComponent", "A");
    String b = Api.element(m, "ApplicationService", "B");
    String c = Api.element(other, "ApplicationComponent", "C");
    Api.relationship(m, "Realization", a, b);
    // a relationship of the other model that ends in this one
    Api.relationship(other, "Serving", c, b);
    given()
        .get("/api/models/" + m)
        .then()
        .body("elementCount", equalTo(2))
        .body("relationshipCount", equalTo(1));
    given().get("/api/models/" + other).then().body("relationshipCount", equalTo(1));
    given().header("If-Match", "\"1\"").delete("/api/models/" + m + "/elements/" + b);
    given()
        .get("/api/models/" + m)
        .then()
        .body("elementCount", equalTo(1))
        .body("relationshipCount", equalTo(0));
    // the cascade removed the other model's relationship too
    given()
        .get("/api/models/" + other)
        .then()
        .body("elementCount", equalTo(1))
        .body("relationshipCount", equalTo(0));
  }
}
