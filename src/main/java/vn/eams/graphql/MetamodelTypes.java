package vn.eams.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.PropertyType;
import vn.eams.metamodel.RelationshipType;
import vn.eams.metamodel.Specialization;

/**
 * The part of the schema the metamodel defines, as SDL: the enums {@code ElementType}, {@code
 * RelationshipType} and {@code Layer}, and one object type per element type implementing {@code
 * Element}, named as the exchange format names it, with the typed properties of its specializations
 * as fields.
 */
final class MetamodelTypes {

  /** Fields of the Element interface (with arguments), repeated by every element type. */
  static final String ELEMENT_FIELDS =
      """
        id: ID!
        modelId: ID!
        type: ElementType!
        layer: Layer!
        name: String!
        nameEn: String!
        documentation: String!
        documentationEn: String!
        specialization: String!
        properties: [Property!]!
        profile: JSON!
        folderId: String!
        validFrom: String
        validTo: String
        version: Int!
        createdAt: String
        updatedAt: String
        outgoing(types: [RelationshipType!], targetTypes: [ElementType!], first: Int, after: String, last: Int, before: String): RelationshipConnection!
        incoming(types: [RelationshipType!], sourceTypes: [ElementType!], first: Int, after: String, last: Int, before: String): RelationshipConnection!
      """;

  /** Names a profile property cannot take as a field: the interface's and the extra fields. */
  static final Set<String> RESERVED =
      Set.of(
          "id",
          "modelId",
          "type",
          "layer",
          "name",
          "nameEn",
          "documentation",
          "documentationEn",
          "specialization",
          "properties",
          "profile",
          "folderId",
          "validFrom",
          "validTo",
          "version",
          "createdAt",
          "updatedAt",
          "outgoing",
          "incoming",
          "applications",
          "databases",
          "domains",
          "integrations");

  private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

  /** Convenience fields of some element types, answered by {@link Related}. */
  static final Map<String, String> EXTRA_FIELDS =
      Map.of(
          "BusinessActor",
          """
            "Applications the agency owns or operates (profile owner/operator) or is assigned to."
            applications: [Element!]!
            "Data objects the agency owns (a profile property or a relationship) or its applications access."
            databases: [Element!]!
            "Service domains (lĩnh vực) assigned to the agency."
            domains: [Element!]!
          """,
          "ApplicationComponent",
          """
            "Relationships (Flow, Serving, Triggering, Association) with other application components and interfaces."
            integrations: [Relationship!]!
          """);

  private MetamodelTypes() {}

  /** The typed fields of each element type: property name to definition, first profile wins. */
  static Map<String, Map<String, PropertyDefinition>> profileFields(Metamodel metamodel) {
    Map<String, Map<String, PropertyDefinition>> byType = new LinkedHashMap<>();
    for (ElementType t : metamodel.elementTypes()) {
      Map<String, PropertyDefinition> fields = new LinkedHashMap<>();
      for (Specialization s : metamodel.specializationsFor(t.name())) {
        for (PropertyDefinition p : s.properties()) {
          if (!RESERVED.contains(p.name()) && NAME.matcher(p.name()).matches()) {
            // a later profile that gives a name another type keeps it in `profile` only
            fields.putIfAbsent(p.name(), p);
          }
        }
      }
      byType.put(t.name(), fields);
    }
    return byType;
  }

  /** The SDL of the generated types. */
  static String sdl(Metamodel metamodel) {
    StringBuilder b = new StringBuilder();
    enumType(b, "ElementType", metamodel.elementTypes().stream().map(ElementType::name).toList());
    enumType(
        b,
        "RelationshipType",
        metamodel.relationshipTypes().stream().map(RelationshipType::name).toList());
    enumType(b, "Layer", List.of(Layer.values()).stream().map(Layer::token).toList());
    Map<String, Map<String, PropertyDefinition>> fields = profileFields(metamodel);
    for (ElementType t : metamodel.elementTypes()) {
      b.append("\"\"\"")
          .append(t.nameEn().replace("\"", "'"))
          .append(" (")
          .append(t.nameVi().replace("\"", "'"))
          .append(")\"\"\"\ntype ")
          .append(t.name())
          .append(" implements Element {\n")
          .append(ELEMENT_FIELDS)
          .append(EXTRA_FIELDS.getOrDefault(t.name(), ""));
      for (PropertyDefinition p : fields.get(t.name()).values()) {
        b.append("  \"")
            .append(p.labelEn().replace("\"", "'"))
            .append("\"\n  ")
            .append(p.name())
            .append(": ")
            .append(graphQlType(p.type()))
            .append('\n');
      }
      b.append("}\n\n");
    }
    return b.toString();
  }

  /** The GraphQL type of a profile property's values. */
  static String graphQlType(PropertyType type) {
    return switch (type) {
      case INTEGER -> "Int";
      case DECIMAL -> "Float";
      case BOOLEAN -> "Boolean";
      case ELEMENT -> "Element";
      default -> "String";
    };
  }

  private static void enumType(StringBuilder b, String name, List<String> values) {
    b.append("enum ").append(name).append(" {\n");
    values.forEach(v -> b.append("  ").append(v).append('\n'));
    b.append("}\n\n");
  }
}
