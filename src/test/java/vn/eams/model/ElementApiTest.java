package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ElementApiTest {

  @Test
  void create_ReturnsElementWithVersionAndLocation_WhenValid() {
    String m = Api.newModel();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type",
                "ApplicationComponent",
                "name",
                "Cổng dịch vụ công",
                "nameEn",
                "Public service portal"))
        .post("/api/models/" + m + "/elements")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/models/" + m + "/elements/"))
        .header("ETag", "\"1\"")
        .body("type", equalTo("ApplicationComponent"))
        .body("layer", equalTo("Application"))
        .body("version", equalTo(1))
        .body("id", org.hamcrest.Matchers.startsWith("id-"));
  }

  @Test
  void create_TrimsNameAndKeepsDocumentationExactly_WhenUnicode() {
    String m = Api.newModel();
    String doc = "  Tài liệu: Sở Thông tin và Truyền thông 🇻🇳 — ✓ \n dòng 2\t ";
    String id =
        Api.post(
                "/api/models/" + m + "/elements",
                Map.of("type", "BusinessActor", "name", "   Sở TT&TT 😀  ", "documentation", doc))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .get("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Sở TT&TT 😀"))
        .body("documentation", equalTo(doc));
  }

  @Test
  void create_Rejects422_WhenNameBlankOrTooLong() {
    String m = Api.newModel();
    Api.post("/api/models/" + m + "/elements", Map.of("type", "BusinessActor", "name", "   "))
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("name"))
        .body("errors.code", hasItem("required"));
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of("type", "BusinessActor", "name", "x".repeat(501)))
        .statusCode(422)
        .body("errors.code", hasItem("too-long"));
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of("type", "BusinessActor", "name", "x".repeat(500)))
        .statusCode(201);
  }

  @Test
  void create_AllowsEmptyName_WhenJunction() {
    String m = Api.newModel();
    Api.post("/api/models/" + m + "/elements", Map.of("type", "AndJunction", "name", ""))
        .statusCode(201);
  }

  @Test
  void create_Rejects422WithSuggestion_WhenTypeUnknown() {
    String m = Api.newModel();
    Api.post("/api/models/" + m + "/elements", Map.of("type", "applicationcomponent", "name", "x"))
        .statusCode(422)
        .body("errors[0].field", equalTo("type"))
        .body("errors[0].code", equalTo("unknown-type"))
        .body("errors[0].message", containsString("ApplicationComponent"));
  }

  @Test
  void create_Rejects409_WhenIdTaken() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/elements", Map.of("id", "dup-" + m, "type", "Node", "name", "a"))
        .statusCode(201);
    Api.post(
            "/api/models/" + m + "/elements", Map.of("id", "dup-" + m, "type", "Node", "name", "b"))
        .statusCode(422)
        .body("errors[0].code", equalTo("id-taken"));
  }

  @Test
  void get_Returns404Problem_WhenUnknownIdOrModel() {
    String m = Api.newModel();
    given()
        .get("/api/models/" + m + "/elements/nope")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("errors[0].id", equalTo("nope"));
    given().get("/api/models/nope-model/elements").then().statusCode(404);
  }

  @Test
  void patch_UpdatesOnlyGivenFields_AndBumpsVersion() {
    String m = Api.newModel();
    String id =
        Api.post(
                "/api/models/" + m + "/elements",
                Map.of("type", "Node", "name", "Máy chủ", "documentation", "giữ"))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("nameEn", "Server"))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(200)
        .header("ETag", "\"2\"")
        .body("name", equalTo("Máy chủ"))
        .body("nameEn", equalTo("Server"))
        .body("documentation", equalTo("giữ"))
        .body("version", equalTo(2));
  }

  @Test
  void put_ReplacesContent_WhenVersionInBody() {
    String m = Api.newModel();
    String id =
        Api.post(
                "/api/models/" + m + "/elements",
                Map.of("type", "Node", "name", "A", "documentation", "old"))
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("type", "Node", "name", "B", "version", 1))
        .put("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("B"))
        .body("documentation", nullValue());
  }

  @Test
  void update_Rejects428_WhenNoVersion_And409WithCurrent_WhenStale() {
    String m = Api.newModel();
    String id = Api.element(m, "Node", "A");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", "B"))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(428)
        .body("type", equalTo("urn:eams:problem:version-required"));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "B"))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(200);
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "\"1\"")
        .body(Map.of("name", "C"))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(409)
        .body("current.name", equalTo("B"))
        .body("current.version", equalTo(2));
  }

  @Test
  void update_Rejects422_WhenTypeChanges() {
    String m = Api.newModel();
    String id = Api.element(m, "Node", "A");
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("type", "Device"))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("type-change"));
  }

  @Test
  void list_FiltersByTypeLayerNameAndProperty_IgnoringDiacritics() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of(
                "type",
                "ApplicationComponent",
                "name",
                "Hệ thống Một cửa điện tử",
                "properties",
                List.of(Map.of("key", "Chủ quản", "value", "Sở TT&TT"))))
        .statusCode(201);
    Api.element(m, "ApplicationComponent", "Cổng thông tin");
    Api.element(m, "BusinessActor", "Đoàn Thanh niên");
    given()
        .queryParam("name", "MOT CUA DIEN TU")
        .get("/api/models/" + m + "/elements")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].name", equalTo("Hệ thống Một cửa điện tử"));
    given()
        .queryParam("name", "doan")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items.name", contains("Đoàn Thanh niên"));
    given()
        .queryParam("type", "ApplicationComponent")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items", hasSize(2));
    given()
        .queryParam("layer", "Business")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items", hasSize(1));
    given()
        .queryParam("property", "Chủ quản=Sở TT&TT")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items", hasSize(1));
    given()
        .queryParam("property", "Chủ quản=khác")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items", hasSize(0));
    given().queryParam("type", "Nope").get("/api/models/" + m + "/elements").then().statusCode(400);
    given()
        .queryParam("layer", "Nope")
        .get("/api/models/" + m + "/elements")
        .then()
        .statusCode(400);
  }

  @Test
  void list_PagesWithCursor_WithoutDuplicatesOrGaps() {
    String m = Api.newModel();
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ops.add(
          Map.of(
              "op",
              "create",
              "kind",
              "element",
              "data",
              Map.of("type", "Node", "name", "Nút " + (i % 7))));
    }
    Api.post("/api/models/" + m + "/batch", Map.of("operations", ops)).statusCode(200);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var req = given().queryParam("limit", 10);
      if (cursor != null) {
        req = req.queryParam("cursor", cursor);
      }
      var resp = req.get("/api/models/" + m + "/elements").then().statusCode(200).extract();
      seen.addAll(resp.path("items.id"));
      cursor = resp.path("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    given()
        .queryParam("cursor", "garbage!")
        .get("/api/models/" + m + "/elements")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("cursor"));
    given().queryParam("limit", 0).get("/api/models/" + m + "/elements").then().statusCode(400);
  }

  @Test
  void delete_Requires428ThenRemovesElement() {
    String m = Api.newModel();
    String id = Api.element(m, "Node", "A");
    given().delete("/api/models/" + m + "/elements/" + id).then().statusCode(428);
    given()
        .header("If-Match", "\"1\"")
        .delete("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(200)
        .body("deleted", contains(id));
    given().get("/api/models/" + m + "/elements/" + id).then().statusCode(404);
  }

  @Test
  void create_Rejects422_WhenFolderUnknown_AndAccepts_WhenFolderExists() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of("type", "Node", "name", "A", "folderId", "nope"))
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-folder"));
    String folder =
        Api.post("/api/models/" + m + "/folders", Map.of("name", "Hạ tầng"))
            .statusCode(201)
            .extract()
            .path("id");
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of("type", "Node", "name", "A", "folderId", folder))
        .statusCode(201)
        .body("folderId", equalTo(folder));
  }

  @Test
  void create_Rejects422_WhenValidityPeriodInverted() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of(
                "type",
                "BusinessActor",
                "name",
                "UBND huyện",
                "validFrom",
                "2025-07-01",
                "validTo",
                "2020-01-01"))
        .statusCode(422)
        .body("errors[0].field", equalTo("validTo"));
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of(
                "type",
                "BusinessActor",
                "name",
                "UBND huyện",
                "validFrom",
                "2018-01-01",
                "validTo",
                "2025-06-30"))
        .statusCode(201)
        .body("validTo", equalTo("2025-06-30"))
        .body("profile", not(equalTo("x")));
  }
}
