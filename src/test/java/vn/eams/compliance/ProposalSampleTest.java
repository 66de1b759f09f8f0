package vn.eams.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample proposal of import/samples checked against the shipped Trà Vinh architecture: what the
 * report finds, and that the baseline's own findings are kept apart.
 */
@QuarkusTest
class ProposalSampleTest {

  static final String SAMPLE = "import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml";
  static final String ID = "de-xuat-dat-dai-stnmt";

  @BeforeEach
  void importSample() throws IOException {
    if (given().get("/api/models/" + ID).statusCode() == 404) {
      given()
          .contentType("application/xml")
          .body(Files.readAllBytes(Path.of(SAMPLE)))
          .post("/api/import")
          .then()
          .statusCode(201)
          .body("modelId", equalTo(ID))
          .body("validation.report", equalTo("/api/models/" + ID + "/compliance"));
    }
  }

  private static JsonPath report() {
    return given()
        .get("/api/models/" + ID + "/compliance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void sample_ReportsTheProjectsFindings_WhenCheckedAgainstTraVinh() {
    JsonPath r = report();
    assertThat(r.getString("kind")).isEqualTo("proposal");
    assertThat(r.getString("baseline.id")).isEqualTo("tra-vinh-v1.0");
    List<String> rules = r.getList("findings.rule");
    assertThat(rules)
        .containsExactlyInAnyOrder(
            "policy.national-database-connection",
            "policy.security-level-public-facing",
            "policy.application-required-attributes",
            "policy.single-sign-on");
    // each on the new application, whose owner is the baseline's department
    assertThat(r.getList("findings.collect { it.concepts[0].id }", String.class))
        .allMatch("dx-dd-app"::equals);
    assertThat(r.getList("findings.agencyId", String.class)).allMatch("tv-agency-so-tnmt"::equals);
    assertThat(r.getList("findings.basis", String.class)).allMatch(b -> !b.isBlank());
    Map<String, String> uses = new java.util.HashMap<>();
    List<Map<String, Object>> list = r.getList("uses");
    list.forEach(
        u -> uses.put((String) ((Map<?, ?>) u.get("element")).get("id"), (String) u.get("use")));
    assertThat(uses)
        .containsEntry("tv-platform-lgsp", "integrate")
        .containsEntry("tv-app-05", "integrate")
        .containsEntry("tv-agency-so-tnmt", "reuse")
        .containsEntry("tv-usergroup-cong-dan", "reuse");
    // what the architecture itself lacks is counted apart, not blamed on the project
    assertThat(r.getMap("baselineFindings", String.class, Integer.class))
        .containsKey("policy.application-required-attributes");
  }

  @Test
  void sample_ReportsNoFinding_WhenTheProjectIsFixed() {
    // a fixed copy: level 3, single sign-on, an operator, and the national land database instead
    // of its own master copy
    String fixed = "de-xuat-dat-dai-stnmt-sua";
    if (given().get("/api/models/" + fixed).statusCode() == 404) {
      String xml;
      try {
        xml = Files.readString(Path.of(SAMPLE));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      xml =
          xml.replace("identifier=\"" + ID + "\"", "identifier=\"" + fixed + "\"")
              .replace("\"dx-dd-", "\"dx-ddf-")
              .replace(">dx-dd-", ">dx-ddf-")
              .replace(
                  "<property propertyDefinitionRef=\"p-level\"><value xml:lang=\"vi\">2</value>",
                  "<property propertyDefinitionRef=\"p-level\"><value xml:lang=\"vi\">3</value>")
              .replace(
                  "<property propertyDefinitionRef=\"p-users\">",
                  "<property propertyDefinitionRef=\"p-operator\"><value xml:lang=\"vi\">dx-ddf-ref-so-tnmt</value></property>\n"
                      + "        <property propertyDefinitionRef=\"p-sso\"><value xml:lang=\"vi\">true</value></property>\n"
                      + "        <property propertyDefinitionRef=\"p-users\">")
              .replace(
                  "<value xml:lang=\"vi\">sectoral</value></property>\n        <property propertyDefinitionRef=\"p-subject\">",
                  "<value xml:lang=\"vi\">sectoral</value></property>\n        <property propertyDefinitionRef=\"p-subject-x\">")
              .replace(
                  "<propertyDefinition identifier=\"p-kind\"",
                  "<propertyDefinition identifier=\"p-operator\" type=\"string\"><name xml:lang=\"vi\">operator</name></propertyDefinition>\n"
                      + "    <propertyDefinition identifier=\"p-sso\" type=\"boolean\"><name xml:lang=\"vi\">ssoIntegrated</name></propertyDefinition>\n"
                      + "    <propertyDefinition identifier=\"p-subject-x\" type=\"string\"><name xml:lang=\"vi\">Chủ đề</name></propertyDefinition>\n"
                      + "    <propertyDefinition identifier=\"p-kind\"");
      given()
          .contentType("application/xml")
          .body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
          .post("/api/import")
          .then()
          .log()
          .ifValidationFails()
          .statusCode(201);
    }
    JsonPath r =
        given()
            .get("/api/models/" + fixed + "/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(r.getList("findings.rule", String.class))
        .as(String.valueOf(r.getList("findings.messageEn")))
        .isEmpty();
    assertThat(r.getInt("summary.total")).isZero();
  }

  @Test
  void samplePage_IsTheOfficialReport_InVietnameseAndEnglish() {
    given()
        .accept("text/html")
        .get("/models/" + ID + "/compliance")
        .then()
        .statusCode(200)
        .body(containsString("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        .body(containsString("Phần mềm quản lý hồ sơ đất đai"))
        .body(containsString("NĐ 85/2016"))
        .body(containsString("Nền tảng chia sẻ và tích hợp cấp tỉnh"));
    given()
        .accept("text/html")
        .queryParam("lang", "en")
        .get("/models/" + ID + "/compliance")
        .then()
        .statusCode(200)
        .body(containsString("SOCIALIST REPUBLIC OF VIET NAM"))
        .body(containsString("Land records management software"));
  }

  @Test
  void traVinh_Validates_WithOnlyItsKnownFindings() {
    JsonPath r =
        given()
            .get("/api/models/tra-vinh-v1.0/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(r.getString("kind")).isEqualTo("architecture");
    List<String> rules = r.getList("findings.rule");
    // the decision names no owner, operator, level or lifecycle of its applications
    assertThat(rules).contains("policy.application-required-attributes");
    // the two warnings of the model checks (see TraVinhChecksTest)
    assertThat(rules)
        .contains("archimate.duplicate-element", "archimate.viewpoint-element-not-allowed");
    assertThat(rules)
        .doesNotContain("archimate.relationship-not-allowed", "proposal.reference-invalid");
    given()
        .accept("text/html")
        .queryParam("by", "agency")
        .get("/models/tra-vinh-v1.0/compliance")
        .then()
        .statusCode(200)
        .body(containsString("Chưa xác định cơ quan"));
  }
}
