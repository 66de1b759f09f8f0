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

/** One step of a case's history: opened, assigned, a status change, a document, a decision. */
@Entity
@Table(name = "eams_appraisal_event")
public class CaseEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_appraisal_event_seq")
  @SequenceGenerator(
      name = "eams_appraisal_event_seq",
      sequenceName = "eams_appraisal_event_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public long caseId;

  @Column(name = "at", nullable = false)
  public LocalDateTime at;

  @Column(name = "actor", length = 200, nullable = false)
  public String actor;

  @Column(name = "kind", length = 30, nullable = false)
  public String kind;

  /** The case's status after the event. */
  @Column(name = "status", length = 30, nullable = false)
  public String status;

  @Column(name = "note", length = 20_000)
  public String note;
}
