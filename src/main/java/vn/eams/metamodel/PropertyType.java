package vn.eams.metamodel;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Value type of a profile property or relationship attribute, spelled as {@link #token()}. */
public enum PropertyType {
  /** One line of text, stored as String; constraint {@code ..N} = max length. */
  STRING("string"),
  /** Free text, stored as String; constraint {@code ..N} = max length. */
  TEXT("text"),
  /** Whole number, stored as Long; constraint {@code min..max}. */
  INTEGER("integer"),
  /** Decimal number, stored as BigDecimal; constraint {@code min..max}. */
  DECIMAL("decimal"),
  /** Boolean. */
  BOOLEAN("boolean"),
  /** Calendar date, stored as ISO-8601 String {@code YYYY-MM-DD}. */
  DATE("date"),
  /** One of a fixed list of Strings; constraint {@code a|b|c}. */
  ENUM("enum"),
  /** An http or https URL, stored as String. */
  URL("url"),
  /** Id of another element, stored as String; constraint = allowed element types {@code A|B}. */
  ELEMENT("element");

  private final String token;

  PropertyType(String token) {
    this.token = token;
  }

  /** The spelling used in data files, e.g. {@code integer}. */
  public String token() {
    return token;
  }

  /** The type spelled {@code token}, case-sensitive. */
  public static Optional<PropertyType> fromToken(String token) {
    return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
  }

  /** All tokens, for error messages. */
  public static String tokens() {
    return Arrays.stream(values()).map(PropertyType::token).collect(Collectors.joining(", "));
  }
}
