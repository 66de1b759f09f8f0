package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.platform.Graph;

/**
 * The shipped Trà Vinh model (model/tra-vinh-v1.0), loaded at the first start of the test
 * application exactly as at a user's first start: counts per type and named facts from
 * tests/fixtures/tra-vinh, and every listed item of the approval decision when the seed text is
 * present.
 */
@QuarkusTest
class TraVinhModelTest {

  static final String MODEL = "tra-vinh-v1.0";

  @Inject Graph graph;

  private static Path fixtures() {
    return Path.of(System.getProperty("test.tests.dir", "tests")).resolve("fixtures/tra-vinh");
  }

  private static List<String[]> tsv(String name) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(fixtures().resolve(name), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(line.split("\t", -1));
      }
    }
    return rows;
  }

  private long count(String cypher, Map<String, Object> params) {
    return graph.read(tx -> tx.run(cypher, params).single().get(0).asLong());
  }

  @Test
  void countsPerTypeAndSpecialization_MatchTheExpectedTable() throws IOException {
    List<String> mismatches = new ArrayList<>();
    for (String[] row : tsv("expected.tsv")) {
      long expected = Long.parseLong(row[2].trim());
      String what = row[1].trim();
      long actual;
      if (row[0].equals("pairs")) {
        actual =
            count(
                "MATCH (a:Element {modelId: $m, specialization: 'Agency'})-[r:Assignment]->"
                    + "(d:Element {specialization: 'ServiceDomain'}) RETURN count(r)",
                Map.of("m", MODEL));
      } else if (what.startsWith("spec:")) {
        actual =
            count(
                "MATCH (e:Element {modelId: $m, specialization: $s}) RETURN count(e)",
                Map.of("m", MODEL, "s", what.substring(5)));
      } else if (Character.isUpperCase(what.charAt(0)) && isRelationshipType(what)) {
        actual =
            count(
                "MATCH ()-[r]->() WHERE r.modelId = $m AND type(r) = $t RETURN count(r)",
                Map.of("m", MODEL, "t", what));
      } else {
        actual =
            count(
                "MATCH (e:Element {modelId: $m, type: $t}) RETURN count(e)",
                Map.of("m", MODEL, "t", what));
      }
      if (actual != expected) {
        mismatches.add(what + ": expected " + expected + ", found " + actual);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  private static boolean isRelationshipType(String t) {
    return List.of(
            "Composition",
            "Aggregation",
            "Assignment",
            "Realization",
            "Serving",
            "Access",
            "Influence",
            "Association",
            "Triggering",
            "Flow",
            "Specialization")
        .contains(t);
  }

  @Test
  void namedFacts_HoldInTheLoadedModel() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String[] f : tsv("facts.tsv")) {
      long n =
          switch (f[0]) {
            case "element" ->
                count(
                    "MATCH (e:Element {modelId: $m, type: $t, name: $n}) RETURN count(e)",
                    Map.of("m", MODEL, "t", f[1], "n", f[2]));
            case "relation" ->
                count(
                    "MATCH (s {modelId: $m, name: $s})-[r]->(t {modelId: $m, name: $t})"
                        + " WHERE type(r) = $type RETURN count(r)",
                    Map.of("m", MODEL, "type", f[1], "s", f[2], "t", f[3]));
            case "property" -> propertyMatches(f[1], f[2], f[3]);
            default -> -1;
          };
      if (n < 1) {
        missing.add(String.join(" | ", f));
      }
    }
    assertThat(missing).as("facts not found in the loaded model").isEmpty();
  }

  private long propertyMatches(String name, String key, String value) {
    return graph.read(
        tx -> {
          var records =
              tx.run(
                      "MATCH (e:Element {modelId: $m, name: $n}) RETURN properties(e) AS p",
                      Map.of("m", MODEL, "n", name))
                  .list(r -> r.get("p").asMap());
          long hits = 0;
          for (Map<String, Object> p : records) {
            Object typed = p.get("p_" + key);
            if (typed != null && String.valueOf(typed).equals(value)) {
              hits++;
              continue;
            }
            Object keys = p.get("propKeys");
            Object values = p.get("propValues");
            if (keys instanceof List<?> ks && values instanceof List<?> vs) {
              for (int i = 0; i < ks.size(); i++) {
                if (key.equals(ks.get(i)) && value.equals(vs.get(i))) {
                  hits++;
                }
              }
            }
          }
          return hits;
        });
  }

  @Test
  void everyListedItemOfTheDecision_IsInTheSeedTextAndInTheModel() throws IOException {
    Path seed =
        Path.of(System.getProperty("test.shared.dir", "../shared"))
            .resolve("seed/000_93333b36fe173b41.txt");
    assumeTrue(Files.isRegularFile(seed), "the seed text is not present: " + seed);
    String text = Files.readString(seed, StandardCharsets.UTF_8);
    List<String> problems = new ArrayList<>();
    for (String[] row : tsv("seed-names.tsv")) {
      if (!text.contains(row[0])) {
        problems.add("not in the seed: " + row[0]);
      }
      long n =
          count(
              "MATCH (e:Element {modelId: $m, name: $n}) RETURN count(e)",
              Map.of("m", MODEL, "n", row[1]));
      if (n < 1) {
        problems.add("not in the model: " + row[1]);
      }
    }
    assertThat(problems).isEmpty();
  }
}
