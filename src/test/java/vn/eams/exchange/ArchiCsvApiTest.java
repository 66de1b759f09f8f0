package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Archi CSV through the API: upload as a form or a zip, merge semantics, export. */
@QuarkusTest
class ArchiCsvApiTest {

  private static final String ELEMENTS =
      "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"";
  private static final String RELATIONS =
      "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"";
  private static final String PROPERTIES = "\"ID\",\"Key\",\"Value\"";

  private static String csv(String header, String... rows) {
    return header + "\r\n" + String.join("\r\n", rows) + "\r\n";
  }

  /** The CSV set of a small model whose ids start with p. */
  private static Map<String, String> set(String p, String appName) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "m-elements.csv",
        csv(
            ELEMENTS,
            "\"" + p + "-model\",\"ArchimateModel\",\"Mô hình CSV\",\"\",\"\"",
            "\"" + p + "-app\",\"ApplicationComponent\",\"" + appName + "\",\"\",\"\"",
            "\"" + p + "-svc\",\"ApplicationService\",\"Tra cứu hồ sơ\",\"\",\"\""));
    files.put(
        "m-relations.csv",
        csv(
            RELATIONS,
            "\""
                + p
                + "-r1\",\"RealizationRelationship\",\"\",\"\",\""
                + p
                + "-app\",\""
                + p
                + "-svc\",\"\""));
    files.put("m-properties.csv", csv(PROPERTIES, "\"" + p + "-app\",\"Chủ quản\",\"Sở TT&TT\""));
    return files;
  }

  private static RequestSpecification form(Map<String, String> files) {
    RequestSpecification r = given();
    files.forEach(
        (name, text) ->
            r.multiPart("file", name, text.getBytes(StandardCharsets.UTF_8), "text/csv"));
    return r;
  }

  private static JsonPath upload(Map<String, String> files, String query, int status) {
    return form(files)
        .post("/api/import" + (query.isEmpty() ? "" : "?" + query))
        .then()
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  @Test
  void csvSet_CreatesThenMergesByArchisRules_AndExports() throws IOException {
    String p = "c" + UUID.randomUUID().toString().substring(0, 8);
    String model = p + "-model";

    JsonPath created = upload(set(p, "Một cửa"), "", 201);
    assertThat(created.getString("modelId")).isEqualTo(model);
    assertThat(created.getString("format")).isEqualTo("archi-csv");
    assertThat(created.getInt("created.elements")).isEqualTo(2);
    assertThat(created.getInt("created.relationships")).isEqualTo(1);

    JsonPath same = upload(set(p, "Một cửa"), "", 200);
    assertThat(same.getString("mode")).as("CSV merges by default").isEqualTo("merge");
    assertThat(same.getInt("changes.elements.unchanged")).isEqualTo(2);
    assertThat(same.getInt("changes.relationships.unchanged")).isEqualTo(1);

    // a renamed element, a new one, a property for a concept that is only in the model
    Map<String, String> next = set(p, "Một cửa điện tử");
    next.put(
        "m-elements.csv",
        csv(
            ELEMENTS,
            "\"" + p + "-model\",\"ArchimateModel\",\"Mô hình CSV\",\"\",\"\"",
            "\"" + p + "-app\",\"ApplicationComponent\",\"Một cửa điện tử\",\"\",\"\"",
            "\"" + p + "-db\",\"DataObject\",\"Hồ sơ\",\"\",\"\""));
    next.put("m-relations.csv", csv(RELATIONS));
    next.put(
        "m-properties.csv",
        csv(
            PROPERTIES,
            "\"" + p + "-app\",\"Chủ quản\",\"UBND tỉnh\"",
            "\"" + p + "-svc\",\"Ghi chú\",\"từ CSV\""));
    JsonPath dry = upload(next, "dryRun=true", 200);
    assertThat(dry.getInt("changes.elements.created")).isEqualTo(1);
    assertThat(dry.getInt("changes.elements.updated")).isEqualTo(2);
    assertThat(dry.getInt("changes.elements.deleted")).isZero();
    given().get("/api/models/" + model + "/elements/" + p + "-db").then().statusCode(404);

    upload(next, "", 200);
    given()
        .get("/api/models/" + model + "/elements/" + p + "-app")
        .then()
        .body("name", equalTo("Một cửa điện tử"))
        .body("properties.find { it.key == 'Chủ quản' }.value", equalTo("UBND tỉnh"));
    given()
        .get("/api/models/" + model + "/elements/" + p + "-svc")
        .then()
        .statusCode(200)
        .body("name", equalTo("Tra cứu hồ sơ"))
        .body("properties.find { it.key == 'Ghi chú' }.value", equalTo("từ CSV"));
    given().get("/api/models/" + model + "/relationships/" + p + "-r1").then().statusCode(200);

    // the type of an existing concept cannot change; nothing is written
    Map<String, String> retyped = set(p, "Đổi kiểu");
    retyped.put(
        "m-elements.csv",
        csv(
            ELEMENTS,
            "\"" + p + "-model\",\"ArchimateModel\",\"Mô hình CSV\",\"\",\"\"",
            "\"" + p + "-app\",\"Node\",\"Đổi kiểu\",\"\",\"\""));
    form(retyped)
        .post("/api/import")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.code", hasItem("type-change"))
        .body("errors.find { it.code == 'type-change' }.line", equalTo("m-elements.csv:3"));
    given()
        .get("/api/models/" + model + "/elements/" + p + "-app")
        .then()
        .body("name", equalTo("Một cửa điện tử"));

    // CSV cannot replace a model
    form(set(p, "x"))
        .post("/api/import?mode=replace")
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("replace-partial"));

    // export: a zip of the three files, named after the model
    byte[] zip =
        given()
            .get("/api/models/" + model + "/export?format=csv")
            .then()
            .statusCode(200)
            .contentType("application/zip")
            .extract()
            .asByteArray();
    Map<String, String> exported = unzip(zip);
    assertThat(exported)
        .containsOnlyKeys(
            model + "-elements.csv", model + "-relations.csv", model + "-properties.csv");
    assertThat(exported.get(model + "-elements.csv"))
        .startsWith(ELEMENTS + "\r\n")
        .contains("\"" + p + "-app\",\"ApplicationComponent\",\"Một cửa điện tử\"");

    // the exported zip, sent back as the body, changes nothing
    JsonPath back =
        given()
            .contentType("application/zip")
            .body(zip)
            .post("/api/import")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(back.getInt("changes.elements.unchanged")).isEqualTo(3);
    assertThat(back.getInt("changes.elements.updated")).isZero();
    assertThat(back.getInt("changes.relationships.unchanged")).isEqualTo(1);
    Exchange.deleteModel(model);
  }

  @Test
  void brokenQuoting_Is4xxWithTheLine_NothingWritten() {
    String p = "c" + UUID.randomUUID().toString().substring(0, 8);
    int before = Exchange.modelCount();
    String broken =
        csv(
            ELEMENTS,
            "\"" + p + "-model\",\"ArchimateModel\",\"M\",\"\",\"\"",
            "\"" + p + "-a\",\"BusinessActor\",\"An \"unclosed\" name,\"\",\"\"");
    given()
        .contentType("text/csv")
        .body(broken.getBytes(StandardCharsets.UTF_8))
        .post("/api/import?fileName=elements.csv")
        .then()
        .statusCode(
            org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                .and(org.hamcrest.Matchers.lessThan(500)))
        .contentType("application/problem+json")
        .body("errors[0].line", startsWith("elements.csv:"));
    assertThat(Exchange.modelCount()).isEqualTo(before);
  }

  @Test
  void csvWithAnUnknownType_ListsWhatIsAllowed() {
    String p = "c" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> files = set(p, "A");
    files.put(
        "m-elements.csv",
        csv(
            ELEMENTS,
            "\"" + p + "-model\",\"ArchimateModel\",\"M\",\"\",\"\"",
            "\"" + p + "-a\",\"BusinessPerson\",\"A\",\"\",\"\""));
    form(files)
        .post("/api/import")
        .then()
        .statusCode(422)
        .body("errors[0].line", equalTo("m-elements.csv:3"))
        .body("errors[0].message", notNullValue());
  }

  private static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        out.put(e.getName(), new String(z.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
