package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.analysis.AnalysisFixtures;

/**
 * The efficiency bound: a query costs at most one statement per level of nested fields plus its
 * root fields, however many elements it touches, because every nested field goes through the
 * request's batching loader.
 */
@QuarkusTest
class GraphQlRoundTripTest {

  private static final int ELEMENTS = 120;

  @Inject GraphQlReads reads;

  /** A model of 120 application components, each with a Flow to the next two (in a ring). */
  private static String ring() {
    String m = AnalysisFixtures.newModel();
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < ELEMENTS; i++) {
      ops.add(
          AnalysisFixtures.element(m + "-e" + i, "ApplicationComponent", "Ứng dụng " + i, null));
    }
    for (int i = 0; i < ELEMENTS; i++) {
      for (int d = 1; d <= 2; d++) {
        String target = m + "-e" + ((i + d) % ELEMENTS);
        ops.add(
            AnalysisFixtures.relationship(m + "-f" + i + "-" + d, "Flow", m + "-e" + i, target));
      }
    }
    AnalysisFixtures.batch(m, ops);
    return m;
  }

  @Test
  void nestedQuery_RunsOneStatementPerLevel_Over120Elements() {
    String m = ring();
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

  @Test
  void impact_ResolvesItsElementsAndRelationships_InOneStatementPerLevel() {
    String m = ring();
    // removing e0 takes away what it flows to, up to two elements further at each step: e1..e100
    // within 50 relationships; the last listed (e99, after e100 by name) has a path of 50
    String query =
        "query($m: ID!, $s: [ID!]!) { impact(model: $m, start: $s, maxDepth: 50) {"
            + " start { name } nodes { name }"
            + " elements { distance element { name } path { relationship { type source { name }"
            + " target { name } } } derived { type source { name } target { name } } } } }";
    long before = reads.statements();
    post(query, Map.of("m", m, "s", List.of(m + "-e0")))
        .body("errors", nullValue())
        .body("data.impact.elements", hasSize(100))
        .body("data.impact.elements[99].distance", equalTo(50))
        .body("data.impact.elements[99].path", hasSize(50))
        .body("data.impact.elements[99].path[49].relationship.target.name", equalTo("Ứng dụng 99"))
        .body("data.impact.nodes", hasSize(101));
    long statements = reads.statements() - before;
    // start and nodes; element; the path's relationships and the derived ends; their ends
    assertThat(statements).isLessThanOrEqualTo(4);
  }
}
