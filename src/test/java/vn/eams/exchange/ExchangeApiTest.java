package vn.eams.exchange;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Import and export of the ArchiMate exchange format through the REST API. */
@QuarkusTest
class ExchangeApiTest {

  @Test
  void import_SmallFile_KeepsEveryConstruct() {
    String[] f = Exchange.small();
    String p = f[0];
    String m = p + "-model";
    Exchange.importXml(f[1], "fileName=small.xml")
        .statusCode(201)
        .body("modelId", equalTo(m))
        .body("format", equalTo("exchange-3.1"))
        .body("created.folders", equalTo(3))
        .body("created.elements", equalTo(6))
        .body("created.relationships", equalTo(6))
        .body("created.views", equalTo(1))
        .body("warnings", hasSize(0));

    given()
        .get("/api/models/" + m)
        .then()
        .statusCode(200)
        .body("name", equalTo("Mô hình nhỏ"))
        .body("nameEn", equalTo("Small model"))
        .body("documentation", equalTo("Dùng để kiểm thử nhập/xuất 🙂"))
        .body("language", equalTo("vi"))
        .body("properties[0].key", equalTo("Chủ quản"))
        .body("properties[0].value", equalTo("Sở TT&TT"));
    given()
        .get("/api/models/" + m + "/elements/" + p + "-app")
        .then()
        .statusCode(200)
        .body("nameEn", equalTo("Document management system"))
        .body("documentation", equalTo("Dòng 1\nDòng 2 \"trích dẫn\""))
        .body("specialization", equalTo("Application"))
        .body("profile.securityLevel", equalTo(3))
        .body("profile.applicationGroup", equalTo("sectoral"))
        .body("properties[0].key", equalTo("Chủ quản"))
        .body("folderId", equalTo(p + "-f-sub"));
    given()
        .get("/api/models/" + m + "/elements/" + p + "-and")
        .then()
        .body("type", equalTo("AndJunction"));
    given()
        .get("/api/models/" + m + "/relationships/" + p + "-r4")
        .then()
        .body("accessType", equalTo("ReadWrite"))
        .body("name", equalTo("đọc ghi"));
    given()
        .get("/api/models/" + m + "/relationships/" + p + "-r5")
        .then()
        .body("isDirected", equalTo(true));
    given()
        .get("/api/models/" + m + "/relationships/" + p + "-r6")
        .then()
        .body("targetId", equalTo(p + "-r4"));
    // the view page draws it (group, nesting, note, line)
    given().get("/models/" + m + "/views/" + p + "-view").then().statusCode(200);
  }

  @Test
  void export_IsSchemaValid_AndReimportGivesTheSameFile() {
    String[] f = Exchange.small();
    String p = f[0];
    String m = p + "-model";
    Exchange.importXml(f[1], "").statusCode(201);
    String first = Exchange.export(m);
    assertThat(first)
        .contains("xml:lang=\"vi\">Hệ thống quản lý văn bản</name>")
        .contains("xml:lang=\"en\">Document management system</name>")
        .contains("<bendpoint x=\"105\" y=\"250\"/>")
        .contains("xsi:type=\"Line\"")
        .contains("lineWidth=\"2\"")
        .contains("size=\"9.5\"")
        .contains("viewpoint=\"Application Cooperation\"")
        .contains("<item identifierRef=\"" + p + "-view\"/>")
        .contains("type=\"number\"");
    if (java.nio.file.Files.exists(Exchange.XSD)) {
      assertThat(Exchange.xsdProblem(first)).isNull();
    }
    Exchange.deleteModel(m);
    Exchange.importXml(first, "").statusCode(201).body("warnings", hasSize(0));
    assertThat(Exchange.export(m)).isEqualTo(first);
  }

  @Test
  void dryRun_ChecksEverything_WritesNothing() {
    String[] f = Exchange.small();
    String m = f[0] + "-model";
    Exchange.importXml(f[1], "dryRun=true")
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("wouldCreate.elements", equalTo(6));
    given().get("/api/models/" + m).then().statusCode(404);
    // a dry run finds what the real import would refuse
    String broken = f[1].replace("xsi:type=\"Realization\"", "xsi:type=\"Triggering\"");
    Exchange.importXml(broken, "dryRun=true&forbidden=keep").statusCode(200);
    String unknownSpec = f[1].replace(">Application</value>", ">NoSuchThing</value>");
    Exchange.importXml(unknownSpec, "dryRun=true")
        .statusCode(200)
        .body("warnings.code", hasItem("unknown-specialization"));
  }

  @Test
  void forbiddenRelationship_IsSkippedWithAWarning_OrKeptFlaggedInvalid() {
    // Node -Composition-> DataObject is not in the ArchiMate 3.2 table
    String[] f = Exchange.small();
    String p = f[0];
    String xml =
        f[1].replace(
            "<relationship identifier=\""
                + p
                + "-r5\" source=\""
                + p
                + "-node\" target=\""
                + p
                + "-app\" xsi:type=\"Association\" isDirected=\"true\"/>",
            "<relationship identifier=\""
                + p
                + "-r5\" source=\""
                + p
                + "-data\" target=\""
                + p
                + "-node\" xsi:type=\"Composition\"/>");
    assertThat(xml).isNotEqualTo(f[1]);
    JsonPath skipped =
        Exchange.importXml(xml, "")
            .statusCode(201)
            .body("skippedRelationships", equalTo(java.util.List.of(p + "-r5")))
            .body("warnings.code", hasItem("relationship-not-allowed"))
            .body("warnings.find { it.code == 'relationship-not-allowed' }.line", notNullValue())
            .extract()
            .jsonPath();
    assertThat(skipped.getString("warnings[0].message")).contains("Composition");
    given().get("/api/models/" + p + "-model/relationships/" + p + "-r5").then().statusCode(404);
    Exchange.deleteModel(p + "-model");

    Exchange.importXml(xml, "forbidden=keep")
        .statusCode(201)
        .body("skippedRelationships", hasSize(0));
    given()
        .get("/api/models/" + p + "-model/relationships/" + p + "-r5")
        .then()
        .statusCode(200)
        .body(
            "properties.find { it.key == 'eams:invalid' }.value",
            equalTo("relationship-not-allowed"));
    Exchange.importXml(xml, "forbidden=maybe")
        .statusCode(400)
        .body("errors[0].field", equalTo("forbidden"));
  }

  @Test
  void hostileAndBrokenFiles_Are4xxWithAPlace_AndWriteNothing() {
    int before = Exchange.modelCount();
    String[] f = Exchange.small();
    String p = f[0];
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE model [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"a\">"
            + "<name>&x;</name></model>";
    Exchange.importXml(xxe, "").statusCode(400).body("errors[0].line", notNullValue());
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2"
            + " \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"><name>&lol2;</name></model>";
    Exchange.importXml(laughs, "").statusCode(400).body("errors[0].code", equalTo("xml-doctype"));
    Exchange.importXml(f[1].substring(0, f[1].length() / 2), "")
        .statusCode(400)
        .body("errors[0].code", equalTo("xml-syntax"))
        .body("errors[0].line", notNullValue());
    Exchange.importXml(f[1].replace("http://www.opengroup.org/xsd/archimate/3.0/", "urn:other"), "")
        .statusCode(400)
        .body("errors[0].code", equalTo("not-exchange-format"));
    Exchange.importXml(f[1].replace("xsi:type=\"Node\"", "xsi:type=\"Server\""), "")
        .statusCode(422)
        .body("errors[0].code", equalTo("unknown-type"))
        .body("errors[0].id", equalTo(p + "-node"))
        .body("errors[0].line", notNullValue());
    Exchange.importXml(f[1].replace("target=\"" + p + "-svc\"", "target=\"" + p + "-nowhere\""), "")
        .statusCode(422)
        .body("errors.code", hasItem("unknown-endpoint"));
    Exchange.importXml(
            f[1].replace("identifier=\"" + p + "-svc\"", "identifier=\"" + p + "-app\""), "")
        .statusCode(422)
        .body("errors.code", hasItem("duplicate-id"));
    Exchange.importXml(
            f[1].replace("elementRef=\"" + p + "-data\"", "elementRef=\"" + p + "-gone\""), "")
        .statusCode(422)
        .body("errors.code", hasItem("unknown-element"));
    Exchange.importXml("", "").statusCode(400);
    Exchange.importXml(f[1], "format=visio")
        .statusCode(400)
        .body("errors[0].field", equalTo("format"));
    // a name over 500 characters is found by the model rules and located in the file
    Exchange.importXml(f[1].replace(">Máy chủ<", ">" + "x".repeat(501) + "<"), "")
        .statusCode(422)
        .body("errors[0].id", equalTo(p + "-node"))
        .body("errors[0].line", notNullValue());
    assertThat(Exchange.modelCount()).isEqualTo(before);
  }

  @Test
  void importingTheSameFileTwice_IsRefusedClearly() {
    String[] f = Exchange.small();
    Exchange.importXml(f[1], "").statusCode(201);
    int before = Exchange.modelCount();
    Exchange.importXml(f[1], "modelId=" + f[0] + "-second").statusCode(422);
    assertThat(Exchange.modelCount()).isEqualTo(before);
  }

  @Test
  void export_UnknownModel_Is404_UnknownFormat_Is400() {
    given().get("/api/models/no-such-model/export").then().statusCode(404);
    String[] f = Exchange.small();
    Exchange.importXml(f[1], "").statusCode(201);
    given().get("/api/models/" + f[0] + "-model/export?format=pdf").then().statusCode(400);
  }

  @Test
  void smallFixture_IsItselfSchemaValid() {
    Assumptions.assumeTrue(Files.exists(Exchange.XSD), "needs ../shared/corpus");
    assertThat(Exchange.xsdProblem(Exchange.read(Exchange.SMALL))).isNull();
  }
}
