package vn.eams.webhooks;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.model.ModelQueries;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Registers webhooks and reads their delivery log (docs/operations/security.md). */
@ApplicationScoped
public class Webhooks {

  /** The event types a webhook may ask for. */
  public static final Set<String> EVENTS = Set.of(WebhookDispatcher.MODEL_CHANGED);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ModelQueries queries;

  Webhooks(ModelQueries queries) {
    this.queries = queries;
  }

  /** What an administrator sends to register or change a webhook. */
  public record Input(
      Optional<String> url,
      Optional<String> secret,
      Optional<List<String>> events,
      Optional<String> modelId,
      Optional<Boolean> enabled) {}

  /** Every webhook. */
  public List<Map<String, Object>> list() {
    return QuarkusTransaction.requiringNew()
        .call(() -> Webhook.<Webhook>list("order by id").stream().map(Webhooks::json).toList());
  }

  /** One webhook. */
  public Map<String, Object> get(long id) {
    return QuarkusTransaction.requiringNew().call(() -> json(require(id)));
  }

  /**
   * Registers a webhook; it is told of changes made from now on. The answer holds the signing
   * secret (generated when none is given), which is not shown again.
   */
  public Map<String, Object> create(Input in, String actor) {
    List<Problem.Error> errors = new ArrayList<>();
    String url = url(in.url().orElse(null), errors);
    List<String> events =
        events(in.events().orElse(List.of(WebhookDispatcher.MODEL_CHANGED)), errors);
    String secret = in.secret().filter(s -> !s.isBlank()).orElse(null);
    if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
      errors.add(
          Problem.Error.field(
              "secret", "invalid-secret", "Use 16..200 characters, or leave it out to get one."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The webhook cannot be registered as asked.", errors);
    }
    String key = secret != null ? secret : newSecret();
    long now = queries.currentSequence();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Webhook w = new Webhook();
              w.url = url;
              w.secret = key;
              w.events = String.join(",", events);
              w.modelId = in.modelId().map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
              w.enabled = in.enabled().orElse(true);
              w.lastSeq = now;
              w.createdBy = actor;
              w.createdAt = LocalDateTime.now();
              w.persist();
              Map<String, Object> m = json(w);
              m.put("secret", key);
              return m;
            });
  }

  /** Changes a webhook's URL, secret, events, model or enabled state. */
  public Map<String, Object> update(long id, Input in) {
    List<Problem.Error> errors = new ArrayList<>();
    Optional<String> url = in.url().map(u -> url(u, errors));
    Optional<List<String>> events = in.events().map(e -> events(e, errors));
    in.secret()
        .filter(s -> s.length() < 16 || s.length() > 200)
        .ifPresent(
            s ->
                errors.add(
                    Problem.Error.field("secret", "invalid-secret", "Use 16..200 characters.")));
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The webhook cannot be changed as asked.", errors);
    }
    long now = queries.currentSequence();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Webhook w = require(id);
              url.ifPresent(u -> w.url = u);
              in.secret().ifPresent(s -> w.secret = s);
              events.ifPresent(e -> w.events = String.join(",", e));
              in.modelId().ifPresent(m -> w.modelId = m.isBlank() ? null : m.strip());
              in.enabled()
                  .ifPresent(
                      e -> {
                        if (e && !w.enabled) {
                          w.lastSeq = now; // a webhook switched back on is told of new changes
                        }
                        w.enabled = e;
                      });
              return json(w);
            });
  }

  /** Removes a webhook with its delivery log. */
  public void delete(long id) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              require(id);
              WebhookDelivery.delete("webhookId", id);
              Webhook.deleteById(id);
            });
  }

  /** The latest deliveries of a webhook, newest first. */
  public List<Map<String, Object>> deliveries(long id, int limit) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              require(id);
              return WebhookDelivery.<WebhookDelivery>find("webhookId = ?1 order by id desc", id)
                  .page(0, limit)
                  .list()
                  .stream()
                  .map(Webhooks::json)
                  .toList();
            });
  }

  /** Sends a delivery again (a failed one, or a delivered one the receiver lost). */
  public Map<String, Object> redeliver(long id, long deliveryId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              WebhookDelivery d = WebhookDelivery.findById(deliveryId);
              if (d == null || d.webhookId != id) {
                throw ProblemException.notFound("delivery", Long.toString(deliveryId));
              }
              d.state = WebhookDelivery.PENDING;
              d.attempts = 0;
              d.nextAttemptAt = LocalDateTime.now();
              return json(d);
            });
  }

  private static Webhook require(long id) {
    Webhook w = Webhook.findById(id);
    if (w == null) {
      throw ProblemException.notFound("webhook", Long.toString(id));
    }
    return w;
  }

  private static String url(String url, List<Problem.Error> errors) {
    try {
      URI u = new URI(url == null ? "" : url.strip());
      if ((u.getScheme() == null
              || !(u.getScheme().equals("http") || u.getScheme().equals("https")))
          || u.getHost() == null
          || url.length() > 2000) {
        throw new URISyntaxException(String.valueOf(url), "not an absolute http(s) URL");
      }
      return u.toString();
    } catch (URISyntaxException e) {
      errors.add(
          Problem.Error.field(
              "url",
              "invalid-url",
              "Give the receiver's absolute http or https URL, e.g. https://so-tttt.travinh.gov.vn/eams-hook."));
      return "";
    }
  }

  private static List<String> events(List<String> events, List<Problem.Error> errors) {
    List<String> unknown = events.stream().filter(e -> !EVENTS.contains(e)).toList();
    if (events.isEmpty() || !unknown.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "events",
              "unknown-event",
              "Use one or more of: "
                  + String.join(", ", EVENTS.stream().sorted().toList())
                  + (unknown.isEmpty() ? "" : " (not " + unknown + ")")));
    }
    return events.stream().distinct().toList();
  }

  private static String newSecret() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static Map<String, Object> json(Webhook w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id);
    m.put("url", w.url);
    m.put("events", Arrays.asList(w.events.split(",")));
    m.put("modelId", w.modelId);
    m.put("enabled", w.enabled);
    m.put("lastSeq", w.lastSeq);
    m.put("createdBy", w.createdBy);
    m.put("createdAt", w.createdAt.toString());
    return m;
  }

  static Map<String, Object> json(WebhookDelivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id);
    m.put("event", d.event);
    m.put("modelId", d.modelId);
    m.put("firstSeq", d.firstSeq);
    m.put("lastSeq", d.lastSeq);
    m.put("state", d.state);
    m.put("attempts", d.attempts);
    m.put(
        "nextAttemptAt",
        d.state.equals(WebhookDelivery.PENDING) ? d.nextAttemptAt.toString() : null);
    m.put("lastStatus", d.lastStatus);
    m.put("lastError", d.lastError);
    m.put("createdAt", d.createdAt.toString());
    m.put("deliveredAt", d.deliveredAt == null ? null : d.deliveredAt.toString());
    return m;
  }
}
