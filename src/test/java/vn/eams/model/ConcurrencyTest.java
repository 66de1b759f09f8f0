package vn.eams.model;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency: conflicting writers never lose an update silently. */
@QuarkusTest
class ConcurrencyTest {

  record Outcome(int status, String name) {}

  @Test
  void concurrentUpdates_OneWinsAndEveryOtherGets409_WhenAllReadTheSameVersion() throws Exception {
    String m = Api.newModel();
    String id = Api.element(m, "ApplicationComponent", "Ban đầu");
    int writers = 200;
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      String name = "Người viết " + i;
      Callable<Outcome> write =
          () -> {
            go.await();
            int status =
                given()
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"1\"")
                    .body(Map.of("name", name))
                    .patch("/api/models/" + m + "/elements/" + id)
                    .then()
                    .extract()
                    .statusCode();
            return new Outcome(status, name);
          };
      futures.add(pool.submit(write));
    }
    go.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) {
      outcomes.add(f.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();

    List<Outcome> won = outcomes.stream().filter(o -> o.status() == 200).toList();
    List<Outcome> lost = outcomes.stream().filter(o -> o.status() == 409).toList();
    assertThat(won).hasSize(1);
    assertThat(lost).hasSize(writers - 1);
    String finalName =
        given()
            .get("/api/models/" + m + "/elements/" + id)
            .then()
            .statusCode(200)
            .extract()
            .path("name");
    int finalVersion =
        given().get("/api/models/" + m + "/elements/" + id).then().extract().path("version");
    assertThat(finalName).isEqualTo(won.get(0).name());
    assertThat(finalVersion).isEqualTo(2);
    List<Object> updates =
        given()
            .get("/api/models/" + m + "/changes")
            .then()
            .extract()
            .path("items.findAll { it.op == 'update' }.after.name");
    assertThat(updates).containsExactly(won.get(0).name());
  }
}
