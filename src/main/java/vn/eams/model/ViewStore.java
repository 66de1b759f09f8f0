package vn.eams.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
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
    for (ViewDefinition v : views) {
      Map<String, Object> view = new HashMap<>();
      view.put("id", v.id());
      view.put("modelId", modelId);
      view.put("name", v.name());
      view.put("nameEn", v.nameEn());
      view.put("documentation", v.documentation());
      view.put("viewpoint", v.viewpoint());
      view.put("version", 1L);
      view.put("createdAt", GraphMapping.time(now));
      view.put("updatedAt", GraphMapping.time(now));
      List<Map<String, Object>> nodes = new ArrayList<>();
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
        m.put("order", (long) order++);
        nodes.add(m);
      }
      List<Map<String, Object>> connections = new ArrayList<>();
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
        m.put("order", (long) order++);
        connections.add(m);
      }
      tx.run(
              "CREATE (v:View) SET v = $view WITH v UNWIND $nodes AS n CREATE (d:DiagramNode) SET"
                  + " d = n",
              Map.of("view", view, "nodes", nodes))
          .consume();
      if (nodes.isEmpty()) {
        tx.run("CREATE (v:View) SET v = $view", Map.of("view", view)).consume();
      }
      tx.run("UNWIND $c AS c CREATE (d:DiagramConnection) SET d = c", Map.of("c", connections))
          .consume();
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
            .list(
                r -> {
                  Map<String, Object> n = r.get("n").asMap();
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
                      num(n, "h"));
                });
    List<ViewDefinition.Connection> connections =
        tx.run(
                "MATCH (c:DiagramConnection {viewId: $id}) RETURN properties(c) AS c ORDER BY"
                    + " c.order",
                Map.of("id", viewId))
            .list(
                r -> {
                  Map<String, Object> c = r.get("c").asMap();
                  List<int[]> points = new ArrayList<>();
                  Object raw = c.get("bendpoints");
                  if (raw instanceof List<?> l) {
                    for (int i = 0; i + 1 < l.size(); i += 2) {
                      points.add(
                          new int[] {
                            ((Number) l.get(i)).intValue(), ((Number) l.get(i + 1)).intValue()
                          });
                    }
                  }
                  return new ViewDefinition.Connection(
                      str(c, "id"),
                      str(c, "relationshipRef"),
                      str(c, "sourceRef"),
                      str(c, "targetRef"),
                      points);
                });
    return Optional.of(
        new ViewDefinition(
            str(v, "id"),
            str(v, "name"),
            str(v, "nameEn"),
            str(v, "documentation"),
            str(v, "viewpoint"),
            nodes,
            connections));
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
