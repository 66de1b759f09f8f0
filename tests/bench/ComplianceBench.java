// The compliance benchmark's client (tests/bench/compliance.sh): JDK only.
//
//   java tests/bench/ComplianceBench.java --base http://127.0.0.1:18080 --sample FILE \
//        [--scale-file FILE] [--runs 30] [--warmup 5] [--scale-runs 3]
//
// 1. Imports the sample proposal (if its model is not there yet) and times --runs checks of it
//    (POST /api/models/{proposal}/compliance) after --warmup untimed ones, then the same for the
//    Trà Vinh architecture (tra-vinh-v1.0). Prints, per model, the client's round trip and the
//    server's report time (millis): median, p95, max, and the median of each phase.
// 2. With --scale-file: imports it (POST /api/import; its answer carries the first check, made
//    right after the import), then times --scale-runs full checks of it, printing every run with
//    its phases (read, checks, rdf, policies = SHACL validation) and the finding counts. Then lays
//    the sample proposal over that model (its stand-ins re-pointed at generated elements of the
//    same types) and times --runs checks of it, as in 1.
// The Authorization header comes from EAMS_BENCH_AUTH (lib.sh).

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ComplianceBench {

  static HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  static String base;
  static String auth = System.getenv().getOrDefault("EAMS_BENCH_AUTH", "");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    base = o.getOrDefault("base", "http://127.0.0.1:18080");
    int runs = Integer.parseInt(o.getOrDefault("runs", "30"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
    int scaleRuns = Integer.parseInt(o.getOrDefault("scale-runs", "3"));
    Path sample = Path.of(o.getOrDefault("sample", "import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml"));
    String proposal = group(Files.readString(sample), "<model [^>]*identifier=\"([^\"]+)\"");
    if (send("GET", "/api/models/" + proposal, null, null).statusCode() == 404) {
      HttpResponse<String> r = send("POST", "/api/import", "application/xml", Files.readAllBytes(sample));
      must(r, 201, "import the sample proposal");
    }
    System.out.println("# proposal check at province scale: " + proposal + " over tra-vinh-v1.0");
    measure(proposal, runs, warmup);
    System.out.println("# architecture validation: tra-vinh-v1.0");
    measure("tra-vinh-v1.0", runs, warmup);
    if (o.containsKey("scale-file")) {
      String model = scale(Path.of(o.get("scale-file")), scaleRuns);
      String over = proposalOver(model, Files.readString(sample), proposal);
      System.out.println("# the sample proposal laid over the generated model " + model);
      measure(over, runs, warmup);
    }
  }

  static void measure(String model, int runs, int warmup) throws Exception {
    for (int i = 0; i < warmup; i++) {
      must(send("POST", "/api/models/" + model + "/compliance", null, null), 200, "check " + model);
    }
    List<Double> client = new ArrayList<>();
    List<Double> server = new ArrayList<>();
    Map<String, List<Double>> phases = new LinkedHashMap<>();
    String last = "";
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = send("POST", "/api/models/" + model + "/compliance", null, null);
      client.add((System.nanoTime() - t0) / 1e6);
      must(r, 200, "check " + model);
      last = r.body();
      server.add(Double.parseDouble(group(last, "\"millis\":(\\d+)")));
      phases(last).forEach((k, v) -> phases.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    System.out.printf(
        "%s: %d runs; client ms median %.1f p95 %.1f max %.1f; server ms median %.1f p95 %.1f max %.1f%n",
        model, runs, pct(client, 50), pct(client, 95), pct(client, 100),
        pct(server, 50), pct(server, 95), pct(server, 100));
    StringBuilder b = new StringBuilder("  phase medians ms:");
    phases.forEach((k, v) -> b.append(' ').append(k).append(' ').append(String.format("%.0f", pct(v, 50))));
    System.out.println(b);
    System.out.println("  findings: " + group(last, "\"summary\":(\\{[^}]*\\})"));
  }

  /**
   * The sample proposal re-targeted at {@code model}: its stand-ins name elements of the generated
   * model of the same types, its ids are made new. Returns the new proposal's id.
   */
  static String proposalOver(String model, String xml, String sampleId) throws Exception {
    String id = "de-xuat-" + model;
    String out =
        xml.replace("identifier=\"" + sampleId + "\"", "identifier=\"" + id + "\"")
            .replace("\"dx-dd-", "\"dx-" + model + "-")
            .replace(">dx-dd-", ">dx-" + model + "-")
            .replace(">tra-vinh-v1.0<", ">" + model + "<");
    Map<String, String> refs = new LinkedHashMap<>();
    refs.put("tv-agency-so-tnmt", "BusinessActor");
    refs.put("tv-usergroup-cong-dan", "BusinessRole");
    refs.put("tv-platform-lgsp", "ApplicationComponent");
    refs.put("tv-app-05", "ApplicationComponent");
    int n = 0;
    for (Map.Entry<String, String> e : refs.entrySet()) {
      HttpResponse<String> r =
          send("GET", "/api/models/" + model + "/elements?type=" + e.getValue() + "&limit=5", null, null);
      must(r, 200, "list " + e.getValue());
      List<String> ids = new ArrayList<>();
      Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\"").matcher(r.body());
      while (m.find()) {
        ids.add(m.group(1));
      }
      if (ids.isEmpty()) {
        throw new IllegalStateException("the generated model has no " + e.getValue());
      }
      out = out.replace(">" + e.getKey() + "<", ">" + ids.get(n++ % ids.size()) + "<");
    }
    if (send("GET", "/api/models/" + id, null, null).statusCode() == 404) {
      must(
          send("POST", "/api/import", "application/xml", out.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          201,
          "import the proposal over " + model);
    }
    return id;
  }

  static String scale(Path file, int runs) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> r =
        send("POST", "/api/import", "application/xml", Files.readAllBytes(file));
    must(r, 201, "import " + file);
    String body = r.body();
    String model = group(body, "\"modelId\":\"([^\"]+)\"");
    System.out.printf(
        "# scale model %s imported and checked once in %.1f s; validation %s%n",
        model, (System.nanoTime() - t0) / 1e9, group(body, "\"validation\":(\\{[^}]*\\})"));
    for (int i = 0; i < runs; i++) {
      long t1 = System.nanoTime();
      HttpResponse<String> c = send("POST", "/api/models/" + model + "/compliance", null, null);
      must(c, 200, "check " + model);
      System.out.printf(
          "%s run %d: client %.1f s; server %s ms; phases %s; findings %s%n",
          model, i + 1, (System.nanoTime() - t1) / 1e9, group(c.body(), "\"millis\":(\\d+)"),
          phases(c.body()), group(c.body(), "\"summary\":(\\{[^}]*\\})"));
    }
    return model;
  }

  static Map<String, Double> phases(String body) {
    Map<String, Double> m = new LinkedHashMap<>();
    Matcher t = Pattern.compile("\"timings\":\\{([^}]*)\\}").matcher(body);
    if (t.find()) {
      Matcher p = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(t.group(1));
      while (p.find()) {
        m.put(p.group(1), Double.parseDouble(p.group(2)));
      }
    }
    return m;
  }

  static double pct(List<Double> xs, int p) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i)));
  }

  static HttpResponse<String> send(String method, String path, String type, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
    if (!auth.isEmpty()) {
      b.header("Authorization", auth);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static void must(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(
          what + ": HTTP " + r.statusCode() + " " + r.body().substring(0, Math.min(600, r.body().length())));
    }
  }

  static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : "";
  }
}
