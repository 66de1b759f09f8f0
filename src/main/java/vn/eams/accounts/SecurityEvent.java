package vn.eams.accounts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One recorded security event: a sign-in (or a failed one), a sign-out, a lock-out, an account or
 * role change, an API token created or revoked.
 */
@Entity
@Table(name = "eams_security_event")
public class SecurityEvent extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_security_event_seq")
  @SequenceGenerator(
      name = "eams_security_event_seq",
      sequenceName = "eams_security_event_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "at", nullable = false)
  public LocalDateTime at;

  /** Who did it: a user name, or {@code anonymous} for a failed sign-in. */
  @Column(name = "actor", length = 200, nullable = false)
  public String actor;

  /** What happened ({@code login}, {@code login-failed}, {@code role-changed}, ...). */
  @Column(name = "kind", length = 40, nullable = false)
  public String kind;

  /** Whom or what it concerned: a user name, a token name. */
  @Column(name = "subject", length = 200)
  public String subject;

  @Column(name = "detail", length = 1000)
  public String detail;

  /** The client's address. */
  @Column(name = "address", length = 100)
  public String address;
}
