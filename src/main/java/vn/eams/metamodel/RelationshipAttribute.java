package vn.eams.metamodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute of a relationship type (e.g. Access.accessType) with the value meant when it is
 * absent.
 */
public record RelationshipAttribute(
    String name, PropertyType type, PropertyConstraint constraint, Optional<Object> defaultValue) {

  /** Validates that no component is null. */
  public RelationshipAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }

  /**
   * Strictly coerces a raw value like {@link PropertyDefinition#coerce}; an absent value ({@code
   * null} or blank) gives the default.
   */
  public Coercion coerce(Object raw) {
    Coercion c = asDefinition().coerce(raw);
    if (c.isValid() && c.value().isEmpty() && defaultValue.isPresent()) {
      return Coercion.of(defaultValue.get());
    }
    return c;
  }

  /** Problems with a raw value (empty when valid or absent). */
  public List<PropertyProblem> validate(Object raw) {
    return coerce(raw).problems();
  }

  PropertyDefinition asDefinition() {
    return new PropertyDefinition(name, type, false, constraint, name, name);
  }
}
