package vn.eams.exchange;

import java.util.Map;
import java.util.Set;

/**
 * The ArchiMate 2.x type names that older files use, mapped to their ArchiMate 3.2 successors.
 * Shared by the readers of the exchange format 2.1 and of Archi's {@code .archimate} files (whose
 * Archi 2.x and 3.x versions hold ArchiMate 2.x models), so that both read an old model alike.
 *
 * <p>Relationship names are accepted with or without the suffix {@code Relationship} (the exchange
 * format 2.1 and Archi write {@code UsedByRelationship}) and are returned without it, as ArchiMate
 * 3.2 and EAMS name them ({@code Serving}). A name that is neither an old name nor a 3.2 name is
 * returned unchanged, so that the caller reports it as an unknown type.
 */
final class LegacyTypes {

  private static final String SUFFIX = "Relationship";

  /** ArchiMate 2.x element types that were renamed or merged in 3.x. */
  private static final Map<String, String> ELEMENTS =
      Map.of(
          "InfrastructureService", "TechnologyService",
          "InfrastructureFunction", "TechnologyFunction",
          "InfrastructureInterface", "TechnologyInterface",
          "Network", "CommunicationNetwork",
          "CommunicationPath", "Path",
          // one Junction type whose kind is an attribute (Archi: type="or"); see junction()
          "Junction", "AndJunction");

  /** ArchiMate 2.x relationship names (British spelling, "used by"). */
  private static final Map<String, String> RELATIONSHIPS =
      Map.of(
          "UsedBy", "Serving",
          "Realisation", "Realization",
          "Specialisation", "Specialization");

  /** The 11 relationship types of ArchiMate 3.2. */
  private static final Set<String> RELATIONSHIPS_32 =
      Set.of(
          "Composition",
          "Aggregation",
          "Assignment",
          "Realization",
          "Serving",
          "Access",
          "Influence",
          "Association",
          "Triggering",
          "Flow",
          "Specialization");

  private LegacyTypes() {}

  /** The ArchiMate 3.2 name of an element type; an unknown name is returned unchanged. */
  static String elementType(String name) {
    return name == null ? "" : ELEMENTS.getOrDefault(name, name);
  }

  /**
   * The ArchiMate 3.2 name of a relationship type, without the suffix {@code Relationship} ({@code
   * UsedByRelationship}, {@code UsedBy} → {@code Serving}; {@code AssignmentRelationship} → {@code
   * Assignment}); an unknown name is returned unchanged.
   */
  static String relationshipType(String name) {
    if (name == null) {
      return "";
    }
    String base =
        name.endsWith(SUFFIX) && name.length() > SUFFIX.length()
            ? name.substring(0, name.length() - SUFFIX.length())
            : name;
    String mapped = RELATIONSHIPS.getOrDefault(base, base);
    return RELATIONSHIPS_32.contains(mapped) ? mapped : name;
  }

  /** True when the name is a relationship type, old or 3.2, with or without the suffix. */
  static boolean isRelationshipType(String name) {
    return RELATIONSHIPS_32.contains(relationshipType(name));
  }

  /**
   * The junction type for a junction's kind attribute: {@code or} → OrJunction, else AndJunction.
   */
  static String junction(String kind) {
    return kind != null && kind.strip().equalsIgnoreCase("or") ? "OrJunction" : "AndJunction";
  }
}
