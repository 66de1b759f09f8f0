package vn.eams.metamodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one profile folder (profile.tsv, specializations.tsv, properties.tsv), checking every
 * reference against the element types and every id against those already loaded.
 */
final class ProfileReader {

  static final String PROFILE = "profile.tsv";
  static final String SPECIALIZATIONS = "specializations.tsv";
  static final String PROPERTIES = "properties.tsv";
  static final List<String> PROFILE_COLUMNS = List.of("id", "name_vi", "name_en", "version");
  static final List<String> SPECIALIZATION_COLUMNS =
      List.of("id", "element_type", "name_vi", "name_en", "description");
  static final List<String> PROPERTY_COLUMNS =
      List.of(
          "specialization", "property", "type", "required", "constraint", "label_vi", "label_en");

  /** Names of core element fields that a profile property must not reuse. */
  static final Set<String> RESERVED_NAMES =
      Set.of(
          "id",
          "modelId",
          "type",
          "name",
          "nameEn",
          "documentation",
          "documentationEn",
          "specialization",
          "properties",
          "version",
          "folderId",
          "validFrom",
          "validTo",
          "createdAt",
          "updatedAt");

  private static final Pattern PROFILE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern SPECIALIZATION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
  private static final Pattern PROPERTY_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

  /** A profile with its specializations. */
  record Loaded(Profile profile, List<Specialization> specializations) {}

  private final Map<String, ElementType> elements;
  private final Map<String, String> profileIds = new HashMap<>();
  private final Map<String, String> specializationIds = new HashMap<>();

  ProfileReader(List<ElementType> elements) {
    Map<String, ElementType> byName = new HashMap<>();
    elements.forEach(e -> byName.put(e.name(), e));
    this.elements = byName;
  }

  /** Reads the profile folder {@code dir}; {@code hint} says where it was listed. */
  Loaded read(MetamodelSource dir, String hint) {
    Profile profile = profile(TsvFile.read(dir, PROFILE, PROFILE_COLUMNS, hint));
    Map<String, TsvFile.Row> rows =
        specializationRows(TsvFile.read(dir, SPECIALIZATIONS, SPECIALIZATION_COLUMNS, hint));
    Map<String, List<PropertyDefinition>> properties =
        properties(TsvFile.read(dir, PROPERTIES, PROPERTY_COLUMNS, hint), rows.keySet());
    List<Specialization> specializations = new ArrayList<>();
    rows.forEach(
        (id, row) ->
            specializations.add(
                new Specialization(
                    id,
                    profile.id(),
                    row.get("element_type"),
                    row.get("name_vi"),
                    row.get("name_en"),
                    row.get("description").equals("-") ? "" : row.get("description"),
                    properties.get(id))));
    return new Loaded(profile, specializations);
  }

  private Profile profile(TsvFile file) {
    if (file.rows().size() != 1) {
      throw file.error(
          file.headerLine(),
          "has " + file.rows().size() + " rows (it must have exactly one: the profile)");
    }
    TsvFile.Row row = file.rows().get(0);
    String id = row.get("id");
    if (!PROFILE_ID.matcher(id).matches()) {
      throw row.error("id", "'" + id + "' is not a profile id (use kebab-case, e.g. vn-egov)");
    }
    unique(profileIds, id, row, "id", "profile id");
    return new Profile(id, row.get("name_vi"), row.get("name_en"), row.get("version"));
  }

  private Map<String, TsvFile.Row> specializationRows(TsvFile file) {
    Map<String, TsvFile.Row> rows = new LinkedHashMap<>();
    for (TsvFile.Row row : file.rows()) {
      String id = row.get("id");
      if (!SPECIALIZATION_ID.matcher(id).matches()) {
        throw row.error("id", "'" + id + "' is not an id (letters, digits, '_', '-', '.')");
      }
      unique(specializationIds, id, row, "id", "specialization id");
      elementType(row, "element_type", row.get("element_type"));
      rows.put(id, row);
    }
    return rows;
  }

  private Map<String, List<PropertyDefinition>> properties(
      TsvFile file, Set<String> specializations) {
    Map<String, List<PropertyDefinition>> properties = new LinkedHashMap<>();
    specializations.forEach(id -> properties.put(id, new ArrayList<>()));
    for (TsvFile.Row row : file.rows()) {
      List<PropertyDefinition> list = properties.get(row.get("specialization"));
      if (list == null) {
        throw row.error(
            "specialization",
            "unknown specialization '"
                + row.get("specialization")
                + "' (use an id from specializations.tsv of this profile)");
      }
      PropertyDefinition definition = property(row);
      if (list.stream().anyMatch(d -> d.name().equals(definition.name()))) {
        throw row.error(
            "property",
            "property '"
                + definition.name()
                + "' is defined twice for '"
                + row.get("specialization")
                + "' (keep one row)");
      }
      list.add(definition);
    }
    return properties;
  }

  private PropertyDefinition property(TsvFile.Row row) {
    String name = row.get("property");
    if (!PROPERTY_NAME.matcher(name).matches()) {
      throw row.error(
          "property", "'" + name + "' is not a lowerCamelCase name (e.g. securityLevel)");
    }
    if (RESERVED_NAMES.contains(name)) {
      throw row.error(
          "property",
          "'"
              + name
              + "' clashes with a core element field (rename it, e.g. '"
              + name
              + "Detail'; reserved: "
              + String.join(", ", RESERVED_NAMES.stream().sorted().toList())
              + ")");
    }
    PropertyType type =
        PropertyType.fromToken(row.get("type"))
            .orElseThrow(() -> row.unknown("type", "type", PropertyType.tokens()));
    String required = row.get("required");
    if (!required.equals("true") && !required.equals("false")) {
      throw row.error("required", "'" + required + "' is not a boolean (write true or false)");
    }
    PropertyConstraint constraint;
    try {
      constraint = PropertyConstraint.parse(type, row.get("constraint"));
    } catch (IllegalArgumentException e) {
      throw row.error("constraint", e.getMessage());
    }
    for (String elementType : constraint.elementTypes()) {
      elementType(row, "constraint", elementType);
    }
    return new PropertyDefinition(
        name,
        type,
        Boolean.parseBoolean(required),
        constraint,
        row.get("label_vi"),
        row.get("label_en"));
  }

  private void elementType(TsvFile.Row row, String column, String name) {
    ElementType type = elements.get(name);
    if (type == null || type.isJunction()) {
      throw row.error(
          column,
          "unknown element type '"
              + name
              + "' (use a non-junction type from elements.tsv, e.g. ApplicationComponent)");
    }
  }

  private static void unique(
      Map<String, String> seen, String id, TsvFile.Row row, String column, String what) {
    String where = row.file() + ":" + row.line();
    String first = seen.putIfAbsent(id, where);
    if (first != null) {
      throw row.error(
          column,
          "duplicate " + what + " '" + id + "', already defined at " + first + " (rename one)");
    }
  }
}
