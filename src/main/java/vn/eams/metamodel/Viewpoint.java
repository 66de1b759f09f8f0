package vn.eams.metamodel;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An ArchiMate viewpoint and the element types it allows; {@code nameEn} is exactly the exchange
 * format's ViewpointsEnum value.
 */
public record Viewpoint(
    String id, ViewpointCategory category, String nameVi, String nameEn, Set<String> elementTypes) {

  /** Copies the element types keeping their order; validates that no component is null. */
  public Viewpoint {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
    elementTypes = Collections.unmodifiableSet(new LinkedHashSet<>(elementTypes));
  }

  /** True when an element of this type may appear in a view of this viewpoint. */
  public boolean allows(String elementType) {
    return elementTypes.contains(elementType);
  }
}
