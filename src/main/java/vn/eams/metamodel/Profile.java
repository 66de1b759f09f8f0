package vn.eams.metamodel;

import java.util.Objects;

/** A loaded profile: a named, versioned set of specializations with typed properties. */
public record Profile(String id, String nameVi, String nameEn, String version) {

  /** Validates that no component is null. */
  public Profile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nameVi, "nameVi");
    Objects.requireNonNull(nameEn, "nameEn");
    Objects.requireNonNull(version, "version");
  }
}
