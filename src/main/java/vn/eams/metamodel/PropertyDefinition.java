package vn.eams.metamodel;

import java.util.List;
import java.util.Objects;

/** A typed property that a specialization adds to its element type. */
public record PropertyDefinition(
    String name,
    PropertyType type,
    boolean required,
    PropertyConstraint constraint,
    String labelVi,
    String labelEn) {

  /** Validates that no component is null. */
  public PropertyDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(labelVi, "labelVi");
    Objects.requireNonNull(labelEn, "labelEn");
  }

  /**
   * Turns a raw JSON-ish value into the stored Java type (String, Long, BigDecimal, Boolean; dates
   * as ISO-8601 String), strictly: text is never parsed as a number or boolean. {@code null} or
   * blank text means "no value".
   */
  public Coercion coerce(Object raw) {
    return ValueCoercer.coerce(this, raw);
  }

  /** Problems with a raw value (empty when {@link #coerce} would accept it). */
  public List<PropertyProblem> validate(Object raw) {
    return coerce(raw).problems();
  }
}
