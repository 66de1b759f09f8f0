package vn.eams.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks: signed deliveries of model changes, retried with back-off, and the delivery log. */
@QuarkusTest
class WebhooksTest {

  /** One request the receiver got. */
  record Received(Map<String, String> headers, String body, long atNanos) {}

  HttpServer receiver;
  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final AtomicInteger failuresToAnswer = new AtomicInteger();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          Map<String, String> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
          received.add(
              new Received(headers, new String(body, StandardCharsets.UTF_8), System.nanoTime()));
          int status = failuresToAnswer.getAndDecrement() > 0 ? 503 : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  String url() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  static String newModel() {
    String id = "wh-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(Map.of("id", id, "name", "Webhooks"))
        .post("/api/models")
        .then()
        .statusCode(201);
    return id;
  }

  Received next() throws InterruptedException {
    Received r = received.poll(20, TimeUnit.SECONDS);
    assertThat(r).as("a delivery within 20 s").isNotNull();
    return r;
  }

  @Test
  void aChange_IsPostedToTheWebhook_SignedWithItsSecret() throws Exception {
    String model = newModel();
    Response created =
        given()
            .contentType("application/json")
            .body(Map.of("url", url(), "modelId", model, "events", List.of("model.changed")))
            .post("/api/webhooks");
    created.then().statusCode(201);
    String secret = created.jsonPath().getString("secret");
    long hook = created.jsonPath().getLong("id");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
    given().get("/api/webhooks/" + hook).then().body("secret", org.hamcrest.Matchers.nullValue());

    String element =
        given()
            .contentType("application/json")
            .body(Map.of("type", "ApplicationComponent", "name", "Cổng dịch vụ công"))
            .post("/api/models/" + model + "/elements")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Received r = next();
    assertThat(r.headers()).containsEntry("x-eams-event", "model.changed");
    String expected =
        "sha256="
            + WebhookDispatcher.sign(secret, r.headers().get("x-eams-timestamp") + "." + r.body());
    assertThat(r.headers().get("x-eams-signature")).isEqualTo(expected);
    assertThat(
            Math.abs(
                Long.parseLong(r.headers().get("x-eams-timestamp"))
                    - System.currentTimeMillis() / 1000))
        .isLessThan(60);
    JsonNode body = json.readTree(r.body());
    assertThat(body.get("modelId").asText()).isEqualTo(model);
    assertThat(body.get("changes").get(0).get("targetId").asText()).isEqualTo(element);
    assertThat(body.get("changes").get(0).get("actor").asText()).isEqualTo("admin");
    // another model's changes do not go to this webhook
    newModel();
    assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
    given()
        .get("/api/webhooks/" + hook + "/deliveries")
        .then()
        .statusCode(200)
        .body("items[0].state", equalTo("delivered"))
        .body("items[0].attempts", equalTo(1))
        .body("items[0].lastStatus", equalTo(204));
  }

  @Test
  void aFailingReceiver_IsRetried_WithGrowingWaits_AndTheLogShowsEveryAttempt() throws Exception {
    String model = newModel();
    long hook =
        given()
            .contentType("application/json")
            .body(Map.of("url", url(), "modelId", model, "secret", "a-secret-of-the-agency"))
            .post("/api/webhooks")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    failuresToAnswer.set(2);
    given()
        .contentType("application/json")
        .body(Map.of("type", "ApplicationService", "name", "Dịch vụ"))
        .post("/api/models/" + model + "/elements")
        .then()
        .statusCode(201);
    Received first = next();
    Received second = next();
    Received third = next();
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(third.body()).isEqualTo(first.body());
    assertThat(third.headers().get("x-eams-delivery"))
        .isEqualTo(first.headers().get("x-eams-delivery"));
    // retry-base is 0.3 s in the tests: the second wait is twice the first
    long wait1 = TimeUnit.NANOSECONDS.toMillis(second.atNanos() - first.atNanos());
    long wait2 = TimeUnit.NANOSECONDS.toMillis(third.atNanos() - second.atNanos());
    assertThat(wait1).isGreaterThanOrEqualTo(300);
    assertThat(wait2).isGreaterThanOrEqualTo(600);
    waitForState(hook, "delivered");
    given()
        .get("/api/webhooks/" + hook + "/deliveries")
        .then()
        .body("items[0].attempts", equalTo(3))
        .body("items[0].lastStatus", equalTo(204));
  }

  @Test
  void aDeliveryThatFailedEveryAttempt_IsGivenUp_AndCanBeSentAgain() throws Exception {
    String model = newModel();
    long hook =
        given()
            .contentType("application/json")
            .body(Map.of("url", url(), "modelId", model))
            .post("/api/webhooks")
            .then()
            .extract()
            .jsonPath()
            .getLong("id");
    failuresToAnswer.set(1000);
    given()
        .contentType("application/json")
        .body(Map.of("type", "ApplicationService", "name", "Dịch vụ"))
        .post("/api/models/" + model + "/elements")
        .then()
        .statusCode(201);
    Map<String, Object> d = waitForState(hook, "failed");
    assertThat(d.get("attempts")).isEqualTo(3); // %test max-attempts
    assertThat((String) d.get("lastError")).contains("503");
    failuresToAnswer.set(0);
    received.clear();
    given()
        .post("/api/webhooks/" + hook + "/deliveries/" + d.get("id") + "/redeliver")
        .then()
        .statusCode(200);
    next();
    waitForState(hook, "delivered");
  }

  @Test
  void registering_RefusesBadInput_WithEveryProblem() {
    given()
        .contentType("application/json")
        .body(Map.of("url", "ftp://example", "events", List.of("model.deleted"), "secret", "short"))
        .post("/api/webhooks")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("url"))
        .body("errors.field", hasItem("events"))
        .body("errors.field", hasItem("secret"));
    given()
        .contentType("application/json")
        .body("{\"url\": 5, \"colour\": \"red\"}")
        .post("/api/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("colour"));
    given().get("/api/webhooks/999999").then().statusCode(404);
  }

  private Map<String, Object> waitForState(long hook, String state) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      List<Map<String, Object>> items =
          given().get("/api/webhooks/" + hook + "/deliveries").jsonPath().getList("items");
      if (!items.isEmpty() && state.equals(items.get(0).get("state"))) {
        return items.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no delivery of webhook " + hook + " became " + state);
  }
}
