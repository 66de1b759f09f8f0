package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Importing into an existing model: merge (create new, update known, delete nothing), replace. */
@QuarkusTest
class ImportModesTest {

  /** The small fixture with x-svc renamed, x-node and its relationship x-r5 gone, x-new added. */
  private static String edited(String xml, String p) {
    String out =
        xml.replace("Dịch vụ tra cứu</name>", "Dịch vụ tra cứu hồ sơ</name>")
            .replaceAll(
                "(?s)<element identifier=\"" + p + "-node\".*?</element>",
                "<element identifier=\""
                    + p
                    + "-new\" xsi:type=\"BusinessRole\"><name xml:lang=\"vi\">Cán bộ"
                    + " một cửa</name></element>")
            .replaceAll("<relationship identifier=\"" + p + "-r5\"[^>]*/>", "");
    assertThat(out).doesNotContain(p + "-node").doesNotContain(p + "-r5").contains(p + "-new");
    return out;
  }

  private static JsonPath merge(String xml, String model, String mode, boolean dryRun, int status) {
    return Exchange.importXml(xml, "mode=" + mode + "&modelId=" + model + "&dryRun=" + dryRun)
        .statusCode(status)
        .extract()
        .jsonPath();
  }

  @Test
  void mergeOfTheSameFile_ChangesNothing() {
    String[] f = Exchange.small();
    String model = f[0] + "-model";
    Exchange.importXml(f[1], "").statusCode(201);
    long seq = given().get("/api/models/" + model).then().extract().jsonPath().getLong("version");

    JsonPath r = merge(f[1], model, "merge", false, 200);
    assertThat(r.getString("mode")).isEqualTo("merge");
    assertThat(r.getInt("changes.elements.unchanged")).isEqualTo(6);
    assertThat(r.getInt("changes.relationships.unchanged")).isEqualTo(6);
    assertThat(r.getInt("changes.folders.unchanged")).isEqualTo(3);
    assertThat(r.getInt("changes.views.unchanged")).isEqualTo(1);
    for (String kind : new String[] {"folders", "elements", "relationships", "views"}) {
      assertThat(r.getInt("changes." + kind + ".created")).as(kind).isZero();
      assertThat(r.getInt("changes." + kind + ".updated")).as(kind).isZero();
      assertThat(r.getInt("changes." + kind + ".deleted")).as(kind).isZero();
    }
    assertThat(given().get("/api/models/" + model).then().extract().jsonPath().getLong("version"))
        .as("the model itself is untouched")
        .isEqualTo(seq);
    Exchange.deleteModel(model);
  }

  @Test
  void merge_DryRunShowsWhatWouldChange_ThenCreatesAndUpdates_DeletesNothing() {
    String[] f = Exchange.small();
    String p = f[0];
    String model = p + "-model";
    Exchange.importXml(f[1], "").statusCode(201);
    String next = edited(f[1], p);

    JsonPath dry = merge(next, model, "merge", true, 200);
    assertThat(dry.getInt("changes.elements.created")).isEqualTo(1);
    assertThat(dry.getInt("changes.elements.updated")).isEqualTo(1);
    assertThat(dry.getInt("changes.elements.unchanged")).isEqualTo(4);
    assertThat(dry.getInt("changes.elements.deleted")).isZero();
    assertThat(dry.getInt("changes.relationships.unchanged")).isEqualTo(5);
    given().get("/api/models/" + model + "/elements/" + p + "-new").then().statusCode(404);

    merge(next, model, "merge", false, 200);
    given()
        .get("/api/models/" + model + "/elements/" + p + "-svc")
        .then()
        .statusCode(200)
        .body("name", equalTo("Dịch vụ tra cứu hồ sơ"));
    given().get("/api/models/" + model + "/elements/" + p + "-new").then().statusCode(200);
    // merge deletes nothing
    given().get("/api/models/" + model + "/elements/" + p + "-node").then().statusCode(200);
    given().get("/api/models/" + model + "/relationships/" + p + "-r5").then().statusCode(200);
    Exchange.deleteModel(model);
  }

  @Test
  void replace_DeletesWhatTheFileLacks() {
    String[] f = Exchange.small();
    String p = f[0];
    String model = p + "-model";
    Exchange.importXml(f[1], "").statusCode(201);

    JsonPath r = merge(edited(f[1], p), model, "replace", false, 200);
    assertThat(r.getString("mode")).isEqualTo("replace");
    assertThat(r.getInt("changes.elements.deleted")).isEqualTo(1);
    assertThat(r.getInt("changes.relationships.deleted")).isEqualTo(1);
    given().get("/api/models/" + model + "/elements/" + p + "-node").then().statusCode(404);
    given().get("/api/models/" + model + "/relationships/" + p + "-r5").then().statusCode(404);
    given().get("/api/models/" + model + "/elements/" + p + "-new").then().statusCode(200);
    // the model is now the file: exporting and replacing again changes nothing
    String exported = Exchange.export(model);
    JsonPath again = merge(exported, model, "replace", true, 200);
    for (String kind : new String[] {"folders", "elements", "relationships", "views"}) {
      assertThat(again.getInt("changes." + kind + ".created")).as(kind).isZero();
      assertThat(again.getInt("changes." + kind + ".updated")).as(kind).isZero();
      assertThat(again.getInt("changes." + kind + ".deleted")).as(kind).isZero();
    }
    Exchange.deleteModel(model);
  }

  @Test
  void merge_ThatChangesAType_IsRefused_NothingWritten() {
    String[] f = Exchange.small();
    String p = f[0];
    String model = p + "-model";
    Exchange.importXml(f[1], "").statusCode(201);
    String retyped =
        edited(f[1], p)
            .replace(
                "identifier=\"" + p + "-data\" xsi:type=\"DataObject\"",
                "identifier=\"" + p + "-data\" xsi:type=\"BusinessObject\"");

    Exchange.importXml(retyped, "mode=merge&modelId=" + model)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.code", hasItem("type-change"))
        .body("errors.find { it.code == 'type-change' }.id", equalTo(p + "-data"))
        .body("errors.find { it.code == 'type-change' }.line", startsWith("44:"));
    given().get("/api/models/" + model + "/elements/" + p + "-new").then().statusCode(404);
    given()
        .get("/api/models/" + model + "/elements/" + p + "-svc")
        .then()
        .body("name", equalTo("Dịch vụ tra cứu"));
    Exchange.deleteModel(model);
  }

  @Test
  void mergeIntoAMissingModel_CreatesIt() {
    String[] f = Exchange.small();
    String model = f[0] + "-model";
    JsonPath r = merge(f[1], model, "merge", false, 201);
    assertThat(r.getString("mode")).isEqualTo("create");
    assertThat(r.getInt("created.elements")).isEqualTo(6);
    Exchange.deleteModel(model);
  }

  @Test
  void unknownMode_Is400() {
    Exchange.importXml(Exchange.small()[1], "mode=upsert")
        .statusCode(400)
        .body("errors[0].field", equalTo("mode"));
  }
}
