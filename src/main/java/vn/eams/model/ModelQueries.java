package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.neo4j.driver.TransactionContext;
import vn.eams.platform.Graph;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Read access to models, elements, relationships, folders and the change log. */
@ApplicationScoped
public class ModelQueries {

  private final Graph graph;
  private final ModelStore store;
  private final ChangeLog changeLog;

  private final ViewStore views;

  ModelQueries(Graph graph, ModelStore store, ChangeLog changeLog, ViewStore views) {
    this.views = views;
    this.graph = graph;
    this.store = store;
    this.changeLog = changeLog;
  }

  /**
   * Element filters; empty values mean "any".
   *
   * @param types element types (a layer filter is turned into types by the caller)
   * @param nameContains matched against vi and en names, ignoring case and diacritics
   * @param propertyKey a property (free or typed profile) that must be present
   * @param propertyValue its value, when given
   */
  public record ElementFilter(
      List<String> types,
      String nameContains,
      String specialization,
      String propertyKey,
      String propertyValue) {}

  /** Relationship filters; empty values mean "any". */
  public record RelationshipFilter(
      List<String> types,
      String sourceId,
      String targetId,
      String propertyKey,
      String propertyValue) {}

  /** A page of results with the cursor of the next page (empty on the last page). */
  public record Page<T>(List<T> items, String nextCursor, long seq) {}

  public List<ModelInfo> models() {
    return graph.read(this::models);
  }

  /** Every model, read in the caller's transaction. */
  public List<ModelInfo> models(TransactionContext tx) {
    return tx
        .run("MATCH (m:Model) RETURN properties(m) AS m ORDER BY m.id")
        .list(r -> r.get("m").asMap())
        .stream()
        .map(m -> counted(tx, m))
        .toList();
  }

  /** Throws 404 unless the model exists. */
  public void requireModel(String id) {
    if (!modelExists(id)) {
      throw ProblemException.notFound("model", id);
    }
  }

  /** True when the model exists (cheap: no counting). */
  public boolean modelExists(String id) {
    return graph.read(tx -> store.modelExists(tx, id));
  }

  public Optional<ModelInfo> model(String id) {
    return graph.read(tx -> model(tx, id));
  }

  /** A model with its counts, read in the caller's transaction. */
  public Optional<ModelInfo> model(TransactionContext tx, String id) {
    return tx
        .run("MATCH (m:Model {id: $id}) RETURN properties(m) AS m", Map.of("id", id))
        .list(r -> r.get("m").asMap())
        .stream()
        .findFirst()
        .map(m -> counted(tx, m));
  }

  /**
   * The model with its element and relationship counts, which every writer keeps on the model node
   * (V0006 set them for models stored before).
   */
  private ModelInfo counted(TransactionContext tx, Map<String, Object> m) {
    return GraphMapping.model(m, number(m.get("elementCount")), number(m.get("relationshipCount")));
  }

  private static long number(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  /** True when the repository holds at least one model. */
  public boolean anyModel() {
    return graph.read(tx -> tx.run("MATCH (m:Model) RETURN m.id LIMIT 1").hasNext());
  }

  public Optional<Element> element(String id) {
    return graph.read(tx -> element(tx, id));
  }

  /** An element, read in the caller's transaction. */
  public Optional<Element> element(TransactionContext tx, String id) {
    return Optional.ofNullable(store.elementsByIds(tx, List.of(id)).get(id));
  }

  /** The current change sequence number, read in the caller's transaction. */
  public long currentSequence(TransactionContext tx) {
    return store.currentSequence(tx);
  }

  public Optional<Relationship> relationship(String id) {
    return graph.read(tx -> Optional.ofNullable(store.relationshipsByIds(tx, List.of(id)).get(id)));
  }

  public Optional<Folder> folder(String id) {
    return graph.read(tx -> Optional.ofNullable(store.foldersByIds(tx, List.of(id)).get(id)));
  }

  /** Elements of a model in name order (diacritics-insensitive), a page at a time. */
  public Page<Element> elements(String modelId, ElementFilter f, String cursor, int limit) {
    String[] after = decodeCursor(cursor, 2);
    Map<String, Object> p = new HashMap<>();
    p.put("m", modelId);
    p.put("types", f.types().isEmpty() ? null : f.types());
    p.put("q", f.nameContains().isEmpty() ? null : Text.foldKey(f.nameContains()));
    p.put("spec", f.specialization().isEmpty() ? null : f.specialization());
    p.put("pk", f.propertyKey().isEmpty() ? null : f.propertyKey());
    p.put("ppk", GraphMapping.PROFILE_PREFIX + f.propertyKey());
    p.put("pv", f.propertyValue().isEmpty() ? null : f.propertyValue());
    p.put("ak", after == null ? null : after[0]);
    p.put("ai", after == null ? null : after[1]);
    p.put("l", limit + 1);
    String cypher =
        """
        MATCH (e:Element {modelId: $m})
        WHERE ($types IS NULL OR e.type IN $types)
          AND ($q IS NULL OR e.searchKey CONTAINS $q)
          AND ($spec IS NULL OR e.specialization = $spec)
          AND ($pk IS NULL
               OR (e[$ppk] IS NOT NULL AND ($pv IS NULL OR toString(e[$ppk]) = $pv))
               OR any(i IN range(0, size(coalesce(e.propKeys, [])) - 1)
                      WHERE e.propKeys[i] = $pk AND ($pv IS NULL OR e.propValues[i] = $pv)))
          AND ($ak IS NULL OR e.nameKey > $ak OR (e.nameKey = $ak AND e.id > $ai))
        RETURN properties(e) AS e ORDER BY e.nameKey, e.id LIMIT $l
        """;
    return graph.read(
        tx -> {
          List<Element> rows =
              tx.run(cypher, p).list(r -> GraphMapping.element(r.get("e").asMap()));
          long seq = store.currentSequence(tx);
          if (rows.size() <= limit) {
            return new Page<>(rows, "", seq);
          }
          List<Element> page = rows.subList(0, limit);
          Element last = page.get(limit - 1);
          return new Page<>(
              List.copyOf(page), encodeCursor(Text.foldKey(last.data().name()), last.id()), seq);
        });
  }

  /** Relationships of a model in id order, a page at a time. */
  public Page<Relationship> relationships(
      String modelId, RelationshipFilter f, String cursor, int limit) {
    String[] after = decodeCursor(cursor, 1);
    List<String> types = f.types().isEmpty() ? store.relationshipTypes() : f.types();
    Map<String, Object> p = new HashMap<>();
    p.put("m", modelId);
    p.put("s", f.sourceId().isEmpty() ? null : f.sourceId());
    p.put("t", f.targetId().isEmpty() ? null : f.targetId());
    p.put("pk", f.propertyKey().isEmpty() ? null : f.propertyKey());
    p.put("pv", f.propertyValue().isEmpty() ? null : f.propertyValue());
    p.put("ai", after == null ? null : after[0]);
    p.put("l", limit + 1);
    String union =
        types.stream()
            .map(t -> "MATCH ()-[x:" + t + "]->() WHERE x.modelId = $m RETURN x")
            .collect(Collectors.joining(" UNION ALL "));
    String cypher =
        "CALL { "
            + union
            + " } WITH x WHERE ($s IS NULL OR x.sourceId = $s) AND ($t IS NULL OR x.targetId = $t)"
            + " AND ($pk IS NULL OR any(i IN range(0, size(coalesce(x.propKeys, [])) - 1)"
            + " WHERE x.propKeys[i] = $pk AND ($pv IS NULL OR x.propValues[i] = $pv)))"
            + " AND ($ai IS NULL OR x.id > $ai)"
            + " RETURN properties(x) AS x ORDER BY x.id LIMIT $l";
    return graph.read(
        tx -> {
          List<Relationship> rows =
              tx.run(cypher, p).list(r -> GraphMapping.relationship(r.get("x").asMap()));
          long seq = store.currentSequence(tx);
          if (rows.size() <= limit) {
            return new Page<>(rows, "", seq);
          }
          List<Relationship> page = rows.subList(0, limit);
          return new Page<>(List.copyOf(page), encodeCursor(page.get(limit - 1).id()), seq);
        });
  }

  /** The whole model in one read transaction, or empty when there is no such model. */
  public Optional<ModelSnapshot> snapshot(String modelId) {
    return graph.read(
        tx -> {
          Optional<ModelInfo> info = model(tx, modelId);
          if (info.isEmpty()) {
            return Optional.<ModelSnapshot>empty();
          }
          Map<String, Object> p = Map.of("m", modelId);
          List<Folder> folders =
              tx.run("MATCH (f:Folder {modelId: $m}) RETURN properties(f) AS f", p)
                  .list(r -> GraphMapping.folder(r.get("f").asMap()));
          // sorted here rather than by Cypher, whose sort of 300,000 rows was a fifth of a large
          // export's time: the order is only for a stable export
          List<Element> elements =
              new java.util.ArrayList<>(
                  tx.run("MATCH (e:Element {modelId: $m}) RETURN properties(e) AS e", p)
                      .list(r -> GraphMapping.element(r.get("e").asMap())));
          elements.sort(java.util.Comparator.comparing(Element::id));
          String union =
              store.relationshipTypes().stream()
                  .map(t -> "MATCH ()-[x:" + t + "]->() WHERE x.modelId = $m RETURN x")
                  .collect(Collectors.joining(" UNION ALL "));
          List<Relationship> relationships =
              new java.util.ArrayList<>(
                  tx.run("CALL { " + union + " } RETURN properties(x) AS x", p)
                      .list(r -> GraphMapping.relationship(r.get("x").asMap())));
          relationships.sort(java.util.Comparator.comparing(Relationship::id));
          List<ViewDefinition> viewList = views.views(tx, modelId);
          return Optional.of(
              new ModelSnapshot(
                  info.get(),
                  store.currentSequence(tx),
                  parentsFirst(folders),
                  elements,
                  relationships,
                  viewList));
        });
  }

  private static List<Folder> parentsFirst(List<Folder> folders) {
    Map<String, List<Folder>> byParent = new HashMap<>();
    for (Folder f : folders) {
      byParent.computeIfAbsent(f.data().parentId(), k -> new java.util.ArrayList<>()).add(f);
    }
    List<Folder> result = new java.util.ArrayList<>(folders.size());
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    queue.add("");
    while (!queue.isEmpty()) {
      List<Folder> children = byParent.get(queue.poll());
      if (children == null) {
        continue;
      }
      children.sort(java.util.Comparator.comparing(Folder::id));
      for (Folder f : children) {
        result.add(f);
        queue.add(f.id());
      }
    }
    return result;
  }

  /** Which of the ids are ids of views, diagram objects or diagram connections already. */
  public List<String> takenViewIds(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return graph.read(
        tx ->
            tx.run(
                    "UNWIND $ids AS id CALL { WITH id MATCH (v:View {id: id}) RETURN v.id AS t"
                        + " UNION WITH id MATCH (n:DiagramNode {id: id}) RETURN n.id AS t UNION"
                        + " WITH id MATCH (c:DiagramConnection {id: id}) RETURN c.id AS t }"
                        + " RETURN t",
                    Map.of("ids", ids))
                .list(r -> r.get("t").asString()));
  }

  /** Folders of a model, parents before children. */
  public List<Folder> folders(String modelId) {
    return graph.read(
        tx ->
            tx.run(
                    "MATCH (f:Folder {modelId: $m}) RETURN properties(f) AS f ORDER BY f.name, f.id",
                    Map.of("m", modelId))
                .list(r -> GraphMapping.folder(r.get("f").asMap())));
  }

  /** The changes of every model after a sequence number, in order, at most {@code limit}. */
  public List<Change> changesAfter(long after, int limit) {
    return graph.read(tx -> changeLog.after(tx, after, limit));
  }

  /** The changes of every model that the filter matches, newest first. */
  public List<Change> audit(ChangeLog.AuditFilter filter) {
    return graph.read(tx -> changeLog.audit(tx, filter));
  }

  /** The model's changes after {@code since}, in order, at most {@code limit}. */
  public List<Change> changes(String modelId, long since, int limit) {
    return graph.read(tx -> changes(tx, modelId, since, limit));
  }

  /** The change log of a model after a sequence number, read in {@code tx}. */
  public List<Change> changes(TransactionContext tx, String modelId, long since, int limit) {
    return changeLog.since(tx, modelId, since, limit);
  }

  /** The last change sequence number. */
  public long currentSequence() {
    return graph.read(store::currentSequence);
  }

  /** An opaque cursor of the parts (a sort key and an id), Base64url-encoded. */
  public static String encodeCursor(String... parts) {
    String joined = String.join("\u0000", parts);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(joined.getBytes(StandardCharsets.UTF_8));
  }

  static String[] decodeCursor(String cursor, int parts) {
    return decodeCursor(
        cursor,
        parts,
        "cursor",
        "Pass the nextCursor of the previous page unchanged, or leave cursor out to start again.");
  }

  /**
   * The parts of a cursor of {@link #encodeCursor}, or null for none; a cursor this server did not
   * issue is a 400 problem naming {@code field}, with {@code fix} as its message.
   */
  public static String[] decodeCursor(String cursor, int parts, String field, String fix) {
    if (cursor == null || cursor.isEmpty()) {
      return null;
    }
    try {
      String[] split =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
              .split("\u0000", -1);
      if (split.length == parts) {
        return split;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw ProblemException.badRequest(
        "The cursor is not one this server issued.",
        List.of(Problem.Error.field(field, "invalid-cursor", fix)));
  }
}
