/*
 * EAMS benchmark: import and export of ArchiMate exchange files through the API, each next to a bare
 * baseline on the very same embedded DBMS (issue #4, "Show"):
 *
 *   ours, import      POST /api/import?modelId=..&fileName=.. with the file as the body (streamed from
 *                     disk, Content-Type application/xml), until the 201 answer; the created counts
 *                     are taken from its JSON
 *   baseline, import  a bare StAX parse of the same file (javax.xml.stream) of every row EAMS stores
 *                     from it: elements {id, type, name, documentation, properties}, relationships
 *                     {id, type, source, target, name}, organizations (folders), views, their nodes
 *                     (nested) and connections (with bendpoints); plus, over Bolt, one write
 *                     transaction per chunk of rows: UNWIND .. CREATE (e:Element:<Type>:BenchBase)
 *                     SET e = r per element type, then UNWIND .. MATCH (s) MATCH (t) CREATE
 *                     (s)-[x:<Type>]->(t) SET x = r per relationship type (a relationship whose end is a
 *                     relationship goes through a (:RelationshipProxy) node, as
 *                     ModelStore.createRelationships does), then UNWIND .. CREATE of the folders,
 *                     views, diagram nodes and connections. Rows carry the properties EAMS stores for
 *                     such a row (elements: id, modelId, type, name, documentation, nameKey,
 *                     searchKey, textKey, propKeys, propValues, version, createdAt, updatedAt;
 *                     relationships: id, modelId, type, sourceId, targetId, name, version, createdAt,
 *                     updatedAt; diagram nodes: id, viewId, modelId, parentId, kind, elementRef,
 *                     label, x, y, w, h, order; ...). Not done by the baseline: other-language texts,
 *                     relationship attributes and properties, styles, the model node, the change log,
 *                     any validation. (Until 2026-11-30 the baseline wrote elements and
 *                     relationships only: docs/performance.md says which figures used which.)
 *                     The clock runs from opening the file to the last commit.
 *   ours, export      GET /api/models/{id}/export, reading the whole body (discarded)
 *   baseline, export  one read transaction over Bolt: the elements of the model EAMS imported
 *                     (MATCH (e:Element {modelId: $m}) RETURN properties(e)), its relationships
 *                     (one UNION ALL query over the relationship types, properties plus type), its
 *                     folders, views, diagram nodes and connections, written while they stream in
 *                     with a bare XMLStreamWriter (identifier, xsi:type, name, documentation,
 *                     properties; relationships with source and target; folders as nested items;
 *                     views with nested nodes and connections with bendpoints) to a null stream.
 *                     Not written: property definitions, other-language texts, styles, folder
 *                     members. (Until 2026-11-30 it wrote elements and relationships only.)
 *
 * Each repetition runs the four in alternating order (odd reps ours first, even reps the baseline
 * first), and cleans up afterwards: the imported model is deleted through the API (DELETE with
 * If-Match), the baseline's nodes (label BenchBase, ids prefixed "bb<tag>r<rep>_" so that they never
 * collide with the file's ids that EAMS keeps) with MATCH (n:BenchBase) .. DETACH DELETE in chunks.
 * The baseline's row counts must equal what EAMS reports as created (checked, printed; exit 1 if not).
 *
 * Run through import-export.sh, or by hand against a running app (class path: the driver jars of the
 * app's lib/main folder, see lib.sh driver_classpath):
 *
 *   java -cp "$CP" ImportExportBench.java --base http://127.0.0.1:18080 --bolt bolt://127.0.0.1:17687 \
 *        --file model.exchange.xml --reps 3
 *
 * Options:
 *   --file PATH        an exchange file (repeatable; required)
 *   --label NAME       a short name for the preceding --file (default: the file name)
 *   --reps N           repetitions per file                               (default 3)
 *   --reps-for NAME=N  repetitions for one file by its label (e.g. scale-100k=2)
 *   --chunk N          rows per baseline write transaction                (default 10000)
 *   --warmup N         untimed rounds (all four, on the smallest file)    (default 1)
 *   --dry-run          also time POST /api/import?..&dryRun=true (read and check, nothing written) per
 *                      rep, before the import pair (the file's view ids must still be free)
 *   --base URL         EAMS base URL                                      (default http://127.0.0.1:18080)
 *   --bolt URI         Bolt URI of the same DBMS                          (default bolt://127.0.0.1:17687)
 *   --database NAME    Neo4j database                                     (default neo4j)
 *   --tag S            id prefix part, unique per store                   (default: current time, base 36)
 *   --csv FILE         also write every timing as CSV
 *   --app-pid PID      the app's pid: each timing also reports the app's CPU time, this client's CPU
 *                      time and the CPU time other processes used meanwhile ("foreign cpu")
 *   --quiet-max-busy P before each timing wait (at most 180 s) until the machine is less than P % busy
 */

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

public class ImportExportBench {

  static final String NS3 = "http://www.opengroup.org/xsd/archimate/3.0/";
  static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  static final List<String> REL_TYPES =
      List.of("Composition", "Aggregation", "Assignment", "Realization", "Serving", "Access", "Influence",
          "Triggering", "Flow", "Specialization", "Association");

  record BenchFile(Path path, String label) {}

  record Counts(long elements, long relationships) {}

  // ---- options ----------------------------------------------------------------------------------
  static String base = "http://127.0.0.1:18080";
  static String bolt = "bolt://127.0.0.1:17687";
  static String database = "neo4j";
  static final List<BenchFile> files = new ArrayList<>();
  static int reps = 3;
  static final Map<String, Integer> repsFor = new HashMap<>();
  static int chunk = 10_000;
  static int warmups = 1;
  static boolean dryRun = false;
  static String tag = Long.toString(System.currentTimeMillis(), 36);
  static Path csv;
  static long appPid = -1;
  static int quietMaxBusy = -1;

  static HttpClient http;
  static Driver driver;
  static final List<String> csvLines = new ArrayList<>();
  // "label|operation|who" -> timings in ms, in rep order
  static final Map<String, List<Double>> results = new LinkedHashMap<>();
  static boolean ok = true;

  public static void main(String[] args) throws Exception {
    parse(args);
    if (files.isEmpty()) throw new IllegalArgumentException("give at least one --file");
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    driver = GraphDatabase.driver(bolt, AuthTokens.none(),
        Config.builder().withoutEncryption().withLogging(Logging.none()).withMaxTransactionRetryTime(0, java.util.concurrent.TimeUnit.SECONDS).build());
    driver.verifyConnectivity();
    System.out.printf(Locale.ROOT, "# ImportExportBench: reps %d%s, baseline chunk %d rows, warm-up %d, tag %s%n",
        reps, repsFor.isEmpty() ? "" : " " + repsFor, chunk, warmups, tag);
    System.out.printf(Locale.ROOT, "# base %s, bolt %s, client JVM %s, client cpus %d, client max heap %d MB%n",
        base, bolt, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    for (BenchFile f : files) {
      System.out.printf(Locale.ROOT, "# file %-12s %s (%,d bytes)%n", f.label, f.path, Files.size(f.path));
    }

    if (warmups > 0) {
      BenchFile small = files.get(0);
      for (BenchFile f : files) if (Files.size(f.path) < Files.size(small.path)) small = f;
      for (int w = 1; w <= warmups; w++) {
        long t0 = System.nanoTime();
        round(small, -w, false);
        System.out.printf(Locale.ROOT, "# warm-up %d on %s done in %.1f s (not counted)%n", w, small.label, (System.nanoTime() - t0) / 1e9);
      }
    }

    for (BenchFile f : files) {
      int n = repsFor.getOrDefault(f.label, reps);
      System.out.println();
      System.out.printf(Locale.ROOT, "## %s: %d reps%n", f.label, n);
      for (int rep = 1; rep <= n; rep++) {
        last = rep == n && f == files.get(files.size() - 1);
        round(f, rep, true);
      }
    }

    summary();
    if (csv != null) System.out.println("# CSV written to " + csv);
    driver.close();
    System.out.println(ok ? "# checks OK" : "# checks FAILED");
    System.exit(ok ? 0 : 1);
  }

  /** One repetition on one file: import both ways, export both ways, clean up. rep < 0: warm-up. */
  static void round(BenchFile given, int rep, boolean counted) throws Exception {
    BenchFile f = renamed.contains(given.label) ? renamedCopy(given, rep) : given;
    String r = rep < 0 ? "w" + (-rep) : "r" + rep;
    String model = "bench-" + tag + "-" + f.label.replaceAll("[^A-Za-z0-9]", "") + "-" + r;
    String baseModel = "benchbase-" + tag + "-" + r;
    String prefix = "bb" + tag + r + "_";
    boolean oursFirst = rep < 0 || rep % 2 == 1;
    if (dryRun) {
      // before the import: the file's view and diagram ids must still be free
      begin();
      long t0 = System.nanoTime();
      Counts d = importDryRun(f, model + "-dry");
      record(counted, f, "import-dryrun", "ours", rep, (System.nanoTime() - t0) / 1e6, -1, -1, d, Files.size(f.path));
    }
    Counts ours = null;
    Counts baseline = null;
    for (int step = 0; step < 2; step++) {
      if ((step == 0) == oursFirst) {
        begin();
        long t0 = System.nanoTime();
        ours = importOurs(f, model);
        double ms = (System.nanoTime() - t0) / 1e6;
        record(counted, f, "import", "ours", rep, ms, -1, -1, ours, Files.size(f.path));
      } else {
        begin();
        double[] pw = new double[2];
        long t0 = System.nanoTime();
        baseline = importBaseline(f, baseModel, prefix, pw);
        double ms = (System.nanoTime() - t0) / 1e6;
        record(counted, f, "import", "baseline", rep, ms, pw[0], pw[1], baseline, Files.size(f.path));
      }
    }
    check(f, "import", rep, ours, baseline);
    Counts ex = null;
    Counts bx = null;
    for (int step = 0; step < 2; step++) {
      if ((step == 0) == oursFirst) {
        begin();
        long[] bytes = new long[1];
        long t0 = System.nanoTime();
        exportOurs(model, bytes);
        double ms = (System.nanoTime() - t0) / 1e6;
        record(counted, f, "export", "ours", rep, ms, -1, -1, ours, bytes[0]);
      } else {
        begin();
        long[] bytes = new long[1];
        long t0 = System.nanoTime();
        bx = exportBaseline(model, bytes);
        double ms = (System.nanoTime() - t0) / 1e6;
        record(counted, f, "export", "baseline", rep, ms, -1, -1, bx, bytes[0]);
      }
    }
    check(f, "export", rep, ours, bx);
    if (last) {
      System.out.println("  cleanup skipped after the last round (the store is discarded)");
      return;
    }
    long t0 = System.nanoTime();
    String how = deleteModel(model);
    if (how.startsWith("NOT")) renamed.add(f.label);
    double apiS = (System.nanoTime() - t0) / 1e9;
    long deleted = deleteBaseline();
    System.out.printf(Locale.ROOT, "  cleanup: model %s %s (%.1f s), %,d BenchBase nodes deleted (%.1f s in all)%n",
        model, how, apiS, deleted, (System.nanoTime() - t0) / 1e9);
  }

  static boolean last;
  static final Set<String> renamed = new HashSet<>();

  /**
   * A copy of the file whose ids ("id-...", as in the corpus and generated files) are all prefixed
   * with "x<rep>", written outside the clock; used for a file whose model the API could not delete.
   */
  static BenchFile renamedCopy(BenchFile f, int rep) throws Exception {
    Path out = Files.createTempFile("eams-bench-" + f.label + "-x" + rep + "-", ".xml");
    out.toFile().deleteOnExit();
    long t0 = System.nanoTime();
    try (var in = Files.newBufferedReader(f.path, StandardCharsets.UTF_8);
        var w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      String q = "=\"x" + rep + "id-";
      for (String line; (line = in.readLine()) != null; ) {
        w.write(line.replace("=\"id-", q));
        w.write('\n');
      }
    }
    System.out.printf(Locale.ROOT, "  (rep %d of %s uses %s: the file with every id-... id prefixed x%d, %,d bytes, made in %.1f s, not timed)%n",
        rep, f.label, out, rep, Files.size(out), (System.nanoTime() - t0) / 1e9);
    return new BenchFile(out, f.label);
  }

  static void check(BenchFile f, String op, int rep, Counts ours, Counts baseline) {
    boolean same = ours != null && baseline != null && ours.elements == baseline.elements
        && ours.relationships == baseline.relationships;
    System.out.printf(Locale.ROOT, "  %s rows: ours %,d elements + %,d relationships, baseline %,d + %,d  %s%n", op,
        ours == null ? -1 : ours.elements, ours == null ? -1 : ours.relationships,
        baseline == null ? -1 : baseline.elements, baseline == null ? -1 : baseline.relationships,
        same ? "same" : "DIFFER");
    if (op.equals("import") && !baselineExtra.isEmpty()) {
      System.out.printf(Locale.ROOT, "  baseline also wrote %s%n", baselineExtra);
    }
    if (!same) ok = false;
  }

  /** What the last baseline import wrote besides elements and relationships. */
  static String baselineExtra = "";

  // ---- ours ---------------------------------------------------------------------------------------

  static Counts importOurs(BenchFile f, String model) throws Exception {
    HttpRequest req = authorized(URI.create(base + "/api/import?modelId=" + model + "&fileName=" + f.path.getFileName()))
        .timeout(Duration.ofMinutes(30))
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofFile(f.path))
        .build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 201) {
      throw new IllegalStateException("import " + f.path + " -> HTTP " + resp.statusCode() + ": " + head(resp.body()));
    }
    Counts c = createdCounts(resp.body(), "created");
    String skipped = group(resp.body(), "\"skippedRelationships\"\\s*:\\s*\\[([^\\]]*)\\]");
    if (skipped != null && !skipped.isBlank()) {
      System.out.println("  (EAMS skipped relationships: " + head(skipped) + ")");
    }
    return c;
  }

  static Counts importDryRun(BenchFile f, String model) throws Exception {
    HttpRequest req = authorized(URI.create(base + "/api/import?dryRun=true&modelId=" + model + "&fileName=" + f.path.getFileName()))
        .timeout(Duration.ofMinutes(30))
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofFile(f.path))
        .build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IllegalStateException("dry run " + f.path + " -> HTTP " + resp.statusCode() + ": " + head(resp.body()));
    }
    return createdCounts(resp.body(), "wouldCreate");
  }

  static Counts createdCounts(String json, String key) {
    String created = group(json, "\"" + key + "\"\\s*:\\s*\\{([^}]*)\\}");
    if (created == null) throw new IllegalStateException("no " + key + " counts in " + head(json));
    return new Counts(Long.parseLong(group(created, "\"elements\"\\s*:\\s*(\\d+)")),
        Long.parseLong(group(created, "\"relationships\"\\s*:\\s*(\\d+)")));
  }

  static void exportOurs(String model, long[] bytes) throws Exception {
    HttpRequest req = authorized(URI.create(base + "/api/models/" + model + "/export"))
        .timeout(Duration.ofMinutes(30)).GET().build();
    HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = resp.body()) {
      byte[] buf = new byte[1 << 16];
      long n = 0;
      for (int k; (k = in.read(buf)) >= 0; ) n += k;
      bytes[0] = n;
    }
    if (resp.statusCode() != 200) throw new IllegalStateException("export " + model + " -> HTTP " + resp.statusCode());
  }

  /**
   * Deletes the model through the API (DELETE with If-Match). Should that fail (for instance when
   * the delete transaction of a very large model exceeds the DBMS's transaction memory), the model's
   * nodes are deleted with Cypher in chunks instead, so that its ids are free for the next rep; the
   * return value says which way it went.
   */
  static String deleteModel(String model) throws Exception {
    String info = get("/api/models/" + model);
    String version = group(info, "\"version\"\\s*:\\s*(\\d+)");
    HttpResponse<String> r = http.send(authorized(URI.create(base + "/api/models/" + model))
            .timeout(Duration.ofMinutes(30)).header("If-Match", "\"" + version + "\"").DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 == 2) return "deleted through the API";
    System.out.println("  DELETE " + model + " -> HTTP " + r.statusCode() + ": " + head(r.body()));
    long n = 0;
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      for (String label : List.of("Element", "Folder", "View", "DiagramNode", "DiagramConnection")) {
        while (true) {
          long c = s.executeWrite(tx -> tx.run("MATCH (n:" + label + " {modelId: $m}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c",
              Map.of("m", model)).single().get("c").asLong());
          n += c;
          if (c == 0) break;
        }
      }
      s.executeWrite(tx -> tx.run("MATCH (m:Model {id: $m}) DETACH DELETE m", Map.of("m", model)).consume());
    }
    return "NOT deleted through the API (HTTP " + r.statusCode() + "): " + n + " nodes deleted with Cypher instead"
        + " (the app still holds their ids in its id registry: later reps of this file use a copy with new ids)";
  }

  // ---- baseline -----------------------------------------------------------------------------------

  /**
   * Bare StAX parse + UNWIND writes in chunks of every row EAMS stores from the file; pw receives
   * {parse ms, write ms}.
   */
  static Counts importBaseline(BenchFile f, String model, String prefix, double[] pw) throws Exception {
    long t0 = System.nanoTime();
    List<String[]> elements = new ArrayList<>(); // id, type, name, documentation
    List<List<String>> elementProps = new ArrayList<>(); // per element: key, value, key, value, ...
    List<String[]> rels = new ArrayList<>(); // id, type, source, target, name
    List<String[]> folders = new ArrayList<>(); // id, parent id, name
    List<String[]> views = new ArrayList<>(); // id, name, viewpoint
    List<Object[]> nodes = new ArrayList<>(); // id, view, parent, kind, elementRef, x, y, w, h, label
    List<Object[]> connections = new ArrayList<>(); // id, view, relationshipRef, source, target, bendpoints
    XMLInputFactory xf = XMLInputFactory.newFactory();
    xf.setProperty(XMLInputFactory.IS_COALESCING, true);
    xf.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(f.path), 1 << 16)) {
      XMLStreamReader x = xf.createXMLStreamReader(in);
      java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>(); // local names, innermost first
      java.util.ArrayDeque<String> nodeIds = new java.util.ArrayDeque<>(); // enclosing diagram nodes
      java.util.ArrayDeque<String> folderIds = new java.util.ArrayDeque<>(); // enclosing folders
      java.util.ArrayDeque<Boolean> items = new java.util.ArrayDeque<>(); // per open <item>: a folder?
      String section = null; // the child of <model> we are in
      String[] element = null;
      String[] rel = null;
      String[] folder = null;
      String[] view = null;
      Object[] node = null;
      List<Long> bendpoints = null;
      String propKey = null;
      int folderNo = 0;
      while (x.hasNext()) {
        int ev = x.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          String ln = x.getLocalName();
          int depth = path.size() + 1;
          String parent = path.peek();
          if (depth == 2) {
            section = ln;
          } else if (depth == 3 && "elements".equals(section) && ln.equals("element")) {
            element = new String[] {x.getAttributeValue(null, "identifier"), x.getAttributeValue(XSI, "type"), "", ""};
            elements.add(element);
            elementProps.add(new ArrayList<>());
          } else if (depth == 3 && "relationships".equals(section) && ln.equals("relationship")) {
            rel = new String[] {x.getAttributeValue(null, "identifier"), x.getAttributeValue(XSI, "type"),
                x.getAttributeValue(null, "source"), x.getAttributeValue(null, "target"), ""};
            rels.add(rel);
          } else if ("organizations".equals(section) && ln.equals("item")) {
            boolean isFolder = x.getAttributeValue(null, "identifierRef") == null;
            items.push(isFolder);
            if (isFolder) {
              String id = x.getAttributeValue(null, "identifier");
              folder = new String[] {id == null ? "folder-" + (++folderNo) : id, folderIds.isEmpty() ? "" : folderIds.peek(), ""};
              folderIds.push(folder[0]);
              folders.add(folder);
            }
          } else if ("views".equals(section) && ln.equals("view")) {
            view = new String[] {x.getAttributeValue(null, "identifier"), "", nz(x.getAttributeValue(null, "viewpoint"))};
            views.add(view);
          } else if (view != null && ln.equals("node")) {
            node = new Object[] {x.getAttributeValue(null, "identifier"), view[0], nodeIds.isEmpty() ? "" : nodeIds.peek(),
                x.getAttributeValue(XSI, "type"), nz(x.getAttributeValue(null, "elementRef")),
                num(x, "x"), num(x, "y"), num(x, "w"), num(x, "h"), ""};
            nodeIds.push((String) node[0]);
            nodes.add(node);
          } else if (view != null && ln.equals("connection")) {
            bendpoints = new ArrayList<>();
            connections.add(new Object[] {x.getAttributeValue(null, "identifier"), view[0],
                nz(x.getAttributeValue(null, "relationshipRef")), x.getAttributeValue(null, "source"),
                x.getAttributeValue(null, "target"), bendpoints});
          } else if (bendpoints != null && ln.equals("bendpoint")) {
            bendpoints.add(num(x, "x"));
            bendpoints.add(num(x, "y"));
          } else if (ln.equals("property") && (element != null || view != null)) {
            propKey = x.getAttributeValue(null, "propertyDefinitionRef");
          }
          // texts: the first of each kind; getElementText consumes the end tag
          boolean text = false;
          if (ln.equals("name") || ln.equals("documentation") || ln.equals("label") || ln.equals("value")) {
            if (element != null && depth == 4 && ln.equals("name") && element[2].isEmpty()) {
              element[2] = x.getElementText(); text = true;
            } else if (element != null && depth == 4 && ln.equals("documentation") && element[3].isEmpty()) {
              element[3] = x.getElementText(); text = true;
            } else if (element != null && ln.equals("value") && propKey != null) {
              elementProps.get(elementProps.size() - 1).add(propKey);
              elementProps.get(elementProps.size() - 1).add(x.getElementText()); text = true;
              propKey = null;
            } else if (rel != null && depth == 4 && ln.equals("name") && rel[4].isEmpty()) {
              rel[4] = x.getElementText(); text = true;
            } else if (folder != null && ln.equals("label") && "item".equals(parent) && folder[2].isEmpty()) {
              folder[2] = x.getElementText(); text = true;
            } else if (view != null && node == null && bendpoints == null && ln.equals("name") && "view".equals(parent) && view[1].isEmpty()) {
              view[1] = x.getElementText(); text = true;
            } else if (node != null && ln.equals("label") && "node".equals(parent) && ((String) node[9]).isEmpty()) {
              node[9] = x.getElementText(); text = true;
            }
          }
          if (!text) path.push(ln);
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          String ln = path.pop();
          int depth = path.size() + 1;
          if (depth == 2) section = null;
          if (depth == 3 && ln.equals("element")) element = null;
          if (depth == 3 && ln.equals("relationship")) rel = null;
          if ("organizations".equals(section) && ln.equals("item") && !items.isEmpty() && items.pop()) {
            folderIds.pop();
            folder = null;
          }
          if (ln.equals("view")) view = null;
          if (ln.equals("node") && !nodeIds.isEmpty()) {
            nodeIds.pop();
            node = null;
          }
          if (ln.equals("connection")) bendpoints = null;
        }
      }
      x.close();
    }
    long t1 = System.nanoTime();
    // rows as EAMS stores them (GraphMapping.elementProps / relationshipProps, the parts the parse has)
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    Set<String> relIds = new HashSet<>();
    for (String[] r : rels) relIds.add(r[0]);
    List<Map<String, Object>> elementRows = new ArrayList<>(elements.size());
    for (String[] e : elements) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", prefix + e[0]);
      m.put("modelId", model);
      m.put("type", e[1]);
      m.put("name", e[2]);
      m.put("documentation", e[3]);
      m.put("nameKey", foldKey(e[2]));
      m.put("searchKey", foldKey(e[2] + "\n" + e[3]));
      m.put("textKey", foldKey(e[2] + "\n\n" + e[3] + "\n\n"));
      List<String> kv = elementProps.get(elementRows.size());
      if (!kv.isEmpty()) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int k = 0; k < kv.size(); k += 2) {
          keys.add(kv.get(k));
          values.add(kv.get(k + 1));
        }
        m.put("propKeys", keys);
        m.put("propValues", values);
      }
      m.put("version", 1L);
      m.put("createdAt", now);
      m.put("updatedAt", now);
      elementRows.add(m);
    }
    List<Map<String, Object>> relRows = new ArrayList<>(rels.size());
    List<String> relKeys = new ArrayList<>(rels.size());
    for (String[] r : rels) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", prefix + r[0]);
      m.put("modelId", model);
      m.put("type", r[1]);
      m.put("sourceId", prefix + r[2]);
      m.put("targetId", prefix + r[3]);
      m.put("name", r[4]);
      m.put("version", 1L);
      m.put("createdAt", now);
      m.put("updatedAt", now);
      relRows.add(m);
      relKeys.add(r[1] + "|" + (relIds.contains(r[2]) ? "RelationshipProxy" : "Element") + "|"
          + (relIds.contains(r[3]) ? "RelationshipProxy" : "Element"));
    }
    List<String> proxied = new ArrayList<>();
    for (String[] r : rels) {
      if (relIds.contains(r[2])) proxied.add(prefix + r[2]);
      if (relIds.contains(r[3])) proxied.add(prefix + r[3]);
    }
    // chunks: elements first, then relationships (their ends are committed by then)
    for (int i = 0; i < elementRows.size(); i += chunk) {
      Map<String, List<Map<String, Object>>> byType = new LinkedHashMap<>();
      for (int j = i; j < Math.min(elementRows.size(), i + chunk); j++) {
        byType.computeIfAbsent((String) elementRows.get(j).get("type"), k -> new ArrayList<>()).add(elementRows.get(j));
      }
      write(tx -> byType.forEach((type, rows) ->
          tx.run("UNWIND $rows AS r CREATE (e:Element:" + type + ":BenchBase) SET e = r", Map.of("rows", rows)).consume()));
    }
    if (!proxied.isEmpty()) {
      List<String> ids = List.copyOf(new HashSet<>(proxied));
      write(tx -> tx.run("UNWIND $ids AS id MERGE (p:RelationshipProxy:BenchBase {id: id})", Map.of("ids", ids)).consume());
    }
    for (int i = 0; i < relRows.size(); i += chunk) {
      Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
      for (int j = i; j < Math.min(relRows.size(), i + chunk); j++) {
        groups.computeIfAbsent(relKeys.get(j), k -> new ArrayList<>()).add(relRows.get(j));
      }
      write(tx -> groups.forEach((key, rows) -> {
        String[] k = key.split("\\|");
        tx.run("UNWIND $rows AS r MATCH (s:" + k[1] + " {id: r.sourceId}) MATCH (t:" + k[2] + " {id: r.targetId})"
            + " CREATE (s)-[x:" + k[0] + "]->(t) SET x = r", Map.of("rows", rows)).consume();
      }));
    }
    List<Map<String, Object>> folderRows = new ArrayList<>(folders.size());
    for (String[] fo : folders) {
      folderRows.add(Map.of("id", prefix + fo[0], "modelId", model, "parentId", fo[1].isEmpty() ? "" : prefix + fo[1],
          "name", fo[2], "version", 1L, "createdAt", now, "updatedAt", now));
    }
    writeRows("Folder", folderRows);
    List<Map<String, Object>> viewRows = new ArrayList<>(views.size());
    for (String[] v : views) {
      viewRows.add(Map.of("id", prefix + v[0], "modelId", model, "name", v[1], "viewpoint", v[2],
          "version", 1L, "createdAt", now, "updatedAt", now));
    }
    writeRows("View", viewRows);
    List<Map<String, Object>> nodeRows = new ArrayList<>(nodes.size());
    long order = 0;
    for (Object[] n : nodes) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", prefix + n[0]);
      m.put("viewId", prefix + n[1]);
      m.put("modelId", model);
      m.put("parentId", ((String) n[2]).isEmpty() ? "" : prefix + n[2]);
      m.put("kind", n[3]);
      if (!((String) n[4]).isEmpty()) m.put("elementRef", prefix + n[4]);
      m.put("label", n[9]);
      m.put("x", n[5]);
      m.put("y", n[6]);
      m.put("w", n[7]);
      m.put("h", n[8]);
      m.put("order", order++);
      nodeRows.add(m);
    }
    writeRows("DiagramNode", nodeRows);
    List<Map<String, Object>> connectionRows = new ArrayList<>(connections.size());
    for (Object[] c : connections) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", prefix + c[0]);
      m.put("viewId", prefix + c[1]);
      m.put("modelId", model);
      if (!((String) c[2]).isEmpty()) m.put("relationshipRef", prefix + c[2]);
      m.put("sourceRef", prefix + c[3]);
      m.put("targetRef", prefix + c[4]);
      m.put("bendpoints", c[5]);
      m.put("order", order++);
      connectionRows.add(m);
    }
    writeRows("DiagramConnection", connectionRows);
    baselineExtra = String.format(Locale.ROOT, "%,d folders, %,d views, %,d diagram nodes, %,d connections,"
        + " %,d element documentations, %,d element properties", folders.size(), views.size(), nodes.size(),
        connections.size(), elements.stream().filter(e -> !e[3].isEmpty()).count(),
        elementProps.stream().mapToLong(kv -> kv.size() / 2).sum());
    long t2 = System.nanoTime();
    pw[0] = (t1 - t0) / 1e6;
    pw[1] = (t2 - t1) / 1e6;
    return new Counts(elements.size(), rels.size());
  }

  /** UNWIND .. CREATE (:label:BenchBase) of the rows, in transactions of chunk rows. */
  static void writeRows(String label, List<Map<String, Object>> rows) {
    for (int i = 0; i < rows.size(); i += chunk) {
      List<Map<String, Object>> part = rows.subList(i, Math.min(rows.size(), i + chunk));
      write(tx -> tx.run("UNWIND $rows AS r CREATE (n:" + label + ":BenchBase) SET n = r", Map.of("rows", part)).consume());
    }
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }

  static long num(XMLStreamReader x, String attribute) {
    String v = x.getAttributeValue(null, attribute);
    return v == null || v.isBlank() ? 0L : Math.round(Double.parseDouble(v));
  }

  interface TxWork {
    void run(org.neo4j.driver.TransactionContext tx);
  }

  static void write(TxWork work) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      s.executeWrite(tx -> {
        work.run(tx);
        return null;
      });
    }
  }

  /** One read transaction of the model's elements and relationships, written with XMLStreamWriter to a null stream. */
  static Counts exportBaseline(String model, long[] bytes) throws Exception {
    long[] written = new long[1];
    OutputStream sink = new OutputStream() {
      @Override public void write(int b) { written[0]++; }
      @Override public void write(byte[] b, int off, int len) { written[0] += len; }
    };
    XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(sink, "UTF-8");
    long[] n = new long[2];
    StringBuilder relQuery = new StringBuilder();
    for (String t : REL_TYPES) {
      if (relQuery.length() > 0) relQuery.append(" UNION ALL ");
      relQuery.append("MATCH ()-[x:").append(t).append("]->() WHERE x.modelId = $m RETURN properties(x) AS p");
    }
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      s.executeRead(tx -> {
        try {
          w.writeStartDocument("UTF-8", "1.0");
          w.setDefaultNamespace(NS3);
          w.writeStartElement(NS3, "model");
          w.writeDefaultNamespace(NS3);
          w.writeNamespace("xsi", XSI);
          w.writeAttribute("identifier", model);
          w.writeStartElement(NS3, "elements");
          Result r = tx.run("MATCH (e:Element {modelId: $m}) RETURN properties(e) AS p", Map.of("m", model));
          while (r.hasNext()) {
            Map<String, Object> p = r.next().get("p").asMap();
            w.writeStartElement(NS3, "element");
            w.writeAttribute("identifier", (String) p.get("id"));
            w.writeAttribute("xsi", XSI, "type", (String) p.get("type"));
            concept(w, p);
            w.writeEndElement();
            n[0]++;
          }
          w.writeEndElement();
          w.writeStartElement(NS3, "relationships");
          r = tx.run(relQuery.toString(), Map.of("m", model));
          while (r.hasNext()) {
            Map<String, Object> p = r.next().get("p").asMap();
            w.writeStartElement(NS3, "relationship");
            w.writeAttribute("identifier", (String) p.get("id"));
            w.writeAttribute("source", (String) p.get("sourceId"));
            w.writeAttribute("target", (String) p.get("targetId"));
            w.writeAttribute("xsi", XSI, "type", (String) p.get("type"));
            concept(w, p);
            w.writeEndElement();
            n[1]++;
          }
          w.writeEndElement();
          // organizations: the folders as nested items (their members are not listed)
          Map<String, List<Map<String, Object>>> children = new HashMap<>();
          tx.run("MATCH (f:Folder {modelId: $m}) RETURN properties(f) AS p", Map.of("m", model))
              .forEachRemaining(rec -> {
                Map<String, Object> p = rec.get("p").asMap();
                children.computeIfAbsent(String.valueOf(p.getOrDefault("parentId", "")), k -> new ArrayList<>()).add(p);
              });
          w.writeStartElement(NS3, "organizations");
          folders(w, children, "");
          w.writeEndElement();
          // views: each view's nodes (nested by parentId, in order) and connections
          Map<String, List<Map<String, Object>>> nodesOf = new HashMap<>();
          tx.run("MATCH (d:DiagramNode {modelId: $m}) RETURN properties(d) AS p ORDER BY d.viewId, d.order", Map.of("m", model))
              .forEachRemaining(rec -> {
                Map<String, Object> p = rec.get("p").asMap();
                nodesOf.computeIfAbsent(p.get("viewId") + "|" + p.getOrDefault("parentId", ""), k -> new ArrayList<>()).add(p);
              });
          Map<String, List<Map<String, Object>>> connectionsOf = new HashMap<>();
          tx.run("MATCH (c:DiagramConnection {modelId: $m}) RETURN properties(c) AS p ORDER BY c.viewId, c.order", Map.of("m", model))
              .forEachRemaining(rec -> {
                Map<String, Object> p = rec.get("p").asMap();
                connectionsOf.computeIfAbsent(String.valueOf(p.get("viewId")), k -> new ArrayList<>()).add(p);
              });
          w.writeStartElement(NS3, "views");
          w.writeStartElement(NS3, "diagrams");
          Result vr = tx.run("MATCH (v:View {modelId: $m}) RETURN properties(v) AS p ORDER BY v.id", Map.of("m", model));
          while (vr.hasNext()) {
            Map<String, Object> v = vr.next().get("p").asMap();
            String viewId = (String) v.get("id");
            w.writeStartElement(NS3, "view");
            w.writeAttribute("identifier", viewId);
            w.writeAttribute("xsi", XSI, "type", "Diagram");
            text(w, "name", (String) v.get("name"));
            nodes(w, nodesOf, viewId, "");
            for (Map<String, Object> c : connectionsOf.getOrDefault(viewId, List.of())) {
              w.writeStartElement(NS3, "connection");
              w.writeAttribute("identifier", (String) c.get("id"));
              Object ref = c.get("relationshipRef");
              w.writeAttribute("xsi", XSI, "type", ref == null ? "Line" : "Relationship");
              if (ref != null) w.writeAttribute("relationshipRef", (String) ref);
              w.writeAttribute("source", (String) c.get("sourceRef"));
              w.writeAttribute("target", (String) c.get("targetRef"));
              List<Object> points = (List<Object>) c.getOrDefault("bendpoints", List.of());
              for (int i = 0; i + 1 < points.size(); i += 2) {
                w.writeEmptyElement(NS3, "bendpoint");
                w.writeAttribute("x", String.valueOf(points.get(i)));
                w.writeAttribute("y", String.valueOf(points.get(i + 1)));
              }
              w.writeEndElement();
            }
            w.writeEndElement();
          }
          w.writeEndElement();
          w.writeEndElement();
          w.writeEndElement();
          w.writeEndDocument();
          w.flush();
        } catch (javax.xml.stream.XMLStreamException e) {
          throw new RuntimeException(e);
        }
        return null;
      });
    }
    bytes[0] = written[0];
    return new Counts(n[0], n[1]);
  }

  static void folders(XMLStreamWriter w, Map<String, List<Map<String, Object>>> children, String parent)
      throws javax.xml.stream.XMLStreamException {
    for (Map<String, Object> f : children.getOrDefault(parent, List.of())) {
      w.writeStartElement(NS3, "item");
      w.writeAttribute("identifier", (String) f.get("id"));
      w.writeStartElement(NS3, "label");
      w.writeCharacters(String.valueOf(f.getOrDefault("name", "")));
      w.writeEndElement();
      folders(w, children, (String) f.get("id"));
      w.writeEndElement();
    }
  }

  static void nodes(XMLStreamWriter w, Map<String, List<Map<String, Object>>> nodesOf, String viewId, String parent)
      throws javax.xml.stream.XMLStreamException {
    for (Map<String, Object> d : nodesOf.getOrDefault(viewId + "|" + parent, List.of())) {
      w.writeStartElement(NS3, "node");
      w.writeAttribute("identifier", (String) d.get("id"));
      Object ref = d.get("elementRef");
      w.writeAttribute("xsi", XSI, "type", ref == null ? "Container" : "Element");
      if (ref != null) w.writeAttribute("elementRef", (String) ref);
      for (String k : List.of("x", "y", "w", "h")) w.writeAttribute(k, String.valueOf(d.getOrDefault(k, 0L)));
      Object label = d.get("label");
      if (ref == null && label != null && !String.valueOf(label).isEmpty()) text(w, "label", String.valueOf(label));
      nodes(w, nodesOf, viewId, (String) d.get("id"));
      w.writeEndElement();
    }
  }

  @SuppressWarnings("unchecked")
  static void concept(XMLStreamWriter w, Map<String, Object> p) throws javax.xml.stream.XMLStreamException {
    text(w, "name", (String) p.get("name"));
    text(w, "documentation", (String) p.get("documentation"));
    List<Object> keys = (List<Object>) p.get("propKeys");
    List<Object> values = (List<Object>) p.get("propValues");
    if (keys != null && values != null && !keys.isEmpty()) {
      w.writeStartElement(NS3, "properties");
      for (int i = 0; i < keys.size(); i++) {
        w.writeStartElement(NS3, "property");
        w.writeAttribute("propertyDefinitionRef", String.valueOf(keys.get(i)));
        w.writeStartElement(NS3, "value");
        w.writeCharacters(String.valueOf(values.get(i)));
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
    }
  }

  static void text(XMLStreamWriter w, String tag, String value) throws javax.xml.stream.XMLStreamException {
    if (value == null || value.isEmpty()) return;
    w.writeStartElement(NS3, tag);
    w.writeCharacters(value);
    w.writeEndElement();
  }

  /** Deletes every BenchBase node (and its relationships) in transactions of 5,000 nodes. */
  static long deleteBaseline() {
    long total = 0;
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      while (true) {
        long n = s.executeWrite(tx -> tx.run("MATCH (n:BenchBase) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c")
            .single().get("c").asLong());
        total += n;
        if (n == 0) break;
      }
    }
    return total;
  }

  // ---- same text rule as vn.eams.model.Text.foldKey ----------------------------------------------
  static final Pattern MARKS = Pattern.compile("\\p{M}+");

  static String foldKey(String text) {
    if (text == null || text.isEmpty()) return "";
    String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  // ---- reporting ----------------------------------------------------------------------------------

  static long[] mark;
  static long markMillis;

  static void record(boolean counted, BenchFile f, String op, String who, int rep, double ms, double parseMs, double writeMs,
      Counts c, long bytes) {
    String appCpu = "";
    String clientCpu = "";
    String foreign = "";
    if (mark != null) {
      long[] now = cpuSnapshot();
      double tick = 100.0; // USER_HZ on Linux
      appCpu = String.format(Locale.ROOT, "%.1f", (now[1] - mark[1]) / tick);
      clientCpu = String.format(Locale.ROOT, "%.1f", (now[2] - mark[2]) / tick);
      foreign = String.format(Locale.ROOT, "%.1f", Math.max(0, (now[0] - mark[0]) - (now[1] - mark[1]) - (now[2] - mark[2])) / tick);
    }
    String split = parseMs >= 0 ? String.format(Locale.ROOT, " (parse %.0f + write %.0f)", parseMs, writeMs) : "";
    System.out.printf(Locale.ROOT, "%s %-10s %-14s %-8s %10.1f ms%-26s %,9d el %,9d rel %,12d B%s%n",
        counted ? "rep " + rep : "warm-up", f.label, op, who, ms, split, c == null ? -1 : c.elements, c == null ? -1 : c.relationships,
        bytes, appCpu.isEmpty() ? "" : "  (app cpu " + appCpu + " s, client cpu " + clientCpu + " s, foreign cpu " + foreign + " s)");
    if (!counted) return;
    results.computeIfAbsent(f.label + "|" + op + "|" + who, k -> new ArrayList<>()).add(ms);
    csvLines.add(String.format(Locale.ROOT, "%s,%s,%s,%d,%.1f,%s,%s,%d,%d,%d,%s,%s,%s,%d,%d", f.label, op, who, rep, ms,
        parseMs >= 0 ? String.format(Locale.ROOT, "%.1f", parseMs) : "", writeMs >= 0 ? String.format(Locale.ROOT, "%.1f", writeMs) : "",
        c == null ? -1 : c.elements, c == null ? -1 : c.relationships, bytes, appCpu, clientCpu, foreign, markMillis, System.currentTimeMillis()));
    if (csv != null) {
      // written after every timing, so that a failure later in the run keeps what was measured
      List<String> all = new ArrayList<>();
      all.add("file,operation,who,rep,ms,parse_ms,write_ms,elements,relationships,bytes,app_cpu_s,client_cpu_s,foreign_cpu_s,begin_epoch_ms,end_epoch_ms");
      all.addAll(csvLines);
      try {
        Files.write(csv, all, StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** Call before a timing: garbage of the last step collected, a quiet machine when asked, CPU counters. */
  static void begin() throws InterruptedException {
    System.gc();
    if (quietMaxBusy > 0) {
      long deadline = System.currentTimeMillis() + 180_000;
      while (System.currentTimeMillis() < deadline) {
        long[] a = machineTicks();
        Thread.sleep(1000);
        long[] b = machineTicks();
        long total = b[1] - a[1];
        if (total <= 0 || 100 * (b[0] - a[0]) / total < quietMaxBusy) break;
      }
    }
    mark = appPid > 0 ? cpuSnapshot() : null;
    markMillis = System.currentTimeMillis();
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

  /** {machine busy ticks, app ticks, this client's ticks}. */
  static long[] cpuSnapshot() {
    return new long[] {machineTicks()[0], procTicks(appPid), procTicks(ProcessHandle.current().pid())};
  }

  static void summary() {
    System.out.println();
    System.out.println("# summary (ms; medians; ratio = median ours / median baseline, and the median of the per-rep ratios)");
    System.out.printf(Locale.ROOT, "%-12s %-8s %3s %12s %12s %7s %7s   %-34s%n", "file", "op", "n", "ours", "baseline", "ratio", "per-rep", "ours min..max / baseline min..max");
    for (BenchFile f : files) {
      for (String op : List.of("import", "export")) {
        List<Double> a = results.get(f.label + "|" + op + "|ours");
        List<Double> b = results.get(f.label + "|" + op + "|baseline");
        if (a == null || b == null) continue;
        double[] x = sorted(a);
        double[] y = sorted(b);
        int n = Math.min(a.size(), b.size());
        double[] per = new double[n];
        for (int i = 0; i < n; i++) per[i] = a.get(i) / b.get(i);
        Arrays.sort(per);
        System.out.printf(Locale.ROOT, "%-12s %-8s %3d %12.1f %12.1f %7.2f %7.2f   %.0f..%.0f / %.0f..%.0f%n", f.label, op, n,
            median(x), median(y), median(x) / median(y), median(per), x[0], x[x.length - 1], y[0], y[y.length - 1]);
      }
      List<Double> d = results.get(f.label + "|import-dryrun|ours");
      if (d != null) {
        double[] z = sorted(d);
        System.out.printf(Locale.ROOT, "%-12s %-8s %3d %12.1f %12s %7s %7s   %.0f..%.0f (ours, dryRun=true: read + checks, rolled back)%n",
            f.label, "dry-run", z.length, median(z), "-", "-", "-", z[0], z[z.length - 1]);
      }
    }
  }

  static double[] sorted(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  static double median(double[] s) {
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  static String get(String path) throws Exception {
    HttpResponse<String> r = http.send(authorized(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " -> HTTP " + r.statusCode() + ": " + head(r.body()));
    return r.body();
  }

  static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : null;
  }

  static String head(String s) {
    return s == null ? "" : s.substring(0, Math.min(2000, s.length()));
  }

  static void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--file" -> {
          Path p = Path.of(args[++i]);
          String name = p.getFileName().toString().replaceAll("\\.(exchange\\.)?xml$", "");
          files.add(new BenchFile(p, name));
        }
        case "--label" -> {
          BenchFile last = files.remove(files.size() - 1);
          files.add(new BenchFile(last.path, args[++i]));
        }
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--reps-for" -> {
          String[] kv = args[++i].split("=", 2);
          repsFor.put(kv[0], Integer.parseInt(kv[1]));
        }
        case "--chunk" -> chunk = Integer.parseInt(args[++i]);
        case "--warmup" -> warmups = Integer.parseInt(args[++i]);
        case "--dry-run" -> dryRun = true;
        case "--base" -> base = args[++i];
        case "--bolt" -> bolt = args[++i];
        case "--database" -> database = args[++i];
        case "--tag" -> tag = args[++i];
        case "--csv" -> csv = Path.of(args[++i]);
        case "--app-pid" -> appPid = Long.parseLong(args[++i]);
        case "--quiet-max-busy" -> quietMaxBusy = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!Character.isLetter(tag.charAt(0))) tag = "t" + tag;
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
