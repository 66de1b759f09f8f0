package vn.eams.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import vn.eams.model.Text;
import vn.eams.platform.Graph;

/** The reads behind the pages, one Cypher round trip per page section. */
@ApplicationScoped
public class PageQueries {

  private final Graph graph;

  /** Type counts per model, valid for the change sequence they were counted at. */
  private final Map<String, Map.Entry<Long, Map<String, Long>>> typeCountCache =
      new ConcurrentHashMap<>();

  private final vn.eams.model.ChangeLog changeLog;

  PageQueries(Graph graph, vn.eams.model.ChangeLog changeLog) {
    this.changeLog = changeLog;
    this.graph = graph;
  }

  /** A row of a list: enough to show and link an element. */
  public record Item(
      String id, String modelId, String name, String nameEn, String type, String spec) {

    static Item of(Map<String, Object> m) {
      return new Item(
          str(m, "id"),
          str(m, "modelId"),
          str(m, "name"),
          str(m, "nameEn"),
          str(m, "type"),
          str(m, "specialization"));
    }
  }

  /**
   * Element counts per type of a model, counted again only after a change (the cache is keyed by
   * the change sequence {@code seq} the caller's transaction reads).
   */
  public Map<String, Long> typeCounts(TransactionContext tx, String modelId, long seq) {
    Map.Entry<Long, Map<String, Long>> cached = typeCountCache.get(modelId);
    if (cached != null && cached.getKey() == seq) {
      return cached.getValue();
    }
    Map<String, Long> m = new LinkedHashMap<>();
    tx.run(
            "MATCH (e:Element {modelId: $m}) RETURN e.type AS t, count(*) AS n ORDER BY t",
            Map.of("m", modelId))
        .forEachRemaining(r -> m.put(r.get("t").asString(), r.get("n").asLong()));
    Map<String, Long> result = java.util.Collections.unmodifiableMap(m);
    typeCountCache.put(modelId, Map.entry(seq, result));
    return result;
  }

  /** A catalogue page: the matching rows and the total. */
  public record CataloguePage(List<Item> items, long total) {}

  /**
   * Elements of a model filtered by types, specialization and a name fragment (diacritics and case
   * ignored), sorted by name, type or specialization, a page at a time.
   */
  public CataloguePage catalogue(
      TransactionContext tx,
      String modelId,
      List<String> types,
      String spec,
      String nameContains,
      String sort,
      boolean descending,
      int offset,
      int limit) {
    Map<String, Object> p = new HashMap<>();
    p.put("m", modelId);
    p.put("skip", offset);
    p.put("limit", limit);
    // Only the filters that are set, so that the planner can use the (modelId, type) and
    // (modelId, nameKey) indexes; with no filter the name order comes from the index itself.
    StringBuilder where = new StringBuilder(" WHERE e.modelId = $m");
    if (!types.isEmpty()) {
      where.append(" AND e.type IN $types");
      p.put("types", types);
    }
    if (!spec.isEmpty()) {
      where.append(" AND e.specialization = $spec");
      p.put("spec", spec);
    }
    if (!nameContains.isBlank()) {
      where.append(" AND e.searchKey CONTAINS $q");
      p.put("q", Text.foldKey(nameContains.strip()));
    }
    String dir = descending ? " DESC" : "";
    String order;
    switch (sort) {
      case "type" -> {
        if (types.isEmpty()) {
          where.append(" AND e.type IS NOT NULL");
        }
        order = "e.type" + dir + ", e.nameKey, e.id";
      }
      case "specialization" -> order = "coalesce(e.specialization, '')" + dir + ", e.nameKey, e.id";
      default -> {
        where.append(" AND e.nameKey IS NOT NULL");
        order = "e.nameKey" + dir + ", e.id" + dir;
      }
    }
    // one round trip: the count and the page; the page is cut before the rows are projected
    org.neo4j.driver.Record r =
        tx.run(
                "CALL { MATCH (e:Element)"
                    + where
                    + " RETURN count(e) AS total }"
                    + " CALL { MATCH (e:Element)"
                    + where
                    + " WITH e ORDER BY "
                    + order
                    + " SKIP $skip LIMIT $limit"
                    + " RETURN collect(e {.id, .modelId, .name, .nameEn, .type, .specialization})"
                    + " AS items }"
                    + " RETURN total, items",
                p)
            .single();
    long total = r.get("total").asLong();
    List<Item> items = r.get("items").asList(v -> Item.of(v.asMap()));
    return new CataloguePage(items, total);
  }

  /** One relationship of an element, seen from that element. */
  public record Link(
      String relationshipId,
      String type,
      String name,
      String accessType,
      boolean outgoing,
      Item other) {}

  /** The relationships of an element (both directions), with the element at the other end. */
  public List<Link> links(TransactionContext tx, String elementId) {
    return tx.run(
            "MATCH (e:Element {id: $id})-[r]-(o) WHERE r.id IS NOT NULL"
                + " RETURN r {.id, .name, .accessType} AS r, type(r) AS t,"
                + " startNode(r) = e AS out,"
                + " o {.id, .modelId, .name, .nameEn, .type, .specialization} AS o"
                + " ORDER BY t, o.nameKey, o.id",
            Map.of("id", elementId))
        .list(
            rec -> {
              Map<String, Object> r = rec.get("r").asMap();
              Map<String, Object> o = rec.get("o").asMap();
              return new Link(
                  str(r, "id"),
                  rec.get("t").asString(),
                  str(r, "name"),
                  str(r, "accessType"),
                  rec.get("out").asBoolean(),
                  Item.of(o));
            });
  }

  /** Elements of a model whose typed property {@code key} holds {@code elementId}. */
  public List<Item> referencing(
      TransactionContext tx, String modelId, String key, String elementId) {
    return tx.run(
            "MATCH (e:Element {modelId: $m}) WHERE e[$k] = $id"
                + " RETURN e {.id, .modelId, .name, .nameEn, .type, .specialization} AS e"
                + " ORDER BY e.nameKey",
            Map.of("m", modelId, "k", "p_" + key, "id", elementId))
        .list(r -> Item.of(r.get("e").asMap()));
  }

  /** A change-log entry about a concept. */
  public record History(long seq, String at, String actor, String op) {}

  /** The latest changes of a concept of a model, newest first. */
  public List<History> history(TransactionContext tx, String modelId, String targetId, int limit) {
    return changeLog.of(tx, modelId, targetId, limit).stream()
        .map(c -> new History(c.seq(), c.at().toString(), c.actor(), c.op()))
        .toList();
  }

  /** A search hit and whether the name itself matched. */
  public record Hit(Item item, boolean nameMatch) {}

  /**
   * Elements whose names, documentation or property values contain every word of the query,
   * diacritics and case ignored; name matches first. Legal numbers such as "73/2019/NĐ-CP" are
   * single words and so match exactly.
   */
  public List<Hit> search(String query, String modelId, int limit) {
    List<String> words = new ArrayList<>();
    for (String w : Text.foldKey(query).split("\\s+")) {
      if (!w.isBlank()) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      return List.of();
    }
    String longest = words.stream().max((a, b) -> a.length() - b.length()).orElseThrow();
    String phrase = String.join(" ", words);
    Map<String, Object> p = new HashMap<>();
    p.put("first", longest);
    p.put("words", words);
    p.put("phrase", phrase);
    p.put("m", modelId.isEmpty() ? null : modelId);
    p.put("l", limit);
    return graph.read(
        tx ->
            tx.run(
                    "MATCH (e:Element) WHERE e.textKey CONTAINS $first"
                        + " AND all(w IN $words WHERE e.textKey CONTAINS w)"
                        + " AND ($m IS NULL OR e.modelId = $m)"
                        + " WITH e, e.searchKey CONTAINS $phrase AS inName"
                        + " RETURN e {.id, .modelId, .name, .nameEn, .type, .specialization} AS e,"
                        + " inName ORDER BY inName DESC, e.nameKey, e.id LIMIT $l",
                    p)
                .list(r -> new Hit(Item.of(r.get("e").asMap()), r.get("inName").asBoolean())));
  }

  static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    if (v instanceof Value value) {
      return value.isNull() ? "" : value.asString();
    }
    return v == null ? "" : v.toString();
  }
}
