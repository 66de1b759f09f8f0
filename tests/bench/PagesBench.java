import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side render time of the read-only pages, as seen by an HTTP client on the same machine.
 *
 * <pre>
 *   java PagesBench.java --base http://127.0.0.1:18080 [--requests 300] [--elements 10000] [--seed N]
 * </pre>
 *
 * For the shipped Trà Vinh model and for a generated model of --elements elements (and twice as
 * many relationships) created through the batch endpoint, it requests catalogue pages (filters,
 * sorts and page numbers drawn at random) and element pages (random elements), one request at a
 * time after a warm-up of the same size, and prints min / p50 / p95 / p99 / max in ms per page kind
 * and model. Every response must be 200 with HTML, or the run fails.
 */
public class PagesBench {

  static HttpClient http = HttpClient.newHttpClient();
  static String base = "http://127.0.0.1:18080";

  public static void main(String[] args) throws Exception {
    int requests = 300;
    int elements = 10_000;
    long seed = 20261128L;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base" -> base = args[++i];
        case "--requests" -> requests = Integer.parseInt(args[++i]);
        case "--elements" -> elements = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Random rnd = new Random(seed);
    String big = "bench-pages-" + Long.toString(System.currentTimeMillis(), 36);
    long t0 = System.nanoTime();
    createModel(big, elements, rnd);
    System.out.printf(
        Locale.ROOT,
        "# generated model %s: %d elements, %d relationships through the batch endpoint in %.1f s%n",
        big,
        elements,
        2 * elements,
        (System.nanoTime() - t0) / 1e9);
    for (String model : List.of("tra-vinh-v1.0", big)) {
      List<String> ids = elementIds(model);
      System.out.printf(Locale.ROOT, "# model %s: %d element pages to draw from%n", model, ids.size());
      for (String kind : List.of("catalogue", "element")) {
        run(model, kind, ids, requests, rnd); // warm-up, not counted
        List<Double> ms = run(model, kind, ids, requests, rnd);
        Collections.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "%-14s %-10s n=%d  min %.1f  p50 %.1f  p95 %.1f  p99 %.1f  max %.1f ms%n",
            model.startsWith("bench") ? "generated-" + elements : model,
            kind,
            ms.size(),
            ms.get(0),
            pct(ms, 50),
            pct(ms, 95),
            pct(ms, 99),
            ms.get(ms.size() - 1));
      }
    }
  }

  static List<Double> run(String model, String kind, List<String> ids, int n, Random rnd)
      throws Exception {
    List<Double> ms = new ArrayList<>(n);
    String[] layers = {"", "Business", "Application", "Technology", "Motivation"};
    String[] sorts = {"name", "type", "specialization"};
    for (int i = 0; i < n; i++) {
      String path;
      if (kind.equals("catalogue")) {
        path =
            "/models/" + model + "/catalogue?layer=" + layers[rnd.nextInt(layers.length)]
                + "&sort=" + sorts[rnd.nextInt(sorts.length)]
                + (rnd.nextBoolean() ? "&dir=desc" : "")
                + "&page=" + (1 + rnd.nextInt(3));
      } else {
        path = "/models/" + model + "/elements/" + enc(ids.get(rnd.nextInt(ids.size())));
      }
      long t = System.nanoTime();
      HttpResponse<String> r = get(path);
      ms.add((System.nanoTime() - t) / 1e6);
      if (r.statusCode() != 200 || !r.body().contains("</html>")) {
        throw new IllegalStateException(path + " -> " + r.statusCode());
      }
    }
    return ms;
  }

  static double pct(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static List<String> elementIds(String model) throws Exception {
    List<String> ids = new ArrayList<>();
    String cursor = "";
    Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"modelId\"");
    Pattern next = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]*)\"");
    do {
      HttpResponse<String> r =
          get("/api/models/" + model + "/elements?limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + enc(cursor)));
      if (r.statusCode() != 200) {
        throw new IllegalStateException("listing " + model + " -> " + r.statusCode() + " " + r.body());
      }
      Matcher m = id.matcher(r.body());
      while (m.find()) {
        ids.add(m.group(1));
      }
      Matcher c = next.matcher(r.body());
      cursor = c.find() ? c.group(1) : "";
    } while (!cursor.isEmpty());
    return ids;
  }

  /** A model of n elements of 8 types, 2n allowed relationships, one batch of 3n operations. */
  static void createModel(String model, int n, Random rnd) throws Exception {
    post("/api/models", "{\"id\":\"" + model + "\",\"name\":\"Mô hình đo hiệu năng " + n + "\"}");
    String[] types = {
      "ApplicationComponent", "ApplicationService", "DataObject", "BusinessActor",
      "BusinessProcess", "BusinessFunction", "Node", "SystemSoftware"
    };
    StringBuilder b = new StringBuilder("{\"operations\":[");
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"op\":\"create\",\"kind\":\"element\",\"id\":\"").append(model).append("-e").append(i)
          .append("\",\"data\":{\"type\":\"").append(types[i % types.length])
          .append("\",\"name\":\"Phần tử số ").append(i).append(" của hệ thống thông tin\"")
          .append(",\"documentation\":\"Mô tả phần tử ").append(i).append("\"")
          .append(",\"properties\":[{\"key\":\"Đơn vị\",\"value\":\"Sở ").append(i % 40).append("\"}]}}");
    }
    // Association is allowed between any two elements; Serving/Realization where they fit
    for (int i = 0; i < 2 * n; i++) {
      int s = rnd.nextInt(n);
      int t = rnd.nextInt(n);
      if (s == t) {
        t = (t + 1) % n;
      }
      String type = "Association";
      if (types[s % types.length].equals("ApplicationComponent")
          && types[t % types.length].equals("ApplicationService")) {
        type = "Realization";
      } else if (types[s % types.length].equals("ApplicationService")
          && types[t % types.length].equals("BusinessProcess")) {
        type = "Serving";
      }
      b.append(",{\"op\":\"create\",\"kind\":\"relationship\",\"id\":\"").append(model).append("-r").append(i)
          .append("\",\"data\":{\"type\":\"").append(type).append("\",\"sourceId\":\"").append(model)
          .append("-e").append(s).append("\",\"targetId\":\"").append(model).append("-e").append(t)
          .append("\"}}");
    }
    b.append("]}");
    HttpResponse<String> r = post("/api/models/" + model + "/batch", b.toString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("batch -> " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        authorized(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(
        authorized(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
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
