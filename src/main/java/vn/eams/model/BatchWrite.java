package vn.eams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
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

/**
 * Writes a checked {@link ModelBatch}: concepts, cascades and the change log, in the batch's
 * transaction.
 */
final class BatchWrite {

  private final TransactionContext tx;
  private final ModelStore store;
  private final ChangeLog changeLog;
  private final DiagramCascade diagrams;
  private final Metamodel metamodel;
  private final ObjectMapper json;
  private final Instant now;
  private final String actor;
  private final String modelId;
  private final Map<String, Folder> newFolders;
  private final Map<String, Element> newElements;
  private final Map<String, Relationship> newRelationships;
  private final Map<String, Relationship> relationships;
  private final Map<String, Element> elements;
  private final Map<String, Folder> folders;
  private final List<Element> updatedElements;
  private final List<Relationship> updatedRelationships;
  private final List<Folder> updatedFolders;
  private final Set<String> deletedElements;
  private final Map<String, Relationship> deletedRelationships;
  private final Set<String> deletedFolders;
  private final List<ChangeResult.Applied> applied;
  private final List<ChangeResult.Cascaded> cascaded;
  private final List<Change> changes;

  BatchWrite(ModelBatch b) {
    this.tx = b.tx;
    this.store = b.store;
    this.changeLog = b.changeLog;
    this.diagrams = b.diagrams;
    this.metamodel = b.metamodel;
    this.json = b.json;
    this.now = b.now;
    this.actor = b.actor;
    this.modelId = b.modelId;
    this.newFolders = b.newFolders;
    this.newElements = b.newElements;
    this.newRelationships = b.newRelationships;
    this.relationships = b.relationships;
    this.elements = b.elements;
    this.folders = b.folders;
    this.updatedElements = b.updatedElements;
    this.updatedRelationships = b.updatedRelationships;
    this.updatedFolders = b.updatedFolders;
    this.deletedElements = b.deletedElements;
    this.deletedRelationships = b.deletedRelationships;
    this.deletedFolders = b.deletedFolders;
    this.applied = b.applied;
    this.cascaded = b.cascaded;
    this.changes = b.changes;
  }

  long write(long seq) {
    long next = seq;
    for (Folder f : newFolders.values()) {
      changes.add(
          change(++next, "create", ConceptKind.FOLDER, f.id(), "", ConceptJson.folder(f), ""));
    }
    store.createFolders(tx, List.copyOf(newFolders.values()));
    for (Element e : newElements.values()) {
      changes.add(
          change(
              ++next,
              "create",
              ConceptKind.ELEMENT,
              e.id(),
              "",
              ConceptJson.element(e, metamodel),
              ""));
    }
    store.createElements(tx, List.copyOf(newElements.values()));
    Set<String> relIds = new HashSet<>(newRelationships.keySet());
    relIds.addAll(relationships.keySet());
    for (Relationship r : newRelationships.values()) {
      changes.add(
          change(
              ++next,
              "create",
              ConceptKind.RELATIONSHIP,
              r.id(),
              "",
              ConceptJson.relationship(r),
              ""));
    }
    store.createRelationships(tx, List.copyOf(newRelationships.values()), relIds);
    for (Element e : updatedElements) {
      changes.add(
          change(
              ++next,
              "update",
              ConceptKind.ELEMENT,
              e.id(),
              ConceptJson.element(elements.get(e.id()), metamodel),
              ConceptJson.element(e, metamodel),
              ""));
    }
    store.updateElements(tx, updatedElements);
    for (Relationship r : updatedRelationships) {
      changes.add(
          change(
              ++next,
              "update",
              ConceptKind.RELATIONSHIP,
              r.id(),
              ConceptJson.relationship(relationships.get(r.id())),
              ConceptJson.relationship(r),
              ""));
    }
    store.updateRelationships(tx, updatedRelationships);
    for (Folder f : updatedFolders) {
      changes.add(
          change(
              ++next,
              "update",
              ConceptKind.FOLDER,
              f.id(),
              ConceptJson.folder(folders.get(f.id())),
              ConceptJson.folder(f),
              ""));
    }
    store.updateFolders(tx, updatedFolders);
    List<Runnable> deletes = new ArrayList<>();
    next = writeDeletes(next, deletes);
    store.adjustCounts(tx, countDeltas());
    store.setSequence(tx, next);
    // the change records go in before the deletes: each record's unique seq is checked through an
    // index seek, and a seek in a transaction that has deleted n nodes costs O(n)
    changeLog.write(tx, changes);
    deletes.forEach(Runnable::run);
    return next;
  }

  /** Logs the deletes and adds the writes that make them to {@code deletes}, to run afterwards. */
  private long writeDeletes(long next, List<Runnable> deletes) {
    if (deletedElements.isEmpty() && deletedRelationships.isEmpty() && deletedFolders.isEmpty()) {
      return next;
    }
    DiagramCascade.Removal removal =
        diagrams.remove(tx, deletedElements, deletedRelationships.keySet(), true);
    deletes.add(() -> diagrams.delete(tx, removal));
    for (Map.Entry<String, List<ChangeResult.Cascaded>> en : removal.byView().entrySet()) {
      org.neo4j.driver.Record view =
          tx.run(
                  "MATCH (v:View {id: $id}) SET v.version = v.version + 1, v.updatedAt = $now"
                      + " RETURN v.version AS v, v.modelId AS m",
                  Map.of("id", en.getKey(), "now", GraphMapping.time(now)))
              .single();
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("id", en.getKey());
      after.put("version", view.get("v").asLong());
      after.put("removed", en.getValue().stream().map(ChangeResult.Cascaded::id).sorted().toList());
      // as the modeller's own edits are logged, so that a browser showing the view follows both
      after.put(
          "edits",
          en.getValue().stream()
              .sorted(java.util.Comparator.comparing(ChangeResult.Cascaded::id))
              .map(
                  c ->
                      Map.of(
                          "op",
                          c.kind().equals("diagramNode") ? "removeNode" : "removeConnection",
                          "id",
                          c.id()))
              .toList());
      // a view of another model is logged in that model's change log
      changes.add(
          new Change(
              ++next,
              now,
              actor,
              "update",
              ConceptKind.VIEW.label(),
              view.get("m").asString(modelId),
              en.getKey(),
              "",
              toJson(after),
              en.getValue().get(0).cause()));
    }
    Map<String, String> causes = new HashMap<>();
    for (ChangeResult.Cascaded c : cascaded) {
      causes.putIfAbsent(c.id(), c.cause());
    }
    Map<String, Relationship> explicitRels = new HashMap<>();
    for (ChangeResult.Applied a : applied) {
      if (a.op().equals("delete") && a.kind().equals("relationship")) {
        explicitRels.put(a.id(), deletedRelationships.get(a.id()));
      }
    }
    for (Relationship r : deletedRelationships.values()) {
      String cause = explicitRels.containsKey(r.id()) ? "" : causes.getOrDefault(r.id(), "");
      // a cascaded relationship of another model is logged in that model's change log
      changes.add(
          new Change(
              ++next,
              now,
              actor,
              "delete",
              ConceptKind.RELATIONSHIP.label(),
              r.modelId(),
              r.id(),
              toJson(ConceptJson.relationship(r)),
              "",
              cause));
    }
    List<Relationship> relationshipsGone = List.copyOf(deletedRelationships.values());
    deletes.add(() -> store.deleteRelationships(tx, relationshipsGone));
    for (String id : deletedElements) {
      changes.add(
          change(
              ++next,
              "delete",
              ConceptKind.ELEMENT,
              id,
              ConceptJson.element(elements.get(id), metamodel),
              Map.of(),
              ""));
    }
    List<String> elementsGone = List.copyOf(deletedElements);
    deletes.add(() -> store.deleteElements(tx, elementsGone));
    for (String id : deletedFolders) {
      changes.add(
          change(
              ++next,
              "delete",
              ConceptKind.FOLDER,
              id,
              ConceptJson.folder(folders.get(id)),
              Map.of(),
              ""));
    }
    List<String> foldersGone = List.copyOf(deletedFolders);
    deletes.add(() -> store.deleteFolders(tx, foldersGone));
    return next;
  }

  /** Per model: elements and relationships created minus deleted by this batch. */
  private Map<String, long[]> countDeltas() {
    Map<String, long[]> d = new HashMap<>();
    long[] own = d.computeIfAbsent(modelId, k -> new long[2]);
    own[0] += newElements.size() - deletedElements.size();
    own[1] += newRelationships.size();
    for (Relationship r : deletedRelationships.values()) {
      d.computeIfAbsent(r.modelId(), k -> new long[2])[1]--;
    }
    return d;
  }

  private Change change(
      long seq, String op, ConceptKind kind, String id, Object before, Object after, String cause) {
    return new Change(
        seq, now, actor, op, kind.label(), modelId, id, toJson(before), toJson(after), cause);
  }

  private String toJson(Object o) {
    if (o instanceof String s) {
      return s;
    }
    if (o instanceof Map<?, ?> m && m.isEmpty()) {
      return "";
    }
    try {
      return json.writeValueAsString(o instanceof Map<?, ?> m ? ConceptJson.logged(m) : o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a change", e);
    }
  }
}
