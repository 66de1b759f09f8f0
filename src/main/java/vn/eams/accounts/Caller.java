package vn.eams.accounts;

import java.util.Optional;

/**
 * Who sends a request: the signed-in user, and the API token it came with, if any.
 *
 * @param userId the account's id
 * @param username the account's user name
 * @param role the account's role
 * @param agencyId the agency element a department user is bound to
 * @param tokenName the name of the API token the request carried
 */
public record Caller(
    long userId,
    String username,
    Role role,
    Optional<String> agencyId,
    Optional<String> tokenName) {

  /** The name recorded as the actor of changes: the user, and the token when one was used. */
  public String actor() {
    return tokenName.map(t -> username + " (token " + t + ")").orElse(username);
  }

  /** Whether the caller's role holds the right. */
  public boolean may(Right right) {
    return role.rights().contains(right);
  }

  /** The same caller, acting through the named token. */
  Caller withToken(String name) {
    return new Caller(userId, username, role, agencyId, Optional.of(name));
  }

  static Caller of(UserAccount u) {
    return new Caller(
        u.id,
        u.username,
        u.roleValue(),
        Optional.ofNullable(u.agencyId).filter(s -> !s.isBlank()),
        Optional.empty());
  }
}
