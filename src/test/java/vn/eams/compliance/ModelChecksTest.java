package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.eams.compliance.ModelFixture.CATALOGUE;
import static vn.eams.compliance.ModelFixture.CHECKS;
import static vn.eams.compliance.ModelFixture.METAMODEL;
import static vn.eams.compliance.ModelFixture.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.eams.metamodel.MetamodelException;

/** The catalogue of checks, the runner, severity overrides and the order of findings. */
class ModelChecksTest {

  @TempDir Path temp;

  private static List<String> catalogueLines() throws IOException {
    return Files.readAllLines(Path.of("metamodel/rules/checks.tsv"), StandardCharsets.UTF_8);
  }

  @Test
  void catalogue_HasOneRowPerCheckClassAndOneCheckClassPerRow() {
    List<String> classIds = ModelChecks.checks().stream().map(ModelCheck::id).toList();
    List<String> rowIds = CATALOGUE.entries().stream().map(e -> e.rule().id()).toList();

    assertThat(classIds).doesNotHaveDuplicates();
    assertThat(rowIds).containsExactlyInAnyOrderElementsOf(classIds);
    assertThat(CHECKS.rules()).extracting(Rule::kind).containsOnly(Rule.Kind.CHECK);
    assertThat(CHECKS.rules())
        .allSatisfy(
            r -> {
              assertThat(r.titleVi()).isNotBlank();
              assertThat(r.titleEn()).isNotBlank();
              assertThat(r.hintVi()).isNotBlank();
              assertThat(r.hintEn()).isNotBlank();
              assertThat(r.basis()).isNotBlank();
            });
  }

  @Test
  void catalogue_GivesTheDefaultSeverities() {
    Map<String, Severity> severities = new java.util.TreeMap<>();
    CHECKS.rules().forEach(r -> severities.put(r.id(), r.severity()));

    assertThat(severities)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("archimate.relationship-not-allowed", Severity.ERROR),
                Map.entry("archimate.junction-path-not-allowed", Severity.ERROR),
                Map.entry("archimate.viewpoint-element-not-allowed", Severity.WARNING),
                Map.entry("archimate.nesting-without-relationship", Severity.WARNING),
                Map.entry("archimate.junction-mixed-relationships", Severity.ERROR),
                Map.entry("archimate.duplicate-element", Severity.WARNING),
                Map.entry("archimate.element-in-no-view", Severity.INFO),
                Map.entry("archimate.relationship-in-no-view", Severity.INFO),
                Map.entry("archimate.empty-view", Severity.WARNING),
                Map.entry("profile.required-property-missing", Severity.ERROR),
                Map.entry("profile.value-out-of-range", Severity.ERROR),
                Map.entry("profile.invalid-validity-dates", Severity.ERROR),
                Map.entry("profile.successor-cycle", Severity.ERROR)));
  }

  @Test
  void catalogue_LoadsFromTheClasspathAsTheApplicationDoes() {
    CheckCatalogue shipped = CheckCatalogue.fromClasspath(getClass().getClassLoader());

    assertThat(shipped.source()).isEqualTo("metamodel/rules/checks.tsv");
    assertThat(shipped.entries()).isEqualTo(CATALOGUE.entries());
  }

  @Test
  void severityOverride_ChangesTheRuleAndItsFindings() {
    ModelChecks strict =
        new ModelChecks(
            METAMODEL, CATALOGUE, Map.of("archimate.element-in-no-view", Severity.ERROR));
    var snapshot = model().element("a", "BusinessActor", "Sở").snapshot();

    assertThat(strict.rules())
        .filteredOn(r -> r.id().equals("archimate.element-in-no-view"))
        .extracting(Rule::severity)
        .containsExactly(Severity.ERROR);
    assertThat(strict.run(snapshot))
        .extracting(f -> f.rule().id() + " " + f.severity())
        .containsExactly("archimate.element-in-no-view ERROR");
    assertThat(CHECKS.run(snapshot)).extracting(Finding::severity).containsExactly(Severity.INFO);
  }

  @Test
  void severityOverride_IsRefused_WhenItNamesNoCheck() {
    assertThatThrownBy(
            () -> new ModelChecks(METAMODEL, CATALOGUE, Map.of("archimate.no-such", Severity.INFO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'archimate.no-such'")
        .hasMessageContaining("archimate.empty-view");
  }

  @Test
  void run_SortsFindingsBySeverityThenRuleThenFirstConcept() {
    List<Finding> findings =
        CHECKS.run(
            model()
                .element("b", "BusinessActor", "Sở")
                .element("a", "ApplicationComponent", "Một cửa")
                .relationship("r", "Composition", "b", "a")
                .view("v", "", List.of(), List.of())
                .snapshot());

    assertThat(findings)
        .extracting(f -> f.severity() + " " + f.rule().id() + " " + f.conceptIds().get(0))
        .containsExactly(
            "ERROR archimate.relationship-not-allowed r",
            "WARNING archimate.empty-view v",
            "INFO archimate.element-in-no-view a",
            "INFO archimate.element-in-no-view b",
            "INFO archimate.relationship-in-no-view r");
  }

  @Test
  void catalogue_RefusesAnUnknownSeverity_NamingFileAndLine() throws IOException {
    List<String> lines = new ArrayList<>(catalogueLines());
    int row =
        lines.indexOf(
            lines.stream()
                .filter(l -> l.startsWith("archimate.empty-view\t"))
                .findFirst()
                .orElseThrow());
    lines.set(row, lines.get(row).replace("\twarning\t", "\tfatal\t"));
    Path file = temp.resolve("checks.tsv");
    Files.write(file, lines, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CheckCatalogue.fromFile(file))
        .isInstanceOf(MetamodelException.class)
        .hasMessage(
            file
                + ":"
                + (row + 1)
                + ": column 'severity': unknown severity 'fatal' (use one of: error, warning,"
                + " info)");
  }

  @Test
  void catalogue_RefusesMessagesWithDifferentPlaceholders() {
    List<String> lines =
        List.of(
            "id\tseverity\ttitle_vi\ttitle_en\tmessage_vi\tmessage_en\thint_vi\thint_en\tbasis",
            "# a comment",
            "a.b\terror\tT\tT\tSơ đồ {view}\tThe view {viwe}\t-\t-\t-");

    assertThatThrownBy(() -> CheckCatalogue.parse("checks.tsv", lines))
        .isInstanceOf(MetamodelException.class)
        .hasMessageStartingWith(
            "checks.tsv:3: column 'message_en': uses the placeholders [viwe] but message_vi uses"
                + " [view]");
  }

  @Test
  void catalogue_RefusesARepeatedIdAndABadId() {
    String header =
        "id\tseverity\ttitle_vi\ttitle_en\tmessage_vi\tmessage_en\thint_vi\thint_en\tbasis";
    String row = "a.b\terror\tT\tT\tM\tM\t-\t-\t-";

    assertThatThrownBy(() -> CheckCatalogue.parse("checks.tsv", List.of(header, row, row)))
        .hasMessage(
            "checks.tsv:3: column 'id': 'a.b' is already the id of line 2 (every check has one"
                + " row)");
    assertThatThrownBy(
            () -> CheckCatalogue.parse("checks.tsv", List.of(header, row.replace("a.b", "Ab"))))
        .hasMessageStartingWith("checks.tsv:2: column 'id': 'Ab' is not a dotted id");
  }

  @Test
  void modelChecks_AreRefused_WhenARowHasNoCheckOrACheckNoRow() throws IOException {
    List<String> lines = new ArrayList<>(catalogueLines());
    lines.add("archimate.no-such\terror\tT\tT\tM\tM\t-\t-\t-");
    CheckCatalogue extra = CheckCatalogue.parse("checks.tsv", lines);
    List<String> fewer =
        catalogueLines().stream().filter(l -> !l.startsWith("archimate.empty-view\t")).toList();
    CheckCatalogue missing = CheckCatalogue.parse("checks.tsv", fewer);

    assertThatThrownBy(() -> new ModelChecks(METAMODEL, extra))
        .isInstanceOf(MetamodelException.class)
        .hasMessageStartingWith(
            "checks.tsv:" + lines.size() + ": no model check has the id 'archimate.no-such'");
    assertThatThrownBy(() -> new ModelChecks(METAMODEL, missing))
        .isInstanceOf(MetamodelException.class)
        .hasMessage(
            "checks.tsv: has no row for the model check 'archimate.empty-view' (add a row with"
                + " that id)");
  }
}
