/*
 * EAMS benchmark: the batch API (POST /api/models/{m}/batch) against a raw Cypher UNWIND write of the
 * same data, through the Neo4j Java Driver, against the very same embedded DBMS.
 *
 * Run through batch-vs-unwind.sh (it starts the app with a fixed Bolt port and builds the class path),
 * or by hand against a running app:
 *
 *   java -cp "$(ls lib/main/org.neo4j.driver.*.jar ... | tr '\n' :)" BatchVsUnwind.java \
 *        --base http://127.0.0.1:18080 --bolt bolt://127.0.0.1:17687 --reps 3
 *
 * Options (all optional):
 *   --base URL        EAMS base URL                       (default http://127.0.0.1:18080)
 *   --bolt URI        Bolt URI of the same DBMS            (default bolt://127.0.0.1:17687)
 *   --database NAME   Neo4j database                       (default neo4j)
 *   --elements N      elements                             (default 10000)
 *   --relationships N relationships                        (default 20000)
 *   --chunk N         operations per batch, chunked shape  (default 1000)
 *   --reps N          repetitions of each measurement      (default 3)
 *   --seed N          data seed                            (default 20261127)
 *   --tag S           id/model prefix, unique per store     (default: current time, base 36)
 *   --skip-chunked    measure only the single-request shape
 *   --csv FILE        also write every timing as CSV
 *   --app-pid PID     the app's process id: each timing then also reports the CPU time other processes
 *                     used meanwhile ("foreign cpu", machine total minus app minus this client; Linux)
 *   --warmup N        after the small warm-up, N more rounds of the full-size batch and UNWIND,
 *                     not counted (default 0): for steady-state figures, once the JIT has compiled
 *                     the request path
 *   --only LIST       single-request measurements to run (default batch,unwind,unwind+log,validate;
 *                     unwind+log needs batch)
 *   --quiet-max-busy P before each timing, wait (at most 180 s) until the machine is less than P % busy
 *
 * What is measured, each rep on fresh models with fresh ids, the order rotating between reps:
 *   single  batch      one POST with all elements+relationships (end to end, java.net.http)
 *           unwind     one write transaction: one UNWIND ... CREATE per element type, then one
 *                      UNWIND ... MATCH/MATCH/CREATE per relationship type (same properties as EAMS)
 *           unwind+log the same plus one UNWIND CREATE (:ChangeSet) of the change sets EAMS wrote for
 *                      an earlier batch (same sizes; ADR 0006), to separate the change-log cost
 *           validate   the same POST with "validateOnly": true (parse, rules, id checks; no write)
 *   chunked batch      ceil(ops/chunk) POSTs in order (elements first, then relationships)
 *           unwind     the same chunks, one UNWIND transaction per chunk
 *           (":el-chunks" / ":rel-chunks": the part of that total spent in element-only chunks / the rest;
 *           the chunked totals are the sum of the per-chunk times, rows built outside the clock)
 * Then counts are checked with Cypher for every model written.
 */

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;

public class BatchVsUnwind {

  // 8 element types from four layers; ids and names are deterministic from the seed.
  static final String[] ELEMENT_TYPES = {
    "ApplicationComponent", "ApplicationService", "ApplicationInterface", "DataObject",
    "BusinessProcess", "BusinessActor", "Node", "SystemSoftware"
  };
  static final int[] ELEMENT_WEIGHTS = {4, 2, 1, 2, 2, 1, 1, 1};
  // relationship types tried, in order of preference; Association only when nothing else fits often
  static final List<String> REL_TYPES =
      List.of("Serving", "Flow", "Triggering", "Realization", "Access", "Assignment", "Composition", "Aggregation");

  record El(String type, String name) {}

  record Rel(String type, int source, int target) {}

  record Op(boolean element, int index) {}

  // ---- options ----------------------------------------------------------------------------------
  static String base = "http://127.0.0.1:18080";
  static String bolt = "bolt://127.0.0.1:17687";
  static String database = "neo4j";
  static int nElements = 10_000;
  static int nRelationships = 20_000;
  static int chunk = 1_000;
  static int reps = 3;
  static long seed = 20261127L;
  static String tag = Long.toString(System.currentTimeMillis(), 36);
  static boolean chunked = true;
  static Path csv;
  static long appPid = -1;
  static int quietMaxBusy = -1;
  static List<String> only = List.of("batch", "unwind", "unwind+log", "validate");
  static int fullWarmups = 0;

  static HttpClient http;
  static Driver driver;
  static final List<String> csvLines = new ArrayList<>();
  static final Map<String, List<Double>> results = new LinkedHashMap<>();
  static final Map<String, String> written = new LinkedHashMap<>(); // modelId -> what it should hold

  public static void main(String[] args) throws Exception {
    parse(args);
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    driver =
        GraphDatabase.driver(
            bolt, AuthTokens.none(), Config.builder().withoutEncryption().withLogging(Logging.none()).build());
    driver.verifyConnectivity();

    System.out.printf(Locale.ROOT, "# BatchVsUnwind: %d elements, %d relationships, chunk %d, reps %d, seed %d, tag %s%n",
        nElements, nRelationships, chunk, reps, seed, tag);
    System.out.printf(Locale.ROOT, "# base %s, bolt %s, client JVM %s, client cpus %d%n",
        base, bolt, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());

    Map<String, List<String>> allowed = allowedMatrix();
    List<El> elements = new ArrayList<>();
    List<Rel> relationships = new ArrayList<>();
    generate(allowed, elements, relationships);
    describe(elements, relationships);
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) ops.add(new Op(true, i));
    for (int i = 0; i < relationships.size(); i++) ops.add(new Op(false, i));

    // Warm-up (not counted): a small batch and a small UNWIND, so that the first measured rep does not
    // pay for class loading and the first JIT compilations of the request path alone.
    {
      List<Op> warm = new ArrayList<>();
      int we = Math.min(500, nElements);
      for (int i = 0; i < we; i++) warm.add(new Op(true, i));
      for (int i = 0; i < relationships.size() && warm.size() < 3 * we; i++) {
        Rel r = relationships.get(i);
        if (r.source < we && r.target < we) warm.add(new Op(false, i));
      }
      for (int w = 0; w < 3; w++) {
        String wm = tag + "-warm" + w;
        createModel(wm);
        postBatch(wm, "w" + w + tag + "_", warm, elements, relationships, false);
        String wu = tag + "-warmu" + w;
        createModel(wu);
        unwind(wu, "x" + w + tag + "_", List.of(warm), elements, relationships, null);
      }
      System.out.printf(Locale.ROOT, "# warm-up done: 3 x (batch of %d ops + UNWIND of the same)%n", warm.size());
      for (int w = 0; w < fullWarmups; w++) {
        String wm = tag + "-fwarm" + w;
        createModel(wm);
        double b = postBatch(wm, "fw" + w + tag + "_", ops, elements, relationships, false);
        String wu = tag + "-fwarmu" + w;
        createModel(wu);
        double u = unwind(wu, "fx" + w + tag + "_", List.of(ops), elements, relationships, null);
        System.out.printf(Locale.ROOT, "# full-size warm-up %d (not counted): batch %.1f ms, UNWIND %.1f ms%n", w + 1, b, u);
      }
    }

    List<Map<String, Object>> changeTemplate = null;
    long changeSeq = lowestChangeSeq() - 1; // the log copies use negative numbers, never read by EAMS
    for (int rep = 1; rep <= reps; rep++) {
      String[] order = rotate(new String[] {"batch", "unwind", "unwind+log"}, rep - 1);
      if (changeTemplate == null) {
        // the first rep must run the batch first, to have the change records to copy
        order = new String[] {"batch", "unwind", "unwind+log"};
      }
      for (String what : order) {
        if (!only.contains(what)) continue;
        String model = tag + "-" + what.replace("+", "") + "-" + rep;
        String prefix = (what.equals("batch") ? "b" : what.equals("unwind") ? "u" : "l") + rep + tag + "_";
        createModel(model);
        begin();
        double ms;
        switch (what) {
          case "batch" -> {
            ms = postBatch(model, prefix, ops, elements, relationships, false);
            written.put(model, "batch");
          }
          case "unwind" -> {
            ms = unwind(model, prefix, List.of(ops), elements, relationships, null);
            written.put(model, "unwind");
          }
          default -> {
            List<Map<String, Object>> log = new ArrayList<>(changeTemplate.size());
            for (Map<String, Object> c : changeTemplate) {
              Map<String, Object> m = new HashMap<>(c);
              List<Long> seqs = new ArrayList<>();
              for (int k = 0; k < ((List<?>) c.get("seqs")).size(); k++) seqs.add(changeSeq--);
              m.put("seqs", seqs);
              m.put("first", seqs.get(seqs.size() - 1));
              m.put("last", seqs.get(0));
              m.put("modelId", model);
              log.add(m);
            }
            ms = unwind(model, prefix, List.of(ops), elements, relationships, log);
            written.put(model, "unwind+log");
          }
        }
        record("single", what, rep, ms);
        if (what.equals("batch") && changeTemplate == null) {
          changeTemplate = readChanges(model);
        }
      }
      // validateOnly: parse + rules + id checks in a read transaction, nothing written
      if (!only.contains("validate")) continue;
      String vm = tag + "-validate-" + rep;
      createModel(vm);
      begin();
      record("single", "validate", rep, postBatch(vm, "v" + rep + tag + "_", ops, elements, relationships, true));
    }

    if (chunked) {
      List<List<Op>> chunks = new ArrayList<>();
      for (int i = 0; i < ops.size(); i += chunk) chunks.add(ops.subList(i, Math.min(ops.size(), i + chunk)));
      for (int rep = 1; rep <= reps; rep++) {
        String[] order = rotate(new String[] {"batch", "unwind"}, rep - 1);
        for (String what : order) {
          String model = tag + "-c" + what + "-" + rep;
          String prefix = (what.equals("batch") ? "cb" : "cu") + rep + tag + "_";
          createModel(model);
          begin();
          double ms;
          // time spent in chunks holding only element creates vs the other chunks
          double elementChunks = 0;
          double otherChunks = 0;
          for (List<Op> c : chunks) {
            double t =
                what.equals("batch")
                    ? postBatch(model, prefix, c, elements, relationships, false)
                    : unwind(model, prefix, List.of(c), elements, relationships, null);
            if (c.stream().allMatch(Op::element)) elementChunks += t;
            else otherChunks += t;
          }
          ms = elementChunks + otherChunks;
          written.put(model, what);
          record("chunked", what, rep, ms);
          record("chunked", what + ":el-chunks", rep, elementChunks);
          record("chunked", what + ":rel-chunks", rep, otherChunks);
        }
      }
    }

    summary(chunked ? (ops.size() + chunk - 1) / chunk : 0);
    boolean ok = verify(elements, relationships);
    if (csv != null) {
      csvLines.add(0, "shape,what,rep,ms,app_cpu_s,foreign_cpu_s,begin_epoch_ms,end_epoch_ms");
      Files.write(csv, csvLines, StandardCharsets.UTF_8);
      System.out.println("# CSV written to " + csv);
    }
    driver.close();
    System.exit(ok ? 0 : 1);
  }

  // ---- data -------------------------------------------------------------------------------------

  /** Allowed relationship types per (source type, target type), asked from the running server. */
  static Map<String, List<String>> allowedMatrix() throws Exception {
    Map<String, List<String>> m = new HashMap<>();
    Pattern item = Pattern.compile("\"([A-Za-z]+)\"");
    for (String s : ELEMENT_TYPES) {
      for (String t : ELEMENT_TYPES) {
        String body =
            get("/api/metamodel/allowed-relationships?source=" + s + "&target=" + t);
        String list = body.substring(body.indexOf("\"relationships\""));
        list = list.substring(list.indexOf('[') + 1, list.indexOf(']'));
        List<String> names = new ArrayList<>();
        var mt = item.matcher(list);
        while (mt.find()) names.add(mt.group(1));
        m.put(s + ">" + t, names);
      }
    }
    return m;
  }

  static void generate(Map<String, List<String>> allowed, List<El> elements, List<Rel> relationships) {
    Random rnd = new Random(seed);
    int total = Arrays.stream(ELEMENT_WEIGHTS).sum();
    String[] words = {"Cổng", "Hệ thống", "Dịch vụ", "Dữ liệu", "Quản lý", "Một cửa", "Đăng ký", "Hồ sơ", "Thủ tục", "Công dân"};
    for (int i = 0; i < nElements; i++) {
      int w = rnd.nextInt(total);
      int k = 0;
      while (w >= ELEMENT_WEIGHTS[k]) w -= ELEMENT_WEIGHTS[k++];
      String name = words[rnd.nextInt(words.length)] + " " + words[rnd.nextInt(words.length)] + " " + (i + 1);
      elements.add(new El(ELEMENT_TYPES[k], name));
    }
    while (relationships.size() < nRelationships) {
      int s = rnd.nextInt(nElements);
      int t = rnd.nextInt(nElements);
      if (s == t) continue;
      List<String> ok = allowed.get(elements.get(s).type + ">" + elements.get(t).type);
      List<String> preferred = ok.stream().filter(REL_TYPES::contains).toList();
      String type;
      if (!preferred.isEmpty() && rnd.nextInt(10) != 0) {
        type = preferred.get(rnd.nextInt(preferred.size()));
      } else if (ok.contains("Association")) {
        type = "Association";
      } else {
        continue;
      }
      relationships.add(new Rel(type, s, t));
    }
  }

  static void describe(List<El> elements, List<Rel> relationships) {
    Map<String, Integer> et = new TreeMap<>();
    elements.forEach(e -> et.merge(e.type, 1, Integer::sum));
    Map<String, Integer> rt = new TreeMap<>();
    relationships.forEach(r -> rt.merge(r.type, 1, Integer::sum));
    System.out.println("# element types: " + et);
    System.out.println("# relationship types: " + rt);
  }

  static String eid(String prefix, int i) {
    return prefix + "e" + i;
  }

  static String rid(String prefix, int i) {
    return prefix + "r" + i;
  }

  static byte[] batchBody(String prefix, List<Op> ops, List<El> elements, List<Rel> rels, boolean validateOnly) {
    StringBuilder sb = new StringBuilder(ops.size() * 130);
    sb.append("{\"validateOnly\":").append(validateOnly).append(",\"operations\":[");
    boolean first = true;
    for (Op op : ops) {
      if (!first) sb.append(',');
      first = false;
      if (op.element) {
        El e = elements.get(op.index);
        sb.append("{\"op\":\"create\",\"kind\":\"element\",\"id\":\"").append(eid(prefix, op.index))
            .append("\",\"data\":{\"type\":\"").append(e.type).append("\",\"name\":\"").append(json(e.name)).append("\"}}");
      } else {
        Rel r = rels.get(op.index);
        sb.append("{\"op\":\"create\",\"kind\":\"relationship\",\"id\":\"").append(rid(prefix, op.index))
            .append("\",\"data\":{\"type\":\"").append(r.type).append("\",\"sourceId\":\"").append(eid(prefix, r.source))
            .append("\",\"targetId\":\"").append(eid(prefix, r.target)).append("\"}}");
      }
    }
    sb.append("]}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  // ---- the two paths ------------------------------------------------------------------------------

  /** One batch request; returns the end-to-end time in ms (body already serialised). */
  static double postBatch(String model, String prefix, List<Op> ops, List<El> elements, List<Rel> rels, boolean validateOnly)
      throws Exception {
    byte[] body = batchBody(prefix, ops, elements, rels, validateOnly);
    HttpRequest req =
        authorized(URI.create(base + "/api/models/" + model + "/batch"))
            .timeout(Duration.ofMinutes(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (resp.statusCode() != 200) {
      String b = resp.body();
      throw new IllegalStateException("batch " + model + " -> HTTP " + resp.statusCode() + ": " + b.substring(0, Math.min(2000, b.length())));
    }
    return ms;
  }

  /**
   * The baseline: per chunk one write transaction with one UNWIND per element type and one per
   * relationship type (and optionally the change records); rows are built before the clock starts.
   */
  static double unwind(String model, String prefix, List<List<Op>> chunks, List<El> elements, List<Rel> rels,
      List<Map<String, Object>> changes) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    List<Map<String, List<Map<String, Object>>>> elementRows = new ArrayList<>();
    List<Map<String, List<Map<String, Object>>>> relRows = new ArrayList<>();
    for (List<Op> c : chunks) {
      Map<String, List<Map<String, Object>>> er = new LinkedHashMap<>();
      Map<String, List<Map<String, Object>>> rr = new LinkedHashMap<>();
      for (Op op : c) {
        if (op.element) {
          El e = elements.get(op.index);
          Map<String, Object> m = new HashMap<>();
          m.put("id", eid(prefix, op.index));
          m.put("modelId", model);
          m.put("type", e.type);
          m.put("name", e.name);
          m.put("nameKey", foldKey(e.name));
          m.put("searchKey", foldKey(e.name + "\n"));
          m.put("textKey", foldKey(e.name + "\n\n\n\n"));
          m.put("version", 1L);
          m.put("createdAt", now);
          m.put("updatedAt", now);
          er.computeIfAbsent(e.type, k -> new ArrayList<>()).add(m);
        } else {
          Rel r = rels.get(op.index);
          Map<String, Object> m = new HashMap<>();
          m.put("id", rid(prefix, op.index));
          m.put("modelId", model);
          m.put("type", r.type);
          m.put("sourceId", eid(prefix, r.source));
          m.put("targetId", eid(prefix, r.target));
          m.put("version", 1L);
          m.put("createdAt", now);
          m.put("updatedAt", now);
          rr.computeIfAbsent(r.type, k -> new ArrayList<>()).add(m);
        }
      }
      elementRows.add(er);
      relRows.add(rr);
    }
    long t0 = System.nanoTime();
    for (int i = 0; i < chunks.size(); i++) {
      Map<String, List<Map<String, Object>>> er = elementRows.get(i);
      Map<String, List<Map<String, Object>>> rr = relRows.get(i);
      try (Session session = driver.session(SessionConfig.forDatabase(database))) {
        session.executeWrite(
            (TransactionContext tx) -> {
              er.forEach(
                  (type, rows) ->
                      tx.run("UNWIND $rows AS r CREATE (e:Element:" + type + ") SET e = r", Map.of("rows", rows)).consume());
              rr.forEach(
                  (type, rows) ->
                      tx.run(
                              "UNWIND $rows AS r MATCH (s:Element {id: r.sourceId}) MATCH (t:Element {id: r.targetId})"
                                  + " CREATE (s)-[x:" + type + "]->(t) SET x = r",
                              Map.of("rows", rows))
                          .consume());
              if (changes != null) {
                tx.run("UNWIND $rows AS r CREATE (s:ChangeSet) SET s = r", Map.of("rows", changes)).consume();
              }
              return null;
            });
      }
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** The change sets EAMS wrote for the concepts of a model (not the model's own record's set). */
  static List<Map<String, Object>> readChanges(String model) {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      return s.executeRead(
          tx -> tx.run("MATCH (s:ChangeSet {modelId: $m}) WHERE s.kinds <> ['model'] RETURN properties(s) AS c ORDER BY s.first",
                  Map.of("m", model))
              .list(r -> r.get("c").asMap()));
    }
  }

  static long lowestChangeSeq() {
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      return Math.min(0, s.run("MATCH (c:ChangeSet) RETURN coalesce(min(c.first), 0) AS m").single().get("m").asLong());
    }
  }

  // ---- same text rule as vn.eams.model.Text.foldKey ----------------------------------------------
  static final Pattern MARKS = Pattern.compile("\\p{M}+");

  static String foldKey(String text) {
    if (text == null || text.isEmpty()) return "";
    String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  // ---- verification -------------------------------------------------------------------------------

  static boolean verify(List<El> elements, List<Rel> rels) {
    Map<String, Integer> relTypes = new TreeMap<>();
    rels.forEach(r -> relTypes.merge(r.type, 1, Integer::sum));
    boolean ok = true;
    System.out.println();
    System.out.println("# verification (Cypher counts per model)");
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      for (Map.Entry<String, String> en : written.entrySet()) {
        String m = en.getKey();
        long ne = s.run("MATCH (e:Element {modelId: $m}) RETURN count(e) AS c", Map.of("m", m)).single().get("c").asLong();
        Map<String, Long> byType = new TreeMap<>();
        for (String t : relTypes.keySet()) {
          long c = s.run("MATCH ()-[r:" + t + "]->() WHERE r.modelId = $m RETURN count(r) AS c", Map.of("m", m)).single().get("c").asLong();
          byType.put(t, c);
        }
        long nr = byType.values().stream().mapToLong(Long::longValue).sum();
        long nc = s.run("MATCH (c:ChangeSet {modelId: $m}) UNWIND c.kinds AS k WITH k WHERE k <> 'model' RETURN count(k) AS c", Map.of("m", m)).single().get("c").asLong();
        boolean typesOk = true;
        for (var t : relTypes.entrySet()) typesOk &= byType.get(t.getKey()) == t.getValue().longValue();
        long expectChanges = en.getValue().equals("unwind") ? 0 : elements.size() + rels.size();
        boolean good = ne == elements.size() && nr == rels.size() && typesOk && nc == expectChanges;
        ok &= good;
        System.out.printf(Locale.ROOT, "%-28s %-10s elements %6d relationships %6d (per type %s) changes %6d  %s%n",
            m, en.getValue(), ne, nr, typesOk ? "match" : "DIFFER " + byType, nc, good ? "OK" : "MISMATCH");
      }
      // property keys of a sample element and relationship: EAMS model vs UNWIND model
      String bm = written.entrySet().stream().filter(e -> e.getValue().equals("batch")).map(Map.Entry::getKey).findFirst().orElse(null);
      String um = written.entrySet().stream().filter(e -> e.getValue().equals("unwind")).map(Map.Entry::getKey).findFirst().orElse(null);
      if (bm != null && um != null) {
        TreeSet<String> a = new TreeSet<>(s.run("MATCH (e:Element {modelId: $m}) WITH e LIMIT 1 RETURN keys(e) AS k", Map.of("m", bm)).single().get("k").asList(Object::toString));
        TreeSet<String> b = new TreeSet<>(s.run("MATCH (e:Element {modelId: $m}) WITH e LIMIT 1 RETURN keys(e) AS k", Map.of("m", um)).single().get("k").asList(Object::toString));
        String rt = relTypes.keySet().iterator().next();
        TreeSet<String> c = new TreeSet<>(s.run("MATCH ()-[r:" + rt + "]->() WHERE r.modelId = $m WITH r LIMIT 1 RETURN keys(r) AS k", Map.of("m", bm)).single().get("k").asList(Object::toString));
        TreeSet<String> d = new TreeSet<>(s.run("MATCH ()-[r:" + rt + "]->() WHERE r.modelId = $m WITH r LIMIT 1 RETURN keys(r) AS k", Map.of("m", um)).single().get("k").asList(Object::toString));
        System.out.println("# element property keys  batch " + a + (a.equals(b) ? " = unwind" : " != unwind " + b));
        System.out.println("# " + rt + " property keys batch " + c + (c.equals(d) ? " = unwind" : " != unwind " + d));
        ok &= a.equals(b) && c.equals(d);
      }
    }
    System.out.println(ok ? "# verification OK" : "# verification FAILED");
    return ok;
  }

  // ---- reporting ----------------------------------------------------------------------------------

  static void record(String shape, String what, int rep, double ms) {
    String key = shape + " " + what;
    results.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
    String foreign = "";
    String appCpu = "";
    if (mark != null && !what.contains(":")) {
      long[] now = cpuSnapshot();
      double tick = 100.0; // USER_HZ on Linux
      appCpu = String.format(Locale.ROOT, "%.1f", (now[1] - mark[1]) / tick);
      foreign = String.format(Locale.ROOT, "%.1f", Math.max(0, (now[0] - mark[0]) - (now[1] - mark[1]) - (now[2] - mark[2])) / tick);
    }
    csvLines.add(String.format(Locale.ROOT, "%s,%s,%d,%.1f,%s,%s,%d,%d", shape, what, rep, ms, appCpu, foreign, markMillis, System.currentTimeMillis()));
    System.out.printf(Locale.ROOT, "rep %d  %-8s %-18s %10.1f ms%s%n", rep, shape, what, ms,
        foreign.isEmpty() ? "" : "   (app cpu " + appCpu + " s, foreign cpu " + foreign + " s)");
  }

  static long[] mark;

  /** Call before a timing: waits for a quiet machine when asked, and snapshots CPU counters. */
  static void begin() throws InterruptedException {
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

  static long markMillis;

  /** {busy ticks, total ticks} of the machine from /proc/stat. */
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

  static void summary(int nChunks) {
    System.out.println();
    System.out.printf(Locale.ROOT, "# summary (ms)                        n        min     median        max%n");
    for (var en : results.entrySet()) {
      double[] v = en.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
      System.out.printf(Locale.ROOT, "%-34s %3d %10.1f %10.1f %10.1f%n", en.getKey(), v.length, v[0], median(v), v[v.length - 1]);
    }
    ratio("single batch", "single unwind");
    ratio("single batch", "single unwind+log");
    ratio("single validate", "single batch");
    if (nChunks > 0) {
      ratio("chunked batch", "chunked unwind");
      ratio("chunked batch:el-chunks", "chunked unwind:el-chunks");
      ratio("chunked batch:rel-chunks", "chunked unwind:rel-chunks");
    }
  }

  static void ratio(String a, String b) {
    List<Double> x = results.get(a);
    List<Double> y = results.get(b);
    if (x == null || y == null) return;
    double mx = median(x.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    double my = median(y.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    int n = Math.min(x.size(), y.size());
    double[] per = new double[n];
    for (int i = 0; i < n; i++) per[i] = x.get(i) / y.get(i);
    Arrays.sort(per);
    System.out.printf(Locale.ROOT, "ratio %-24s / %-24s = %.2f (ratio of medians); per-rep ratios min %.2f median %.2f max %.2f%n",
        a, b, mx / my, per[0], median(per), per[n - 1]);
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  static String[] rotate(String[] a, int k) {
    String[] r = new String[a.length];
    for (int i = 0; i < a.length; i++) r[i] = a[(i + k) % a.length];
    return r;
  }

  static void createModel(String id) throws Exception {
    String body = "{\"id\":\"" + json(id) + "\",\"name\":\"" + json("Bench " + id) + "\"}";
    HttpResponse<String> r =
        http.send(
            authorized(URI.create(base + "/api/models"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("create model " + id + " -> HTTP " + r.statusCode() + ": " + r.body());
    }
  }

  static String get(String path) throws Exception {
    HttpResponse<String> r = http.send(authorized(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " -> HTTP " + r.statusCode() + ": " + r.body());
    return r.body();
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
        case "--base" -> base = args[++i];
        case "--bolt" -> bolt = args[++i];
        case "--database" -> database = args[++i];
        case "--elements" -> nElements = Integer.parseInt(args[++i]);
        case "--relationships" -> nRelationships = Integer.parseInt(args[++i]);
        case "--chunk" -> chunk = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--tag" -> tag = args[++i];
        case "--skip-chunked" -> chunked = false;
        case "--csv" -> csv = Path.of(args[++i]);
        case "--warmup" -> fullWarmups = Integer.parseInt(args[++i]);
        case "--only" -> only = List.of(args[++i].split(","));
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
