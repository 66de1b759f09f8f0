package vn.eams.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.Neo4jException;
import vn.eams.platform.Graph;

/**
 * The one way GraphQL reads the graph: each call is one read transaction (one Cypher statement, run
 * as an auto-commit transaction; or one read of {@link vn.eams.model.ModelQueries} in a managed
 * transaction), bounded by the request's {@link TimeLimit}, and counted, so that a test can hold
 * the endpoint to its bound of statements per query level.
 */
@ApplicationScoped
public class GraphQlReads {

  /** What the DBMS answers for a transaction it terminated at its timeout. */
  private static final Set<String> TIMED_OUT =
      Set.of(
          "Neo.ClientError.Transaction.TransactionTimedOut",
          "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration");

  /** Codes of a terminated transaction, which at the deadline means a timeout too. */
  private static final Set<String> TERMINATED =
      Set.of(
          "Neo.ClientError.Transaction.Terminated",
          "Neo.TransientError.Transaction.Terminated",
          "Neo.ClientError.Transaction.LockClientStopped",
          "Neo.TransientError.Transaction.LockClientStopped");

  private final Graph graph;
  private final AtomicLong statements = new AtomicLong();

  GraphQlReads(Graph graph) {
    this.graph = graph;
  }

  /** How many times a statement is run at most, when it fails with a retryable error. */
  static final int ATTEMPTS = 3;

  /**
   * Runs one read-only statement within the time limit and maps its records: an auto-commit
   * transaction (one round trip; {@link Graph#readStatement}), run again after a retryable error
   * while time is left, at most {@link #ATTEMPTS} times.
   */
  <T> List<T> list(
      TimeLimit time, String cypher, Map<String, Object> params, Function<Record, T> row) {
    statements.incrementAndGet();
    for (int attempt = 1; ; attempt++) {
      Duration left = time.left(); // throws when none is left
      try {
        return graph.readStatement(cypher, params, left, row);
      } catch (Neo4jException e) {
        if (timedOut(e, time)) {
          throw time.exceeded();
        }
        if (attempt >= ATTEMPTS || !Graph.isRetryable(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(50L << (attempt - 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to read again", e);
    }
  }

  /**
   * Runs read-only work in one transaction that the DBMS terminates at the request's deadline, with
   * whatever statement is running then; the request then fails with the timeout problem ({@link
   * TimeLimit.Exceeded}), not retried. With no time left, nothing runs.
   */
  <T> T read(TimeLimit time, TransactionCallback<T> work) {
    Duration left = time.left();
    statements.incrementAndGet();
    try {
      return graph.read(
          tx -> {
            try {
              return work.execute(tx);
            } catch (Neo4jException e) {
              // thrown here, a timeout is not taken for a transient error and retried
              throw timedOut(e, time) ? time.exceeded() : e;
            }
          },
          left);
    } catch (Neo4jException e) {
      throw timedOut(e, time) ? time.exceeded() : e;
    }
  }

  private static boolean timedOut(Neo4jException e, TimeLimit time) {
    return TIMED_OUT.contains(e.code()) || (TERMINATED.contains(e.code()) && time.passed());
  }

  /** How many statements GraphQL has run since the start. */
  public long statements() {
    return statements.get();
  }
}
