package vn.eams.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** Setting eams.neo4j.uri switches to an external server with no code change. */
@QuarkusTest
@TestProfile(ExternalNeo4jTest.External.class)
class ExternalNeo4jTest {

  /** Points the application at a Neo4j server it did not start. */
  public static class External implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(ExternalNeo4jResource.class));
    }
  }

  @Inject EmbeddedNeo4j embedded;

  @Test
  void externalUri_DisablesEmbeddedDbms_AndDataLandsOnTheExternalServer() {
    assertThat(embedded.isEmbedded()).isFalse();
    given()
        .get("/api/system")
        .then()
        .statusCode(200)
        .body("graph.mode", equalTo("external"))
        .body("graph.uri", equalTo("bolt://127.0.0.1:" + ExternalNeo4jResource.port));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", "external-check", "name", "Ngoài"))
        .post("/api/models")
        .then()
        .statusCode(201);
    try (Driver driver =
        GraphDatabase.driver("bolt://127.0.0.1:" + ExternalNeo4jResource.port, AuthTokens.none())) {
      long found =
          driver
              .executableQuery("MATCH (m:Model {id: 'external-check'}) RETURN count(m) AS c")
              .execute()
              .records()
              .get(0)
              .get("c")
              .asLong();
      long migrations =
          driver
              .executableQuery("MATCH (m:SchemaMigration) RETURN count(m) AS c")
              .execute()
              .records()
              .get(0)
              .get("c")
              .asLong();
      assertThat(found).isEqualTo(1);
      assertThat(migrations).isGreaterThanOrEqualTo(4);
    }
  }
}
