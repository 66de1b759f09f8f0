package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.post;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
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
  @Inject GraphQlWarmUp warmUp;

  /** The statements counted are this test's only: the warm-up after the start has finished. */
  @BeforeEach
  void warmUpDone() throws InterruptedException {
    assertThat(warmUp.awaitDone(Duration.ofSeconds(120))).isTrue();
  }

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

  @Test
  void element_ReadsItselfAndWhatItsFieldsAskOneLevelDown_InOneStatement() {
    long before = reads.statements();
    post("{ element(id: \"tv-agency-so-y-te\") { name ... on BusinessActor {"
            + " applications { name } databases { name } domains { name } } } }")
        .body("errors", nullValue())
        .body("data.element.domains", hasSize(6));
    assertThat(reads.statements() - before).isEqualTo(1);

    // the same field under two names with different selections, and only some of the three
    before = reads.statements();
    post("{ element(id: \"tv-agency-so-y-te\") { ... on BusinessActor {"
            + " a: domains { name } b: domains { id documentation } applications { id } } } }")
        .body("errors", nullValue())
        .body("data.element.a", hasSize(6))
        .body("data.element.b", hasSize(6));
    assertThat(reads.statements() - before).isEqualTo(1);

    // what depends on the LGSP: its incoming relationships and their sources, two levels
    before = reads.statements();
    post("{ element(id: \"tv-platform-lgsp\") { name incoming(first: 10) { totalCount"
            + " nodes { type source { name } } } outgoing(types: [Realization], first: 2) {"
            + " totalCount } } }")
        .body("errors", nullValue())
        .body("data.element.incoming.totalCount", equalTo(1))
        .body("data.element.outgoing.totalCount", equalTo(6));
    // the element with both connections; then the sources
    assertThat(reads.statements() - before).isEqualTo(2);

    // the same through a fragment, variables and a single enum value for a list argument
    before = reads.statements();
    post(
            "query($id: ID!, $n: Int) { element(id: $id) { ...ends } }"
                + " fragment ends on Element { incoming(first: $n) { totalCount }"
                + " ... on ApplicationComponent { outgoing(types: Realization) { totalCount } } }",
            Map.of("id", "tv-platform-lgsp", "n", 3))
        .body("errors", nullValue())
        .body("data.element.incoming.totalCount", equalTo(1))
        .body("data.element.outgoing.totalCount", equalTo(6));
    assertThat(reads.statements() - before).isEqualTo(1);
  }

  @Test
  void element_LeavesAFieldWithBadArguments_ToReportItsOwnError() {
    post("{ element(id: \"tv-platform-lgsp\") { name outgoing(first: 1, last: 1) {"
            + " totalCount } } }")
        // the connection is not nullable, so its error leaves the element null
        .body("data.element", nullValue())
        .body("errors[0].path", equalTo(List.of("element", "outgoing")))
        .body("errors[0].extensions.problems[0].code", equalTo("first-and-last"));
  }
}
