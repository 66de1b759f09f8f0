package vn.eams.appraisal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.eams.metamodel.MetamodelException;
import vn.eams.platform.ProblemException;

/** The shipped rule-sets load; broken files are refused naming the file and the field or line. */
class AppraisalRuleSetsTest {

  static final Path SHIPPED = Path.of("metamodel/rulesets");

  @TempDir Path tmp;

  @Test
  void shippedRuleSets_Load() {
    AppraisalRuleSets r = new AppraisalRuleSets(SHIPPED);
    assertThat(r.all()).extracting(RouteRuleSet::id).containsExactly("appraisal-routes-2020");
    RouteRuleSet s = r.effectiveOn(LocalDate.of(2025, 1, 1));
    assertThat(s.routes()).extracting(Route::id).containsAll(Route.REQUIRED);
    assertThat(r.checklist().items()).hasSize(12);
    assertThat(r.checklist().items())
        .extracting(ChecklistItem::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(r.scoreWeights()).hasSize(1);
    assertThat(r.calendar().lastYear()).isEqualTo(2027);
    assertThat(s.route("investment-project").orElseThrow().documents())
        .extracting(DocumentSlot::id)
        .contains("feasibility-study", "preliminary-design");
  }

  @Test
  void architectureConformance_AppliesToEveryRoute() {
    AppraisalRuleSets r = new AppraisalRuleSets(SHIPPED);
    // the recurrent outline's list (TT 03/2020) does not name it; province policy adds it
    assertThat(r.checklist("recurrent-outline"))
        .extracting(ChecklistItem::id)
        .containsExactly(
            "dossier-complete",
            "plan-fit",
            "architecture-conformance",
            "technology-option",
            "standards",
            "connection-sharing",
            "duplication",
            "estimate");
    assertThat(r.checklist("security-dossier"))
        .extracting(ChecklistItem::id)
        .containsExactly("dossier-complete", "architecture-conformance", "security-level");
    assertThat(r.checklist("lease-plan"))
        .extracting(ChecklistItem::number)
        .containsExactly(1, 3, 6, 8, 9, 12);
    assertThat(r.checklist("investment-project")).hasSize(11);
    assertThatThrownBy(() -> r.checklist("nope"))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void noRuleSetInForce_Is422() {
    AppraisalRuleSets r = new AppraisalRuleSets(SHIPPED);
    assertThatThrownBy(() -> r.effectiveOn(LocalDate.of(2019, 12, 31)))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(422));
  }

  @Test
  void missingDeadlineDays_NamesFileAndField() throws IOException {
    Path dir = copy();
    edit(
        dir,
        "routes/appraisal-routes-2020.json",
        "\"groups\": [\"B\"], \"days\": 15, ",
        "\"groups\": [\"B\"], ");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir))
        .isInstanceOf(MetamodelException.class)
        .hasMessageContaining("appraisal-routes-2020.json: routes[0].deadlines[1].days: missing");
  }

  @Test
  void badDate_NamesTheField() throws IOException {
    Path dir = copy();
    edit(
        dir,
        "routes/appraisal-routes-2020.json",
        "\"effectiveFrom\": \"2020-04-10\"",
        "\"effectiveFrom\": \"10/04/2020\"");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir))
        .hasMessageContaining("effectiveFrom: must be a date YYYY-MM-DD, not '10/04/2020'");
  }

  @Test
  void unknownChecklistItem_AndMissingRoute_AreNamed() throws IOException {
    Path dir = copy();
    edit(
        dir,
        "routes/appraisal-routes-2020.json",
        "\"checklist\": [\"duplication\"]",
        "\"checklist\": [\"duplicates\"]");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir))
        .hasMessageContaining("routes[4].checklist[0]: 'duplicates' is not an item");
    Path dir2 = tmp.resolve("second");
    copyTo(dir2);
    edit(dir2, "routes/appraisal-routes-2020.json", "\"id\": \"lease-plan\"", "\"id\": \"lease\"");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir2))
        .hasMessageContaining("routes: the route 'lease-plan' is missing");
  }

  @Test
  void thresholdsOutOfOrder_AreRefused() throws IOException {
    Path dir = copy();
    edit(
        dir,
        "routes/appraisal-routes-2020.json",
        "\"groupBMinVnd\": 45000000000",
        "\"groupBMinVnd\": 800000000000");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir))
        .hasMessageContaining("thresholds.groupBMinVnd: 800000000000 must be below groupAMinVnd");
  }

  @Test
  void invalidJson_NamesTheLine() throws IOException {
    Path dir = copy();
    edit(dir, "portfolio/score.json", "\"reuse\": 0.20,", "\"reuse\": 0.20,,");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir))
        .isInstanceOf(MetamodelException.class)
        .hasMessageContaining("score.json:9: not valid JSON");
  }

  @Test
  void calendarErrors_NameTheLine() throws IOException {
    Path dir = copy();
    // line 3 is the first data row (comment, header, 2024-01-01)
    edit(dir, "calendar/holidays-vn.tsv", "2024-01-01\tholiday", "2024-01-01\tfeast");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir))
        .hasMessageContaining(
            "holidays-vn.tsv:3: column 'kind': 'feast' is not holiday or workday");
    Path dir2 = tmp.resolve("second");
    copyTo(dir2);
    // Sat 4 May 2024 listed as a holiday: a weekend holiday changes nothing
    edit(dir2, "calendar/holidays-vn.tsv", "2024-05-04\tworkday", "2024-05-04\tholiday");
    assertThatThrownBy(() -> new AppraisalRuleSets(dir2))
        .hasMessageContaining("2024-05-04 is a SATURDAY");
  }

  @Test
  void missingFolder_IsNamed() {
    assertThatThrownBy(() -> new AppraisalRuleSets(tmp.resolve("none")))
        .hasMessageContaining("the rule-sets folder does not exist");
  }

  @Test
  void missingFolder_FallsBackToTheShippedCopies_WhenConfigured() {
    AppraisalRuleSets r = new AppraisalRuleSets(tmp.resolve("none"), true);
    assertThat(r.source()).startsWith("classpath:metamodel/rulesets/");
    assertThat(r.all()).extracting(RouteRuleSet::id).containsExactly("appraisal-routes-2020");
    assertThat(r.checklist().items()).hasSize(12);
    assertThat(r.calendar().days()).isEqualTo(new AppraisalRuleSets(SHIPPED).calendar().days());
  }

  private Path copy() throws IOException {
    Path dir = tmp.resolve("first");
    copyTo(dir);
    return dir;
  }

  private static void copyTo(Path dir) throws IOException {
    for (String area : List.of("routes", "calendar", "portfolio")) {
      Files.createDirectories(dir.resolve(area));
      try (Stream<Path> files = Files.list(SHIPPED.resolve(area))) {
        for (Path p : files.toList()) {
          Files.copy(p, dir.resolve(area).resolve(p.getFileName()));
        }
      }
    }
  }

  private static void edit(Path dir, String file, String from, String to) throws IOException {
    Path p = dir.resolve(file);
    String s = Files.readString(p, StandardCharsets.UTF_8);
    assertThat(s).as(file).contains(from);
    Files.writeString(p, s.replace(from, to), StandardCharsets.UTF_8);
  }
}
