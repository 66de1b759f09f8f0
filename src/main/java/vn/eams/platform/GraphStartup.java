package vn.eams.platform;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Brings the graph store up before the application serves: starts the embedded DBMS (unless an
 * external server is configured) and applies the Cypher migrations. A failure stops the start.
 *
 * <p>The driver connects lazily, so the DBMS only has to be up before the first session; its start
 * is begun early (see {@link #begin}) and awaited here.
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

  /**
   * Begins the embedded DBMS start as soon as the application context exists, before Hibernate ORM
   * and Flyway. This runs before the configuration mappings exist, so it reads the plain
   * configuration; {@link #start} checks the result against the mapped settings.
   */
  static void begin(@Observes @Initialized(ApplicationScoped.class) Object event) {
    begin(ConfigProvider.getConfig());
  }

  /**
   * Begins the embedded DBMS start from the command line's {@code main}, before Quarkus boots: a
   * configuration of its own (system properties, environment, {@code application.properties} and
   * the discovered sources such as {@link EmbeddedBoltPort}) is enough to choose the store and the
   * port. It is never registered as the application's configuration; {@link #start} checks the
   * result against the real settings and restarts the DBMS when they differ.
   */
  public static void beginFromMain() {
    try {
      begin(
          new SmallRyeConfigBuilder()
              .addDefaultSources()
              .addDiscoveredSources()
              .withSources(
                  PropertiesConfigSourceLoader.inClassPath(
                      "application.properties",
                      250,
                      Thread.currentThread().getContextClassLoader()))
              .build());
    } catch (RuntimeException e) {
      LOG.debugf(e, "Embedded Neo4j not started from main; it starts with the application");
    }
  }

  private static void begin(Config config) {
    if (config.getOptionalValue("eams.neo4j.uri", String.class).isEmpty()) {
      try {
        EmbeddedNeo4j.startEarly(EmbeddedNeo4j.Settings.of(config));
      } catch (RuntimeException e) {
        LOG.debugf(e, "Embedded Neo4j not started early; it starts with the application");
      }
    }
  }

  void start(@Observes @Priority(1) StartupEvent event) {
    if (embedded.isEmbedded()) {
      embedded.start();
    } else {
      EmbeddedNeo4j.discardEarly();
      LOG.infof(
          "Using the external Neo4j server at %s (embedded DBMS not started)",
          embedded.driverUri());
    }
    migrations.migrate();
  }
}
