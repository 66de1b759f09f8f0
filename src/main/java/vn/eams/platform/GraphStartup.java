package vn.eams.platform;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Brings the graph store up before the application serves: starts the embedded DBMS (unless an
 * external server is configured) and applies the Cypher migrations. A failure stops the start.
 *
 * <p>This runs in the first startup observer rather than earlier because the application's
 * configuration mapping (and with it the embedded settings) exists only from runtime init on; the
 * driver connects lazily, so the DBMS only has to be up before the first session.
 */
@Singleton
public class GraphStartup {

  private static final Logger LOG = Logger.getLogger(GraphStartup.class);

  private final EmbeddedNeo4j embedded;
  private final CypherMigrations migrations;

  GraphStartup(EmbeddedNeo4j embedded, CypherMigrations migrations) {
    this.embedded = embedded;
    this.migrations = migrations;
  }

  void start(@Observes @Priority(1) StartupEvent event) {
    if (embedded.isEmbedded()) {
      embedded.start();
    } else {
      LOG.infof(
          "Using the external Neo4j server at %s (embedded DBMS not started)",
          embedded.driverUri());
    }
    migrations.migrate();
  }
}
