package vn.eams.metamodel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Category of an ArchiMate relationship type (specification chapter 5). */
public enum RelationshipCategory {
  STRUCTURAL("Structural"),
  DEPENDENCY("Dependency"),
  DYNAMIC("Dynamic"),
  OTHER("Other");

  private final String token;

  RelationshipCategory(String token) {
    this.token = token;
  }

  /** The spelling used in data files, e.g. {@code Structural}. */
  public String token() {
    return token;
  }

  /** The category spelled {@code token}, case-sensitive. */
  public static Optional<RelationshipCategory> fromToken(String token) {
    return Arrays.stream(values()).filter(c -> c.token.equals(token)).findFirst();
  }

  /** All tokens, for error messages. */
  public static String tokens() {
    return Arrays.stream(values())
        .map(RelationshipCategory::token)
        .collect(Collectors.joining(", "));
  }
}
