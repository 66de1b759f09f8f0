package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** GET /api/models/{id}/events: the model's changes as server-sent events. */
@QuarkusTest
class ModelEventsTest {

  @TestHTTPResource("/")
  URI base;

  @Inject ChangeFeed feed;

  /** One event stream, its lines in a queue as they arrive. */
  private final class EventStream implements AutoCloseable {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

    EventStream(String model, String query, String lastEventId) {
      this(model, query, lastEventId, vn.eams.accounts.SignedInAsAdmin.header());
    }

    EventStream(String model, String query, String lastEventId, String authorization) {
      HttpRequest.Builder r =
          HttpRequest.newBuilder(base.resolve("/api/models/" + model + "/events" + query))
              .header("Accept", "text/event-stream")
              .header("Authorization", authorization);
      if (lastEventId != null) {
        r.header("Last-Event-ID", lastEventId);
      }
      response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .sendAsync(r.build(), HttpResponse.BodyHandlers.ofLines())
              .thenApply(
                  resp -> {
                    Thread t = new Thread(() -> resp.body().forEach(lines::add), "sse-reader");
                    t.setDaemon(true);
                    t.start();
                    return resp;
                  });
    }

    /** The events (id, event, data) that arrive until one whose data contains {@code text}. */
    List<Map<String, String>> until(String text) throws InterruptedException {
      List<Map<String, String>> events = new ArrayList<>();
      Map<String, String> event = new java.util.HashMap<>();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < end) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line == null) {
          continue;
        }
        if (line.isEmpty()) {
          if (!event.isEmpty()) {
            events.add(event);
            if (event.getOrDefault("data", "").contains(text)) {
              return events;
            }
            event = new java.util.HashMap<>();
          }
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
        event.merge(field, value, (a, b) -> a + "\n" + b);
      }
      throw new AssertionError("no event with '" + text + "' within 20 s; got " + events);
    }

    @Override
    public void close() {
      response.thenAccept(r -> r.body().close());
      response.cancel(true);
    }
  }

  @Test
  void aChangeMadeAfterTheStreamOpened_ArrivesAsAnEventWithItsSequenceNumber() throws Exception {
    String m = Api.newModel();
    try (EventStream s = new EventStream(m, "", null)) {
      assertThat(s.response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(s.response.get().headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
      String id = Api.element(m, "ApplicationComponent", "Ứng dụng một cửa");
      List<Map<String, String>> events = s.until("\"" + id + "\"");
      Map<String, String> e = events.get(events.size() - 1);
      assertThat(e).containsEntry("event", "change");
      List<Map<String, Object>> log =
          given().get("/api/models/" + m + "/changes").then().extract().path("items");
      Map<String, Object> created =
          log.stream().filter(c -> id.equals(c.get("targetId"))).findFirst().orElseThrow();
      assertThat(e.get("id")).isEqualTo(String.valueOf(created.get("seq")));
      assertThat(e.get("data")).contains("\"op\":\"create\"").contains("\"kind\":\"element\"");
      // the model's creation came before the stream opened, so it is not in it
      assertThat(events).noneMatch(x -> x.getOrDefault("data", "").contains("\"kind\":\"model\""));
    }
  }

  @Test
  void aViewersStream_DeliversTheChangeAnArchitectMakes_NamingTheArchitect() throws Exception {
    vn.eams.accounts.Roles.ensureUsers();
    String m = Api.newModel();
    try (EventStream s =
        new EventStream(m, "", null, vn.eams.accounts.Roles.header(vn.eams.accounts.Role.VIEWER))) {
      assertThat(s.response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      String architect = vn.eams.accounts.Roles.username(vn.eams.accounts.Role.ARCHITECT);
      String id =
          given()
              .auth()
              .preemptive()
              .basic(architect, vn.eams.accounts.Roles.password(vn.eams.accounts.Role.ARCHITECT))
              .contentType("application/json")
              .body(Map.of("type", "ApplicationService", "name", "Dịch vụ công trực tuyến"))
              .post("/api/models/" + m + "/elements")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      List<Map<String, String>> events = s.until("\"" + id + "\"");
      assertThat(events.get(events.size() - 1).get("data"))
          .contains("\"actor\":\"" + architect + "\"");
    }
    // a visitor who is not signed in gets no stream
    try (EventStream s = new EventStream(m, "", null, "Bearer eams_not-a-token")) {
      assertThat(s.response.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aClientThatReconnectsWithLastEventId_GetsEveryChangeAfterIt_InOrder() throws Exception {
    String m = Api.newModel();
    String a = Api.element(m, "ApplicationComponent", "A");
    String b = Api.element(m, "ApplicationComponent", "B");
    String c = Api.element(m, "ApplicationComponent", "C");
    List<Map<String, Object>> log =
        given().get("/api/models/" + m + "/changes").then().extract().path("items");
    long first =
        log.stream()
            .filter(x -> a.equals(x.get("targetId")))
            .mapToLong(x -> ((Number) x.get("seq")).longValue())
            .findFirst()
            .orElseThrow();
    List<String> after =
        log.stream()
            .map(x -> ((Number) x.get("seq")).longValue())
            .filter(seq -> seq > first)
            .map(String::valueOf)
            .toList();
    try (EventStream s = new EventStream(m, "", Long.toString(first))) {
      List<Map<String, String>> events = s.until("\"" + c + "\"");
      assertThat(events.stream().filter(e -> e.containsKey("id")).map(e -> e.get("id")))
          .containsExactlyElementsOf(after);
    }
    // since= does the same on a first connection
    try (EventStream s = new EventStream(m, "?since=" + first, null)) {
      List<Map<String, String>> events = s.until("\"" + b + "\"");
      assertThat(events.get(0).get("id")).isEqualTo(after.get(0));
    }
  }

  @Test
  void badStarts_Are400Problems_AndAnUnknownModelA404() {
    String m = Api.newModel();
    given()
        .header("Last-Event-ID", "yesterday")
        .get("/api/models/" + m + "/events")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("Last-Event-ID"));
    given()
        .get("/api/models/" + m + "/events?since=-1")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("since"));
    given()
        .get("/api/models/no-such-model/events")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void anIdleStream_GetsKeepAliveComments() throws Exception {
    String m = Api.newModel();
    try (EventStream s = new EventStream(m, "", null)) {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
      String comment = null;
      while (comment == null && System.nanoTime() < end) {
        String line = s.lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.startsWith(":")) {
          comment = line;
        }
      }
      assertThat(comment).isEqualTo(":keep-alive");
    }
  }

  @Test
  void aClosedStream_StopsWaiting() throws Exception {
    String m = Api.newModel();
    try (EventStream s = new EventStream(m, "", null)) {
      s.response.get(20, TimeUnit.SECONDS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (feed.waiting(m) == 0 && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      assertThat(feed.waiting(m)).isPositive();
    }
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (feed.waiting(m) > 0 && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(feed.waiting(m)).isZero();
  }
}
