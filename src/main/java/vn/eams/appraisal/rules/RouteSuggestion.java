package vn.eams.appraisal.rules;

import java.util.List;
import java.util.Optional;

/**
 * The route a proposal takes, and why.
 *
 * @param group {@code A}, {@code B}, {@code C} for projects, else empty
 * @param oneStep whether the project has a one-step design (economic-technical report, BCKTKT)
 * @param deadline the statutory appraisal deadline (empty when the law sets none)
 * @param deadlineGroup the group or security level the deadline was chosen by (empty: one for all)
 * @param reasonsVi the steps of the decision, in Vietnamese
 * @param reasonsEn the same in English
 * @param basis the articles applied
 */
public record RouteSuggestion(
    String ruleSetId,
    String ruleSetVersion,
    Funding funding,
    long totalVnd,
    String routeId,
    String group,
    boolean oneStep,
    Optional<Deadline> deadline,
    String deadlineGroup,
    List<String> reasonsVi,
    List<String> reasonsEn,
    List<String> basis) {

  public RouteSuggestion {
    reasonsVi = List.copyOf(reasonsVi);
    reasonsEn = List.copyOf(reasonsEn);
    basis = List.copyOf(basis);
  }
}
