package vn.eams.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Type;
import org.neo4j.driver.types.TypeSystem;

/**
 * The one DataLoader of a request: every reference and to-many field of a query level asks it for a
 * {@link Key}, and it answers all of them with a single Cypher statement (one branch per kind of
 * key the batch holds), so a query costs one statement per level plus its root fields.
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
   * @param props for kinds that answer elements: the stored properties to read ({@link Projection};
   *     null = all of them)
   */
  record Key(
      String kind,
      String id,
      boolean out,
      List<String> types,
      List<String> otherTypes,
      PageArgs page,
      String source,
      List<String> props) {

    static Key element(String id, List<String> props) {
      return new Key("element", id, false, null, null, null, null, props);
    }

    /** A relationship whose source is an element, found among that element's relationships. */
    static Key relationship(String id, String source) {
      return new Key("relationship", id, false, null, null, null, source, null);
    }

    static Key edges(
        String id, boolean out, List<String> types, List<String> otherTypes, PageArgs page) {
      return new Key("edges", id, out, types, otherTypes, page, null, null);
    }

    static Key related(String kind, String id, List<String> props) {
      return new Key(kind, id, false, null, null, null, null, props);
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

  /**
   * An element as a row: all its stored properties when {@code props} is null, else the values of
   * the properties named in {@code props}, in that order ({@link #row} makes them a map again).
   * Reading only what the query asks for spares the DBMS the element's long texts and the driver
   * their decoding.
   */
  private static String row(String x, String props) {
    return "CASE WHEN %2$s IS NULL THEN properties(%1$s) ELSE [p IN %2$s | %1$s[p]] END"
        .formatted(x, props);
  }

  /**
   * What each kind of key reads, with {@code k} (the key) in scope: the index of the key it answers
   * ({@code i}), rows of stored properties and their total. A statement holds the branches of the
   * kinds its batch asks for ({@link #statement}); a branch that aggregates keeps k as a grouping
   * key, since an aggregation without one answers a row even for a key that the branch's kind
   * filter dropped.
   *
   * <p>The {@code agency} branch answers an agency's {@code applications}, {@code databases} and
   * {@code domains} at once (the key carries the index of each that is asked for, and its
   * projection): the databases are found through the applications, which are then searched for
   * once.
   */
  private static final Map<String, String> BRANCHES =
      Map.of(
          "element",
          """
          MATCH (e:Element {id: k.id})
          RETURN k.i AS i, [%s] AS rows, 1 AS total
          """
              .formatted(row("e", "k.props")),
          "relationship",
          """
          MATCH (:Element {id: k.source})-[x]->()
          WHERE x.id = k.id
          RETURN k.i AS i, [properties(x)] AS rows, 1 AS total
          """,
          "edges-out",
          edges("(e)-[x]->(o)"),
          "edges-in",
          edges("(e)<-[x]-(o)"),
          "agency",
          // the applications and the databases as the hand-written query finds them: a union of
          // their routes (index seeks for owner and operator, V0010), not a test of every
          // application component or data object of the model against all of them
          """
          MATCH (a:Element {id: k.id}) WHERE a:BusinessActor
          CALL (a, k) {
            WITH a, k WHERE k.applications IS NOT NULL OR k.databases IS NOT NULL
            CALL (a) {
              MATCH (x:ApplicationComponent {p_owner: a.id})
              RETURN x
              UNION
              MATCH (x:ApplicationComponent {p_operator: a.id})
              RETURN x
              UNION
              MATCH (a)-[:Assignment]->(x:ApplicationComponent)
              RETURN x
            }
            WITH a, x WHERE x.modelId = a.modelId
            WITH x ORDER BY x.nameKey, x.id
            RETURN collect(x) AS apps
          }
          CALL (a, k, apps) {
            WITH a, k, apps WHERE k.databases IS NOT NULL
            CALL (a, apps) {
              UNWIND apps AS c
              MATCH (c)-[:Access]->(x:DataObject)
              RETURN x
              UNION
              MATCH (a)--(x:DataObject)
              RETURN x
              UNION
              MATCH (x:DataObject)
              WHERE x.modelId = a.modelId
                AND any(p IN keys(x) WHERE p STARTS WITH 'p_' AND x[p] = a.id)
              RETURN x
            }
            WITH k, a, x WHERE x.modelId = a.modelId
            WITH k, x ORDER BY x.nameKey, x.id
            RETURN collect(%2$s) AS databases
          }
          CALL (a, k) {
            WITH a, k WHERE k.domains IS NOT NULL
            MATCH (a)-[:Assignment]->(x:BusinessFunction {specialization: 'ServiceDomain'})
            WITH k, x ORDER BY x.nameKey, x.id
            RETURN collect(%3$s) AS domains
          }
          UNWIND [[k.applications,
                   CASE WHEN k.applications IS NULL THEN [] ELSE [x IN apps | %1$s] END],
                  [k.databases, databases],
                  [k.domains, domains]] AS r
          WITH r WHERE r[0] IS NOT NULL
          RETURN r[0] AS i, r[1] AS rows, size(r[1]) AS total
          """
              .formatted(
                  row("x", "k.applicationsProps"),
                  row("x", "k.databasesProps"),
                  row("x", "k.domainsProps")),
          "integrations",
          """
          MATCH (a:Element {id: k.id}) WHERE a:ApplicationComponent
          OPTIONAL MATCH (a)-[x:Flow|Serving|Triggering|Association]-(o)
          WHERE (o:ApplicationComponent OR o:ApplicationInterface) AND o <> a
          WITH k, x ORDER BY x.id
          WITH k, collect(properties(x)) AS rows, count(x) AS total
          RETURN k.i AS i, rows, total
          """);

  /** The kinds in the order their branches appear in a statement. */
  static final List<String> KINDS =
      List.of("element", "relationship", "edges-out", "edges-in", "agency", "integrations");

  /** The kinds of key that the {@code agency} branch answers. */
  static final List<String> AGENCY_FIELDS = List.of("applications", "databases", "domains");

  /** Statements by the set of kinds they answer (at most 2^6 of them, each planned once). */
  private static final Map<Integer, String> STATEMENTS = new ConcurrentHashMap<>();

  private static String edges(String pattern) {
    return """
        MATCH (e:Element {id: k.id})
        OPTIONAL MATCH %s
        WHERE (k.types IS NULL OR type(x) IN k.types)
          AND (k.otherTypes IS NULL OR o.type IN k.otherTypes)
        WITH k, x ORDER BY x.id
        WITH k, collect(properties(x)) AS rels
        WITH k, rels,
             [r IN rels WHERE (k.after IS NULL OR r.id > k.after)
                         AND (k.before IS NULL OR r.id < k.before)] AS window
        RETURN k.i AS i,
               CASE WHEN k.backward THEN window[-(k.size + 1)..] ELSE window[0..k.size + 1] END
               AS rows, size(rels) AS total
        """
        .formatted(pattern);
  }

  /**
   * The statement that answers keys of the kinds in {@code kinds} (bits in the order of {@link
   * #KINDS}): one subquery per key, made of the branches of those kinds only, so that a level whose
   * fields all ask for one kind runs that kind's read and nothing else.
   */
  static String statement(int kinds) {
    return STATEMENTS.computeIfAbsent(
        kinds,
        bits -> {
          StringBuilder body = new StringBuilder();
          boolean one = Integer.bitCount(bits) == 1;
          for (int i = 0; i < KINDS.size(); i++) {
            if ((bits & (1 << i)) == 0) {
              continue;
            }
            if (!body.isEmpty()) {
              body.append("UNION ALL\n");
            }
            if (!one) {
              body.append("WITH k WHERE k.kind = '").append(KINDS.get(i)).append("'\n");
            }
            body.append(BRANCHES.get(KINDS.get(i)));
          }
          return "UNWIND $keys AS k\nCALL (k) {\n"
              + body.toString().indent(2)
              + "}\nRETURN i, rows, total\n";
        });
  }

  /** The kind of statement branch that answers a key. */
  static String kind(Key k) {
    if ("edges".equals(k.kind())) {
      return k.out() ? "edges-out" : "edges-in";
    }
    return AGENCY_FIELDS.contains(k.kind()) ? "agency" : k.kind();
  }

  private GraphLoader() {}

  /** A new loader for one request, whose reads end at the request's deadline. */
  static DataLoader<Key, Loaded> create(GraphQlReads reads, TimeLimit time) {
    // unbounded batches: a level is one statement however many keys it has
    return DataLoaderFactory.newDataLoader(
        (List<Key> keys) -> CompletableFuture.completedFuture(load(reads, time, keys)));
  }

  private static List<Loaded> load(GraphQlReads reads, TimeLimit time, List<Key> keys) {
    List<Map<String, Object>> params = new ArrayList<>(keys.size());
    // the agency keys of the batch by element id: each answers one key of each agency field
    Map<String, List<Map<String, Object>>> agencies = new HashMap<>();
    int kinds = 0;
    for (int i = 0; i < keys.size(); i++) {
      Key k = keys.get(i);
      String kind = kind(k);
      int bit = KINDS.indexOf(kind);
      if (bit < 0) {
        throw new IllegalArgumentException("no statement branch reads keys of kind " + kind);
      }
      kinds |= 1 << bit;
      if (kind.equals("agency")) {
        Map<String, Object> agency = agencyParam(agencies, params, k);
        agency.put(k.kind(), i);
        agency.put(k.kind() + "Props", k.props());
      } else {
        params.add(param(i, kind, k));
      }
    }
    Loaded[] answers = new Loaded[keys.size()];
    reads.list(
        time,
        statement(kinds),
        Map.of("keys", params),
        r -> {
          int i = r.get("i").asInt();
          List<String> props = keys.get(i).props();
          List<Map<String, Object>> rows = r.get("rows").asList(v -> row(v, props));
          answers[i] = new Loaded(rows, r.get("total").asLong());
          return null;
        });
    List<Loaded> result = new ArrayList<>(keys.size());
    for (Loaded l : answers) {
      result.add(l == null ? Loaded.NONE : l);
    }
    return result;
  }

  /**
   * The agency key of the batch for this element that does not answer a key of {@code k}'s kind yet
   * (a query may ask for the same field twice under different names, with different selections); a
   * new one when there is none.
   */
  private static Map<String, Object> agencyParam(
      Map<String, List<Map<String, Object>>> agencies, List<Map<String, Object>> params, Key k) {
    List<Map<String, Object>> forId = agencies.computeIfAbsent(k.id(), id -> new ArrayList<>(1));
    for (Map<String, Object> agency : forId) {
      if (agency.get(k.kind()) == null) {
        return agency;
      }
    }
    Map<String, Object> agency = new HashMap<>();
    agency.put("kind", "agency");
    agency.put("id", k.id());
    for (String field : AGENCY_FIELDS) {
      agency.put(field, null);
    }
    forId.add(agency);
    params.add(agency);
    return agency;
  }

  private static final Type LIST = TypeSystem.getDefault().LIST();

  /** A row as the map of stored properties it stands for ({@link #row(String, String)}). */
  private static Map<String, Object> row(Value v, List<String> props) {
    if (v.isNull()) {
      return Map.of();
    }
    if (props == null || !v.hasType(LIST)) {
      return v.asMap();
    }
    Map<String, Object> m = new HashMap<>(props.size() * 2);
    for (int j = 0; j < props.size(); j++) {
      Value p = v.get(j);
      if (!p.isNull()) {
        m.put(props.get(j), p.asObject());
      }
    }
    return m;
  }

  private static Map<String, Object> param(int i, String kind, Key k) {
    Map<String, Object> m = new HashMap<>();
    m.put("i", i);
    m.put("kind", kind);
    m.put("id", k.id());
    m.put("out", k.out());
    m.put("types", k.types());
    m.put("otherTypes", k.otherTypes());
    m.put("source", k.source());
    m.put("props", k.props());
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
