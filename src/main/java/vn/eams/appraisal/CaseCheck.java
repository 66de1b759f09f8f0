package vn.eams.appraisal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A reviewer's verdict and comment on one checklist item of a case. */
@Entity
@Table(name = "eams_appraisal_check")
public class CaseCheck extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_appraisal_check_seq")
  @SequenceGenerator(
      name = "eams_appraisal_check_seq",
      sequenceName = "eams_appraisal_check_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public long caseId;

  @Column(name = "item_id", length = 50, nullable = false)
  public String itemId;

  /** pass, fail, not-applicable or open. */
  @Column(name = "verdict", length = 20, nullable = false)
  public String verdict;

  @Column(name = "comment", length = 20_000)
  public String comment;

  @Column(name = "updated_by", length = 200, nullable = false)
  public String updatedBy;

  @Column(name = "updated_at", nullable = false)
  public LocalDateTime updatedAt;
}
