/*
 * EAMS benchmark: impact analysis on a generated repository (issue #5), next to a plain int[]
 * breadth-first search over the same graph and the equivalent Cypher variable-length query, in one
 * run against one running app and its embedded DBMS.
 *
 * Run through impact.sh (it generates the file, loads the store, restarts the app so that the
 * projection is built from the store at start, and builds the class path), or by hand:
 *
 *   java -cp "$CP" ImpactBench.java --load    --file scale.xml --model scale-300k   # app running
 *   (restart the app)
 *   java -cp "$CP" ImpactBench.java --measure --file scale.xml --model scale-300k --out DIR
 *
 * (class path: the driver and Jackson jars of the app's lib/main folder, see impact.sh)
 *
 * --load: parses the exchange file (StAX) and writes it straight into the store in the graph shape
 *   of ADR 0002, because the import of 1.3 million concepts in one transaction does not fit in
 *   memory: the model is created through POST /api/models (the model node and its change record),
 *   then, over Bolt, one write transaction per chunk of rows: UNWIND $rows AS r CREATE
 *   (e:Element:<Type>) SET e = r per element type, then UNWIND $rows AS r MATCH (s:Element {id:
 *   r.sourceId}) MATCH (t:Element {id: r.targetId}) CREATE (s)-[x:<Type>]->(t) SET x = r per
 *   relationship type, then the model's elementCount and relationshipCount. Rows carry what
 *   GraphMapping writes for such a concept: elements {id, modelId, type, name, nameEn,
 *   documentation, nameKey, searchKey, textKey, version, createdAt, updatedAt}, relationships {id,
 *   modelId, type, sourceId, targetId, name, documentation, accessType, isDirected, version,
 *   createdAt, updatedAt}. Not written: element properties, folders, views (the analysis does not
 *   read them) and change records for the loaded concepts (the app reads the store at start). The
 *   counts are checked with Cypher afterwards.
 *
 * --measure (after a restart of the app on the loaded store):
 *   (i)   GET /api/models/{m}/projection until it answers 200: buildMillis, elements,
 *         relationships, bytes, seq; the app's RSS
 *   (ii)  POST /api/models/{m}/impact {"start":[id],"change":..,"direction":..,"maxDepth":..,
 *         "limit":..} for --warmup random starts (not counted), then for --starts random starts
 *         (seeded), one at a time over one keep-alive java.net.http client; per request the
 *         client's time (request sent to the whole body read) and summary.elements; then as many
 *         GET /api/metamodel/allowed-relationships?.. (a small answer from memory) as warm-up
 *         requests: the HTTP round trip without a search
 *   (iii) plain int[] CSR adjacency of the same graph (from the file), restricted to the
 *         relationship types and directions along which the change travels for that change kind
 *         and direction (--propagation FILE, the metamodel's propagation.tsv, or --rules): one for
 *         the arcs that carry the impact on ("valid"), one for the arcs that reach their far end
 *         without going on from it ("ends"); a BFS from the same starts to the same depth (stamp
 *         arrays and a queue, allocated once), each start timed alone, after --bfs-passes untimed
 *         passes; visited counts (starts excluded) are compared with the engine's
 *         summary.elements, mismatches listed
 *         (ii) and (iii) run in --rounds rounds of one engine pass and one BFS pass over the same
 *         starts, so that both see much the same load on a shared machine; percentiles pool the
 *         rounds, the engine / BFS ratio is also given per round, and latencies by reach (how
 *         many elements a start impacts)
 *   (iv)  the equivalent Cypher query over Bolt for the first --cypher-starts of those starts, in
 *         the count(DISTINCT) form: MATCH (s:Element {id: $id}) MATCH (s) ((a)-[r:T1|T2|..]-(b)
 *         WHERE (startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN
 *         $reverse)){1,D} (t) WHERE t <> s RETURN count(DISTINCT t), a quantified path pattern
 *         because the change travels along some types and against others (a plain [:T*1..D] has
 *         one direction; it is used when all go one way); with "ends" arcs, a UNION with one hop
 *         over them from what the pattern reaches in {0,D-1} (cypherQuery() prints the text).
 *         Three untimed queries first. Per-query timeout (--cypher-timeout-s); timeouts are
 *         counted and enter the percentiles as the timeout (those percentiles are then lower
 *         bounds). Counts are compared with the BFS.
 *   (v)   --refresh-rounds rounds of one POST /api/models/{m}/batch of --refresh-changes changes
 *         (a fifth element creates, two fifths relationship creates that join the new elements to
 *         existing ones with triples the model already has, a fifth relationship deletes, a fifth
 *         element renames). Odd rounds: GET /api/models/{m}/projection is polled (every 5 ms)
 *         until its seq reaches the batch's seq, the time from the batch's answer to that answer,
 *         then one impact query; even rounds: one impact query right after the batch's answer (its
 *         time, and its seq must reach the batch's), then the status. The status's
 *         lastRefreshChanges and lastRefreshMillis (the app's own refresh time) are printed. Then
 *         impact queries on --refresh-checks elements next to the changes, compared with a BFS
 *         over the changed graph
 *   Per phase: the app's CPU time, this client's and other processes' ("foreign cpu").
 *   Writes starts.csv (one row per start: engine, BFS and Cypher time and count) and refresh.csv
 *   to --out.
 *
 * Options:
 *   --file PATH          the generated exchange file (required)
 *   --model ID           model id                                     (default scale-300k)
 *   --base URL           EAMS base URL                                (default http://127.0.0.1:18080)
 *   --bolt URI           Bolt URI of the same DBMS                    (default bolt://127.0.0.1:17687)
 *   --database NAME      Neo4j database                               (default neo4j)
 *   --chunk N            rows per load transaction                    (default 10000)
 *   --starts N           measured starts                              (default 1000)
 *   --warmup N           warm-up requests                             (default 200)
 *   --seed N             seed of the starts and the refresh batches   (default 20261130)
 *   --change KIND        removed | changed | unavailable              (default unavailable)
 *   --direction D        dependents | dependencies                    (default dependents)
 *   --depth D            maxDepth                                     (default 6)
 *   --limit N            limit                                        (default 100)
 *   --propagation FILE   the metamodel's propagation.tsv: the types and directions of valid
 *                        propagation for --change, reversed for "dependencies" (impact.sh gives it)
 *   --rules SPEC         instead: Type> (source to target), Type< (target to source) or Type<>,
 *                        comma separated, for --change and --direction (default, "unavailable" and
 *                        "dependents": Serving>,Realization>,Assignment>,Access<,Composition<,Flow>,
 *                        Triggering>)
 *   --bfs-passes N       untimed BFS passes before the first round    (default 3)
 *   --rounds N           rounds of one engine pass and one BFS pass  (default 3)
 *   --cypher-starts N    starts measured with Cypher (0: none)        (default 100)
 *   --cypher-timeout-s S per-query transaction timeout               (default 10)
 *   --refresh-rounds N   refresh batches (0: none)                    (default 4)
 *   --refresh-changes N  changes per batch                            (default 1000)
 *   --refresh-checks N   starts checked against the BFS after each batch (default 50)
 *   --out DIR            CSV folder                                   (default: none written)
 *   --app-pid PID        the app's pid (RSS, CPU times)
 *   --no-api             only the BFS and Cypher (for an app without the impact API)
 */

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.TransientException;

public class ImpactBench {

  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  // "unavailable", "dependents" (metamodel/archimate-3.2/propagation.tsv)
  static final String DEFAULT_RULES =
      "Serving>,Realization>,Assignment>,Assignment<end,Access<,Composition<,Flow>,Triggering>";

  // ---- options ----------------------------------------------------------------------------------
  static String mode;
  static Path file;
  static String modelId = "scale-300k";
  static String base = "http://127.0.0.1:18080";
  static String bolt = "bolt://127.0.0.1:17687";
  static String database = "neo4j";
  static int chunk = 10_000;
  static int nStarts = 1000;
  static int nWarmup = 200;
  static long seed = 20261130L;
  static String change = "unavailable";
  static String direction = "dependents";
  static int depth = 6;
  static int limit = 100;
  static Path propagationFile;
  static String rulesSpec;
  static int bfsPasses = 3;
  static int rounds = 3;
  static int cypherStarts = 100;
  static int cypherTimeoutS = 10;
  static int refreshRounds = 4;
  static int refreshChanges = 1000;
  static int refreshChecks = 50;
  static Path outDir;
  static long appPid = -1;
  static boolean noApi;
  static double[] floorMs;
  static final String FLOOR_PATH = "/api/metamodel/allowed-relationships?source=ApplicationComponent&target=ApplicationService";

  static HttpClient http;
  static Driver driver;
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    parse(args);
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    if (mode.equals("load") || cypherStarts > 0) {
      driver =
          GraphDatabase.driver(
              bolt,
              AuthTokens.none(),
              Config.builder().withoutEncryption().withLogging(Logging.none()).build());
      driver.verifyConnectivity();
    }
    int status;
    try {
      status = mode.equals("load") ? load() : measure();
    } finally {
      if (driver != null) driver.close();
    }
    System.exit(status);
  }

  // =================================================================================================
  // The model, as read from the exchange file

  static final class Model {
    final List<String> types = new ArrayList<>(); // element types, index = type code
    final List<String> relTypes = new ArrayList<>(); // relationship types, index = type code
    final Map<String, Integer> typeCode = new HashMap<>();
    final Map<String, Integer> relTypeCode = new HashMap<>();
    final Map<String, Integer> index = new HashMap<>();
    String name = "";
    String[] elId;
    int[] elType;
    String[] elName;
    String[] elNameEn;
    String[] elDoc;
    String[] relId;
    int[] relType;
    int[] src;
    int[] tgt;
    String[] relName;
    String[] relDoc;
    String[] relAccess;
    boolean[] relDirected;
    int ne;
    int nr;

    int code(Map<String, Integer> codes, List<String> names, String name) {
      return codes.computeIfAbsent(
          name,
          k -> {
            names.add(k);
            return names.size() - 1;
          });
    }
  }

  /** Reads elements and relationships (and, with texts, their names and documentation). */
  static Model read(Path path, boolean texts) throws Exception {
    long t0 = System.nanoTime();
    Model m = new Model();
    List<String> ids = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> namesEn = new ArrayList<>();
    List<String> docs = new ArrayList<>();
    List<String> rids = new ArrayList<>();
    int[] rtype = new int[1 << 20];
    int[] rsrc = new int[1 << 20];
    int[] rtgt = new int[1 << 20];
    List<String> rnames = new ArrayList<>();
    List<String> rdocs = new ArrayList<>();
    List<String> raccess = new ArrayList<>();
    List<Boolean> rdirected = new ArrayList<>();
    XMLInputFactory xf = XMLInputFactory.newFactory();
    xf.setProperty(XMLInputFactory.IS_COALESCING, true);
    xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      XMLStreamReader x = xf.createXMLStreamReader(in);
      int depthNow = 0;
      String section = null;
      boolean inElement = false;
      boolean inRel = false;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          depthNow++;
          String ln = x.getLocalName();
          if (depthNow == 2) {
            section = ln;
            if (ln.equals("name") && m.name.isEmpty()) {
              m.name = x.getElementText();
              depthNow--;
              section = null;
            }
          } else if (depthNow == 3 && "elements".equals(section) && ln.equals("element")) {
            m.index.put(x.getAttributeValue(null, "identifier"), ids.size());
            ids.add(x.getAttributeValue(null, "identifier"));
            types.add(m.code(m.typeCode, m.types, x.getAttributeValue(XSI, "type")));
            names.add("");
            namesEn.add("");
            docs.add("");
            inElement = true;
          } else if (depthNow == 3 && "relationships".equals(section) && ln.equals("relationship")) {
            int r = rids.size();
            if (r == rtype.length) {
              rtype = Arrays.copyOf(rtype, r * 2);
              rsrc = Arrays.copyOf(rsrc, r * 2);
              rtgt = Arrays.copyOf(rtgt, r * 2);
            }
            rids.add(x.getAttributeValue(null, "identifier"));
            rtype[r] = m.code(m.relTypeCode, m.relTypes, x.getAttributeValue(XSI, "type"));
            Integer s = m.index.get(x.getAttributeValue(null, "source"));
            Integer t = m.index.get(x.getAttributeValue(null, "target"));
            if (s == null || t == null) {
              throw new IllegalStateException(
                  "relationship " + rids.get(r) + " has an end that is not an element");
            }
            rsrc[r] = s;
            rtgt[r] = t;
            rnames.add("");
            rdocs.add("");
            raccess.add(x.getAttributeValue(null, "accessType"));
            rdirected.add("true".equals(x.getAttributeValue(null, "isDirected")));
            inRel = true;
          } else if (depthNow == 4 && (inElement || inRel) && texts
              && (ln.equals("name") || ln.equals("documentation"))) {
            String lang = x.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
            String text = x.getElementText(); // consumes the end tag
            depthNow--;
            boolean en = "en".equals(lang);
            if (inElement) {
              int e = ids.size() - 1;
              if (ln.equals("name")) {
                if (en && namesEn.get(e).isEmpty()) namesEn.set(e, text);
                else if (!en && names.get(e).isEmpty()) names.set(e, text);
              } else if (!en && docs.get(e).isEmpty()) {
                docs.set(e, text);
              }
            } else {
              int r = rids.size() - 1;
              if (!en && ln.equals("name") && rnames.get(r).isEmpty()) rnames.set(r, text);
              if (!en && ln.equals("documentation") && rdocs.get(r).isEmpty()) rdocs.set(r, text);
            }
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          if (depthNow == 3) {
            inElement = false;
            inRel = false;
          }
          if (depthNow == 2) section = null;
          depthNow--;
        }
      }
      x.close();
    }
    m.ne = ids.size();
    m.nr = rids.size();
    m.elId = ids.toArray(new String[0]);
    m.elType = types.stream().mapToInt(Integer::intValue).toArray();
    m.relId = rids.toArray(new String[0]);
    m.relType = Arrays.copyOf(rtype, m.nr);
    m.src = Arrays.copyOf(rsrc, m.nr);
    m.tgt = Arrays.copyOf(rtgt, m.nr);
    m.relAccess = raccess.toArray(new String[0]);
    m.relDirected = new boolean[m.nr];
    for (int r = 0; r < m.nr; r++) m.relDirected[r] = rdirected.get(r);
    if (texts) {
      m.elName = names.toArray(new String[0]);
      m.elNameEn = namesEn.toArray(new String[0]);
      m.elDoc = docs.toArray(new String[0]);
      m.relName = rnames.toArray(new String[0]);
      m.relDoc = rdocs.toArray(new String[0]);
    }
    System.out.printf(
        Locale.ROOT,
        "# read %s: %,d elements (%d types), %,d relationships in %.1f s%n",
        path.getFileName(), m.ne, m.types.size(), m.nr, (System.nanoTime() - t0) / 1e9);
    Map<String, Integer> byType = new TreeMap<>();
    for (int r = 0; r < m.nr; r++) byType.merge(m.relTypes.get(m.relType[r]), 1, Integer::sum);
    System.out.println("# relationship types: " + byCount(byType));
    return m;
  }

  // =================================================================================================
  // --load

  static int load() throws Exception {
    Model m = read(file, true);
    long t0 = System.nanoTime();
    String body =
        "{\"id\":\"" + json(modelId) + "\",\"name\":\"" + json(m.name.isEmpty() ? modelId : m.name) + "\"}";
    HttpResponse<String> r =
        http.send(
            authorized(URI.create(base + "/api/models"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      System.err.println("create model " + modelId + " -> HTTP " + r.statusCode() + ": " + r.body());
      return 1;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    double elementS =
        writeChunks("elements", m.ne, e -> m.types.get(m.elType[e]), e -> elementRow(m, e, now),
            type -> "UNWIND $rows AS r CREATE (e:Element:" + type + ") SET e = r");
    double relS =
        writeChunks("relationships", m.nr, i -> m.relTypes.get(m.relType[i]), i -> relationshipRow(m, i, now),
            type -> "UNWIND $rows AS r MATCH (s:Element {id: r.sourceId}) MATCH (t:Element {id: r.targetId})"
                + " CREATE (s)-[x:" + type + "]->(t) SET x = r");
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      s.executeWrite(
          tx ->
              tx.run(
                      "MATCH (m:Model {id: $m}) SET m.elementCount = $e, m.relationshipCount = $r",
                      Map.of("m", modelId, "e", (long) m.ne, "r", (long) m.nr))
                  .consume());
    }
    System.out.printf(
        Locale.ROOT,
        "# loaded %,d elements in %.1f s, %,d relationships in %.1f s (total with the model %.1f s)%n",
        m.ne, elementS, m.nr, relS, (System.nanoTime() - t0) / 1e9);
    return verifyStore(m) ? 0 : 1;
  }

  /**
   * Writes rows 0..count-1 in write transactions of --chunk rows, one statement per type in each;
   * returns the seconds taken.
   */
  static double writeChunks(String what, int count, java.util.function.IntFunction<String> typeOf,
      java.util.function.IntFunction<Map<String, Object>> rowOf, java.util.function.Function<String, String> statement) {
    long t0 = System.nanoTime();
    for (int from = 0; from < count; from += chunk) {
      int to = Math.min(count, from + chunk);
      Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
      for (int i = from; i < to; i++) byType.computeIfAbsent(typeOf.apply(i), k -> new ArrayList<>()).add(rowOf.apply(i));
      try (Session s = driver.session(SessionConfig.forDatabase(database))) {
        s.executeWrite(
            tx -> {
              byType.forEach((type, rows) -> tx.run(statement.apply(checkedName(type)), Map.of("rows", rows)).consume());
              return null;
            });
      }
      progress(what, to, count, t0);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static Map<String, Object> elementRow(Model m, int e, OffsetDateTime now) {
    String name = m.elName[e];
    String nameEn = m.elNameEn[e];
    String doc = m.elDoc[e];
    Map<String, Object> row = new HashMap<>();
    row.put("id", m.elId[e]);
    row.put("modelId", modelId);
    row.put("type", m.types.get(m.elType[e]));
    row.put("name", name);
    row.put("nameKey", foldKey(name));
    row.put("searchKey", foldKey(name + "\n" + nameEn));
    row.put("textKey", foldKey(name + "\n" + nameEn + "\n" + doc + "\n\n"));
    if (!nameEn.isEmpty()) row.put("nameEn", nameEn);
    if (!doc.isEmpty()) row.put("documentation", doc);
    row.put("version", 1L);
    row.put("createdAt", now);
    row.put("updatedAt", now);
    return row;
  }

  static Map<String, Object> relationshipRow(Model m, int i, OffsetDateTime now) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", m.relId[i]);
    row.put("modelId", modelId);
    row.put("type", m.relTypes.get(m.relType[i]));
    row.put("sourceId", m.elId[m.src[i]]);
    row.put("targetId", m.elId[m.tgt[i]]);
    if (!m.relName[i].isEmpty()) row.put("name", m.relName[i]);
    if (!m.relDoc[i].isEmpty()) row.put("documentation", m.relDoc[i]);
    if (m.relAccess[i] != null && !m.relAccess[i].isEmpty()) row.put("accessType", m.relAccess[i]);
    if (m.relDirected[i]) row.put("isDirected", true);
    row.put("version", 1L);
    row.put("createdAt", now);
    row.put("updatedAt", now);
    return row;
  }

  static void progress(String what, int done, int total, long t0) {
    if (done == total || (done / chunk) % 10 == 0) {
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "#   %s %,d / %,d (%.0f s, %,.0f per s)%n", what, done, total, s, done / s);
    }
  }

  static boolean verifyStore(Model m) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      long ne = s.run("MATCH (e:Element {modelId: $m}) RETURN count(e) AS c", Map.of("m", modelId)).single().get("c").asLong();
      Map<String, Long> expected = new TreeMap<>();
      for (int r = 0; r < m.nr; r++) expected.merge(m.relTypes.get(m.relType[r]), 1L, Long::sum);
      boolean ok = ne == m.ne;
      long nr = 0;
      for (var en : expected.entrySet()) {
        long c =
            s.run("MATCH ()-[x:" + checkedName(en.getKey()) + "]->() WHERE x.modelId = $m RETURN count(x) AS c",
                    Map.of("m", modelId))
                .single().get("c").asLong();
        nr += c;
        ok &= c == en.getValue();
      }
      var counts = s.run("MATCH (m:Model {id: $m}) RETURN m.elementCount AS e, m.relationshipCount AS r", Map.of("m", modelId)).single();
      ok &= counts.get("e").asLong() == m.ne && counts.get("r").asLong() == m.nr;
      System.out.printf(Locale.ROOT, "# store: model %s holds %,d elements, %,d relationships (model node %d / %d): %s%n",
          modelId, ne, nr, counts.get("e").asLong(), counts.get("r").asLong(), ok ? "OK" : "MISMATCH");
      return ok;
    }
  }

  // =================================================================================================
  // --measure

  /** Which way each relationship type propagates: bit 1 source to target, bit 2 target to source. */
  static Map<String, Integer> rules;

  /** The same for "ends": the far end is affected, but the impact does not travel on from it. */
  static Map<String, Integer> endRules = new LinkedHashMap<>();

  static int measure() throws Exception {
    if (propagationFile != null) readPropagation(propagationFile);
    else parseRules(rulesSpec == null ? DEFAULT_RULES : rulesSpec);
    System.out.println("# propagation for " + change + "/" + direction + " (" + (propagationFile != null ? propagationFile : "--rules") + "): " + describeRules());
    Model m = read(file, false);
    boolean ok = true;

    // (i) projection
    JsonNode projection = JSON.createObjectNode();
    if (!noApi) {
      System.out.println();
      System.out.println("## (i) projection");
      long p0 = System.nanoTime();
      projection = null;
      int polls = 0;
      while (System.nanoTime() - p0 < 600e9) {
        HttpResponse<String> r = get("/api/models/" + modelId + "/projection");
        polls++;
        if (r.statusCode() == 200) {
          projection = JSON.readTree(r.body());
          break;
        }
        if (polls == 1) System.out.println("# GET projection -> HTTP " + r.statusCode() + "; polling");
        Thread.sleep(200);
      }
      if (projection == null) {
        System.out.println("# the projection endpoint did not answer 200 within 600 s");
        return 1;
      }
      System.out.printf(Locale.ROOT, "# GET /api/models/%s/projection (after %d request(s), %.0f ms): %s%n",
          modelId, polls, (System.nanoTime() - p0) / 1e6, projection);
      System.out.printf(Locale.ROOT, "projection buildMillis %d, elements %d, relationships %d, bytes %d, seq %d; app rss %s MB%n",
          projection.path("buildMillis").asLong(-1), projection.path("elements").asLong(-1),
          projection.path("relationships").asLong(-1), projection.path("bytes").asLong(-1),
          projection.path("seq").asLong(-1), rssMb());
    }

    // starts: distinct elements of the file, seeded
    int[] starts = sample(new Random(seed), m.ne, Math.min(nStarts, m.ne));
    int[] warm = sample(new Random(seed + 1), m.ne, Math.min(nWarmup, m.ne));

    // (ii) engine and (iii) BFS, in --rounds rounds of one engine pass and one BFS pass over the
    // same starts, so that both see much the same load on a shared machine
    int n = starts.length;
    double[][] engineR = new double[rounds][n];
    double[][] bfsR = new double[rounds][n];
    double[][] floorR = new double[rounds][];
    long[] engineCount = new long[n];
    long[] engineSeq = new long[n];
    String[] engineNote = new String[n];
    Arrays.fill(engineNote, noApi ? "HTTP none" : "");
    System.out.println();
    System.out.println("## (ii) impact through the API and (iii) a plain int[] BFS over the same graph (in this JVM)");
    Csr g = Csr.build(m, null, rules);
    Csr ge = Csr.build(m, null, endRules);
    System.out.printf(Locale.ROOT, "# CSR: %,d nodes, %,d arcs that carry the impact on and %,d that end it (of %,d relationships), built in %.0f ms%n",
        g.n, g.adj.length, ge.adj.length, m.nr, g.buildMs + ge.buildMs);
    Bfs bfs = new Bfs(g.n);
    begin();
    for (int p = 0; p < bfsPasses; p++) for (int s : starts) bfs.run(g, ge, s, depth);
    end("BFS warm-up: " + bfsPasses + " passes");
    long[] bfsCount = new long[n];
    long[] bfsArcs = new long[n];
    if (!noApi) {
      begin();
      for (int s : warm) impact(m.elId[s]);
      end("engine warm-up: " + warm.length + " requests");
    }
    int unstable = 0;
    for (int round = 0; round < rounds; round++) {
      if (!noApi) {
        begin();
        long e0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          Impact r = impact(m.elId[starts[i]]);
          engineR[round][i] = r.ms;
          String note = r.status == 200 ? (r.truncated ? "truncated" : "") : "HTTP " + r.status;
          if (round == 0) {
            engineCount[i] = r.elements;
            engineSeq[i] = r.seq;
            engineNote[i] = note;
          } else if (r.elements != engineCount[i]) {
            unstable++;
          }
        }
        end(String.format(Locale.ROOT, "round %d, engine: %d requests in %.1f s", round + 1, n, (System.nanoTime() - e0) / 1e9));
        floorR[round] = new double[Math.max(1, nWarmup)];
        for (int i = 0; i < floorR[round].length; i++) {
          long t = System.nanoTime();
          HttpResponse<String> r = get(FLOOR_PATH);
          floorR[round][i] = (System.nanoTime() - t) / 1e6;
          if (r.statusCode() != 200) throw new IllegalStateException("GET " + FLOOR_PATH + " -> HTTP " + r.statusCode());
        }
      }
      begin();
      for (int i = 0; i < n; i++) {
        long t = System.nanoTime();
        int c = bfs.run(g, ge, starts[i], depth);
        bfsR[round][i] = (System.nanoTime() - t) / 1e6;
        bfsCount[i] = c;
        bfsArcs[i] = bfs.arcs;
      }
      end(String.format(Locale.ROOT, "round %d, BFS", round + 1));
      if (!noApi) {
        System.out.printf(Locale.ROOT, "round %d: engine p50 %s p95 %s p99 %s ms | floor p50 %s ms | BFS p50 %s p95 %s p99 %s ms | engine/BFS p95 %.1f%n", round + 1,
            f(q(engineR[round], 0.5)), f(q(engineR[round], 0.95)), f(q(engineR[round], 0.99)), f(q(floorR[round], 0.5)),
            f(q(bfsR[round], 0.5)), f(q(bfsR[round], 0.95)), f(q(bfsR[round], 0.99)), q(engineR[round], 0.95) / q(bfsR[round], 0.95));
      } else {
        System.out.printf(Locale.ROOT, "round %d: BFS p50 %s p95 %s p99 %s ms%n", round + 1, f(q(bfsR[round], 0.5)), f(q(bfsR[round], 0.95)), f(q(bfsR[round], 0.99)));
      }
    }
    double[] engineMs = concat(engineR);
    double[] bfsMs = concat(bfsR);
    floorMs = noApi ? new double[0] : concat(floorR);
    long errors = Arrays.stream(engineNote).filter(x -> x.startsWith("HTTP") && !noApi).count();
    if (errors > 0) {
      ok = false;
      System.out.println("# " + errors + " requests failed, e.g. " + Arrays.stream(engineNote).filter(x -> x.startsWith("HTTP")).findFirst().orElse(""));
    }
    if (unstable > 0) {
      ok = false;
      System.out.println("# " + unstable + " answers of later rounds differ from the first round's");
    }
    if (!noApi) {
      System.out.println("engine  " + pct(engineMs, "ms") + "  (" + rounds + " rounds pooled)");
      System.out.println("floor   " + pct(floorMs, "ms") + "  (GET " + FLOOR_PATH + ": an HTTP round trip without a search)");
      System.out.println("# app rss after the requests: " + rssMb() + " MB");
    }
    System.out.println("bfs     " + pct(bfsMs, "ms") + "  (" + rounds + " rounds pooled)");
    long arcSum = Arrays.stream(bfsArcs).sum() * rounds;
    double msSum = Arrays.stream(bfsMs).sum();
    System.out.printf(Locale.ROOT, "# BFS scanned %,d arcs in %.1f ms: %.0f M arcs/s%n", arcSum, msSum, arcSum / msSum / 1e3);
    int mismatches = 0;
    for (int i = 0; i < n; i++) {
      if (engineNote[i].startsWith("HTTP")) continue;
      if (engineCount[i] != bfsCount[i]) {
        if (mismatches < 20) {
          System.out.printf(Locale.ROOT, "MISMATCH start %s (%s): engine %d, bfs %d%n",
              m.elId[starts[i]], m.types.get(m.elType[starts[i]]), engineCount[i], bfsCount[i]);
        }
        mismatches++;
      }
    }
    if (!noApi) System.out.printf(Locale.ROOT, "engine vs bfs: %d of %d starts differ%n", mismatches, n);

    // (iv) Cypher
    int nc = Math.min(cypherStarts, starts.length);
    double[] cypherMs = new double[nc];
    long[] cypherCount = new long[nc];
    String[] cypherNote = new String[nc];
    if (nc > 0) {
      System.out.println();
      System.out.println("## (iv) the equivalent Cypher query over Bolt");
      String q = cypherQuery();
      System.out.println("# " + q.replace('\n', ' '));
      System.out.println("# forward " + typesWith(rules, 1) + ", reverse " + typesWith(rules, 2) + ", ending forward "
          + typesWith(endRules, 1) + ", ending reverse " + typesWith(endRules, 2) + "; timeout " + cypherTimeoutS + " s");
      begin();
      long w0 = System.nanoTime();
      try (Session s = driver.session(SessionConfig.forDatabase(database))) {
        long rels = s.run("MATCH (a:Element)-[r]->() WHERE a.modelId = $m RETURN count(r) AS c", Map.of("m", modelId)).single().get("c").asLong();
        System.out.printf(Locale.ROOT, "# page cache warm-up: %,d relationships of the model's elements in %.1f s%n", rels, (System.nanoTime() - w0) / 1e9);
      }
      for (int i = 0; i < 3; i++) cypher(q, m.elId[warm[i]]);
      end("warm-up (3 queries, not counted)");
      int timeouts = 0;
      int cmis = 0;
      begin();
      for (int i = 0; i < nc; i++) {
        Object[] r = cypher(q, m.elId[starts[i]]);
        cypherMs[i] = (double) r[0];
        cypherCount[i] = (long) r[1];
        cypherNote[i] = (String) r[2];
        if (cypherNote[i].equals("timeout")) timeouts++;
        else if (cypherNote[i].isEmpty() && cypherCount[i] != bfsCount[i]) {
          cmis++;
          if (cmis <= 10) System.out.printf(Locale.ROOT, "CYPHER MISMATCH start %s: cypher %d, bfs %d%n", m.elId[starts[i]], cypherCount[i], bfsCount[i]);
        }
      }
      end(nc + " queries");
      System.out.println("cypher  " + pct(cypherMs, "ms") + (timeouts > 0 ? "  (" + timeouts + " timeouts at " + cypherTimeoutS + " s, counted as " + cypherTimeoutS * 1000 + " ms: lower bounds)" : ""));
      System.out.printf(Locale.ROOT, "cypher vs bfs: %d of %d completed queries differ; %d timeouts%n", cmis, nc - timeouts, timeouts);
    }

    // per-start CSV
    if (outDir != null) {
      Files.createDirectories(outDir);
      List<String> lines = new ArrayList<>();
      StringBuilder h = new StringBuilder("i,start,type,bfs_elements,bfs_arcs,engine_elements,engine_seq,engine_note");
      for (int r = 1; r <= rounds; r++) h.append(",engine_ms_r").append(r);
      for (int r = 1; r <= rounds; r++) h.append(",bfs_ms_r").append(r);
      h.append(",cypher_ms,cypher_elements,cypher_note");
      lines.add(h.toString());
      for (int i = 0; i < n; i++) {
        StringBuilder l = new StringBuilder(String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%d,%d,%s", i, m.elId[starts[i]],
            m.types.get(m.elType[starts[i]]), bfsCount[i], bfsArcs[i], engineCount[i], engineSeq[i], engineNote[i]));
        for (int r = 0; r < rounds; r++) l.append(String.format(Locale.ROOT, ",%.3f", engineR[r][i]));
        for (int r = 0; r < rounds; r++) l.append(String.format(Locale.ROOT, ",%.4f", bfsR[r][i]));
        l.append(i < nc ? String.format(Locale.ROOT, ",%.3f,%d,%s", cypherMs[i], cypherCount[i], cypherNote[i]) : ",,,");
        lines.add(l.toString());
      }
      Files.write(outDir.resolve("starts.csv"), lines, StandardCharsets.UTF_8);
    }

    // (v) refresh
    List<String> refreshLines = new ArrayList<>();
    refreshLines.add("round,mode,changes,batch_ms,batch_seq,projection_ms,polls,projection_seq,impact_ms,impact_seq,app_refresh_changes,app_refresh_ms,checked,check_mismatches");
    if (refreshRounds > 0 && !noApi) {
      System.out.println();
      System.out.println("## (v) refresh after a batch of " + refreshChanges + " changes");
      ok &= refresh(m, refreshLines);
    }
    if (outDir != null) Files.write(outDir.resolve("refresh.csv"), refreshLines, StandardCharsets.UTF_8);

    // summary
    System.out.println();
    System.out.println("## summary");
    System.out.printf(Locale.ROOT, "model %s: %,d elements, %,d relationships; %d starts (seed %d) x %d rounds, change %s, direction %s, maxDepth %d, limit %d%n",
        modelId, m.ne, m.nr, n, seed, rounds, change, direction, depth, limit);
    System.out.println("# impacted elements per start (BFS): " + countStats(bfsCount));
    byReach(noApi ? null : engineR, bfsR, bfsCount, cypherMs, cypherNote, nc);
    if (noApi) {
      System.out.println("plain BFS                  " + pct(bfsMs, "ms"));
      if (nc > 0) {
        System.out.println("BFS, Cypher's starts       " + pct(Arrays.copyOf(bfsMs, nc), "ms"));
        System.out.println("Cypher                     " + pct(cypherMs, "ms"));
      }
      System.out.println("(--no-api: no engine figures)");
      return ok ? 0 : 1;
    }
    System.out.println("projection buildMillis " + projection.path("buildMillis").asLong(-1) + ", bytes " + projection.path("bytes").asLong(-1));
    System.out.println("engine (REST, client time) " + pct(engineMs, "ms"));
    System.out.println("HTTP floor (small GET)     " + pct(floorMs, "ms"));
    System.out.println("plain BFS                  " + pct(bfsMs, "ms"));
    if (nc > 0) {
      double[] engineSub = concat(Arrays.stream(engineR).map(x -> Arrays.copyOf(x, nc)).toArray(double[][]::new));
      double[] bfsSub = concat(Arrays.stream(bfsR).map(x -> Arrays.copyOf(x, nc)).toArray(double[][]::new));
      double[] engineFirst = Arrays.copyOf(engineR[0], nc);
      System.out.println("engine, Cypher's starts    " + pct(engineSub, "ms"));
      System.out.println("BFS, Cypher's starts       " + pct(bfsSub, "ms"));
      System.out.println("Cypher                     " + pct(cypherMs, "ms"));
      System.out.printf(Locale.ROOT, "ratio Cypher p50 / engine p50 (same %d starts) = %.1f; p95 / p95 = %.1f; median of per-start ratios (engine's first round) = %.1f  (target >= 20)%n",
          nc, q(cypherMs, 0.50) / q(engineSub, 0.50), q(cypherMs, 0.95) / q(engineSub, 0.95), median(perStart(cypherMs, engineFirst)));
    }
    double[] perRound = new double[rounds];
    for (int r = 0; r < rounds; r++) perRound[r] = q(engineR[r], 0.95) / q(bfsR[r], 0.95);
    Arrays.sort(perRound);
    System.out.printf(Locale.ROOT, "ratio engine p95 / BFS p95 = %.1f (per round %.1f-%.1f); p50 / p50 = %.1f; p99 / p99 = %.1f  (target <= 3)%n",
        q(engineMs, 0.95) / q(bfsMs, 0.95), perRound[0], perRound[rounds - 1], q(engineMs, 0.50) / q(bfsMs, 0.50), q(engineMs, 0.99) / q(bfsMs, 0.99));
    System.out.printf(Locale.ROOT, "engine p95 = %.2f ms (target <= 10 ms)%n", q(engineMs, 0.95));
    System.out.printf(Locale.ROOT, "engine vs BFS mismatches: %d of %d%n", mismatches, n);
    if (mismatches > 0) ok = false;
    return ok ? 0 : 1;
  }

  /** Latency percentiles (rounds pooled) by the number of elements a start reaches (from the BFS). */
  static void byReach(double[][] engineR, double[][] bfsR, long[] reach, double[] cypherMs, String[] cypherNote, int nc) {
    long[][] buckets = {{0, 0}, {1, 100}, {101, 1_000}, {1_001, 10_000}, {10_001, 100_000}, {100_001, Long.MAX_VALUE}};
    System.out.println("# by reach (elements impacted):     starts | engine p50 / p95 ms | BFS p50 / p95 ms | engine/BFS p95 | Cypher n, p50 ms, timeouts");
    for (long[] b : buckets) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < reach.length; i++) if (reach[i] >= b[0] && reach[i] <= b[1]) idx.add(i);
      if (idx.isEmpty()) continue;
      double[] e = engineR == null ? null : Arrays.stream(engineR).flatMapToDouble(r -> idx.stream().mapToDouble(i -> r[i])).toArray();
      double[] f = Arrays.stream(bfsR).flatMapToDouble(r -> idx.stream().mapToDouble(i -> r[i])).toArray();
      double[] c = idx.stream().filter(i -> i < nc).mapToDouble(i -> cypherMs[i]).toArray();
      long to = idx.stream().filter(i -> i < nc && "timeout".equals(cypherNote[i])).count();
      String label = b[0] == b[1] ? Long.toString(b[0]) : b[1] == Long.MAX_VALUE ? "> " + (b[0] - 1) : b[0] + "-" + b[1];
      System.out.printf(Locale.ROOT, "#   %-30s %6d | %8s / %8s | %8s / %8s | %6s | %3d, %8s, %d%n", label, idx.size(),
          e == null ? "-" : f(q(e, 0.5)), e == null ? "-" : f(q(e, 0.95)), f(q(f, 0.5)), f(q(f, 0.95)),
          e == null ? "-" : String.format(Locale.ROOT, "%.1f", q(e, 0.95) / q(f, 0.95)), c.length, c.length == 0 ? "-" : f(q(c, 0.5)), to);
    }
  }

  // ---- the engine ---------------------------------------------------------------------------------

  record Impact(int status, double ms, long elements, long seq, boolean truncated, String body) {}

  static Impact impact(String startId) throws Exception {
    byte[] body = ("{\"start\":[\"" + json(startId) + "\"],\"change\":\"" + change + "\",\"direction\":\"" + direction
            + "\",\"maxDepth\":" + depth + ",\"limit\":" + limit + "}").getBytes(StandardCharsets.UTF_8);
    HttpRequest req =
        authorized(URI.create(base + "/api/models/" + modelId + "/impact"))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (resp.statusCode() != 200) {
      return new Impact(resp.statusCode(), ms, -1, -1, false, resp.body());
    }
    JsonNode j = JSON.readTree(resp.body());
    return new Impact(200, ms, j.path("summary").path("elements").asLong(-1), j.path("seq").asLong(-1),
        j.path("truncated").asBoolean(false), null);
  }

  // ---- the BFS ------------------------------------------------------------------------------------

  /** Compressed sparse rows: the arcs the propagation follows, out of every node. */
  static final class Csr {
    int n;
    int[] off;
    int[] adj;
    double buildMs;

    /** From the model's relationships (those not marked dead), extra ones appended by the refresh. */
    static Csr build(Model m, Graph extra, Map<String, Integer> rules) {
      long t0 = System.nanoTime();
      int n = m.ne + (extra == null ? 0 : extra.newTypes.size());
      int[] dirOf = new int[m.relTypes.size()];
      for (int t = 0; t < dirOf.length; t++) dirOf[t] = rules.getOrDefault(m.relTypes.get(t), 0);
      int[] deg = new int[n + 1];
      int total = m.nr + (extra == null ? 0 : extra.src.size());
      for (int r = 0; r < total; r++) {
        int d = dirAt(m, extra, dirOf, rules, r);
        if (d == 0) continue;
        if ((d & 1) != 0) deg[srcAt(m, extra, r)]++;
        if ((d & 2) != 0) deg[tgtAt(m, extra, r)]++;
      }
      int[] off = new int[n + 1];
      for (int i = 0; i < n; i++) off[i + 1] = off[i] + deg[i];
      int[] pos = Arrays.copyOf(off, n);
      int[] adj = new int[off[n]];
      for (int r = 0; r < total; r++) {
        int d = dirAt(m, extra, dirOf, rules, r);
        if (d == 0) continue;
        int s = srcAt(m, extra, r);
        int t = tgtAt(m, extra, r);
        if ((d & 1) != 0) adj[pos[s]++] = t;
        if ((d & 2) != 0) adj[pos[t]++] = s;
      }
      Csr c = new Csr();
      c.n = n;
      c.off = off;
      c.adj = adj;
      c.buildMs = (System.nanoTime() - t0) / 1e6;
      return c;
    }

    static int dirAt(Model m, Graph extra, int[] dirOf, Map<String, Integer> rules, int r) {
      if (r < m.nr) return extra != null && extra.dead.contains(r) ? 0 : dirOf[m.relType[r]];
      int k = r - m.nr;
      return extra.dead.contains(r) ? 0 : rules.getOrDefault(extra.type.get(k), 0);
    }

    static int srcAt(Model m, Graph extra, int r) {
      return r < m.nr ? m.src[r] : extra.src.get(r - m.nr);
    }

    static int tgtAt(Model m, Graph extra, int r) {
      return r < m.nr ? m.tgt[r] : extra.tgt.get(r - m.nr);
    }
  }

  /**
   * A breadth-first search to a depth, with stamp arrays and a queue allocated once. Arcs of {@code
   * g} carry the impact on; arcs of {@code ends} reach a node without going on from it (unless a
   * carrying arc reaches it too, at the same depth or later: then it goes on from there). Looking
   * for what the start depends on ({@code endsFirstStepOnly}), such an arc can only be the first
   * step from the start, and the search goes on from its far end.
   */
  static final class Bfs {
    final boolean endsFirstStepOnly = direction.equals("dependencies");
    int[] mark; // == stamp: reached
    int[] endOnly; // == stamp: reached through "ends" arcs only, not queued
    int[] queue;
    int stamp;
    long arcs;

    Bfs(int n) {
      mark = new int[n];
      endOnly = new int[n];
      queue = new int[n];
    }

    /** Number of nodes reached within maxDepth hops, the start excluded. */
    int run(Csr g, Csr ends, int s, int maxDepth) {
      if (mark.length < g.n) {
        mark = new int[g.n];
        endOnly = new int[g.n];
        queue = new int[g.n];
        stamp = 0;
      }
      int st = ++stamp;
      int[] mk = mark;
      int[] eo = endOnly;
      int[] q = queue;
      int[] off = g.off;
      int[] adj = g.adj;
      int[] eoff = ends.off;
      int[] eadj = ends.adj;
      boolean hasEnds = eadj.length > 0;
      long scanned = 0;
      int reached = 0;
      mk[s] = st;
      q[0] = s;
      int head = 0;
      int tail = 1;
      for (int level = 0; level < maxDepth && head < tail; level++) {
        int end = tail;
        while (head < end) {
          int u = q[head++];
          int from = off[u];
          int to = off[u + 1];
          scanned += to - from;
          for (int k = from; k < to; k++) {
            int v = adj[k];
            if (mk[v] != st) {
              mk[v] = st;
              reached++;
              q[tail++] = v;
            } else if (hasEnds && eo[v] == st) {
              eo[v] = 0;
              q[tail++] = v;
            }
          }
          if (hasEnds && (!endsFirstStepOnly || level == 0)) {
            from = eoff[u];
            to = eoff[u + 1];
            scanned += to - from;
            for (int k = from; k < to; k++) {
              int v = eadj[k];
              if (mk[v] != st) {
                mk[v] = st;
                reached++;
                if (endsFirstStepOnly) q[tail++] = v; // "dependencies": a first step, walked on from
                else eo[v] = st;
              }
            }
          }
        }
      }
      arcs = scanned;
      return reached;
    }
  }

  // ---- Cypher ------------------------------------------------------------------------------------

  /**
   * The Cypher form of the same search. Impact that travels along some types and against others
   * needs a quantified path pattern (a plain [:T*1..D] has one direction); arcs that end the impact
   * add one more hop from what is reached within D - 1.
   */
  static String cypherQuery() {
    List<String> fwd = typesWith(rules, 1);
    List<String> rev = typesWith(rules, 2);
    List<String> all = new ArrayList<>(new LinkedHashSet<>(concat(fwd, rev)));
    List<String> ends = new ArrayList<>(new LinkedHashSet<>(concat(typesWith(endRules, 1), typesWith(endRules, 2))));
    all.forEach(ImpactBench::checkedName);
    ends.forEach(ImpactBench::checkedName);
    if (ends.isEmpty() && (rev.isEmpty() || fwd.isEmpty())) {
      String arrowL = fwd.isEmpty() ? "<-" : "-";
      String arrowR = fwd.isEmpty() ? "-" : "->";
      return "MATCH (s:Element {id: $id})" + arrowL + "[:" + String.join("|", all) + "*1.." + depth + "]" + arrowR
          + "(t) WHERE t <> s RETURN count(DISTINCT t) AS n";
    }
    String step = "((a)-[r:" + String.join("|", all) + "]-(b)"
        + " WHERE (startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $reverse))";
    if (ends.isEmpty()) {
      return "MATCH (s:Element {id: $id})\nMATCH (s) " + step + "{1," + depth + "} (t)\nWHERE t <> s\nRETURN count(DISTINCT t) AS n";
    }
    String endTypes = String.join("|", ends);
    String second;
    if (direction.equals("dependencies")) {
      // an arc that ends the impact is only a first step from the start, walked on from
      second = "WITH s\n  MATCH (s)-[e:" + endTypes + "]-(v)"
          + " WHERE (startNode(e) = s AND type(e) IN $endForward) OR (endNode(e) = s AND type(e) IN $endReverse)\n  "
          + (depth == 1 ? "WITH v AS t\n" : "MATCH (v) " + step + "{0," + (depth - 1) + "} (t)\n");
    } else {
      // one hop over such an arc from what is reached within D - 1
      second = (depth == 1 ? "WITH s, s AS v\n  " : "WITH s\n  MATCH (s) " + step + "{0," + (depth - 1) + "} (v)\n  ")
          + "MATCH (v)-[e:" + endTypes + "]-(t)"
          + " WHERE (startNode(e) = v AND type(e) IN $endForward) OR (endNode(e) = v AND type(e) IN $endReverse)\n";
    }
    return "MATCH (s:Element {id: $id})\nCALL {\n  WITH s\n  MATCH (s) " + step + "{1," + depth + "} (t)\n  RETURN t\n"
        + "  UNION\n  " + second + "  RETURN t\n}\nWITH s, t WHERE t <> s\nRETURN count(DISTINCT t) AS n";
  }

  /** {ms, count, note}: note "" when it completed, "timeout", or the error. */
  static Object[] cypher(String q, String id) {
    Map<String, Object> params = Map.of("id", id, "forward", typesWith(rules, 1), "reverse", typesWith(rules, 2),
        "endForward", typesWith(endRules, 1), "endReverse", typesWith(endRules, 2));
    TransactionConfig tc = TransactionConfig.builder().withTimeout(Duration.ofSeconds(cypherTimeoutS)).build();
    long t0 = System.nanoTime();
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      long n = s.run(q, params, tc).single().get("n").asLong();
      return new Object[] {(System.nanoTime() - t0) / 1e6, n, ""};
    } catch (TransientException | ClientException e) {
      double ms = (System.nanoTime() - t0) / 1e6;
      String msg = String.valueOf(e.getMessage());
      boolean timeout = msg.contains("timeout") || msg.contains("terminated") || e.code().contains("Timeout") || e.code().contains("Terminated");
      if (timeout) return new Object[] {cypherTimeoutS * 1000.0, -1L, "timeout"};
      return new Object[] {ms, -1L, "error " + e.code()};
    }
  }

  // ---- refresh ------------------------------------------------------------------------------------

  /** What the refresh batches changed: appended elements and relationships, deleted relationships. */
  static final class Graph {
    final List<Integer> newTypes = new ArrayList<>(); // element type codes of the created elements
    final List<String> newIds = new ArrayList<>();
    final List<Integer> src = new ArrayList<>();
    final List<Integer> tgt = new ArrayList<>();
    final List<String> type = new ArrayList<>();
    final Set<Integer> dead = new HashSet<>();
  }

  static boolean refresh(Model m, List<String> lines) throws Exception {
    Graph g = new Graph();
    Set<Integer> renamed = new HashSet<>();
    // relationships by the type of their target, to attach new elements as targets
    Map<Integer, List<Integer>> byTargetType = new HashMap<>();
    for (int r = 0; r < m.nr; r++) byTargetType.computeIfAbsent(m.elType[m.tgt[r]], k -> new ArrayList<>()).add(r);
    String tag = Long.toString(System.currentTimeMillis(), 36);
    boolean ok = true;
    List<Double> projMs = new ArrayList<>();
    for (int round = 1; round <= refreshRounds; round++) {
      Random rnd = new Random(seed * 31 + round);
      int nNew = refreshChanges / 5;
      int nDel = refreshChanges / 5;
      int nRen = refreshChanges - 3 * nNew - nDel;
      StringBuilder ops = new StringBuilder(refreshChanges * 150);
      List<Integer> touched = new ArrayList<>();
      int firstNewEl = m.ne + g.newTypes.size();
      List<String[]> newRels = new ArrayList<>(); // type, source index, target index
      for (int i = 0; i < nNew; i++) {
        int r = rnd.nextInt(m.nr);
        int type = m.elType[m.src[r]];
        String id = "bench-" + tag + "-" + round + "-e" + i;
        int idx = firstNewEl + i;
        op(ops, "{\"op\":\"create\",\"kind\":\"element\",\"id\":\"" + id + "\",\"data\":{\"type\":\""
            + m.types.get(type) + "\",\"name\":\"Phần tử mới " + round + "-" + i + "\"}}");
        g.newTypes.add(type);
        g.newIds.add(id);
        newRels.add(new String[] {m.relTypes.get(m.relType[r]), Integer.toString(idx), Integer.toString(m.tgt[r])});
        List<Integer> into = byTargetType.get(type);
        if (into != null) {
          int r2 = into.get(rnd.nextInt(into.size()));
          newRels.add(new String[] {m.relTypes.get(m.relType[r2]), Integer.toString(m.src[r2]), Integer.toString(idx)});
        } else {
          int r3 = rnd.nextInt(m.nr);
          newRels.add(new String[] {m.relTypes.get(m.relType[r3]), Integer.toString(m.src[r3]), Integer.toString(m.tgt[r3])});
        }
      }
      for (int k = 0; k < newRels.size(); k++) {
        String[] nr = newRels.get(k);
        int s = Integer.parseInt(nr[1]);
        int t = Integer.parseInt(nr[2]);
        op(ops, "{\"op\":\"create\",\"kind\":\"relationship\",\"id\":\"bench-" + tag + "-" + round + "-r" + k
            + "\",\"data\":{\"type\":\"" + nr[0] + "\",\"sourceId\":\"" + idOf(m, g, s) + "\",\"targetId\":\"" + idOf(m, g, t) + "\"}}");
        g.src.add(s);
        g.tgt.add(t);
        g.type.add(nr[0]);
        touched.add(s);
        touched.add(t);
      }
      for (int i = 0; i < nDel; i++) {
        int r;
        do r = rnd.nextInt(m.nr); while (g.dead.contains(r));
        g.dead.add(r);
        op(ops, "{\"op\":\"delete\",\"kind\":\"relationship\",\"id\":\"" + m.relId[r] + "\",\"version\":1}");
        touched.add(m.src[r]);
        touched.add(m.tgt[r]);
      }
      for (int i = 0; i < nRen; i++) {
        int e;
        do e = rnd.nextInt(m.ne); while (renamed.contains(e));
        renamed.add(e);
        op(ops, "{\"op\":\"update\",\"kind\":\"element\",\"id\":\"" + m.elId[e] + "\",\"version\":1,\"data\":{\"name\":\"Phần tử đổi tên "
            + round + "-" + i + "\"}}");
      }
      byte[] body = ("{\"operations\":[" + ops + "]}").getBytes(StandardCharsets.UTF_8);
      int nOps = nNew + newRels.size() + nDel + nRen;
      begin();
      long t0 = System.nanoTime();
      HttpResponse<String> resp =
          http.send(
              authorized(URI.create(base + "/api/models/" + modelId + "/batch"))
                  .timeout(Duration.ofMinutes(10))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      if (resp.statusCode() != 200) {
        System.out.println("# batch -> HTTP " + resp.statusCode() + ": " + resp.body().substring(0, Math.min(1500, resp.body().length())));
        return false;
      }
      long batchSeq = JSON.readTree(resp.body()).path("seq").asLong(-1);
      double batchMs = (t1 - t0) / 1e6;
      // odd rounds: poll the projection's status until it reflects the batch (the first look after
      // a write brings the projection up to date); even rounds: an impact query first, which does
      // the same, then the status
      boolean queryFirst = round % 2 == 0;
      Impact first = null;
      if (queryFirst) first = impact(idOf(m, g, touched.get(0)));
      long projSeq = -1;
      int polls = 0;
      long t2 = -1;
      JsonNode status = null;
      while (System.nanoTime() - t1 < 120e9) {
        HttpResponse<String> p = get("/api/models/" + modelId + "/projection");
        polls++;
        if (p.statusCode() == 200) {
          status = JSON.readTree(p.body());
          projSeq = status.path("seq").asLong(-1);
          if (projSeq >= batchSeq) {
            t2 = System.nanoTime();
            break;
          }
        }
        Thread.sleep(5);
      }
      double projectionMs = t2 < 0 ? -1 : (t2 - t1) / 1e6;
      long serverMs = status == null ? -1 : status.path("lastRefreshMillis").asLong(-1);
      long serverChanges = status == null ? -1 : status.path("lastRefreshChanges").asLong(-1);
      if (!queryFirst) first = impact(idOf(m, g, touched.get(0)));
      end(String.format(Locale.ROOT, "round %d", round));
      // checks next to the changes, against a BFS over the changed graph
      Csr c = Csr.build(m, g, rules);
      Csr ce = Csr.build(m, g, endRules);
      Bfs bfs = new Bfs(c.n);
      int checked = 0;
      int mis = 0;
      Random pick = new Random(seed * 17 + round);
      for (int k = 0; k < refreshChecks && !touched.isEmpty(); k++) {
        int s = touched.get(pick.nextInt(touched.size()));
        Impact r = impact(idOf(m, g, s));
        int b = bfs.run(c, ce, s, depth);
        checked++;
        if (r.status != 200 || r.elements != b) {
          mis++;
          if (mis <= 5) System.out.printf(Locale.ROOT, "REFRESH MISMATCH round %d start %s: engine %s, bfs %d%n", round, idOf(m, g, s),
              r.status == 200 ? Long.toString(r.elements) : "HTTP " + r.status, b);
        }
      }
      if (mis > 0 || t2 < 0) ok = false;
      if (first.seq < batchSeq) {
        ok = false;
        System.out.printf(Locale.ROOT, "REFRESH: the impact query after the batch (seq %d) reflects seq %d%n", batchSeq, first.seq);
      }
      projMs.add(queryFirst ? first.ms : projectionMs);
      System.out.printf(Locale.ROOT,
          "refresh round %d (%s): batch of %d changes %.0f ms (seq %d); %s; projection at seq %d %s after the batch's answer (%d status requests);"
              + " the app's refresh: %d changes in %d ms; %d checks against the BFS, %d mismatches%n",
          round, queryFirst ? "impact query first" : "status polled", nOps, batchMs, batchSeq,
          String.format(Locale.ROOT, "%s impact query %.1f ms (seq %d)", queryFirst ? "first" : "then an", first.ms, first.seq),
          projSeq, t2 < 0 ? "NOT within 120 s" : String.format(Locale.ROOT, "%.1f ms", projectionMs), polls, serverChanges, serverMs, checked, mis);
      lines.add(String.format(Locale.ROOT, "%d,%s,%d,%.1f,%d,%.1f,%d,%d,%.2f,%d,%d,%d,%d,%d", round, queryFirst ? "query" : "poll", nOps, batchMs,
          batchSeq, projectionMs, polls, projSeq, first.ms, first.seq, serverChanges, serverMs, checked, mis));
    }
    System.out.println("refresh: the batch is reflected after (ms, from its answer: the status poll in odd rounds, the first impact query in even ones) " + projMs);
    return ok;
  }

  static String idOf(Model m, Graph g, int idx) {
    return idx < m.ne ? m.elId[idx] : g.newIds.get(idx - m.ne);
  }

  static void op(StringBuilder ops, String o) {
    if (ops.length() > 0) ops.append(',');
    ops.append(o);
  }

  // ---- propagation rules ---------------------------------------------------------------------------

  /**
   * --rules: items Type> (the impact travels from source to target), Type< (from target to
   * source) or Type<> (both), comma separated; "end" after the arrow (Type<end) for an end that is
   * affected without the impact travelling on from it. Fills {@link #rules} and {@link #endRules}.
   */
  static void parseRules(String spec) {
    rules = new LinkedHashMap<>();
    for (String item : spec.split(",")) {
      item = item.trim();
      if (item.isEmpty()) continue;
      boolean ends = item.endsWith("end");
      String body = ends ? item.substring(0, item.length() - 3) : item;
      int bits;
      String name;
      if (body.endsWith("<>")) {
        bits = 3;
        name = body.substring(0, body.length() - 2);
      } else if (body.endsWith(">")) {
        bits = 1;
        name = body.substring(0, body.length() - 1);
      } else if (body.endsWith("<")) {
        bits = 2;
        name = body.substring(0, body.length() - 1);
      } else {
        throw new IllegalArgumentException("rule without a direction: " + item);
      }
      (ends ? endRules : rules).merge(checkedName(name), bits, (x, y) -> x | y);
    }
  }

  /**
   * Reads the metamodel's propagation table: columns type, change, forward (what a change of the
   * source does to the target), backward (what a change of the target does to the source), each
   * valid, potential, ends or none. For --change, "valid" arcs carry the impact on and "ends" arcs
   * reach their far end only; "potential" is followed only when asked, which this benchmark does
   * not do. For "dependencies" the directions are reversed.
   */
  static void readPropagation(Path p) throws Exception {
    rules = new LinkedHashMap<>();
    boolean header = true;
    for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) continue;
      String[] f = line.split("\\t");
      if (header) {
        header = false;
        if (f.length < 4 || !f[0].equals("type") || !f[1].equals("change") || !f[2].equals("forward") || !f[3].equals("backward")) {
          throw new IllegalArgumentException("unexpected header in " + p + " (expected type, change, forward, backward): " + line);
        }
        continue;
      }
      if (!f[1].equals(change)) continue;
      for (int k = 0; k < 2; k++) {
        String kind = f[2 + k];
        // bit 1: from source to target, bit 2: from target to source
        int bit = (k == 0) == direction.equals("dependents") ? 1 : 2;
        switch (kind) {
          case "valid" -> rules.merge(checkedName(f[0]), bit, (x, y) -> x | y);
          case "ends" -> endRules.merge(checkedName(f[0]), bit, (x, y) -> x | y);
          case "potential", "none" -> { }
          default -> throw new IllegalArgumentException("unknown propagation kind in " + p + ": " + line);
        }
      }
    }
    if (rules.isEmpty()) throw new IllegalArgumentException("no valid propagation for " + change + " in " + p);
  }

  /** Types of {@code map} whose bits include {@code bit}. */
  static List<String> typesWith(Map<String, Integer> map, int bit) {
    List<String> l = new ArrayList<>();
    map.forEach((t, b) -> {
      if ((b & bit) != 0) l.add(t);
    });
    return l;
  }

  static String describeRules() {
    StringBuilder s = new StringBuilder();
    rules.forEach((t, b) -> s.append(s.length() == 0 ? "" : ", ").append(t).append(b == 1 ? " source->target" : b == 2 ? " target->source" : " both ways"));
    endRules.forEach((t, b) -> s.append(", ").append(t).append(b == 1 ? " source->target" : b == 2 ? " target->source" : " both ways").append(" (ends there)"));
    return s.toString();
  }

  // ---- statistics ----------------------------------------------------------------------------------

  static double q(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    if (s.length == 0) return Double.NaN;
    int k = (int) Math.ceil(p * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, k))];
  }

  static double median(double[] v) {
    return q(v, 0.5);
  }

  static double[] perStart(double[] a, double[] b) {
    double[] r = new double[Math.min(a.length, b.length)];
    for (int i = 0; i < r.length; i++) r[i] = a[i] / b[i];
    return r;
  }

  static String pct(double[] v, String unit) {
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    return String.format(Locale.ROOT, "n %d  p50 %s  p95 %s  p99 %s  max %s  mean %s %s", v.length, f(q(v, 0.5)), f(q(v, 0.95)), f(q(v, 0.99)), f(q(v, 1.0)), f(mean), unit);
  }

  static String f(double x) {
    return x >= 100 ? String.format(Locale.ROOT, "%.0f", x) : x >= 1 ? String.format(Locale.ROOT, "%.2f", x) : String.format(Locale.ROOT, "%.4f", x);
  }

  static String countStats(long[] c) {
    double[] d = Arrays.stream(c).mapToDouble(x -> x).toArray();
    long zero = Arrays.stream(c).filter(x -> x == 0).count();
    return String.format(Locale.ROOT, "zero for %d starts; p50 %.0f, p95 %.0f, p99 %.0f, max %.0f, mean %.1f", zero, q(d, 0.5), q(d, 0.95), q(d, 0.99), q(d, 1.0),
        Arrays.stream(d).average().orElse(0));
  }

  static int[] sample(Random rnd, int n, int k) {
    // the first k of a seeded partial Fisher-Yates shuffle: k distinct indices
    int[] a = new int[n];
    for (int i = 0; i < n; i++) a[i] = i;
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return Arrays.copyOf(a, k);
  }

  static String byCount(Map<String, Integer> m) {
    StringBuilder s = new StringBuilder();
    m.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
    return s.toString();
  }

  // ---- CPU accounting ------------------------------------------------------------------------------

  static long[] mark;
  static long markNanos;

  static void begin() {
    mark = cpuSnapshot();
    markNanos = System.nanoTime();
  }

  static void end(String what) {
    long[] now = cpuSnapshot();
    double tick = 100.0; // USER_HZ
    double app = appPid > 0 ? (now[1] - mark[1]) / tick : Double.NaN;
    double me = (now[2] - mark[2]) / tick;
    double foreign = Math.max(0, (now[0] - mark[0]) - (appPid > 0 ? now[1] - mark[1] : 0) - (now[2] - mark[2])) / tick;
    System.out.printf(Locale.ROOT, "# %s: %.1f s wall; cpu: app %.1f s, client %.1f s, foreign %.1f s%n", what, (System.nanoTime() - markNanos) / 1e9, app, me, foreign);
  }

  static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= 8 && i < f.length; i++) total += Long.parseLong(f[i]);
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (Exception e) {
      return new long[] {0, 0};
    }
  }

  static long procTicks(long pid) {
    try {
      String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (Exception e) {
      return 0;
    }
  }

  static long[] cpuSnapshot() {
    return new long[] {machineTicks()[0], appPid > 0 ? procTicks(appPid) : 0, procTicks(ProcessHandle.current().pid())};
  }

  static String rssMb() {
    if (appPid <= 0) return "-";
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + appPid + "/status"))) {
        if (l.startsWith("VmRSS:")) return Long.toString(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024);
      }
    } catch (Exception e) {
      // gone
    }
    return "-";
  }

  // ---- helpers -------------------------------------------------------------------------------------

  static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z]*");

  /** A type name that goes into Cypher as a label or relationship type. */
  static String checkedName(String s) {
    if (!NAME.matcher(s).matches()) throw new IllegalArgumentException("not a type name: " + s);
    return s;
  }

  static double[] concat(double[][] parts) {
    return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
  }

  static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(authorized(URI.create(base + path)).timeout(Duration.ofSeconds(600)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** The same rule as vn.eams.model.Text.foldKey. */
  static String foldKey(String text) {
    if (text == null || text.isEmpty()) return "";
    String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  static void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--load" -> mode = "load";
        case "--measure" -> mode = "measure";
        case "--file" -> file = Path.of(args[++i]);
        case "--model" -> modelId = args[++i];
        case "--base" -> base = args[++i];
        case "--bolt" -> bolt = args[++i];
        case "--database" -> database = args[++i];
        case "--chunk" -> chunk = Integer.parseInt(args[++i]);
        case "--starts" -> nStarts = Integer.parseInt(args[++i]);
        case "--warmup" -> nWarmup = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--change" -> change = args[++i];
        case "--direction" -> direction = args[++i];
        case "--depth" -> depth = Integer.parseInt(args[++i]);
        case "--limit" -> limit = Integer.parseInt(args[++i]);
        case "--propagation" -> propagationFile = Path.of(args[++i]);
        case "--rules" -> rulesSpec = args[++i];
        case "--bfs-passes" -> bfsPasses = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--cypher-starts" -> cypherStarts = Integer.parseInt(args[++i]);
        case "--cypher-timeout-s" -> cypherTimeoutS = Integer.parseInt(args[++i]);
        case "--refresh-rounds" -> refreshRounds = Integer.parseInt(args[++i]);
        case "--refresh-changes" -> refreshChanges = Integer.parseInt(args[++i]);
        case "--refresh-checks" -> refreshChecks = Integer.parseInt(args[++i]);
        case "--out" -> outDir = Path.of(args[++i]);
        case "--app-pid" -> appPid = Long.parseLong(args[++i]);
        case "--no-api" -> noApi = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (mode == null || file == null) throw new IllegalArgumentException("give --load or --measure, and --file");
  }

  /**
   * A request that carries EAMS_BENCH_AUTH (lib.sh: the bench administrator's Basic credentials)
   * as its Authorization header: every endpoint needs a signed-in caller.
   */
  static HttpRequest.Builder authorized(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    String auth = System.getenv("EAMS_BENCH_AUTH");
    return auth == null || auth.isBlank() ? b : b.header("Authorization", auth);
  }
}
