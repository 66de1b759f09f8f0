package vn.eams.platform;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j in this JVM when no external server is configured.
 *
 * <p>Only the DBMS is started here; every query goes through the Neo4j Java Driver over Bolt on the
 * loopback interface, exactly as with an external server or cluster.
 */
@Singleton
public class EmbeddedNeo4j {

  private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);

  private final EamsConfig config;
  private final String driverUri;
  private volatile DatabaseManagementService dbms;

  EmbeddedNeo4j(EamsConfig config, @ConfigProperty(name = "quarkus.neo4j.uri") String driverUri) {
    this.config = config;
    this.driverUri = driverUri;
  }

  /** The URI the driver uses when the embedded DBMS serves it. */
  public String embeddedUri() {
    return "bolt://127.0.0.1:" + config.neo4j().embedded().boltPort();
  }

  /** True when this JVM hosts the graph store. */
  public boolean isEmbedded() {
    return config.neo4j().uri().isEmpty() && embeddedUri().equals(driverUri);
  }

  /** Where the driver connects, for operators. */
  public String driverUri() {
    return driverUri;
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  synchronized void start() {
    if (dbms != null) {
      return;
    }
    EamsConfig.Embedded settings = config.neo4j().embedded();
    Path home = Path.of(settings.directory()).toAbsolutePath().normalize();
    if (settings.cleanStart()) {
      deleteRecursively(home);
    }
    long started = System.nanoTime();
    dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(
                BoltConnector.listen_address, new SocketAddress("127.0.0.1", settings.boltPort()))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(HttpConnector.enabled, false)
            .setConfig(HttpsConnector.enabled, false)
            // loopback only and reached only by this JVM's driver
            .setConfig(GraphDatabaseSettings.auth_enabled, false)
            .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(settings.pageCache()))
            .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
            .setConfig(GraphDatabaseSettings.udc_enabled, false)
            .setConfig(
                BoltConnectorInternalSettings.thread_pool_shutdown_wait_time,
                Duration.ofMillis(500))
            .setConfig(
                BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
            .build();
    dbms.database(config.neo4j().database());
    LOG.infof(
        "Embedded Neo4j started in %d ms: store %s, Bolt %s",
        (System.nanoTime() - started) / 1_000_000, home, embeddedUri());
  }

  synchronized void stop() {
    if (dbms != null) {
      dbms.shutdown();
      dbms = null;
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clear " + dir, e);
    }
  }
}
