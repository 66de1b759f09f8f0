package vn.eams.metamodel;

import java.util.Objects;

/**
 * One problem with a property value: the property name, a stable dotted code (e.g. {@code
 * property.range}) and a message in Vietnamese and English that says what is wrong and how to fix
 * it.
 */
public record PropertyProblem(String property, String code, String messageVi, String messageEn) {

  /** Code: the property is not defined for the specialization. */
  public static final String UNKNOWN = "property.unknown";

  /** Code: a required property has no value. */
  public static final String REQUIRED = "property.required";

  /** Code: the value has the wrong Java/JSON type. */
  public static final String TYPE = "property.type";

  /** Code: the value is not one of the enum values. */
  public static final String ENUM = "property.enum";

  /** Code: the number is outside min..max. */
  public static final String RANGE = "property.range";

  /** Code: the text is longer than allowed. */
  public static final String MAX_LENGTH = "property.maxLength";

  /** Code: the value is not an http(s) URL. */
  public static final String URL = "property.url";

  /** Code: the value is not an ISO-8601 date. */
  public static final String DATE = "property.date";

  /** Validates that no component is null. */
  public PropertyProblem {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(messageVi, "messageVi");
    Objects.requireNonNull(messageEn, "messageEn");
  }
}
