package vn.eams.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;
import vn.eams.platform.Setting;

/**
 * Users, their passwords, sessions and API tokens; every sign-in, lock-out, account change and
 * token change is recorded as a {@link SecurityEvent}.
 *
 * <p>Checks that every request makes (a session's user, a token, a script's user name and password)
 * are answered from short-lived caches: a change made on this node applies at once, one made on
 * another node within {@link #CACHE_TIME}.
 */
@ApplicationScoped
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class);

  /** How long a node trusts what it read of an account or token. */
  static final Duration CACHE_TIME = Duration.ofSeconds(5);

  /** How long a node trusts a user name and password it checked (scripts send them each time). */
  static final Duration PASSWORD_CACHE_TIME = Duration.ofSeconds(60);

  /** How often a token's last-used time is written, at most. */
  static final Duration LAST_USED_STEP = Duration.ofMinutes(1);

  static final String TOKEN_PREFIX = "eams_";

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A bcrypt hash to compare with when the user does not exist, so that both take as long. */
  private final String dummyHash;

  private final EamsConfig.Security config;
  private final Map<Long, Cached<Optional<UserState>>> users = new ConcurrentHashMap<>();
  private final Map<String, Cached<Optional<TokenState>>> tokens = new ConcurrentHashMap<>();
  private final Map<String, Cached<Long>> passwords = new ConcurrentHashMap<>();
  private volatile SessionCodec codec;

  private final AgencyCheck agencies;

  Accounts(EamsConfig config, AgencyCheck agencies) {
    this.config = config.security();
    this.agencies = agencies;
    this.dummyHash = Passwords.dummyHash(config.security().bcryptCost());
  }

  private record Cached<T>(T value, long until) {
    boolean fresh() {
      return System.nanoTime() < until;
    }
  }

  /** What a request needs to know of an account. */
  private record UserState(Caller caller, int credentialsVersion, boolean usable) {}

  /** What a request needs to know of a token. */
  private record TokenState(long userId, String name, LocalDateTime expiresAt) {}

  /** The outcome of a sign-in with user name and password. */
  public enum Outcome {
    /** Signed in. */
    OK,
    /** Unknown user or wrong password. */
    WRONG,
    /** Too many failed attempts: locked for a while. */
    LOCKED,
    /** The account is disabled. */
    DISABLED
  }

  /** A sign-in's outcome and, when it succeeded, the caller and its session cookie. */
  public record Login(Outcome outcome, Optional<Caller> caller, Optional<String> session) {}

  // ---- sign-in ---------------------------------------------------------------------------------

  /**
   * Checks a user name and password, counting failures and locking the account after {@code
   * eams.security.max-failed-logins} in a row. Records the outcome.
   */
  public Login signIn(String username, String password, String address, String how) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              LocalDateTime now = LocalDateTime.now();
              Optional<UserAccount> found =
                  username == null ? Optional.empty() : UserAccount.byUsername(username);
              if (found.isEmpty()) {
                Passwords.matches(password == null ? "" : password, dummyHash);
                record(
                    "anonymous", "login-failed", username, "unknown user (" + how + ")", address);
                return new Login(Outcome.WRONG, Optional.empty(), Optional.empty());
              }
              UserAccount u = found.get();
              if (u.lockedUntil != null && u.lockedUntil.isAfter(now)) {
                record(u.username, "login-refused", u.username, "locked (" + how + ")", address);
                return new Login(Outcome.LOCKED, Optional.empty(), Optional.empty());
              }
              if (!Passwords.matches(password, u.passwordHash)) {
                u.failedLogins++;
                if (u.failedLogins >= config.maxFailedLogins()) {
                  u.lockedUntil = now.plus(config.lockout());
                  u.failedLogins = 0;
                  record(
                      u.username,
                      "locked-out",
                      u.username,
                      config.maxFailedLogins()
                          + " failed sign-ins in a row; locked until "
                          + u.lockedUntil,
                      address);
                  users.remove(u.id);
                  return new Login(Outcome.LOCKED, Optional.empty(), Optional.empty());
                }
                record(
                    u.username,
                    "login-failed",
                    u.username,
                    "wrong password (" + how + ")",
                    address);
                return new Login(Outcome.WRONG, Optional.empty(), Optional.empty());
              }
              if (!u.enabled) {
                record(u.username, "login-refused", u.username, "disabled (" + how + ")", address);
                return new Login(Outcome.DISABLED, Optional.empty(), Optional.empty());
              }
              u.failedLogins = 0;
              u.lockedUntil = null;
              u.lastLoginAt = now;
              record(u.username, "login", u.username, how, address);
              Caller c = Caller.of(u);
              String cookie =
                  codec()
                      .encode(
                          new SessionCodec.Session(
                              u.id, u.credentialsVersion, System.currentTimeMillis() / 1000));
              return new Login(Outcome.OK, Optional.of(c), Optional.of(cookie));
            });
  }

  /**
   * Signs in a user whom the identity provider vouched for: the account of that user name is
   * created, or its role and agency follow the provider's claims; a disabled account stays out.
   */
  public Login ssoSignIn(SsoClaims.Account claims, String address) {
    String username = claims.username().orElseThrow();
    Role role = claims.role().orElseThrow();
    String agency = claims.agencyId().orElse(null);
    Login login =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  LocalDateTime now = LocalDateTime.now();
                  UserAccount u = UserAccount.byUsername(username).orElse(null);
                  if (u == null) {
                    u = new UserAccount();
                    u.username = username;
                    u.displayName =
                        claims.displayName().isBlank() ? username : claims.displayName();
                    u.role = role.key();
                    u.agencyId = agency;
                    u.enabled = true;
                    u.createdAt = now;
                    u.persist();
                    record(
                        "system:sso",
                        "user-created",
                        username,
                        "role "
                            + role.key()
                            + (agency == null ? "" : ", agency " + agency)
                            + " (single sign-on)",
                        address);
                  } else {
                    if (!u.enabled) {
                      record(username, "login-refused", username, "disabled (sso)", address);
                      return new Login(Outcome.DISABLED, Optional.empty(), Optional.empty());
                    }
                    if (role != u.roleValue()) {
                      record(
                          "system:sso",
                          "role-changed",
                          username,
                          u.role + " -> " + role.key() + " (single sign-on)",
                          address);
                      u.role = role.key();
                      u.credentialsVersion++;
                    }
                    if (!java.util.Objects.equals(agency, u.agencyId)) {
                      record(
                          "system:sso",
                          "agency-changed",
                          username,
                          u.agencyId + " -> " + agency + " (single sign-on)",
                          address);
                      u.agencyId = agency;
                      u.credentialsVersion++;
                    }
                  }
                  u.lastLoginAt = now;
                  record(username, "login", username, "sso", address);
                  String cookie =
                      codec()
                          .encode(
                              new SessionCodec.Session(
                                  u.id, u.credentialsVersion, System.currentTimeMillis() / 1000));
                  return new Login(Outcome.OK, Optional.of(Caller.of(u)), Optional.of(cookie));
                });
    forgetUsers();
    return login;
  }

  /** Records a single sign-on the claims did not allow. */
  public void ssoRefused(String username, String why, String address) {
    QuarkusTransaction.requiringNew()
        .run(() -> record(username, "login-refused", username, "sso: " + why, address));
  }

  /**
   * The caller of a request that carries a user name and password (HTTP Basic): answered from the
   * cache of recently checked pairs, else checked like a sign-in.
   */
  public Login basic(String username, String password, String address) {
    String key = sha256(username + "\u0000" + password);
    Cached<Long> hit = passwords.get(key);
    if (hit != null && hit.fresh()) {
      Optional<Caller> c = user(hit.value()).filter(UserState::usable).map(UserState::caller);
      if (c.isPresent()) {
        return new Login(Outcome.OK, c, Optional.empty());
      }
    }
    passwords.remove(key);
    Login login = signIn(username, password, address, "password");
    login
        .caller()
        .ifPresent(c -> passwords.put(key, new Cached<>(c.userId(), until(PASSWORD_CACHE_TIME))));
    return login;
  }

  /** The caller a session cookie names, while the session is valid and the account usable. */
  public Optional<Caller> session(String cookie) {
    Optional<SessionCodec.Session> s = codec().decode(cookie);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    long age = System.currentTimeMillis() / 1000 - s.get().issuedAt();
    if (age < 0 || age > config.sessionLifetime().toSeconds()) {
      return Optional.empty();
    }
    return user(s.get().userId())
        .filter(u -> u.usable() && u.credentialsVersion() == s.get().credentialsVersion())
        .map(UserState::caller);
  }

  /** The CSRF token of a session. */
  public String csrfToken(String cookie) {
    return codec().csrfToken(cookie);
  }

  /** Whether a CSRF token belongs to the session cookie. */
  public boolean csrfMatches(String cookie, String token) {
    return cookie != null && SessionCodec.equal(codec().csrfToken(cookie), token);
  }

  /** Records a sign-out. */
  public void signedOut(Caller c, String address) {
    QuarkusTransaction.requiringNew()
        .run(() -> record(c.username(), "logout", c.username(), null, address));
  }

  /** The caller an account stands for, without any credential: for the server's own work. */
  public Optional<Caller> caller(String username) {
    return QuarkusTransaction.requiringNew()
        .call(() -> UserAccount.byUsername(username).map(Caller::of));
  }

  // ---- API tokens ------------------------------------------------------------------------------

  /** The caller an API token stands for, while it is valid and its user's account usable. */
  public Optional<Caller> token(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(token);
    Cached<Optional<TokenState>> hit = tokens.get(hash);
    Optional<TokenState> t;
    if (hit != null && hit.fresh()) {
      t = hit.value();
    } else {
      t = QuarkusTransaction.requiringNew().call(() -> loadToken(hash));
      tokens.put(hash, new Cached<>(t, until(CACHE_TIME)));
    }
    if (t.isEmpty()
        || (t.get().expiresAt() != null && t.get().expiresAt().isBefore(LocalDateTime.now()))) {
      return Optional.empty();
    }
    TokenState state = t.get();
    return user(state.userId())
        .filter(UserState::usable)
        .map(u -> u.caller().withToken(state.name()));
  }

  private static Optional<TokenState> loadToken(String hash) {
    Optional<ApiToken> found = ApiToken.byHash(hash).filter(t -> t.revokedAt == null);
    found.ifPresent(
        t -> {
          LocalDateTime now = LocalDateTime.now();
          if (t.lastUsedAt == null || t.lastUsedAt.isBefore(now.minus(LAST_USED_STEP))) {
            t.lastUsedAt = now;
          }
        });
    return found.map(t -> new TokenState(t.userId, t.name, t.expiresAt));
  }

  /** A new token of the caller's user: the token itself is in the answer, and only there. */
  public Map<String, Object> createToken(Caller c, String name, Integer days, String address) {
    List<Problem.Error> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 100) {
      errors.add(
          Problem.Error.field(
              "name",
              "invalid-name",
              "Name the token (1..100 characters), e.g. 'nightly export'."));
    }
    if (days != null && (days < 1 || days > 3650)) {
      errors.add(
          Problem.Error.field(
              "expiresInDays", "out-of-range", "Use 1..3650 days, or leave it out: no expiry."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The token cannot be created as asked.", errors);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ApiToken t = new ApiToken();
              t.userId = c.userId();
              t.name = name.strip();
              t.tokenHash = sha256(token);
              t.tokenPrefix = token.substring(0, 12);
              t.createdAt = LocalDateTime.now();
              t.expiresAt = days == null ? null : t.createdAt.plusDays(days);
              t.persist();
              record(c.actor(), "token-created", c.username(), t.name, address);
              Map<String, Object> m = tokenJson(t);
              m.put("token", token);
              return m;
            });
  }

  /** The caller's tokens (an administrator may list another user's). */
  public List<Map<String, Object>> tokens(long userId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ApiToken.<ApiToken>list("userId = ?1 order by createdAt desc", userId).stream()
                    .map(Accounts::tokenJson)
                    .toList());
  }

  /** Revokes a token of the caller's (or, for an administrator, anyone's). */
  public Map<String, Object> revokeToken(Caller c, long tokenId, String address) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              ApiToken t = ApiToken.findById(tokenId);
              if (t == null || (t.userId != c.userId() && !c.may(Right.ADMIN))) {
                throw ProblemException.notFound("API token", Long.toString(tokenId));
              }
              if (t.revokedAt == null) {
                t.revokedAt = LocalDateTime.now();
                record(c.actor(), "token-revoked", owner(t.userId), t.name, address);
              }
              tokens.remove(t.tokenHash);
              return tokenJson(t);
            });
  }

  private static String owner(long userId) {
    UserAccount u = UserAccount.findById(userId);
    return u == null ? Long.toString(userId) : u.username;
  }

  private static Map<String, Object> tokenJson(ApiToken t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id);
    m.put("name", t.name);
    m.put("prefix", t.tokenPrefix);
    m.put("createdAt", t.createdAt.toString());
    m.put("expiresAt", t.expiresAt == null ? null : t.expiresAt.toString());
    m.put("lastUsedAt", t.lastUsedAt == null ? null : t.lastUsedAt.toString());
    m.put("revokedAt", t.revokedAt == null ? null : t.revokedAt.toString());
    return m;
  }

  // ---- users -----------------------------------------------------------------------------------

  /** What an administrator (or the user) sends to create or change an account. */
  public record UserInput(
      Optional<String> username,
      Optional<String> displayName,
      Optional<String> password,
      Optional<String> role,
      Optional<String> agencyId,
      Optional<Boolean> enabled,
      Optional<Boolean> unlock) {}

  /** All accounts, by user name. */
  public List<Map<String, Object>> users() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                UserAccount.<UserAccount>list("order by username").stream()
                    .map(Accounts::userJson)
                    .toList());
  }

  /** One account. */
  public Map<String, Object> user(String username) {
    return QuarkusTransaction.requiringNew().call(() -> userJson(require(username)));
  }

  /** Creates an account; 422 with every problem, 409 when the user name is taken. */
  public Map<String, Object> createUser(Caller by, UserInput in, String address) {
    List<Problem.Error> errors = new ArrayList<>();
    String username = in.username().map(String::strip).orElse("");
    if (!USERNAME.matcher(username).matches()) {
      errors.add(
          Problem.Error.field(
              "username",
              "invalid-username",
              "Use 2..100 letters, digits, '.', '_', '-' or '@', starting with a letter or digit."));
    }
    Role role = role(in.role().orElse(null), errors);
    String agency = in.agencyId().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    agencyRule(role, agency, errors);
    String password = in.password().orElse(null);
    String weak = Passwords.problem(password, username);
    if (weak != null) {
      errors.add(Problem.Error.field("password", "weak-password", weak));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The account cannot be created as asked.", errors);
    }
    String hash = Passwords.hash(password, config.bcryptCost());
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              if (UserAccount.byUsername(username).isPresent()) {
                throw new ProblemException(
                    409,
                    "username-taken",
                    "The user name is taken",
                    "An account named '" + username + "' exists already.",
                    List.of(
                        Problem.Error.field(
                            "username", "taken", "Choose another name, or change that account.")),
                    null);
              }
              UserAccount u = new UserAccount();
              u.username = username;
              u.displayName =
                  in.displayName().map(String::strip).filter(s -> !s.isEmpty()).orElse(username);
              u.passwordHash = hash;
              u.role = role.key();
              u.agencyId = agency;
              u.enabled = in.enabled().orElse(true);
              u.createdAt = LocalDateTime.now();
              u.persist();
              record(
                  by.actor(),
                  "user-created",
                  username,
                  "role " + u.role + (agency == null ? "" : ", agency " + agency),
                  address);
              return userJson(u);
            });
  }

  /** Changes an account: name, role, agency, enabled, password, lock. Records each change. */
  public Map<String, Object> updateUser(Caller by, String username, UserInput in, String address) {
    List<Problem.Error> errors = new ArrayList<>();
    Optional<Role> newRole =
        in.role().isPresent() ? Optional.of(role(in.role().get(), errors)) : Optional.empty();
    Optional<String> weak = in.password().map(p -> Passwords.problem(p, username));
    weak.ifPresent(w -> errors.add(Problem.Error.field("password", "weak-password", w)));
    if (in.username().isPresent() && !in.username().get().equals(username)) {
      errors.add(
          Problem.Error.field(
              "username", "read-only", "A user name cannot change; create another account."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The account cannot be changed as asked.", errors);
    }
    Optional<String> hash = in.password().map(p -> Passwords.hash(p, config.bcryptCost()));
    Map<String, Object> answer =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  UserAccount u = require(username);
                  Role role = newRole.orElse(u.roleValue());
                  String agency =
                      in.agencyId().isPresent()
                          ? in.agencyId().map(String::strip).filter(s -> !s.isEmpty()).orElse(null)
                          : u.agencyId;
                  List<Problem.Error> rule = new ArrayList<>();
                  agencyRule(role, agency, rule);
                  if (u.id == by.userId()
                      && (role != Role.ADMIN || Boolean.FALSE.equals(in.enabled().orElse(true)))) {
                    rule.add(
                        Problem.Error.field(
                            newRole.isPresent() ? "role" : "enabled",
                            "own-account",
                            "Administrators cannot take away their own administration or"
                                + " disable themselves; ask another administrator."));
                  }
                  if (!rule.isEmpty()) {
                    throw ProblemException.invalid("The account cannot be changed as asked.", rule);
                  }
                  boolean credentials = false;
                  if (role != u.roleValue()) {
                    record(
                        by.actor(),
                        "role-changed",
                        username,
                        u.role + " -> " + role.key(),
                        address);
                    u.role = role.key();
                    credentials = true;
                  }
                  if (!java.util.Objects.equals(agency, u.agencyId)) {
                    record(
                        by.actor(),
                        "agency-changed",
                        username,
                        u.agencyId + " -> " + agency,
                        address);
                    u.agencyId = agency;
                    credentials = true;
                  }
                  if (in.enabled().isPresent() && in.enabled().get() != u.enabled) {
                    u.enabled = in.enabled().get();
                    record(
                        by.actor(),
                        u.enabled ? "user-enabled" : "user-disabled",
                        username,
                        null,
                        address);
                    credentials = true;
                  }
                  if (hash.isPresent()) {
                    u.passwordHash = hash.get();
                    record(by.actor(), "password-reset", username, null, address);
                    credentials = true;
                  }
                  if (in.unlock().orElse(false) && u.lockedUntil != null) {
                    u.lockedUntil = null;
                    u.failedLogins = 0;
                    record(by.actor(), "user-unlocked", username, null, address);
                  }
                  in.displayName()
                      .map(String::strip)
                      .filter(s -> !s.isEmpty())
                      .ifPresent(d -> u.displayName = d);
                  if (credentials) {
                    u.credentialsVersion++;
                  }
                  return userJson(u);
                });
    forgetUsers();
    return answer;
  }

  /** Changes the caller's own password after checking the current one. */
  public void changePassword(Caller c, String current, String next, String address) {
    String weak = Passwords.problem(next, c.username());
    if (weak != null) {
      throw ProblemException.invalid(
          "The new password is not accepted.",
          List.of(Problem.Error.field("newPassword", "weak-password", weak)));
    }
    String hash = Passwords.hash(next, config.bcryptCost());
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              UserAccount u = require(c.username());
              if (!Passwords.matches(current, u.passwordHash)) {
                record(
                    c.actor(),
                    "password-change-refused",
                    c.username(),
                    "wrong current password",
                    address);
                throw ProblemException.invalid(
                    "The current password is wrong; nothing was changed.",
                    List.of(
                        Problem.Error.field(
                            "currentPassword", "wrong-password", "Type your current password.")));
              }
              u.passwordHash = hash;
              u.credentialsVersion++;
              record(c.actor(), "password-changed", c.username(), null, address);
            });
    forgetUsers();
  }

  /** The session cookie of a user who just changed credentials (their old sessions ended). */
  public String newSession(long userId) {
    UserState u = user(userId).orElseThrow();
    return codec()
        .encode(
            new SessionCodec.Session(
                userId, u.credentialsVersion(), System.currentTimeMillis() / 1000));
  }

  /**
   * At the first start, the administrator: password from {@code EAMS_ADMIN_PASSWORD}, else a random
   * one printed once to the log. Does nothing when any account exists.
   */
  public void bootstrap(Optional<String> adminPassword) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (UserAccount.count() > 0) {
                return;
              }
              String password = adminPassword.filter(p -> !p.isBlank()).orElse(null);
              boolean generated = password == null;
              if (generated) {
                password = Passwords.random();
              }
              UserAccount u = new UserAccount();
              u.username = "admin";
              u.displayName = "Administrator";
              u.passwordHash = Passwords.hash(password, config.bcryptCost());
              u.role = Role.ADMIN.key();
              u.enabled = true;
              u.createdAt = LocalDateTime.now();
              u.persist();
              record("system", "user-created", "admin", "first start", null);
              if (generated) {
                LOG.warnf(
                    "Created the administrator 'admin' with the password %s - sign in at /login"
                        + " and change it. It is not shown again; set EAMS_ADMIN_PASSWORD to choose"
                        + " it.",
                    password);
              } else {
                LOG.info(
                    "Created the administrator 'admin' with the password of EAMS_ADMIN_PASSWORD");
              }
            });
  }

  // ---- security log -----------------------------------------------------------------------------

  /** Records a security event in the current transaction. */
  static void record(String actor, String kind, String subject, String detail, String address) {
    SecurityEvent e = new SecurityEvent();
    e.at = LocalDateTime.now();
    e.actor = cut(actor, 200);
    e.kind = kind;
    e.subject = cut(subject, 200);
    e.detail = cut(detail, 1000);
    e.address = cut(address, 100);
    e.persist();
  }

  private static String cut(String s, int n) {
    return s == null || s.length() <= n ? s : s.substring(0, n);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /**
   * What this node knows of a request's credentials without reading the account store: the caller
   * when every answer it needs is cached and fresh, else empty (then the caller is looked up
   * properly, off the I/O thread). Credentials it does not know are never refused here.
   */
  public Optional<Caller> cachedBasic(String username, String password) {
    Cached<Long> hit = passwords.get(sha256(username + "\u0000" + password));
    return hit != null && hit.fresh() ? cachedUser(hit.value()) : Optional.empty();
  }

  /** See {@link #cachedBasic}: an API token's caller, from the caches only. */
  public Optional<Caller> cachedToken(String token) {
    if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
      return Optional.empty();
    }
    Cached<Optional<TokenState>> hit = tokens.get(sha256(token));
    if (hit == null || !hit.fresh() || hit.value().isEmpty()) {
      return Optional.empty();
    }
    TokenState t = hit.value().get();
    if (t.expiresAt() != null && t.expiresAt().isBefore(LocalDateTime.now())) {
      return Optional.empty();
    }
    return cachedUser(t.userId()).map(c -> c.withToken(t.name()));
  }

  /** See {@link #cachedBasic}: a session cookie's caller, from the caches only. */
  public Optional<Caller> cachedSession(String cookie) {
    Optional<SessionCodec.Session> s = codec().decode(cookie);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    long age = System.currentTimeMillis() / 1000 - s.get().issuedAt();
    if (age < 0 || age > config.sessionLifetime().toSeconds()) {
      return Optional.empty();
    }
    Cached<Optional<UserState>> hit = users.get(s.get().userId());
    return hit != null && hit.fresh()
        ? hit.value()
            .filter(u -> u.usable() && u.credentialsVersion() == s.get().credentialsVersion())
            .map(UserState::caller)
        : Optional.empty();
  }

  private Optional<Caller> cachedUser(long id) {
    Cached<Optional<UserState>> hit = users.get(id);
    return hit != null && hit.fresh()
        ? hit.value().filter(UserState::usable).map(UserState::caller)
        : Optional.empty();
  }

  private Optional<UserState> user(long id) {
    Cached<Optional<UserState>> hit = users.get(id);
    if (hit != null && hit.fresh()) {
      return hit.value();
    }
    Optional<UserState> state =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Optional.ofNullable(UserAccount.<UserAccount>findById(id))
                        .map(
                            u ->
                                new UserState(
                                    Caller.of(u),
                                    u.credentialsVersion,
                                    u.enabled
                                        && (u.lockedUntil == null
                                            || u.lockedUntil.isBefore(LocalDateTime.now())))));
    users.put(id, new Cached<>(state, until(CACHE_TIME)));
    return state;
  }

  private void forgetUsers() {
    users.clear();
    passwords.clear();
  }

  private static UserAccount require(String username) {
    return UserAccount.byUsername(username)
        .orElseThrow(() -> ProblemException.notFound("user", username));
  }

  private static Role role(String key, List<Problem.Error> errors) {
    Optional<Role> r = Role.of(key);
    if (r.isEmpty()) {
      errors.add(Problem.Error.field("role", "unknown-role", "Use one of: " + Role.keys() + "."));
      return Role.VIEWER;
    }
    return r.get();
  }

  private void agencyRule(Role role, String agency, List<Problem.Error> errors) {
    if (role == Role.DEPARTMENT && agency == null) {
      errors.add(
          Problem.Error.field(
              "agencyId",
              "agency-required",
              "A department user is bound to one agency: give the id of its agency element."));
    }
    if (agency != null && agency.length() > 200) {
      errors.add(Problem.Error.field("agencyId", "too-long", "Use at most 200 characters."));
    } else if (agency != null) {
      agencies
          .problem(agency)
          .ifPresent(p -> errors.add(Problem.Error.field("agencyId", "unknown-agency", p)));
    }
  }

  static Map<String, Object> userJson(UserAccount u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id);
    m.put("username", u.username);
    m.put("displayName", u.displayName);
    m.put("role", u.role);
    m.put("agencyId", u.agencyId);
    m.put("enabled", u.enabled);
    m.put(
        "lockedUntil",
        u.lockedUntil != null && u.lockedUntil.isAfter(LocalDateTime.now())
            ? u.lockedUntil.toString()
            : null);
    m.put("createdAt", u.createdAt.toString());
    m.put("lastLoginAt", u.lastLoginAt == null ? null : u.lastLoginAt.toString());
    return m;
  }

  private static long until(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private SessionCodec codec() {
    SessionCodec c = codec;
    if (c == null) {
      synchronized (this) {
        if (codec == null) {
          codec = new SessionCodec(sessionKey());
        }
        c = codec;
      }
    }
    return c;
  }

  private byte[] sessionKey() {
    Optional<String> configured = config.sessionKey().filter(s -> !s.isBlank());
    if (configured.isPresent()) {
      if (configured.get().length() < 32) {
        throw new IllegalStateException(
            "eams.security.session-key needs at least 32 characters; leave it unset to have one"
                + " generated.");
      }
      return configured.get().getBytes(StandardCharsets.UTF_8);
    }
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    String candidate = Base64.getEncoder().encodeToString(fresh);
    String stored;
    try {
      stored =
          QuarkusTransaction.requiringNew()
              .call(() -> Setting.putIfAbsent("security.session-key", candidate));
    } catch (RuntimeException raced) {
      stored =
          QuarkusTransaction.requiringNew()
              .call(() -> Setting.get("security.session-key").orElseThrow(() -> raced));
    }
    return Base64.getDecoder().decode(stored);
  }
}
