package vn.eams.metamodel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Category of an ArchiMate viewpoint (specification Appendix C). */
public enum ViewpointCategory {
  COMPOSITION("Composition"),
  SUPPORT("Support"),
  COOPERATION("Cooperation"),
  REALIZATION("Realization"),
  STRATEGY("Strategy"),
  MOTIVATION("Motivation"),
  IMPLEMENTATION_MIGRATION("ImplementationMigration");

  private final String token;

  ViewpointCategory(String token) {
    this.token = token;
  }

  /** The spelling used in data files, e.g. {@code ImplementationMigration}. */
  public String token() {
    return token;
  }

  /** The category spelled {@code token}, case-sensitive. */
  public static Optional<ViewpointCategory> fromToken(String token) {
    return Arrays.stream(values()).filter(c -> c.token.equals(token)).findFirst();
  }

  /** All tokens, for error messages. */
  public static String tokens() {
    return Arrays.stream(values()).map(ViewpointCategory::token).collect(Collectors.joining(", "));
  }
}
