package vn.eams.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eams.model.ModelInfo;

/**
 * The result of checking a model: every model check and policy rule over the model, or for a
 * proposal over its baseline plus the proposal.
 *
 * @param baseline the architecture a proposal is laid over
 * @param seq the change sequence number the report was made at
 * @param millis how long the check took
 * @param timings milliseconds by phase: read, overlay, checks, rdf, policies
 * @param rules every rule that ran, in catalogue order
 * @param findings for a proposal, those that involve what it builds or changes; else all
 * @param baselineFindings for a proposal: how many findings of each rule the baseline already has
 * @param uses for a proposal: the baseline elements it reuses, integrates with or replaces
 * @param concepts every concept a finding or use names
 * @param rulesGeneration which load of the policy rules made it (a reload makes reports stale)
 */
public record ComplianceReport(
    ModelInfo model,
    boolean proposal,
    Optional<ModelInfo> baseline,
    long seq,
    Instant checkedAt,
    long millis,
    Map<String, Long> timings,
    List<Rule> rules,
    List<Finding> findings,
    Map<String, Integer> baselineFindings,
    List<Use> uses,
    Map<String, Concept> concepts,
    long rulesGeneration) {

  /**
   * A concept a finding names.
   *
   * @param agencyId the agency (BusinessActor) responsible for it, "" when none is known
   * @param proposed true for what a proposal builds or changes
   */
  public record Concept(
      String id,
      String modelId,
      String type,
      String name,
      String nameEn,
      String agencyId,
      boolean proposed) {}

  /**
   * A baseline element a proposal uses.
   *
   * @param use reuse, integrate or replace
   * @param relationshipIds the proposal's relationships that connect to it
   */
  public record Use(String baselineId, String use, List<String> relationshipIds) {}

  /** Findings of the given severity. */
  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }
}
