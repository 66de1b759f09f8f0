package vn.eams.metamodel;

import java.util.Objects;

/** An ArchiMate element type, named as the Open Exchange Format spells it. */
public record ElementType(String name, Layer layer, Aspect aspect, String nameVi, String nameEn) {

  /** Validates that no component is null. */
  public ElementType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(aspect, "aspect");
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
  }

  /** True for AndJunction and OrJunction, which share the Junction row of the table. */
  public boolean isJunction() {
    return aspect == Aspect.CONNECTOR;
  }
}
