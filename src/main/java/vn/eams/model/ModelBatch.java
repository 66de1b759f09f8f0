package vn.eams.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** One batch of operations inside its write transaction; used only by {@link ModelService}. */
final class ModelBatch {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ModelBatch.class);

  final TransactionContext tx;
  final ModelStore store;
  private final IdRegistry idRegistry;
  private final ProfileReferences references;
  private final List<Map.Entry<Integer, ElementData>> referenceChecks = new ArrayList<>();
  final ChangeLog changeLog;
  final DiagramCascade diagrams;
  final Metamodel metamodel;
  private final ConceptRules rules;
  final ObjectMapper json;
  final String modelId;
  private final List<ModelOperation> ops;
  final String actor;
  private final boolean single;
  private final boolean validateOnly;
  final Instant now = Instant.now();
  final List<Problem.Error> errors = new ArrayList<>();
  private final List<Problem.Error> conflicts = new ArrayList<>();
  private final List<Problem.Error> missing = new ArrayList<>();
  private Object conflictCurrent;

  // state loaded from the graph and the state the batch will write
  Map<String, Element> elements = Map.of();
  Map<String, Relationship> relationships = Map.of();
  Map<String, Folder> folders = Map.of();
  final Map<String, Element> newElements = new LinkedHashMap<>();
  final Map<String, Relationship> newRelationships = new LinkedHashMap<>();
  final Map<String, Folder> newFolders = new LinkedHashMap<>();
  final List<Element> updatedElements = new ArrayList<>();
  final List<Relationship> updatedRelationships = new ArrayList<>();
  final List<Folder> updatedFolders = new ArrayList<>();
  final Set<String> deletedElements = new HashSet<>();
  final Map<String, Relationship> deletedRelationships = new LinkedHashMap<>();
  final Set<String> deletedFolders = new HashSet<>();
  final List<ChangeResult.Applied> applied = new ArrayList<>();
  final List<Change> changes = new ArrayList<>();
  final List<ChangeResult.Cascaded> cascaded = new ArrayList<>();
  private final String[] ids;

  /**
   * Relationships an import keeps although the relationship table forbids them (they carry the
   * property {@code eams:invalid}); every other write is held to the table.
   */
  Set<String> acceptForbidden = Set.of();

  ModelBatch(
      ModelService.Context ctx,
      String modelId,
      List<ModelOperation> ops,
      String actor,
      boolean single,
      boolean validateOnly) {
    this.tx = ctx.tx();
    this.store = ctx.store();
    this.idRegistry = ctx.idRegistry();
    this.references = new ProfileReferences(ctx.metamodel());
    this.changeLog = ctx.changeLog();
    this.diagrams = ctx.diagrams();
    this.metamodel = ctx.metamodel();
    this.rules = ctx.rules();
    this.json = ctx.json();
    this.modelId = modelId;
    this.ops = ops;
    this.actor = actor;
    this.single = single;
    this.validateOnly = validateOnly;
    this.ids = new String[ops.size()];
  }

  ChangeResult run() {
    long seq = validateOnly ? 0 : store.lockSequence(tx);
    if (!store.modelExists(tx, modelId)) {
      throw ProblemException.notFound("model", modelId);
    }
    long t0 = System.nanoTime();
    assignIds();
    long t1 = System.nanoTime();
    load();
    long t2 = System.nanoTime();
    for (int i = 0; i < ops.size(); i++) {
      check(i, ops.get(i));
    }
    // typed element references may name an element created later in the same batch
    for (Map.Entry<Integer, ElementData> rc : referenceChecks) {
      errors(
          rc.getKey(),
          references.check(
              rc.getValue(),
              ref -> newElements.containsKey(ref) ? newElements.get(ref) : elements.get(ref)));
    }
    new BatchCascade(this).run();
    fail();
    long t3 = System.nanoTime();
    if (validateOnly) {
      return new ChangeResult(0, applied, cascaded, true);
    }
    long last = new BatchWrite(this).write(seq);
    long t4 = System.nanoTime();
    if (ops.size() >= 1000) {
      LOG.debugf(
          "batch of %d: ids %d ms, load %d ms, check %d ms, write %d ms",
          ops.size(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000);
    }
    return new ChangeResult(last, applied, cascaded, false);
  }

  private void assignIds() {
    Set<String> seen = new HashSet<>();
    List<String> given = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      ModelOperation op = ops.get(i);
      String id = op.id() == null ? "" : op.id().strip();
      boolean create =
          op instanceof ModelOperation.CreateElement
              || op instanceof ModelOperation.CreateRelationship
              || op instanceof ModelOperation.CreateFolder;
      if (id.isEmpty()) {
        if (!create) {
          error(i, Problem.Error.field("id", "required", "Give the id of the concept to change."));
        }
        id = Text.newId();
      } else if (create) {
        if (!Text.isValidId(id)) {
          error(
              i,
              Problem.Error.field(
                  "id",
                  "invalid-id",
                  "An id starts with a letter or '_' and has only letters, digits, '_', '-', '.' (at most "
                      + Text.MAX_ID
                      + " characters)."));
        } else {
          given.add(id);
        }
      }
      if (!seen.add(id)) {
        error(
            i,
            Problem.Error.field(
                "id",
                "duplicate-in-batch",
                "The id '"
                    + id
                    + "' is used by another operation of this batch; address each concept once."));
      }
      ids[i] = id;
    }
    if (!given.isEmpty()) {
      Set<String> taken = idRegistry.taken(tx, given);
      for (int i = 0; i < ops.size(); i++) {
        if (taken.contains(ids[i]) && ops.get(i).isCreate()) {
          error(
              i,
              Problem.Error.field(
                  "id",
                  "id-taken",
                  "The id '" + ids[i] + "' is already used; choose another or leave it out."));
        }
      }
    }
  }

  private void load() {
    Set<String> elementIds = new HashSet<>();
    Set<String> relIds = new HashSet<>();
    Set<String> folderIds = new HashSet<>();
    Set<String> batchIds = new HashSet<>(java.util.Arrays.asList(ids));
    for (int i = 0; i < ops.size(); i++) {
      ModelOperation op = ops.get(i);
      if (op instanceof ModelOperation.UpdateElement) {
        elementIds.add(ids[i]);
      } else if (op instanceof ModelOperation.UpdateRelationship) {
        relIds.add(ids[i]);
      } else if (op instanceof ModelOperation.UpdateFolder) {
        folderIds.add(ids[i]);
      } else if (op instanceof ModelOperation.Delete d) {
        switch (d.kind()) {
          case ELEMENT -> elementIds.add(ids[i]);
          case RELATIONSHIP -> relIds.add(ids[i]);
          case FOLDER -> folderIds.add(ids[i]);
          default -> {}
        }
      }
      references.of(op).forEach(ref -> endpoint(ref, batchIds, elementIds, relIds));
      if (op instanceof ModelOperation.CreateRelationship c) {
        endpoint(c.data().sourceId(), batchIds, elementIds, relIds);
        endpoint(c.data().targetId(), batchIds, elementIds, relIds);
      }
      String folderId = op.folderRef();
      if (!folderId.isEmpty() && !batchIds.contains(folderId)) {
        folderIds.add(folderId);
      }
    }
    elements = store.elementsByIds(tx, elementIds);
    Set<String> unresolved = new HashSet<>(relIds);
    for (String id : elementIds) {
      if (!elements.containsKey(id)) {
        unresolved.add(id);
      }
    }
    relationships = store.relationshipsByIds(tx, unresolved);
    folders = new HashMap<>(store.foldersByIds(tx, folderIds));
    if (ops.stream().anyMatch(o -> o instanceof ModelOperation.UpdateFolder)) {
      // moving a folder: its new ancestors must not include itself
      store.foldersOfModel(tx, modelId).forEach(f -> folders.putIfAbsent(f.id(), f));
    }
  }

  private void endpoint(
      String id, Set<String> batchIds, Set<String> elementIds, Set<String> relIds) {
    String s = id == null ? "" : id.strip();
    if (!s.isEmpty() && !batchIds.contains(s)) {
      elementIds.add(s);
    }
  }

  private void check(int i, ModelOperation op) {
    if (op instanceof ModelOperation.CreateElement c) {
      ElementData d = ConceptRules.normalise(c.data());
      errors(i, rules.element(d, ""));
      checkFolder(i, d.folderId());
      referenceChecks.add(Map.entry(i, d));
      Element e = new Element(ids[i], modelId, coerce(i, d), 1, now, now);
      newElements.put(ids[i], e);
      record(i, "create", ConceptKind.ELEMENT, 1);
    } else if (op instanceof ModelOperation.UpdateElement u) {
      Element current =
          existing(
              i,
              elements.get(ids[i]) == null ? null : elements.get(ids[i]),
              "element",
              u.expectedVersion(),
              ConceptKind.ELEMENT);
      if (current == null) {
        return;
      }
      ElementData d = ConceptRules.normalise(u.data());
      errors(i, rules.element(d, current.type()));
      checkFolder(i, d.folderId());
      referenceChecks.add(Map.entry(i, d));
      Element e =
          new Element(
              ids[i], modelId, coerce(i, d), current.version() + 1, current.createdAt(), now);
      updatedElements.add(e);
      record(i, "update", ConceptKind.ELEMENT, e.version());
    } else if (op instanceof ModelOperation.CreateRelationship c) {
      RelationshipData d = ConceptRules.normalise(c.data());
      List<Problem.Error> found =
          rules.relationship(
              d,
              concept(i, "sourceId", d.sourceId(), ids[i]),
              concept(i, "targetId", d.targetId(), ids[i]));
      if (acceptForbidden.contains(ids[i])) {
        found = found.stream().filter(e -> !"relationship-not-allowed".equals(e.code())).toList();
      }
      errors(i, found);
      checkFolder(i, d.folderId());
      newRelationships.put(ids[i], new Relationship(ids[i], modelId, d, 1, now, now));
      record(i, "create", ConceptKind.RELATIONSHIP, 1);
    } else if (op instanceof ModelOperation.UpdateRelationship u) {
      Relationship current =
          existing(
              i,
              relationships.get(ids[i]),
              "relationship",
              u.expectedVersion(),
              ConceptKind.RELATIONSHIP);
      if (current == null) {
        return;
      }
      RelationshipData d = ConceptRules.normalise(u.data());
      List<Problem.Error> found = new ArrayList<>(rules.relationship(d, "", ""));
      if (!d.type().equals(current.type())) {
        found.add(
            Problem.Error.field(
                "type",
                "type-change",
                "The type of an existing relationship cannot change (it is "
                    + current.type()
                    + "). Create a new relationship and delete this one."));
      }
      if (!d.sourceId().equals(current.data().sourceId())
          || !d.targetId().equals(current.data().targetId())) {
        found.add(
            Problem.Error.field(
                "sourceId",
                "endpoint-change",
                "Source and target of a relationship cannot change. Create a new relationship and delete this one."));
      }
      errors(i, found);
      checkFolder(i, d.folderId());
      Relationship r =
          new Relationship(ids[i], modelId, d, current.version() + 1, current.createdAt(), now);
      updatedRelationships.add(r);
      record(i, "update", ConceptKind.RELATIONSHIP, r.version());
    } else if (op instanceof ModelOperation.CreateFolder c) {
      FolderData d = ConceptRules.normalise(c.data());
      errors(i, rules.folder(d));
      checkFolder(i, d.parentId());
      newFolders.put(ids[i], new Folder(ids[i], modelId, d, 1, now, now));
      record(i, "create", ConceptKind.FOLDER, 1);
    } else if (op instanceof ModelOperation.UpdateFolder u) {
      Folder current =
          existing(i, folders.get(ids[i]), "folder", u.expectedVersion(), ConceptKind.FOLDER);
      if (current == null) {
        return;
      }
      FolderData d = ConceptRules.normalise(u.data());
      errors(i, rules.folder(d));
      checkFolder(i, d.parentId());
      if (createsCycle(ids[i], d.parentId())) {
        error(
            i,
            Problem.Error.field(
                "parentId",
                "folder-cycle",
                "Folder '"
                    + d.parentId()
                    + "' is this folder or lies inside it; choose a parent outside this folder."));
      }
      Folder f = new Folder(ids[i], modelId, d, current.version() + 1, current.createdAt(), now);
      updatedFolders.add(f);
      record(i, "update", ConceptKind.FOLDER, f.version());
    } else if (op instanceof ModelOperation.Delete d) {
      delete(i, d);
    }
  }

  private void delete(int i, ModelOperation.Delete d) {
    switch (d.kind()) {
      case ELEMENT -> {
        if (existing(i, elements.get(ids[i]), "element", d.expectedVersion(), ConceptKind.ELEMENT)
            != null) {
          deletedElements.add(ids[i]);
          record(i, "delete", ConceptKind.ELEMENT, elements.get(ids[i]).version());
        }
      }
      case RELATIONSHIP -> {
        Relationship r =
            existing(
                i,
                relationships.get(ids[i]),
                "relationship",
                d.expectedVersion(),
                ConceptKind.RELATIONSHIP);
        if (r != null) {
          deletedRelationships.put(ids[i], r);
          record(i, "delete", ConceptKind.RELATIONSHIP, r.version());
        }
      }
      case FOLDER -> {
        if (existing(i, folders.get(ids[i]), "folder", d.expectedVersion(), ConceptKind.FOLDER)
            != null) {
          deletedFolders.add(ids[i]);
          record(i, "delete", ConceptKind.FOLDER, folders.get(ids[i]).version());
        }
      }
      default ->
          error(
              i,
              Problem.Error.field(
                  "kind", "invalid-value", "Delete models and views through their own endpoints."));
    }
  }

  /**
   * The stored concept if it exists in this model at the expected version, else records why not.
   */
  private <T> T existing(int i, T current, String kind, long expected, ConceptKind k) {
    if (current == null || !modelId.equals(modelOf(current))) {
      missing.add(
          at(
              i,
              Problem.Error.id(
                  ids[i],
                  "not-found",
                  "No " + kind + " '" + ids[i] + "' exists in model '" + modelId + "'.")));
      return null;
    }
    long version = versionOf(current);
    if (expected != version) {
      conflicts.add(
          at(
              i,
              new Problem.Error(
                  "version",
                  ids[i],
                  null,
                  "version-conflict",
                  "The "
                      + kind
                      + " '"
                      + ids[i]
                      + "' is at version "
                      + version
                      + ", not "
                      + expected
                      + ": someone changed it since you read it. Reload it, reapply your change and send version "
                      + version
                      + ".")));
      conflictCurrent = currentJson(current);
      return null;
    }
    return current;
  }

  /**
   * The concept type of an endpoint: element type, the pseudo-concept Relationship, or "" if
   * unknown.
   */
  private String concept(int i, String field, String id, String self) {
    if (id.isEmpty()) {
      error(
          i,
          Problem.Error.field(
              field,
              "required",
              "Give the id of the "
                  + (field.startsWith("source") ? "source" : "target")
                  + " element or relationship."));
      return "";
    }
    if (id.equals(self)) {
      error(
          i,
          Problem.Error.field(field, "self-reference", "A relationship cannot connect to itself."));
      return "";
    }
    String type = "";
    if (newElements.containsKey(id)) {
      type = newElements.get(id).type();
    } else if (elements.containsKey(id)) {
      type = elements.get(id).type();
    } else if (newRelationships.containsKey(id) || relationships.containsKey(id)) {
      type = Metamodel.RELATIONSHIP;
    } else if (indexOf(id) >= 0) {
      error(
          i,
          Problem.Error.field(
              field,
              "forward-reference",
              "'"
                  + id
                  + "' is created later in this batch; create endpoints before the relationships that use them."));
      return "";
    }
    if (type.isEmpty()) {
      error(
          i,
          Problem.Error.field(
              field,
              "unknown-endpoint",
              "No element or relationship '" + id + "' exists. Create it first or fix the id."));
      return "";
    }

    if (deletedElements.contains(id) || deletedRelationships.containsKey(id)) {
      error(
          i,
          Problem.Error.field(field, "deleted-endpoint", "'" + id + "' is deleted in this batch."));
    }
    return metamodel.elementType(type).isPresent() || Metamodel.RELATIONSHIP.equals(type)
        ? type
        : "";
  }

  private void checkFolder(int i, String folderId) {
    if (folderId.isEmpty()) {
      return;
    }
    Folder f = folders.get(folderId);
    boolean ok = newFolders.containsKey(folderId) || (f != null && modelId.equals(f.modelId()));
    if (!ok) {
      error(
          i,
          Problem.Error.field(
              "folderId",
              "unknown-folder",
              "No folder '"
                  + folderId
                  + "' exists in model '"
                  + modelId
                  + "'. Create it first or leave folderId out."));
    }
  }

  private ElementData coerce(int i, ElementData d) {
    if (d.profile().isEmpty() || d.specialization().isEmpty()) {
      return d;
    }
    return metamodel
        .specialization(d.specialization())
        .map(
            s ->
                new ElementData(
                    d.type(),
                    d.name(),
                    d.nameEn(),
                    d.documentation(),
                    d.documentationEn(),
                    d.specialization(),
                    d.properties(),
                    s.coerce(d.profile()).values(),
                    d.folderId(),
                    d.validFrom(),
                    d.validTo()))
        .orElse(d);
  }

  private void fail() {
    if (!missing.isEmpty() && errors.isEmpty() && conflicts.isEmpty() && single) {
      throw new ProblemException(
          404, "not-found", "Not found", missing.get(0).message(), missing, null);
    }
    if (!conflicts.isEmpty() && errors.isEmpty() && missing.isEmpty()) {
      throw ProblemException.conflict(
          conflicts.size() == 1
              ? conflicts.get(0).message()
              : conflicts.size() + " concepts changed since they were read.",
          conflicts,
          conflicts.size() == 1 ? conflictCurrent : null);
    }
    List<Problem.Error> all = new ArrayList<>(missing);
    all.addAll(conflicts);
    all.addAll(errors);
    if (!all.isEmpty()) {
      throw ProblemException.invalid(
          (all.size() == 1 ? "1 problem" : all.size() + " problems")
              + " found; nothing was changed. Fix them and send the request again.",
          all);
    }
  }

  /** True when making {@code parent} the parent of {@code folder} closes a loop. */
  private boolean createsCycle(String folder, String parent) {
    Set<String> seen = new HashSet<>();
    String p = parent;
    while (!p.isEmpty() && seen.add(p)) {
      if (p.equals(folder)) {
        return true;
      }
      Folder f = newFolders.containsKey(p) ? newFolders.get(p) : folders.get(p);
      p = f == null ? "" : f.data().parentId();
    }
    return !p.isEmpty();
  }

  private void record(int i, String op, ConceptKind kind, long version) {
    applied.add(new ChangeResult.Applied(i, op, kind.label(), ids[i], version));
  }

  private void errors(int i, List<Problem.Error> found) {
    found.forEach(e -> error(i, e));
  }

  private void error(int i, Problem.Error e) {
    errors.add(at(i, e));
  }

  private Problem.Error at(int i, Problem.Error e) {
    return single ? e : e.under("operations[" + i + "]");
  }

  private int indexOf(String id) {
    for (int k = 0; k < ids.length; k++) {
      if (id.equals(ids[k])) {
        return k;
      }
    }
    return -1;
  }

  private Object currentJson(Object current) {
    if (current instanceof Element e) {
      return ConceptJson.element(e, metamodel);
    }
    if (current instanceof Relationship r) {
      return ConceptJson.relationship(r);
    }
    return current instanceof Folder f ? ConceptJson.folder(f) : null;
  }

  private static String modelOf(Object o) {
    if (o instanceof Element e) {
      return e.modelId();
    }
    if (o instanceof Relationship r) {
      return r.modelId();
    }
    return o instanceof Folder f ? f.modelId() : "";
  }

  private static long versionOf(Object o) {
    if (o instanceof Element e) {
      return e.version();
    }
    if (o instanceof Relationship r) {
      return r.version();
    }
    return o instanceof Folder f ? f.version() : -1;
  }
}
