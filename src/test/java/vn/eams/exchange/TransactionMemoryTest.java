package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An import larger than the graph store lets one transaction hold is refused at once with a 413
 * problem (not retried, not a 500), and nothing of it is written.
 */
@QuarkusTest
@TestProfile(TransactionMemoryTest.SmallTransactions.class)
class TransactionMemoryTest {

  /** A store that allows a transaction 4 MiB; no shipped model, whose load would not fit. */
  public static class SmallTransactions implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "eams.neo4j.embedded.transaction-memory-max", "4m",
          "eams.neo4j.embedded.directory", "target/neo4j-txmem-test",
          "eams.shipped-model.enabled", "false");
    }
  }

  /** An exchange file of {@code n} elements, each with a documentation of {@code docChars}. */
  static String bigFile(String id, int n, int docChars) {
    String doc = "Tài liệu mô tả ".repeat(docChars / 15 + 1).substring(0, docChars);
    StringBuilder b = new StringBuilder(n * (docChars + 200));
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"")
        .append(id)
        .append("\">\n<name xml:lang=\"vi\">Mô hình lớn</name>\n<elements>\n");
    for (int i = 0; i < n; i++) {
      b.append("<element identifier=\"")
          .append(id)
          .append("-e")
          .append(i)
          .append("\" xsi:type=\"ApplicationComponent\"><name xml:lang=\"vi\">Ứng dụng ")
          .append(i)
          .append("</name><documentation xml:lang=\"vi\">")
          .append(doc)
          .append("</documentation></element>\n");
    }
    return b.append("</elements>\n</model>\n").toString();
  }

  @Test
  void import_TooLargeForOneTransaction_Is413AndWritesNothing() {
    String id = "txmem-big";
    byte[] body = bigFile(id, 3000, 600).getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/xml")
        .body(body)
        .post("/api/import")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:eams:problem:transaction-too-large"))
        .body("detail", containsString("nothing was written"))
        .body("detail", containsString("mode=merge"));
    given().get("/api/models/" + id).then().statusCode(404);
    given().get("/api/models/" + id + "/elements/" + id + "-e0").then().statusCode(404);

    // the store is fine afterwards: a file that fits is imported
    String small = "txmem-small";
    given()
        .contentType("application/xml")
        .body(bigFile(small, 20, 100).getBytes(StandardCharsets.UTF_8))
        .post("/api/import")
        .then()
        .statusCode(201)
        .body("created.elements", equalTo(20));
  }
}
