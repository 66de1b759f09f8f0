package vn.eams.platform;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies the numbered Cypher migrations in {@code neo4j/migrations/} once each, in order, and
 * records them as {@code (:SchemaMigration)} nodes.
 *
 * <p>The files are listed in {@code neo4j/migrations/index.txt} because a packaged application
 * cannot list a classpath folder reliably. A migration already applied with other content stops the
 * start: a shipped migration must never change.
 */
@Singleton
public class CypherMigrations {

  private static final Logger LOG = Logger.getLogger(CypherMigrations.class);
  static final String ROOT = "neo4j/migrations/";
  private static final Pattern NAME = Pattern.compile("V(\\d{4})__([a-z0-9_]+)\\.cypher");

  private final Graph graph;
  private volatile boolean done;

  CypherMigrations(Graph graph) {
    this.graph = graph;
  }

  /** One migration file. */
  record Migration(
      int version, String description, String file, List<String> statements, String checksum) {}

  /** True once every migration is applied in this process. */
  public boolean isApplied() {
    return done;
  }

  synchronized void migrate() {
    List<Migration> migrations = load(Thread.currentThread().getContextClassLoader());
    Map<Integer, String> applied =
        graph.read(
            tx ->
                tx
                    .run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c")
                    .list(r -> Map.entry(r.get("v").asInt(), r.get("c").asString()))
                    .stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    for (Migration m : migrations) {
      Optional<String> recorded = Optional.ofNullable(applied.get(m.version()));
      if (recorded.isPresent()) {
        if (!recorded.get().equals(m.checksum())) {
          throw new IllegalStateException(
              m.file()
                  + ": was changed after it was applied (checksum "
                  + recorded.get()
                  + " recorded, "
                  + m.checksum()
                  + " found). Restore the file and add a new numbered migration instead.");
        }
        continue;
      }
      for (String statement : m.statements()) {
        graph.autoCommit(statement);
      }
      graph.write(
          tx ->
              tx.run(
                      "MERGE (m:SchemaMigration {version: $v}) SET m.description = $d, m.checksum ="
                          + " $c, m.appliedAt = datetime()",
                      Map.of("v", m.version(), "d", m.description(), "c", m.checksum()))
                  .consume());
      LOG.infof("Applied Neo4j migration %s", m.file());
    }
    done = true;
  }

  static List<Migration> load(ClassLoader loader) {
    List<Migration> result = new ArrayList<>();
    String index = read(loader, ROOT + "index.txt");
    int previous = 0;
    int lineNo = 0;
    for (String line : index.split("\n")) {
      lineNo++;
      String file = line.strip();
      if (file.isEmpty() || file.startsWith("#")) {
        continue;
      }
      Matcher m = NAME.matcher(file);
      if (!m.matches()) {
        throw new IllegalStateException(
            ROOT
                + "index.txt:"
                + lineNo
                + ": '"
                + file
                + "' is not named V0000__description.cypher");
      }
      int version = Integer.parseInt(m.group(1));
      if (version != previous + 1) {
        throw new IllegalStateException(
            ROOT
                + "index.txt:"
                + lineNo
                + ": expected version "
                + (previous + 1)
                + ", found "
                + version);
      }
      previous = version;
      String text = read(loader, ROOT + file);
      result.add(
          new Migration(
              version, m.group(2).replace('_', ' '), file, statements(text), sha256(text)));
    }
    return List.copyOf(result);
  }

  /** Splits a script at semicolons that end a line; {@code //} comment lines are dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("//")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String s = current.toString().strip();
        statements.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  private static String read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing migration resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
