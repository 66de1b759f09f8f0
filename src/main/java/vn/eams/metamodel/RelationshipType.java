package vn.eams.metamodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An ArchiMate relationship type with its Appendix B key letter and its attributes. */
public record RelationshipType(
    String name,
    char letter,
    RelationshipCategory category,
    String nameVi,
    String nameEn,
    List<RelationshipAttribute> attributes) {

  /** Copies the attributes; validates that no component is null. */
  public RelationshipType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
    attributes = List.copyOf(attributes);
  }

  /** The attribute called {@code name}, if this type has one. */
  public Optional<RelationshipAttribute> attribute(String name) {
    return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** True for composition, aggregation, assignment and realization. */
  public boolean isStructural() {
    return category == RelationshipCategory.STRUCTURAL;
  }
}
