package vn.eams.appraisal.portfolio;

import java.util.ArrayList;
import java.util.List;

/**
 * The portfolio score of a case: Σ weight × value / Σ weight over conformance, reuse, cost, benefit
 * and roadmap priority, with the weights of a {@link ScoreWeights} rule-set.
 *
 * <ul>
 *   <li>conformance, reuse: the input, clamped to 0..1;
 *   <li>cost: 1 − cost / largest cost (1 when the largest cost is 0);
 *   <li>benefit: bcr / bcrForFullBenefit, at most 1 (0 when no BCR is stated);
 *   <li>roadmapPriority: the value of the roadmap phase (0 outside the roadmap).
 * </ul>
 */
public final class PortfolioScoring {

  private final ScoreWeights weights;

  public PortfolioScoring(ScoreWeights weights) {
    this.weights = weights;
  }

  public ScoreWeights weights() {
    return weights;
  }

  /** The score 0..1. */
  public double score(ScoreInput in) {
    return breakdown(in).total();
  }

  /**
   * The score with its components.
   *
   * @throws IllegalArgumentException for a non-finite conformance, reuse or BCR, or a negative cost
   */
  public ScoreBreakdown breakdown(ScoreInput in) {
    requireFinite("conformance", in.conformance());
    requireFinite("reuse", in.reuse());
    in.bcr().ifPresent(b -> requireFinite("bcr", b));
    if (in.costVnd() < 0 || in.maxCostVnd() < 0) {
      throw new IllegalArgumentException("costVnd: the costs must not be negative");
    }
    double sum = 0;
    for (String k : ScoreWeights.COMPONENTS) {
      sum += weights.weights().getOrDefault(k, 0.0);
    }
    List<ScoreBreakdown.Component> parts = new ArrayList<>();
    double total = 0;
    for (String k : ScoreWeights.COMPONENTS) {
      double w = weights.weights().getOrDefault(k, 0.0);
      double v;
      String vi;
      String en;
      switch (k) {
        case "conformance":
          v = clamp(in.conformance());
          vi = "Mức phù hợp với kiến trúc";
          en = "Architecture conformance";
          break;
        case "reuse":
          v = clamp(in.reuse());
          vi = "Mức tái sử dụng";
          en = "Reuse";
          break;
        case "cost":
          v = in.maxCostVnd() == 0 ? 1 : clamp(1 - (double) in.costVnd() / in.maxCostVnd());
          vi = "Chi phí so với hồ sơ lớn nhất: 1 − " + in.costVnd() + " / " + in.maxCostVnd();
          en = "Cost against the largest case: 1 − " + in.costVnd() + " / " + in.maxCostVnd();
          break;
        case "benefit":
          if (in.bcr().isPresent()) {
            v = clamp(in.bcr().getAsDouble() / weights.bcrForFullBenefit());
            vi =
                "Tỷ số lợi ích/chi phí "
                    + in.bcr().getAsDouble()
                    + " / "
                    + weights.bcrForFullBenefit();
            en =
                "Benefit-cost ratio "
                    + in.bcr().getAsDouble()
                    + " / "
                    + weights.bcrForFullBenefit();
          } else {
            v = 0;
            vi = "Không nêu tỷ số lợi ích/chi phí";
            en = "No benefit-cost ratio stated";
          }
          break;
        default:
          if (in.roadmapPhase().isPresent()) {
            int phase = in.roadmapPhase().getAsInt();
            v = clamp(weights.phaseValues().getOrDefault(phase, 0.0));
            vi = "Giai đoạn " + phase + " của lộ trình";
            en = "Roadmap phase " + phase;
          } else {
            v = 0;
            vi = "Không thuộc lộ trình";
            en = "Not in the roadmap";
          }
          break;
      }
      double c = sum == 0 ? 0 : w * v / sum;
      total += c;
      parts.add(new ScoreBreakdown.Component(k, v, w, c, vi, en));
    }
    return new ScoreBreakdown(weights.id(), weights.version(), total, parts);
  }

  private static void requireFinite(String field, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(field + ": must be a number");
    }
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
