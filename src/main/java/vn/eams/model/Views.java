package vn.eams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
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
import vn.eams.platform.Graph;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Views as the modeller and the views API see them: read with every object's version and the
 * concepts shown, created, renamed, deleted; and the JSON of stored diagram objects.
 */
@ApplicationScoped
public class Views {

  private final Graph graph;
  private final ModelStore store;
  private final ChangeLog changeLog;
  private final Metamodel metamodel;
  private final ObjectMapper json;
  private final IdRegistry idRegistry;
  private final ViewStore viewStore;

  Views(
      Graph graph,
      ModelStore store,
      ChangeLog changeLog,
      Metamodel metamodel,
      ObjectMapper json,
      IdRegistry idRegistry,
      ViewStore viewStore) {
    this.graph = graph;
    this.store = store;
    this.changeLog = changeLog;
    this.metamodel = metamodel;
    this.json = json;
    this.idRegistry = idRegistry;
    this.viewStore = viewStore;
  }

  /**
   * The view as the modeller reads it: its texts and version, every node and connection with its
   * version, the elements and relationships they show, and the change sequence number the read
   * reflects (where a browser starts following the change stream).
   *
   * @throws ProblemException 404 unknown model or view
   */
  public Map<String, Object> read(String modelId, String viewId) {
    return graph.read(tx -> read(tx, modelId, viewId));
  }

  private Map<String, Object> read(TransactionContext tx, String modelId, String viewId) {
    Map<String, Object> v = head(tx, modelId, viewId);
    Map<String, Object> p = Map.of("v", viewId);
    List<Map<String, Object>> nodeRows =
        new ArrayList<>(
            tx.run("MATCH (n:DiagramNode {viewId: $v}) RETURN properties(n) AS n", p)
                .list(r -> r.get("n").asMap()));
    List<Map<String, Object>> connectionRows =
        new ArrayList<>(
            tx.run("MATCH (c:DiagramConnection {viewId: $v}) RETURN properties(c) AS c", p)
                .list(r -> r.get("c").asMap()));
    java.util.Comparator<Map<String, Object>> byOrder =
        java.util.Comparator.comparingLong(
            r -> r.get("order") instanceof Number n ? n.longValue() : 0L);
    nodeRows.sort(byOrder);
    connectionRows.sort(byOrder);
    Set<String> elementIds = new HashSet<>();
    nodeRows.forEach(n -> elementIds.add(str(n, "elementRef")));
    elementIds.remove("");
    Set<String> relationshipIds = new HashSet<>();
    connectionRows.forEach(c -> relationshipIds.add(str(c, "relationshipRef")));
    relationshipIds.remove("");
    Map<String, Object> m = new LinkedHashMap<>(v);
    m.put("seq", store.currentSequence(tx));
    m.put("nodes", nodeRows.stream().map(this::nodeJson).toList());
    m.put("connections", connectionRows.stream().map(this::connectionJson).toList());
    Map<String, Object> elements = new java.util.TreeMap<>();
    store
        .elementsByIds(tx, elementIds)
        .forEach((id, e) -> elements.put(id, ConceptJson.element(e, metamodel)));
    Map<String, Object> relationships = new java.util.TreeMap<>();
    store
        .relationshipsByIds(tx, relationshipIds)
        .forEach((id, r) -> relationships.put(id, ConceptJson.relationship(r)));
    m.put("elements", elements);
    m.put("relationships", relationships);
    return m;
  }

  /** The views that show the element: id, name, English name, by name. */
  public List<Map<String, Object>> showing(String elementId) {
    return graph.read(tx -> viewStore.viewsShowing(tx, elementId));
  }

  /** The view's own fields; 404 when the model or the view is unknown. */
  private Map<String, Object> head(TransactionContext tx, String modelId, String viewId) {
    List<Map<String, Object>> rows =
        tx.run(
                "MATCH (v:View {id: $v, modelId: $m}) RETURN properties(v) AS v",
                Map.of("v", viewId, "m", modelId))
            .list(r -> r.get("v").asMap());
    if (rows.isEmpty()) {
      if (!store.modelExists(tx, modelId)) {
        throw ProblemException.notFound("model", modelId);
      }
      throw ProblemException.notFound("view", viewId);
    }
    Map<String, Object> v = rows.get(0);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", str(v, "id"));
    m.put("modelId", modelId);
    m.put("name", str(v, "name"));
    m.put("nameEn", str(v, "nameEn"));
    m.put("documentation", str(v, "documentation"));
    m.put("viewpoint", str(v, "viewpoint"));
    m.put("folderId", str(v, "folderId"));
    m.put("version", v.get("version") instanceof Number n ? n.longValue() : 1L);
    return m;
  }

  /** A view's texts, viewpoint and folder, as a request gives them. */
  public record ViewFields(
      String name, String nameEn, String documentation, String viewpoint, String folderId) {}

  static final Set<String> VIEW_FIELDS =
      Set.of(
          "id", "name", "nameEn", "documentation", "viewpoint", "folderId", "version", "modelId");

  /** Reads a view's fields over {@code base} (400 on malformed input). */
  static ViewFields readFields(JsonInput in, ViewFields base) {
    in.allowOnly(VIEW_FIELDS);
    return new ViewFields(
        in.text("name", base.name()).strip(),
        in.text("nameEn", base.nameEn()).strip(),
        in.text("documentation", base.documentation()),
        in.text("viewpoint", base.viewpoint()).strip(),
        in.text("folderId", base.folderId()).strip());
  }

  private List<Problem.Error> rules(TransactionContext tx, String modelId, ViewFields f) {
    List<Problem.Error> errors = new ArrayList<>();
    if (f.name().isEmpty()) {
      errors.add(Problem.Error.field("name", "required", "A view needs a name."));
    } else if (f.name().length() > Text.MAX_NAME || f.nameEn().length() > Text.MAX_NAME) {
      errors.add(
          Problem.Error.field(
              f.name().length() > Text.MAX_NAME ? "name" : "nameEn",
              "too-long",
              "A name may have at most " + Text.MAX_NAME + " characters."));
    }
    if (!f.viewpoint().isEmpty() && metamodel.viewpoint(f.viewpoint()).isEmpty()) {
      errors.add(
          Problem.Error.field(
              "viewpoint",
              "unknown-viewpoint",
              "'"
                  + f.viewpoint()
                  + "' is no ArchiMate 3.2 viewpoint; leave it empty or pick one of GET"
                  + " /api/metamodel (viewpoints)."));
    }
    if (!f.folderId().isEmpty()
        && !store.foldersByIds(tx, List.of(f.folderId())).containsKey(f.folderId())) {
      errors.add(
          Problem.Error.field(
              "folderId", "unknown-folder", "The model has no folder '" + f.folderId() + "'."));
    }
    return errors;
  }

  /**
   * Creates an empty view; an empty id asks for a new one.
   *
   * @throws ProblemException 404 unknown model, 422 broken rules
   */
  public Map<String, Object> create(String modelId, String id, ViewFields f, String actor) {
    return graph.write(
        tx -> {
          long seq = store.lockSequence(tx);
          if (!store.modelExists(tx, modelId)) {
            throw ProblemException.notFound("model", modelId);
          }
          List<Problem.Error> errors = rules(tx, modelId, f);
          String viewId = id.isEmpty() ? Text.newId() : id;
          if (!Text.isValidId(viewId)) {
            errors.add(
                Problem.Error.field(
                    "id",
                    "invalid-id",
                    "'"
                        + viewId
                        + "' is not a valid identifier; leave it out to have one chosen."));
          } else if (!idRegistry.taken(tx, List.of(viewId)).isEmpty()
              || !tx.run("MATCH (v:View {id: $id}) RETURN v.id", Map.of("id", viewId))
                  .list()
                  .isEmpty()) {
            errors.add(
                Problem.Error.field(
                    "id",
                    "id-taken",
                    "The id '" + viewId + "' is already used; choose another or leave it out."));
          }
          if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                "The view cannot be created; nothing was changed.", errors);
          }
          List<Change> changes = new ArrayList<>();
          long last =
              viewStore.create(
                  tx,
                  modelId,
                  List.of(
                      new ViewDefinition(
                          viewId,
                          f.name(),
                          f.nameEn(),
                          f.documentation(),
                          f.viewpoint(),
                          f.folderId(),
                          List.of(),
                          List.of(),
                          List.of())),
                  actor,
                  Instant.now(),
                  seq,
                  changes);
          store.setSequence(tx, last);
          changeLog.write(tx, changes);
          return read(tx, modelId, viewId);
        });
  }

  /**
   * Changes a view's texts, viewpoint or folder if it is still at {@code expectedVersion}.
   *
   * @throws ProblemException 404, 409 (with the current view), 422
   */
  public Map<String, Object> update(
      String modelId,
      String viewId,
      long expectedVersion,
      java.util.function.Function<ViewFields, ViewFields> change,
      String actor) {
    return graph.write(
        tx -> {
          long seq = store.lockSequence(tx);
          Map<String, Object> current = head(tx, modelId, viewId);
          checkVersion(current, expectedVersion, viewId);
          ViewFields f =
              change.apply(
                  new ViewFields(
                      str(current, "name"),
                      str(current, "nameEn"),
                      str(current, "documentation"),
                      str(current, "viewpoint"),
                      str(current, "folderId")));
          List<Problem.Error> errors = rules(tx, modelId, f);
          if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                "The view cannot be changed; nothing was changed.", errors);
          }
          long version = (Long) current.get("version") + 1;
          Instant now = Instant.now();
          Map<String, Object> p = new HashMap<>();
          p.put("v", viewId);
          p.put("name", f.name());
          p.put("nameEn", f.nameEn());
          p.put("documentation", f.documentation());
          p.put("viewpoint", f.viewpoint());
          p.put("folderId", f.folderId().isEmpty() ? null : f.folderId());
          p.put("version", version);
          p.put("now", GraphMapping.time(now));
          tx.run(
                  "MATCH (v:View {id: $v}) SET v.name = $name, v.nameEn = $nameEn,"
                      + " v.documentation = $documentation, v.viewpoint = $viewpoint,"
                      + " v.folderId = $folderId, v.version = $version, v.updatedAt = $now",
                  p)
              .consume();
          Map<String, Object> after = new LinkedHashMap<>(current);
          after.put("name", f.name());
          after.put("nameEn", f.nameEn());
          after.put("documentation", f.documentation());
          after.put("viewpoint", f.viewpoint());
          after.put("folderId", f.folderId());
          after.put("version", version);
          store.setSequence(tx, seq + 1);
          changeLog.write(
              tx,
              List.of(
                  new Change(
                      seq + 1,
                      now,
                      actor,
                      "update",
                      ConceptKind.VIEW.label(),
                      modelId,
                      viewId,
                      toJson(current),
                      toJson(after),
                      "")));
          return read(tx, modelId, viewId);
        });
  }

  /**
   * Deletes a view (its nodes and connections; the model's elements stay) if it is still at {@code
   * expectedVersion}.
   */
  public long delete(String modelId, String viewId, long expectedVersion, String actor) {
    return graph.write(
        tx -> {
          long seq = store.lockSequence(tx);
          Map<String, Object> current = head(tx, modelId, viewId);
          checkVersion(current, expectedVersion, viewId);
          List<Change> changes = new ArrayList<>();
          long last =
              viewStore.delete(tx, modelId, List.of(viewId), actor, Instant.now(), seq, changes);
          store.setSequence(tx, last);
          changeLog.write(tx, changes);
          return last;
        });
  }

  private static void checkVersion(Map<String, Object> current, long expected, String viewId) {
    long version = (Long) current.get("version");
    if (expected != version) {
      throw ProblemException.conflict(
          "The view '"
              + viewId
              + "' changed since you read it (version "
              + expected
              + ", now "
              + version
              + "); nothing was changed. Read it again and repeat your change.",
          List.of(
              new Problem.Error(
                  null,
                  viewId,
                  null,
                  "stale-version",
                  "You read version " + expected + "; it is at version " + version + " now.")),
          current);
    }
  }

  // ---- JSON of stored diagram objects -----------------------------------------------------------

  /** A stored diagram node as the API shows it. */
  Map<String, Object> nodeJson(Map<String, Object> n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", str(n, "id"));
    m.put("parentId", str(n, "parentId"));
    m.put("kind", str(n, "kind"));
    m.put("elementId", str(n, "elementRef"));
    m.put("label", str(n, "label"));
    m.put("labelEn", str(n, "labelEn"));
    m.put("x", num(n, "x"));
    m.put("y", num(n, "y"));
    m.put("w", num(n, "w"));
    m.put("h", num(n, "h"));
    m.put("style", style(n));
    m.put("version", n.get("version") instanceof Number v ? v.longValue() : 1L);
    return m;
  }

  /** A stored connection as the API shows it. */
  Map<String, Object> connectionJson(Map<String, Object> c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", str(c, "id"));
    m.put("relationshipId", str(c, "relationshipRef"));
    m.put("sourceId", str(c, "sourceRef"));
    m.put("targetId", str(c, "targetRef"));
    List<List<Long>> points = new ArrayList<>();
    if (c.get("bendpoints") instanceof List<?> l) {
      for (int i = 0; i + 1 < l.size(); i += 2) {
        points.add(List.of(((Number) l.get(i)).longValue(), ((Number) l.get(i + 1)).longValue()));
      }
    }
    m.put("bendpoints", points);
    m.put("style", style(c));
    m.put("version", c.get("version") instanceof Number v ? v.longValue() : 1L);
    return m;
  }

  private Map<String, Object> style(Map<String, Object> row) {
    Object s = row.get("style");
    if (s == null) {
      return Map.of();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = json.readValue(s.toString(), Map.class);
      return m;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable style of diagram object " + row.get("id"), e);
    }
  }

  static List<Long> flat(List<int[]> points) {
    List<Long> flat = new ArrayList<>(points.size() * 2);
    for (int[] p : points) {
      flat.add((long) p[0]);
      flat.add((long) p[1]);
    }
    return flat;
  }

  static String str(Map<String, Object> m, String k) {
    Object v = m == null ? null : m.get(k);
    return v == null ? "" : v.toString();
  }

  private static long num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v instanceof Number n ? n.longValue() : 0L;
  }

  String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a change", e);
    }
  }
}
