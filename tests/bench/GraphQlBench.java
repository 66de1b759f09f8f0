/*
 * EAMS benchmark: the department query of issue #6 ("all applications of Sở Y tế with their
 * databases and security level") through POST /graphql, next to one hand-written Cypher query that
 * returns the same data over Bolt, against one running app and its embedded DBMS.
 *
 * Run through graphql.sh (it starts the app on the Trà Vinh model and on a generated 100,000-element
 * model, and builds the class path), or by hand against a running app:
 *
 *   java -cp "$CP" GraphQlBench.java --agency tv-agency-so-y-te --expect shipped --out DIR
 *   java -cp "$CP" GraphQlBench.java --fixture --expect fixture --label tra-vinh+fixture --out DIR
 *   java -cp "$CP" GraphQlBench.java --import FILE --model scale-100k          # load, then exit
 *   java -cp "$CP" GraphQlBench.java --model scale-100k --agency auto --out DIR
 *
 * (class path: the driver and Jackson jars of the app's lib/main folder, see graphql.sh)
 *
 * The query is docs/graphql.md's, word for word, with only the agency id changed:
 *
 *   { element(id: "<agency>") { name ... on BusinessActor {
 *       applications { name ... on ApplicationComponent { securityLevel } }
 *       databases { name } domains { name } } } }
 *
 * Steps (each prints what it did; every timed phase also prints the app's CPU time, this client's
 * and other processes' ("foreign"), from /proc):
 *   0. --fixture: gives Sở Y tế of the Trà Vinh model eight applications of its own (owner
 *      tv-agency-so-y-te, security levels 1-3) and seven sectoral databases, joined by Access
 *      relationships (also to the national population and social-insurance databases), in one POST
 *      /api/models/{m}/batch; skipped when they are there already. The approved architecture names
 *      no owner or security level (model/tra-vinh-v1.0/README.md, choice 16), so without this the
 *      answer has empty applications and databases. The added elements say in their documentation
 *      that the benchmark added them.
 *   1. --agency auto: the agency of the model (specialization Agency) whose name starts with
 *      --agency-prefix (default "Sở y tế ", compared folded) that owns or operates the most
 *      applications; prints it and how applications are spread over agencies.
 *   2. Waits (at most --idle-timeout-s) until the app uses less than 10 % of a core for 5 s (the
 *      start's background work: the impact projection, the GraphQL engine).
 *   3. The first answer (its time is printed: the app's first query of this kind since the start):
 *      HTTP 200, no "errors", a non-null element; --expect shipped: exactly the answer
 *      docs/graphql.md gives for the shipped model (Sở Y tế, no applications, no databases, the six
 *      service domains); --expect fixture: 8 applications all with a security level, 9 databases;
 *      --expect data (default): at least one application with a security level and one database.
 *      Every later answer must be the same bytes, or it counts as an error.
 *   4. The hand-written Cypher query (printed; Neo4j 5's scoped CALL (a) { ... } subqueries, which
 *      plan and run as fast as the deprecated CALL { WITH a ... } form and raise no deprecation
 *      notification) over Bolt, in a read transaction: its (application,
 *      security level), database and domain lists are compared with the GraphQL answer as multisets
 *      of names; differences are listed and make the exit status 1.
 *   5. Latency: --warmup GraphQL requests and Cypher runs (not counted), then --rounds rounds of
 *      --requests/--rounds sequential GraphQL requests over one keep-alive HTTP/1.1 connection
 *      followed by as many Cypher runs over one Bolt session (rounds, so that both see much the same
 *      machine); the client's time per request (sent to the whole body read) and per Cypher run
 *      (sent to the last record read); p50 / p95 / p99, and the ratio GraphQL / Cypher at p50, p95.
 *   6. Throughput: for each --concurrency C, C worker threads, each with its own HTTP/1.1 client
 *      (one keep-alive connection), send the query back to back (closed loop) for --ramp-s seconds
 *      (not counted) and then --duration-s seconds; requests completed in that window: req/s, p50 /
 *      p95 / p99, errors (non-200, exception, or an answer that differs from the first); the app's
 *      CPU time per request and the req/s its CPUs (Cpus_allowed_list) could give at that cost.
 *   7. Verdicts against issue #6's targets: sequential p95 <= 50 ms (the target is for province
 *      scale), best req/s >= 500 with no errors, GraphQL / Cypher <= 2 at p50 and at p95.
 *
 * Output to --out: latency-<label>.csv (label, kind, round, i, ms), throughput-<label>.csv (label,
 * concurrency, i, start_ms, ms, ok: every request of the measured windows), and, appended,
 * throughput.csv (one row per label and concurrency), results.csv (one row per label) and
 * summary.txt (the summary block printed at the end).
 *
 * Options:
 *   --base URL           EAMS base URL                                   (default http://127.0.0.1:18080)
 *   --bolt URI           Bolt URI of the same DBMS                       (default bolt://127.0.0.1:17687)
 *   --database NAME      Neo4j database                                  (default neo4j)
 *   --model ID           model                                           (default tra-vinh-v1.0)
 *   --label NAME         name of this run in the output                  (default: the model id)
 *   --agency ID | auto   the agency asked about                          (default tv-agency-so-y-te)
 *   --agency-prefix T    for auto: start of the agency's name            (default "Sở y tế ")
 *   --expect KIND        shipped | fixture | data                        (default data)
 *   --fixture            step 0 first
 *   --import FILE        only: import the exchange file as --model (POST /api/import) and exit
 *   --warmup N           untimed GraphQL requests and Cypher runs        (default 1000)
 *   --requests N         timed sequential GraphQL requests and Cypher runs (default 1000)
 *   --rounds N           rounds they are split into                      (default 4)
 *   --concurrency LIST   in-flight requests of the throughput runs, comma separated (default 8,16,32)
 *   --duration-s S       measured seconds per concurrency                (default 20)
 *   --ramp-s S           unmeasured seconds before each                  (default 3)
 *   --out DIR            where the CSVs and summary.txt go               (default: none written)
 *   --app-pid PID        the app's pid (CPU times, idle wait)
 *   --idle-timeout-s S   longest wait for an idle app                    (default 180)
 *   --quiet-max-busy P   before each timed phase wait (at most 180 s) until the machine is less than
 *                        P % busy
 */

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

public class GraphQlBench {

  /** docs/graphql.md, "All applications of Sở Y tế, with their databases and security level." */
  static final String QUERY =
      """
      {
        element(id: "tv-agency-so-y-te") {
          name
          ... on BusinessActor {
            applications { name ... on ApplicationComponent { securityLevel } }
            databases { name }
            domains { name }
          }
        }
      }
      """;

  static final String DOC_AGENCY = "tv-agency-so-y-te";

  /** The answer docs/graphql.md gives on the shipped model: the six service domains, in order. */
  static final List<String> SHIPPED_DOMAINS =
      List.of(
          "An toàn thực phẩm",
          "Dược - mỹ phẩm",
          "Giám định y khoa",
          "Khám chữa bệnh",
          "Tài chính y tế",
          "Y tế dự phòng");

  /**
   * The same data in one statement, as one would write it by hand for this question: the agency;
   * the application components that name it as owner or operator or that it is assigned to, with
   * their security level; the data objects those applications access, that are related to the
   * agency directly or that name it in a profile property; the service domains assigned to it.
   * The applications and the databases are each a union of their routes (the owner and operator
   * routes are index seeks, V0010). Each list ordered by name key and id, as the GraphQL fields
   * are.
   */
  static final String CYPHER =
      """
      MATCH (a:Element {id: $agency})
      CALL (a) {
        CALL (a) {
          MATCH (app:ApplicationComponent {p_owner: a.id})
          RETURN app
          UNION
          MATCH (app:ApplicationComponent {p_operator: a.id})
          RETURN app
          UNION
          MATCH (a)-[:Assignment]->(app:ApplicationComponent)
          RETURN app
        }
        WITH a, app WHERE app.modelId = a.modelId
        WITH app ORDER BY app.nameKey, app.id
        RETURN collect(app) AS apps
      }
      CALL (a, apps) {
        CALL (a, apps) {
          UNWIND apps AS app
          MATCH (app)-[:Access]->(d:DataObject)
          RETURN d
          UNION
          MATCH (a)--(d:DataObject)
          RETURN d
          UNION
          MATCH (d:DataObject)
          WHERE d.modelId = a.modelId
            AND any(k IN keys(d) WHERE k STARTS WITH 'p_' AND d[k] = a.id)
          RETURN d
        }
        WITH a, d WHERE d.modelId = a.modelId
        WITH d ORDER BY d.nameKey, d.id
        RETURN collect(d.name) AS databases
      }
      CALL (a) {
        OPTIONAL MATCH (a)-[:Assignment]->(f:BusinessFunction {specialization: 'ServiceDomain'})
        WITH f ORDER BY f.nameKey, f.id
        RETURN collect(f.name) AS domains
      }
      RETURN a.name AS name,
             [x IN apps | {name: x.name, securityLevel: x.p_securityLevel}] AS applications,
             databases, domains
      """;

  // ---- options ----------------------------------------------------------------------------------
  static String base = "http://127.0.0.1:18080";
  static String bolt = "bolt://127.0.0.1:17687";
  static String database = "neo4j";
  static String modelId = "tra-vinh-v1.0";
  static String label;
  static String agency = DOC_AGENCY;
  static String agencyPrefix = "Sở y tế ";
  static String expect = "data";
  static boolean fixture;
  static Path importFile;
  static int warmup = 1000;
  static int requests = 1000;
  static int rounds = 4;
  static int[] concurrency = {8, 16, 32};
  static int durationS = 20;
  static int rampS = 3;
  static Path outDir;
  static long appPid = -1;
  static int idleTimeoutS = 180;
  static int quietMaxBusy = -1;

  static final ObjectMapper JSON = new ObjectMapper();
  static HttpClient http;
  static Driver driver;

  public static void main(String[] args) throws Exception {
    parse(args);
    if (label == null) label = modelId;
    http = client();
    int status;
    if (importFile != null) {
      status = importModel();
    } else {
      driver =
          GraphDatabase.driver(
              bolt,
              AuthTokens.none(),
              Config.builder().withoutEncryption().withLogging(Logging.none()).build());
      try {
        driver.verifyConnectivity();
        status = measure();
      } finally {
        driver.close();
      }
    }
    System.exit(status);
  }

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  // =================================================================================================
  // --import

  static int importModel() throws Exception {
    long t0 = System.nanoTime();
    HttpRequest req =
        authorized(
                URI.create(
                    base + "/api/import?modelId=" + enc(modelId) + "&fileName="
                        + enc(importFile.getFileName().toString())))
            .timeout(Duration.ofMinutes(60))
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofFile(importFile))
            .build();
    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
    double s = (System.nanoTime() - t0) / 1e9;
    if (r.statusCode() != 201) {
      System.err.printf(Locale.ROOT, "import %s -> HTTP %d after %.1f s: %s%n", importFile, r.statusCode(), s, head(r.body()));
      return 1;
    }
    JsonNode body = JSON.readTree(r.body());
    System.out.printf(Locale.ROOT, "# imported %s as %s in %.1f s: created %s; %d warnings%n",
        importFile.getFileName(), modelId, s, body.path("created"), body.path("warnings").size());
    return 0;
  }

  // =================================================================================================
  // measuring

  static int measure() throws Exception {
    int status = 0;
    if (fixture) applyFixture();
    if (agency.equals("auto")) agency = pickAgency();
    String query = QUERY.replace("\"" + DOC_AGENCY + "\"", "\"" + agency + "\"");
    String body = JSON.writeValueAsString(Map.of("query", query));
    HttpRequest request =
        authorized(URI.create(base + "/graphql"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    System.out.println("# query (docs/graphql.md, agency " + agency + "):");
    System.out.print(query.indent(2));
    waitIdle();

    // ---- the first answer
    long t0 = System.nanoTime();
    HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
    double firstMs = (System.nanoTime() - t0) / 1e6;
    String reference = first.body();
    byte[] referenceBytes = reference.getBytes(StandardCharsets.UTF_8); // later answers: compared as bytes
    Answer gql;
    try {
      gql = graphQlAnswer(first);
    } catch (IllegalStateException e) {
      System.out.printf(Locale.ROOT, "FAIL first answer (%.0f ms): %s%n", firstMs, e.getMessage());
      return 1;
    }
    System.out.printf(Locale.ROOT, "# first answer in %.0f ms: HTTP %d, %,d bytes; %s: %d applications (%d with a security level), %d databases, %d domains%n",
        firstMs, first.statusCode(), referenceBytes.length, gql.name, gql.applications.size(),
        gql.applications.stream().filter(a -> !a.endsWith("\tnull")).count(), gql.databases.size(), gql.domains.size());
    List<String> problems = expectations(gql);
    if (!problems.isEmpty()) {
      problems.forEach(p -> System.out.println("FAIL answer: " + p));
      System.out.println("# answer: " + head(reference));
      return 1;
    }
    System.out.println("# answer as expected (" + expect + ")");

    // ---- the hand-written Cypher
    System.out.println("# hand-written Cypher, in one read transaction over Bolt ($agency = \"" + agency + "\"):");
    System.out.print(CYPHER.indent(2));
    Map<String, Object> params = Map.of("agency", agency);
    int mismatches;
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      Answer cy = cypherAnswer(s.executeRead(tx -> tx.run(CYPHER, params).list()));
      mismatches = compare(gql, cy);
    }
    if (mismatches > 0) status = 1;

    // ---- latency
    System.out.printf(Locale.ROOT, "# warm-up: %d GraphQL requests, %d Cypher runs%n", warmup, warmup);
    int warmErrors = 0;
    for (int i = 0; i < warmup; i++) {
      HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200 || !Arrays.equals(r.body(), referenceBytes)) warmErrors++;
    }
    double[] gqlMs = new double[requests];
    double[] cyMs = new double[requests];
    int seqErrors = warmErrors;
    List<String> latencyCsv = new ArrayList<>();
    latencyCsv.add("label,kind,round,i,ms");
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      for (int i = 0; i < warmup; i++) runCypher(s, params);
      int per = Math.max(1, requests / rounds);
      int done = 0;
      for (int round = 1; done < requests; round++) {
        int n = round == rounds ? requests - done : Math.min(per, requests - done);
        quiet();
        begin();
        for (int i = done; i < done + n; i++) {
          long t = System.nanoTime();
          HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          gqlMs[i] = (System.nanoTime() - t) / 1e6;
          if (r.statusCode() != 200 || !Arrays.equals(r.body(), referenceBytes)) seqErrors++;
          latencyCsv.add(String.format(Locale.ROOT, "%s,graphql,%d,%d,%.3f", label, round, i, gqlMs[i]));
        }
        end(String.format(Locale.ROOT, "round %d: %d GraphQL requests", round, n), n);
        begin();
        for (int i = done; i < done + n; i++) {
          long t = System.nanoTime();
          runCypher(s, params);
          cyMs[i] = (System.nanoTime() - t) / 1e6;
          latencyCsv.add(String.format(Locale.ROOT, "%s,cypher,%d,%d,%.3f", label, round, i, cyMs[i]));
        }
        end(String.format(Locale.ROOT, "round %d: %d Cypher runs", round, n), n);
        done += n;
      }
    }
    System.out.println("GraphQL sequential  " + pct(gqlMs) + (seqErrors > 0 ? "  ERRORS " + seqErrors : ""));
    System.out.println("Cypher sequential   " + pct(cyMs));
    double ratio50 = q(gqlMs, 0.5) / q(cyMs, 0.5);
    double ratio95 = q(gqlMs, 0.95) / q(cyMs, 0.95);
    System.out.printf(Locale.ROOT, "ratio GraphQL / Cypher: p50 %.2f, p95 %.2f%n", ratio50, ratio95);
    write("latency-" + label + ".csv", latencyCsv, false);

    // ---- throughput
    List<String> rawCsv = new ArrayList<>();
    rawCsv.add("label,concurrency,i,start_ms,ms,ok");
    List<String> tputRows = new ArrayList<>();
    double bestRps = 0;
    int bestC = 0;
    double bestP95 = Double.NaN;
    long loadErrors = 0;
    int cpus = appCpus();
    for (int c : concurrency) {
      Load l = load(request, referenceBytes, c, rawCsv);
      loadErrors += l.errors;
      double appMsPerReq = l.count == 0 ? Double.NaN : l.appCpuS * 1000 / l.count;
      System.out.printf(Locale.ROOT,
          "GraphQL load c=%-3d %,8.1f req/s  (%,d in %d s)  p50 %s  p95 %s  p99 %s ms  errors %d%n"
              + "   cpu: app %.1f s (%.0f %% of its %d cpus), client %.1f s, foreign %.1f s; app cpu %.2f ms per request"
              + " -> %,.0f req/s if the app had its %d cpus to itself%n",
          c, l.rps, l.count, durationS, f(l.p50), f(l.p95), f(l.p99), l.errors,
          l.appCpuS, 100 * l.appCpuS / (durationS * (double) cpus), cpus, l.clientCpuS, l.foreignCpuS, appMsPerReq,
          cpus * 1000 / appMsPerReq, cpus);
      tputRows.add(String.format(Locale.ROOT, "%s,%d,%d,%d,%.1f,%.3f,%.3f,%.3f,%d,%.2f,%.2f,%.2f,%.3f",
          label, c, durationS, l.count, l.rps, l.p50, l.p95, l.p99, l.errors, l.appCpuS, l.clientCpuS, l.foreignCpuS, appMsPerReq));
      if (l.errors == 0 && l.rps > bestRps) {
        bestRps = l.rps;
        bestC = c;
        bestP95 = l.p95;
      }
    }
    write("throughput-" + label + ".csv", rawCsv, false);
    write("throughput.csv", tputRows, "label,concurrency,duration_s,requests,req_per_s,p50_ms,p95_ms,p99_ms,errors,app_cpu_s,client_cpu_s,foreign_cpu_s,app_cpu_ms_per_req");

    // ---- summary and verdicts
    boolean province = !modelId.startsWith("scale");
    double p95 = q(gqlMs, 0.95);
    List<String> sum = new ArrayList<>();
    sum.add(String.format(Locale.ROOT, "== %s: model %s, agency %s (%s): %d applications, %d databases, %d domains; answer %,d bytes",
        label, modelId, agency, gql.name, gql.applications.size(), gql.databases.size(), gql.domains.size(),
        referenceBytes.length));
    sum.add("   GraphQL sequential " + pct(gqlMs));
    sum.add("   Cypher sequential  " + pct(cyMs));
    sum.add(String.format(Locale.ROOT, "   ratio GraphQL / Cypher: p50 %.2f, p95 %.2f; Cypher answer %s", ratio50, ratio95,
        mismatches == 0 ? "the same" : mismatches + " DIFFERENCES"));
    for (String row : tputRows) {
      String[] v = row.split(",");
      sum.add(String.format(Locale.ROOT, "   load c=%-3s %8s req/s  p50 %s  p95 %s  p99 %s ms  errors %s  (app cpu %s ms/request)",
          v[1], v[4], v[5], v[6], v[7], v[8], v[12]));
    }
    sum.add(verdict("p95 <= 50 ms" + (province ? " (province scale)" : " (the target is for province scale; shown for reference)"),
        p95 <= 50 && seqErrors == 0, String.format(Locale.ROOT, "sequential p95 %s ms", f(p95))));
    sum.add(verdict(">= 500 req/s", bestRps >= 500,
        bestC == 0 ? "no run without errors" : String.format(Locale.ROOT, "best %.0f req/s at c=%d (p95 %s ms under that load)", bestRps, bestC, f(bestP95))));
    sum.add(verdict("<= 2x the hand-written Cypher", ratio50 <= 2 && ratio95 <= 2 && mismatches == 0,
        String.format(Locale.ROOT, "p50 %.2f, p95 %.2f%s", ratio50, ratio95, mismatches == 0 ? "" : ", answers differ")));
    if (seqErrors + loadErrors > 0) sum.add("   ERRORS: " + seqErrors + " sequential, " + loadErrors + " under load");
    System.out.println();
    sum.forEach(System.out::println);
    write("summary.txt", sum, true);
    write("results.csv", List.of(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.2f,%.2f,%d,%.1f,%d,%.3f,%d",
        label, modelId, agency, gql.applications.size(), gql.databases.size(), gql.domains.size(), referenceBytes.length,
        q(gqlMs, 0.5), q(gqlMs, 0.95), q(gqlMs, 0.99), q(cyMs, 0.5), q(cyMs, 0.95), q(cyMs, 0.99), ratio50, ratio95,
        mismatches, bestRps, bestC, bestP95, seqErrors + loadErrors)),
        "label,model,agency,applications,databases,domains,answer_bytes,gql_p50_ms,gql_p95_ms,gql_p99_ms,cypher_p50_ms,cypher_p95_ms,cypher_p99_ms,ratio_p50,ratio_p95,cypher_differences,best_req_per_s,best_concurrency,p95_at_best_ms,errors");
    if (seqErrors + loadErrors > 0) status = 1;
    return status;
  }

  static String verdict(String target, boolean pass, String detail) {
    return String.format(Locale.ROOT, "   TARGET %-36s %s  (%s)", target, pass ? "PASS" : "FAIL", detail);
  }

  // ---- answers ------------------------------------------------------------------------------------

  /** An answer as multisets: applications as "name\tsecurityLevel", databases and domains by name. */
  record Answer(String name, List<String> applications, List<String> databases, List<String> domains) {}

  static Answer graphQlAnswer(HttpResponse<String> r) throws Exception {
    if (r.statusCode() != 200) throw new IllegalStateException("POST /graphql -> HTTP " + r.statusCode() + ": " + head(r.body()));
    JsonNode root = JSON.readTree(r.body());
    if (root.has("errors")) throw new IllegalStateException("the answer has errors: " + head(root.get("errors").toString()));
    JsonNode e = root.path("data").path("element");
    if (e.isMissingNode() || e.isNull()) throw new IllegalStateException("no element " + agency + ": " + head(r.body()));
    List<String> apps = new ArrayList<>();
    for (JsonNode a : e.path("applications")) apps.add(a.path("name").asText() + "\t" + (a.path("securityLevel").isNull() || a.path("securityLevel").isMissingNode() ? "null" : a.path("securityLevel").asText()));
    List<String> dbs = new ArrayList<>();
    for (JsonNode d : e.path("databases")) dbs.add(d.path("name").asText());
    List<String> doms = new ArrayList<>();
    for (JsonNode d : e.path("domains")) doms.add(d.path("name").asText());
    return new Answer(e.path("name").asText(), apps, dbs, doms);
  }

  static Answer cypherAnswer(List<Record> rows) {
    if (rows.size() != 1) throw new IllegalStateException("the Cypher query answered " + rows.size() + " rows");
    Record r = rows.get(0);
    List<String> apps = new ArrayList<>();
    for (Value a : r.get("applications").values()) {
      Value l = a.get("securityLevel");
      apps.add(a.get("name").asString() + "\t" + (l.isNull() ? "null" : Long.toString(l.asLong())));
    }
    return new Answer(r.get("name").asString(), apps, r.get("databases").asList(Value::asString), r.get("domains").asList(Value::asString));
  }

  /** Runs the Cypher query and reads every value, as the app reads its rows. */
  static int runCypher(Session s, Map<String, Object> params) {
    return s.executeRead(
        tx -> {
          int n = 0;
          for (Record r : tx.run(CYPHER, params).list()) {
            n += r.get("applications").asList(v -> v.asMap()).size();
            n += r.get("databases").asList(Value::asString).size();
            n += r.get("domains").asList(Value::asString).size();
            n += r.get("name").asString().length();
          }
          return n;
        });
  }

  static List<String> expectations(Answer a) {
    List<String> p = new ArrayList<>();
    if (a.name.isBlank()) p.add("the element has no name");
    switch (expect) {
      case "shipped" -> {
        if (!a.name.equals("Sở Y tế")) p.add("name " + a.name + ", expected Sở Y tế");
        if (!a.applications.isEmpty()) p.add(a.applications.size() + " applications, expected none (docs/graphql.md)");
        if (!a.databases.isEmpty()) p.add(a.databases.size() + " databases, expected none (docs/graphql.md)");
        if (!a.domains.equals(SHIPPED_DOMAINS)) p.add("domains " + a.domains + ", expected " + SHIPPED_DOMAINS);
      }
      case "fixture" -> {
        if (a.applications.size() != FIXTURE_APPS.length) p.add(a.applications.size() + " applications, expected " + FIXTURE_APPS.length);
        if (a.applications.stream().anyMatch(x -> x.endsWith("\tnull"))) p.add("an application without a security level");
        if (a.databases.size() != 9) p.add(a.databases.size() + " databases, expected 9");
        if (!a.domains.equals(SHIPPED_DOMAINS)) p.add("domains " + a.domains + ", expected " + SHIPPED_DOMAINS);
      }
      default -> {
        if (a.applications.stream().allMatch(x -> x.endsWith("\tnull"))) p.add("no application with a security level");
        if (a.databases.isEmpty()) p.add("no database");
      }
    }
    return p;
  }

  /** Prints the differences of the two answers as multisets; returns how many there are. */
  static int compare(Answer gql, Answer cy) {
    int n = 0;
    if (!gql.name.equals(cy.name)) {
      System.out.println("MISMATCH name: GraphQL " + gql.name + ", Cypher " + cy.name);
      n++;
    }
    n += diff("application\tsecurityLevel", gql.applications, cy.applications);
    n += diff("database", gql.databases, cy.databases);
    n += diff("domain", gql.domains, cy.domains);
    System.out.printf(Locale.ROOT, "# Cypher answer: %d applications, %d databases, %d domains: %s%s%n",
        cy.applications.size(), cy.databases.size(), cy.domains.size(),
        n == 0 ? "the same as GraphQL's" : n + " differences",
        n == 0 && !(gql.equals(cy)) ? " (as multisets; the order differs)" : n == 0 ? " (same order too)" : "");
    return n;
  }

  static int diff(String what, List<String> gql, List<String> cy) {
    Map<String, Integer> count = new TreeMap<>();
    gql.forEach(x -> count.merge(x, 1, Integer::sum));
    cy.forEach(x -> count.merge(x, -1, Integer::sum));
    int n = 0;
    for (var e : count.entrySet()) {
      if (e.getValue() == 0) continue;
      if (n < 20) {
        System.out.printf("MISMATCH %s only in %s (%d x): %s%n", what, e.getValue() > 0 ? "GraphQL" : "Cypher", Math.abs(e.getValue()), e.getKey().replace('\t', ' '));
      }
      n += Math.abs(e.getValue());
    }
    if (n > 20) System.out.println("MISMATCH ... " + (n - 20) + " more " + what);
    return n;
  }

  // ---- throughput ---------------------------------------------------------------------------------

  record Load(long count, double rps, double p50, double p95, double p99, long errors, double appCpuS, double clientCpuS, double foreignCpuS) {}

  /** Per worker: start and end (ns) and status of every request. */
  static final class Samples {
    long[] start = new long[1 << 14];
    long[] end = new long[1 << 14];
    boolean[] ok = new boolean[1 << 14];
    int n;

    void add(long s, long e, boolean good) {
      if (n == start.length) {
        start = Arrays.copyOf(start, n * 2);
        end = Arrays.copyOf(end, n * 2);
        ok = Arrays.copyOf(ok, n * 2);
      }
      start[n] = s;
      end[n] = e;
      ok[n++] = good;
    }
  }

  static Load load(HttpRequest request, byte[] reference, int c, List<String> rawCsv) throws Exception {
    quiet();
    long t0 = System.nanoTime();
    long from = t0 + rampS * 1_000_000_000L;
    long to = from + durationS * 1_000_000_000L;
    Samples[] samples = new Samples[c];
    Thread[] workers = new Thread[c];
    for (int w = 0; w < c; w++) {
      Samples s = samples[w] = new Samples();
      HttpClient own = client();
      workers[w] =
          new Thread(
              () -> {
                while (true) {
                  long a = System.nanoTime();
                  if (a >= to) break;
                  boolean good;
                  try {
                    HttpResponse<byte[]> r = own.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    good = r.statusCode() == 200 && Arrays.equals(r.body(), reference);
                  } catch (Exception e) {
                    good = false;
                  }
                  s.add(a, System.nanoTime(), good);
                }
              },
              "load-" + w);
      workers[w].setDaemon(true);
    }
    for (Thread t : workers) t.start();
    sleepUntil(from);
    long[] cpu0 = cpuSnapshot();
    sleepUntil(to);
    long[] cpu1 = cpuSnapshot();
    for (Thread t : workers) t.join(120_000);
    List<Double> ms = new ArrayList<>();
    long errors = 0;
    for (int w = 0; w < c; w++) {
      Samples s = samples[w];
      for (int i = 0; i < s.n; i++) {
        if (s.end[i] < from || s.end[i] > to) continue;
        double d = (s.end[i] - s.start[i]) / 1e6;
        ms.add(d);
        if (!s.ok[i]) errors++;
        rawCsv.add(String.format(Locale.ROOT, "%s,%d,%d,%.3f,%.3f,%d", label, c, ms.size() - 1, (s.start[i] - t0) / 1e6, d, s.ok[i] ? 1 : 0));
      }
    }
    double[] v = ms.stream().mapToDouble(Double::doubleValue).toArray();
    double tick = 100.0; // USER_HZ
    double app = appPid > 0 ? (cpu1[1] - cpu0[1]) / tick : Double.NaN;
    double me = (cpu1[2] - cpu0[2]) / tick;
    double foreign = Math.max(0, (cpu1[0] - cpu0[0]) - (appPid > 0 ? cpu1[1] - cpu0[1] : 0) - (cpu1[2] - cpu0[2])) / tick;
    return new Load(v.length, v.length / (double) durationS, q(v, 0.5), q(v, 0.95), q(v, 0.99), errors, app, me, foreign);
  }

  static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) Thread.sleep(Math.max(1, left / 1_000_000));
  }

  // ---- fixture ------------------------------------------------------------------------------------

  /** {id suffix, name, security level, databases (fixture suffixes or Trà Vinh ids)}. */
  static final String[][] FIXTURE_APPS = {
    {"app-01", "Hệ thống thông tin quản lý khám bệnh, chữa bệnh", "3", "db-01,tv-db-national-01,tv-db-national-07"},
    {"app-02", "Hệ thống hồ sơ sức khỏe điện tử", "3", "db-02,tv-db-national-01"},
    {"app-03", "Hệ thống quản lý tiêm chủng", "2", "db-03,tv-db-national-01"},
    {"app-04", "Hệ thống quản lý dược, mỹ phẩm", "2", "db-04"},
    {"app-05", "Hệ thống giám sát bệnh truyền nhiễm", "2", "db-05"},
    {"app-06", "Hệ thống quản lý an toàn thực phẩm", "2", "db-06"},
    {"app-07", "Phần mềm quản lý trang thiết bị y tế", "1", "db-07"},
    {"app-08", "Hệ thống giám định bảo hiểm y tế", "3", "db-01,tv-db-national-07"},
  };

  static final String[][] FIXTURE_DBS = {
    {"db-01", "Cơ sở dữ liệu khám bệnh, chữa bệnh"},
    {"db-02", "Cơ sở dữ liệu hồ sơ sức khỏe điện tử"},
    {"db-03", "Cơ sở dữ liệu tiêm chủng"},
    {"db-04", "Cơ sở dữ liệu dược, mỹ phẩm"},
    {"db-05", "Cơ sở dữ liệu bệnh truyền nhiễm"},
    {"db-06", "Cơ sở dữ liệu an toàn thực phẩm"},
    {"db-07", "Cơ sở dữ liệu trang thiết bị y tế"},
  };

  static final String FIXTURE_PREFIX = "tv-bench-so-y-te-";
  static final String FIXTURE_DOC = "Thêm bởi tests/bench/graphql.sh để đo truy vấn GraphQL; không thuộc Kiến trúc được phê duyệt.";

  static void applyFixture() throws Exception {
    HttpResponse<String> there = get("/api/models/" + enc(modelId) + "/elements/" + enc(FIXTURE_PREFIX + "app-01"));
    if (there.statusCode() == 200) {
      System.out.println("# fixture: already in " + modelId);
      return;
    }
    List<Map<String, Object>> ops = new ArrayList<>();
    for (String[] d : FIXTURE_DBS) {
      ops.add(Map.of("op", "create", "kind", "element", "id", FIXTURE_PREFIX + d[0],
          "data", Map.of("type", "DataObject", "name", d[1], "documentation", FIXTURE_DOC,
              "specialization", "Database", "profile", Map.of("databaseClass", "sectoral"))));
    }
    int rel = 0;
    for (String[] a : FIXTURE_APPS) {
      ops.add(Map.of("op", "create", "kind", "element", "id", FIXTURE_PREFIX + a[0],
          "data", Map.of("type", "ApplicationComponent", "name", a[1], "documentation", FIXTURE_DOC,
              "specialization", "Application", "profile",
              Map.of("applicationGroup", "sectoral", "owner", DOC_AGENCY, "securityLevel", Integer.parseInt(a[2])))));
    }
    for (String[] a : FIXTURE_APPS) {
      for (String db : a[3].split(",")) {
        boolean own = db.startsWith("db-");
        ops.add(Map.of("op", "create", "kind", "relationship", "id", FIXTURE_PREFIX + "rel-" + (++rel),
            "data", Map.of("type", "Access", "sourceId", FIXTURE_PREFIX + a[0],
                "targetId", own ? FIXTURE_PREFIX + db : db, "accessType", own ? "ReadWrite" : "Read")));
      }
    }
    HttpResponse<String> r = post("/api/models/" + enc(modelId) + "/batch", JSON.writeValueAsString(Map.of("operations", ops)));
    if (r.statusCode() != 200) throw new IllegalStateException("fixture batch -> HTTP " + r.statusCode() + ": " + head(r.body()));
    System.out.printf(Locale.ROOT, "# fixture: %d applications of %s, %d databases, %d Access relationships added to %s (one batch)%n",
        FIXTURE_APPS.length, DOC_AGENCY, FIXTURE_DBS.length, rel, modelId);
  }

  // ---- the agency of a generated model ------------------------------------------------------------

  static String pickAgency() {
    String prefix = foldKey(agencyPrefix);
    try (Session s = driver.session(SessionConfig.forDatabase(database))) {
      List<Record> rows =
          s.executeRead(
              tx ->
                  tx.run(
                          """
                          MATCH (x:ApplicationComponent) WHERE x.modelId = $m
                          UNWIND [x.p_owner, x.p_operator] AS ag
                          WITH ag WHERE ag IS NOT NULL
                          WITH ag, count(*) AS apps
                          MATCH (a:Element {id: ag})
                          WHERE a.specialization = 'Agency'
                          RETURN a.id AS id, a.name AS name, a.nameKey STARTS WITH $prefix AS named, apps
                          ORDER BY apps DESC, id
                          """,
                          Map.of("m", modelId, "prefix", prefix))
                      .list());
      if (rows.isEmpty()) throw new IllegalStateException("no agency of " + modelId + " owns or operates an application: was the model generated with --profile vn-egov?");
      int[] counts = rows.stream().mapToInt(r -> r.get("apps").asInt()).toArray();
      long agencies = s.run("MATCH (a:BusinessActor) WHERE a.modelId = $m AND a.specialization = 'Agency' RETURN count(a) AS c", Map.of("m", modelId)).single().get("c").asLong();
      System.out.printf(Locale.ROOT, "# %s: %,d agencies, %,d of them own or operate applications (most %d, median %d, p90 %d)%n",
          modelId, agencies, counts.length, counts[0], counts[counts.length / 2], counts[counts.length / 10]);
      Record pick = rows.stream().filter(r -> r.get("named").asBoolean()).findFirst()
          .orElseThrow(() -> new IllegalStateException("no agency named " + agencyPrefix + "… owns an application"));
      int rank = rows.indexOf(pick) + 1;
      System.out.printf(Locale.ROOT, "# agency: %s \"%s\", %d applications as owner or operator (rank %d of %d agencies with applications); the one named \"%s…\" with the most%n",
          pick.get("id").asString(), pick.get("name").asString(), pick.get("apps").asInt(), rank, counts.length, agencyPrefix);
      return pick.get("id").asString();
    }
  }

  // ---- waiting ------------------------------------------------------------------------------------

  /**
   * Waits until the app used less than 10 % of one core in each of five consecutive seconds: longer
   * than the delays after which the app starts its background work (the impact projection 2 s, the
   * GraphQL engine 3 s after the start).
   */
  static void waitIdle() throws InterruptedException {
    if (appPid <= 0) return;
    long t0 = System.nanoTime();
    long deadline = t0 + idleTimeoutS * 1_000_000_000L;
    int calm = 0;
    long last = procTicks(appPid);
    while (System.nanoTime() < deadline && calm < 5) {
      Thread.sleep(1000);
      long now = procTicks(appPid);
      calm = now - last < 10 ? calm + 1 : 0; // 10 ticks = 0.1 s of CPU in 1 s
      last = now;
    }
    System.out.printf(Locale.ROOT, "# app %s after %.0f s%n", calm >= 5 ? "idle" : "still busy", (System.nanoTime() - t0) / 1e9);
  }

  static void quiet() throws InterruptedException {
    if (quietMaxBusy <= 0) return;
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      long[] a = machineTicks();
      Thread.sleep(1000);
      long[] b = machineTicks();
      long total = b[1] - a[1];
      if (total <= 0 || 100 * (b[0] - a[0]) / total < quietMaxBusy) break;
    }
  }

  // ---- CPU accounting -----------------------------------------------------------------------------

  static long[] mark;
  static long markNanos;

  static void begin() {
    mark = cpuSnapshot();
    markNanos = System.nanoTime();
  }

  static void end(String what, int n) {
    long[] now = cpuSnapshot();
    double tick = 100.0; // USER_HZ
    double wall = (System.nanoTime() - markNanos) / 1e9;
    double app = appPid > 0 ? (now[1] - mark[1]) / tick : Double.NaN;
    double me = (now[2] - mark[2]) / tick;
    double foreign = Math.max(0, (now[0] - mark[0]) - (appPid > 0 ? now[1] - mark[1] : 0) - (now[2] - mark[2])) / tick;
    System.out.printf(Locale.ROOT, "# %s: %.1f s wall; cpu: app %.1f s (%.2f ms per request), client %.1f s, foreign %.1f s%n",
        what, wall, app, app * 1000 / n, me, foreign);
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
    return new long[] {machineTicks()[0], appPid > 0 ? procTicks(appPid) : 0, procTicks(ProcessHandle.current().pid())};
  }

  /** How many CPUs the app may run on (its Cpus_allowed_list), else this machine's. */
  static int appCpus() {
    if (appPid > 0) {
      try {
        for (String l : Files.readAllLines(Path.of("/proc/" + appPid + "/status"))) {
          if (!l.startsWith("Cpus_allowed_list:")) continue;
          int n = 0;
          for (String part : l.substring(l.indexOf(':') + 1).trim().split(",")) {
            String[] ab = part.split("-");
            n += ab.length == 1 ? 1 : Integer.parseInt(ab[1]) - Integer.parseInt(ab[0]) + 1;
          }
          return n;
        }
      } catch (Exception e) {
        // fall through
      }
    }
    return Runtime.getRuntime().availableProcessors();
  }

  // ---- statistics and helpers ---------------------------------------------------------------------

  static double q(double[] v, double p) {
    if (v.length == 0) return Double.NaN;
    double[] s = v.clone();
    Arrays.sort(s);
    int k = (int) Math.ceil(p * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, k))];
  }

  static String pct(double[] v) {
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    return String.format(Locale.ROOT, "n %d  min %s  p50 %s  p95 %s  p99 %s  max %s  mean %s ms",
        v.length, f(q(v, 0)), f(q(v, 0.5)), f(q(v, 0.95)), f(q(v, 0.99)), f(q(v, 1.0)), f(mean));
  }

  static String f(double x) {
    return Double.isNaN(x) ? "-" : x >= 100 ? String.format(Locale.ROOT, "%.0f", x) : String.format(Locale.ROOT, "%.2f", x);
  }

  /** Writes (or, with a header, appends to) a file of --out; the header goes into a new file. */
  static void write(String name, List<String> lines, String header) throws Exception {
    if (outDir == null) return;
    Path p = outDir.resolve(name);
    List<String> all = new ArrayList<>();
    if (!Files.exists(p)) all.add(header);
    all.addAll(lines);
    Files.write(p, all, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static void write(String name, List<String> lines, boolean append) throws Exception {
    if (outDir == null) return;
    Path p = outDir.resolve(name);
    if (append) Files.write(p, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    else Files.write(p, lines, StandardCharsets.UTF_8);
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(authorized(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        authorized(URI.create(base + path)).timeout(Duration.ofMinutes(5))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** The same rule as vn.eams.model.Text.foldKey. */
  static String foldKey(String text) {
    if (text == null || text.isEmpty()) return "";
    String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String head(String s) {
    return s.length() <= 600 ? s : s.substring(0, 600) + "…";
  }

  static void parse(String[] args) {
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> base = args[++i];
        case "--bolt" -> bolt = args[++i];
        case "--database" -> database = args[++i];
        case "--model" -> modelId = args[++i];
        case "--label" -> label = args[++i];
        case "--agency" -> agency = args[++i];
        case "--agency-prefix" -> agencyPrefix = args[++i];
        case "--expect" -> expect = args[++i];
        case "--fixture" -> fixture = true;
        case "--import" -> importFile = Path.of(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Arrays.stream(args[++i].split(",")).mapToInt(x -> Integer.parseInt(x.trim())).toArray();
        case "--duration-s" -> durationS = Integer.parseInt(args[++i]);
        case "--ramp-s" -> rampS = Integer.parseInt(args[++i]);
        case "--out" -> outDir = Path.of(args[++i]);
        case "--app-pid" -> appPid = Long.parseLong(args[++i]);
        case "--idle-timeout-s" -> idleTimeoutS = Integer.parseInt(args[++i]);
        case "--quiet-max-busy" -> quietMaxBusy = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (!List.of("shipped", "fixture", "data").contains(expect)) throw new IllegalArgumentException("--expect shipped | fixture | data");
    if (requests < 1 || rounds < 1) throw new IllegalArgumentException("--requests and --rounds must be at least 1");
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
