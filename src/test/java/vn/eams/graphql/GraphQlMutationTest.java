package vn.eams.graphql;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.post;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The mutations: through ModelService, with its checks, versions and validateOnly. */
@QuarkusTest
class GraphQlMutationTest {

  private static final String CREATE =
      "mutation($m: ID!, $in: ElementInput!, $v: Boolean) { createElement(model: $m, input: $in,"
          + " validateOnly: $v) { validateOnly seq applied { id op kind version }"
          + " element { id version ... on ApplicationComponent { securityLevel applicationGroup } } } }";

  static String newModel() {
    String id = "gq-" + UUID.randomUUID().toString().substring(0, 8);
    io.restassured.RestAssured.given()
        .contentType(io.restassured.http.ContentType.JSON)
        .body(Map.of("id", id, "name", "Mô hình " + id))
        .post("/api/models")
        .then()
        .statusCode(201);
    return id;
  }

  private static Map<String, Object> app(String id, Object securityLevel) {
    return Map.of(
        "id",
        id,
        "type",
        "ApplicationComponent",
        "name",
        "Ứng dụng " + id,
        "specialization",
        "Application",
        "profile",
        Map.of("applicationGroup", "business", "securityLevel", securityLevel));
  }

  @Test
  void createElement_ValidateOnly_ChecksAndWritesNothing() {
    String m = newModel();
    post(CREATE, Map.of("m", m, "in", app("a1", 3), "v", true))
        .body("data.createElement.validateOnly", equalTo(true))
        .body("data.createElement.element", nullValue());
    post("{ element(id: \"a1\") { id } }").body("data.element", nullValue());
    post(CREATE, Map.of("m", m, "in", app("a1", 9), "v", true))
        .body("data.createElement", nullValue())
        .body("errors[0].extensions.code", equalTo("validation"))
        .body("errors[0].extensions.status", equalTo(422))
        .body("errors[0].extensions.problems.field", hasItem("profile.securityLevel"));
  }

  @Test
  void createUpdateDeleteElement_UseVersions() {
    String m = newModel();
    String id = "app-" + m;
    post(CREATE, Map.of("m", m, "in", app(id, 3)))
        .body("data.createElement.element.id", equalTo(id))
        .body("data.createElement.element.version", equalTo(1))
        .body("data.createElement.element.securityLevel", equalTo(3));
    String update =
        "mutation($m: ID!, $id: ID!, $ver: Int!) { updateElement(model: $m, id: $id, version: $ver,"
            + " input: {name: \"Đổi tên\", profile: {securityLevel: 4}}) { element { name version"
            + " ... on ApplicationComponent { securityLevel applicationGroup } } } }";
    post(update, Map.of("m", m, "id", id, "ver", 7))
        .body("errors[0].extensions.code", equalTo("version-conflict"))
        .body("errors[0].extensions.status", equalTo(409));
    post(update, Map.of("m", m, "id", id, "ver", 1))
        .body("data.updateElement.element.name", equalTo("Đổi tên"))
        .body("data.updateElement.element.version", equalTo(2))
        .body("data.updateElement.element.securityLevel", equalTo(4))
        .body("data.updateElement.element.applicationGroup", equalTo("business"));
    String delete =
        "mutation($m: ID!, $id: ID!, $ver: Int!, $v: Boolean) { deleteElement(model: $m, id: $id,"
            + " version: $ver, validateOnly: $v) { validateOnly applied { op id } } }";
    post(delete, Map.of("m", m, "id", id, "ver", 2, "v", true))
        .body("data.deleteElement.validateOnly", equalTo(true));
    post("query($id: ID!) { element(id: $id) { id } }", Map.of("id", id))
        .body("data.element.id", equalTo(id));
    post(delete, Map.of("m", m, "id", id, "ver", 2, "v", false))
        .body("data.deleteElement.applied[0].op", equalTo("delete"));
    post("query($id: ID!) { element(id: $id) { id } }", Map.of("id", id))
        .body("data.element", nullValue());
  }

  @Test
  void relationships_AreCheckedAgainstTheRelationshipTable() {
    String m = newModel();
    post(CREATE, Map.of("m", m, "in", app("s-" + m, 1)));
    post(CREATE, Map.of("m", m, "in", app("t-" + m, 1)));
    String create =
        "mutation($m: ID!, $in: RelationshipInput!, $v: Boolean) { createRelationship(model: $m,"
            + " input: $in, validateOnly: $v) { validateOnly relationship { id type version"
            + " source { id } target { id } } } }";
    post(
            create,
            Map.of(
                "m",
                m,
                "in",
                Map.of("type", "Composition", "sourceId", "s-" + m, "targetId", "missing")))
        .body("errors[0].extensions.status", equalTo(422));
    post(
            create,
            Map.of(
                "m",
                m,
                "in",
                Map.of(
                    "id", "r-" + m, "type", "Serving", "sourceId", "s-" + m, "targetId", "t-" + m)))
        .body("data.createRelationship.relationship.type", equalTo("Serving"))
        .body("data.createRelationship.relationship.target.id", equalTo("t-" + m));
    post(
            "mutation($m: ID!, $id: ID!) { updateRelationship(model: $m, id: $id, version: 1,"
                + " input: {name: \"phục vụ\"}) { relationship { name version } } }",
            Map.of("m", m, "id", "r-" + m))
        .body("data.updateRelationship.relationship.version", equalTo(2));
    post(
            "mutation($m: ID!, $id: ID!) { deleteRelationship(model: $m, id: $id, version: 2)"
                + " { applied { op } } }",
            Map.of("m", m, "id", "r-" + m))
        .body("data.deleteRelationship.applied[0].op", equalTo("delete"));
  }

  @Test
  void batch_IsAllOrNothing_AndValidatesOnly() {
    String m = newModel();
    List<Map<String, Object>> ops =
        List.of(
            Map.of(
                "op",
                "create",
                "kind",
                "element",
                "element",
                Map.of("id", "b1-" + m, "type", "Node", "name", "Máy chủ")),
            Map.of(
                "op",
                "create",
                "kind",
                "element",
                "element",
                Map.of("id", "b2-" + m, "type", "SystemSoftware", "name", "Hệ điều hành")),
            Map.of(
                "op",
                "create",
                "kind",
                "relationship",
                "relationship",
                Map.of("type", "Assignment", "sourceId", "b1-" + m, "targetId", "b2-" + m)));
    String batch =
        "mutation($m: ID!, $ops: [OperationInput!]!, $v: Boolean) { batch(model: $m, operations:"
            + " $ops, validateOnly: $v) { validateOnly seq applied { index op kind id } } }";
    post(batch, Map.of("m", m, "ops", ops, "v", true))
        .body("data.batch.validateOnly", equalTo(true))
        .body("data.batch.applied", hasSize(3));
    post("query($id: ID!) { element(id: $id) { id } }", Map.of("id", "b1-" + m))
        .body("data.element", nullValue());
    post(batch, Map.of("m", m, "ops", ops, "v", false)).body("data.batch.applied", hasSize(3));
    post(
            "query($id: ID!) { element(id: $id) { outgoing { totalCount } } }",
            Map.of("id", "b1-" + m))
        .body("data.element.outgoing.totalCount", equalTo(1));
    List<Map<String, Object>> broken =
        List.of(
            Map.of(
                "op",
                "create",
                "kind",
                "element",
                "element",
                Map.of("id", "b3-" + m, "type", "Node", "name", "Khác")),
            Map.of("op", "delete", "kind", "element", "id", "b1-" + m));
    post(batch, Map.of("m", m, "ops", broken, "v", false))
        .body("errors[0].extensions.problems[0].field", equalTo("operations[1].version"));
    post("query($id: ID!) { element(id: $id) { id } }", Map.of("id", "b3-" + m))
        .body("data.element", nullValue());
  }
}
