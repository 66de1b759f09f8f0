package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed properties declared by a profile (the test profile under tests/fixtures). */
@QuarkusTest
class ProfileApiTest {

  private static Map<String, Object> system(Map<String, Object> profile) {
    return Map.of(
        "type",
        "ApplicationComponent",
        "name",
        "Hệ thống quản lý văn bản",
        "specialization",
        "InformationSystem",
        "profile",
        profile);
  }

  @Test
  void create_StoresTypedValues_WhenProfileValid() {
    String m = Api.newModel();
    String id =
        Api.post(
                "/api/models/" + m + "/elements",
                system(
                    Map.of(
                        "securityLevel",
                        3,
                        "owner",
                        "Sở TT&TT",
                        "goLiveDate",
                        "2019-05-01",
                        "annualCost",
                        120.5,
                        "isShared",
                        true,
                        "hostingModel",
                        "dataCenter")))
            .statusCode(201)
            .body("profile.securityLevel", equalTo(3))
            .body("profile.goLiveDate", equalTo("2019-05-01"))
            .body("profile.annualCost", equalTo(120.5f))
            .body("profile.isShared", equalTo(true))
            .extract()
            .path("id");
    given()
        .queryParam("property", "securityLevel=3")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items.id", hasItem(id));
    given()
        .queryParam("specialization", "InformationSystem")
        .get("/api/models/" + m + "/elements")
        .then()
        .body("items", hasSize(1));
    given()
        .contentType(ContentType.JSON)
        .header("If-Match", "1")
        .body(Map.of("profile", Map.of("securityLevel", 4)))
        .patch("/api/models/" + m + "/elements/" + id)
        .then()
        .statusCode(200)
        .body("profile.securityLevel", equalTo(4))
        .body("profile.owner", equalTo("Sở TT&TT"));
  }

  @Test
  void create_Rejects422_ListingEveryBadTypedValue() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/elements",
            system(Map.of("securityLevel", 7, "hostingModel", "attic", "website", "ftp://x")))
        .statusCode(422)
        .body("errors.field", hasItem("profile.securityLevel"))
        .body("errors.field", hasItem("profile.owner"))
        .body("errors.field", hasItem("profile.hostingModel"))
        .body("errors.field", hasItem("profile.website"));
    Api.post("/api/models/" + m + "/elements", system(Map.of("securityLevel", "3", "owner", "x")))
        .statusCode(422)
        .body("errors[0].field", equalTo("profile.securityLevel"));
  }

  @Test
  void create_Rejects422_WhenSpecializationUnknownOrMissing() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of("type", "Node", "name", "x", "specialization", "InformationSystem"))
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-specialization"));
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of("type", "Node", "name", "x", "profile", Map.of("tierLevel", 3)))
        .statusCode(422)
        .body("errors[0].code", equalTo("specialization-required"));
    Api.post(
            "/api/models/" + m + "/elements",
            Map.of(
                "type",
                "Node",
                "name",
                "TTDL tỉnh",
                "specialization",
                "DataCenter",
                "profile",
                Map.of("tierLevel", 3)))
        .statusCode(201)
        .body("profile.tierLevel", equalTo(3));
  }

  @Test
  void create_ChecksElementTypedProperty_AgainstExistingElementAndAllowedTypes() {
    String m = Api.newModel();
    String server = Api.element(m, "Node", "Máy chủ ứng dụng");
    String actor = Api.element(m, "BusinessActor", "Sở TT&TT");
    Api.post(
            "/api/models/" + m + "/elements",
            system(Map.of("securityLevel", 2, "owner", "Sở", "runsOn", server)))
        .statusCode(201)
        .body("profile.runsOn", equalTo(server));
    Api.post(
            "/api/models/" + m + "/elements",
            system(Map.of("securityLevel", 2, "owner", "Sở", "runsOn", actor)))
        .statusCode(422)
        .body("errors[0].code", equalTo("wrong-element-type"));
    Api.post(
            "/api/models/" + m + "/elements",
            system(Map.of("securityLevel", 2, "owner", "Sở", "runsOn", "ghost")))
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-element"));
  }

  @Test
  void elementTypedProperty_MayNameAnElementCreatedLaterInTheSameBatch() {
    String m = Api.newModel();
    Api.post(
            "/api/models/" + m + "/batch",
            Map.of(
                "operations",
                java.util.List.of(
                    Map.of(
                        "op",
                        "create",
                        "kind",
                        "element",
                        "id",
                        m + "-app",
                        "data",
                        system(Map.of("securityLevel", 2, "owner", "Sở", "runsOn", m + "-srv"))),
                    Map.of(
                        "op",
                        "create",
                        "kind",
                        "element",
                        "id",
                        m + "-srv",
                        "data",
                        Map.of("type", "Node", "name", "Máy chủ")))))
        .statusCode(200);
  }
}
