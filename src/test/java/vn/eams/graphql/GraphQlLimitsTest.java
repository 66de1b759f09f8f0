package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static vn.eams.graphql.GraphQl.post;

import graphql.ExecutionResult;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
  void timeout_FailsTheFieldsFetchedAfterTheDeadline() {
    ExecutionResult r =
        engine.execute(
            new GraphQlEngine.Request("{ element(id: \"tv-app-05\") { id } }", Map.of(), null),
            Duration.ZERO);
    assertThat(r.getErrors()).isNotEmpty();
    assertThat(r.getErrors().get(0).getExtensions()).containsEntry("code", "timeout");
    Map<String, Object> data = r.getData();
    assertThat(data).containsEntry("element", null);
  }

  @Test
  void queries_NeverWrite() {
    long writes = graph.writeCount();
    long seq = queries.currentSequence();
    post("{ elements(model: \"tra-vinh-v1.0\", first: 20) { nodes { name outgoing { nodes {"
            + " target { name } } } } } search(text: \"so\") { totalCount }"
            + " impact(model: \"tra-vinh-v1.0\", start: [\"tv-platform-lgsp\"]) }")
        .body("errors", nullValue());
    assertThat(graph.writeCount()).isEqualTo(writes);
    assertThat(queries.currentSequence()).isEqualTo(seq);
  }
}
