package vn.eams.metamodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** A specialization of an element type, defined by a profile, with its typed properties. */
public record Specialization(
    String id,
    String profileId,
    String elementType,
    String nameVi,
    String nameEn,
    String description,
    List<PropertyDefinition> properties) {

  /** Copies the properties; validates that no component is null. */
  public Specialization {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(elementType, "elementType");
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(description, "description");
    properties = List.copyOf(properties);
  }

  /** The property called {@code name}, if defined. */
  public Optional<PropertyDefinition> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * Coerces every raw value (see {@link PropertyDefinition#coerce}) and reports unknown properties,
   * missing required ones and every invalid value at once.
   */
  public CoercedProperties coerce(Map<String, ?> raw) {
    Objects.requireNonNull(raw, "raw");
    List<PropertyProblem> problems = new ArrayList<>();
    for (String key : raw.keySet()) {
      if (property(key).isEmpty()) {
        problems.add(unknown(key));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (PropertyDefinition p : properties) {
      Coercion c = p.coerce(raw.get(p.name()));
      c.value().ifPresent(v -> values.put(p.name(), v));
      problems.addAll(c.problems());
    }
    return new CoercedProperties(values, problems);
  }

  /** Every problem with the raw values; empty when {@link #coerce} accepts them all. */
  public List<PropertyProblem> validate(Map<String, ?> raw) {
    return coerce(raw).problems();
  }

  private PropertyProblem unknown(String key) {
    String allowed =
        properties.isEmpty()
            ? "-"
            : properties.stream().map(PropertyDefinition::name).collect(Collectors.joining(", "));
    return new PropertyProblem(
        String.valueOf(key),
        PropertyProblem.UNKNOWN,
        "Thuộc tính '"
            + key
            + "' không thuộc chuyên biệt hóa '"
            + nameVi
            + "' (các thuộc tính hợp lệ: "
            + allowed
            + "; hãy xóa hoặc sửa tên)",
        "Unknown property '"
            + key
            + "' for specialization '"
            + nameEn
            + "' (allowed: "
            + allowed
            + "; remove it or fix its name)");
  }
}
