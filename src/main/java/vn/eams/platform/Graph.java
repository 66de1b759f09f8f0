package vn.eams.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;

/** Managed transactions against the architecture database, always naming the database. */
@ApplicationScoped
public class Graph {

  private static final Logger LOG = Logger.getLogger(Graph.class);

  private final Driver driver;
  private final SessionConfig sessionConfig;
  private final AtomicLong writes = new AtomicLong();

  Graph(Driver driver, EamsConfig config) {
    this.driver = driver;
    this.sessionConfig = SessionConfig.forDatabase(config.neo4j().database());
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
