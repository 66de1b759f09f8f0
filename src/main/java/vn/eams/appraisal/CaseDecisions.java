package vn.eams.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.eams.accounts.Caller;
import vn.eams.compliance.ProposalMerge;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Records a reviewer's decision on a case. An approval (with or without conditions) first merges
 * the proposal into its baseline (issue #9) — refused when the proposal changed since the
 * compliance report the checklist rests on — and only then closes the case; a refused merge leaves
 * the case open and unchanged.
 */
@ApplicationScoped
public class CaseDecisions {

  private final AppraisalCases cases;
  private final CaseChecklist checklist;
  private final ProposalMerge merge;
  private final CaseJson json;

  CaseDecisions(AppraisalCases cases, CaseChecklist checklist, ProposalMerge merge, CaseJson json) {
    this.cases = cases;
    this.checklist = checklist;
    this.merge = merge;
    this.json = json;
  }

  /** What a reviewer decides. */
  public record Input(
      Optional<String> decision,
      Optional<String> reasons,
      List<String> conditions,
      Optional<Long> version,
      Optional<String> plateauId) {}

  public AppraisalCase decide(long id, Input in, Caller c) {
    AppraisalCases.requireReviewer(c);
    AppraisalCase k = cases.get(id, c);
    AppraisalCases.requireOpen(k);
    if (in.version().isPresent() && in.version().get() != k.version) {
      throw ProblemException.conflict(
          "Case "
              + id
              + " changed since you read it (version "
              + k.version
              + ", you sent "
              + in.version().get()
              + "). Read it again before deciding.",
          List.of(Problem.Error.id(Long.toString(id), "version-conflict", "Read the case again.")),
          null);
    }
    List<Problem.Error> errors = new ArrayList<>();
    Optional<Decision> d = in.decision().flatMap(Decision::of);
    if (d.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "decision",
              in.decision().isEmpty() ? "required" : "unknown-decision",
              "Use approve, approve-with-conditions or reject."));
    }
    String reasons = in.reasons().map(String::strip).orElse("");
    if (reasons.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "reasons", "required", "Give the reasons of the decision; the opinion quotes them."));
    } else if (reasons.length() > 20_000) {
      errors.add(Problem.Error.field("reasons", "too-long", "Use at most 20000 characters."));
    }
    List<String> conditions =
        in.conditions().stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (d.isPresent() && d.get() == Decision.APPROVE_WITH_CONDITIONS && conditions.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "conditions",
              "required",
              "An approval with conditions lists at least one condition."));
    }
    if (d.isPresent() && d.get() != Decision.APPROVE_WITH_CONDITIONS && !conditions.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "conditions",
              "not-allowed",
              "Only an approval with conditions has conditions; choose approve-with-conditions."));
    }
    if (String.join("\n", conditions).length() > 20_000) {
      errors.add(Problem.Error.field("conditions", "too-long", "Use at most 20000 characters."));
    }
    CaseChecklist.Result result = checklist.judge(k);
    if (d.isPresent() && d.get() != Decision.REJECT) {
      for (CaseChecklist.Row row : result.rows()) {
        String v = row.verdict();
        if (Verdict.OPEN.equals(v)) {
          errors.add(
              Problem.Error.field(
                  "checklist." + row.item().id(),
                  "item-open",
                  "Checklist item "
                      + row.item().number()
                      + " ("
                      + row.item().titleEn()
                      + ") has no verdict yet; judge it before approving."));
        } else if (Verdict.FAIL.equals(v) && d.get() == Decision.APPROVE) {
          errors.add(
              Problem.Error.field(
                  "checklist." + row.item().id(),
                  "item-failed",
                  "Checklist item "
                      + row.item().number()
                      + " ("
                      + row.item().titleEn()
                      + ") fails; approve with conditions that remedy it, or reject."));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The decision cannot be recorded.", errors);
    }
    // what the decision rests on, kept with it: after the merge the proposal's concepts are in the
    // baseline, and judging again would find the project duplicating itself
    String judged = json.write(json.judged(result));
    Optional<Long> mergedSeq = Optional.empty();
    if (d.get() != Decision.REJECT) {
      Optional<Long> checkedSeq = result.report().map(r -> r.seq());
      ProposalMerge.Result r =
          merge.merge(k.proposalId, checkedSeq, in.plateauId().orElse(""), c.actor());
      mergedSeq = Optional.of(r.change().seq());
    }
    return cases.recordDecision(
        id, in.version().orElse(-1L), d.get(), reasons, conditions, judged, mergedSeq, c);
  }
}
