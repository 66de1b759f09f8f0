package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.post;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.analysis.AnalysisFixtures;
import vn.eams.model.ModelQueries;
import vn.eams.platform.Graph;

/** The limits of eams.graphql.*, and that queries never write. */
@QuarkusTest
class GraphQlLimitsTest {

  @Inject GraphQlEngine engine;
  @Inject GraphQlReads reads;
  @Inject Graph graph;
  @Inject ModelQueries queries;

  @Test
  void depth_AbortsTheQueryBeforeItRuns_WhenTooDeep() {
    String nested = "id";
    for (int i = 0; i < 6; i++) {
      nested = "outgoing { nodes { target { " + nested + " } } }";
    }
    long before = reads.statements();
    post("{ element(id: \"tv-platform-lgsp\") { " + nested + " } }")
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("max-depth"));
    assertThat(reads.statements()).isEqualTo(before);
  }

  @Test
  void complexity_AbortsTheQueryBeforeItRuns_WeightingConnectionsByPageSize() {
    long before = reads.statements();
    post("{ elements(model: \"tra-vinh-v1.0\", first: 500) { nodes { outgoing(first: 500) {"
            + " nodes { target { id } } } } } }")
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("max-complexity"));
    assertThat(reads.statements()).isEqualTo(before);
    post("{ elements(model: \"tra-vinh-v1.0\", first: 5) { nodes { outgoing(first: 5) {"
            + " nodes { target { id } } } } } }")
        .body("errors", nullValue());
  }

  @Test
  void pageSize_AbortsTheQueryBeforeItRuns_WhenTooLarge() {
    post("{ elements(model: \"tra-vinh-v1.0\", first: 501) { totalCount } }")
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("page-size"));
    post("{ element(id: \"tv-platform-lgsp\") { outgoing(last: 1000) { totalCount } } }")
        .body("errors[0].extensions.code", equalTo("page-size"));
  }

  @Test
  void limits_AreCheckedAtEveryExecution_OfAQueryKeptParsed() {
    String query =
        "query($n: Int, $m: Int) { elements(model: \"tra-vinh-v1.0\", first: $n) { nodes {"
            + " outgoing(first: $m) { nodes { target { id } } } } } }";
    long before = reads.statements();
    post(query, Map.of("n", 5, "m", 5)).body("errors", nullValue());
    assertThat(reads.statements()).isGreaterThan(before);
    // the same text again, parsed once and kept: its variables still decide the cost and page size
    before = reads.statements();
    post(query, Map.of("n", 500, "m", 500))
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("max-complexity"));
    post(query, Map.of("n", 5, "m", 1000))
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("page-size"));
    assertThat(reads.statements()).isEqualTo(before);
    post(query, Map.of("n", 2, "m", 1)).body("data.elements.nodes.size()", equalTo(2));
    assertThat(engine.cachedDocuments()).isPositive();
  }

  @Test
  void limits_OfAQueryThatPassed_AreNotWalkedAgain_UntilItsVariablesChange() {
    String nested = "id";
    for (int i = 0; i < 6; i++) {
      nested = "outgoing { nodes { target { " + nested + " } } }";
    }
    String query =
        "query($deep: Boolean!) { element(id: \"tv-platform-lgsp\") { id ... @include(if: $deep)"
            + " { "
            + nested
            + " } } }";
    post(query, Map.of("deep", false)).body("data.element.id", equalTo("tv-platform-lgsp"));
    long walks = engine.checkWalks();
    post(query, Map.of("deep", false)).body("data.element.id", equalTo("tv-platform-lgsp"));
    assertThat(engine.checkWalks()).isEqualTo(walks);
    // the same text with other variables: walked again, and now too deep
    long before = reads.statements();
    post(query, Map.of("deep", true))
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("max-depth"));
    assertThat(engine.checkWalks()).isEqualTo(walks + 1);
    assertThat(reads.statements()).isEqualTo(before);
    // refused queries are not kept: asked again, they are walked and refused again
    post(query, Map.of("deep", true)).body("errors[0].extensions.code", equalTo("max-depth"));
    assertThat(engine.checkWalks()).isEqualTo(walks + 2);
  }

  @Test
  void complexity_CountsAnImpactsContent_OncePerElementItMayList() {
    String fields = " { elements { distance element { id name } } } }";
    post("{ impact(model: \"tra-vinh-v1.0\", start: [\"tv-platform-lgsp\"], limit: 100000)"
            + fields)
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("max-complexity"))
        .body("errors[0].extensions.limit", equalTo(100000));
    post("{ impact(model: \"tra-vinh-v1.0\", start: [\"tv-platform-lgsp\"], limit: 10)" + fields)
        .body("errors", nullValue());
  }

  @Test
  void complexity_DoesNotWrapAround_ForVeryCostlyQueries() {
    // 500 * 500 * 500 * 8 relationships: a cost beyond the range of an int, which once wrapped
    // around to a negative number and let the query run
    post("{ elements(model: \"tra-vinh-v1.0\", first: 500) { nodes { outgoing(first: 500) {"
            + " nodes { target { outgoing(first: 500) { nodes { target { outgoing(first: 8) {"
            + " nodes { id } } } } } } } } } } }")
        .body("data", nullValue())
        .body("errors[0].extensions.code", equalTo("max-complexity"));
  }

  @Test
  void timeout_FailsTheFieldsFetchedAfterTheDeadline() {
    ExecutionResult r =
        engine.execute(
            new GraphQlEngine.Request("{ element(id: \"tv-app-05\") { id } }", Map.of(), null),
            Duration.ZERO);
    assertThat(r.getErrors()).isNotEmpty();
    assertThat(r.getErrors().get(0).getExtensions())
        .containsEntry("code", "timeout")
        .containsEntry("limit", 0L);
    Map<String, Object> data = r.getData();
    assertThat(data).containsEntry("element", null);
  }

  @Test
  void timeout_TerminatesTheStatementStillRunningAtTheDeadline() {
    // elements with free properties, and a filter of 240 conditions on them: the DBMS takes tens
    // of seconds over such a statement (compiling it takes time that grows faster than the
    // number of conditions)
    String m = AnalysisFixtures.newModel();
    List<Map<String, Object>> ops = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<Map<String, Object>> properties = new ArrayList<>();
      for (int p = 0; p < 30; p++) {
        properties.add(Map.of("key", "khoa-" + p, "value", "gia tri " + i + "-" + p));
      }
      Map<String, Object> data =
          Map.of("type", "Node", "name", "Máy chủ " + i, "properties", properties);
      ops.add(AnalysisFixtures.create("element", m + "-e" + i, data));
    }
    AnalysisFixtures.batch(m, ops);
    List<Map<String, Object>> conditions = new ArrayList<>();
    for (int c = 0; c < 240; c++) {
      conditions.add(Map.of("key", "khoa-" + c, "op", "CONTAINS", "value", "không có " + c));
    }
    String query =
        "query($m: ID!, $w: PropertyCondition) { elements(model: $m, filter: {where: $w}) {"
            + " totalCount } }";
    Duration limit = Duration.ofMillis(500);
    engine.schema(); // built before the clock starts
    long t0 = System.nanoTime();
    ExecutionResult r =
        engine.execute(
            new GraphQlEngine.Request(query, Map.of("m", m, "w", Map.of("or", conditions)), null),
            limit);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    // the error is the root field's own: its statement was stopped by the DBMS. Left to finish,
    // it would have answered, and only the fields fetched after it would have failed.
    assertThat(r.getErrors()).hasSize(1);
    GraphQLError error = r.getErrors().get(0);
    assertThat(error.getPath()).containsExactly("elements");
    assertThat(error.getExtensions())
        .containsEntry("code", "timeout")
        .containsEntry("status", 503)
        .containsEntry("limit", 500L);
    assertThat(error.getMessage()).contains("500 ms");
    // elements is non-null: its error leaves no data
    assertThat((Object) r.getData()).isNull();
    // the DBMS checks transaction timeouts every 2 s (db.transaction.monitor.check.interval)
    assertThat(millis).isLessThan(limit.toMillis() + 2000 + 3000);
  }

  @Test
  void queries_NeverWrite() {
    long writes = graph.writeCount();
    long seq = queries.currentSequence();
    post("{ elements(model: \"tra-vinh-v1.0\", first: 20) { nodes { name outgoing { nodes {"
            + " target { name } } } } } search(text: \"so\") { totalCount }"
            + " impact(model: \"tra-vinh-v1.0\", start: [\"tv-platform-lgsp\"]) {"
            + " summary { elements } elements { element { name } } } }")
        .body("errors", nullValue());
    assertThat(graph.writeCount()).isEqualTo(writes);
    assertThat(queries.currentSequence()).isEqualTo(seq);
  }
}
