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

/** One payload for one webhook, with its attempts: the delivery log. */
@Entity
@Table(name = "eams_webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

  /** Waiting for its first or next attempt. */
  static final String PENDING = "pending";

  /** The receiver answered 2xx. */
  static final String DELIVERED = "delivered";

  /** Every attempt failed; an administrator may send it again. */
  static final String FAILED = "failed";

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_webhook_delivery_seq")
  @SequenceGenerator(
      name = "eams_webhook_delivery_seq",
      sequenceName = "eams_webhook_delivery_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "webhook_id", nullable = false)
  public Long webhookId;

  @Column(name = "event", length = 100, nullable = false)
  public String event;

  @Column(name = "model_id", length = 200)
  public String modelId;

  @Column(name = "first_seq", nullable = false)
  public long firstSeq;

  @Column(name = "last_seq", nullable = false)
  public long lastSeq;

  @Column(name = "payload", length = 1000000, nullable = false)
  public String payload;

  @Column(name = "state", length = 20, nullable = false)
  public String state;

  @Column(name = "attempts", nullable = false)
  public int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  public LocalDateTime nextAttemptAt;

  @Column(name = "last_status")
  public Integer lastStatus;

  @Column(name = "last_error", length = 1000)
  public String lastError;

  @Column(name = "created_at", nullable = false)
  public LocalDateTime createdAt;

  @Column(name = "delivered_at")
  public LocalDateTime deliveredAt;
}
