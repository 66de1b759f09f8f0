package vn.eams.appraisal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the shipped cost rule-sets, choosing the one in force, and errors in broken files. */
class CostRuleSetsTest {

  static final Path SHIPPED = Path.of("metamodel/rulesets/cost/ucp-cv2589-2011.json");

  @Test
  void shipped_BothLoad_AndTheConfirmedOneIsInForce() {
    CostRuleSets sets = new CostRuleSets(Path.of("metamodel/rulesets"));
    assertThat(sets.all())
        .extracting(UcpRuleSet::id)
        .containsExactly("ucp-cv2589-2011", "ucp-qd671-2024");
    // 671 is newer but to be confirmed: 2589 stays the default, before and after 26/04/2024
    assertThat(sets.effectiveOn(LocalDate.of(2026, 12, 1)).id()).isEqualTo("ucp-cv2589-2011");
    assertThat(sets.effectiveOn(LocalDate.of(2012, 1, 1)).id()).isEqualTo("ucp-cv2589-2011");
    // before 24/08/2011 nothing is in force
    assertThatThrownBy(() -> sets.effectiveOn(LocalDate.of(2011, 8, 23)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("2011-08-23");
    assertThat(sets.byId("none")).isEmpty();
  }

  @Test
  void newerConfirmedRuleSet_Wins(@TempDir Path dir) throws Exception {
    Path cost = Files.createDirectories(dir.resolve("cost"));
    Files.copy(SHIPPED, cost.resolve("a.json"));
    Files.writeString(
        cost.resolve("b.json"),
        Files.readString(SHIPPED)
            .replace("\"ucp-cv2589-2011\"", "\"ucp-new\"")
            .replace("2011-08-24", "2025-01-01"));
    CostRuleSets sets = new CostRuleSets(dir);
    assertThat(sets.effectiveOn(LocalDate.of(2024, 12, 31)).id()).isEqualTo("ucp-cv2589-2011");
    assertThat(sets.effectiveOn(LocalDate.of(2025, 1, 1)).id()).isEqualTo("ucp-new");
  }

  private static String broken(Path dir, String from, String to) throws Exception {
    Path cost = Files.createDirectories(dir.resolve("cost"));
    String text = Files.readString(SHIPPED);
    assertThat(text).contains(from);
    Files.writeString(cost.resolve("broken.json"), text.replace(from, to));
    try {
      new CostRuleSets(dir);
    } catch (CostRuleSetException e) {
      return e.getMessage();
    }
    throw new AssertionError("the broken file was accepted");
  }

  @Test
  void missingCoefficient_IsNamed(@TempDir Path dir) throws Exception {
    String message = broken(dir, "\"base\": 0.6, ", "");
    assertThat(message)
        .contains("broken.json")
        .contains("coefficient 'tcf.base' is missing: give it as a number");
  }

  @Test
  void badDate_IsNamed(@TempDir Path dir) throws Exception {
    String message = broken(dir, "\"2011-08-24\"", "\"24/08/2011\"");
    assertThat(message)
        .contains("broken.json")
        .contains("'effectiveFrom' is not a date (24/08/2011): write it as YYYY-MM-DD");
  }

  @Test
  void everyProblemAtOnce_AndBandsInOrder(@TempDir Path dir) throws Exception {
    String message =
        broken(
            dir,
            "{ \"id\": \"average\", \"maxTransactions\": 7, \"weight\": 10 }",
            "{ \"id\": \"average\", \"maxTransactions\": 2, \"weight\": \"ten\" }");
    assertThat(message)
        .contains("'useCaseComplexity[1].maxTransactions' must be a whole number above 3")
        .contains("coefficient 'useCaseComplexity[1].weight' must be a number");
  }

  @Test
  void notJson_AndDuplicateIds(@TempDir Path dir) throws Exception {
    Path cost = Files.createDirectories(dir.resolve("cost"));
    Files.writeString(cost.resolve("x.json"), "{ \"id\": ");
    assertThatThrownBy(() -> new CostRuleSets(dir))
        .isInstanceOf(CostRuleSetException.class)
        .hasMessageContaining("x.json: not valid JSON at line 1");
    Files.delete(cost.resolve("x.json"));
    Files.copy(SHIPPED, cost.resolve("a.json"));
    Files.copy(SHIPPED, cost.resolve("b.json"));
    assertThatThrownBy(() -> new CostRuleSets(dir))
        .isInstanceOf(CostRuleSetException.class)
        .hasMessageContaining("b.json: 'id' ucp-cv2589-2011 is already used by");
  }

  @Test
  void noFolder_NoRuleSets(@TempDir Path dir) {
    assertThat(new CostRuleSets(dir).all()).isEmpty();
  }
}
