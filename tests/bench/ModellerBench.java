import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Performance targets of the web modeller (issue 8), measured in a real browser: Debian's
 * Chromium, headless, driven over the DevTools protocol (JDK only: java.net.http.WebSocket).
 *
 * <pre>
 *   java ModellerBench.java --base http://127.0.0.1:18080 [--runs 5] [--warmup 1] [--edits 30]
 *        [--elements 2000] [--small 300] [--large 2000] [--links 1.5] [--only open,http,propagation]
 *        [--chromium /usr/bin/chromium] [--lang vi] [--seed N] [--cache on|off]
 *        [--propagation-view small|large] [--watch-timeout-ms 10000] [--pause-ms 200]
 *        [--load-timeout-s 120] [--http-requests 20] [--keep-profile] [--quiet-max-busy PCT]
 *        [--bfcache on|off]
 * </pre>
 *
 * Every request carries EAMS_BENCH_AUTH (lib.sh: the bench administrator's HTTP Basic
 * credentials) as its Authorization header; the browser sends it too (Network.setExtraHTTPHeaders),
 * so pages, the view JSON and the change stream are read as that user.
 *
 * <p>Chromium's back/forward cache is off unless --bfcache on: with it, in a tab that had shown
 * several modeller pages (each waited for until its first render) a later navigation never
 * completed (the 7th to the 14th load of the tab; the cause is not known).
 *
 * <p>Data: a model of --elements elements (8 types) and about --links relationships per element
 * between elements close in number (so that connections are mostly short), created through one
 * batch request; view S (--small nodes, the first elements) and view L (--large nodes), nodes
 * on a grid (120 x 55, 160 x 90 apart, about 1.5 times as wide as high), with a connection for
 * every relationship between two elements of the view, created through POST .../edits.
 *
 * <p>Measured:
 *
 * <ul>
 *   <li><b>open</b>: per view and page kind (viewer /models/{m}/views/{v}, editor .../edit), the
 *       page is loaded --warmup + --runs times in one tab (about:blank in between); a script
 *       installed before the page's own (Page.addScriptToEvaluateOnNewDocument) notes
 *       performance.now() (ms since the navigation started) when body[data-modeller-state] becomes
 *       "ready" (the modeller sets it after its first render; window.eamsModeller.ready is then
 *       resolved, which is awaited too) and again after the next animation frame and a task
 *       ("painted": the frame with the drawing has been produced). The target applies to
 *       "painted". The count of .djs-shape / .djs-connection elements proves the drawing. As a
 *       reference, the viewer page is loaded as often in a tab with JavaScript off
 *       (Emulation.setScriptExecutionDisabled), which draws the server's &lt;noscript&gt; SVG:
 *       its loadEventEnd.
 *   <li><b>http</b>: the server alone, from this JVM: GET of the viewer page (its &lt;noscript&gt;
 *       holds the server-rendered SVG of the view), of the editor page, of the view JSON; request
 *       sent to last byte read.
 *   <li><b>propagation</b>: two tabs A and B of the same browser open the editor of view S; for
 *       --edits repetitions, alternately a node move (POST .../edits updateNode) and an element
 *       rename (PATCH /api/models/{m}/elements/{id}, If-Match) through the API: from just before
 *       the request is sent (System.currentTimeMillis()) to the moment the change is in the
 *       watching tab's canvas (a MutationObserver on the shape's .djs-element[data-element-id]:
 *       its transform, its text; Date.now() in the page, the same machine clock: "seen") and to
 *       a task after the next animation frame ("painted": the frame's style, layout and paint on
 *       the page's main thread are done; the target applies to it); then --edits moves in tab A
 *       through its diagram-js API (modeling.moveElements) until tab B shows them (both times
 *       taken in the pages), with A's own edit request (Resource Timing) and the end of its save
 *       (body[data-saving] back to false).
 * </ul>
 */
public class ModellerBench {

  static String base = "http://127.0.0.1:18080";
  static String auth = System.getenv("EAMS_BENCH_AUTH");
  /** When > 0: before each timed page load and edit, wait (at most 60 s) until the machine is less busy. */
  static int quietMaxBusy = 0;

  static HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  static final String[] TYPES = {
    "ApplicationComponent", "ApplicationService", "DataObject", "BusinessActor",
    "BusinessProcess", "BusinessFunction", "Node", "SystemSoftware"
  };

  public static void main(String[] args) throws Exception {
    int elements = 2000;
    int small = 300;
    int large = 2000;
    double links = 1.5;
    int runs = 5;
    int warmup = 1;
    int edits = 30;
    int httpRequests = 20;
    String chromium = "/usr/bin/chromium";
    String lang = "vi";
    long seed = 20261201L;
    String only = "open,http,propagation";
    boolean cache = true;
    String propagationView = "small";
    long watchTimeoutMs = 10_000;
    long pauseMs = 200;
    int loadTimeoutS = 120;
    boolean keepProfile = false;
    boolean bfcache = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> base = args[++i];
        case "--elements" -> elements = Integer.parseInt(args[++i]);
        case "--small" -> small = Integer.parseInt(args[++i]);
        case "--large" -> large = Integer.parseInt(args[++i]);
        case "--links" -> links = Double.parseDouble(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--edits" -> edits = Integer.parseInt(args[++i]);
        case "--http-requests" -> httpRequests = Integer.parseInt(args[++i]);
        case "--chromium" -> chromium = args[++i];
        case "--lang" -> lang = args[++i];
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--only" -> only = args[++i];
        case "--cache" -> cache = !args[++i].equals("off");
        case "--propagation-view" -> propagationView = args[++i];
        case "--watch-timeout-ms" -> watchTimeoutMs = Long.parseLong(args[++i]);
        case "--pause-ms" -> pauseMs = Long.parseLong(args[++i]);
        case "--load-timeout-s" -> loadTimeoutS = Integer.parseInt(args[++i]);
        case "--keep-profile" -> keepProfile = true;
        case "--bfcache" -> bfcache = args[++i].equals("on");
        case "--quiet-max-busy" -> quietMaxBusy = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (large > elements || small > elements) {
      throw new IllegalArgumentException("--small and --large must not exceed --elements");
    }
    List<String> parts = List.of(only.split(","));
    System.out.println("# machine: " + machine());
    System.out.printf(
        Locale.ROOT,
        "# options: base %s, elements %d, views %d / %d nodes, links %.2f per element, runs %d (+%d warm-up), "
            + "edits %d, lang %s, browser cache %s, back/forward cache %s, quiet-max-busy %s, seed %d%n",
        base, elements, small, large, links, runs, warmup, edits, lang, cache ? "on" : "off", bfcache ? "on" : "off",
        quietMaxBusy > 0 ? quietMaxBusy + " %" : "off", seed);

    // ---- data ----
    Random rnd = new Random(seed);
    String model = "bench-modeller-" + Long.toString(System.currentTimeMillis(), 36);
    long t0 = System.nanoTime();
    List<int[]> rels = createModel(model, elements, links, rnd);
    System.out.printf(
        Locale.ROOT,
        "# model %s: %d elements, %d relationships through one batch request in %.1f s%n",
        model, elements, rels.size(), (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    ViewInfo viewS = createView(model, "Sơ đồ đo hiệu năng " + small + " nút", small, rels);
    ViewInfo viewL = createView(model, "Sơ đồ đo hiệu năng " + large + " nút", large, rels);
    System.out.printf(
        Locale.ROOT,
        "# view S %s: %d nodes, %d connections; view L %s: %d nodes, %d connections; created in %.1f s%n",
        viewS.id, viewS.nodes, viewS.connections, viewL.id, viewL.nodes, viewL.connections,
        (System.nanoTime() - t0) / 1e9);
    List<ViewInfo> views = List.of(viewS, viewL);
    System.out.println("# front-end: " + asset("/assets/modeller.js") + ", " + asset("/assets/modeller.css"));

    // ---- server alone ----
    if (parts.contains("http")) {
      System.out.println("## server alone (HTTP client in this JVM, request sent to last byte; "
          + httpRequests + " requests after 3 warm-ups)");
      for (ViewInfo v : views) {
        String vp = "/models/" + enc(model) + "/views/" + enc(v.id);
        httpSeries(v, "viewer page (server SVG)", vp + "?lang=" + lang, httpRequests, true);
        httpSeries(v, "editor page", vp + "/edit?lang=" + lang, httpRequests, false);
        httpSeries(v, "view JSON", "/api/models/" + enc(model) + "/views/" + enc(v.id), httpRequests, false);
      }
    }

    if (!parts.contains("open") && !parts.contains("propagation")) {
      return;
    }
    Path profile = Files.createTempDirectory("eams-modeller-chromium-");
    try (Browser browser = Browser.launch(chromium, profile, bfcache)) {
      System.out.println("# browser: " + browser.version + " (headless=new, window 1400x1000)");

      // ---- open and render ----
      if (parts.contains("open")) {
        System.out.println("## open and render (navigation start to body[data-modeller-state=ready] / "
            + "to the next frame after it, ms; shapes and connections drawn)");
        Tab tab = browser.newTab(cache);
        List<String[]> summary = new ArrayList<>();
        for (ViewInfo v : views) {
          long target = v == viewS ? 1000 : 3000;
          for (String kind : List.of("viewer", "editor")) {
            String url = base + "/models/" + enc(model) + "/views/" + enc(v.id)
                + (kind.equals("editor") ? "/edit" : "") + "?lang=" + lang;
            List<Map<String, Object>> samples = new ArrayList<>();
            for (int r = 0; r < warmup + runs; r++) {
              int busy = waitQuiet();
              Map<String, Object> s = tab.load(url, loadTimeoutS);
              boolean counted = r >= warmup;
              System.out.printf(
                  Locale.ROOT,
                  "  %-9s %-6s %s  html %6.0f  dcl %6.0f  view json %6.0f  ready %6.0f  painted %6.0f ms  "
                      + "shapes %d connections %d  scripts %d (%.0f KB)  state %s%s%n",
                  v.label, kind, counted ? "run " + (r - warmup + 1) : "warm ",
                  num(s, "responseEnd"), num(s, "dcl"), num(s, "viewJson"), num(s, "ready"), num(s, "painted"),
                  (long) num(s, "shapes"), (long) num(s, "connections"), (long) num(s, "scriptFiles"),
                  num(s, "scriptKb"), s.get("state"),
                  busy < 0 ? "" : "  (machine busy " + busy + " % before)");
              if (!"ready".equals(s.get("state"))) {
                throw new IllegalStateException(kind + " of " + v.id + " did not become ready: " + s);
              }
              if ((long) num(s, "shapes") < v.nodes) {
                throw new IllegalStateException(
                    kind + " of " + v.id + " drew " + (long) num(s, "shapes") + " shapes of " + v.nodes);
              }
              if (counted) {
                samples.add(s);
              }
            }
            List<Double> painted = col(samples, "painted");
            List<Double> ready = col(samples, "ready");
            summary.add(new String[] {
              String.format(
                  Locale.ROOT,
                  "%-9s %-6s painted n=%d  min %.0f  p50 %.0f  p95 %.0f  max %.0f ms   target <= %d ms: "
                      + "p50 %.2fx, p95 %.2fx of target -> %s",
                  v.label, kind, painted.size(), painted.get(0), pct(painted, 50), pct(painted, 95),
                  painted.get(painted.size() - 1), target, pct(painted, 50) / target, pct(painted, 95) / target,
                  pct(painted, 95) <= target ? "met" : "NOT met"),
              String.format(
                  Locale.ROOT,
                  "%-9s %-6s ready   n=%d  min %.0f  p50 %.0f  p95 %.0f  max %.0f ms   (p50 of parts: html %.0f, "
                      + "DOMContentLoaded %.0f, view JSON fetch %.0f ms; %d shapes, %d connections)",
                  v.label, kind, ready.size(), ready.get(0), pct(ready, 50), pct(ready, 95),
                  ready.get(ready.size() - 1), pct(col(samples, "responseEnd"), 50), pct(col(samples, "dcl"), 50),
                  pct(col(samples, "viewJson"), 50), (long) num(samples.get(0), "shapes"),
                  (long) num(samples.get(0), "connections"))
            });
          }
        }
        tab.close();
        // reference: the viewer page with JavaScript off draws the server's SVG (<noscript>)
        Tab plain = browser.newTab(cache);
        browser.cdp.call(plain.session, "Emulation.setScriptExecutionDisabled", "{\"value\":true}", 30);
        for (ViewInfo v : views) {
          String url = base + "/models/" + enc(model) + "/views/" + enc(v.id) + "?lang=" + lang;
          List<Double> load = new ArrayList<>();
          List<Double> html = new ArrayList<>();
          long drawn = 0;
          for (int r = 0; r < warmup + runs; r++) {
            waitQuiet();
            Map<String, Object> s = plain.loadStatic(url, loadTimeoutS);
            System.out.printf(
                Locale.ROOT, "  %-9s svg    %s  html %6.0f  load event %6.0f ms  server SVG elements %d%s%n",
                v.label, r >= warmup ? "run " + (r - warmup + 1) : "warm ", num(s, "responseEnd"), num(s, "load"),
                (long) num(s, "elements"), Boolean.TRUE.equals(s.get("scripted")) ? "  (scripts ran!)" : "");
            drawn = (long) num(s, "elements");
            if (r >= warmup) {
              load.add(num(s, "load"));
              html.add(num(s, "responseEnd"));
            }
          }
          Collections.sort(load);
          summary.add(new String[] {
            String.format(
                Locale.ROOT,
                "%-9s svg    load    n=%d  min %.0f  p50 %.0f  p95 %.0f  max %.0f ms   (reference: the viewer page with "
                    + "JavaScript off, server SVG of %d elements; html p50 %.0f ms)",
                v.label, load.size(), load.get(0), pct(load, 50), pct(load, 95), load.get(load.size() - 1), drawn,
                pct(html, 50))
          });
        }
        plain.close();
        System.out.println("## open and render: summary");
        for (String[] lines : summary) {
          for (String line : lines) {
            System.out.println(line);
          }
        }
      }

      // ---- edit propagation ----
      if (parts.contains("propagation")) {
        ViewInfo v = propagationView.equals("large") ? viewL : viewS;
        propagation(browser, model, v, lang, edits, watchTimeoutMs, pauseMs, loadTimeoutS, cache);
      }
    } finally {
      if (!keepProfile) {
        deleteTree(profile);
      }
      System.out.println("# loadavg at the end: " + loadavg());
    }
  }

  /** With --quiet-max-busy: waits (at most 60 s) until the machine's CPU use is below it; answers the last %. */
  static int waitQuiet() throws Exception {
    if (quietMaxBusy <= 0) {
      return -1;
    }
    long deadline = System.currentTimeMillis() + 60_000;
    int busy = cpuBusy(500);
    while (busy >= quietMaxBusy && System.currentTimeMillis() < deadline) {
      busy = cpuBusy(1000);
    }
    return busy;
  }

  /** Machine-wide CPU busy percentage over the next ms milliseconds (/proc/stat). */
  static int cpuBusy(long ms) throws Exception {
    long[] a = cpuTimes();
    Thread.sleep(ms);
    long[] b = cpuTimes();
    long total = b[0] - a[0];
    return total <= 0 ? 0 : (int) (100 * (total - (b[1] - a[1])) / total);
  }

  static long[] cpuTimes() throws IOException {
    String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i <= 8 && i < f.length; i++) {
      total += Long.parseLong(f[i]);
    }
    return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
  }

  static String loadavg() {
    try {
      return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "?";
    }
  }

  static String machine() {
    String cpu = "?";
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    } catch (IOException ignored) {
      // not Linux
    }
    return Runtime.getRuntime().availableProcessors() + " cpus (" + cpu + "), loadavg " + loadavg() + ", java "
        + System.getProperty("java.version");
  }

  // ------------------------------------------------------------------------------------------
  // data

  static final class ViewInfo {
    String id;
    String label;
    int nodes;
    int connections;
    List<String> nodeIds = new ArrayList<>();
    List<String> elementIds = new ArrayList<>();
    int[] xs;
    int[] ys;
  }

  /**
   * A model of n elements and about links * n relationships (element i to i + 1 and, for the
   * fraction beyond 1, to i + 2..40), each of the first type the server allows for the pair
   * other than Association when there is one (asked once per type pair). Answers the
   * relationships as {source, target} element numbers.
   */
  static List<int[]> createModel(String model, int n, double links, Random rnd) throws Exception {
    HttpResponse<String> created =
        send("POST", "/api/models", "{\"id\":" + q(model) + ",\"name\":\"Mô hình đo hiệu năng trình mô hình hoá\"}", null);
    if (created.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST /api/models -> " + created.statusCode() + " " + created.body());
    }
    List<int[]> rels = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      rels.add(new int[] {i, i + 1});
    }
    double extra = Math.max(0, links - 1);
    for (int i = 0; i < n; i++) {
      if (rnd.nextDouble() < extra) {
        int t = i + 2 + rnd.nextInt(39);
        if (t < n) {
          rels.add(new int[] {i, t});
        }
      }
    }
    Map<String, String> typeOf = new HashMap<>();
    StringBuilder b = new StringBuilder("{\"operations\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"op\":\"create\",\"kind\":\"element\",\"id\":").append(q(model + "-e" + i))
          .append(",\"data\":{\"type\":").append(q(TYPES[i % TYPES.length]))
          .append(",\"name\":").append(q("Phần tử " + i + " của hệ thống")).append("}}");
    }
    for (int j = 0; j < rels.size(); j++) {
      int[] r = rels.get(j);
      String st = TYPES[r[0] % TYPES.length];
      String tt = TYPES[r[1] % TYPES.length];
      String type = typeOf.get(st + ">" + tt);
      if (type == null) {
        type = "Association";
        HttpResponse<String> a =
            send("GET", "/api/metamodel/allowed-relationships?source=" + st + "&target=" + tt, null, null);
        if (a.statusCode() == 200) {
          Object list = Json.get(Json.parse(a.body()), "relationships");
          if (list instanceof List<?> l) {
            for (Object o : l) {
              if (!"Association".equals(o)) {
                type = (String) o;
                break;
              }
            }
          }
        }
        typeOf.put(st + ">" + tt, type);
      }
      b.append(",{\"op\":\"create\",\"kind\":\"relationship\",\"id\":").append(q(model + "-r" + j))
          .append(",\"data\":{\"type\":").append(q(type)).append(",\"sourceId\":").append(q(model + "-e" + r[0]))
          .append(",\"targetId\":").append(q(model + "-e" + r[1])).append("}}");
    }
    b.append("]}");
    HttpResponse<String> r = send("POST", "/api/models/" + enc(model) + "/batch", b.toString(), null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("batch -> " + r.statusCode() + " " + cut(r.body()));
    }
    return rels;
  }

  /** A view of the first n elements on a grid, with a connection per relationship among them. */
  static ViewInfo createView(String model, String name, int n, List<int[]> rels) throws Exception {
    HttpResponse<String> r = send("POST", "/api/models/" + enc(model) + "/views", "{\"name\":" + q(name) + "}", null);
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST views -> " + r.statusCode() + " " + cut(r.body()));
    }
    ViewInfo v = new ViewInfo();
    v.id = (String) Json.get(Json.parse(r.body()), "id");
    v.label = "view-" + n;
    v.nodes = n;
    v.xs = new int[n];
    v.ys = new int[n];
    // about 1.5 times as wide as high: cols * 160 = 1.5 * (n / cols) * 90
    int cols = Math.max(1, (int) Math.round(Math.sqrt(n * 1.5 * 90.0 / 160.0)));
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String nodeId = v.id + "-n" + i;
      v.nodeIds.add(nodeId);
      v.elementIds.add(model + "-e" + i);
      v.xs[i] = 40 + (i % cols) * 160;
      v.ys[i] = 40 + (i / cols) * 90;
      ops.add("{\"op\":\"addNode\",\"node\":{\"id\":" + q(nodeId) + ",\"elementId\":" + q(model + "-e" + i)
          + ",\"x\":" + v.xs[i] + ",\"y\":" + v.ys[i] + ",\"w\":120,\"h\":55}}");
    }
    for (int j = 0; j < rels.size(); j++) {
      int[] rel = rels.get(j);
      if (rel[0] < n && rel[1] < n) {
        ops.add("{\"op\":\"addConnection\",\"connection\":{\"id\":" + q(v.id + "-c" + j) + ",\"relationshipId\":"
            + q(model + "-r" + j) + ",\"sourceId\":" + q(v.id + "-n" + rel[0]) + ",\"targetId\":"
            + q(v.id + "-n" + rel[1]) + "}}");
        v.connections++;
      }
    }
    String path = "/api/models/" + enc(model) + "/views/" + enc(v.id) + "/edits";
    for (int from = 0; from < ops.size(); from += 10_000) {
      String body = "{\"operations\":[" + String.join(",", ops.subList(from, Math.min(ops.size(), from + 10_000))) + "]}";
      HttpResponse<String> e = send("POST", path, body, null);
      if (e.statusCode() != 200) {
        throw new IllegalStateException("POST edits -> " + e.statusCode() + " " + cut(e.body()));
      }
    }
    return v;
  }

  /** "path N KB sha256 0123456789abcdef..." of an asset as the server sends it. */
  static String asset(String path) throws Exception {
    HttpResponse<byte[]> r = http.send(authorized(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      return path + " HTTP " + r.statusCode();
    }
    byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(r.body());
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      h.append(String.format("%02x", d[i]));
    }
    return String.format(Locale.ROOT, "%s %d KB sha256 %s...", path, r.body().length / 1024, h);
  }

  static void httpSeries(ViewInfo v, String what, String path, int n, boolean expectNoscript) throws Exception {
    List<Double> ms = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < n + 3; i++) {
      long t = System.nanoTime();
      HttpResponse<byte[]> r = http.send(authorized(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
      double d = (System.nanoTime() - t) / 1e6;
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " -> " + r.statusCode());
      }
      if (expectNoscript && !new String(r.body(), StandardCharsets.UTF_8).contains("<noscript")) {
        throw new IllegalStateException("GET " + path + ": no <noscript> (server SVG) in the page");
      }
      bytes = r.body().length;
      if (i >= 3) {
        ms.add(d);
      }
    }
    Collections.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-10s %-26s n=%d  min %.1f  p50 %.1f  p95 %.1f  max %.1f ms  (%d KB)%n",
        v.label, what, ms.size(), ms.get(0), pct(ms, 50), pct(ms, 95), ms.get(ms.size() - 1), bytes / 1024);
  }

  // ------------------------------------------------------------------------------------------
  // propagation

  static void propagation(
      Browser browser, String model, ViewInfo v, String lang, int edits, long watchTimeoutMs, long pauseMs,
      int loadTimeoutS, boolean cache) throws Exception {
    System.out.println("## edit propagation on " + v.label + " (" + v.nodes + " nodes): two tabs A and B of the editor");
    String url = base + "/models/" + enc(model) + "/views/" + enc(v.id) + "/edit?lang=" + lang;
    Tab a = browser.newTab(cache);
    Tab b = browser.newTab(cache);
    for (Tab t : List.of(a, b)) {
      Map<String, Object> s = t.load(url, loadTimeoutS);
      if (!"ready".equals(s.get("state"))) {
        throw new IllegalStateException("editor did not become ready: " + s);
      }
      t.eval(WATCH_JS, false, 10);
    }
    System.out.println("# tabs: A " + a.eval("document.visibilityState", false, 10) + ", B "
        + b.eval("document.visibilityState", false, 10) + " (each in a window of its own)");
    // the two clocks: this JVM's System.currentTimeMillis() and the pages' Date.now()
    List<Double> offsets = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      long before = System.currentTimeMillis();
      double page = ((Number) a.eval("Date.now()", false, 10)).doubleValue();
      long after = System.currentTimeMillis();
      offsets.add(page - (before + after) / 2.0);
    }
    Collections.sort(offsets);
    System.out.printf(Locale.ROOT, "# clock check: page Date.now() - JVM currentTimeMillis() = %.1f ms (median of 9)%n",
        offsets.get(offsets.size() / 2));

    // versions of the nodes and elements, from the view's JSON
    Object view = Json.parse(send("GET", "/api/models/" + enc(model) + "/views/" + enc(v.id), null, null).body());
    Map<String, Long> nodeVersion = new HashMap<>();
    Map<String, int[]> nodePos = new HashMap<>();
    for (Object n : (List<?>) Json.get(view, "nodes")) {
      nodeVersion.put((String) Json.get(n, "id"), ((Number) Json.get(n, "version")).longValue());
      nodePos.put((String) Json.get(n, "id"),
          new int[] {((Number) Json.get(n, "x")).intValue(), ((Number) Json.get(n, "y")).intValue()});
    }
    Map<String, Long> elementVersion = new HashMap<>();
    for (Map.Entry<String, Object> e : Json.obj(Json.get(view, "elements")).entrySet()) {
      elementVersion.put(e.getKey(), ((Number) Json.get(e.getValue(), "version")).longValue());
    }

    String tag = Long.toString(System.currentTimeMillis() % 46656, 36);
    List<Double> moveA = new ArrayList<>(), moveB = new ArrayList<>(), renameA = new ArrayList<>(),
        renameB = new ArrayList<>(), moveFrame = new ArrayList<>(), renameFrame = new ArrayList<>(),
        moveHttp = new ArrayList<>(), renameHttp = new ArrayList<>();
    int missed = 0;
    AtomicInteger keys = new AtomicInteger();
    int pool = Math.min(10, v.nodes / 2);
    for (int i = 0; i < edits; i++) {
      int k = (i / 2) % pool;
      String nodeId = v.nodeIds.get(k);
      String key = "w" + keys.incrementAndGet();
      boolean move = i % 2 == 0;
      String body;
      String path;
      String method;
      String ifMatch = null;
      String watch;
      int[] pos = nodePos.get(nodeId);
      int nx = pos[0];
      String newName = null;
      if (move) {
        nx = pos[0] + (((i / 2) / pool) % 2 == 0 ? 40 : -40);
        watch = "{\"kind\":\"move\",\"x\":" + nx + ",\"y\":" + pos[1] + "}";
        method = "POST";
        path = "/api/models/" + enc(model) + "/views/" + enc(v.id) + "/edits";
        body = "{\"operations\":[{\"op\":\"updateNode\",\"node\":{\"id\":" + q(nodeId) + ",\"version\":"
            + nodeVersion.get(nodeId) + ",\"x\":" + nx + ",\"y\":" + pos[1] + "}}]}";
      } else {
        String el = v.elementIds.get(k);
        newName = "Tên mới " + (i + 1) + " " + tag;
        watch = "{\"kind\":\"text\",\"text\":" + q(newName.replace(" ", "")) + "}";
        method = "PATCH";
        path = "/api/models/" + enc(model) + "/elements/" + enc(el);
        ifMatch = "\"" + elementVersion.get(el) + "\"";
        body = "{\"name\":" + q(newName) + "}";
      }
      waitQuiet();
      String install = "window.__eamsWatch(" + q(key) + "," + q(nodeId) + "," + watch + "," + watchTimeoutMs + ")";
      a.eval(install, false, 10);
      b.eval(install, false, 10);
      long sent = System.currentTimeMillis();
      HttpResponse<String> r = send(method, path, body, ifMatch);
      long answered = System.currentTimeMillis();
      if (r.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + cut(r.body()));
      }
      Object res = Json.parse(r.body());
      if (move) {
        for (Object n : (List<?>) Json.get(res, "nodes")) {
          if (nodeId.equals(Json.get(n, "id"))) {
            nodeVersion.put(nodeId, ((Number) Json.get(n, "version")).longValue());
          }
        }
        pos[0] = nx;
      } else {
        elementVersion.put(v.elementIds.get(k), ((Number) Json.get(res, "version")).longValue());
      }
      CompletableFuture<Object> wa = a.evalAsync("window.__eamsWatches[" + q(key) + "]", true);
      CompletableFuture<Object> wb = b.evalAsync("window.__eamsWatches[" + q(key) + "]", true);
      Object sa = wa.get(watchTimeoutMs + 10_000, TimeUnit.MILLISECONDS);
      Object sb = wb.get(watchTimeoutMs + 10_000, TimeUnit.MILLISECONDS);
      double la = seen(sa, "seen") - sent, lb = seen(sb, "seen") - sent;
      double fa = seen(sa, "frame") - sent, fb = seen(sb, "frame") - sent;
      boolean miss = Boolean.TRUE.equals(Json.get(sa, "timedOut")) || Boolean.TRUE.equals(Json.get(sb, "timedOut"));
      System.out.printf(
          Locale.ROOT,
          "  api %-6s %2d  %s  http %4d ms  A seen %5.0f painted %5.0f  B seen %5.0f painted %5.0f ms%s%n",
          move ? "move" : "rename", i + 1, nodeId.substring(nodeId.lastIndexOf('-') + 1), answered - sent,
          la, fa, lb, fb, miss ? "  TIMED OUT" : "");
      if (miss) {
        missed++;
      } else {
        (move ? moveA : renameA).add(la);
        (move ? moveB : renameB).add(lb);
        (move ? moveFrame : renameFrame).add(fa);
        (move ? moveFrame : renameFrame).add(fb);
        (move ? moveHttp : renameHttp).add((double) (answered - sent));
      }
      Thread.sleep(pauseMs);
    }

    // editor to editor: tab A moves a node through diagram-js, tab B shows it
    List<Double> e2e = new ArrayList<>(), e2eFrame = new ArrayList<>(), e2eSaved = new ArrayList<>(),
        e2eSent = new ArrayList<>(), e2eAnswered = new ArrayList<>();
    int e2eMissed = 0;
    for (int i = 0; i < edits; i++) {
      String nodeId = v.nodeIds.get(pool + (i % pool));
      String key = "w" + keys.incrementAndGet();
      int dx = ((i / pool) % 2 == 0) ? 10 : -10;
      waitQuiet();
      Object cur = a.eval(
          "(() => { const s = window.eamsModeller.diagram.get('elementRegistry').get(" + q(nodeId)
              + "); return {x: s.x, y: s.y}; })()", false, 10);
      int x = ((Number) Json.get(cur, "x")).intValue() + dx;
      int y = ((Number) Json.get(cur, "y")).intValue();
      b.eval("window.__eamsWatch(" + q(key) + "," + q(nodeId) + ",{\"kind\":\"move\",\"x\":" + x + ",\"y\":" + y
          + "}," + watchTimeoutMs + ")", false, 10);
      Object start = a.eval(
          "(() => { const d = window.eamsModeller.diagram; const s = d.get('elementRegistry').get(" + q(nodeId)
              + "); window.__eamsSaveWatch(); const t = Date.now(); window.__eamsMoveAt = performance.now(); d.get('modeling').moveElements([s], {x: " + dx
              + ", y: 0}); return t; })()", false, 10);
      double t0 = ((Number) start).doubleValue();
      Object sb = b.evalAsync("window.__eamsWatches[" + q(key) + "]", true)
          .get(watchTimeoutMs + 10_000, TimeUnit.MILLISECONDS);
      Object saved = a.evalAsync("window.__eamsSaved", true).get(watchTimeoutMs + 10_000, TimeUnit.MILLISECONDS);
      boolean miss = Boolean.TRUE.equals(Json.get(sb, "timedOut"));
      double l = seen(sb, "seen") - t0, f = seen(sb, "frame") - t0;
      double sv = saved instanceof Number n ? n.doubleValue() - t0 : Double.NaN;
      // A's edit request (Resource Timing): when it was sent and answered, after the move
      Object req = a.eval(
          "(() => { const e = performance.getEntriesByType('resource').filter((r) => /\\/edits$/.test(r.name) "
              + "&& r.startTime >= window.__eamsMoveAt).pop(); "
              + "return e ? {sent: e.startTime - window.__eamsMoveAt, answered: e.responseEnd - window.__eamsMoveAt} : null; })()",
          false, 10);
      double rs = seen(req, "sent"), ra = seen(req, "answered");
      System.out.printf(Locale.ROOT,
          "  editor move %2d  %s  A: request sent %4.0f answered %5.0f saved %5.0f  B seen %5.0f painted %5.0f ms%s%n",
          i + 1, nodeId.substring(nodeId.lastIndexOf('-') + 1), rs, ra, sv, l, f, miss ? "  TIMED OUT" : "");
      if (miss) {
        e2eMissed++;
      } else {
        e2e.add(l);
        e2eFrame.add(f);
        if (!Double.isNaN(sv)) {
          e2eSaved.add(sv);
        }
        e2eSent.add(rs);
        e2eAnswered.add(ra);
      }
      Thread.sleep(pauseMs);
    }
    a.close();
    b.close();

    System.out.println("## edit propagation: summary (ms; target <= 500 ms from the edit to the other browser)");
    summaryLine("api move -> tab A", moveA, 500);
    summaryLine("api move -> tab B", moveB, 500);
    summaryLine("api move -> A and B painted", moveFrame, 500);
    summaryLine("api rename -> tab A", renameA, 500);
    summaryLine("api rename -> tab B", renameB, 500);
    summaryLine("api rename -> A and B painted", renameFrame, 500);
    summaryLine("editor A move -> tab B", e2e, 500);
    summaryLine("editor A move -> B painted", e2eFrame, 500);
    summaryLine("(api move: HTTP answer)", moveHttp, 0);
    summaryLine("(api rename: HTTP answer)", renameHttp, 0);
    summaryLine("(editor A: edit request sent)", e2eSent, 0);
    summaryLine("(editor A: edit request answered)", e2eAnswered, 0);
    summaryLine("(editor A: saved, data-saving off)", e2eSaved, 0);
    if (missed + e2eMissed > 0) {
      System.out.printf("# not seen within %d ms: %d api edits, %d editor moves%n", watchTimeoutMs, missed, e2eMissed);
    }
  }

  static void summaryLine(String what, List<Double> all, long target) {
    List<Double> ms = all.stream().filter(d -> !d.isNaN()).collect(Collectors.toCollection(ArrayList::new));
    if (ms.size() < all.size()) {
      what += " (" + (all.size() - ms.size()) + " without a frame)";
    }
    if (ms.isEmpty()) {
      System.out.printf("%-35s n=0%n", what);
      return;
    }
    Collections.sort(ms);
    System.out.printf(
        Locale.ROOT,
        "%-35s n=%d  min %.0f  p50 %.0f  p95 %.0f  max %.0f ms%s%n",
        what, ms.size(), ms.get(0), pct(ms, 50), pct(ms, 95), ms.get(ms.size() - 1),
        target <= 0 ? "" : String.format(Locale.ROOT, "   p50 %.2fx, p95 %.2fx of target -> %s",
            pct(ms, 50) / target, pct(ms, 95) / target, pct(ms, 95) <= target ? "met" : "NOT met"));
  }

  static double seen(Object watchResult, String key) {
    Object o = Json.get(watchResult, key);
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  // ------------------------------------------------------------------------------------------
  // page scripts

  /** Installed before the page's own scripts: notes when the modeller reports its first render. */
  static final String HOOK_JS = """
      (() => {
        if (window.__eamsBench) return;
        const b = window.__eamsBench = {};
        let resolve;
        b.done = new Promise((r) => { resolve = r; });
        const finish = (state) => {
          const ready = performance.now();
          const report = (raf) => {
            const painted = performance.now();
            const nav = performance.getEntriesByType('navigation')[0];
            const viewJson = performance.getEntriesByType('resource')
              .filter((e) => /\\/api\\/models\\/[^/]+\\/views\\/[^/?]+$/.test(new URL(e.name).pathname))
              .map((e) => e.responseEnd - e.startTime)[0];
            const scripts = performance.getEntriesByType('resource').filter((e) => /\\.js(\\?|$)/.test(e.name));
            resolve({ state, ready, raf, painted,
              scriptKb: scripts.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0) / 1024,
              scriptFiles: scripts.length,
              responseEnd: nav ? nav.responseEnd : -1,
              dcl: nav ? nav.domContentLoadedEventEnd : -1,
              viewJson: viewJson === undefined ? -1 : viewJson,
              shapes: document.querySelectorAll('.djs-shape').length,
              connections: document.querySelectorAll('.djs-connection').length });
          };
          let fired = false;
          requestAnimationFrame(() => {
            fired = true;
            const raf = performance.now();
            setTimeout(() => report(raf), 0);
          });
          // a tab the browser does not draw gets no animation frames: report without one
          setTimeout(() => { if (!fired) report(-1); }, 2000);
        };
        new MutationObserver(() => {
          const s = document.body && document.body.dataset.modellerState;
          // the first render ("ready") or a failure to load ("failed"); other states are passed
          if ((s === 'ready' || s === 'failed') && !b.state) { b.state = s; finish(s); }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-modeller-state'] });
      })();
      """;

  /**
   * Watches a shape until it is at a position or shows a text; Date.now() then ("seen") and after
   * the next animation frame has been rendered ("painted": a task after the frame's callbacks).
   */
  static final String WATCH_JS = """
      (() => {
        window.__eamsWatches = window.__eamsWatches || {};
        window.__eamsWatch = (key, id, want, timeoutMs) => {
          const root = document.getElementById('eams-diagram') || document.body;
          const gfxOf = () => root.querySelector('.djs-element[data-element-id="' + CSS.escape(id) + '"]');
          const ok = () => {
            const g = gfxOf();
            if (!g) return false;
            if (want.kind === 'move') {
              const t = g.transform && g.transform.baseVal.consolidate();
              return !!t && Math.abs(t.matrix.e - want.x) < 0.5 && Math.abs(t.matrix.f - want.y) < 0.5;
            }
            return (g.textContent || '').replace(/\\s+/g, '').includes(want.text);
          };
          window.__eamsWatches[key] = new Promise((resolve) => {
            let done = false;
            const finish = (timedOut) => {
              if (done) return;
              done = true;
              const seen = Date.now();
              observer.disconnect();
              clearTimeout(timer);
              // after the next frame's style, layout and paint on the page's main thread
              requestAnimationFrame(() => setTimeout(() => resolve({ seen, frame: Date.now(), timedOut }), 0));
              setTimeout(() => resolve({ seen, frame: null, timedOut }), 5000);
            };
            const observer = new MutationObserver(() => { if (ok()) finish(false); });
            observer.observe(root, { subtree: true, attributes: true, childList: true, characterData: true });
            const timer = setTimeout(() => finish(true), timeoutMs);
            if (ok()) finish(false);
          });
          return true;
        };
        // resolves with Date.now() when the next edit request of this tab has been answered
        window.__eamsSaveWatch = () => {
          window.__eamsSaved = new Promise((resolve) => {
            const seenBusy = { v: false };
            const check = () => {
              const s = document.body.dataset.saving;
              if (s === 'true') seenBusy.v = true;
              if (seenBusy.v && s === 'false') { observer.disconnect(); resolve(Date.now()); }
            };
            const observer = new MutationObserver(check);
            observer.observe(document.body, { attributes: true, attributeFilter: ['data-saving'] });
            setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
          });
        };
        return true;
      })()
      """;

  // ------------------------------------------------------------------------------------------
  // Chromium over the DevTools protocol

  /** A headless Chromium process and one WebSocket to its browser target (sessions flattened). */
  static final class Browser implements AutoCloseable {
    final Process process;
    final Cdp cdp;
    final String version;

    Browser(Process process, Cdp cdp, String version) {
      this.process = process;
      this.cdp = cdp;
      this.version = version;
    }

    static Browser launch(String chromium, Path profile, boolean bfcache) throws Exception {
      List<String> cmd = new ArrayList<>(List.of(
          chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1400,1000",
          "about:blank"));
      if (!bfcache) {
        cmd.add(cmd.size() - 1, "--disable-features=BackForwardCache");
      }
      Process p = new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(profile.resolve("chromium.log").toFile())
          .start();
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.currentTimeMillis() + 30_000;
      List<String> lines = List.of();
      while (System.currentTimeMillis() < deadline) {
        if (Files.exists(portFile)) {
          lines = Files.readAllLines(portFile);
          if (lines.size() >= 2) {
            break;
          }
        }
        if (!p.isAlive()) {
          throw new IllegalStateException("chromium exited: " + Files.readString(profile.resolve("chromium.log")));
        }
        Thread.sleep(50);
      }
      if (lines.size() < 2) {
        p.destroy();
        throw new IllegalStateException("no DevToolsActivePort from chromium within 30 s");
      }
      Cdp cdp = Cdp.connect("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
      Object v = cdp.call(null, "Browser.getVersion", "{}", 30);
      return new Browser(p, cdp, Json.get(v, "product") + ", " + Json.get(v, "userAgent"));
    }

    Tab newTab(boolean cache) throws Exception {
      String targetId = (String) Json.get(cdp.call(null, "Target.createTarget", "{\"url\":\"about:blank\",\"newWindow\":true}", 30), "targetId");
      String session = (String) Json.get(
          cdp.call(null, "Target.attachToTarget", "{\"targetId\":" + q(targetId) + ",\"flatten\":true}", 30), "sessionId");
      Tab t = new Tab(this, targetId, session);
      cdp.call(session, "Page.enable", "{}", 30);
      cdp.call(session, "Runtime.enable", "{}", 30);
      cdp.call(session, "Network.enable", "{}", 30);
      if (auth != null && !auth.isBlank()) {
        cdp.call(session, "Network.setExtraHTTPHeaders", "{\"headers\":{\"Authorization\":" + q(auth) + "}}", 30);
      }
      cdp.call(session, "Network.setCacheDisabled", "{\"cacheDisabled\":" + !cache + "}", 30);
      cdp.call(session, "Page.addScriptToEvaluateOnNewDocument", "{\"source\":" + q(HOOK_JS) + "}", 30);
      return t;
    }

    @Override
    public void close() {
      try {
        cdp.call(null, "Browser.close", "{}", 10);
      } catch (Exception ignored) {
        // closing anyway
      }
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroy);
          process.destroy();
          process.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      cdp.close();
    }
  }

  /** One page target, reached through its flattened session. */
  static final class Tab {
    final Browser browser;
    final String targetId;
    final String session;

    Tab(Browser browser, String targetId, String session) {
      this.browser = browser;
      this.targetId = targetId;
      this.session = session;
    }

    /** Loads url after about:blank; answers the hook's report of the first render. */
    @SuppressWarnings("unchecked")
    Map<String, Object> load(String url, int timeoutS) throws Exception {
      browser.cdp.call(session, "Page.navigate", "{\"url\":\"about:blank\"}", 30);
      waitFor("location.href === 'about:blank'", 10);
      browser.cdp.call(session, "Page.navigate", "{\"url\":" + q(url) + "}", timeoutS);
      long deadline = System.currentTimeMillis() + timeoutS * 1000L;
      String expr = "(async () => { if (location.href !== " + q(url) + " || !window.__eamsBench) return null; "
          + "const r = await window.__eamsBench.done; "
          + "if (r.state === 'ready') { if (!window.eamsModeller) return Object.assign(r, {state: 'ready without window.eamsModeller'}); "
          + "await window.eamsModeller.ready; } return r; })()";
      while (System.currentTimeMillis() < deadline) {
        try {
          Object r = eval(expr, true, (int) Math.max(1, (deadline - System.currentTimeMillis()) / 1000));
          if (r instanceof Map) {
            return (Map<String, Object>) r;
          }
        } catch (EvalException | java.util.concurrent.ExecutionException e) {
          // the old document's context went away during the navigation: ask the new one
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("no first render of " + url + " within " + timeoutS + " s");
    }

    /**
     * Loads url in a tab whose scripts are off (the server's SVG in <noscript> is drawn); answers
     * the navigation's responseEnd and loadEventEnd and the number of elements in the SVG.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> loadStatic(String url, int timeoutS) throws Exception {
      browser.cdp.call(session, "Page.navigate", "{\"url\":\"about:blank\"}", 30);
      waitFor("location.href === 'about:blank'", 10);
      browser.cdp.call(session, "Page.navigate", "{\"url\":" + q(url) + "}", timeoutS);
      long deadline = System.currentTimeMillis() + timeoutS * 1000L;
      String expr = "(() => { const n = performance.getEntriesByType('navigation')[0]; "
          + "if (location.href !== " + q(url) + " || !n || !(n.loadEventEnd > 0)) return null; "
          + "return { responseEnd: n.responseEnd, load: n.loadEventEnd, "
          + "elements: document.querySelectorAll('svg.diagram a.element').length, "
          + "scripted: !!window.eamsModeller }; })()";
      while (System.currentTimeMillis() < deadline) {
        try {
          Object r = eval(expr, false, 10);
          if (r instanceof Map) {
            return (Map<String, Object>) r;
          }
        } catch (EvalException | java.util.concurrent.ExecutionException e) {
          // navigating
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException("no load event of " + url + " within " + timeoutS + " s");
    }

    void waitFor(String condition, int timeoutS) throws Exception {
      long deadline = System.currentTimeMillis() + timeoutS * 1000L;
      while (System.currentTimeMillis() < deadline) {
        try {
          if (Boolean.TRUE.equals(eval(condition, false, 5))) {
            return;
          }
        } catch (EvalException ignored) {
          // navigating
        }
        Thread.sleep(10);
      }
      throw new IllegalStateException("timed out waiting for " + condition);
    }

    Object eval(String expr, boolean await, int timeoutS) throws Exception {
      try {
        return evalAsync(expr, await).get(timeoutS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof EvalException ee) {
          throw ee;
        }
        throw e;
      }
    }

    CompletableFuture<Object> evalAsync(String expr, boolean await) {
      String params = "{\"expression\":" + q(expr) + ",\"returnByValue\":true,\"awaitPromise\":" + await + "}";
      return browser.cdp.callAsync(session, "Runtime.evaluate", params).thenApply(res -> {
        Object ex = Json.get(res, "exceptionDetails");
        if (ex != null) {
          Object exc = Json.get(ex, "exception");
          throw new EvalException(String.valueOf(exc != null ? Json.get(exc, "description") : Json.get(ex, "text")));
        }
        return Json.get(Json.get(res, "result"), "value");
      });
    }

    void close() throws Exception {
      browser.cdp.call(null, "Target.closeTarget", "{\"targetId\":" + q(targetId) + "}", 30);
    }
  }

  static final class EvalException extends RuntimeException {
    EvalException(String m) {
      super(m);
    }
  }

  /** A minimal DevTools protocol client: commands by id, answers matched, events ignored. */
  static final class Cdp implements WebSocket.Listener {
    final Map<Long, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    final StringBuilder partial = new StringBuilder();
    /** Hears every event (messages without an id), on the WebSocket's thread. */
    volatile java.util.function.Consumer<Object> onEvent;
    long nextId = 1;
    WebSocket ws;

    static Cdp connect(String url) throws Exception {
      Cdp c = new Cdp();
      c.ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), c).get(30, TimeUnit.SECONDS);
      return c;
    }

    synchronized CompletableFuture<Object> callAsync(String session, String method, String paramsJson) {
      long id = nextId++;
      CompletableFuture<Object> f = new CompletableFuture<>();
      pending.put(id, f);
      String msg = "{\"id\":" + id + (session == null ? "" : ",\"sessionId\":" + q(session)) + ",\"method\":" + q(method)
          + ",\"params\":" + paramsJson + "}";
      ws.sendText(msg, true).join();
      return f;
    }

    Object call(String session, String method, String paramsJson, int timeoutS) throws Exception {
      try {
        return callAsync(session, method, paramsJson).get(timeoutS, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(method + ": " + e.getCause().getMessage(), e.getCause());
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        Object msg = Json.parse(text);
        Object id = Json.get(msg, "id");
        if (id instanceof Number n) {
          CompletableFuture<Object> f = pending.remove(n.longValue());
          if (f != null) {
            Object err = Json.get(msg, "error");
            if (err != null) {
              f.completeExceptionally(new IllegalStateException(String.valueOf(Json.get(err, "message"))));
            } else {
              f.complete(Json.get(msg, "result"));
            }
          }
        } else if (onEvent != null) {
          onEvent.accept(msg);
        }
        if ("Runtime.exceptionThrown".equals(Json.get(msg, "method"))) {
          Object d = Json.get(Json.get(msg, "params"), "exceptionDetails");
          Object e = Json.get(d, "exception");
          System.err.println("# page error: " + (e != null ? Json.get(e, "description") : Json.get(d, "text")));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    void close() {
      try {
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        ws.abort();
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // small utilities

  static double num(Map<String, Object> m, String key) {
    Object o = m.get(key);
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  static List<Double> col(List<Map<String, Object>> rows, String key) {
    List<Double> l = rows.stream().map(r -> num(r, key)).sorted().collect(Collectors.toCollection(ArrayList::new));
    return l;
  }

  /** Nearest-rank percentile of a sorted list. */
  static double pct(List<Double> sorted, int p) {
    List<Double> s = new ArrayList<>(sorted);
    s.sort(Comparator.naturalOrder());
    int i = (int) Math.ceil(p / 100.0 * s.size()) - 1;
    return s.get(Math.max(0, Math.min(s.size() - 1, i)));
  }

  static HttpResponse<String> send(String method, String path, String json, String ifMatch) throws Exception {
    HttpRequest.Builder b = authorized(URI.create(base + path)).timeout(Duration.ofMinutes(10));
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request that carries EAMS_BENCH_AUTH as its Authorization header. */
  static HttpRequest.Builder authorized(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    return auth == null || auth.isBlank() ? b : b.header("Authorization", auth);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String cut(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "..." : s;
  }

  /** A JSON string literal. */
  static String q(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp dir left behind
    }
  }

  /** A small JSON reader: objects as LinkedHashMap, arrays as ArrayList, numbers as Long or Double. */
  static final class Json {
    final String s;
    int i;

    Json(String s) {
      this.s = s;
    }

    static Object parse(String s) {
      Json j = new Json(s);
      j.ws();
      Object v = j.value();
      j.ws();
      if (j.i != s.length()) {
        throw new IllegalArgumentException("trailing characters at " + j.i);
      }
      return v;
    }

    static Object get(Object o, String key) {
      return o instanceof Map<?, ?> m ? m.get(key) : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
      return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    Object value() {
      char c = s.charAt(i);
      switch (c) {
        case '{' -> {
          i++;
          Map<String, Object> m = new LinkedHashMap<>();
          ws();
          if (s.charAt(i) == '}') {
            i++;
            return m;
          }
          while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            ws();
            m.put(k, value());
            ws();
            if (s.charAt(i) == ',') {
              i++;
            } else {
              expect('}');
              return m;
            }
          }
        }
        case '[' -> {
          i++;
          List<Object> l = new ArrayList<>();
          ws();
          if (s.charAt(i) == ']') {
            i++;
            return l;
          }
          while (true) {
            ws();
            l.add(value());
            ws();
            if (s.charAt(i) == ',') {
              i++;
            } else {
              expect(']');
              return l;
            }
          }
        }
        case '"' -> {
          return string();
        }
        case 't' -> {
          i += 4;
          return Boolean.TRUE;
        }
        case 'f' -> {
          i += 5;
          return Boolean.FALSE;
        }
        case 'n' -> {
          i += 4;
          return null;
        }
        default -> {
          int st = i;
          boolean real = false;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            real |= ".eE".indexOf(s.charAt(i)) >= 0;
            i++;
          }
          String n = s.substring(st, i);
          if (n.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + st);
          }
          return real ? (Object) Double.parseDouble(n) : (Object) Long.parseLong(n);
        }
      }
    }

    void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + i);
      }
      i++;
    }

    String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }
  }
}
