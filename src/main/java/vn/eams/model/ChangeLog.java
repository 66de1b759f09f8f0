package vn.eams.model;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.TransactionContext;

/** Writes and reads {@code (:Change)} records; writes happen in the mutation's own transaction. */
@ApplicationScoped
public class ChangeLog {

  /** Writes the changes (their seq numbers already assigned) in the current transaction. */
  void write(TransactionContext tx, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>(changes.size());
    for (Change c : changes) {
      Map<String, Object> m = new HashMap<>();
      m.put("seq", c.seq());
      m.put("at", GraphMapping.time(c.at()));
      m.put("actor", c.actor());
      m.put("op", c.op());
      m.put("kind", c.kind());
      m.put("modelId", c.modelId());
      m.put("targetId", c.targetId());
      if (!c.before().isEmpty()) {
        m.put("before", c.before());
      }
      if (!c.after().isEmpty()) {
        m.put("after", c.after());
      }
      if (!c.cause().isEmpty()) {
        m.put("cause", c.cause());
      }
      rows.add(m);
    }
    tx.run("UNWIND $rows AS r CREATE (c:Change) SET c = r", Map.of("rows", rows)).consume();
  }

  /** Changes of a model with seq greater than {@code since}, in order, at most {@code limit}. */
  List<Change> since(TransactionContext tx, String modelId, long since, int limit) {
    return tx.run(
            "MATCH (c:Change) WHERE c.modelId = $m AND c.seq > $s RETURN properties(c) AS c ORDER BY"
                + " c.seq LIMIT $l",
            Map.of("m", modelId, "s", since, "l", limit))
        .list(
            r -> {
              Map<String, Object> m = r.get("c").asMap();
              return new Change(
                  ((Number) m.get("seq")).longValue(),
                  ((ZonedDateTime) m.get("at")).toInstant(),
                  str(m, "actor"),
                  str(m, "op"),
                  str(m, "kind"),
                  str(m, "modelId"),
                  str(m, "targetId"),
                  str(m, "before"),
                  str(m, "after"),
                  str(m, "cause"));
            });
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? "" : v.toString();
  }
}
