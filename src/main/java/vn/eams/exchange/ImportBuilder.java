package vn.eams.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.Specialization;
import vn.eams.model.ElementData;
import vn.eams.model.FolderData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelOperation;
import vn.eams.model.Property;
import vn.eams.model.RelationshipData;
import vn.eams.model.Text;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Collects what a file reader found (model, folders, elements, relationships, views) in ArchiMate
 * 3.2 terms and turns it into an {@link ImportedModel}: checks identifiers and references across
 * the whole file, reports every problem at once with its place in the file, orders the operations
 * so that each refers only to what comes before it, and applies the conventions EAMS uses in files:
 * the properties {@value #SPECIALIZATION}, {@value #VALID_FROM} and {@value #VALID_TO}, and the
 * typed properties of a specialization's profile.
 *
 * <p>Every reader (Open Exchange Format 3.x and 2.1, Archi's {@code .archimate}, CSV) feeds one of
 * these, so that all formats obey the same rules.
 */
final class ImportBuilder {

  /** Property key that carries an element's or relationship's specialization in a file. */
  static final String SPECIALIZATION = "eams:specialization";

  /** Property key of an element's first day of validity (ISO date). */
  static final String VALID_FROM = "eams:validFrom";

  /** Property key of an element's last day of validity (ISO date). */
  static final String VALID_TO = "eams:validTo";

  private final Metamodel metamodel;
  private final String format;
  private String modelId = "";
  private ModelData model = new ModelData("", "", "", "", List.of());
  private final List<Problem.Error> errors = new ArrayList<>();
  private final List<Problem.Error> warnings = new ArrayList<>();
  private final Map<String, String> idKinds = new HashMap<>();
  private final List<FolderDraft> folders = new ArrayList<>();
  private final Map<String, ElementDraft> elements = new LinkedHashMap<>();
  private final Map<String, RelationshipDraft> relationships = new LinkedHashMap<>();
  private final List<ViewDraft> views = new ArrayList<>();
  private final Map<String, String> filedIn = new HashMap<>();
  private final Set<String> otherLanguages = new HashSet<>();
  private final Map<String, List<Property>> externalProperties = new LinkedHashMap<>();
  private final Map<String, String> externalWhere = new HashMap<>();
  private boolean partial;

  ImportBuilder(Metamodel metamodel, String format) {
    this.metamodel = metamodel;
    this.format = format;
  }

  Metamodel metamodel() {
    return metamodel;
  }

  /**
   * Marks the file as a partial one (Archi CSV, agency templates): it carries only some fields of
   * each concept, so a merge keeps the others, and its relationships may connect to concepts that
   * are not in the file but in the model it is merged into (the writer checks those).
   */
  void partial() {
    this.partial = true;
  }

  /**
   * Records properties for a concept that is not in the (partial) file but in the model it is
   * merged into; repeated calls for one id add to its list. Checked when the model is built: the id
   * must be usable and no concept of the file.
   */
  void propertiesFor(String id, List<Property> properties, String where) {
    externalProperties.computeIfAbsent(id, k -> new ArrayList<>()).addAll(properties);
    externalWhere.putIfAbsent(id, where);
  }

  void model(String id, ModelData data) {
    this.modelId = id;
    this.model = data;
  }

  String language() {
    return model.language();
  }

  /** Notes a text in a language that is neither the model's nor English (it is not kept). */
  void otherLanguage(String lang) {
    otherLanguages.add(lang);
  }

  void error(String where, String id, String code, String message) {
    errors.add(new Problem.Error(null, nullIfEmpty(id), nullIfEmpty(where), code, message));
  }

  void warn(String where, String id, String code, String message) {
    warnings.add(new Problem.Error(null, nullIfEmpty(id), nullIfEmpty(where), code, message));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  void folder(String id, String parentId, String name, String nameEn, String doc, String where) {
    if (claim(id, "folder", where)) {
      folders.add(new FolderDraft(id, parentId, name.strip(), nameEn.strip(), doc, where));
    }
  }

  void element(
      String id,
      String type,
      String name,
      String nameEn,
      String documentation,
      String documentationEn,
      List<Property> properties,
      String where) {
    if (!claim(id, "element", where)) {
      return;
    }
    Optional<ElementType> t = metamodel.elementType(type);
    if (t.isEmpty()) {
      error(
          where,
          id,
          "unknown-type",
          "Unknown element type '" + type + "'; ArchiMate 3.2 has e.g. BusinessActor, Node.");
      return;
    }
    String given = name.strip();
    if (given.isEmpty()) {
      // EAMS names every element; ArchiMate tools allow an empty name
      given = nameEn.isBlank() ? type : nameEn.strip();
      warn(
          where,
          id,
          "no-name",
          "The element has no name; it is named '" + given + "'. Rename it in EAMS if needed.");
    }
    elements.put(
        id,
        new ElementDraft(
            id, type, given, nameEn.strip(), documentation, documentationEn, properties, where));
  }

  void relationship(RelationshipDraft r) {
    if (!claim(r.id, "relationship", r.where)) {
      return;
    }
    if (metamodel.relationshipType(r.type).isEmpty()) {
      error(
          r.where,
          r.id,
          "unknown-type",
          "Unknown relationship type '" + r.type + "'; ArchiMate 3.2 has e.g. Serving, Flow.");
      return;
    }
    relationships.put(r.id, r);
  }

  /** Files a concept or view (by id) in a folder; checked when the model is built. */
  void file(String conceptId, String folderId, String where) {
    String before = filedIn.put(conceptId, folderId);
    if (before != null && !before.equals(folderId)) {
      warn(
          where,
          conceptId,
          "filed-twice",
          "'" + conceptId + "' is in two folders; EAMS keeps it in the first.");
      filedIn.put(conceptId, before);
    }
  }

  void view(ViewDefinition v, Map<String, String> nodeWhere, String where) {
    if (!claim(v.id(), "view", where)) {
      return;
    }
    for (ViewDefinition.Node n : v.nodes()) {
      claim(n.id(), "diagram object", nodeWhere.getOrDefault(n.id(), where));
    }
    for (ViewDefinition.Connection c : v.connections()) {
      claim(c.id(), "diagram connection", nodeWhere.getOrDefault(c.id(), where));
    }
    views.add(new ViewDraft(v, nodeWhere, where));
  }

  /** Registers an id; false (with an error) when it is invalid or already used in the file. */
  private boolean claim(String id, String kind, String where) {
    if (id == null || id.isBlank()) {
      error(where, "", "id", "Every " + kind + " needs an identifier.");
      return false;
    }
    if (!Text.isValidId(id) || id.length() > Text.MAX_ID) {
      error(
          where,
          id,
          "invalid-id",
          "The identifier '"
              + id
              + "' is not usable: an id starts with a letter or '_', has only ASCII letters,"
              + " digits, '_', '-', '.', and at most "
              + Text.MAX_ID
              + " characters.");
      return false;
    }
    String before = idKinds.putIfAbsent(id, kind);
    if (before != null) {
      error(
          where,
          id,
          "duplicate-id",
          "The identifier '" + id + "' is used twice (" + before + " and " + kind + ").");
      return false;
    }
    return true;
  }

  /** Checks the whole file and returns the model, or throws one problem listing every error. */
  ImportedModel build(String source) {
    if (model.name().isBlank() && !partial) { // a partial file merged keeps the model's name
      warn("", modelId, "model-name", "The model has no name; it is called after the file.");
      model =
          new ModelData(
              source,
              model.nameEn(),
              model.documentation(),
              model.documentationEn(),
              model.properties(),
              model.language());
    }
    List<ModelOperation> ops = new ArrayList<>();
    List<String> where = new ArrayList<>();
    Set<String> folderIds = new HashSet<>();
    for (FolderDraft f : folders) {
      folderIds.add(f.id);
    }
    for (FolderDraft f : folders) {
      if (!f.parentId.isEmpty() && !folderIds.contains(f.parentId)) {
        error(
            f.where, f.id, "unknown-folder", "The parent folder '" + f.parentId + "' is missing.");
      }
      String name = f.name.isEmpty() ? "(no name)" : f.name;
      ops.add(
          new ModelOperation.CreateFolder(
              f.id, new FolderData(name, f.nameEn, f.documentation, f.parentId)));
      where.add(f.where);
    }
    for (Map.Entry<String, String> e : filedIn.entrySet()) {
      if (!folderIds.contains(e.getValue())) {
        error("", e.getKey(), "unknown-folder", "The folder '" + e.getValue() + "' is missing.");
      } else if (!idKinds.containsKey(e.getKey())) {
        error(
            "",
            e.getKey(),
            "unknown-reference",
            "A folder lists '" + e.getKey() + "', which is no concept or view of the file.");
      }
    }
    for (ElementDraft e : elements.values()) {
      ops.add(new ModelOperation.CreateElement(e.id, elementData(e)));
      where.add(e.where);
    }
    List<String> forbidden = new ArrayList<>();
    for (RelationshipDraft r : orderedRelationships()) {
      ops.add(new ModelOperation.CreateRelationship(r.id, relationshipData(r)));
      where.add(r.where);
      String s = conceptType(r.source);
      String t = conceptType(r.target);
      if (!s.isEmpty() && !t.isEmpty() && !metamodel.isAllowed(r.type, s, t)) {
        forbidden.add(r.id);
        warn(
            r.where,
            r.id,
            "relationship-not-allowed",
            r.type
                + " from "
                + s
                + " to "
                + t
                + " is not allowed by the ArchiMate "
                + metamodel.version()
                + " relationship table. Import with 'forbidden=keep' to keep it flagged invalid,"
                + " or correct it in the source tool.");
      }
    }
    List<ViewDefinition> viewList = new ArrayList<>();
    for (ViewDraft v : views) {
      checkView(v);
      String folder = filedIn.getOrDefault(v.view.id(), "");
      ViewDefinition d = v.view;
      viewList.add(
          new ViewDefinition(
              d.id(),
              d.name(),
              d.nameEn(),
              d.documentation(),
              d.viewpoint(),
              folder,
              d.properties(),
              d.nodes(),
              d.connections()));
    }
    checkExternalProperties();
    if (!otherLanguages.isEmpty()) {
      warn(
          "",
          "",
          "language",
          "Texts in "
              + String.join(", ", otherLanguages.stream().sorted().toList())
              + " were not kept: EAMS keeps the model's language ("
              + model.language()
              + ") and English.");
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(
          "The file "
              + source
              + " has "
              + errors.size()
              + " problem(s); nothing was imported. Correct them in the source tool and import"
              + " again.",
          List.copyOf(errors));
    }
    return new ImportedModel(
        modelId,
        format,
        model,
        ops,
        where,
        viewList,
        forbidden,
        warnings,
        partial,
        externalProperties);
  }

  private void checkExternalProperties() {
    for (String id : externalProperties.keySet()) {
      String where = externalWhere.get(id);
      if (!partial) {
        error(
            where,
            id,
            "unknown-reference",
            "'" + id + "' is no concept of the file; give its properties with the concept.");
      } else if (idKinds.containsKey(id)) {
        error(
            where,
            id,
            "external-properties",
            "'" + id + "' is a concept of the file; its properties belong to it.");
      } else if (!Text.isValidId(id)) {
        error(
            where,
            id,
            "invalid-id",
            "The identifier '"
                + id
                + "' cannot name a concept of an EAMS model: an id starts with a letter or '_' and"
                + " has only ASCII letters, digits, '_', '-', '.'.");
      }
    }
  }

  private String conceptType(String id) {
    ElementDraft e = elements.get(id);
    if (e != null) {
      return e.type;
    }
    return relationships.containsKey(id) ? "Relationship" : "";
  }

  /** Relationships whose endpoints are elements first, then those that build on them. */
  private List<RelationshipDraft> orderedRelationships() {
    List<RelationshipDraft> result = new ArrayList<>(relationships.size());
    Set<String> placed = new HashSet<>(elements.keySet());
    List<RelationshipDraft> pending = new ArrayList<>(relationships.values());
    if (partial) { // endpoints outside the file are in the model the file is merged into
      for (RelationshipDraft r : pending) {
        for (String end : List.of(r.source, r.target)) {
          if (!elements.containsKey(end) && !relationships.containsKey(end)) {
            placed.add(end);
          }
        }
      }
    }
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      List<RelationshipDraft> next = new ArrayList<>();
      for (RelationshipDraft r : pending) {
        if (placed.contains(r.source) && placed.contains(r.target)) {
          result.add(r);
          placed.add(r.id);
          progress = true;
        } else {
          next.add(r);
        }
      }
      pending = next;
    }
    for (RelationshipDraft r : pending) {
      String missing = placed.contains(r.source) ? r.target : r.source;
      boolean known = relationships.containsKey(missing);
      error(
          r.where,
          r.id,
          known ? "relationship-cycle" : "unknown-endpoint",
          known
              ? "The relationship connects to relationship '"
                  + missing
                  + "', which (directly or not) connects back to it."
              : "The relationship refers to '"
                  + missing
                  + "', which is no element or relationship of the file.");
    }
    return result;
  }

  private void checkView(ViewDraft d) {
    ViewDefinition v = d.view;
    Map<String, ViewDefinition.Node> nodes = new HashMap<>();
    for (ViewDefinition.Node n : v.nodes()) {
      nodes.put(n.id(), n);
    }
    Map<String, ViewDefinition.Connection> connections = new HashMap<>();
    for (ViewDefinition.Connection c : v.connections()) {
      connections.put(c.id(), c);
    }
    for (ViewDefinition.Node n : v.nodes()) {
      String where = d.nodeWhere.getOrDefault(n.id(), d.where);
      if (n.isElement() && !elements.containsKey(n.elementId())) {
        error(
            where,
            n.id(),
            "unknown-element",
            "The diagram object shows '" + n.elementId() + "', which is no element of the file.");
      }
      if (!n.parentId().isEmpty() && !nodes.containsKey(n.parentId())) {
        error(where, n.id(), "unknown-parent", "The parent '" + n.parentId() + "' is missing.");
      }
    }
    for (ViewDefinition.Connection c : v.connections()) {
      String where = d.nodeWhere.getOrDefault(c.id(), d.where);
      String sourceConcept = shown(c.sourceId(), nodes, connections);
      String targetConcept = shown(c.targetId(), nodes, connections);
      if (sourceConcept == null || targetConcept == null) {
        error(
            where,
            c.id(),
            "unknown-endpoint",
            "The connection joins '"
                + (sourceConcept == null ? c.sourceId() : c.targetId())
                + "', which is no diagram object of view '"
                + v.id()
                + "'.");
        continue;
      }
      if (c.isLine()) {
        continue;
      }
      RelationshipDraft r = relationships.get(c.relationshipId());
      if (r == null) {
        error(
            where,
            c.id(),
            "unknown-relationship",
            "The connection shows '"
                + c.relationshipId()
                + "', which is no relationship of the file.");
      } else if (!r.source.equals(sourceConcept) || !r.target.equals(targetConcept)) {
        error(
            where,
            c.id(),
            "connection-mismatch",
            "The connection shows relationship '"
                + r.id
                + "' between objects that do not show its source and target.");
      }
    }
  }

  /** The concept a diagram object or connection shows ("" for a group or note), null if none. */
  private static String shown(
      String id,
      Map<String, ViewDefinition.Node> nodes,
      Map<String, ViewDefinition.Connection> connections) {
    ViewDefinition.Node n = nodes.get(id);
    if (n != null) {
      return n.isElement() ? n.elementId() : "";
    }
    ViewDefinition.Connection c = connections.get(id);
    return c == null ? null : c.relationshipId();
  }

  private ElementData elementData(ElementDraft e) {
    String specialization = "";
    Optional<LocalDate> from = Optional.empty();
    Optional<LocalDate> to = Optional.empty();
    List<Property> rest = new ArrayList<>();
    for (Property p : e.properties) {
      switch (p.key()) {
        case SPECIALIZATION -> specialization = p.value().strip();
        case VALID_FROM -> from = date(p, e);
        case VALID_TO -> to = date(p, e);
        default -> rest.add(p);
      }
    }
    Optional<Specialization> spec =
        specialization.isEmpty() ? Optional.empty() : metamodel.specialization(specialization);
    if (!specialization.isEmpty() && (spec.isEmpty() || !spec.get().elementType().equals(e.type))) {
      warn(
          e.where,
          e.id,
          "unknown-specialization",
          "No specialization '"
              + specialization
              + "' is declared for "
              + e.type
              + "; it is kept as a plain property.");
      rest.add(new Property(SPECIALIZATION, specialization));
      specialization = "";
      spec = Optional.empty();
    }
    List<Property> plain = new ArrayList<>();
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Property p : rest) {
      Optional<PropertyDefinition> def = spec.flatMap(s -> s.property(p.key()));
      if (def.isPresent() && !typed.containsKey(p.key())) {
        Object v = ModelPackage.typedValue(def.get(), p.value());
        if (v != null) {
          typed.put(p.key(), v);
        }
      } else {
        plain.add(p);
      }
    }
    return new ElementData(
        e.type,
        e.name,
        e.nameEn,
        e.documentation,
        e.documentationEn,
        specialization,
        plain,
        typed,
        filedIn.getOrDefault(e.id, ""),
        from,
        to);
  }

  private Optional<LocalDate> date(Property p, ElementDraft e) {
    try {
      return Optional.of(LocalDate.parse(p.value().strip()));
    } catch (DateTimeParseException ex) {
      error(
          e.where,
          e.id,
          "invalid-date",
          p.key() + " must be a date as YYYY-MM-DD, not '" + p.value() + "'.");
      return Optional.empty();
    }
  }

  private RelationshipData relationshipData(RelationshipDraft r) {
    String specialization = "";
    List<Property> plain = new ArrayList<>();
    for (Property p : r.properties) {
      if (p.key().equals(SPECIALIZATION)) {
        specialization = p.value().strip();
      } else {
        plain.add(p);
      }
    }
    if (!specialization.isEmpty()
        && metamodel
            .specialization(specialization)
            .filter(s -> s.elementType().equals(r.type))
            .isEmpty()) {
      warn(
          r.where,
          r.id,
          "unknown-specialization",
          "No specialization '"
              + specialization
              + "' is declared for "
              + r.type
              + "; it is kept as a plain property.");
      plain.add(new Property(SPECIALIZATION, specialization));
      specialization = "";
    }
    return new RelationshipData(
        r.type,
        r.source,
        r.target,
        r.name.strip(),
        r.nameEn.strip(),
        r.documentation,
        r.documentationEn,
        specialization,
        plain,
        r.accessType,
        r.influenceStrength,
        r.directed,
        filedIn.getOrDefault(r.id, ""));
  }

  private static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private record FolderDraft(
      String id, String parentId, String name, String nameEn, String documentation, String where) {}

  private record ElementDraft(
      String id,
      String type,
      String name,
      String nameEn,
      String documentation,
      String documentationEn,
      List<Property> properties,
      String where) {}

  /** A relationship as read; types and attribute values in ArchiMate 3.2 terms. */
  record RelationshipDraft(
      String id,
      String type,
      String source,
      String target,
      String name,
      String nameEn,
      String documentation,
      String documentationEn,
      List<Property> properties,
      String accessType,
      String influenceStrength,
      boolean directed,
      String where) {}

  private record ViewDraft(ViewDefinition view, Map<String, String> nodeWhere, String where) {}
}
