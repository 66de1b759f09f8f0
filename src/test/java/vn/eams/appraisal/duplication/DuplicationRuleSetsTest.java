package vn.eams.appraisal.duplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the duplication rule-sets. */
class DuplicationRuleSetsTest {

  private static final Path SHIPPED =
      Path.of("metamodel/rulesets/duplication/duplication-2026.json");

  @Test
  void shippedRuleSet_Loads_WithItsWeightsAndRules() {
    DuplicationRuleSets sets = new DuplicationRuleSets(Path.of("metamodel/rulesets"));
    DuplicationRuleSet r = sets.effectiveOn(LocalDate.of(2026, 12, 1));
    assertThat(r.id()).isEqualTo("duplication-2026");
    assertThat(r.version()).isEqualTo("1.0");
    assertThat(r.weight("name")).isEqualTo(0.6);
    assertThat(r.weight("dataSubject")).isEqualTo(0.5);
    assertThat(r.suggestion("application", 0.6)).isEqualTo("reuse");
    assertThat(r.suggestion("application", 0.599)).isEqualTo("extend");
    assertThat(r.suggestion("application", 0.349)).isEqualTo("integrate");
    assertThat(r.suggestion("database", 0.5)).isEqualTo("reuse");
    assertThat(r.savingShares()).containsEntry("reuse", 0.8).containsEntry("integrate", 0.0);
    assertThat(r.excludedStatuses()).containsExactly("rejected", "withdrawn");
  }

  private static Path write(Path dir, String from, String to) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("duplication"));
    Files.writeString(sub.resolve("bad.json"), Files.readString(SHIPPED).replace(from, to));
    return dir;
  }

  @Test
  void missingWeight_IsNamed(@TempDir Path dir) throws IOException {
    write(dir, "\"owner\": 0.2,", "");
    assertThatThrownBy(() -> new DuplicationRuleSets(dir))
        .isInstanceOf(DuplicationRuleSetException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("field 'weights.owner' is missing or not a number");
  }

  @Test
  void badDate_IsNamed(@TempDir Path dir) throws IOException {
    write(dir, "\"2026-01-01\"", "\"2026-13-01\"");
    assertThatThrownBy(() -> new DuplicationRuleSets(dir))
        .hasMessageContaining("field 'effectiveFrom' is '2026-13-01', not a date YYYY-MM-DD");
  }

  @Test
  void weightOutOfRange_IsNamed(@TempDir Path dir) throws IOException {
    write(dir, "\"name\": 0.6", "\"name\": 1.5");
    assertThatThrownBy(() -> new DuplicationRuleSets(dir))
        .hasMessageContaining("field 'weights.name' is 1.5; give a number from 0 to 1");
  }

  @Test
  void unknownSuggestion_IsNamed(@TempDir Path dir) throws IOException {
    write(dir, "\"suggestion\": \"extend\"", "\"suggestion\": \"rebuild\"");
    assertThatThrownBy(() -> new DuplicationRuleSets(dir))
        .hasMessageContaining("field 'suggestions[1].suggestion' is 'rebuild'");
  }

  @Test
  void emptyDirectory_IsAnError(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("duplication"));
    assertThatThrownBy(() -> new DuplicationRuleSets(dir))
        .hasMessageContaining("holds no rule-set");
  }
}
