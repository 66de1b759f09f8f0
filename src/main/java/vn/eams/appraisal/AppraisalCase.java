package vn.eams.appraisal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An appraisal case: an agency's proposed IT project (a proposal model, issue #9) under review at
 * the DIC, on one appraisal route with its statutory deadline, until a decision.
 */
@Entity
@Table(name = "eams_appraisal_case")
public class AppraisalCase extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_appraisal_case_seq")
  @SequenceGenerator(
      name = "eams_appraisal_case_seq",
      sequenceName = "eams_appraisal_case_seq",
      allocationSize = 50)
  public Long id;

  /** The proposal model under appraisal. */
  @Column(name = "proposal_id", length = 200, nullable = false)
  public String proposalId;

  /** The architecture the proposal is laid over. */
  @Column(name = "baseline_id", length = 200, nullable = false)
  public String baselineId;

  @Column(name = "title", length = 500, nullable = false)
  public String title;

  /** The proposing agency: a BusinessActor of the baseline. */
  @Column(name = "agency_id", length = 200, nullable = false)
  public String agencyId;

  /** investment, recurrent, lease or security. */
  @Column(name = "funding", length = 20, nullable = false)
  public String funding;

  /** The total investment or estimate, in đồng. */
  @Column(name = "total_vnd", nullable = false)
  public long totalVnd;

  @Column(name = "security_level")
  public Integer securityLevel;

  /** The roadmap phase (1, 2, 3 …) the project belongs to, if it is in the roadmap. */
  @Column(name = "roadmap_phase")
  public Integer roadmapPhase;

  @Column(name = "route_id", length = 50, nullable = false)
  public String routeId;

  /**
   * The route the rule-set suggested for the funding and size (the reviewer may choose another).
   */
  @Column(name = "route_suggested", length = 50, nullable = false)
  public String routeSuggested;

  /** A, B or C for investment projects; empty otherwise. */
  @Column(name = "project_group", length = 5, nullable = false)
  public String projectGroup;

  /** One-step design (an economic-technical report, BCKTKT). */
  @Column(name = "one_step", nullable = false)
  public boolean oneStep;

  /** The route rule-set applied: {@code id@version}. */
  @Column(name = "ruleset", length = 200, nullable = false)
  public String ruleset;

  @Column(name = "received_on", nullable = false)
  public LocalDate receivedOn;

  @Column(name = "deadline_on")
  public LocalDate deadlineOn;

  @Column(name = "deadline_days")
  public Integer deadlineDays;

  /** calendar or working. */
  @Column(name = "deadline_kind", length = 20)
  public String deadlineKind;

  @Column(name = "deadline_basis", length = 500)
  public String deadlineBasis;

  /** The reviewer's user name. */
  @Column(name = "assignee", length = 200)
  public String assignee;

  @Column(name = "status", length = 30, nullable = false)
  public String status;

  /** The yearly benefit the agency states, in đồng, for the portfolio's ranking. */
  @Column(name = "benefit_vnd")
  public Long benefitVnd;

  /** The software cost estimate: its input and every intermediate value, as JSON. */
  @Column(name = "estimate_json", length = 1_000_000)
  public String estimateJson;

  /** Total cost of ownership and investment appraisal (NPV, BCR, payback), as JSON. */
  @Column(name = "lifecycle_json", length = 1_000_000)
  public String lifecycleJson;

  /**
   * The checklist, the compliance report's change number and the duplication search as they stood
   * when the decision was made, as JSON: a closed case shows what the decision rested on, not what
   * the repository says after the merge.
   */
  @Column(name = "judged_json", length = 1_000_000)
  public String judgedJson;

  @Column(name = "decision", length = 30)
  public String decision;

  @Column(name = "decision_reasons", length = 20_000)
  public String decisionReasons;

  /** The conditions of an approval with conditions, one per line. */
  @Column(name = "decision_conditions", length = 20_000)
  public String decisionConditions;

  @Column(name = "decided_by", length = 200)
  public String decidedBy;

  @Column(name = "decided_at")
  public LocalDateTime decidedAt;

  /** The change sequence number of merging the approved proposal into its baseline. */
  @Column(name = "merged_seq")
  public Long mergedSeq;

  @Column(name = "opened_by", length = 200, nullable = false)
  public String openedBy;

  @Column(name = "opened_at", nullable = false)
  public LocalDateTime openedAt;

  @Column(name = "updated_at", nullable = false)
  public LocalDateTime updatedAt;

  @Version
  @Column(name = "version", nullable = false)
  public long version;
}
