package vn.eams.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.eams.compliance.ModelApi.element;
import static vn.eams.compliance.ModelApi.model;
import static vn.eams.compliance.ModelApi.prop;
import static vn.eams.compliance.ModelApi.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Proposals over a baseline: kind rules, the compliance report, the merge (issue #9). */
@QuarkusTest
class ProposalApiTest {

  private static String relationship(String model, String type, String source, String target) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("type", type, "sourceId", source, "targetId", target))
        .post("/api/models/" + model + "/relationships")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static io.restassured.response.ValidatableResponse merge(String proposal, Object body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/models/" + proposal + "/compliance/merge")
        .then();
  }

  private static long checkedSeq(String proposal) {
    return given()
        .get("/api/models/" + proposal + "/compliance")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("seq");
  }

  /** A baseline with an agency and the provincial LGSP, and a proposal that uses both. */
  private record Fixture(
      String baseline,
      String agency,
      String lgsp,
      String proposal,
      String app,
      String flow,
      String agencyRef) {}

  private static Fixture fixture() {
    String b = model(unique("base"), List.of());
    String agency =
        element(
            b,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Tài nguyên và Môi trường",
                "specialization", "Agency",
                "profile", Map.of("level", "province")));
    String lgsp =
        element(
            b,
            Map.of(
                "type", "ApplicationComponent",
                "name", "Nền tảng chia sẻ và tích hợp cấp tỉnh",
                "specialization", "Platform",
                "profile", Map.of("tier", "provincial")));
    String p =
        model(unique("prop"), List.of(prop("eams:kind", "proposal"), prop("eams:baseline", b)));
    String agencyRef =
        element(
            p,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Tài nguyên và Môi trường",
                "properties", List.of(prop("eams:ref", agency))));
    String lgspRef =
        element(
            p,
            Map.of(
                "type", "ApplicationComponent",
                "name", "LGSP",
                "properties", List.of(prop("eams:ref", lgsp), prop("eams:use", "integrate"))));
    String app =
        element(
            p,
            Map.of(
                "type",
                "ApplicationComponent",
                "name",
                "Phần mềm quản lý hồ sơ đất đai " + p,
                "specialization",
                "Application",
                "profile",
                Map.of("applicationGroup", "sectoral", "owner", agencyRef)));
    String flow = relationship(p, "Flow", app, lgspRef);
    return new Fixture(b, agency, lgsp, p, app, flow, agencyRef);
  }

  @Test
  void createModel_Rejects422_WhenBaselineUnknown() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "id", unique("prop"),
                "name", "Đề xuất",
                "properties",
                    List.of(prop("eams:kind", "proposal"), prop("eams:baseline", "no-such-model"))))
        .post("/api/models")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.code", hasItem("unknown-baseline"));
  }

  @Test
  void createModel_Rejects422_WhenKindUnknownOrBaselineMissingOrAProposal() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "id", unique("m"), "name", "X", "properties", List.of(prop("eams:kind", "plan"))))
        .post("/api/models")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("invalid-kind"));
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "id",
                unique("m"),
                "name",
                "X",
                "properties",
                List.of(prop("eams:kind", "proposal"))))
        .post("/api/models")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("baseline-required"));
    Fixture f = fixture();
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "id", unique("m"),
                "name", "X",
                "properties",
                    List.of(prop("eams:kind", "proposal"), prop("eams:baseline", f.proposal()))))
        .post("/api/models")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("invalid-baseline"));
  }

  @Test
  void report_ListsProposalFindingsAndUses_WhenProposalReferencesBaseline() {
    Fixture f = fixture();
    JsonPath r =
        given()
            .get("/api/models/" + f.proposal() + "/compliance")
            .then()
            .statusCode(200)
            .body("kind", equalTo("proposal"))
            .body("baseline.id", equalTo(f.baseline()))
            .extract()
            .jsonPath();
    List<String> rules = r.getList("findings.rule");
    // the new application lacks an operator, a security level and a lifecycle status
    assertThat(rules).contains("policy.application-required-attributes");
    List<List<String>> ids = r.getList("findings.concepts.id");
    // every finding involves something the proposal builds
    for (int i = 0; i < ids.size(); i++) {
      List<Boolean> proposed = r.getList("findings[" + i + "].concepts.proposed");
      assertThat(proposed).as("finding %s", ids.get(i)).contains(true);
    }
    // the owner named through the stand-in is the baseline agency
    assertThat(
            r.getString(
                "findings.find { it.rule == 'policy.application-required-attributes' }.agencyId"))
        .isEqualTo(f.agency());
    assertThat(r.getList("uses.element.id", String.class)).contains(f.lgsp(), f.agency());
    assertThat(r.getString("uses.find { it.element.id == '" + f.lgsp() + "' }.use"))
        .isEqualTo("integrate");
    assertThat(
            r.getList(
                "uses.find { it.element.id == '" + f.lgsp() + "' }.relationships", String.class))
        .containsExactly(f.flow());
    // the baseline's own findings are counted apart
    assertThat(r.getMap("baselineFindings")).isNotNull();
  }

  @Test
  void report_ReportsInvalidReference_WhenStandInNamesNoBaselineElement() {
    Fixture f = fixture();
    String broken =
        element(
            f.proposal(),
            Map.of(
                "type", "ApplicationComponent",
                "name", "Hệ thống không có",
                "properties", List.of(prop("eams:ref", "no-such-element"))));
    String wrongType =
        element(
            f.proposal(),
            Map.of(
                "type", "Node",
                "name", "Sai loại",
                "properties", List.of(prop("eams:ref", f.lgsp()))));
    JsonPath r =
        given()
            .get("/api/models/" + f.proposal() + "/compliance")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> refs =
        r.getList("findings.findAll { it.rule == 'proposal.reference-invalid' }");
    assertThat(refs).hasSize(2);
    assertThat(
            r.getList(
                "findings.findAll { it.rule == 'proposal.reference-invalid' }.collect { it.concepts[0].id }",
                String.class))
        .containsExactlyInAnyOrder(broken, wrongType);
    // a broken proposal does not merge
    merge(f.proposal(), "{}").statusCode(422).body("errors.code", hasItem("invalid-reference"));
  }

  @Test
  void merge_CopiesProposalIntoBaselineOnce_WhenApproved() {
    Fixture f = fixture();
    long seq = checkedSeq(f.proposal());
    JsonPath m =
        merge(f.proposal(), Map.of("checkedSeq", seq))
            .statusCode(200)
            .body("baselineId", equalTo(f.baseline()))
            .extract()
            .jsonPath();
    String appCopy = m.getString("ids.'" + f.app() + "'");
    String flowCopy = m.getString("ids.'" + f.flow() + "'");
    assertThat(appCopy).isNotBlank().isNotEqualTo(f.app());
    // stand-ins are not copied: the baseline's own elements are used
    assertThat(m.getMap("ids")).doesNotContainKey(f.agencyRef());
    given()
        .get("/api/models/" + f.baseline() + "/elements/" + appCopy)
        .then()
        .statusCode(200)
        .body("modelId", equalTo(f.baseline()))
        .body("profile.owner", equalTo(f.agency()))
        .body("properties.key", hasItem("eams:proposal"));
    given()
        .get("/api/models/" + f.baseline() + "/relationships/" + flowCopy)
        .then()
        .statusCode(200)
        .body("sourceId", equalTo(appCopy))
        .body("targetId", equalTo(f.lgsp()));
    // the proposal is kept as it was
    given().get("/api/models/" + f.proposal() + "/elements/" + f.app()).then().statusCode(200);
    merge(f.proposal(), "{}").statusCode(409).body("errors.code", hasItem("already-merged"));
  }

  @Test
  void merge_Refuses409_WhenProposalChangedAfterCheck() {
    Fixture f = fixture();
    long seq = checkedSeq(f.proposal());
    element(f.proposal(), Map.of("type", "DataObject", "name", "Hồ sơ địa chính"));
    merge(f.proposal(), Map.of("checkedSeq", seq))
        .statusCode(409)
        .body("errors.code", hasItem("stale-proposal"));
    given()
        .get("/api/models/" + f.baseline() + "/elements")
        .then()
        .body("items.name", not(hasItem("Hồ sơ địa chính")));
  }

  @Test
  void merge_Rejects_WhenNotAProposalOrPlateauUnknownOrBodyBad() {
    Fixture f = fixture();
    merge(f.baseline(), "{}").statusCode(422).body("errors.code", hasItem("not-a-proposal"));
    merge(f.proposal(), Map.of("plateauId", f.lgsp()))
        .statusCode(422)
        .body("errors.code", hasItem("unknown-plateau"));
    merge(f.proposal(), Map.of("checkedSeq", "yesterday"))
        .statusCode(400)
        .body("errors.code", hasItem("invalid-value"));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/models/no-such-model/compliance/merge")
        .then()
        .statusCode(404);
  }

  @Test
  void merge_AggregatesNewElementsUnderPlateau_WhenPlateauGiven() {
    Fixture f = fixture();
    String plateau =
        element(f.baseline(), Map.of("type", "Plateau", "name", "Kiến trúc mục tiêu 2025"));
    String appCopy =
        merge(f.proposal(), Map.of("plateauId", plateau))
            .statusCode(200)
            .extract()
            .path("ids.'" + f.app() + "'");
    given()
        .queryParam("source", plateau)
        .get("/api/models/" + f.baseline() + "/relationships")
        .then()
        .statusCode(200)
        .body("items.targetId", hasItem(appCopy));
  }

  @Test
  void compliancePage_ShowsOfficialReport_WhenModelIsProposal() {
    Fixture f = fixture();
    given()
        .accept("text/html")
        .get("/models/" + f.proposal() + "/compliance")
        .then()
        .statusCode(200)
        .body(containsString("BÁO CÁO KẾT QUẢ KIỂM TRA SỰ PHÙ HỢP"))
        .body(containsString("Phần mềm quản lý hồ sơ đất đai"))
        .body(containsString("Nền tảng chia sẻ và tích hợp cấp tỉnh"));
    given()
        .accept("text/html")
        .queryParam("by", "agency")
        .queryParam("lang", "en")
        .get("/models/" + f.proposal() + "/compliance")
        .then()
        .statusCode(200)
        .body(containsString("REPORT ON THE CONFORMANCE"))
        .body(containsString("Sở Tài nguyên và Môi trường"));
    given().accept("text/html").get("/models/no-such-model/compliance").then().statusCode(404);
  }

  @Test
  void rules_ListsChecksAndPolicies_AndReloadKeepsThem() {
    List<String> ids =
        given()
            .get("/api/compliance/rules")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id");
    assertThat(ids)
        .contains(
            "archimate.relationship-not-allowed",
            "proposal.reference-invalid",
            "policy.integration-via-platform");
    given()
        .post("/api/compliance/rules/reload")
        .then()
        .statusCode(200)
        .body(
            "policyRules",
            equalTo((int) ids.stream().filter(i -> i.startsWith("policy.")).count()));
  }

  @Test
  void report_ReportsDirectExchange_WhenProposalLinksTwoAgenciesSystemsWithoutThePlatform() {
    String b = model(unique("base"), List.of());
    String stp =
        element(
            b,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Tư pháp",
                "specialization", "Agency",
                "profile", Map.of("level", "province")));
    String tnmt =
        element(
            b,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Tài nguyên và Môi trường",
                "specialization", "Agency",
                "profile", Map.of("level", "province")));
    String hotich =
        element(
            b,
            Map.of(
                "type", "ApplicationComponent",
                "name", "Phần mềm hộ tịch",
                "specialization", "Application",
                "profile", Map.of("applicationGroup", "sectoral", "owner", stp)));
    String datdai =
        element(
            b,
            Map.of(
                "type", "ApplicationComponent",
                "name", "Phần mềm đất đai",
                "specialization", "Application",
                "profile", Map.of("applicationGroup", "sectoral", "owner", tnmt)));
    String p =
        model(unique("prop"), List.of(prop("eams:kind", "proposal"), prop("eams:baseline", b)));
    // the proposal links the two existing systems straight, by their ids in the baseline
    String flow = relationship(p, "Flow", hotich, datdai);
    JsonPath r =
        given().get("/api/models/" + p + "/compliance").then().statusCode(200).extract().jsonPath();
    // the exchange (an error) and the new relationship drawn in no view (information)
    assertThat(r.getList("findings.rule", String.class))
        .containsExactly("policy.integration-via-platform", "archimate.relationship-in-no-view");
    assertThat(r.getList("findings[0].concepts.id", String.class))
        .containsExactly(hotich, datdai, flow);
    assertThat(r.getList("findings[0].concepts.proposed", Boolean.class))
        .containsExactly(false, false, true);
    assertThat(r.getString("uses.find { it.element.id == '" + hotich + "' }.use"))
        .isEqualTo("integrate");
  }
}
