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

/** An API token: only its SHA-256 hash is stored; the token is shown once, when created. */
@Entity
@Table(name = "eams_api_token")
public class ApiToken extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "eams_api_token_seq")
  @SequenceGenerator(
      name = "eams_api_token_seq",
      sequenceName = "eams_api_token_seq",
      allocationSize = 50)
  public Long id;

  @Column(name = "user_id", nullable = false)
  public Long userId;

  @Column(name = "name", length = 100, nullable = false)
  public String name;

  @Column(name = "token_hash", length = 64, nullable = false, unique = true)
  public String tokenHash;

  /** The token's first characters, so that a user can tell tokens apart. */
  @Column(name = "token_prefix", length = 20, nullable = false)
  public String tokenPrefix;

  @Column(name = "created_at", nullable = false)
  public LocalDateTime createdAt;

  @Column(name = "expires_at")
  public LocalDateTime expiresAt;

  @Column(name = "last_used_at")
  public LocalDateTime lastUsedAt;

  @Column(name = "revoked_at")
  public LocalDateTime revokedAt;

  /** The token with this hash. */
  public static Optional<ApiToken> byHash(String hash) {
    return find("tokenHash", hash).firstResultOptional();
  }
}
