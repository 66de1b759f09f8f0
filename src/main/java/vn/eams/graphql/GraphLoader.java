package vn.eams.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;

/**
 * The one DataLoader of a request: every reference and to-many field of a query level asks it for a
 * {@link Key}, and it answers all of them with a single Cypher statement (one branch per kind of
 * key), so a query costs one statement per level plus its root fields.
 */
final class GraphLoader {

  /** The name the loader is registered under in each request's registry. */
  static final String NAME = "graph";

  /**
   * What a field needs.
   *
   * @param kind element, relationship, edges, applications, databases, domains or integrations
   * @param id the element asked about (for relationship: the relationship)
   * @param out for edges: outgoing (else incoming)
   * @param types for edges: relationship types (null = any)
   * @param otherTypes for edges: element types of the other end (null = any)
   * @param page for edges: the page
   * @param source for relationship: the id of its source element
   */
  record Key(
      String kind,
      String id,
      boolean out,
      List<String> types,
      List<String> otherTypes,
      PageArgs page,
      String source) {

    static Key element(String id) {
      return new Key("element", id, false, null, null, null, null);
    }

    /** A relationship whose source is an element, found among that element's relationships. */
    static Key relationship(String id, String source) {
      return new Key("relationship", id, false, null, null, null, source);
    }

    static Key edges(
        String id, boolean out, List<String> types, List<String> otherTypes, PageArgs page) {
      return new Key("edges", id, out, types, otherTypes, page, null);
    }

    static Key related(String kind, String id) {
      return new Key(kind, id, false, null, null, null, null);
    }
  }

  /**
   * The answer for one key.
   *
   * @param rows stored properties of elements or relationships, in order
   * @param total how many there are in all (for edges: before paging)
   */
  record Loaded(List<Map<String, Object>> rows, long total) {
    static final Loaded NONE = new Loaded(List.of(), 0);
  }

  static final String CYPHER =
      """
      UNWIND $keys AS k
      CALL {
        WITH k
        WITH k WHERE k.kind = 'element'
        MATCH (e:Element {id: k.id})
        RETURN [properties(e)] AS rows, 1 AS total
        UNION ALL
        WITH k
        WITH k WHERE k.kind = 'relationship'
        MATCH (:Element {id: k.source})-[x]->()
        WHERE x.id = k.id
        RETURN [properties(x)] AS rows, 1 AS total
        UNION ALL
        WITH k
        WITH k WHERE k.kind = 'edges'
        MATCH (e:Element {id: k.id})
        OPTIONAL MATCH (e)-[x]-(o)
        WHERE (CASE WHEN k.out THEN startNode(x) = e ELSE endNode(x) = e END)
          AND (k.types IS NULL OR type(x) IN k.types)
          AND (k.otherTypes IS NULL OR o.type IN k.otherTypes)
        WITH k, x ORDER BY x.id
        WITH k, collect(properties(x)) AS rels
        WITH k, rels,
             [r IN rels WHERE (k.after IS NULL OR r.id > k.after)
                         AND (k.before IS NULL OR r.id < k.before)] AS window
        RETURN CASE WHEN k.backward THEN window[-(k.size + 1)..] ELSE window[0..k.size + 1] END
               AS rows, size(rels) AS total
        UNION ALL
        WITH k
        WITH k WHERE k.kind = 'applications'
        MATCH (a:Element {id: k.id})
        OPTIONAL MATCH (x:ApplicationComponent)
        WHERE x.modelId = a.modelId
          AND (x.p_owner = a.id OR x.p_operator = a.id OR EXISTS { (a)-[:Assignment]->(x) })
        WITH k, x ORDER BY x.nameKey, x.id
        WITH k, collect(properties(x)) AS rows, count(x) AS total
        RETURN rows, total
        UNION ALL
        WITH k
        WITH k WHERE k.kind = 'databases'
        MATCH (a:Element {id: k.id})
        OPTIONAL MATCH (x:DataObject)
        WHERE x.modelId = a.modelId
          AND (any(p IN keys(x) WHERE p STARTS WITH 'p_' AND x[p] = a.id)
               OR EXISTS { (a)--(x) }
               OR EXISTS { (a)-[:Assignment]->(:ApplicationComponent)-[:Access]->(x) }
               OR EXISTS { MATCH (c:ApplicationComponent)-[:Access]->(x)
                           WHERE c.p_owner = a.id OR c.p_operator = a.id })
        WITH k, x ORDER BY x.nameKey, x.id
        WITH k, collect(properties(x)) AS rows, count(x) AS total
        RETURN rows, total
        UNION ALL
        WITH k
        WITH k WHERE k.kind = 'domains'
        MATCH (a:Element {id: k.id})
        OPTIONAL MATCH (a)-[:Assignment]->(x:BusinessFunction {specialization: 'ServiceDomain'})
        WITH k, x ORDER BY x.nameKey, x.id
        WITH k, collect(properties(x)) AS rows, count(x) AS total
        RETURN rows, total
        UNION ALL
        WITH k
        WITH k WHERE k.kind = 'integrations'
        MATCH (a:Element {id: k.id})
        OPTIONAL MATCH (a)-[x:Flow|Serving|Triggering|Association]-(o)
        WHERE (o:ApplicationComponent OR o:ApplicationInterface) AND o <> a
        WITH k, x ORDER BY x.id
        WITH k, collect(properties(x)) AS rows, count(x) AS total
        RETURN rows, total
      }
      RETURN k.i AS i, rows, total
      """;

  // every branch keeps k as a grouping key: an aggregation without one answers a row even for the
  // keys its WHERE filtered out

  private GraphLoader() {}

  /** A new loader for one request, whose reads end at the request's deadline. */
  static DataLoader<Key, Loaded> create(GraphQlReads reads, TimeLimit time) {
    // unbounded batches: a level is one statement however many keys it has
    return DataLoaderFactory.newDataLoader(
        (List<Key> keys) -> CompletableFuture.completedFuture(load(reads, time, keys)));
  }

  private static List<Loaded> load(GraphQlReads reads, TimeLimit time, List<Key> keys) {
    List<Map<String, Object>> params = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      params.add(param(i, keys.get(i)));
    }
    Loaded[] answers = new Loaded[keys.size()];
    reads.list(
        time,
        CYPHER,
        Map.of("keys", params),
        r -> {
          List<Map<String, Object>> rows =
              r.get("rows").asList(v -> v.isNull() ? Map.<String, Object>of() : v.asMap());
          answers[r.get("i").asInt()] = new Loaded(rows, r.get("total").asLong());
          return null;
        });
    List<Loaded> result = new ArrayList<>(keys.size());
    for (Loaded l : answers) {
      result.add(l == null ? Loaded.NONE : l);
    }
    return result;
  }

  private static Map<String, Object> param(int i, Key k) {
    Map<String, Object> m = new HashMap<>();
    m.put("i", i);
    m.put("kind", k.kind());
    m.put("id", k.id());
    m.put("out", k.out());
    m.put("types", k.types());
    m.put("otherTypes", k.otherTypes());
    m.put("source", k.source());
    if (k.page() != null) {
      m.put("size", k.page().size());
      m.put("backward", k.page().backward());
      String[] after = Cursors.decode(k.page().after(), 1, "after");
      String[] before = Cursors.decode(k.page().before(), 1, "before");
      m.put("after", after == null ? null : after[0]);
      m.put("before", before == null ? null : before[0]);
    }
    return m;
  }
}
