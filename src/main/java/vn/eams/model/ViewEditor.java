package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
import org.neo4j.driver.TransactionContext;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ViewEdits.AddConnection;
import vn.eams.model.ViewEdits.AddNode;
import vn.eams.model.ViewEdits.ConnectionPatch;
import vn.eams.model.ViewEdits.ConnectionSpec;
import vn.eams.model.ViewEdits.CreateElement;
import vn.eams.model.ViewEdits.CreateRelationship;
import vn.eams.model.ViewEdits.Edit;
import vn.eams.model.ViewEdits.NodePatch;
import vn.eams.model.ViewEdits.NodeSpec;
import vn.eams.model.ViewEdits.RemoveConnection;
import vn.eams.model.ViewEdits.RemoveNode;
import vn.eams.model.ViewEdits.UpdateConnection;
import vn.eams.model.ViewEdits.UpdateNode;
import vn.eams.platform.Graph;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Edits one view through the modeller: diagram objects added, moved, resized, nested, reconnected
 * and removed, and the elements and relationships created from the canvas, all or nothing in one
 * transaction and logged as one change. Every diagram object carries a version, so that two
 * architects moving the same box never overwrite each other silently (409 with the current state).
 */
@ApplicationScoped
public class ViewEditor {

  private final Graph graph;
  private final ModelStore store;
  private final ModelService service;
  private final ChangeLog changeLog;
  private final Metamodel metamodel;
  private final IdRegistry idRegistry;
  private final Views views;

  ViewEditor(
      Graph graph,
      ModelStore store,
      ModelService service,
      ChangeLog changeLog,
      Metamodel metamodel,
      IdRegistry idRegistry,
      Views views) {
    this.graph = graph;
    this.store = store;
    this.service = service;
    this.changeLog = changeLog;
    this.metamodel = metamodel;
    this.idRegistry = idRegistry;
    this.views = views;
  }

  // ---- applying them ---------------------------------------------------------------------------

  /** What an edit wrote: the view's new version, the change's sequence number and the objects. */
  public record Result(
      long version,
      long seq,
      List<Map<String, Object>> nodes,
      List<Map<String, Object>> connections,
      List<String> removedNodes,
      List<String> removedConnections,
      Map<String, Object> elements,
      Map<String, Object> relationships) {

    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", version);
      m.put("seq", seq);
      m.put("nodes", nodes);
      m.put("connections", connections);
      m.put("removedNodes", removedNodes);
      m.put("removedConnections", removedConnections);
      m.put("elements", elements);
      m.put("relationships", relationships);
      return m;
    }
  }

  /**
   * Applies the edits to the view, all or nothing.
   *
   * @throws ProblemException 404 unknown model or view, 409 stale or vanished diagram objects (with
   *     their current state), 422 broken rules, each listing every problem found
   */
  public Result apply(String modelId, String viewId, List<Edit> edits, String actor) {
    return graph.write(tx -> new Run(tx, modelId, viewId, actor).apply(edits));
  }

  /** One edit request in its transaction. */
  private final class Run {
    private final TransactionContext tx;
    private final String modelId;
    private final String viewId;
    private final String actor;
    private final Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> connections = new LinkedHashMap<>();
    private final Set<String> upsertedNodes = new LinkedHashSet<>();
    private final Set<String> upsertedConnections = new LinkedHashSet<>();
    private final Set<String> removedNodes = new LinkedHashSet<>();
    private final Set<String> removedConnections = new LinkedHashSet<>();
    private final Map<String, Map<String, Object>> before = new LinkedHashMap<>();
    private final List<Map<String, Object>> logged = new ArrayList<>();
    private final List<Problem.Error> errors = new ArrayList<>();
    private final List<Problem.Error> conflicts = new ArrayList<>();
    private final Map<String, String> elementTypes = new HashMap<>();
    private final Map<String, String[]> relationshipEnds = new HashMap<>();
    private final Set<String> newIds = new HashSet<>();
    private long order;

    Run(TransactionContext tx, String modelId, String viewId, String actor) {
      this.tx = tx;
      this.modelId = modelId;
      this.viewId = viewId;
      this.actor = actor;
    }

    Result apply(List<Edit> edits) {
      store.lockSequence(tx);
      List<org.neo4j.driver.Record> head =
          tx.run(
                  "MATCH (v:View {id: $v, modelId: $m}) RETURN v.version AS version",
                  Map.of("v", viewId, "m", modelId))
              .list();
      if (head.isEmpty()) {
        if (!store.modelExists(tx, modelId)) {
          throw ProblemException.notFound("model", modelId);
        }
        throw ProblemException.notFound("view", viewId);
      }
      long viewVersion = head.get(0).get("version").asLong(1);
      load(edits);
      Map<String, Object> createdElements = new LinkedHashMap<>();
      Map<String, Object> createdRelationships = new LinkedHashMap<>();
      createConcepts(edits, createdElements, createdRelationships);
      lookUpConcepts(edits);
      reserveIds(edits);
      for (Edit e : edits) {
        apply(e);
      }
      if (!conflicts.isEmpty()) {
        Map<String, Object> current = new LinkedHashMap<>();
        current.put("version", viewVersion);
        current.put(
            "nodes",
            conflictIds().stream().filter(nodes::containsKey).map(id -> nodeJson(id)).toList());
        current.put(
            "connections",
            conflictIds().stream()
                .filter(connections::containsKey)
                .map(id -> connectionJson(id))
                .toList());
        throw ProblemException.conflict(
            "Another architect changed or removed these diagram objects since you read them;"
                + " nothing was changed. 'current' holds their state now: apply your edit to it"
                + " or keep theirs.",
            conflicts,
            current);
      }
      if (!errors.isEmpty()) {
        throw ProblemException.invalid(
            "The edit breaks a diagram rule; nothing was changed.", errors);
      }
      return write(viewVersion + 1, createdElements, createdRelationships);
    }

    private void apply(Edit e) {
      if (e instanceof CreateElement c) {
        addNode(c.index(), c.node(), c.elementId(), ".node");
      } else if (e instanceof AddNode a) {
        addNode(a.index(), a.node(), a.node() == null ? "" : a.node().elementId(), ".node");
      } else if (e instanceof UpdateNode u) {
        updateNode(u);
      } else if (e instanceof RemoveNode r) {
        removeNode(r.index(), r.id(), r.version());
      } else if (e instanceof CreateRelationship c) {
        if (c.connection() != null) {
          addConnection(c.index(), c.connection(), c.relationshipId(), ".connection");
        }
      } else if (e instanceof AddConnection a) {
        addConnection(a.index(), a.connection(), a.connection().relationshipId(), ".connection");
      } else if (e instanceof UpdateConnection u) {
        updateConnection(u);
      } else if (e instanceof RemoveConnection r) {
        removeConnection(r.index(), r.id(), r.version());
      }
    }

    private List<String> conflictIds() {
      return conflicts.stream().map(Problem.Error::id).distinct().toList();
    }

    /**
     * Reads the view's objects the edit needs: all of them when it removes something (what goes
     * with a node is found among them), otherwise only those it names, with the ancestors of the
     * nodes it nests into (a large view is not read whole to move one box).
     */
    private void load(List<Edit> edits) {
      boolean removes =
          edits.stream().anyMatch(e -> e instanceof RemoveNode || e instanceof RemoveConnection);
      if (removes) {
        loadWhere("x.viewId = $v", Map.of("v", viewId));
      } else {
        Set<String> ids = new HashSet<>();
        for (Edit e : edits) {
          named(e, ids);
        }
        ids.remove("");
        Set<String> wanted = ids;
        // the nodes nested into, up to the top, for the nesting-cycle check
        while (!wanted.isEmpty()) {
          loadWhere(
              "x.id IN $ids AND x.viewId = $v", Map.of("v", viewId, "ids", List.copyOf(wanted)));
          Set<String> parents = new HashSet<>();
          for (String id : wanted) {
            String parent = Views.str(nodes.get(id), "parentId");
            if (!parent.isEmpty() && !nodes.containsKey(parent)) {
              parents.add(parent);
            }
          }
          wanted = parents;
        }
      }
      boolean adds =
          edits.stream()
              .anyMatch(
                  e ->
                      e instanceof AddNode
                          || e instanceof CreateElement
                          || e instanceof AddConnection
                          || (e instanceof CreateRelationship c && c.connection() != null));
      if (adds && !removes) {
        order =
            tx
                .run(
                    "OPTIONAL MATCH (n:DiagramNode {viewId: $v}) WITH max(n.order) AS a"
                        + " OPTIONAL MATCH (c:DiagramConnection {viewId: $v})"
                        + " RETURN a, max(c.order) AS b",
                    Map.of("v", viewId))
                .single()
                .values()
                .stream()
                .mapToLong(v -> v.isNull() ? 0 : v.asLong())
                .max()
                .orElse(0);
      }
    }

    /** The ids of diagram objects an operation names (itself, its parent, its ends). */
    private void named(Edit e, Set<String> ids) {
      if (e instanceof CreateElement c && c.node() != null) {
        ids.add(c.node().parentId());
      } else if (e instanceof AddNode a && a.node() != null) {
        ids.add(a.node().parentId());
      } else if (e instanceof UpdateNode u) {
        ids.add(u.id());
        if (u.patch().parentId() != null) {
          ids.add(u.patch().parentId());
        }
      } else if (e instanceof CreateRelationship c && c.connection() != null) {
        ids.add(c.connection().sourceId());
        ids.add(c.connection().targetId());
      } else if (e instanceof AddConnection a) {
        ids.add(a.connection().sourceId());
        ids.add(a.connection().targetId());
      } else if (e instanceof UpdateConnection u) {
        ids.add(u.id());
        if (u.patch().sourceId() != null) {
          ids.add(u.patch().sourceId());
        }
        if (u.patch().targetId() != null) {
          ids.add(u.patch().targetId());
        }
      }
    }

    private void loadWhere(String where, Map<String, Object> p) {
      tx.run("MATCH (x:DiagramNode) WHERE " + where + " RETURN properties(x) AS n", p)
          .forEachRemaining(
              r -> {
                Map<String, Object> n = new HashMap<>(r.get("n").asMap());
                nodes.put((String) n.get("id"), n);
                order = Math.max(order, n.get("order") instanceof Number o ? o.longValue() : 0);
              });
      tx.run("MATCH (x:DiagramConnection) WHERE " + where + " RETURN properties(x) AS c", p)
          .forEachRemaining(
              r -> {
                Map<String, Object> c = new HashMap<>(r.get("c").asMap());
                connections.put((String) c.get("id"), c);
                order = Math.max(order, c.get("order") instanceof Number o ? o.longValue() : 0);
              });
    }

    /** Runs the model operations of the edit (new elements, relationships) in this transaction. */
    private void createConcepts(
        List<Edit> edits, Map<String, Object> elements, Map<String, Object> relationships) {
      List<ModelOperation> ops = new ArrayList<>();
      List<Edit> from = new ArrayList<>();
      for (Edit e : edits) {
        if (e instanceof CreateElement c) {
          ops.add(new ModelOperation.CreateElement(c.elementId(), c.data()));
          from.add(e);
        } else if (e instanceof CreateRelationship c) {
          ops.add(new ModelOperation.CreateRelationship(c.relationshipId(), c.data()));
          from.add(e);
        }
      }
      if (ops.isEmpty()) {
        return;
      }
      ChangeResult result;
      try {
        result = service.applyIn(tx, modelId, ops, actor);
      } catch (ProblemException p) {
        throw renamed(p, from);
      }
      List<String> elementIds = new ArrayList<>();
      List<String> relationshipIds = new ArrayList<>();
      for (ChangeResult.Applied a : result.applied()) {
        Edit e = from.get(a.index());
        // the ids the service chose, for the diagram operations that follow
        int at = edits.indexOf(e);
        if (e instanceof CreateElement c) {
          edits.set(at, new CreateElement(c.index(), a.id(), c.data(), c.node()));
          elementIds.add(a.id());
        } else if (e instanceof CreateRelationship c) {
          edits.set(at, new CreateRelationship(c.index(), a.id(), c.data(), c.connection()));
          relationshipIds.add(a.id());
        }
      }
      store
          .elementsByIds(tx, elementIds)
          .forEach((id, el) -> elements.put(id, ConceptJson.element(el, metamodel)));
      store
          .relationshipsByIds(tx, relationshipIds)
          .forEach((id, r) -> relationships.put(id, ConceptJson.relationship(r)));
    }

    /** The service's errors name its own operation list; point them at this request's. */
    private ProblemException renamed(ProblemException p, List<Edit> from) {
      Problem problem = p.toProblem();
      List<Problem.Error> errors = new ArrayList<>();
      for (Problem.Error e : problem.errors()) {
        String f = e.field();
        if (f != null && f.startsWith("operations[")) {
          int close = f.indexOf(']');
          int k = Integer.parseInt(f.substring("operations[".length(), close));
          Edit edit = from.get(k);
          String inner = edit instanceof CreateElement ? ".element" : ".relationship";
          f = "operations[" + edit.index() + "]" + inner + f.substring(close + 1);
        }
        errors.add(new Problem.Error(f, e.id(), e.line(), e.code(), e.message()));
      }
      return new ProblemException(
          p.status(),
          problem.type().substring(problem.type().lastIndexOf(':') + 1),
          problem.title(),
          problem.detail(),
          errors,
          problem.current());
    }

    /** Types of the elements and ends of the relationships the edit shows. */
    private void lookUpConcepts(List<Edit> edits) {
      Set<String> elementIds = new HashSet<>();
      Set<String> relationshipIds = new HashSet<>();
      for (Edit e : edits) {
        if (e instanceof CreateElement c) {
          elementIds.add(c.elementId());
        } else if (e instanceof AddNode a && a.node() != null) {
          elementIds.add(a.node().elementId());
        } else if (e instanceof CreateRelationship c) {
          relationshipIds.add(c.relationshipId());
        } else if (e instanceof AddConnection a) {
          relationshipIds.add(a.connection().relationshipId());
        }
      }
      elementIds.remove("");
      relationshipIds.remove("");
      store
          .elementsByIds(tx, elementIds)
          .forEach(
              (id, el) -> {
                if (el.modelId().equals(modelId)) {
                  elementTypes.put(id, el.data().type());
                }
              });
      store
          .relationshipsByIds(tx, relationshipIds)
          .forEach(
              (id, r) -> {
                if (r.modelId().equals(modelId)) {
                  relationshipEnds.put(id, new String[] {r.data().sourceId(), r.data().targetId()});
                }
              });
    }

    /** Gives new diagram objects their ids; checks that chosen ones are free. */
    private void reserveIds(List<Edit> edits) {
      Map<String, String> wanted = new LinkedHashMap<>();
      for (Edit e : edits) {
        String id = null;
        if (e instanceof CreateElement c && c.node() != null) {
          id = c.node().id();
        } else if (e instanceof AddNode a && a.node() != null) {
          id = a.node().id();
        } else if (e instanceof CreateRelationship c && c.connection() != null) {
          id = c.connection().id();
        } else if (e instanceof AddConnection a) {
          id = a.connection().id();
        }
        if (id == null || id.isEmpty()) {
          continue;
        }
        String where = "operations[" + e.index() + "]";
        if (!Text.isValidId(id)) {
          errors.add(
              Problem.Error.field(
                  where,
                  "invalid-id",
                  "The id '"
                      + id
                      + "' is not a valid identifier (a letter or _ first, then letters, digits,"
                      + " '-', '_' or '.'); leave it out to have one chosen."));
        } else if (wanted.put(id, where) != null) {
          errors.add(
              Problem.Error.field(
                  where, "duplicate-id", "The id '" + id + "' is used twice in this edit."));
        }
      }
      if (wanted.isEmpty()) {
        return;
      }
      List<String> taken =
          tx.run(
                  "UNWIND $ids AS id OPTIONAL MATCH (n:DiagramNode {id: id}) OPTIONAL MATCH"
                      + " (c:DiagramConnection {id: id}) WITH id, n, c WHERE n IS NOT NULL OR c"
                      + " IS NOT NULL RETURN id",
                  Map.of("ids", List.copyOf(wanted.keySet())))
              .list(r -> r.get("id").asString());
      Set<String> all = new HashSet<>(taken);
      all.addAll(idRegistry.taken(tx, wanted.keySet()));
      for (String id : all) {
        errors.add(
            Problem.Error.field(
                wanted.get(id),
                "id-taken",
                "The id '" + id + "' is already used; choose another or leave it out."));
      }
      newIds.addAll(wanted.keySet());
    }

    private void addNode(int i, NodeSpec spec, String elementId, String inner) {
      if (spec == null) {
        return;
      }
      String where = "operations[" + i + "]" + inner;
      String id = spec.id().isEmpty() ? Text.newId() : spec.id();
      if (nodes.containsKey(id)) {
        errors.add(
            Problem.Error.field(
                where + ".id", "id-taken", "The view already has an object '" + id + "'."));
        return;
      }
      if (spec.kind().equals("element")) {
        if (elementId.isEmpty()) {
          errors.add(
              Problem.Error.field(
                  where + ".elementId",
                  "required",
                  "An element node needs the id of the element it shows."));
          return;
        }
        String type = elementTypes.get(elementId);
        if (type == null) {
          errors.add(
              Problem.Error.field(
                  where + ".elementId",
                  "unknown-element",
                  "The model has no element '" + elementId + "'; it may have been deleted."));
          return;
        }
      } else if (!elementId.isEmpty()) {
        errors.add(
            Problem.Error.field(
                where + ".elementId",
                "not-an-element-node",
                "A " + spec.kind() + " shows no element; leave elementId out."));
      }
      if (!spec.parentId().isEmpty() && !nodes.containsKey(spec.parentId())) {
        errors.add(
            Problem.Error.field(
                where + ".parentId",
                "unknown-parent",
                "The view has no object '" + spec.parentId() + "' to nest in."));
        return;
      }
      if (!checkTexts(where, spec.label(), spec.labelEn())) {
        return;
      }
      Map<String, Object> n = new HashMap<>();
      n.put("id", id);
      n.put("viewId", viewId);
      n.put("modelId", modelId);
      n.put("parentId", spec.parentId());
      n.put("kind", spec.kind());
      if (spec.kind().equals("element")) {
        n.put("elementRef", elementId);
      }
      n.put("label", spec.label());
      n.put("labelEn", spec.labelEn());
      n.put("x", (long) spec.x());
      n.put("y", (long) spec.y());
      n.put("w", (long) spec.w());
      n.put("h", (long) spec.h());
      putStyle(n, spec.style(), where);
      n.put("order", ++order);
      n.put("version", 1L);
      nodes.put(id, n);
      removedNodes.remove(id);
      upsertedNodes.add(id);
      logged.add(Map.of("op", "upsertNode", "id", id));
    }

    private boolean checkTexts(String where, String label, String labelEn) {
      boolean ok = true;
      for (String[] t : List.of(new String[] {"label", label}, new String[] {"labelEn", labelEn})) {
        if (t[1] != null && t[1].length() > 10 * Text.MAX_NAME) {
          errors.add(
              Problem.Error.field(
                  where + "." + t[0],
                  "too-long",
                  "A label may have at most " + 10 * Text.MAX_NAME + " characters."));
          ok = false;
        }
      }
      return ok;
    }

    private void putStyle(Map<String, Object> row, Map<String, Object> style, String where) {
      if (style == null) {
        return;
      }
      ViewDefinition.Style s;
      try {
        s = ViewDefinition.Style.fromMap(style);
      } catch (RuntimeException e) {
        errors.add(
            Problem.Error.field(
                where + ".style",
                "invalid-style",
                "The style cannot be read: "
                    + e.getMessage()
                    + " (colours as #rrggbb, alphas 0–100, sizes as numbers)."));
        return;
      }
      if (s.isEmpty()) {
        row.remove("style");
      } else {
        row.put("style", views.toJson(s.toMap()));
      }
    }

    /** The object as it stands, for a conflict, or a note that it was removed. */
    private boolean stale(int i, String id, long version, Map<String, Object> row, String what) {
      String where = "operations[" + i + "]";
      if (row == null) {
        conflicts.add(
            new Problem.Error(
                where,
                id,
                null,
                "gone",
                "The "
                    + what
                    + " '"
                    + id
                    + "' is no longer on the view: another architect removed it."));
        return true;
      }
      long current = row.get("version") instanceof Number v ? v.longValue() : 1L;
      if (version >= 0 && version != current && !upserted(id)) {
        conflicts.add(
            new Problem.Error(
                where,
                id,
                null,
                "stale-version",
                "You edited version "
                    + version
                    + " of the "
                    + what
                    + " '"
                    + id
                    + "'; it is at version "
                    + current
                    + " now."));
        return true;
      }
      return false;
    }

    private void removedEarlier(int i, String id, String what) {
      errors.add(
          Problem.Error.field(
              "operations[" + i + "]",
              "removed",
              "The " + what + " '" + id + "' is removed earlier in this edit."));
    }

    private boolean upserted(String id) {
      return upsertedNodes.contains(id) || upsertedConnections.contains(id);
    }

    private void updateNode(UpdateNode u) {
      Map<String, Object> n = nodes.get(u.id());
      if (removedNodes.contains(u.id())) {
        removedEarlier(u.index(), u.id(), "node");
        return;
      }
      if (stale(u.index(), u.id(), u.version(), n, "node")) {
        return;
      }
      String where = "operations[" + u.index() + "].node";
      NodePatch p = u.patch();
      before.putIfAbsent(u.id(), nodeJson(u.id()));
      if (p.parentId() != null && !p.parentId().equals(Views.str(n, "parentId"))) {
        String parent = p.parentId();
        if (!parent.isEmpty() && (!nodes.containsKey(parent) || removedNodes.contains(parent))) {
          errors.add(
              Problem.Error.field(
                  where + ".parentId",
                  "unknown-parent",
                  "The view has no object '" + parent + "' to nest in."));
          return;
        }
        for (String a = parent; !a.isEmpty(); a = Views.str(nodes.get(a), "parentId")) {
          if (a.equals(u.id())) {
            errors.add(
                Problem.Error.field(
                    where + ".parentId",
                    "nesting-cycle",
                    "A node cannot be nested in itself or in one of the nodes nested in it."));
            return;
          }
        }
        n.put("parentId", parent);
      }
      if (p.x() != null) {
        n.put("x", (long) p.x());
      }
      if (p.y() != null) {
        n.put("y", (long) p.y());
      }
      if (p.w() != null) {
        n.put("w", (long) p.w());
      }
      if (p.h() != null) {
        n.put("h", (long) p.h());
      }
      if (!checkTexts(where, p.label(), p.labelEn())) {
        return;
      }
      if (p.label() != null) {
        n.put("label", p.label());
      }
      if (p.labelEn() != null) {
        n.put("labelEn", p.labelEn());
      }
      putStyle(n, p.style(), where);
      bump(n, upsertedNodes, u.id());
      logged.add(Map.of("op", "upsertNode", "id", u.id()));
    }

    /** Raises the object's version once per edit. */
    private void bump(Map<String, Object> row, Set<String> upserted, String id) {
      if (upserted.add(id)) {
        long v = row.get("version") instanceof Number n ? n.longValue() : 1L;
        row.put("version", v + 1);
      }
    }

    private void removeNode(int i, String id, long version) {
      Map<String, Object> n = nodes.get(id);
      if (removedNodes.contains(id) || stale(i, id, version, n, "node")) {
        return;
      }
      // the node, the nodes nested in it, and every connection that touches one of them
      Deque<String> todo = new ArrayDeque<>(List.of(id));
      Map<String, List<String>> children = new HashMap<>();
      nodes.forEach(
          (k, v) ->
              children.computeIfAbsent(Views.str(v, "parentId"), x -> new ArrayList<>()).add(k));
      while (!todo.isEmpty()) {
        String k = todo.pop();
        if (removedNodes.add(k)) {
          before.putIfAbsent(k, nodeJson(k));
          upsertedNodes.remove(k);
          logged.add(Map.of("op", "removeNode", "id", k));
          todo.addAll(children.getOrDefault(k, List.of()));
        }
      }
      removeDanglingConnections();
    }

    private void removeDanglingConnections() {
      boolean more = true;
      while (more) {
        more = false;
        for (Map.Entry<String, Map<String, Object>> en : connections.entrySet()) {
          String cid = en.getKey();
          if (removedConnections.contains(cid)) {
            continue;
          }
          String s = Views.str(en.getValue(), "sourceRef");
          String t = Views.str(en.getValue(), "targetRef");
          if (removedNodes.contains(s)
              || removedNodes.contains(t)
              || removedConnections.contains(s)
              || removedConnections.contains(t)) {
            dropConnection(cid);
            more = true;
          }
        }
      }
    }

    private void dropConnection(String cid) {
      removedConnections.add(cid);
      before.putIfAbsent(cid, connectionJson(cid));
      upsertedConnections.remove(cid);
      logged.add(Map.of("op", "removeConnection", "id", cid));
    }

    /** The element a connection end shows: a node's element, or a connection's relationship. */
    private String endConcept(String objectId) {
      Map<String, Object> n = nodes.get(objectId);
      if (n != null) {
        return Views.str(n, "elementRef");
      }
      Map<String, Object> c = connections.get(objectId);
      return c == null ? null : Views.str(c, "relationshipRef");
    }

    private boolean present(String objectId) {
      return (nodes.containsKey(objectId) && !removedNodes.contains(objectId))
          || (connections.containsKey(objectId) && !removedConnections.contains(objectId));
    }

    private void addConnection(int i, ConnectionSpec spec, String relationshipId, String inner) {
      String where = "operations[" + i + "]" + inner;
      String id = spec.id().isEmpty() ? Text.newId() : spec.id();
      if (connections.containsKey(id) || nodes.containsKey(id)) {
        errors.add(
            Problem.Error.field(
                where + ".id", "id-taken", "The view already has an object '" + id + "'."));
        return;
      }
      if (!checkEnds(where, relationshipId, spec.sourceId(), spec.targetId())) {
        return;
      }
      Map<String, Object> c = new HashMap<>();
      c.put("id", id);
      c.put("viewId", viewId);
      c.put("modelId", modelId);
      c.put("relationshipRef", relationshipId);
      c.put("sourceRef", spec.sourceId());
      c.put("targetRef", spec.targetId());
      c.put("bendpoints", Views.flat(spec.bendpoints()));
      putStyle(c, spec.style(), where);
      c.put("order", ++order);
      c.put("version", 1L);
      connections.put(id, c);
      removedConnections.remove(id);
      upsertedConnections.add(id);
      logged.add(Map.of("op", "upsertConnection", "id", id));
    }

    /** Whether the connection's ends are on the view and show the relationship's ends. */
    private boolean checkEnds(String where, String relationshipId, String source, String target) {
      boolean ok = true;
      for (String[] end :
          List.of(new String[] {"sourceId", source}, new String[] {"targetId", target})) {
        if (!present(end[1])) {
          errors.add(
              Problem.Error.field(
                  where + "." + end[0],
                  "unknown-end",
                  "The view has no object '" + end[1] + "' to connect."));
          ok = false;
        }
      }
      if (!ok) {
        return false;
      }
      if (relationshipId.isEmpty()) {
        // a plain line means nothing in the model: it joins a note or a group to something
        boolean annotation =
            !Views.str(nodes.getOrDefault(source, Map.of()), "kind").equals("element")
                    && nodes.containsKey(source)
                || !Views.str(nodes.getOrDefault(target, Map.of()), "kind").equals("element")
                    && nodes.containsKey(target);
        if (!annotation) {
          errors.add(
              Problem.Error.field(
                  where + ".relationshipId",
                  "line-needs-note",
                  "A plain line joins a note or a group to another object; between elements"
                      + " draw a relationship."));
          return false;
        }
        return true;
      }
      String[] ends = relationshipEnds.get(relationshipId);
      if (ends == null) {
        errors.add(
            Problem.Error.field(
                where + ".relationshipId",
                "unknown-relationship",
                "The model has no relationship '"
                    + relationshipId
                    + "'; it may have been deleted."));
        return false;
      }
      if (!ends[0].equals(endConcept(source)) || !ends[1].equals(endConcept(target))) {
        errors.add(
            Problem.Error.field(
                where,
                "ends-mismatch",
                "The connection must run from an object showing '"
                    + ends[0]
                    + "' to one showing '"
                    + ends[1]
                    + "', the relationship's source and target."));
        return false;
      }
      return true;
    }

    private void updateConnection(UpdateConnection u) {
      Map<String, Object> c = connections.get(u.id());
      if (removedConnections.contains(u.id())) {
        removedEarlier(u.index(), u.id(), "connection");
        return;
      }
      if (stale(u.index(), u.id(), u.version(), c, "connection")) {
        return;
      }
      String where = "operations[" + u.index() + "].connection";
      ConnectionPatch p = u.patch();
      before.putIfAbsent(u.id(), connectionJson(u.id()));
      if (p.sourceId() != null || p.targetId() != null) {
        String s = p.sourceId() == null ? Views.str(c, "sourceRef") : p.sourceId();
        String t = p.targetId() == null ? Views.str(c, "targetRef") : p.targetId();
        if (!checkEnds(where, Views.str(c, "relationshipRef"), s, t)) {
          return;
        }
        c.put("sourceRef", s);
        c.put("targetRef", t);
      }
      if (p.bendpoints() != null) {
        c.put("bendpoints", Views.flat(p.bendpoints()));
      }
      putStyle(c, p.style(), where);
      bump(c, upsertedConnections, u.id());
      logged.add(Map.of("op", "upsertConnection", "id", u.id()));
    }

    private void removeConnection(int i, String id, long version) {
      Map<String, Object> c = connections.get(id);
      if (removedConnections.contains(id) || stale(i, id, version, c, "connection")) {
        return;
      }
      dropConnection(id);
      removeDanglingConnections();
    }

    private Result write(
        long viewVersion,
        Map<String, Object> createdElements,
        Map<String, Object> createdRelationships) {
      Instant now = Instant.now();
      List<Map<String, Object>> nodeRows =
          upsertedNodes.stream().filter(id -> !removedNodes.contains(id)).map(nodes::get).toList();
      List<Map<String, Object>> connectionRows =
          upsertedConnections.stream()
              .filter(id -> !removedConnections.contains(id))
              .map(connections::get)
              .toList();
      List<String> goneNodes = removedNodes.stream().filter(id -> !newIds.contains(id)).toList();
      List<String> goneConnections =
          removedConnections.stream().filter(id -> !newIds.contains(id)).toList();
      if (!goneConnections.isEmpty()) {
        tx.run(
                "MATCH (c:DiagramConnection {viewId: $v}) WHERE c.id IN $ids DELETE c",
                Map.of("v", viewId, "ids", goneConnections))
            .consume();
      }
      if (!goneNodes.isEmpty()) {
        tx.run(
                "MATCH (n:DiagramNode {viewId: $v}) WHERE n.id IN $ids DELETE n",
                Map.of("v", viewId, "ids", goneNodes))
            .consume();
      }
      if (!nodeRows.isEmpty()) {
        tx.run(
                "UNWIND $rows AS r MERGE (n:DiagramNode {id: r.id}) SET n = r",
                Map.of("rows", nodeRows))
            .consume();
      }
      if (!connectionRows.isEmpty()) {
        tx.run(
                "UNWIND $rows AS r MERGE (c:DiagramConnection {id: r.id}) SET c = r",
                Map.of("rows", connectionRows))
            .consume();
      }
      tx.run(
              "MATCH (v:View {id: $v}) SET v.version = $version, v.updatedAt = $now",
              Map.of("v", viewId, "version", viewVersion, "now", GraphMapping.time(now)))
          .consume();
      List<Map<String, Object>> nodesOut =
          nodeRows.stream().map(r -> nodeJson((String) r.get("id"))).toList();
      List<Map<String, Object>> connectionsOut =
          connectionRows.stream().map(r -> connectionJson((String) r.get("id"))).toList();
      // the change: what a browser showing the view needs to follow it, in the edit's order
      List<Map<String, Object>> editsOut = new ArrayList<>();
      Set<String> done = new HashSet<>();
      for (int k = logged.size() - 1; k >= 0; k--) {
        Map<String, Object> l = logged.get(k);
        String id = (String) l.get("id");
        if (!done.add(id)) {
          continue; // the last word on an object is the one that holds
        }
        String op = (String) l.get("op");
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("op", op);
        if (op.equals("upsertNode")) {
          e.put("node", nodeJson(id));
        } else if (op.equals("upsertConnection")) {
          e.put("connection", connectionJson(id));
        } else if (newIds.contains(id)) {
          continue; // added and removed within the edit: nothing to tell
        } else {
          e.put("id", id);
        }
        editsOut.add(0, e);
      }
      long seq = store.lockSequence(tx) + 1;
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("id", viewId);
      after.put("version", viewVersion);
      after.put("edits", editsOut);
      // the concepts the edit created, so that other browsers can draw them without a read
      if (!createdElements.isEmpty()) {
        after.put("elements", createdElements);
      }
      if (!createdRelationships.isEmpty()) {
        after.put("relationships", createdRelationships);
      }
      Map<String, Object> beforeLog = new LinkedHashMap<>();
      beforeLog.put("id", viewId);
      beforeLog.put("version", viewVersion - 1);
      beforeLog.put(
          "objects",
          before.entrySet().stream()
              .filter(en -> !newIds.contains(en.getKey()))
              .map(Map.Entry::getValue)
              .toList());
      store.setSequence(tx, seq);
      changeLog.write(
          tx,
          List.of(
              new Change(
                  seq,
                  now,
                  actor,
                  "update",
                  ConceptKind.VIEW.label(),
                  modelId,
                  viewId,
                  views.toJson(beforeLog),
                  views.toJson(after),
                  "")));
      return new Result(
          viewVersion,
          seq,
          nodesOut,
          connectionsOut,
          goneNodes,
          goneConnections,
          createdElements,
          createdRelationships);
    }

    private Map<String, Object> nodeJson(String id) {
      return views.nodeJson(nodes.get(id));
    }

    private Map<String, Object> connectionJson(String id) {
      return views.connectionJson(connections.get(id));
    }
  }
}
