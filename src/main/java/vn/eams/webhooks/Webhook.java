package vn.eams.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A URL that an administrator registered to be told of events. */
@Entity
@Table(name = "eams_webhook")
public class Webhook extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_webhook_seq")
  @SequenceGenerator(
      name = "eams_webhook_seq",
      sequenceName = "eams_webhook_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "url", length = 2000, nullable = false)
  public String url;

  /** The key of the payloads' HMAC-SHA256 signatures. */
  @Column(name = "secret", length = 200, nullable = false)
  public String secret;

  /** The event types it wants, comma-separated. */
  @Column(name = "events", length = 500, nullable = false)
  public String events;

  /** Only this model's changes, when set. */
  @Column(name = "model_id", length = 200)
  public String modelId;

  @Column(name = "enabled", nullable = false)
  public boolean enabled;

  /** The last change sequence number this webhook was given (or was registered after). */
  @Column(name = "last_seq", nullable = false)
  public long lastSeq;

  @Column(name = "created_by", length = 200, nullable = false)
  public String createdBy;

  @Column(name = "created_at", nullable = false)
  public LocalDateTime createdAt;
}
