package vn.eams.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.eams.model.ConceptKind;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.Folder;
import vn.eams.model.FolderData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;

/**
 * What importing a file into an existing model changes, worked out against the model as it is.
 *
 * <p><b>Merge</b> (Archi's CSV semantics, for every format): a concept whose id is new is created,
 * one whose id the model has is updated when the file says something else about it and left alone
 * when not; nothing is deleted; the type of an existing concept cannot change. A partial file
 * (Archi CSV, agency templates) carries only some fields: the others are kept, and its properties
 * update the concept's properties of the same key and add the rest. A view with a known id is
 * replaced when it differs.
 *
 * <p><b>Replace</b>: as merge, and then everything of the model the file does not have is deleted,
 * so that the model is the file. Only complete files can replace.
 *
 * @param operations in write order: folders, elements and relationships created or updated, then
 *     relationships, elements and folders deleted
 * @param locations for each operation, where it is in the file ("" for deletes)
 * @param model the model's new texts, or null when they do not change
 * @param deleteViews views deleted (replaced views are deleted and created again)
 * @param views views created
 * @param counts per kind (folders, elements, relationships, views): created, updated, unchanged,
 *     deleted
 * @param errors concepts whose type the file would change
 */
record MergePlan(
    List<ModelOperation> operations,
    List<String> locations,
    ModelData model,
    Set<String> deleteViews,
    List<ViewDefinition> views,
    Map<String, Map<String, Long>> counts,
    List<Problem.Error> errors) {

  /** Plans importing {@code file} (its operations all creates) into {@code current}. */
  static MergePlan of(
      List<ModelOperation> fileOps,
      List<String> fileWhere,
      ModelData fileModel,
      List<ViewDefinition> fileViews,
      boolean partial,
      boolean replace,
      ModelSnapshot current) {
    return of(fileOps, fileWhere, fileModel, fileViews, Map.of(), partial, replace, current);
  }

  /**
   * As {@link #of(List, List, ModelData, List, boolean, boolean, ModelSnapshot)}, with properties a
   * partial file gives for concepts of the model that are not in the file ({@code external}, by
   * concept id; Archi's pseudo-properties among them).
   */
  static MergePlan of(
      List<ModelOperation> fileOps,
      List<String> fileWhere,
      ModelData fileModel,
      List<ViewDefinition> fileViews,
      Map<String, List<Property>> external,
      boolean partial,
      boolean replace,
      ModelSnapshot current) {
    return new Planner(fileOps, fileWhere, partial, current)
        .plan(fileModel, fileViews, external, replace);
  }

  /** Works the plan out, one concept of the file at a time. */
  private static final class Planner {
    private final List<ModelOperation> fileOps;
    private final List<String> fileWhere;
    private final boolean partial;
    private final ModelSnapshot current;
    private final Map<String, Folder> folders = new HashMap<>();
    private final Map<String, Element> elements = new HashMap<>();
    private final Map<String, Relationship> relationships = new HashMap<>();
    private final List<ModelOperation> ops = new ArrayList<>();
    private final List<String> where = new ArrayList<>();
    private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    private final List<Problem.Error> errors = new ArrayList<>();

    Planner(
        List<ModelOperation> fileOps,
        List<String> fileWhere,
        boolean partial,
        ModelSnapshot current) {
      this.fileOps = fileOps;
      this.fileWhere = fileWhere;
      this.partial = partial;
      this.current = current;
      current.folders().forEach(f -> folders.put(f.id(), f));
      current.elements().forEach(e -> elements.put(e.id(), e));
      current.relationships().forEach(r -> relationships.put(r.id(), r));
      for (String kind : List.of("folders", "elements", "relationships", "views")) {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String what : List.of("created", "updated", "unchanged", "deleted")) {
          c.put(what, 0L);
        }
        counts.put(kind, c);
      }
    }

    MergePlan plan(
        ModelData fileModel,
        List<ViewDefinition> fileViews,
        Map<String, List<Property>> external,
        boolean replace) {
      Set<String> inFile = new HashSet<>();
      for (int i = 0; i < fileOps.size(); i++) {
        ModelOperation op = fileOps.get(i);
        inFile.add(op.id());
        if (op instanceof ModelOperation.CreateFolder c) {
          folder(c, fileWhere.get(i));
        } else if (op instanceof ModelOperation.CreateElement c) {
          element(c, fileWhere.get(i));
        } else if (op instanceof ModelOperation.CreateRelationship c) {
          relationship(c, fileWhere.get(i));
        } else {
          throw new IllegalArgumentException("A file is read as creates only: " + op);
        }
      }
      external.forEach(this::external);
      Set<String> deleteViews = new LinkedHashSet<>();
      List<ViewDefinition> createViews = new ArrayList<>();
      Map<String, ViewDefinition> views = new HashMap<>();
      current.views().forEach(v -> views.put(v.id(), v));
      for (ViewDefinition v : fileViews) {
        ViewDefinition before = views.get(v.id());
        if (before == null) {
          createViews.add(v);
          count("views", "created");
        } else if (before.equals(v)) {
          count("views", "unchanged");
        } else {
          deleteViews.add(v.id());
          createViews.add(v);
          count("views", "updated");
        }
      }
      if (replace) {
        Set<String> fileViewIds = new HashSet<>();
        fileViews.forEach(v -> fileViewIds.add(v.id()));
        for (ViewDefinition v : current.views()) {
          if (!fileViewIds.contains(v.id())) {
            deleteViews.add(v.id());
            count("views", "deleted");
          }
        }
        deletions(inFile);
      }
      return new MergePlan(ops, where, model(fileModel), deleteViews, createViews, counts, errors);
    }

    private ModelData model(ModelData file) {
      ModelData now = current.model().data();
      ModelData next =
          partial
              ? new ModelData(
                  file.name().isBlank() ? now.name() : file.name(),
                  or(file.nameEn(), now.nameEn()),
                  file.documentation().isBlank() ? now.documentation() : file.documentation(),
                  or(file.documentationEn(), now.documentationEn()),
                  mergeProperties(now.properties(), file.properties()),
                  now.language())
              : file;
      return next.equals(now) ? null : next;
    }

    private void folder(ModelOperation.CreateFolder c, String at) {
      Folder before = folders.get(c.id());
      if (before == null) {
        add(c, at, "folders", "created");
        return;
      }
      FolderData d = c.data();
      if (partial) {
        d =
            new FolderData(
                d.name(), or(d.nameEn(), before.data().nameEn()), d.documentation(), d.parentId());
      }
      if (d.equals(before.data())) {
        count("folders", "unchanged");
      } else {
        add(new ModelOperation.UpdateFolder(c.id(), before.version(), d), at, "folders", "updated");
      }
    }

    private void element(ModelOperation.CreateElement c, String at) {
      Element before = elements.get(c.id());
      if (before == null) {
        add(c, at, "elements", "created");
        return;
      }
      ElementData was = before.data();
      ElementData d = c.data();
      if (!d.type().equals(was.type())) {
        typeChange(c.id(), at, was.type(), d.type());
        return;
      }
      if (partial) {
        Map<String, Object> profile = new LinkedHashMap<>(was.profile());
        profile.putAll(d.profile());
        d =
            new ElementData(
                d.type(),
                d.name(),
                or(d.nameEn(), was.nameEn()),
                d.documentation(),
                or(d.documentationEn(), was.documentationEn()),
                d.specialization(),
                mergeProperties(was.properties(), d.properties()),
                profile,
                or(d.folderId(), was.folderId()),
                d.validFrom().isPresent() ? d.validFrom() : was.validFrom(),
                d.validTo().isPresent() ? d.validTo() : was.validTo());
      }
      if (d.equals(was)) {
        count("elements", "unchanged");
      } else {
        add(
            new ModelOperation.UpdateElement(c.id(), before.version(), d),
            at,
            "elements",
            "updated");
      }
    }

    private void relationship(ModelOperation.CreateRelationship c, String at) {
      Relationship before = relationships.get(c.id());
      if (before == null) {
        add(c, at, "relationships", "created");
        return;
      }
      RelationshipData was = before.data();
      RelationshipData d = c.data();
      if (!d.type().equals(was.type())) {
        typeChange(c.id(), at, was.type(), d.type());
        return;
      }
      if (partial) {
        d =
            new RelationshipData(
                d.type(),
                d.sourceId(),
                d.targetId(),
                d.name(),
                or(d.nameEn(), was.nameEn()),
                d.documentation(),
                or(d.documentationEn(), was.documentationEn()),
                d.specialization(),
                mergeProperties(was.properties(), d.properties()),
                d.accessType(),
                d.influenceStrength(),
                d.directed(),
                or(d.folderId(), was.folderId()));
      }
      if (d.equals(was)) {
        count("relationships", "unchanged");
      } else {
        add(
            new ModelOperation.UpdateRelationship(c.id(), before.version(), d),
            at,
            "relationships",
            "updated");
      }
    }

    /** Deletes what the file does not have: relationships, then elements, then folders. */
    private void deletions(Set<String> inFile) {
      for (Relationship r : current.relationships()) {
        if (!inFile.contains(r.id())) {
          remove(ConceptKind.RELATIONSHIP, r.id(), r.version(), "relationships");
        }
      }
      for (Element e : current.elements()) {
        if (!inFile.contains(e.id())) {
          remove(ConceptKind.ELEMENT, e.id(), e.version(), "elements");
        }
      }
      List<Folder> gone = new ArrayList<>();
      for (Folder f : current.folders()) {
        if (!inFile.contains(f.id())) {
          gone.add(f);
        }
      }
      for (int i = gone.size() - 1; i >= 0; i--) { // children before their parents
        Folder f = gone.get(i);
        remove(ConceptKind.FOLDER, f.id(), f.version(), "folders");
      }
    }

    /** Properties for a concept of the model that the file does not carry itself. */
    void external(String id, List<Property> props) {
      Element e = elements.get(id);
      Relationship r = relationships.get(id);
      if (e == null && r == null) {
        errors.add(
            new Problem.Error(
                null,
                id,
                null,
                "unknown-reference",
                "The file gives properties for '"
                    + id
                    + "', which is neither in the file nor in the model. Correct the ID, or add"
                    + " the concept to the file."));
        return;
      }
      List<Property> plain = new ArrayList<>();
      String access = r == null ? "" : r.data().accessType();
      String strength = r == null ? "" : r.data().influenceStrength();
      boolean directed = r != null && r.data().directed();
      for (Property p : props) {
        String type = r == null ? e.data().type() : r.data().type();
        switch (p.key()) {
          case ArchiCsvReader.ACCESS_TYPE -> {
            if (type.equals("Access") && ArchiCsvReader.ACCESS_TYPES.contains(p.value())) {
              access = p.value();
              continue;
            }
          }
          case ArchiCsvReader.INFLUENCE_STRENGTH -> {
            if (type.equals("Influence")) {
              strength = p.value();
              continue;
            }
          }
          case ArchiCsvReader.DIRECTED -> {
            if (type.equals("Association")) {
              directed = p.value().equalsIgnoreCase("true");
              continue;
            }
          }
          case ArchiCsvReader.JUNCTION_TYPE -> {
            if (type.endsWith("Junction")) {
              if (!type.equals(p.value() + "Junction")) {
                typeChange(id, "", type, p.value() + "Junction");
              }
              continue;
            }
          }
          default -> {
            // an ordinary property
          }
        }
        plain.add(p);
      }
      if (e != null) {
        ElementData was = e.data();
        ElementData d =
            new ElementData(
                was.type(),
                was.name(),
                was.nameEn(),
                was.documentation(),
                was.documentationEn(),
                was.specialization(),
                mergeProperties(was.properties(), plain),
                was.profile(),
                was.folderId(),
                was.validFrom(),
                was.validTo());
        if (!d.equals(was)) {
          add(new ModelOperation.UpdateElement(id, e.version(), d), "", "elements", "updated");
        }
        return;
      }
      RelationshipData was = r.data();
      RelationshipData d =
          new RelationshipData(
              was.type(),
              was.sourceId(),
              was.targetId(),
              was.name(),
              was.nameEn(),
              was.documentation(),
              was.documentationEn(),
              was.specialization(),
              mergeProperties(was.properties(), plain),
              access,
              strength,
              directed,
              was.folderId());
      if (!d.equals(was)) {
        add(
            new ModelOperation.UpdateRelationship(id, r.version(), d),
            "",
            "relationships",
            "updated");
      }
    }

    private void remove(ConceptKind kind, String id, long version, String counted) {
      add(new ModelOperation.Delete(kind, id, version), "", counted, "deleted");
    }

    private void typeChange(String id, String at, String was, String file) {
      errors.add(
          new Problem.Error(
              "type",
              id,
              at.isEmpty() ? null : at,
              "type-change",
              "'"
                  + id
                  + "' is a "
                  + was
                  + " in the model and a "
                  + file
                  + " in the file; the type of an existing concept cannot change. Give the"
                  + " concept of the file a new id, or delete the one in the model first."));
    }

    private void add(ModelOperation op, String at, String kind, String what) {
      ops.add(op);
      where.add(at);
      count(kind, what);
    }

    private void count(String kind, String what) {
      counts.get(kind).merge(what, 1L, Long::sum);
    }
  }

  /**
   * The concept's properties with the file's: the n-th value of a key in the file replaces the n-th
   * value of that key the concept has; values beyond those are added, in file order.
   */
  static List<Property> mergeProperties(List<Property> existing, List<Property> file) {
    Map<String, Deque<Property>> incoming = new LinkedHashMap<>();
    for (Property p : file) {
      incoming.computeIfAbsent(p.key(), k -> new ArrayDeque<>()).add(p);
    }
    List<Property> out = new ArrayList<>(existing.size() + file.size());
    for (Property p : existing) {
      Deque<Property> q = incoming.get(p.key());
      out.add(q == null || q.isEmpty() ? p : q.poll());
    }
    incoming.values().forEach(out::addAll);
    return out;
  }

  private static String or(String value, String otherwise) {
    return value == null || value.isEmpty() ? otherwise : value;
  }
}
