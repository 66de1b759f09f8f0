package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale generator's {@code --profile vn-egov} with the GraphQL benchmark's mix ({@code
 * tests/generator/egov-mix.tsv}), as {@code tests/bench/graphql.sh} uses them: the file imports
 * through the API with every element as generated (agencies, applications and databases with valid
 * typed properties, owners that are agencies), and the department query of docs/graphql.md answers
 * real data for the agency with the most applications: applications with their security level, and
 * databases.
 */
@QuarkusTest
class ScaleGeneratorProfileTest {

  static final String DEPARTMENT_QUERY =
      """
      query($id: ID!) {
        element(id: $id) {
          name
          ... on BusinessActor {
            applications { name ... on ApplicationComponent { securityLevel } }
            databases { name }
            domains { name }
          }
        }
      }
      """;

  @TempDir Path temp;

  @Test
  void profileFile_Imports_AndTheDepartmentQueryAnswersRealData() throws Exception {
    Path file = temp.resolve("egov.xml");
    generate(file);
    String model = "sg-" + UUID.randomUUID().toString().substring(0, 8);

    JsonPath imported =
        given()
            .contentType("application/xml")
            .body(Files.readAllBytes(file))
            .post("/api/import?modelId=" + model + "&fileName=egov.xml")
            .then()
            .log()
            .ifValidationFails()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertThat(imported.getInt("created.elements")).isEqualTo(2000);
    assertThat(imported.getInt("created.relationships")).isEqualTo(4000);
    assertThat(imported.getList("warnings.code", String.class))
        .doesNotContain("unknown-specialization");

    // every application component is an Application; most name an owning agency
    JsonPath apps =
        graphQl(
            "query($m: ID!) { elements(model: $m, filter: {types: [ApplicationComponent]},"
                + " first: 500) { totalCount nodes { specialization profile } } }",
            Map.of("m", model));
    List<Map<String, Object>> nodes = apps.getList("data.elements.nodes");
    assertThat(nodes).hasSize(apps.getInt("data.elements.totalCount")).isNotEmpty();
    JsonPath agencies =
        graphQl(
            "query($m: ID!) { elements(model: $m, filter: {specialization: \"Agency\"},"
                + " first: 500) { nodes { id type } } }",
            Map.of("m", model));
    List<String> agencyIds = agencies.getList("data.elements.nodes.id", String.class);
    assertThat(agencies.getList("data.elements.nodes.type", String.class))
        .isNotEmpty()
        .containsOnly("BusinessActor");
    Map<String, Integer> owned = new HashMap<>();
    for (Map<String, Object> n : nodes) {
      assertThat(n.get("specialization")).isEqualTo("Application");
      @SuppressWarnings("unchecked")
      Map<String, Object> profile = (Map<String, Object>) n.get("profile");
      Object owner = profile.get("owner");
      if (owner != null) {
        assertThat(agencyIds).contains((String) owner);
        owned.merge((String) owner, 1, Integer::sum);
      }
    }
    assertThat(owned.values().stream().mapToInt(Integer::intValue).sum())
        .isGreaterThan(nodes.size() / 2);
    String agency =
        owned.entrySet().stream()
            .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(e -> e.getKey()))
            .orElseThrow()
            .getKey();

    JsonPath answer = graphQl(DEPARTMENT_QUERY, Map.of("id", agency));
    assertThat(answer.getList("errors")).isNull();
    List<Integer> levels = answer.getList("data.element.applications.securityLevel");
    assertThat(levels).hasSizeGreaterThanOrEqualTo(owned.get(agency));
    assertThat(levels).filteredOn(l -> l != null).isNotEmpty().allMatch(l -> l >= 1 && l <= 5);
    assertThat(answer.getList("data.element.databases.name", String.class)).isNotEmpty();
  }

  private static JsonPath graphQl(String query, Map<String, Object> variables) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("query", query, "variables", variables))
        .post("/graphql")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static void generate(Path out) throws Exception {
    Path tests = Path.of(System.getProperty("test.tests.dir", "tests")).toAbsolutePath();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = out.resolveSibling("generator.log");
    Process p =
        new ProcessBuilder(
                java.toString(),
                tests.resolve("generator/ScaleGenerator.java").toString(),
                "--elements",
                "2000",
                "--relationships",
                "4000",
                "--seed",
                "42",
                "--mix",
                tests.resolve("generator/egov-mix.tsv").toString(),
                "--profile",
                "vn-egov",
                "--out",
                out.toString())
            .directory(tests.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = p.waitFor(10, TimeUnit.MINUTES);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("generator finished; output:%n%s", output).isTrue();
    assertThat(p.exitValue()).as("generator exit code; output:%n%s", output).isZero();
    assertThat(output).contains("profile vn-egov:");
  }
}
