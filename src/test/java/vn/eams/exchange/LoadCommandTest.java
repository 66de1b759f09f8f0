package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** The {@code --load} command of the command line, on packages of our own. */
@QuarkusMainTest
class LoadCommandTest {

  @Test
  @Launch({"--load", "tests/fixtures/model-package/small"})
  void load_ReportsWhatItLoaded(LaunchResult result) {
    assertThat(result.exitCode()).isZero();
    assertThat(result.getOutput()).contains("Loaded model 'small': 3 elements, 2 relationships");
  }

  @Test
  @Launch(
      value = {"--load", "tests/fixtures/model-package/broken"},
      exitCode = 1)
  void load_BrokenPackage_ListsEveryProblemWithFileAndLine_AndLoadsNothing(LaunchResult result) {
    assertThat(result.getErrorOutput())
        .contains("Nothing was loaded")
        .contains("elements.csv:3: Unknown element type 'BusinessActorr'")
        .contains("relations.csv:2:");
  }

  @Test
  @Launch(
      value = {"--load"},
      exitCode = 2)
  void load_WithoutFolder_ExplainsTheUsage(LaunchResult result) {
    assertThat(result.getErrorOutput()).contains("--load needs a model folder");
  }
}
