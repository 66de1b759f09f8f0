package vn.eams.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyProblem;
import vn.eams.metamodel.RelationshipType;
import vn.eams.metamodel.Specialization;
import vn.eams.platform.Problem;

/**
 * The rules every element, relationship and folder must satisfy, checked against the {@link
 * Metamodel}. Pure functions: they return every problem found, never only the first.
 */
final class ConceptRules {

  static final Set<String> ACCESS_TYPES = Set.of("Write", "Read", "Access", "ReadWrite");
  private static final int MAX_KEY = 200;

  private final Metamodel metamodel;

  ConceptRules(Metamodel metamodel) {
    this.metamodel = metamodel;
  }

  /** Normalises what the rules allow to normalise (trimmed names). */
  static ElementData normalise(ElementData d) {
    return new ElementData(
        d.type().strip(),
        d.name().strip(),
        d.nameEn().strip(),
        d.documentation(),
        d.documentationEn(),
        d.specialization().strip(),
        d.properties(),
        d.profile(),
        d.folderId().strip(),
        d.validFrom(),
        d.validTo());
  }

  static RelationshipData normalise(RelationshipData d) {
    return new RelationshipData(
        d.type().strip(),
        d.sourceId().strip(),
        d.targetId().strip(),
        d.name().strip(),
        d.nameEn().strip(),
        d.documentation(),
        d.documentationEn(),
        d.specialization().strip(),
        d.properties(),
        d.accessType().strip(),
        d.influenceStrength().strip(),
        d.directed(),
        d.folderId().strip());
  }

  static FolderData normalise(FolderData d) {
    return new FolderData(
        d.name().strip(), d.nameEn().strip(), d.documentation(), d.parentId().strip());
  }

  /** Problems of an element's content; {@code existingType} is empty for a new element. */
  List<Problem.Error> element(ElementData d, String existingType) {
    List<Problem.Error> errors = new ArrayList<>();
    Optional<ElementType> type = metamodel.elementType(d.type());
    if (d.type().isEmpty()) {
      errors.add(
          Problem.Error.field(
              "type", "required", "Give the ArchiMate element type, e.g. ApplicationComponent."));
    } else if (type.isEmpty()) {
      errors.add(Problem.Error.field("type", "unknown-type", unknownElementType(d.type())));
    } else if (!existingType.isEmpty() && !existingType.equals(d.type())) {
      errors.add(
          Problem.Error.field(
              "type",
              "type-change",
              "The type of an existing element cannot change (it is "
                  + existingType
                  + "). Create a new "
                  + d.type()
                  + " and delete this one instead."));
    }
    boolean junction = type.map(ElementType::isJunction).orElse(false);
    names(d.name(), d.nameEn(), !junction, errors);
    properties(d.properties(), errors);
    if (type.isPresent()) {
      profile(d.type(), d.specialization(), d.profile(), errors);
    }
    if (d.validFrom().isPresent()
        && d.validTo().isPresent()
        && d.validTo().get().isBefore(d.validFrom().get())) {
      errors.add(
          Problem.Error.field(
              "validTo",
              "invalid-period",
              "validTo ("
                  + d.validTo().get()
                  + ") is before validFrom ("
                  + d.validFrom().get()
                  + ")."));
    }
    return errors;
  }

  /**
   * Problems of a relationship's content.
   *
   * @param sourceConcept type of the source (element type or {@link Metamodel#RELATIONSHIP}), empty
   *     when the source does not resolve
   */
  List<Problem.Error> relationship(RelationshipData d, String sourceConcept, String targetConcept) {
    List<Problem.Error> errors = new ArrayList<>();
    Optional<RelationshipType> type = metamodel.relationshipType(d.type());
    if (d.type().isEmpty()) {
      errors.add(
          Problem.Error.field(
              "type", "required", "Give the ArchiMate relationship type, e.g. Serving."));
    } else if (type.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "type",
              "unknown-type",
              "Unknown relationship type '"
                  + d.type()
                  + "'. Use one of: "
                  + relationshipNames()
                  + "."));
    }
    names(d.name(), d.nameEn(), false, errors);
    properties(d.properties(), errors);
    if (!d.accessType().isEmpty()) {
      if (!"Access".equals(d.type())) {
        errors.add(
            Problem.Error.field(
                "accessType",
                "not-applicable",
                "accessType applies to Access relationships only; remove it."));
      } else if (!ACCESS_TYPES.contains(d.accessType())) {
        errors.add(
            Problem.Error.field(
                "accessType",
                "invalid-value",
                "accessType must be one of Write, Read, Access, ReadWrite."));
      }
    }
    if (!d.influenceStrength().isEmpty() && !"Influence".equals(d.type())) {
      errors.add(
          Problem.Error.field(
              "influenceStrength",
              "not-applicable",
              "influenceStrength applies to Influence relationships only; remove it."));
    }
    if (d.directed() && !"Association".equals(d.type())) {
      errors.add(
          Problem.Error.field(
              "isDirected",
              "not-applicable",
              "isDirected applies to Association relationships only; remove it."));
    }
    if (!d.specialization().isEmpty()) {
      Optional<Specialization> s = metamodel.specialization(d.specialization());
      if (s.isEmpty() || !s.get().elementType().equals(d.type())) {
        errors.add(
            Problem.Error.field(
                "specialization",
                "unknown-specialization",
                "No specialization '"
                    + d.specialization()
                    + "' is declared for "
                    + d.type()
                    + "."));
      }
    }
    if (type.isPresent()
        && !sourceConcept.isEmpty()
        && !targetConcept.isEmpty()
        && !metamodel.isAllowed(d.type(), sourceConcept, targetConcept)) {
      errors.add(
          Problem.Error.field(
              "type",
              "relationship-not-allowed",
              notAllowed(d.type(), sourceConcept, targetConcept)));
    }
    return errors;
  }

  /** Problems of a folder's content. */
  List<Problem.Error> folder(FolderData d) {
    List<Problem.Error> errors = new ArrayList<>();
    names(d.name(), d.nameEn(), true, errors);
    return errors;
  }

  /** The message for a relationship the table forbids: names both types and the alternatives. */
  String notAllowed(String relationship, String source, String target) {
    List<String> allowed =
        metamodel.allowedRelationships(source, target).stream()
            .map(RelationshipType::name)
            .toList();
    return relationship
        + " is not allowed from "
        + source
        + " to "
        + target
        + " in ArchiMate "
        + metamodel.version()
        + (allowed.isEmpty()
            ? ". No relationship is allowed between these types; connect other elements."
            : ". Allowed from "
                + source
                + " to "
                + target
                + ": "
                + String.join(", ", allowed)
                + ".");
  }

  private String unknownElementType(String given) {
    String hint =
        metamodel.elementTypes().stream()
            .map(ElementType::name)
            .filter(n -> n.equalsIgnoreCase(given) || n.toLowerCase().contains(given.toLowerCase()))
            .limit(5)
            .collect(Collectors.joining(", "));
    return "Unknown element type '"
        + given
        + "'. "
        + (hint.isEmpty()
            ? "Use an ArchiMate 3.2 element type, e.g. ApplicationComponent"
            : "Did you mean: " + hint)
        + " (all types: GET /api/metamodel).";
  }

  private String relationshipNames() {
    return metamodel.relationshipTypes().stream()
        .map(RelationshipType::name)
        .collect(Collectors.joining(", "));
  }

  private static void names(
      String name, String nameEn, boolean required, List<Problem.Error> errors) {
    if (required && name.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "name", "required", "Give a name (Vietnamese); it cannot be empty or blank."));
    }
    if (name.length() > Text.MAX_NAME) {
      errors.add(
          Problem.Error.field(
              "name",
              "too-long",
              "The name has "
                  + name.length()
                  + " characters; at most "
                  + Text.MAX_NAME
                  + " are allowed. Move the rest to documentation."));
    }
    if (nameEn.length() > Text.MAX_NAME) {
      errors.add(
          Problem.Error.field(
              "nameEn",
              "too-long",
              "The English name has "
                  + nameEn.length()
                  + " characters; at most "
                  + Text.MAX_NAME
                  + " are allowed."));
    }
  }

  private static void properties(List<Property> properties, List<Problem.Error> errors) {
    for (int i = 0; i < properties.size(); i++) {
      String key = properties.get(i).key();
      if (key == null || key.isBlank()) {
        errors.add(
            Problem.Error.field(
                "properties[" + i + "].key", "required", "A property needs a non-blank key."));
      } else if (key.length() > MAX_KEY) {
        errors.add(
            Problem.Error.field(
                "properties[" + i + "].key",
                "too-long",
                "A property key has at most " + MAX_KEY + " characters."));
      }
    }
  }

  private void profile(
      String type, String specialization, Map<String, Object> values, List<Problem.Error> errors) {
    if (specialization.isEmpty()) {
      if (!values.isEmpty()) {
        errors.add(
            Problem.Error.field(
                "profile",
                "specialization-required",
                "Typed properties belong to a specialization; set 'specialization' (declared for "
                    + type
                    + ": "
                    + declared(type)
                    + ") or move them to 'properties'."));
      }
      return;
    }
    Optional<Specialization> s = metamodel.specialization(specialization);
    if (s.isEmpty() || !s.get().elementType().equals(type)) {
      errors.add(
          Problem.Error.field(
              "specialization",
              "unknown-specialization",
              "No specialization '"
                  + specialization
                  + "' is declared for "
                  + type
                  + ". Declared: "
                  + declared(type)
                  + "."));
      return;
    }
    for (PropertyProblem p : s.get().validate(values)) {
      errors.add(
          Problem.Error.field(
              "profile." + p.property(), p.code(), p.messageEn() + " / " + p.messageVi()));
    }
  }

  private String declared(String type) {
    String names =
        metamodel.specializationsFor(type).stream()
            .map(Specialization::id)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "none" : names;
  }
}
