package vn.eams.platform;

import jakarta.enterprise.context.ApplicationScoped;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;

/** Managed transactions against the architecture database, always naming the database. */
@ApplicationScoped
public class Graph {

  private final Driver driver;
  private final SessionConfig sessionConfig;

  Graph(Driver driver, EamsConfig config) {
    this.driver = driver;
    this.sessionConfig = SessionConfig.forDatabase(config.neo4j().database());
  }

  /** Runs read-only work in one transaction (retried on transient errors). */
  public <T> T read(TransactionCallback<T> work) {
    try (Session session = driver.session(sessionConfig)) {
      return session.executeRead(work);
    }
  }

  /** Runs work in one write transaction (retried on transient errors, all or nothing). */
  public <T> T write(TransactionCallback<T> work) {
    try (Session session = driver.session(sessionConfig)) {
      return session.executeWrite(work);
    }
  }

  /** Runs one statement outside an explicit transaction (schema statements need this). */
  public void autoCommit(String cypher) {
    try (Session session = driver.session(sessionConfig)) {
      session.run(cypher).consume();
    }
  }
}
