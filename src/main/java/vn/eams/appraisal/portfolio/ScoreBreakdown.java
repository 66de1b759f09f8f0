package vn.eams.appraisal.portfolio;

import java.util.List;

/**
 * A portfolio score and how it was made.
 *
 * @param total Σ contribution, 0..1
 * @param components one per weight, in {@link ScoreWeights#COMPONENTS} order
 */
public record ScoreBreakdown(
    String ruleSetId, String ruleSetVersion, double total, List<Component> components) {

  public ScoreBreakdown {
    components = List.copyOf(components);
  }

  /**
   * One component.
   *
   * @param value 0..1
   * @param weight its weight as the data gives it
   * @param contribution weight × value / Σ weights
   */
  public record Component(
      String key, double value, double weight, double contribution, String noteVi, String noteEn) {}
}
