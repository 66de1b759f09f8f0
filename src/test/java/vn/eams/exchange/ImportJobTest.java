package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Imports in the background, their progress as server-sent events, and the upload page. */
@QuarkusTest
class ImportJobTest {

  private static JsonPath start(String name, String content, String query) {
    return given()
        .multiPart("file", name, content.getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/import/jobs" + query)
        .then()
        .statusCode(202)
        .header("Location", containsString("/api/import/jobs/"))
        .extract()
        .jsonPath();
  }

  /** The data of every event of the stream (which ends with the job). */
  private static List<JsonPath> events(String url) {
    String stream =
        given().accept("text/event-stream").get(url).then().statusCode(200).extract().asString();
    List<JsonPath> out = new ArrayList<>();
    for (String line : stream.split("\n")) {
      if (line.startsWith("data:")) {
        out.add(JsonPath.from(line.substring(5).strip()));
      }
    }
    return out;
  }

  @Test
  void job_ReportsProgress_AndEndsWithTheReport() {
    String[] f = Exchange.small();
    JsonPath job = start("small.xml", f[1], "");
    assertThat(job.getString("events")).endsWith("/events");

    List<JsonPath> events = events(job.getString("events"));
    assertThat(events).isNotEmpty();
    JsonPath last = events.get(events.size() - 1);
    assertThat(last.getString("phase")).isEqualTo("done");
    assertThat(last.getInt("percent")).isEqualTo(100);
    assertThat(last.getInt("report.created.elements")).isEqualTo(6);
    assertThat(last.getLong("totalBytes")).isEqualTo(f[1].getBytes(StandardCharsets.UTF_8).length);
    // percentages never go back
    int before = 0;
    for (JsonPath e : events) {
      assertThat(e.getInt("percent")).isGreaterThanOrEqualTo(before);
      before = e.getInt("percent");
    }
    given()
        .get(job.getString("status"))
        .then()
        .statusCode(200)
        .body("phase", equalTo("done"))
        .body("report.modelId", equalTo(f[0] + "-model"));
    Exchange.deleteModel(f[0] + "-model");
  }

  @Test
  void failingJob_EndsWithTheProblem_NothingWritten() {
    String[] f = Exchange.small();
    int models = Exchange.modelCount();
    String broken = f[1].replace("target=\"" + f[0] + "-svc\"", "target=\"nowhere\"");
    JsonPath job = start("broken.xml", broken, "");
    List<JsonPath> events = events(job.getString("events"));
    JsonPath last = events.get(events.size() - 1);
    assertThat(last.getString("phase")).isEqualTo("failed");
    assertThat(last.getInt("problem.status")).isEqualTo(422);
    assertThat(last.getList("problem.errors.message").toString()).contains("nowhere");
    assertThat(Exchange.modelCount()).isEqualTo(models);
  }

  @Test
  void badOptionsOrUnknownJob_AreProblems() {
    given()
        .multiPart("file", "a.xml", "<x/>".getBytes(StandardCharsets.UTF_8), "application/xml")
        .post("/api/import/jobs?mode=upsert")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given().get("/api/import/jobs/no-such-job").then().statusCode(404);
    given().get("/api/import/jobs/no-such-job/events").then().statusCode(404);
  }

  @Test
  void uploadPage_HasTheFormAndTheProgressBar_InBothLanguages() {
    given()
        .get("/import?lang=vi")
        .then()
        .statusCode(200)
        .body(containsString("Nhập mô hình"))
        .body(containsString("id=\"import-form\""))
        .body(containsString("<progress id=\"import-bar\""))
        .body(containsString("/js/import.js"));
    given().get("/import?lang=en").then().statusCode(200).body(containsString("Import a model"));
    given().get("/js/import.js").then().statusCode(200).body(containsString("EventSource"));
  }
}
