package vn.eams.appraisal.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dated version of the portfolio weights ({@code metamodel/rulesets/portfolio/*.json}).
 *
 * @param weights weight of each component by key ({@link #COMPONENTS}); the score divides by their
 *     sum
 * @param bcrForFullBenefit the benefit-cost ratio that earns the whole benefit component
 * @param phaseValues value 0..1 of each roadmap phase (a phase not listed: 0)
 */
public record ScoreWeights(
    String id,
    String version,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveTo,
    Map<String, Double> weights,
    double bcrForFullBenefit,
    Map<Integer, Double> phaseValues) {

  /** The components, in the order they are shown. */
  public static final List<String> COMPONENTS =
      List.of("conformance", "reuse", "cost", "benefit", "roadmapPriority");

  public ScoreWeights {
    weights = Map.copyOf(weights);
    phaseValues = Map.copyOf(phaseValues);
  }

  /** Whether it is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && effectiveTo.map(to -> !day.isAfter(to)).orElse(true);
  }
}
