package vn.eams.appraisal.duplication;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a proposal would build that already exists or is proposed elsewhere, best match first.
 *
 * @param buildCostVnd the proposal's estimated build cost, when known
 * @param proposed the applications and databases the proposal builds (not references)
 * @param matches every candidate scoring at least the rule-set's minScore, best first
 * @param leftOut other proposals not searched because of their status
 */
public record DuplicationReport(
    String proposalId,
    String baselineId,
    String ruleSetId,
    String ruleSetVersion,
    LocalDate ruleSetEffectiveFrom,
    boolean ruleSetToBeConfirmed,
    OptionalLong buildCostVnd,
    List<Proposed> proposed,
    List<Match> matches,
    List<LeftOut> leftOut) {

  public DuplicationReport {
    proposed = List.copyOf(proposed);
    matches = List.copyOf(matches);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * An application or database the proposal builds.
   *
   * @param kind application or database
   * @param buildCostShareVnd the build cost divided equally among the built elements, when known
   */
  public record Proposed(
      String id,
      String type,
      String specialization,
      String name,
      String nameEn,
      String kind,
      OptionalLong buildCostShareVnd) {}

  /**
   * Why a candidate overlaps.
   *
   * @param code referenceCode, dataSubject, sharedDatabase, name, owner, domain or agency
   * @param weight what the reason adds: the rule-set weight of the code times the similarity found
   *     (0..1), rounded to 3 decimals
   */
  public record Reason(String code, String textVi, String textEn, double weight) {}

  /**
   * What to do instead of building.
   *
   * @param code reuse, extend or integrate
   */
  public record Suggestion(String code, String textVi, String textEn) {}

  /**
   * A candidate overlapping a proposed element.
   *
   * @param modelId the baseline, or the other proposal the candidate belongs to
   * @param kind application, database or proposal (built by another proposal)
   * @param score 0..1, rounded to 3 decimals: 1 − Π (1 − weight of each reason)
   * @param estimatedSavingVnd the proposed element's share of the build cost times the suggestion's
   *     saving share, rounded down to whole đồng; empty when the build cost is not known
   * @param status the other proposal's status (kind proposal only)
   */
  public record Match(
      String candidateId,
      String modelId,
      String type,
      String specialization,
      String name,
      String nameEn,
      String kind,
      String proposedElementId,
      String proposedElementName,
      double score,
      List<Reason> reasons,
      Suggestion suggestion,
      OptionalLong estimatedSavingVnd,
      Optional<String> status) {

    public Match {
      reasons = List.copyOf(reasons);
    }
  }

  /** Another proposal left out, and its status. */
  public record LeftOut(String modelId, String name, String status) {}
}
