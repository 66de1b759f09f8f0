package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.driver.TransactionContext;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipType;

/**
 * The Cypher that reads and writes concepts, each statement beside the record it fills. Used inside
 * transactions opened by {@link ModelService} (writes) and {@link ModelQueries} (reads).
 *
 * <p>Labels and relationship types are inserted into statements only after the {@link Metamodel}
 * has vouched for them; all values are parameters.
 */
@ApplicationScoped
public class ModelStore {

  private final Metamodel metamodel;
  private final List<String> relationshipTypes;
  private final String relationshipsByIds;

  ModelStore(Metamodel metamodel) {
    this.metamodel = metamodel;
    this.relationshipTypes =
        metamodel.relationshipTypes().stream().map(RelationshipType::name).toList();
    this.relationshipsByIds =
        relationshipTypes.stream()
            .map(t -> "MATCH ()-[r:" + t + "]->() WHERE r.id IN $ids RETURN properties(r) AS r")
            .collect(Collectors.joining(" UNION ALL "));
  }

  /** The relationship type names, in metamodel order. */
  List<String> relationshipTypes() {
    return relationshipTypes;
  }

  // ---- the change sequence (also the writers' lock) --------------------------------------------

  /**
   * Adds to the element and relationship counters of models ({@code {elements, relationships}}
   * deltas per model id), kept on the model node so that listing models does not count.
   */
  void adjustCounts(TransactionContext tx, Map<String, long[]> deltas) {
    List<Map<String, Object>> rows = new ArrayList<>();
    deltas.forEach(
        (id, d) -> {
          if (d[0] != 0 || d[1] != 0) {
            rows.add(Map.of("id", id, "e", d[0], "r", d[1]));
          }
        });
    if (rows.isEmpty()) {
      return;
    }
    tx.run(
            "UNWIND $rows AS d MATCH (m:Model {id: d.id}) SET m.elementCount ="
                + " coalesce(m.elementCount, 0) + d.e, m.relationshipCount ="
                + " coalesce(m.relationshipCount, 0) + d.r",
            Map.of("rows", rows))
        .consume();
  }

  /** Locks the change sequence for this transaction and returns its current value. */
  long lockSequence(TransactionContext tx) {
    return tx.run(
            "MATCH (s:Sequence {name: 'change'}) SET s.lockedAt = timestamp() RETURN s.value AS v")
        .single()
        .get("v")
        .asLong();
  }

  void setSequence(TransactionContext tx, long value) {
    tx.run("MATCH (s:Sequence {name: 'change'}) SET s.value = $v", Map.of("v", value)).consume();
  }

  /** The current change sequence number (what a read reflects). */
  long currentSequence(TransactionContext tx) {
    return tx.run("MATCH (s:Sequence {name: 'change'}) RETURN s.value AS v")
        .single()
        .get("v")
        .asLong();
  }

  // ---- lookups by id ---------------------------------------------------------------------------

  Map<String, Element> elementsByIds(TransactionContext tx, Collection<String> ids) {
    Map<String, Element> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    tx.run(
            "MATCH (e:Element) WHERE e.id IN $ids RETURN properties(e) AS e",
            Map.of("ids", List.copyOf(ids)))
        .forEachRemaining(
            r -> {
              Element e = GraphMapping.element(r.get("e").asMap());
              result.put(e.id(), e);
            });
    return result;
  }

  Map<String, Relationship> relationshipsByIds(TransactionContext tx, Collection<String> ids) {
    Map<String, Relationship> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    tx.run(relationshipsByIds, Map.of("ids", List.copyOf(ids)))
        .forEachRemaining(
            r -> {
              Relationship rel = GraphMapping.relationship(r.get("r").asMap());
              result.put(rel.id(), rel);
            });
    return result;
  }

  Map<String, Folder> foldersByIds(TransactionContext tx, Collection<String> ids) {
    Map<String, Folder> result = new HashMap<>();
    if (ids.isEmpty()) {
      return result;
    }
    tx.run(
            "MATCH (f:Folder) WHERE f.id IN $ids RETURN properties(f) AS f",
            Map.of("ids", List.copyOf(ids)))
        .forEachRemaining(
            r -> {
              Folder f = GraphMapping.folder(r.get("f").asMap());
              result.put(f.id(), f);
            });
    return result;
  }

  /** Every id in use by a model, element, relationship, folder or view. */
  Set<String> allIds(TransactionContext tx) {
    Set<String> all = new HashSet<>();
    for (String label : List.of("Model", "Element", "Folder", "View")) {
      tx.run("MATCH (n:" + label + ") RETURN n.id AS id")
          .forEachRemaining(r -> all.add(r.get("id").asString()));
    }
    for (String t : relationshipTypes) {
      tx.run("MATCH ()-[x:" + t + "]->() RETURN x.id AS id")
          .forEachRemaining(r -> all.add(r.get("id").asString()));
    }
    return all;
  }

  boolean modelExists(TransactionContext tx, String modelId) {
    return tx.run("MATCH (m:Model {id: $id}) RETURN count(m) AS c", Map.of("id", modelId))
            .single()
            .get("c")
            .asLong()
        > 0;
  }

  // ---- writes ----------------------------------------------------------------------------------

  void createElements(TransactionContext tx, List<Element> elements) {
    Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
    for (Element e : elements) {
      byType
          .computeIfAbsent(label(e.type()), k -> new ArrayList<>())
          .add(GraphMapping.elementProps(e));
    }
    byType.forEach(
        (type, rows) ->
            tx.run(
                    "UNWIND $rows AS r CREATE (e:Element:" + type + ") SET e = r",
                    Map.of("rows", rows))
                .consume());
  }

  void updateElements(TransactionContext tx, List<Element> elements) {
    if (elements.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = elements.stream().map(GraphMapping::elementProps).toList();
    tx.run("UNWIND $rows AS r MATCH (e:Element {id: r.id}) SET e = r", Map.of("rows", rows))
        .consume();
  }

  /**
   * Creates relationships. Endpoints that are relationships are reached through their proxy node,
   * which is created here when missing.
   */
  void createRelationships(
      TransactionContext tx, List<Relationship> relationships, Set<String> relationshipIds) {
    Set<String> proxied = new HashSet<>();
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (Relationship r : relationships) {
      boolean srcRel = relationshipIds.contains(r.data().sourceId());
      boolean tgtRel = relationshipIds.contains(r.data().targetId());
      if (srcRel) {
        proxied.add(r.data().sourceId());
      }
      if (tgtRel) {
        proxied.add(r.data().targetId());
      }
      String key =
          label(r.type())
              + "|"
              + (srcRel ? "RelationshipProxy" : "Element")
              + "|"
              + (tgtRel ? "RelationshipProxy" : "Element");
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(GraphMapping.relationshipProps(r));
    }
    if (!proxied.isEmpty()) {
      tx.run(
              "UNWIND $ids AS id MERGE (p:RelationshipProxy {id: id})",
              Map.of("ids", List.copyOf(proxied)))
          .consume();
    }
    groups.forEach(
        (key, rows) -> {
          String[] k = key.split("\\|");
          tx.run(
                  "UNWIND $rows AS r MATCH (s:"
                      + k[1]
                      + " {id: r.sourceId}) MATCH (t:"
                      + k[2]
                      + " {id: r.targetId}) CREATE (s)-[x:"
                      + k[0]
                      + "]->(t) SET x = r",
                  Map.of("rows", rows))
              .consume();
        });
  }

  void updateRelationships(TransactionContext tx, List<Relationship> relationships) {
    Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
    for (Relationship r : relationships) {
      byType
          .computeIfAbsent(label(r.type()), k -> new ArrayList<>())
          .add(GraphMapping.relationshipProps(r));
    }
    byType.forEach(
        (type, rows) ->
            tx.run(
                    "UNWIND $rows AS r MATCH ()-[x:" + type + " {id: r.id}]->() SET x = r",
                    Map.of("rows", rows))
                .consume());
  }

  void deleteRelationships(TransactionContext tx, Collection<Relationship> relationships) {
    Map<String, List<String>> byType = new LinkedHashMap<>();
    for (Relationship r : relationships) {
      byType.computeIfAbsent(label(r.type()), k -> new ArrayList<>()).add(r.id());
    }
    byType.forEach(
        (type, ids) ->
            tx.run("MATCH ()-[x:" + type + "]->() WHERE x.id IN $ids DELETE x", Map.of("ids", ids))
                .consume());
    List<String> all = relationships.stream().map(Relationship::id).toList();
    tx.run("MATCH (p:RelationshipProxy) WHERE p.id IN $ids DETACH DELETE p", Map.of("ids", all))
        .consume();
  }

  void deleteElements(TransactionContext tx, Collection<String> ids) {
    if (!ids.isEmpty()) {
      tx.run(
              "MATCH (e:Element) WHERE e.id IN $ids DETACH DELETE e",
              Map.of("ids", List.copyOf(ids)))
          .consume();
    }
  }

  /** Relationships attached to the given elements or (through proxies) relationships. */
  Map<String, Relationship> attachedRelationships(
      TransactionContext tx, Collection<String> elementIds, Collection<String> relationshipIds) {
    Map<String, Relationship> result = new HashMap<>();
    tx.run(
            "MATCH (n:Element)-[x]-() WHERE n.id IN $e RETURN properties(x) AS x"
                + " UNION MATCH (n:RelationshipProxy)-[x]-() WHERE n.id IN $r RETURN properties(x) AS x",
            Map.of("e", List.copyOf(elementIds), "r", List.copyOf(relationshipIds)))
        .forEachRemaining(
            row -> {
              Relationship rel = GraphMapping.relationship(row.get("x").asMap());
              result.put(rel.id(), rel);
            });
    return result;
  }

  List<Folder> foldersOfModel(TransactionContext tx, String modelId) {
    return tx.run("MATCH (f:Folder {modelId: $m}) RETURN properties(f) AS f", Map.of("m", modelId))
        .list(r -> GraphMapping.folder(r.get("f").asMap()));
  }

  void createFolders(TransactionContext tx, List<Folder> folders) {
    if (!folders.isEmpty()) {
      List<Map<String, Object>> rows = folders.stream().map(GraphMapping::folderProps).toList();
      tx.run("UNWIND $rows AS r CREATE (f:Folder) SET f = r", Map.of("rows", rows)).consume();
    }
  }

  void updateFolders(TransactionContext tx, List<Folder> folders) {
    if (!folders.isEmpty()) {
      List<Map<String, Object>> rows = folders.stream().map(GraphMapping::folderProps).toList();
      tx.run("UNWIND $rows AS r MATCH (f:Folder {id: r.id}) SET f = r", Map.of("rows", rows))
          .consume();
    }
  }

  void deleteFolders(TransactionContext tx, Collection<String> ids) {
    if (!ids.isEmpty()) {
      tx.run("MATCH (f:Folder) WHERE f.id IN $ids DETACH DELETE f", Map.of("ids", List.copyOf(ids)))
          .consume();
    }
  }

  /** Ids of the concepts (elements, relationships, folders, views) filed in the given folders. */
  Set<String> folderContents(TransactionContext tx, String modelId, Collection<String> folderIds) {
    Set<String> ids = new HashSet<>();
    if (folderIds.isEmpty()) {
      return ids;
    }
    Map<String, Object> p = Map.of("m", modelId, "f", List.copyOf(folderIds));
    tx.run(
            "MATCH (n:Element) WHERE n.folderId IN $f AND n.modelId = $m RETURN n.id AS id"
                + " UNION MATCH (n:View) WHERE n.folderId IN $f AND n.modelId = $m RETURN n.id AS id"
                + " UNION MATCH (n:Folder) WHERE n.parentId IN $f AND n.modelId = $m RETURN n.id AS id",
            p)
        .forEachRemaining(r -> ids.add(r.get("id").asString()));
    for (String t : relationshipTypes) {
      tx.run(
              "MATCH ()-[x:"
                  + t
                  + "]->() WHERE x.modelId = $m AND x.folderId IN $f RETURN x.id AS id",
              p)
          .forEachRemaining(r -> ids.add(r.get("id").asString()));
    }
    return ids;
  }

  private String label(String type) {
    // the metamodel vouches for every name that becomes a label or relationship type
    if (metamodel.elementType(type).isEmpty() && metamodel.relationshipType(type).isEmpty()) {
      throw new IllegalArgumentException("Not an ArchiMate type: " + type);
    }
    return type;
  }
}
