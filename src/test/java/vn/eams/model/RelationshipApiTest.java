package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RelationshipApiTest {

  @Test
  void create_StoresAllowedRelationship() {
    String m = Api.newModel();
    String app = Api.element(m, "ApplicationComponent", "Một cửa");
    String proc = Api.element(m, "BusinessProcess", "Tiếp nhận hồ sơ");
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Serving", "sourceId", app, "targetId", proc, "name", "phục vụ"))
        .statusCode(201)
        .header("ETag", "\"1\"")
        .body("type", equalTo("Serving"))
        .body("sourceId", equalTo(app))
        .body("targetId", equalTo(proc));
  }

  @Test
  void create_Rejects422NamingTypesAndAlternatives_WhenTableForbids() {
    String m = Api.newModel();
    String proc = Api.element(m, "BusinessProcess", "P");
    String app = Api.element(m, "ApplicationComponent", "A");
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Access", "sourceId", proc, "targetId", app))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].code", equalTo("relationship-not-allowed"))
        .body(
            "errors[0].message",
            containsString("Access is not allowed from BusinessProcess to ApplicationComponent"))
        .body("errors[0].message", containsString("Serving"));
    given().get("/api/models/" + m + "/relationships").then().body("items", hasSize(0));
  }

  @Test
  void create_AllowsRelationshipToRelationship_WhereArchiMateDoes() {
    String m = Api.newModel();
    String app = Api.element(m, "ApplicationComponent", "A");
    String proc = Api.element(m, "BusinessProcess", "P");
    String serving = Api.relationship(m, "Serving", app, proc);
    String group = Api.element(m, "Grouping", "Nhóm");
    String note = Api.element(m, "Requirement", "Yêu cầu");
    // Grouping aggregates a relationship; a relationship is associated with a requirement
    Api.relationship(m, "Aggregation", group, serving);
    Api.relationship(m, "Association", serving, note);
    // but a relationship cannot be served by an application component
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Serving", "sourceId", app, "targetId", serving))
        .statusCode(422)
        .body("errors[0].message", containsString("to Relationship"));
    // deleting the relationship takes the relationships attached to it along
    given()
        .header("If-Match", "1")
        .delete("/api/models/" + m + "/relationships/" + serving)
        .then()
        .statusCode(200)
        .body("cascaded", hasSize(2));
    given().get("/api/models/" + m + "/relationships").then().body("items", hasSize(0));
  }

  @Test
  void create_ConnectsThroughJunction() {
    String m = Api.newModel();
    String a = Api.element(m, "BusinessProcess", "A");
    String b = Api.element(m, "BusinessProcess", "B");
    String j =
        Api.post("/api/models/" + m + "/elements", Map.of("type", "OrJunction", "name", ""))
            .statusCode(201)
            .extract()
            .path("id");
    Api.relationship(m, "Triggering", a, j);
    Api.relationship(m, "Triggering", j, b);
    given()
        .queryParam("target", b)
        .get("/api/models/" + m + "/relationships")
        .then()
        .body("items", hasSize(1));
  }

  @Test
  void create_Rejects422_WhenAttributeDoesNotApply_OrEndpointUnknown() {
    String m = Api.newModel();
    String app = Api.element(m, "ApplicationComponent", "A");
    String data = Api.element(m, "DataObject", "D");
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Access", "sourceId", app, "targetId", data, "accessType", "Read"))
        .statusCode(201)
        .body("accessType", equalTo("Read"));
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Access", "sourceId", app, "targetId", data, "accessType", "Delete"))
        .statusCode(422)
        .body("errors[0].field", equalTo("accessType"));
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Association", "sourceId", app, "targetId", data, "accessType", "Read"))
        .statusCode(422)
        .body("errors.code", hasItem("not-applicable"));
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Association", "sourceId", app, "targetId", "ghost"))
        .statusCode(422)
        .body("errors[0].field", equalTo("targetId"))
        .body("errors[0].code", equalTo("unknown-endpoint"));
    Api.post(
            "/api/models/" + m + "/relationships",
            Map.of("type", "Associates", "sourceId", app, "targetId", data))
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-type"));
  }

  @Test
  void update_Rejects422_WhenEndpointsChange() {
    String m = Api.newModel();
    String a = Api.element(m, "ApplicationComponent", "A");
    String b = Api.element(m, "ApplicationComponent", "B");
    String c = Api.element(m, "ApplicationComponent", "C");
    String r = Api.relationship(m, "Flow", a, b);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("targetId", c))
        .patch("/api/models/" + m + "/relationships/" + r)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("endpoint-change"));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("name", "dữ liệu hồ sơ"))
        .patch("/api/models/" + m + "/relationships/" + r)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
  }

  @Test
  void update_Rejects400_WhenBodyNamesAnotherId() {
    String m = Api.newModel();
    String a = Api.element(m, "ApplicationComponent", "A");
    String b = Api.element(m, "ApplicationComponent", "B");
    String r = Api.relationship(m, "Flow", a, b);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("id", "other", "name", "x"))
        .patch("/api/models/" + m + "/relationships/" + r)
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("id-mismatch"));
  }

  @Test
  void create_AllowsCrossModelReference() {
    String national = Api.newModel();
    String province = Api.newModel();
    String ndxp = Api.element(national, "ApplicationComponent", "Nền tảng NDXP");
    String lgsp = Api.element(province, "ApplicationComponent", "LGSP tỉnh");
    String r = Api.relationship(province, "Flow", lgsp, ndxp);
    given()
        .get("/api/models/" + province + "/relationships/" + r)
        .then()
        .statusCode(200)
        .body("modelId", equalTo(province));
  }
}
