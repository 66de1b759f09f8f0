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
import java.util.Optional;

/** A user account in the relational store. */
@Entity
@Table(name = "eams_user")
public class UserAccount extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_user_seq")
  @SequenceGenerator(name = "eams_user_seq", sequenceName = "eams_user_seq", allocationSize = 50)
  public Long id;

  @Column(name = "username", length = 100, nullable = false, unique = true)
  public String username;

  @Column(name = "display_name", length = 200, nullable = false)
  public String displayName;

  /** The bcrypt hash; none for accounts that sign in only through single sign-on. */
  @Column(name = "password_hash", length = 100)
  public String passwordHash;

  /** The role key ({@link Role#key()}). */
  @Column(name = "role", length = 20, nullable = false)
  public String role;

  /** The agency element a department user is bound to. */
  @Column(name = "agency_id", length = 200)
  public String agencyId;

  @Column(name = "enabled", nullable = false)
  public boolean enabled;

  @Column(name = "failed_logins", nullable = false)
  public int failedLogins;

  @Column(name = "locked_until")
  public LocalDateTime lockedUntil;

  /** Raised by a password, role or enabled change; sessions signed with an older one end. */
  @Column(name = "credentials_version", nullable = false)
  public int credentialsVersion;

  @Column(name = "created_at", nullable = false)
  public LocalDateTime createdAt;

  @Column(name = "last_login_at")
  public LocalDateTime lastLoginAt;

  /** The account with this user name. */
  public static Optional<UserAccount> byUsername(String username) {
    return find("username", username).firstResultOptional();
  }

  /** The role. */
  public Role roleValue() {
    return Role.of(role).orElse(Role.VIEWER);
  }
}
