package vn.eams.appraisal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.eams.appraisal.cost.CostRuleSets;
import vn.eams.appraisal.cost.UcpRuleSet;
import vn.eams.appraisal.duplication.DuplicationRuleSet;
import vn.eams.appraisal.duplication.DuplicationRuleSets;
import vn.eams.metamodel.MetamodelException;

/**
 * The packaged application started outside a checkout has no {@code metamodel/rulesets} folder:
 * every rule-set reader then reads the copies the build ships, which must be every file of the
 * folder.
 */
class RuleSetSourceTest {

  static final Path FOLDER = Path.of("metamodel/rulesets");

  @TempDir Path tmp;

  @Test
  void shippedList_IsEveryRuleSetFileOfTheFolder() throws IOException {
    try (Stream<Path> files = Files.walk(FOLDER)) {
      List<String> onDisk =
          files
              .filter(Files::isRegularFile)
              .map(p -> FOLDER.relativize(p).toString().replace('\\', '/'))
              .filter(n -> !n.endsWith("README.md"))
              .sorted()
              .toList();
      assertThat(RuleSetSource.SHIPPED).containsExactlyElementsOf(onDisk);
    }
  }

  @Test
  void shippedCopies_AreTheFolder_ByteForByte() {
    RuleSetSource folder = RuleSetSource.directory(FOLDER);
    RuleSetSource shipped = RuleSetSource.shipped();
    for (String name : RuleSetSource.SHIPPED) {
      assertThat(shipped.read(name)).as(name).isEqualTo(folder.read(name));
    }
    assertThat(shipped.describe("cost/x.json"))
        .isEqualTo("classpath:metamodel/rulesets/cost/x.json");
  }

  @Test
  void missingFolder_CostAndDuplicationRuleSetsComeFromTheShippedCopies() {
    RuleSetSource src = RuleSetSource.of(tmp.resolve("none"), true);
    assertThat(src.isShipped()).isTrue();
    assertThat(new CostRuleSets(src).all())
        .extracting(UcpRuleSet::id)
        .containsExactlyElementsOf(
            new CostRuleSets(FOLDER).all().stream().map(UcpRuleSet::id).toList())
        .isNotEmpty();
    assertThat(new DuplicationRuleSets(src).all())
        .extracting(DuplicationRuleSet::id)
        .containsExactly("duplication-2026");
  }

  @Test
  void missingFolder_WithoutFallback_IsNamed() {
    assertThatThrownBy(() -> RuleSetSource.of(tmp.resolve("none"), false))
        .isInstanceOf(MetamodelException.class)
        .hasMessageContaining("none")
        .hasMessageContaining("the rule-sets folder does not exist");
  }

  @Test
  void existingFolder_IsReadEvenWhenAnAreaIsMissing() throws IOException {
    Files.createDirectories(tmp.resolve("rs"));
    RuleSetSource src = RuleSetSource.of(tmp.resolve("rs"), true);
    assertThat(src.isShipped()).isFalse();
    assertThat(new CostRuleSets(src).all()).isEmpty();
    assertThatThrownBy(() -> new DuplicationRuleSets(src))
        .hasMessageContaining("duplication: no such directory");
  }
}
