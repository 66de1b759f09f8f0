package vn.eams.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editable content of an element. Absent texts are empty strings.
 *
 * @param profile typed properties declared by the element's specialization (profile)
 */
public record ElementData(
    String type,
    String name,
    String nameEn,
    String documentation,
    String documentationEn,
    String specialization,
    List<Property> properties,
    Map<String, Object> profile,
    String folderId,
    Optional<LocalDate> validFrom,
    Optional<LocalDate> validTo) {

  public ElementData {
    properties = List.copyOf(properties);
    profile = Map.copyOf(profile);
  }

  /** A bare element of the given type and name. */
  public static ElementData of(String type, String name) {
    return new ElementData(
        type, name, "", "", "", "", List.of(), Map.of(), "", Optional.empty(), Optional.empty());
  }

  /** The same element data with other typed profile values. */
  public ElementData withProfile(Map<String, Object> p) {
    return new ElementData(
        type,
        name,
        nameEn,
        documentation,
        documentationEn,
        specialization,
        properties,
        p,
        folderId,
        validFrom,
        validTo);
  }

  /** The same element data with other free properties, filed in another folder. */
  public ElementData withPropertiesIn(List<Property> props, String folder) {
    return new ElementData(
        type,
        name,
        nameEn,
        documentation,
        documentationEn,
        specialization,
        props,
        profile,
        folder,
        validFrom,
        validTo);
  }
}
