package vn.eams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;

/**
 * Writes and reads views: {@code (:View)}, {@code (:DiagramNode)}, {@code (:DiagramConnection)}.
 */
@ApplicationScoped
public class ViewStore {

  private final ObjectMapper json;

  ViewStore(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Creates the views in the current transaction, after the sequence number {@code seq} (held
   * lock), logging one change per view; returns the last sequence number used.
   */
  long create(
      TransactionContext tx,
      String modelId,
      List<ViewDefinition> views,
      String actor,
      Instant now,
      long seq,
      List<Change> changes) {
    long next = seq;
    List<Map<String, Object>> viewRows = new ArrayList<>(views.size());
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> connections = new ArrayList<>();
    for (ViewDefinition v : views) {
      Map<String, Object> view = new HashMap<>();
      view.put("id", v.id());
      view.put("modelId", modelId);
      view.put("name", v.name());
      view.put("nameEn", v.nameEn());
      view.put("documentation", v.documentation());
      view.put("viewpoint", v.viewpoint());
      GraphMapping.putProperties(view, v.properties());
      if (!v.folderId().isEmpty()) {
        view.put("folderId", v.folderId());
      }
      view.put("version", 1L);
      view.put("createdAt", GraphMapping.time(now));
      view.put("updatedAt", GraphMapping.time(now));
      viewRows.add(view);
      int order = 0;
      for (ViewDefinition.Node n : v.nodes()) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", n.id());
        m.put("viewId", v.id());
        m.put("modelId", modelId);
        m.put("parentId", n.parentId());
        m.put("kind", n.kind());
        if (n.isElement()) {
          m.put("elementRef", n.elementId());
        }
        m.put("label", n.label());
        m.put("labelEn", n.labelEn());
        m.put("x", (long) n.x());
        m.put("y", (long) n.y());
        m.put("w", (long) n.w());
        m.put("h", (long) n.h());
        putStyle(m, n.style());
        m.put("order", (long) order++);
        nodes.add(m);
      }
      order = 0;
      for (ViewDefinition.Connection c : v.connections()) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id());
        m.put("viewId", v.id());
        m.put("modelId", modelId);
        m.put("relationshipRef", c.relationshipId());
        m.put("sourceRef", c.sourceId());
        m.put("targetRef", c.targetId());
        List<Long> points = new ArrayList<>();
        for (int[] p : c.bendpoints()) {
          points.add((long) p[0]);
          points.add((long) p[1]);
        }
        m.put("bendpoints", points);
        putStyle(m, c.style());
        m.put("order", (long) order++);
        connections.add(m);
      }
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("id", v.id());
      after.put("name", v.name());
      after.put("viewpoint", v.viewpoint());
      after.put("nodes", v.nodes().size());
      after.put("connections", v.connections().size());
      changes.add(
          new Change(
              ++next,
              now,
              actor,
              "create",
              ConceptKind.VIEW.label(),
              modelId,
              v.id(),
              "",
              toJson(after),
              ""));
    }
    // three statements for all the views, their nodes and their connections
    tx.run("UNWIND $rows AS r CREATE (v:View) SET v = r", Map.of("rows", viewRows)).consume();
    if (!nodes.isEmpty()) {
      tx.run("UNWIND $rows AS r CREATE (d:DiagramNode) SET d = r", Map.of("rows", nodes)).consume();
    }
    if (!connections.isEmpty()) {
      tx.run(
              "UNWIND $rows AS r CREATE (x:DiagramConnection) SET x = r",
              Map.of("rows", connections))
          .consume();
    }
    return next;
  }

  /**
   * Deletes the views of the model with their nodes and connections, logging one change per view;
   * returns the last sequence number used. Ids that are no view of the model are ignored.
   */
  long delete(
      TransactionContext tx,
      String modelId,
      Collection<String> viewIds,
      String actor,
      Instant now,
      long seq,
      List<Change> changes) {
    if (viewIds.isEmpty()) {
      return seq;
    }
    List<String> deleted =
        tx.run(
                "MATCH (v:View) WHERE v.id IN $ids AND v.modelId = $m"
                    + " CALL { WITH v MATCH (d:DiagramNode {viewId: v.id}) DELETE d }"
                    + " CALL { WITH v MATCH (c:DiagramConnection {viewId: v.id}) DELETE c }"
                    + " WITH v, v.id AS id, v.name AS name DELETE v RETURN id, name ORDER BY id",
                Map.of("ids", List.copyOf(viewIds), "m", modelId))
            .list(r -> r.get("id").asString() + "\u0000" + r.get("name").asString(""));
    long next = seq;
    for (String row : deleted) {
      String id = row.substring(0, row.indexOf('\u0000'));
      Map<String, Object> before = new LinkedHashMap<>();
      before.put("id", id);
      before.put("name", row.substring(row.indexOf('\u0000') + 1));
      changes.add(
          new Change(
              ++next,
              now,
              actor,
              "delete",
              ConceptKind.VIEW.label(),
              modelId,
              id,
              toJson(before),
              "",
              ""));
    }
    return next;
  }

  /** The views of a model (without layout), in name order. */
  public List<Map<String, Object>> list(TransactionContext tx, String modelId) {
    return tx.run(
            "MATCH (v:View {modelId: $m}) RETURN v.id AS id, v.name AS name, v.nameEn AS nameEn,"
                + " v.viewpoint AS viewpoint, v.version AS version ORDER BY v.name",
            Map.of("m", modelId))
        .list(r -> r.asMap());
  }

  /** One view with its layout. */
  public Optional<ViewDefinition> view(TransactionContext tx, String viewId) {
    var head =
        tx.run("MATCH (v:View {id: $id}) RETURN properties(v) AS v", Map.of("id", viewId)).list();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> v = head.get(0).get("v").asMap();
    List<ViewDefinition.Node> nodes =
        tx.run(
                "MATCH (n:DiagramNode {viewId: $id}) RETURN properties(n) AS n ORDER BY n.order",
                Map.of("id", viewId))
            .list(r -> node(r.get("n").asMap()));
    List<ViewDefinition.Connection> connections =
        tx.run(
                "MATCH (c:DiagramConnection {viewId: $id}) RETURN properties(c) AS c ORDER BY"
                    + " c.order",
                Map.of("id", viewId))
            .list(r -> connection(r.get("c").asMap()));
    return Optional.of(view(v, nodes, connections));
  }

  /** Every view of a model with its layout, in id order, in three queries. */
  public List<ViewDefinition> views(TransactionContext tx, String modelId) {
    Map<String, Object> p = Map.of("m", modelId);
    // grouped and ordered here rather than by Cypher, whose sorts cost a large export much time
    Map<String, List<Map<String, Object>>> nodeRows = new HashMap<>();
    tx.run("MATCH (n:DiagramNode {modelId: $m}) RETURN properties(n) AS n", p)
        .forEachRemaining(
            r -> {
              Map<String, Object> n = r.get("n").asMap();
              nodeRows.computeIfAbsent(str(n, "viewId"), k -> new ArrayList<>()).add(n);
            });
    Map<String, List<Map<String, Object>>> connectionRows = new HashMap<>();
    tx.run("MATCH (c:DiagramConnection {modelId: $m}) RETURN properties(c) AS c", p)
        .forEachRemaining(
            r -> {
              Map<String, Object> c = r.get("c").asMap();
              connectionRows.computeIfAbsent(str(c, "viewId"), k -> new ArrayList<>()).add(c);
            });
    List<Map<String, Object>> viewRows =
        new ArrayList<>(
            tx.run("MATCH (v:View {modelId: $m}) RETURN properties(v) AS v", p)
                .list(r -> r.get("v").asMap()));
    viewRows.sort(java.util.Comparator.comparing(v -> str(v, "id")));
    List<ViewDefinition> result = new ArrayList<>(viewRows.size());
    for (Map<String, Object> v : viewRows) {
      String id = str(v, "id");
      List<ViewDefinition.Node> nodes =
          inOrder(nodeRows.getOrDefault(id, List.of())).stream().map(this::node).toList();
      List<ViewDefinition.Connection> connections =
          inOrder(connectionRows.getOrDefault(id, List.of())).stream()
              .map(this::connection)
              .toList();
      result.add(view(v, nodes, connections));
    }
    return result;
  }

  /** The rows of one view by their stored {@code order}. */
  private static List<Map<String, Object>> inOrder(List<Map<String, Object>> rows) {
    List<Map<String, Object>> sorted = new ArrayList<>(rows);
    sorted.sort(
        java.util.Comparator.comparingLong(
            r -> r.get("order") instanceof Number n ? n.longValue() : 0L));
    return sorted;
  }

  private static ViewDefinition view(
      Map<String, Object> v,
      List<ViewDefinition.Node> nodes,
      List<ViewDefinition.Connection> connections) {
    return new ViewDefinition(
        str(v, "id"),
        str(v, "name"),
        str(v, "nameEn"),
        str(v, "documentation"),
        str(v, "viewpoint"),
        str(v, "folderId"),
        GraphMapping.properties(v),
        nodes,
        connections);
  }

  private ViewDefinition.Node node(Map<String, Object> n) {
    return new ViewDefinition.Node(
        str(n, "id"),
        str(n, "parentId"),
        str(n, "kind"),
        str(n, "elementRef"),
        str(n, "label"),
        str(n, "labelEn"),
        num(n, "x"),
        num(n, "y"),
        num(n, "w"),
        num(n, "h"),
        style(n));
  }

  private ViewDefinition.Connection connection(Map<String, Object> c) {
    List<int[]> points = new ArrayList<>();
    Object raw = c.get("bendpoints");
    if (raw instanceof List<?> l) {
      for (int i = 0; i + 1 < l.size(); i += 2) {
        points.add(new int[] {((Number) l.get(i)).intValue(), ((Number) l.get(i + 1)).intValue()});
      }
    }
    return new ViewDefinition.Connection(
        str(c, "id"),
        str(c, "relationshipRef"),
        str(c, "sourceRef"),
        str(c, "targetRef"),
        points,
        style(c));
  }

  /** Ids of the views that show the element, with the view names. */
  public List<Map<String, Object>> viewsShowing(TransactionContext tx, String elementId) {
    return tx.run(
            "MATCH (n:DiagramNode {elementRef: $e}) WITH DISTINCT n.viewId AS id MATCH (v:View {id:"
                + " id}) RETURN v.id AS id, v.name AS name, v.nameEn AS nameEn ORDER BY v.name",
            Map.of("e", elementId))
        .list(r -> r.asMap());
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? "" : v.toString();
  }

  private void putStyle(Map<String, Object> m, ViewDefinition.Style style) {
    if (!style.isEmpty()) {
      m.put("style", toJson(style.toMap()));
    }
  }

  private ViewDefinition.Style style(Map<String, Object> m) {
    Object s = m.get("style");
    if (s == null) {
      return ViewDefinition.Style.NONE;
    }
    try {
      return ViewDefinition.Style.fromMap(json.readValue(s.toString(), Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable style of diagram object " + m.get("id"), e);
    }
  }

  private static int num(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v instanceof Number n ? n.intValue() : 0;
  }

  private String toJson(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a change", e);
    }
  }
}
