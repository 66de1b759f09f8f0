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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
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
 *
 * <p>The DBMS takes seconds to start, so {@link GraphStartup} begins it on its own thread as soon
 * as the application context exists ({@link #startEarly}), while Hibernate ORM and Flyway start.
 * {@link #start} then adopts that DBMS if it was started with the settings of the running
 * configuration, and otherwise shuts it down and starts the right one.
 */
@Singleton
public class EmbeddedNeo4j {

  private static final Logger LOG = Logger.getLogger(EmbeddedNeo4j.class);

  /** The settings a DBMS was started with. */
  record Settings(
      Path home,
      int boltPort,
      String pageCache,
      boolean cleanStart,
      String database,
      String transactionMemoryMax) {

    static Settings of(EamsConfig config) {
      EamsConfig.Embedded e = config.neo4j().embedded();
      return new Settings(
          Path.of(e.directory()).toAbsolutePath().normalize(),
          e.boltPort(),
          e.pageCache(),
          e.cleanStart(),
          config.neo4j().database(),
          e.transactionMemoryMax());
    }

    /** The same settings read from a plain configuration (before the mappings exist). */
    static Settings of(Config config) {
      return new Settings(
          Path.of(
                  config
                      .getOptionalValue("eams.neo4j.embedded.directory", String.class)
                      .orElse("data/neo4j"))
              .toAbsolutePath()
              .normalize(),
          config.getValue(EmbeddedBoltPort.KEY, Integer.class),
          config.getOptionalValue("eams.neo4j.embedded.page-cache", String.class).orElse("128m"),
          config.getOptionalValue("eams.neo4j.embedded.clean-start", Boolean.class).orElse(false),
          config.getOptionalValue("eams.neo4j.database", String.class).orElse("neo4j"),
          config
              .getOptionalValue("eams.neo4j.embedded.transaction-memory-max", String.class)
              .orElse("0"));
    }
  }

  /** A DBMS being started ahead of the application, with the settings it was started with. */
  private record Early(Settings settings, CompletableFuture<DatabaseManagementService> dbms) {}

  private static volatile Early early;

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

  /** Begins starting a DBMS on its own thread; {@link #start} adopts or discards it. */
  static synchronized void startEarly(Settings settings) {
    if (early != null) {
      return;
    }
    CompletableFuture<DatabaseManagementService> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(build(settings));
              } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
              }
            },
            "eams-neo4j-start");
    t.setDaemon(true);
    t.start();
    early = new Early(settings, f);
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  /** Starts the DBMS of the running configuration (adopting an early start when it matches). */
  synchronized void start() {
    if (dbms != null) {
      return;
    }
    Settings settings = Settings.of(config);
    DatabaseManagementService adopted = takeEarly(settings);
    dbms = adopted != null ? adopted : build(settings);
  }

  /** Shuts down a DBMS started ahead of the application that turned out not to be needed. */
  static void discardEarly() {
    takeEarlyAndShutDown();
  }

  synchronized void stop() {
    if (dbms != null) {
      dbms.shutdown();
      dbms = null;
    }
    takeEarlyAndShutDown();
  }

  private static synchronized DatabaseManagementService takeEarly(Settings settings) {
    Early e = early;
    early = null;
    if (e == null) {
      return null;
    }
    try {
      DatabaseManagementService started = e.dbms().join();
      if (e.settings().equals(settings)) {
        return started;
      }
      started.shutdown();
    } catch (CompletionException ex) {
      LOG.debugf(ex, "The early start of Neo4j failed; starting it now");
    }
    return null;
  }

  private static void takeEarlyAndShutDown() {
    DatabaseManagementService d = takeEarly(null);
    if (d != null) {
      d.shutdown();
    }
  }

  private static DatabaseManagementService build(Settings settings) {
    if (settings.cleanStart()) {
      deleteRecursively(settings.home());
    }
    long started = System.nanoTime();
    DatabaseManagementService service =
        new DatabaseManagementServiceBuilder(settings.home())
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
                GraphDatabaseSettings.memory_transaction_max_size,
                ByteUnit.parse(settings.transactionMemoryMax()))
            .setConfig(
                BoltConnectorInternalSettings.thread_pool_shutdown_wait_time,
                Duration.ofMillis(500))
            .setConfig(
                BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
            .build();
    service.database(settings.database());
    LOG.infof(
        "Embedded Neo4j started in %d ms: store %s, Bolt bolt://127.0.0.1:%d",
        (System.nanoTime() - started) / 1_000_000, settings.home(), settings.boltPort());
    return service;
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
