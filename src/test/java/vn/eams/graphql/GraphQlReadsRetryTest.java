package vn.eams.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.Vetoed;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Graph;

/** GraphQL's single-statement reads: which failures are run again, how often, and within time. */
class GraphQlReadsRetryTest {

  /**
   * A graph whose reads fail with the given errors, in turn, then answer. Vetoed: it would inherit
   * Graph's scope and become a second Graph bean in the Quarkus tests.
   */
  @Vetoed
  private static final class FailingGraph extends Graph {
    final List<Neo4jException> failures;
    final List<Duration> timeouts = new ArrayList<>();

    FailingGraph(Neo4jException... failures) {
      super(null, config());
      this.failures = new ArrayList<>(List.of(failures));
    }

    @Override
    public <T> List<T> readStatement(
        String cypher, Map<String, Object> params, Duration timeout, Function<Record, T> row) {
      timeouts.add(timeout);
      if (!failures.isEmpty()) {
        throw failures.remove(0);
      }
      return List.of();
    }
  }

  private static EamsConfig config() {
    EamsConfig.Neo4j neo4j =
        (EamsConfig.Neo4j)
            Proxy.newProxyInstance(
                EamsConfig.class.getClassLoader(),
                new Class<?>[] {EamsConfig.Neo4j.class},
                (p, m, a) -> m.getName().equals("database") ? "neo4j" : null);
    return (EamsConfig)
        Proxy.newProxyInstance(
            EamsConfig.class.getClassLoader(),
            new Class<?>[] {EamsConfig.class},
            (p, m, a) -> m.getName().equals("neo4j") ? neo4j : null);
  }

  private static List<Object> list(GraphQlReads reads, Duration limit) {
    return reads.list(TimeLimit.startingNow(limit), "RETURN 1", Map.of(), r -> r);
  }

  @Test
  void transientErrorsAndLostConnections_AreReadAgain_UpToThreeTimes() {
    FailingGraph g =
        new FailingGraph(
            new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"),
            new ServiceUnavailableException("connection lost"));
    GraphQlReads reads = new GraphQlReads(g);
    assertThat(list(reads, Duration.ofSeconds(10))).isEmpty();
    assertThat(g.timeouts).hasSize(3);
    // each attempt gets the time left, less than the one before
    assertThat(g.timeouts.get(2)).isLessThan(g.timeouts.get(0));
    assertThat(reads.statements()).isEqualTo(1);

    FailingGraph always =
        new FailingGraph(
            new SessionExpiredException("1"),
            new SessionExpiredException("2"),
            new SessionExpiredException("3"));
    assertThatThrownBy(() -> list(new GraphQlReads(always), Duration.ofSeconds(10)))
        .isInstanceOf(SessionExpiredException.class)
        .hasMessage("3");
  }

  @Test
  void otherErrors_Timeouts_AndTerminations_AreNotReadAgain() {
    FailingGraph syntax =
        new FailingGraph(new ClientException("Neo.ClientError.Statement.SyntaxError", "bad"));
    assertThatThrownBy(() -> list(new GraphQlReads(syntax), Duration.ofSeconds(10)))
        .isInstanceOf(ClientException.class);
    assertThat(syntax.timeouts).hasSize(1);

    FailingGraph timedOut =
        new FailingGraph(
            new ClientException("Neo.ClientError.Transaction.TransactionTimedOut", "timed out"));
    assertThatThrownBy(() -> list(new GraphQlReads(timedOut), Duration.ofSeconds(10)))
        .isInstanceOf(TimeLimit.Exceeded.class);
    assertThat(timedOut.timeouts).hasSize(1);

    FailingGraph killed =
        new FailingGraph(new TransientException("Neo.TransientError.Transaction.Terminated", "x"));
    assertThatThrownBy(() -> list(new GraphQlReads(killed), Duration.ofSeconds(10)))
        .isInstanceOf(TransientException.class);
    assertThat(killed.timeouts).hasSize(1);

    assertThat(
            Graph.isRetryable(
                new TransientException(
                    "Neo.TransientError.General.MemoryPoolOutOfMemoryError", "")))
        .isFalse();
  }

  @Test
  void noAttemptIsMade_OnceTheTimeIsUp() {
    FailingGraph g =
        new FailingGraph(
            new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));
    // the pause after the first failure (50 ms) outlasts the request's time
    assertThatThrownBy(() -> list(new GraphQlReads(g), Duration.ofMillis(20)))
        .isInstanceOf(TimeLimit.Exceeded.class);
    assertThat(g.timeouts).hasSize(1);
  }
}
