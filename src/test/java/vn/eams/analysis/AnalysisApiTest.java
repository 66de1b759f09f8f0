package vn.eams.analysis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static vn.eams.analysis.AnalysisFixtures.batch;
import static vn.eams.analysis.AnalysisFixtures.element;
import static vn.eams.analysis.AnalysisFixtures.impact;
import static vn.eams.analysis.AnalysisFixtures.relationship;
import static vn.eams.analysis.AnalysisFixtures.smallModel;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The impact, derivation and projection API on small models built through the REST API. */
@QuarkusTest
class AnalysisApiTest {

  @Test
  void impact_ListsWhatIsAffected_WithPathsDerivationsAndCounts() {
    String m = smallModel();
    JsonPath r = impact(m, Map.of("start", List.of(m + "-db"), "change", "unavailable"));
    assertThat(r.getList("elements.id"))
        .containsExactly(m + "-app", m + "-svc", m + "-proc", m + "-dom", m + "-agency");
    assertThat(r.getList("elements.distance", Integer.class)).containsExactly(1, 2, 3, 4, 5);
    assertThat(r.getInt("summary.elements")).isEqualTo(5);
    assertThat(r.getInt("summary.agencies")).isEqualTo(1);
    assertThat(r.getInt("summary.applications")).isEqualTo(1);
    assertThat(r.getInt("summary.databases")).isEqualTo(0); // the start is not counted
    assertThat(r.getMap("summary.byLayer")).containsEntry("Business", 3);
    assertThat(r.getLong("seq")).isPositive();
    assertThat(r.getString("start[0].id")).isEqualTo(m + "-db");
    // the service: reached against the access, then along the realization
    assertThat(r.getList("elements[1].path.id")).containsExactly(m + "-r1", m + "-r2");
    assertThat(r.getList("elements[1].path.forward", Boolean.class)).containsExactly(false, true);
    // the process: the application serves it (DR3: realization then serving)
    assertThat(r.getString("elements[2].derived.type")).isEqualTo("Serving");
    assertThat(r.getString("elements[2].derived.source")).isEqualTo(m + "-app");
    assertThat(r.getString("elements[2].derived.target")).isEqualTo(m + "-proc");
    assertThat(r.getList("elements[2].derived.rules")).containsExactly("DR3");
    // a path of one relationship derives nothing
    assertThat(r.getString("elements[0].derived")).isNull();
    assertThat(r.getMap("nodes")).containsKeys(m + "-db", m + "-app", m + "-agency");
    // limit: the summary still counts everything
    JsonPath limited = impact(m, Map.of("start", List.of(m + "-db"), "limit", 2));
    assertThat(limited.getList("elements")).hasSize(2);
    assertThat(limited.getBoolean("truncated")).isTrue();
    assertThat(limited.getInt("summary.elements")).isEqualTo(5);
  }

  @Test
  void impact_FollowsTheChangeLog_AndSaysWhichChangeItReflects() {
    String m = smallModel();
    JsonPath before = impact(m, Map.of("start", List.of(m + "-proc")));
    assertThat(before.getList("elements.id")).containsExactly(m + "-dom", m + "-agency");
    batch(
        m,
        List.of(
            element(m + "-citizen", "BusinessRole", "Công dân", "UserGroup"),
            element(m + "-bsvc", "BusinessService", "Dịch vụ khai sinh", "PublicService"),
            relationship(m + "-r6", "Realization", m + "-proc", m + "-bsvc"),
            relationship(m + "-r7", "Serving", m + "-bsvc", m + "-citizen")));
    JsonPath after = impact(m, Map.of("start", List.of(m + "-proc")));
    assertThat(after.getLong("seq")).isGreaterThan(before.getLong("seq"));
    assertThat(after.getList("elements.id")).contains(m + "-bsvc", m + "-citizen");
    assertThat(after.getInt("summary.publicServices")).isEqualTo(1);
    // the projection's status says the same change number
    given()
        .get("/api/models/" + m + "/projection")
        .then()
        .statusCode(200)
        .body("seq", equalTo(after.getInt("seq")))
        .body("elements", equalTo(8))
        .body("relationships", equalTo(7));
    // deleting an element removes it and its relationships from the analysis
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "operations",
                List.of(
                    Map.of("op", "delete", "kind", "element", "id", m + "-bsvc", "version", 1))))
        .post("/api/models/" + m + "/batch")
        .then()
        .statusCode(200);
    assertThat(impact(m, Map.of("start", List.of(m + "-proc"))).getList("elements.id"))
        .containsExactly(m + "-dom", m + "-agency");
  }

  @Test
  void impact_AsCsv() {
    String m = smallModel();
    String csv =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("start", List.of(m + "-db")))
            .post("/api/models/" + m + "/impact?format=csv")
            .then()
            .statusCode(200)
            .contentType(startsWith("text/csv"))
            .header("Content-Disposition", startsWith("attachment"))
            .extract()
            .asString();
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0))
        .isEqualTo(
            "\uFEFF\"id\",\"name\",\"nameEn\",\"type\",\"layer\",\"specialization\",\"distance\","
                + "\"potential\",\"path\",\"derived\"");
    assertThat(lines.get(3))
        .contains("\"Đăng ký khai sinh\"")
        .contains("Cơ sở dữ liệu hộ tịch ←Access— Phần mềm hộ tịch —Realization→ Dịch vụ tra cứu")
        .contains("\"Serving (DR3)\"");
    // the same through the Accept header
    given()
        .contentType(ContentType.JSON)
        .accept("text/csv")
        .body(Map.of("start", List.of(m + "-db")))
        .post("/api/models/" + m + "/impact")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
  }

  @Test
  void impact_BadRequests_AreProblemsThatSayWhatAndWhere() {
    String m = smallModel();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("start", List.of("x")))
        .post("/api/models/no-such-model/impact")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("start", List.of(m + "-db", "nowhere")))
        .post("/api/models/" + m + "/impact")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("start[1]"))
        .body("errors[0].id", equalTo("nowhere"));
    Map<String, Object> bad = new java.util.HashMap<>();
    bad.put("start", List.of());
    bad.put("change", "broken");
    bad.put("direction", "sideways");
    bad.put("maxDepth", 0);
    bad.put("limit", "many");
    bad.put("relationshipTypes", List.of("Serving", "Uses"));
    bad.put("layers", List.of("Business", "Data"));
    bad.put("includePotential", "yes");
    List<String> fields =
        given()
            .contentType(ContentType.JSON)
            .body(bad)
            .post("/api/models/" + m + "/impact")
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .jsonPath()
            .getList("errors.field");
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "start",
            "change",
            "direction",
            "maxDepth",
            "limit",
            "relationshipTypes[1]",
            "layers[1]",
            "includePotential");
    given()
        .contentType(ContentType.JSON)
        .body("[1, 2]")
        .post("/api/models/" + m + "/impact")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body("{\"start\": [")
        .post("/api/models/" + m + "/impact")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("start", List.of(m + "-db")))
        .post("/api/models/" + m + "/impact?format=xml")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("format"));
  }

  @Test
  void derived_ListsEachDerivedRelationshipWithItsChain() {
    String m = smallModel();
    JsonPath r =
        given()
            .queryParam("from", m + "-app")
            .queryParam("to", m + "-proc")
            .get("/api/models/" + m + "/derived")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(r.getString("derived[0].type")).isEqualTo("Serving");
    assertThat(r.getBoolean("derived[0].potential")).isFalse();
    assertThat(r.getList("derived[0].rules")).containsExactly("DR3");
    assertThat(r.getList("derived[0].chain.id")).containsExactly(m + "-r2", m + "-r3");
    assertThat(r.getBoolean("complete")).isTrue();
    // nothing is derived the other way round
    given()
        .queryParam("from", m + "-proc")
        .queryParam("to", m + "-app")
        .get("/api/models/" + m + "/derived")
        .then()
        .statusCode(200)
        .body("derived.size()", equalTo(0));
    given()
        .queryParam("from", m + "-app")
        .get("/api/models/" + m + "/derived?maxLength=9")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("to"))
        .body("errors.field", hasItem("maxLength"));
    given()
        .queryParam("from", m + "-app")
        .queryParam("to", "nowhere")
        .get("/api/models/" + m + "/derived")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("to"));
  }

  @Test
  void traVinh_RemovingTheLgspOrThePopulationDatabase() {
    String m = "tra-vinh-v1.0";
    // the integrations an architect records for the applications that exchange data through
    // the LGSP and use the national population database; removed again at the end
    List<String> added = new ArrayList<>();
    List<Map<String, Object>> ops = new ArrayList<>();
    String[][] rels = {
      {"Serving", "tv-share-trao-doi-du-lieu", "tv-app-02"},
      {"Serving", "tv-share-trao-doi-du-lieu", "tv-app-05"},
      {"Serving", "tv-share-tich-hop", "tv-app-04"},
      {"Access", "tv-app-02", "tv-db-national-01"},
      {"Access", "tv-app-05", "tv-db-national-01"}
    };
    for (String[] rel : rels) {
      String id = "an-test-" + rel[1] + "-" + rel[2];
      added.add(id);
      ops.add(relationship(id, rel[0], rel[1], rel[2]));
    }
    batch(m, ops);
    try {
      JsonPath lgsp = impact(m, Map.of("start", List.of("tv-platform-lgsp"), "change", "removed"));
      List<String> hit = lgsp.getList("elements.id");
      assertThat(hit)
          .contains(
              "tv-share-thu-muc",
              "tv-share-quan-ly-dinh-danh",
              "tv-share-xac-thuc",
              "tv-share-gia-tri-gia-tang",
              "tv-share-trao-doi-du-lieu",
              "tv-share-tich-hop",
              "tv-app-02",
              "tv-app-04",
              "tv-app-05",
              "tv-pubsvc-level-3",
              "tv-pubsvc-level-4");
      int app02 = hit.indexOf("tv-app-02");
      assertThat(lgsp.getString("elements[" + app02 + "].derived.type")).isEqualTo("Serving");
      assertThat(lgsp.getList("elements[" + app02 + "].derived.rules")).containsExactly("DR3");
      assertThat(lgsp.getInt("summary.applications")).isEqualTo(3);
      assertThat(lgsp.getInt("summary.publicServices")).isEqualTo(2);

      JsonPath population =
          impact(m, Map.of("start", List.of("tv-db-national-01"), "change", "removed"));
      assertThat(population.getList("elements.id"))
          .contains("tv-app-02", "tv-app-05", "tv-pubsvc-level-3", "tv-pubsvc-level-4");
      assertThat(population.getInt("summary.publicServices")).isEqualTo(2);
    } finally {
      List<Map<String, Object>> deletes = new ArrayList<>();
      for (String id : added) {
        deletes.add(Map.of("op", "delete", "kind", "relationship", "id", id, "version", 1));
      }
      batch(m, deletes);
    }
  }
}
