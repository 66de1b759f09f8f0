package vn.eams.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;

/** Managed transactions against the architecture database, always naming the database. */
@ApplicationScoped
public class Graph {

  private static final Logger LOG = Logger.getLogger(Graph.class);

  private final Driver driver;
  private final SessionConfig sessionConfig;
  private final SessionConfig readSessionConfig;
  private final AtomicLong writes = new AtomicLong();

  protected Graph(Driver driver, EamsConfig config) {
    this.driver = driver;
    this.sessionConfig = SessionConfig.forDatabase(config.neo4j().database());
    this.readSessionConfig =
        SessionConfig.builder()
            .withDatabase(config.neo4j().database())
            .withDefaultAccessMode(AccessMode.READ)
            .build();
  }

  /** Runs read-only work in one transaction (retried on transient errors). */
  public <T> T read(TransactionCallback<T> work) {
    return read(work, TransactionConfig.empty());
  }

  /**
   * Runs read-only work in one transaction that the DBMS terminates when it is still running after
   * {@code timeout} (a statement in progress included); the driver then throws a {@link
   * Neo4jException} whose code names the timeout.
   */
  public <T> T read(TransactionCallback<T> work, Duration timeout) {
    return read(work, TransactionConfig.builder().withTimeout(timeout).build());
  }

  private <T> T read(TransactionCallback<T> work, TransactionConfig config) {
    try (Session session = driver.session(sessionConfig)) {
      return session.executeRead(work, config);
    }
  }

  /**
   * Runs one read-only statement as an auto-commit transaction of a read session, which the DBMS
   * terminates when it is still running after {@code timeout}, and maps its records. That is one
   * round trip to the DBMS where a managed transaction takes three (begin; run and pull; commit),
   * so short reads answer sooner. It is not retried here: the caller decides, knowing its deadline
   * ({@link #isRetryable}).
   */
  public <T> List<T> readStatement(
      String cypher, Map<String, Object> params, Duration timeout, Function<Record, T> row) {
    try (Session session = driver.session(readSessionConfig)) {
      return session
          .run(cypher, params, TransactionConfig.builder().withTimeout(timeout).build())
          .list(row::apply);
    }
  }

  /**
   * Whether a read that failed so may succeed when run again, as the driver's managed transactions
   * judge it: a transient error (but not a terminated transaction, which is how a timeout or a kill
   * ends), a lost connection or an expired session.
   */
  public static boolean isRetryable(Neo4jException e) {
    if (e instanceof ServiceUnavailableException || e instanceof SessionExpiredException) {
      return true;
    }
    return e instanceof TransientException
        && !"Neo.TransientError.Transaction.Terminated".equals(e.code())
        && !"Neo.TransientError.Transaction.LockClientStopped".equals(e.code())
        && !OUT_OF_MEMORY.contains(e.code());
  }

  /**
   * Runs work in one write transaction (retried on transient errors, all or nothing). A transaction
   * that outgrows the DBMS's transaction memory is not retried (it would fail again, after as long)
   * but answered with a 413 problem.
   */
  public <T> T write(TransactionCallback<T> work) {
    try (Session session = driver.session(sessionConfig)) {
      T result =
          session.executeWrite(
              tx -> {
                try {
                  return work.execute(tx);
                } catch (Neo4jException e) {
                  if (isOutOfMemory(e)) {
                    throw tooLarge(e);
                  }
                  throw e;
                }
              });
      writes.incrementAndGet();
      return result;
    } catch (Neo4jException e) {
      if (isOutOfMemory(e)) {
        throw tooLarge(e);
      }
      throw e;
    }
  }

  /**
   * How many write transactions this application has committed: a reader that caches what it read
   * (the analysis projections) knows from a changed count that it must look at the change log.
   * Writes by other application nodes on a shared server are not counted.
   */
  public long writeCount() {
    return writes.get();
  }

  /** Neo4j's codes for a transaction that needs more memory than it may use. */
  static final Set<String> OUT_OF_MEMORY =
      Set.of(
          "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
          "Neo.ClientError.General.TransactionOutOfMemoryError",
          "Neo.TransientError.General.TransactionOutOfMemoryError",
          "Neo.TransientError.General.OutOfMemoryError");

  static boolean isOutOfMemory(Neo4jException e) {
    // an OutOfMemoryError inside the DBMS reaches the driver as a DatabaseException
    return OUT_OF_MEMORY.contains(e.code())
        || (e instanceof DatabaseException
            && e.getMessage() != null
            && e.getMessage().contains("Java heap space"));
  }

  private static ProblemException tooLarge(Neo4jException e) {
    LOG.warnf("A write transaction ran out of memory: %s (%s)", e.getMessage(), e.code());
    return new ProblemException(
        413,
        "transaction-too-large",
        "Change too large for one transaction",
        "The change needs more memory than the graph store allows one transaction; nothing was"
            + " written. Send it in parts (for an import: split the file and import the parts"
            + " with mode=merge), or give the server more memory: a larger JVM heap (-Xmx) or,"
            + " for an external Neo4j, db.memory.transaction.total.max and"
            + " db.memory.transaction.max. The store said: "
            + e.getMessage(),
        List.of(),
        null);
  }

  /** Runs one statement outside an explicit transaction (schema statements need this). */
  public void autoCommit(String cypher) {
    try (Session session = driver.session(sessionConfig)) {
      session.run(cypher).consume();
    }
  }
}
