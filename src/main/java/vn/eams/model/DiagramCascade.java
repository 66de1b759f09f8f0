package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.TransactionContext;

/**
 * Removes the diagram references of deleted concepts: the diagram nodes that show a deleted element
 * (with the nodes nested in them) and the connections that show a deleted relationship or lose an
 * end. Views keep only references and layout, so this never deletes a concept.
 */
@ApplicationScoped
public class DiagramCascade {

  /** What the removal found, per view. */
  record Removal(Map<String, List<ChangeResult.Cascaded>> byView) {}

  /** Finds and (unless {@code dryRun}) deletes the references; returns them grouped by view. */
  Removal remove(
      TransactionContext tx,
      Collection<String> elementIds,
      Collection<String> relationshipIds,
      boolean dryRun) {
    Map<String, Object> p = Map.of("e", List.copyOf(elementIds), "r", List.copyOf(relationshipIds));
    Set<String> views = new HashSet<>();
    Map<String, String> causeOf = new HashMap<>();
    tx.run(
            "MATCH (n:DiagramNode) WHERE n.elementRef IN $e RETURN n.id AS id, n.viewId AS v, n.elementRef AS c"
                + " UNION MATCH (n:DiagramConnection) WHERE n.relationshipRef IN $r"
                + " RETURN n.id AS id, n.viewId AS v, n.relationshipRef AS c",
            p)
        .forEachRemaining(
            r -> {
              views.add(r.get("v").asString());
              causeOf.put(r.get("id").asString(), r.get("c").asString());
            });
    Map<String, List<ChangeResult.Cascaded>> byView = new HashMap<>();
    if (views.isEmpty()) {
      return new Removal(byView);
    }
    // the whole layout of the affected views, to follow nesting and connection ends
    Map<String, String> parentOf = new HashMap<>();
    Map<String, String> viewOf = new HashMap<>();
    Map<String, String[]> endsOf = new HashMap<>();
    Map<String, Object> vp = Map.of("v", List.copyOf(views));
    tx.run(
            "MATCH (n:DiagramNode) WHERE n.viewId IN $v RETURN n.id AS id, n.viewId AS v, coalesce(n.parentId, '') AS p",
            vp)
        .forEachRemaining(
            r -> {
              parentOf.put(r.get("id").asString(), r.get("p").asString());
              viewOf.put(r.get("id").asString(), r.get("v").asString());
            });
    tx.run(
            "MATCH (c:DiagramConnection) WHERE c.viewId IN $v RETURN c.id AS id, c.viewId AS v, c.sourceRef AS s, c.targetRef AS t",
            vp)
        .forEachRemaining(
            r -> {
              endsOf.put(
                  r.get("id").asString(),
                  new String[] {r.get("s").asString(), r.get("t").asString()});
              viewOf.put(r.get("id").asString(), r.get("v").asString());
            });
    Set<String> removed = new HashSet<>(causeOf.keySet());
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, String> en : parentOf.entrySet()) {
        if (!removed.contains(en.getKey()) && removed.contains(en.getValue())) {
          removed.add(en.getKey());
          causeOf.put(en.getKey(), causeOf.get(en.getValue()));
          grew = true;
        }
      }
      for (Map.Entry<String, String[]> en : endsOf.entrySet()) {
        String[] ends = en.getValue();
        if (!removed.contains(en.getKey())
            && (removed.contains(ends[0]) || removed.contains(ends[1]))) {
          removed.add(en.getKey());
          causeOf.put(
              en.getKey(), causeOf.getOrDefault(removed.contains(ends[0]) ? ends[0] : ends[1], ""));
          grew = true;
        }
      }
    }
    for (String id : removed) {
      boolean isNode = parentOf.containsKey(id);
      byView
          .computeIfAbsent(viewOf.get(id), k -> new ArrayList<>())
          .add(
              new ChangeResult.Cascaded(
                  "delete",
                  isNode ? "diagramNode" : "diagramConnection",
                  id,
                  viewOf.get(id),
                  causeOf.getOrDefault(id, "")));
    }
    Removal removal = new Removal(byView);
    if (!dryRun) {
      delete(tx, removal);
    }
    return removal;
  }

  /** Deletes the diagram nodes and connections that {@link #remove} found (with dryRun). */
  void delete(TransactionContext tx, Removal removal) {
    List<String> nodes = new ArrayList<>();
    List<String> connections = new ArrayList<>();
    for (List<ChangeResult.Cascaded> inView : removal.byView().values()) {
      for (ChangeResult.Cascaded c : inView) {
        (c.kind().equals("diagramNode") ? nodes : connections).add(c.id());
      }
    }
    if (!nodes.isEmpty()) {
      tx.run("MATCH (n:DiagramNode) WHERE n.id IN $n DELETE n", Map.of("n", nodes)).consume();
    }
    if (!connections.isEmpty()) {
      tx.run("MATCH (c:DiagramConnection) WHERE c.id IN $c DELETE c", Map.of("c", connections))
          .consume();
    }
  }
}
