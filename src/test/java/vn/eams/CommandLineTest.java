package vn.eams;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import, validate and export commands, as a CI pipeline runs them. */
@QuarkusMainTest
@TestProfile(CommandLineTest.KeptStore.class)
class CommandLineTest {

  /**
   * One graph store for every launch of the class, as on a real machine (the test default wipes it
   * at each start); the ids of each run are new, so a store kept from an earlier build does no
   * harm.
   */
  public static class KeptStore implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "eams.neo4j.embedded.clean-start", "false",
          "eams.neo4j.embedded.directory", "target/neo4j-cli-test");
    }
  }

  @TempDir Path dir;

  /** The small exchange fixture with unique ids, as a file. */
  private Path small(String prefix) throws IOException {
    String xml =
        Files.readString(Path.of("tests/fixtures/exchange/small.xml"))
            .replace("\"x-", "\"" + prefix + "-");
    Path file = dir.resolve(prefix + ".xml");
    Files.writeString(file, xml);
    return file;
  }

  @Test
  void validate_Import_MergeDryRun_Export(QuarkusMainLauncher launcher) throws IOException {
    String p = "cli" + UUID.randomUUID().toString().substring(0, 8);
    String file = small(p).toString();

    LaunchResult valid = launcher.launch("--validate", file);
    assertThat(valid.exitCode()).as(valid.getErrorOutput()).isZero();
    assertThat(valid.getOutput())
        .contains("Valid; nothing written. Would create model '" + p + "-model'")
        .containsPattern("elements\\s+6 created");

    LaunchResult imported = launcher.launch("--import", file);
    assertThat(imported.exitCode()).as(imported.getErrorOutput()).isZero();
    assertThat(imported.getOutput()).contains("Imported; create model '" + p + "-model'");

    LaunchResult again = launcher.launch("--import", file, "--mode", "merge", "--dry-run");
    assertThat(again.exitCode()).isZero();
    assertThat(again.getOutput())
        .containsPattern("elements\\s+0 created, 0 updated, 6 unchanged, 0 deleted");

    Path zip = dir.resolve("out.zip");
    LaunchResult csv =
        launcher.launch("--export", p + "-model", "--format", "csv", "--out", zip.toString());
    assertThat(csv.exitCode()).as(csv.getErrorOutput()).isZero();
    assertThat(entries(zip))
        .containsExactly(
            p + "-model-elements.csv", p + "-model-relations.csv", p + "-model-properties.csv");

    Path xml = dir.resolve("out.xml");
    LaunchResult exchange = launcher.launch("--export", p + "-model", "--out", xml.toString());
    assertThat(exchange.exitCode()).isZero();
    assertThat(exchange.getOutput()).contains("6 elements, 6 relationships, 1 views");
    assertThat(Files.readString(xml)).contains("identifier=\"" + p + "-app\"");
  }

  @Test
  void brokenFile_Exits1_ListsEveryProblem_WritesNothing(QuarkusMainLauncher launcher)
      throws IOException {
    String p = "cli" + UUID.randomUUID().toString().substring(0, 8);
    Path file = small(p);
    Files.writeString(
        file, Files.readString(file).replace("target=\"" + p + "-svc\"", "target=\"nowhere\""));

    LaunchResult r = launcher.launch("--import", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.getErrorOutput()).contains("Nothing was written").contains("nowhere");

    LaunchResult export = launcher.launch("--export", p + "-model");
    assertThat(export.exitCode()).as("the model was not created").isEqualTo(1);
  }

  @Test
  void wrongUse_Exits2_WithTheUsage(QuarkusMainLauncher launcher) {
    LaunchResult r = launcher.launch("--import", "no-such-file.xml");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.getErrorOutput()).contains("No such file");

    LaunchResult u = launcher.launch("--export", "m", "--colour", "red");
    assertThat(u.exitCode()).isEqualTo(2);
    assertThat(u.getErrorOutput()).contains("Unknown option '--colour'").contains("Usage:");
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
