package vn.eams.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.time.Duration;
import java.util.List;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * How long one request may run ({@code eams.graphql.timeout}): its deadline on the {@link
 * System#nanoTime()} clock. {@link QueryLimits} checks it before each field is fetched, and {@link
 * GraphQlReads} hands the time left to the DBMS as the timeout of each read transaction, so that a
 * statement still running at the deadline is terminated rather than left to finish.
 *
 * @param limit the time the request was given
 * @param deadline when it ends, by {@link System#nanoTime()}
 */
record TimeLimit(Duration limit, long deadline) {

  /** The key of the request's time limit in the GraphQL context. */
  static final String KEY = "eams.timeLimit";

  /** A limit of {@code limit} from now. */
  static TimeLimit startingNow(Duration limit) {
    return new TimeLimit(limit, System.nanoTime() + limit.toNanos());
  }

  /** The time limit of the request a field belongs to. */
  static TimeLimit of(DataFetchingEnvironment env) {
    return env.getGraphQlContext().get(KEY);
  }

  /** True once the deadline has passed. */
  boolean passed() {
    return System.nanoTime() - deadline >= 0;
  }

  /**
   * The time left, rounded up to whole milliseconds (the DBMS's unit; a zero timeout would mean
   * none).
   *
   * @throws Exceeded when none is left
   */
  Duration left() {
    long nanos = deadline - System.nanoTime();
    if (nanos <= 0) {
      throw exceeded();
    }
    return Duration.ofMillis((nanos + 999_999) / 1_000_000);
  }

  /** The problem of a request that ran out of time. */
  Exceeded exceeded() {
    return new Exceeded(limit);
  }

  /** The timeout problem; {@link ProblemErrors} adds the limit (ms) to its extensions. */
  static final class Exceeded extends ProblemException {

    private final long limitMillis;

    Exceeded(Duration limit) {
      super(
          503,
          "timeout",
          "The query took too long",
          "The query ran longer than the server allows ("
              + limit.toMillis()
              + " ms, eams.graphql.timeout); fields fetched after that, and a read still running"
              + " then, are left out. Ask for less: smaller pages, fewer nested fields.",
          List.of(Problem.Error.field("", "timeout", "Ask for less.")),
          null);
      this.limitMillis = limit.toMillis();
    }

    /** The time limit, in milliseconds. */
    long limitMillis() {
      return limitMillis;
    }
  }
}
