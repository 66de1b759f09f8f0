package vn.eams.accounts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A user's role, and the rights it holds (docs/operations/security.md). */
public enum Role {
  /** Manages users and roles; may do everything. */
  ADMIN(EnumSet.allOf(Right.class)),
  /** Models the architecture: edits models and views, imports, publishes. */
  ARCHITECT(
      EnumSet.of(Right.PUBLIC, Right.PUBLISHED, Right.READ, Right.MODEL_EDIT, Right.SIGNED_IN)),
  /** Runs compliance checks, handles appraisal cases and records decisions. */
  REVIEWER(
      EnumSet.of(
          Right.PUBLIC, Right.PUBLISHED, Right.READ, Right.REVIEW, Right.CASES, Right.SIGNED_IN)),
  /**
   * An agency's staff, bound to the agency's element: reads everything published, submits and
   * follows its own agency's proposals and cases.
   */
  DEPARTMENT(EnumSet.of(Right.PUBLIC, Right.PUBLISHED, Right.READ, Right.CASES, Right.SIGNED_IN)),
  /** Reads the repository; changes nothing. */
  VIEWER(EnumSet.of(Right.PUBLIC, Right.PUBLISHED, Right.READ, Right.SIGNED_IN));

  private final Set<Right> rights;

  Role(Set<Right> rights) {
    this.rights = Set.copyOf(rights);
  }

  /** The rights of this role. */
  public Set<Right> rights() {
    return rights;
  }

  /** The role's name in the API, configuration and GraphQL: lower case ({@code architect}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this key, in any case. */
  public static Optional<Role> of(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String k = key.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(k)).findFirst();
  }

  /** The keys of all roles, for messages. */
  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(Role::key).toList());
  }
}
