package vn.eams.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import vn.eams.EamsMain;
import vn.eams.model.Change;
import vn.eams.model.ModelQueries;
import vn.eams.platform.EamsConfig;

/**
 * Tells registered webhooks of model changes. Every {@code eams.webhooks.poll-interval} it reads
 * the change log after the last change each enabled webhook was given, writes one delivery per
 * webhook and model (at most {@link #BATCH} changes each) into the delivery log, and sends the due
 * deliveries: signed with HMAC-SHA256, oldest first per webhook, retried with doubling waits until
 * {@code eams.webhooks.max-attempts}. Several application nodes may run it: the database decides
 * which one writes a webhook's deliveries and which one sends each.
 */
@ApplicationScoped
public class WebhookDispatcher {

  /** The event of model changes. */
  public static final String MODEL_CHANGED = "model.changed";

  /** The most changes one delivery holds. */
  static final int BATCH = 500;

  /** The most changes read from the log in one round. */
  static final int READ = 2000;

  /** The signature header: {@code sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
  public static final String SIGNATURE = "X-EAMS-Signature";

  /** The header with the signing time in seconds since the epoch. */
  public static final String TIMESTAMP = "X-EAMS-Timestamp";

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  private final ModelQueries queries;
  private final ObjectMapper json;
  private final EamsConfig.Webhooks config;
  private final String[] args;
  private final HttpClient http;
  private volatile Thread worker;
  private volatile boolean running;

  WebhookDispatcher(
      ModelQueries queries,
      ObjectMapper json,
      EamsConfig config,
      @CommandLineArguments String[] args) {
    this.queries = queries;
    this.json = json;
    this.config = config.webhooks();
    this.args = args;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.webhooks().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  void onStart(@Observes StartupEvent event) {
    if (EamsMain.isCommand(args)) {
      return;
    }
    running = true;
    Thread t = new Thread(this::loop, "eams-webhooks");
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  void onStop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
    running = false;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
      t.join(5000);
    }
  }

  private void loop() {
    while (running) {
      try {
        enqueue();
        send();
      } catch (RuntimeException e) {
        if (running) {
          LOG.warn("Webhooks: a round failed; the next one tries again", e);
        }
      }
      try {
        Thread.sleep(config.pollInterval().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private record Hook(long id, long lastSeq, String modelId) {}

  /** Writes the deliveries of the changes after each enabled webhook's last one. */
  void enqueue() {
    List<Hook> hooks =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    Webhook.<Webhook>list("enabled = true").stream()
                        .filter(w -> List.of(w.events.split(",")).contains(MODEL_CHANGED))
                        .map(w -> new Hook(w.id, w.lastSeq, w.modelId))
                        .toList());
    if (hooks.isEmpty()) {
      return;
    }
    long from = hooks.stream().mapToLong(Hook::lastSeq).min().orElseThrow();
    List<Change> changes = queries.changesAfter(from, READ);
    if (changes.isEmpty()) {
      return;
    }
    long upTo = changes.get(changes.size() - 1).seq();
    for (Hook h : hooks) {
      if (h.lastSeq() >= upTo) {
        continue;
      }
      Map<String, List<Change>> byModel = new LinkedHashMap<>();
      for (Change c : changes) {
        if (c.seq() > h.lastSeq() && (h.modelId() == null || h.modelId().equals(c.modelId()))) {
          byModel.computeIfAbsent(c.modelId(), k -> new ArrayList<>()).add(c);
        }
      }
      List<WebhookDelivery> deliveries = new ArrayList<>();
      byModel.forEach(
          (model, list) -> {
            for (int i = 0; i < list.size(); i += BATCH) {
              deliveries.add(
                  delivery(h.id(), model, list.subList(i, Math.min(list.size(), i + BATCH))));
            }
          });
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                // another node may have taken these changes of this webhook already
                int taken =
                    Webhook.update(
                        "lastSeq = ?1 where id = ?2 and lastSeq = ?3", upTo, h.id(), h.lastSeq());
                if (taken == 1) {
                  deliveries.forEach(d -> d.persist());
                }
              });
    }
  }

  private WebhookDelivery delivery(long webhookId, String modelId, List<Change> changes) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("event", MODEL_CHANGED);
    payload.put("modelId", modelId);
    payload.put("firstSeq", changes.get(0).seq());
    payload.put("lastSeq", changes.get(changes.size() - 1).seq());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Change c : changes) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", c.seq());
      m.put("at", c.at().toString());
      m.put("actor", c.actor());
      m.put("op", c.op());
      m.put("kind", c.kind());
      m.put("targetId", c.targetId());
      items.add(m);
    }
    payload.put("changes", items);
    WebhookDelivery d = new WebhookDelivery();
    d.webhookId = webhookId;
    d.event = MODEL_CHANGED;
    d.modelId = modelId;
    d.firstSeq = changes.get(0).seq();
    d.lastSeq = changes.get(changes.size() - 1).seq();
    try {
      d.payload = json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a webhook payload could not be written", e);
    }
    d.state = WebhookDelivery.PENDING;
    d.attempts = 0;
    d.nextAttemptAt = LocalDateTime.now();
    d.createdAt = d.nextAttemptAt;
    return d;
  }

  private record Due(
      long id, String url, String secret, String event, String payload, int attempts) {}

  /** Sends the due deliveries: per webhook only its oldest pending one, so that order holds. */
  void send() {
    LocalDateTime now = LocalDateTime.now();
    List<Due> due =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Set<Long> seen = new LinkedHashSet<>();
                  List<Due> list = new ArrayList<>();
                  for (WebhookDelivery d :
                      WebhookDelivery.<WebhookDelivery>find(
                              "state = ?1 order by id", WebhookDelivery.PENDING)
                          .page(0, 200)
                          .list()) {
                    if (!seen.add(d.webhookId) || d.nextAttemptAt.isAfter(now)) {
                      continue;
                    }
                    Webhook w = Webhook.findById(d.webhookId);
                    if (w != null && w.enabled) {
                      list.add(new Due(d.id, w.url, w.secret, d.event, d.payload, d.attempts));
                    }
                  }
                  return list;
                });
    for (Due d : due) {
      if (!running) {
        return;
      }
      // claim it: an attempt in flight is not due again until long after its timeout
      LocalDateTime claim = LocalDateTime.now().plus(config.timeout().multipliedBy(3));
      int claimed =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      WebhookDelivery.update(
                          "nextAttemptAt = ?1 where id = ?2 and state = ?3 and nextAttemptAt <= ?4",
                          claim,
                          d.id(),
                          WebhookDelivery.PENDING,
                          LocalDateTime.now()));
      if (claimed == 1) {
        attempt(d);
      }
    }
  }

  private void attempt(Due d) {
    Integer status = null;
    String error = null;
    try {
      long timestamp = System.currentTimeMillis() / 1000;
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(d.url()))
              .timeout(config.timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "EAMS-Webhooks")
              .header("X-EAMS-Event", d.event())
              .header("X-EAMS-Delivery", Long.toString(d.id()))
              .header(TIMESTAMP, Long.toString(timestamp))
              .header(SIGNATURE, "sha256=" + sign(d.secret(), timestamp + "." + d.payload()))
              .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status < 200 || status > 299) {
        error = "The receiver answered " + status + ".";
      }
    } catch (IOException | IllegalArgumentException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "The server stopped during the attempt.";
    }
    Integer answered = status;
    String failure = error;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              WebhookDelivery row = WebhookDelivery.findById(d.id());
              if (row == null) {
                return; // its webhook was removed meanwhile
              }
              row.attempts = d.attempts() + 1;
              row.lastStatus = answered;
              row.lastError = failure == null ? null : cut(failure);
              if (failure == null) {
                row.state = WebhookDelivery.DELIVERED;
                row.deliveredAt = LocalDateTime.now();
              } else if (row.attempts >= config.maxAttempts()) {
                row.state = WebhookDelivery.FAILED;
                LOG.warnf(
                    "Webhook delivery %d failed %d times and is given up: %s",
                    d.id(), row.attempts, failure);
              } else {
                row.nextAttemptAt = LocalDateTime.now().plus(backoff(row.attempts));
              }
            });
  }

  /** The wait after the n-th failed attempt: retry-base × 2^(n-1), at most retry-max. */
  Duration backoff(int attempts) {
    Duration wait = config.retryBase().multipliedBy(1L << Math.min(20, attempts - 1));
    return wait.compareTo(config.retryMax()) > 0 ? config.retryMax() : wait;
  }

  /** The hex HMAC-SHA256 of the text with the secret. */
  public static String sign(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static String cut(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000);
  }
}
