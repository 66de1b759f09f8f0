package vn.eams.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * A Neo4j server outside the application under test: its own DBMS and Bolt port, started before the
 * application, which is then pointed at it through {@code eams.neo4j.uri}.
 */
public class ExternalNeo4jResource implements QuarkusTestResourceLifecycleManager {

  static volatile int port;
  private DatabaseManagementService dbms;

  @Override
  public Map<String, String> start() {
    try {
      Path home = Files.createTempDirectory("eams-external-neo4j");
      port = EmbeddedBoltPort.freeLoopbackPort();
      dbms =
          new DatabaseManagementServiceBuilder(home)
              .setConfig(BoltConnector.enabled, true)
              .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
              .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
              .setConfig(GraphDatabaseSettings.auth_enabled, false)
              .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(32))
              .build();
      dbms.database("neo4j");
      return Map.of("eams.neo4j.uri", "bolt://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (dbms != null) {
      dbms.shutdown();
    }
  }
}
