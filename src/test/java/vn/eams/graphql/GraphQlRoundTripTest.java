package vn.eams.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The efficiency bound: a query costs at most one statement per level of nested fields plus its
 * root fields, however many elements it touches, because every nested field goes through the
 * request's batching loader.
 */
@QuarkusTest
class GraphQlRoundTripTest {

  private static final int ELEMENTS = 120;

  @Inject GraphQlReads reads;

  @Test
  void nestedQuery_RunsOneStatementPerLevel_Over120Elements() {
    String m = "rt-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", m, "name", "Mô hình " + m))
        .post("/api/models")
        .then()
        .statusCode(201);
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < ELEMENTS; i++) {
      ops.add(
          Map.of(
              "op",
              "create",
              "kind",
              "element",
              "id",
              m + "-e" + i,
              "data",
              Map.of("type", "ApplicationComponent", "name", "Ứng dụng " + i)));
    }
    for (int i = 0; i < ELEMENTS; i++) {
      for (int d = 1; d <= 2; d++) {
        ops.add(
            Map.of(
                "op",
                "create",
                "kind",
                "relationship",
                "data",
                Map.of(
                    "type", "Flow",
                    "sourceId", m + "-e" + i,
                    "targetId", m + "-e" + ((i + d) % ELEMENTS))));
      }
    }
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("operations", ops))
        .post("/api/models/" + m + "/batch")
        .then()
        .statusCode(200);
    // levels below the root: outgoing, target, outgoing, target
    String query =
        "query($m: ID!) { elements(model: $m, first: 200) { nodes { name outgoing(first: 5) {"
            + " nodes { target { name outgoing(first: 5) { nodes { target { name } } } } } } } } }";
    long before = reads.statements();
    post(query, Map.of("m", m))
        .body("errors", nullValue())
        .body("data.elements.nodes", hasSize(ELEMENTS))
        .body("data.elements.nodes[0].outgoing.nodes", hasSize(2))
        .body("data.elements.nodes[0].outgoing.nodes[0].target.outgoing.nodes", hasSize(2));
    long statements = reads.statements() - before;
    // root: the model check and the page; then one statement for each of the 4 nested levels
    assertThat(statements).isLessThanOrEqualTo(2 + 4);
  }
}
