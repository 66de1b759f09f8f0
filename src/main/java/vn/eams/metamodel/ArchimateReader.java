package vn.eams.metamodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads elements.tsv and relationship-types.tsv into element and relationship types. */
final class ArchimateReader {

  static final String ELEMENTS = "elements.tsv";
  static final String RELATIONSHIP_TYPES = "relationship-types.tsv";
  static final List<String> ELEMENT_COLUMNS =
      List.of("type", "layer", "aspect", "name_vi", "name_en");
  static final List<String> RELATIONSHIP_COLUMNS =
      List.of("type", "letter", "category", "name_vi", "name_en", "attributes");

  /** A bitmask cell holds one bit per relationship type. */
  static final int MAX_RELATIONSHIP_TYPES = 31;

  private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([a-z][A-Za-z0-9]*):([a-z]+)(?:\\(([^()]*)\\))?(?:=(\\S+))?");

  private ArchimateReader() {}

  static List<ElementType> elements(TsvFile file) {
    List<ElementType> types = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    for (TsvFile.Row row : file.rows()) {
      String type = typeName(row, lines);
      if (type.equals(Metamodel.JUNCTION) || type.equals(Metamodel.RELATIONSHIP)) {
        throw row.error(
            "type",
            "'"
                + type
                + "' is reserved for the relationship table (define AndJunction and OrJunction"
                + " with aspect Connector instead)");
      }
      Layer layer =
          Layer.fromToken(row.get("layer"))
              .orElseThrow(() -> row.unknown("layer", "layer", Layer.tokens()));
      Aspect aspect =
          Aspect.fromToken(row.get("aspect"))
              .orElseThrow(() -> row.unknown("aspect", "aspect", Aspect.tokens()));
      types.add(new ElementType(type, layer, aspect, row.get("name_vi"), row.get("name_en")));
    }
    if (types.isEmpty()) {
      throw file.error(file.headerLine(), "defines no element type (add one row per type)");
    }
    return types;
  }

  static List<RelationshipType> relationshipTypes(TsvFile file) {
    List<RelationshipType> types = new ArrayList<>();
    Map<String, Integer> lines = new HashMap<>();
    Map<Character, Integer> letters = new HashMap<>();
    for (TsvFile.Row row : file.rows()) {
      String type = typeName(row, lines);
      String letter = row.get("letter");
      if (!letter.matches("[a-z]")) {
        throw row.error("letter", "'" + letter + "' is not one lowercase letter (e.g. 'v')");
      }
      Integer first = letters.putIfAbsent(letter.charAt(0), row.line());
      if (first != null) {
        throw row.error(
            "letter",
            "letter '" + letter + "' is already used on line " + first + " (pick another letter)");
      }
      RelationshipCategory category =
          RelationshipCategory.fromToken(row.get("category"))
              .orElseThrow(
                  () -> row.unknown("category", "category", RelationshipCategory.tokens()));
      types.add(
          new RelationshipType(
              type,
              letter.charAt(0),
              category,
              row.get("name_vi"),
              row.get("name_en"),
              attributes(row)));
      if (types.size() > MAX_RELATIONSHIP_TYPES) {
        throw row.error(
            "too many relationship types (at most "
                + MAX_RELATIONSHIP_TYPES
                + " fit a table cell)");
      }
    }
    if (types.isEmpty()) {
      throw file.error(file.headerLine(), "defines no relationship type (add one row per type)");
    }
    return types;
  }

  private static String typeName(TsvFile.Row row, Map<String, Integer> lines) {
    String type = row.get("type");
    if (!TYPE_NAME.matcher(type).matches()) {
      throw row.error(
          "type",
          "'" + type + "' is not a type name (use the exchange-format spelling, e.g. Node)");
    }
    Integer first = lines.putIfAbsent(type, row.line());
    if (first != null) {
      throw row.error(
          "type",
          "duplicate type '"
              + type
              + "', first defined on line "
              + first
              + " (remove one of the rows)");
    }
    return type;
  }

  private static List<RelationshipAttribute> attributes(TsvFile.Row row) {
    String text = row.get("attributes");
    if (text.equals("-")) {
      return List.of();
    }
    List<RelationshipAttribute> attributes = new ArrayList<>();
    for (String spec : text.split("\\s+")) {
      Matcher m = ATTRIBUTE.matcher(spec);
      if (!m.matches()) {
        throw row.error(
            "attributes",
            "'"
                + spec
                + "' is not an attribute (write name:type(constraint)=default,"
                + " e.g. isDirected:boolean=false, or '-' for none)");
      }
      String name = m.group(1);
      if (attributes.stream().anyMatch(a -> a.name().equals(name))) {
        throw row.error("attributes", "attribute '" + name + "' appears twice (keep one)");
      }
      PropertyType type =
          PropertyType.fromToken(m.group(2))
              .orElseThrow(
                  () ->
                      row.error(
                          "attributes",
                          "unknown type '"
                              + m.group(2)
                              + "' of attribute '"
                              + name
                              + "' (use one of: "
                              + PropertyType.tokens()
                              + ")"));
      PropertyConstraint constraint;
      try {
        constraint = PropertyConstraint.parse(type, m.group(3) == null ? "-" : m.group(3));
      } catch (IllegalArgumentException e) {
        throw row.error("attributes", "attribute '" + name + "': " + e.getMessage());
      }
      RelationshipAttribute attribute =
          new RelationshipAttribute(name, type, constraint, Optional.empty());
      attributes.add(withDefault(row, attribute, m.group(4)));
    }
    return attributes;
  }

  private static RelationshipAttribute withDefault(
      TsvFile.Row row, RelationshipAttribute attribute, String text) {
    if (text == null) {
      return attribute;
    }
    Object raw;
    try {
      raw =
          switch (attribute.type()) {
            case BOOLEAN ->
                text.equals("true") || text.equals("false") ? Boolean.valueOf(text) : text;
            case INTEGER -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            default -> text;
          };
    } catch (NumberFormatException e) {
      raw = text;
    }
    Coercion c = attribute.coerce(raw);
    if (!c.isValid() || c.value().isEmpty()) {
      throw row.error(
          "attributes",
          "bad default '"
              + text
              + "': "
              + (c.isValid() ? "empty" : c.problems().get(0).messageEn()));
    }
    return new RelationshipAttribute(
        attribute.name(), attribute.type(), attribute.constraint(), c.value());
  }
}
