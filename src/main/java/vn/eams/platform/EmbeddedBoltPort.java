package vn.eams.platform;

import io.quarkus.runtime.annotations.StaticInitSafe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code eams.neo4j.embedded.bolt-port}: a free loopback port chosen once per application
 * start.
 *
 * <p>The Neo4j driver reads its URI before startup observers run, so the port of the embedded DBMS
 * must be known when configuration is built. The port is chosen once per JVM, so that the
 * configuration built at static init (when the DBMS start begins) and at runtime init agree. The
 * ordinal is low: a port set in application.properties, the environment or a system property wins.
 */
@StaticInitSafe
public final class EmbeddedBoltPort implements ConfigSource {

  static final String KEY = "eams.neo4j.embedded.bolt-port";

  /** One port per JVM: the configuration is built more than once (static and runtime init). */
  private static volatile String port;

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(KEY, getValue(KEY));
  }

  @Override
  public String getValue(String propertyName) {
    if (!KEY.equals(propertyName)) {
      return null;
    }
    String p = port;
    if (p == null) {
      synchronized (EmbeddedBoltPort.class) {
        if (port == null) {
          port = Integer.toString(freeLoopbackPort());
        }
        p = port;
      }
    }
    return p;
  }

  @Override
  public int getOrdinal() {
    return 50;
  }

  @Override
  public String getName() {
    return "eams-embedded-bolt-port";
  }

  static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "No free loopback port for the embedded Neo4j Bolt connector", e);
    }
  }
}
