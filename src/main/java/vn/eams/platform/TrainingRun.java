package vn.eams.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.Caller;

/**
 * The class-data training run of the build.
 *
 * <p>With {@code eams.training-run=true} the application, once started, sends itself the requests a
 * user's first minutes send (model list, metamodel, a batch, reads, an update, the change log, a
 * delete) and then exits. The build runs it under {@code -XX:ArchiveClassesAtExit} so that the JVM
 * writes an archive of every class loaded and linked on that path; later starts map the archive
 * instead of loading, verifying and linking those classes again (docs/performance.md). The run uses
 * its own scratch stores and removes what it created.
 */
@ApplicationScoped
public class TrainingRun {

  private static final Logger LOG = Logger.getLogger(TrainingRun.class);
  private static final String MODEL = "cds-training";
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

  private final EamsConfig config;
  private final int port;

  /** The training requests' Authorization header: a short-lived token of the administrator. */
  private volatile String authorization;

  private final Accounts accounts;

  TrainingRun(
      EamsConfig config, @ConfigProperty(name = "quarkus.http.port") int port, Accounts accounts) {
    this.config = config;
    this.port = port;
    this.accounts = accounts;
  }

  void start(@Observes @Priority(10_000) StartupEvent event) {
    if (!config.trainingRun()) {
      return;
    }
    Thread t = new Thread(this::run, "eams-training-run");
    t.setDaemon(true);
    t.start();
  }

  private void run() {
    int status = 0;
    try {
      exercise();
      linkLoadedClasses(config.trainingClassLog().orElse(""));
      LOG.info("Training run finished; exiting so that the JVM writes its class-data archive");
    } catch (Exception e) {
      LOG.error("Training run failed", e);
      status = 1;
    }
    Quarkus.asyncExit(status);
  }

  private void exercise() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String base = "http://127.0.0.1:" + port;
    waitUntilServing(http, base);
    Caller admin =
        accounts
            .caller("admin")
            .orElseThrow(() -> new IOException("The training run found no administrator"));
    Map<String, Object> token = accounts.createToken(admin, "class-data training run", 1, null);
    authorization = "Bearer " + token.get("token");
    List<String> failures = new ArrayList<>();
    send(http, failures, "GET", base + "/login", null, null);
    send(http, failures, "GET", base + "/api/models", null, null);
    send(http, failures, "GET", base + "/api/metamodel", null, null);
    send(
        http,
        failures,
        "POST",
        base + "/api/models",
        "{\"id\":\"" + MODEL + "\",\"name\":\"Training\"}",
        null);
    String m = base + "/api/models/" + MODEL;
    send(
        http,
        failures,
        "POST",
        m + "/batch",
        "{\"operations\":["
            + "{\"op\":\"create\",\"kind\":\"folder\",\"id\":\"t-f\",\"data\":{\"name\":\"F\"}},"
            + "{\"op\":\"create\",\"kind\":\"element\",\"id\":\"t-a\",\"data\":{"
            + "\"type\":\"ApplicationComponent\",\"name\":\"Ứng dụng A\",\"folderId\":\"t-f\"}},"
            + "{\"op\":\"create\",\"kind\":\"element\",\"id\":\"t-s\",\"data\":{"
            + "\"type\":\"ApplicationService\",\"name\":\"Dịch vụ S\"}},"
            + "{\"op\":\"create\",\"kind\":\"relationship\",\"id\":\"t-r\",\"data\":{"
            + "\"type\":\"Realization\",\"sourceId\":\"t-a\",\"targetId\":\"t-s\"}}]}",
        null);
    send(http, failures, "GET", m + "/elements?type=ApplicationComponent", null, null);
    send(http, failures, "GET", m + "/elements/t-a", null, null);
    send(http, failures, "GET", m + "/relationships", null, null);
    send(
        http,
        failures,
        "PUT",
        m + "/elements/t-a",
        "{\"type\":\"ApplicationComponent\",\"name\":\"Ứng dụng B\"}",
        "1");
    send(http, failures, "GET", m + "/changes?since=0", null, null);
    send(http, failures, "DELETE", m + "/elements/t-s", null, "1");
    String model = send(http, failures, "GET", m, null, null);
    Matcher v = VERSION.matcher(model);
    send(http, failures, "DELETE", m, null, v.find() ? v.group(1) : "1");
    accounts.revokeToken(admin, ((Number) token.get("id")).longValue(), null);
    if (!failures.isEmpty()) {
      throw new IOException("Training requests failed: " + failures);
    }
  }

  /**
   * Links every application class the run loaded but never linked. The JDK 17 archive keeps only
   * linked classes, and a start loads thousands of classes it never links (Hibernate ORM's and the
   * Cypher parser's, for example), each parsed from its jar again at every start. The class-loading
   * log the build asks the JVM for ({@code -Xlog:class+load}, path in {@code
   * eams.training-class-log}) names them; reflection links a class without initialising it.
   */
  private static void linkLoadedClasses(String log) throws IOException {
    if (log.isEmpty()) {
      return;
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    int linked = 0;
    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of(log))) {
      int start = line.indexOf("] ");
      int end = line.indexOf(" source: file:");
      if (start < 0 || end < start) {
        continue;
      }
      String name = line.substring(start + 2, end).strip();
      try {
        Class.forName(name, false, loader).getDeclaredMethods();
        linked++;
      } catch (Throwable e) { // NOPMD: a class that cannot be linked is simply not archived
        LOG.debugf("Not linked for the archive: %s (%s)", name, e);
      }
    }
    LOG.infof("Linked %d loaded classes for the class-data archive", linked);
  }

  private static void waitUntilServing(HttpClient http, String base) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build();
        if (http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("The application did not answer on " + base);
  }

  private String send(
      HttpClient http,
      List<String> failures,
      String method,
      String url,
      String body,
      String ifMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      b.header("If-Match", "\"" + ifMatch + "\"");
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      failures.add(method + " " + url + " -> " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
