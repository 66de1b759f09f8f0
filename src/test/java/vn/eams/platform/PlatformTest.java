package vn.eams.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformTest {

  @Test
  void readiness_IsUp_WhenNeo4jAndRelationalDbAnswer() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(containsString("Neo4j")))
        .body("checks.name", hasItem(containsString("Database connections")));
  }

  @Test
  void metrics_AreExposedInPrometheusFormat() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
  }

  @Test
  void openApi_DescribesTheModelApi_AndSwaggerUiIsServed() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/api/models/{modelId}/elements"))
        .body("paths", org.hamcrest.Matchers.hasKey("/api/models/{modelId}/batch"));
    given().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void system_ReportsEmbeddedGraphAndMetamodel() {
    given()
        .get("/api/system")
        .then()
        .statusCode(200)
        .body("graph.mode", equalTo("embedded"))
        .body("graph.version", containsString("5.26"))
        .body("graph.uri", containsString("bolt://127.0.0.1:"))
        .body("installationId", not(emptyString()))
        .body("metamodel.elementTypes", equalTo(62))
        .body("metamodel.relationshipTypes", equalTo(11))
        .body("metamodel.viewpoints", equalTo(25));
  }

  @Test
  void metamodel_AnswersAllowedRelationships() {
    given()
        .queryParam("source", "ApplicationComponent")
        .queryParam("target", "BusinessProcess")
        .get("/api/metamodel/allowed-relationships")
        .then()
        .statusCode(200)
        .body("relationships", hasItem("Serving"))
        .body("relationships", not(hasItem("Access")));
    given()
        .queryParam("source", "Nope")
        .queryParam("target", "BusinessProcess")
        .get("/api/metamodel/allowed-relationships")
        .then()
        .statusCode(400);
  }

  @Test
  void metamodel_ListsTypesWithDataFileSpellings() {
    given()
        .get("/api/metamodel")
        .then()
        .statusCode(200)
        .body("version", equalTo("3.2"))
        .body(
            "elementTypes.find { it.name == 'ApplicationComponent' }.layer", equalTo("Application"))
        .body(
            "elementTypes.find { it.name == 'ApplicationComponent' }.aspect",
            equalTo("ActiveStructure"))
        .body(
            "elementTypes.find { it.name == 'BusinessActor' }.nameVi",
            equalTo("Tác nhân nghiệp vụ"))
        .body("relationshipTypes.find { it.name == 'Access' }.attributes", hasItem("accessType"))
        .body("viewpoints.find { it.id == 'Organization' }.elementTypes", hasItem("BusinessActor"))
        .body(
            "specializations.find { it.id == 'InformationSystem' }.properties.name",
            hasItem("securityLevel"));
  }
}
