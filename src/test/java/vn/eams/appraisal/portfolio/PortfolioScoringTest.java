package vn.eams.appraisal.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import vn.eams.appraisal.rules.AppraisalRuleSets;

/**
 * Scores with the shipped weights (conformance 0.30, reuse 0.20, cost 0.15, benefit 0.20,
 * roadmapPriority 0.15; BCR 2.0 earns the whole benefit; phases 1 → 1.0, 2 → 0.6, 3 → 0.3).
 */
class PortfolioScoringTest {

  static final long BN = 1_000_000_000L;

  final PortfolioScoring scoring =
      new AppraisalRuleSets(Path.of("metamodel/rulesets")).scoring(LocalDate.of(2025, 6, 1));

  @Test
  void breakdown_HandComputed() {
    // conformance 0.30 × 0.8 = 0.24; reuse 0.20 × 0.5 = 0.10; cost 0.15 × (1 − 3/12) = 0.1125;
    // benefit 0.20 × (1.5 / 2.0) = 0.15; roadmap phase 2: 0.15 × 0.6 = 0.09; total 0.6925
    ScoreBreakdown b =
        scoring.breakdown(
            new ScoreInput(0.8, 0.5, 3 * BN, 12 * BN, OptionalDouble.of(1.5), OptionalInt.of(2)));
    assertThat(b.ruleSetId()).isEqualTo("portfolio-score-2024");
    assertThat(b.components())
        .extracting(ScoreBreakdown.Component::key)
        .containsExactly("conformance", "reuse", "cost", "benefit", "roadmapPriority");
    assertThat(b.components().get(0).contribution()).isCloseTo(0.24, within(1e-12));
    assertThat(b.components().get(1).contribution()).isCloseTo(0.10, within(1e-12));
    assertThat(b.components().get(2).value()).isCloseTo(0.75, within(1e-12));
    assertThat(b.components().get(2).contribution()).isCloseTo(0.1125, within(1e-12));
    assertThat(b.components().get(3).contribution()).isCloseTo(0.15, within(1e-12));
    assertThat(b.components().get(4).value()).isCloseTo(0.6, within(1e-12));
    assertThat(b.components().get(4).contribution()).isCloseTo(0.09, within(1e-12));
    assertThat(b.total()).isCloseTo(0.6925, within(1e-12));
  }

  @Test
  void noBcrAndNoPhase_CountZero_AndABigBcrIsCapped() {
    // 0.24 + 0.10 + 0.1125 = 0.4525
    assertThat(
            scoring.score(
                new ScoreInput(
                    0.8, 0.5, 3 * BN, 12 * BN, OptionalDouble.empty(), OptionalInt.empty())))
        .isCloseTo(0.4525, within(1e-12));
    // everything at best: BCR 3.0 capped at 1, phase 1, cost 0 → 1.0
    assertThat(
            scoring.score(
                new ScoreInput(1, 1, 0, 12 * BN, OptionalDouble.of(3.0), OptionalInt.of(1))))
        .isCloseTo(1.0, within(1e-12));
    // phase 9 is not in the data → 0; conformance above 1 is clamped
    ScoreBreakdown b =
        scoring.breakdown(
            new ScoreInput(1.7, 0, 12 * BN, 12 * BN, OptionalDouble.empty(), OptionalInt.of(9)));
    assertThat(b.total()).isCloseTo(0.30, within(1e-12));
  }
}
