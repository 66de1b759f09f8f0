package vn.eams.appraisal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One revision of a dossier file in one document slot of a case. */
@Entity
@Table(name = "eams_appraisal_document")
public class CaseDocument extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_appraisal_document_seq")
  @SequenceGenerator(
      name = "eams_appraisal_document_seq",
      sequenceName = "eams_appraisal_document_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "case_id", nullable = false)
  public long caseId;

  @Column(name = "slot_id", length = 50, nullable = false)
  public String slotId;

  /** 1 for the first file of the slot, then 2, 3 … for replacements; all are kept. */
  @Column(name = "revision", nullable = false)
  public int revision;

  @Column(name = "file_name", length = 300, nullable = false)
  public String fileName;

  @Column(name = "content_type", length = 200, nullable = false)
  public String contentType;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(name = "sha256", length = 64, nullable = false)
  public String sha256;

  @Basic(fetch = FetchType.LAZY)
  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(name = "content", nullable = false)
  public byte[] content;

  @Column(name = "uploaded_by", length = 200, nullable = false)
  public String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  public LocalDateTime uploadedAt;
}
