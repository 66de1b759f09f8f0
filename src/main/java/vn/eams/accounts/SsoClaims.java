package vn.eams.accounts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.eams.platform.EamsConfig;

/**
 * Reads an identity provider's claims as an EAMS account: user name, full name, role (the most
 * powerful role any value of the role claim maps to, else the default role) and agency.
 */
public final class SsoClaims {

  private SsoClaims() {}

  /**
   * The account the claims describe, or why they cannot sign in.
   *
   * @param username the user name, when the claims carry one
   * @param displayName the full name (the user name when there is none)
   * @param role the mapped role, when a value maps to one (or a default role is set)
   * @param agencyId the agency claim's value
   * @param values the role claim's values, for messages
   */
  public record Account(
      Optional<String> username,
      String displayName,
      Optional<Role> role,
      Optional<String> agencyId,
      List<String> values) {}

  /** Reads the claims; {@code claim} answers a claim by name (null when absent). */
  public static Account read(EamsConfig.Sso config, Function<String, Object> claim) {
    Optional<String> username = text(claim.apply(config.usernameClaim()));
    String name = text(claim.apply(config.nameClaim())).orElse(username.orElse(""));
    List<String> values = texts(claim.apply(config.roleClaim()));
    Optional<Role> role = role(values, config.roles(), config.defaultRole());
    Optional<String> agency = text(claim.apply(config.agencyClaim()));
    return new Account(username, name, role, agency, values);
  }

  /** The most powerful role the values map to (roles are declared most powerful first). */
  static Optional<Role> role(
      List<String> values, Map<String, String> map, Optional<String> fallback) {
    Optional<Role> best = Optional.empty();
    for (String v : values) {
      Optional<Role> r = Role.of(map.get(v));
      if (r.isPresent() && (best.isEmpty() || r.get().ordinal() < best.get().ordinal())) {
        best = r;
      }
    }
    return best.isPresent() ? best : fallback.flatMap(Role::of);
  }

  private static Optional<String> text(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    String s = unquote(value.toString()).strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private static List<String> texts(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      c.forEach(v -> text(v).ifPresent(out::add));
    } else if (value instanceof Object[] a) {
      for (Object v : a) {
        text(v).ifPresent(out::add);
      }
    } else {
      text(value).ifPresent(out::add);
    }
    return out;
  }

  /** JSON-P strings print with their quotes. */
  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
