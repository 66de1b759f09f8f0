package vn.eams.appraisal;

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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.eams.accounts.Role;
import vn.eams.accounts.Roles;

/**
 * Appraisal cases through the API: opening with the suggested route and deadline, bad input, the
 * checklist, the dossier, the estimate, the decision and its merge, and who sees what.
 */
@QuarkusTest
class AppraisalApiTest {

  @BeforeEach
  void users() {
    Roles.ensureUsers();
  }

  /** A baseline with one agency, and a proposal of that agency building one application. */
  record Fixture(String baseline, String agency, String proposal, String app) {}

  static Fixture fixture() {
    String b = model(unique("tdbase"), List.of());
    String agency =
        element(
            b,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Nội vụ",
                "specialization", "Agency",
                "profile", Map.of("level", "province")));
    String p =
        model(unique("tdprop"), List.of(prop("eams:kind", "proposal"), prop("eams:baseline", b)));
    String ref =
        element(
            p,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Nội vụ",
                "properties", List.of(prop("eams:ref", agency))));
    String app =
        element(
            p,
            Map.of(
                "type", "ApplicationComponent",
                "name", "Phần mềm quản lý hồ sơ thi đua khen thưởng",
                "specialization", "Application",
                "profile",
                    Map.of(
                        "applicationGroup",
                        "sectoral",
                        "owner",
                        ref,
                        "securityLevel",
                        2,
                        "lifecycle",
                        "target")));
    return new Fixture(b, agency, p, app);
  }

  static JsonPath open(Map<String, Object> body) {
    return send("POST", "/api/appraisal/cases", body).statusCode(201).extract().jsonPath();
  }

  /** Sends the body as JSON with the verb to the path, as the administrator. */
  static ValidatableResponse send(String verb, String path, Object body) {
    return given().contentType(ContentType.JSON).body(body).request(verb, path).then();
  }

  static JsonPath get(long id) {
    return given().get("/api/appraisal/cases/" + id).then().statusCode(200).extract().jsonPath();
  }

  @Test
  void opening_SuggestsTheRouteAndCountsTheDeadlineInWorkingDays() {
    Fixture f = fixture();
    // Recurrent budget of 1.2 billion VND: above 200 million, not above 15 billion → outline and
    // detailed estimate (TT 03/2020), appraised within 15 working days. Received on Monday
    // 2026-11-02; counting from Tuesday 3 November over working days (no holiday in November):
    // 3,4,5,6 (4) · 9..13 (9) · 16..20 (14) · 23 (15) → Monday 2026-11-23.
    JsonPath c =
        open(
            Map.of(
                "proposalId",
                f.proposal(),
                "funding",
                "recurrent",
                "totalVnd",
                1_200_000_000L,
                "receivedOn",
                "2026-11-02"));
    assertThat(c.getString("route.id")).isEqualTo("recurrent-outline");
    assertThat(c.getString("route.suggested")).isEqualTo("recurrent-outline");
    assertThat(c.getString("route.group")).isEmpty();
    assertThat(c.getString("route.ruleset")).startsWith("appraisal-routes-2020@");
    assertThat(c.getString("deadline.date")).isEqualTo("2026-11-23");
    assertThat(c.getInt("deadline.days")).isEqualTo(15);
    assertThat(c.getString("deadline.kind")).isEqualTo("working");
    assertThat(c.getString("deadline.basis")).contains("03/2020");
    // the agency is read from the proposal: the owner of what it builds
    assertThat(c.getString("agencyId")).isEqualTo(f.agency());
    assertThat(c.getString("agencyName")).isEqualTo("Sở Nội vụ");
    assertThat(c.getInt("securityLevel")).isEqualTo(2);
    assertThat(c.getString("status")).isEqualTo("received");
    assertThat(c.getList("history.kind")).containsExactly("opened");
    assertThat(c.getList("checklist.id"))
        .contains("dossier-complete", "connection-sharing", "duplication", "estimate");
    assertThat(c.getList("documents.id")).contains("outline", "detailed-estimate");
  }

  @Test
  void anInvestmentProject_IsGroupedAndOneStep_WithCalendarDays() {
    Fixture f = fixture();
    // 12 billion VND of development investment: group C (< 45 billion), one-step design
    // (≤ 15 billion, BCKTKT); group C is appraised within 10 days (NĐ 73 Điều 21). Received on
    // Friday 2026-11-06: day 10 is Monday 16 November, a working day.
    JsonPath c =
        open(
            Map.of(
                "proposalId",
                f.proposal(),
                "funding",
                "investment",
                "totalVnd",
                12_000_000_000L,
                "receivedOn",
                "2026-11-06"));
    assertThat(c.getString("route.id")).isEqualTo("investment-project");
    assertThat(c.getString("route.group")).isEqualTo("C");
    assertThat(c.getBoolean("route.oneStep")).isTrue();
    assertThat(c.getString("deadline.date")).isEqualTo("2026-11-16");
    assertThat(c.getString("deadline.kind")).isEqualTo("calendar");
  }

  @Test
  void badInput_IsRefusedWithEveryProblem_AndNothingIsStored() {
    Fixture f = fixture();
    int before =
        given()
            .get("/api/appraisal/cases?proposal=" + f.proposal())
            .then()
            .extract()
            .jsonPath()
            .getList("$")
            .size();
    send(
            "POST",
            "/api/appraisal/cases",
            Map.of("proposalId", f.proposal(), "funding", "gift", "totalVnd", -5))
        .statusCode(422)
        .contentType(containsString("application/problem+json"))
        .body("errors.field", hasItem("funding"))
        .body("errors.field", hasItem("totalVnd"));
    send(
            "POST",
            "/api/appraisal/cases",
            Map.of("proposalId", f.baseline(), "funding", "recurrent", "totalVnd", 5))
        .statusCode(422)
        .body("errors.code", hasItem("not-a-proposal"));
    send(
            "POST",
            "/api/appraisal/cases",
            Map.of("proposalId", f.proposal(), "funding", "recurrent", "totalVnd", "lots"))
        .statusCode(400)
        .body("errors.field", hasItem("totalVnd"));
    send("POST", "/api/appraisal/cases", Map.of("proposalId", f.proposal(), "fundng", "recurrent"))
        .statusCode(400)
        .body("errors.code", hasItem("unknown-field"));
    send(
            "POST",
            "/api/appraisal/cases",
            Map.of(
                "proposalId",
                f.proposal(),
                "funding",
                "recurrent",
                "totalVnd",
                1_000_000_000L,
                "routeId",
                "no-such-route"))
        .statusCode(422)
        .body("errors.code", hasItem("unknown-route"));
    // a security-level dossier needs a level, from the request or from what the proposal builds;
    // a proposal that builds nothing declares none
    String bare =
        model(
            unique("tdbare"),
            List.of(prop("eams:kind", "proposal"), prop("eams:baseline", f.baseline())));
    send(
            "POST",
            "/api/appraisal/cases",
            Map.of(
                "proposalId", bare, "agencyId", f.agency(), "funding", "security", "totalVnd", 0))
        .statusCode(422)
        .body("errors.field", hasItem("securityLevel"));
    int after =
        given()
            .get("/api/appraisal/cases?proposal=" + f.proposal())
            .then()
            .extract()
            .jsonPath()
            .getList("$")
            .size();
    assertThat(after).isEqualTo(before);
    given().get("/api/appraisal/cases/987654321").then().statusCode(404);
  }

  private static long openRecurrent(Fixture f) {
    return open(Map.of(
            "proposalId",
            f.proposal(),
            "funding",
            "recurrent",
            "totalVnd",
            1_200_000_000L,
            "benefitVnd",
            300_000_000L))
        .getLong("id");
  }

  @Test
  void dossierFiles_AreVersioned_AndCheckedForTypeAndSlot() {
    long id = openRecurrent(fixture());
    byte[] pdf = "%PDF-1.4 đề cương".getBytes(StandardCharsets.UTF_8);
    given()
        .multiPart("file", "de-cuong.pdf", pdf, "application/pdf")
        .post("/api/appraisal/cases/" + id + "/documents/outline")
        .then()
        .statusCode(201)
        .body("revision", equalTo(1));
    given()
        .multiPart("file", "de-cuong-v2.pdf", pdf, "application/pdf")
        .post("/api/appraisal/cases/" + id + "/documents/outline")
        .then()
        .statusCode(201)
        .body("revision", equalTo(2));
    given()
        .multiPart("file", "virus.exe", pdf, "application/octet-stream")
        .post("/api/appraisal/cases/" + id + "/documents/outline")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("file-type-not-accepted"));
    given()
        .multiPart("file", "x.pdf", pdf, "application/pdf")
        .post("/api/appraisal/cases/" + id + "/documents/no-such-slot")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("unknown-slot"));
    byte[] back =
        given()
            .get("/api/appraisal/cases/" + id + "/documents/outline/1")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(back).isEqualTo(pdf);
    JsonPath c = get(id);
    assertThat(c.getList("documents.find { it.id == 'outline' }.revisions.revision"))
        .containsExactly(1, 2);
    assertThat(c.getList("history.kind")).contains("document");
  }

  @Test
  void checklist_TakesTheReviewersVerdict_AndAFailNeedsAComment() {
    long id = openRecurrent(fixture());
    JsonPath c = get(id);
    // the dossier item is judged automatically: nothing filed yet, so it fails with the list
    Map<String, Object> dossier = c.getMap("checklist.find { it.id == 'dossier-complete' }");
    assertThat(dossier.get("auto")).isEqualTo(true);
    assertThat(dossier.get("autoVerdict")).isEqualTo("fail");
    assertThat((String) dossier.get("evidenceVi")).startsWith("Thiếu:");
    send("PUT", "/api/appraisal/cases/" + id + "/checklist/plan-fit", Map.of("verdict", "fail"))
        .statusCode(422)
        .body("errors.field", hasItem("comment"));
    send("PUT", "/api/appraisal/cases/" + id + "/checklist/plan-fit", Map.of("verdict", "maybe"))
        .statusCode(422)
        .body("errors.field", hasItem("verdict"));
    send(
            "PUT",
            "/api/appraisal/cases/" + id + "/checklist/no-such-item",
            Map.of("verdict", "pass", "comment", "Có trong kế hoạch ứng dụng CNTT năm 2026"))
        .statusCode(422)
        .body("errors.code", hasItem("unknown-item"));
    JsonPath after =
        send(
                "PUT",
                "/api/appraisal/cases/" + id + "/checklist/plan-fit",
                Map.of("verdict", "pass", "comment", "Có trong kế hoạch ứng dụng CNTT năm 2026"))
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> item = after.getMap("checklist.find { it.id == 'plan-fit' }");
    assertThat(item.get("verdict")).isEqualTo("pass");
    assertThat(item.get("reviewedBy")).isEqualTo("admin");
    assertThat(after.getString("status")).isEqualTo("in-review");
  }

  static Map<String, Object> ucp() {
    Map<String, Object> in = new HashMap<>();
    in.put("actors", Map.of("simple", 1, "average", 1, "complex", 1));
    in.put(
        "useCases",
        List.of(
            Map.of("name", "Tiếp nhận hồ sơ", "class", "B", "transactions", 3),
            Map.of("name", "Xét duyệt", "class", "M", "transactions", 5)));
    Map<String, Integer> technical = new HashMap<>();
    for (int i = 1; i <= 13; i++) {
      technical.put("T" + i, 3);
    }
    Map<String, Integer> environmental = new HashMap<>();
    for (int i = 1; i <= 8; i++) {
      environmental.put("E" + i, 3);
    }
    in.put("technicalFactors", technical);
    in.put("environmentalFactors", environmental);
    in.put("hourlyCostVnd", 100_000);
    return in;
  }

  @Test
  void approval_NeedsEveryItemJudged_ThenMergesTheProposal_AndWritesTheOpinion() {
    Fixture f = fixture();
    long id = openRecurrent(f);
    send("PUT", "/api/appraisal/cases/" + id + "/estimate", Map.of("ucp", ucp()))
        .statusCode(200)
        .body("estimate.ruleSet.id", equalTo("ucp-cv2589-2011"))
        .body("estimate.totalVnd", not(equalTo(null)));
    // approving with items not judged or failing is refused, each item named
    send(
            "POST",
            "/api/appraisal/cases/" + id + "/decision",
            Map.of("decision", "approve", "reasons", "Đạt yêu cầu"))
        .statusCode(422)
        .body("errors.field", hasItem("checklist.dossier-complete"))
        .body("errors.field", hasItem("checklist.plan-fit"));
    send(
            "POST",
            "/api/appraisal/cases/" + id + "/decision",
            Map.of("decision", "approve-with-conditions", "reasons", "Đạt"))
        .statusCode(422)
        .body("errors.field", hasItem("conditions"));
    JsonPath c = get(id);
    for (Object item : c.getList("checklist.id")) {
      send(
              "PUT",
              "/api/appraisal/cases/" + id + "/checklist/" + item,
              Map.of("verdict", "pass", "comment", "Đã xem xét"))
          .statusCode(200);
    }
    long version = get(id).getLong("version");
    JsonPath decided =
        send(
                "POST",
                "/api/appraisal/cases/" + id + "/decision",
                Map.of(
                    "decision",
                    "approve-with-conditions",
                    "reasons",
                    "Phù hợp Kiến trúc Chính quyền điện tử của tỉnh.",
                    "conditions",
                    List.of("Kết nối qua nền tảng LGSP trước khi nghiệm thu."),
                    "version",
                    version))
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(decided.getString("status")).isEqualTo("approved-with-conditions");
    assertThat(decided.getLong("mergedSeq")).isPositive();
    assertThat(decided.getList("history.kind")).contains("decided", "merged");
    // the checklist and the duplication search are kept as the decision saw them: judged again
    // after the merge, the project would duplicate itself in the baseline
    assertThat(decided.getString("judgedAt")).isNotNull();
    assertThat(decided.getList("checklist.verdict")).containsOnly("pass");
    assertThat(decided.getList("duplication.modelId")).doesNotContain(f.baseline());
    // the proposal's application is now in the baseline, marked with its proposal
    String merged =
        given()
            .get("/api/models/" + f.baseline() + "/elements?type=ApplicationComponent")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(merged).contains("Phần mềm quản lý hồ sơ thi đua khen thưởng");
    // a closed case does not change
    send(
            "POST",
            "/api/appraisal/cases/" + id + "/decision",
            Map.of("decision", "reject", "reasons", "x"))
        .statusCode(409)
        .body("type", containsString("case-closed"));
    // the opinion cites the route's articles, the conditions and the reviewer
    String html =
        given()
            .get("/appraisal/cases/" + id + "/opinion")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(html)
        .contains("Thông qua có điều kiện")
        .contains("Kết nối qua nền tảng LGSP trước khi nghiệm thu.")
        .contains("03/2020")
        .contains("Sở Nội vụ")
        .doesNotContain("DỰ THẢO");
  }

  @Test
  void rejection_NeedsReasons_AndMergesNothing() {
    Fixture f = fixture();
    long id = openRecurrent(f);
    send("POST", "/api/appraisal/cases/" + id + "/decision", Map.of("decision", "reject"))
        .statusCode(422)
        .body("errors.field", hasItem("reasons"));
    JsonPath c =
        send(
                "POST",
                "/api/appraisal/cases/" + id + "/decision",
                Map.of("decision", "reject", "reasons", "Trùng lặp với hệ thống sẵn có."))
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(c.getString("status")).isEqualTo("rejected");
    assertThat(c.get("mergedSeq") == null).isTrue();
    given()
        .get("/api/models/" + f.baseline() + "/elements?type=ApplicationComponent")
        .then()
        .statusCode(200)
        .body(not(containsString("thi đua khen thưởng")));
  }

  private static RequestSpecification as(Role role) {
    return given().auth().preemptive().basic(Roles.username(role), Roles.password(role));
  }

  @Test
  void aDepartment_FollowsItsOwnAgencysCasesOnly() {
    // the department test user is bound to tv-agency-so-tttt of the shipped Trà Vinh model
    String p =
        model(
            unique("tdtv"),
            List.of(prop("eams:kind", "proposal"), prop("eams:baseline", "tra-vinh-v1.0")));
    JsonPath own =
        as(Role.DEPARTMENT)
            .contentType(ContentType.JSON)
            .body(Map.of("proposalId", p, "funding", "lease", "totalVnd", 900_000_000L))
            .post("/api/appraisal/cases")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertThat(own.getString("agencyId")).isEqualTo("tv-agency-so-tttt");
    assertThat(own.getString("route.id")).isEqualTo("lease-plan");
    long other =
        open(Map.of(
                "proposalId",
                p,
                "agencyId",
                "tv-agency-so-tnmt",
                "funding",
                "lease",
                "totalVnd",
                900_000_000L))
            .getLong("id");
    List<Integer> seen =
        as(Role.DEPARTMENT).get("/api/appraisal/cases").then().statusCode(200).extract().path("id");
    assertThat(seen).contains(own.getInt("id")).doesNotContain((int) other);
    as(Role.DEPARTMENT).get("/api/appraisal/cases/" + other).then().statusCode(404);
    // a department may not open a case for another agency, nor assign or decide
    as(Role.DEPARTMENT)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "proposalId",
                p,
                "agencyId",
                "tv-agency-so-tnmt",
                "funding",
                "lease",
                "totalVnd",
                900_000_000L))
        .post("/api/appraisal/cases")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("not-your-agency"));
    as(Role.DEPARTMENT)
        .contentType(ContentType.JSON)
        .body(Map.of("decision", "reject", "reasons", "x"))
        .post("/api/appraisal/cases/" + own.getLong("id") + "/decision")
        .then()
        .statusCode(403);
    // it may withdraw its own case
    as(Role.DEPARTMENT)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "Điều chỉnh phạm vi dự án"))
        .post("/api/appraisal/cases/" + own.getLong("id") + "/withdraw")
        .then()
        .statusCode(200)
        .body("status", equalTo("withdrawn"));
    // viewers and architects have no appraisal cases at all
    as(Role.VIEWER).get("/api/appraisal/cases").then().statusCode(403);
  }

  @Test
  void aDepartmentsOwnOneStopSystem_FailsTheDuplicationItem_NamingTheProvincialOne() {
    String p =
        model(
            unique("tdmc"),
            List.of(prop("eams:kind", "proposal"), prop("eams:baseline", "tra-vinh-v1.0")));
    String ref =
        element(
            p,
            Map.of(
                "type", "BusinessActor",
                "name", "Sở Thông tin và Truyền thông",
                "properties", List.of(prop("eams:ref", "tv-agency-so-tttt"))));
    element(
        p,
        Map.of(
            "type", "ApplicationComponent",
            "name", "Hệ thống một cửa điện tử",
            "specialization", "Application",
            "profile", Map.of("applicationGroup", "business", "owner", ref)));
    JsonPath c = open(Map.of("proposalId", p, "funding", "recurrent", "totalVnd", 3_000_000_000L));
    Map<String, Object> item = c.getMap("checklist.find { it.id == 'duplication' }");
    assertThat(item.get("autoVerdict")).isEqualTo("fail");
    assertThat(String.valueOf(item.get("conceptIds"))).contains("tv-app-05");
    assertThat((String) item.get("evidenceVi")).contains("Một cửa điện tử");
    // the provincial one-stop system ranks first, to be reused; the whole build cost is the
    // one application's share, and reuse saves 80 % of it (duplication-2026 rule-set)
    assertThat(c.getString("duplication[0].candidateId")).isEqualTo("tv-app-05");
    assertThat(c.getString("duplication[0].suggestion.code")).isEqualTo("reuse");
    assertThat(c.getLong("duplication[0].estimatedSavingVnd")).isEqualTo(2_400_000_000L);
  }

  @Test
  void theSampleProposal_FailsConformanceConnectionAndDuplication_WithTheirEvidence()
      throws java.io.IOException {
    String id = "de-xuat-dat-dai-stnmt";
    if (given().get("/api/models/" + id).statusCode() == 404) {
      given()
          .contentType("application/xml")
          .body(
              java.nio.file.Files.readAllBytes(
                  java.nio.file.Path.of("import/samples/de-xuat-phan-mem-ho-so-dat-dai.xml")))
          .post("/api/import")
          .then()
          .statusCode(201);
    }
    // the outline route has no security item: the security-level violation (a public-facing
    // system with personal data of 120 000 people declared at level 2) counts for conformance
    JsonPath c = open(Map.of("proposalId", id, "funding", "recurrent", "totalVnd", 2_400_000_000L));
    assertThat(c.getString("agencyId")).isEqualTo("tv-agency-so-tnmt");
    assertThat(c.getList("checklist.id")).doesNotContain("security-level");
    Map<String, Object> conformance =
        c.getMap("checklist.find { it.id == 'architecture-conformance' }");
    assertThat(conformance.get("autoVerdict")).isEqualTo("fail");
    assertThat((String) conformance.get("evidenceEn")).contains("level");
    Map<String, Object> connection = c.getMap("checklist.find { it.id == 'connection-sharing' }");
    assertThat(connection.get("autoVerdict")).isEqualTo("fail");
    Map<String, Object> duplication = c.getMap("checklist.find { it.id == 'duplication' }");
    assertThat(duplication.get("autoVerdict")).isEqualTo("fail");
    assertThat(String.valueOf(duplication.get("conceptIds"))).contains("tv-db-national-03");
  }

  @Test
  void portfolio_RanksOpenCases_AndSelectsUnderTheBudget() {
    Fixture f = fixture();
    long a = openRecurrent(f);
    JsonPath p =
        given()
            .get("/api/appraisal/portfolio?budget=1500000000")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(p.getList("ranking.id", Long.class)).contains(a);
    assertThat(p.getString("selection.method")).isNotBlank();
    assertThat(p.getLong("selection.availableVnd")).isLessThanOrEqualTo(1_500_000_000L);
    assertThat(p.getList("byStatus.key")).isNotEmpty();
    given().get("/api/appraisal/portfolio?budget=lots").then().statusCode(400);
    as(Role.DEPARTMENT).get("/api/appraisal/portfolio").then().statusCode(403);
  }

  @Test
  void pages_ShowTheCaseAndItsOpinionDraft() {
    long id = openRecurrent(fixture());
    String page = given().get("/appraisal/cases/" + id).then().statusCode(200).extract().asString();
    assertThat(page)
        .contains("Nội dung thẩm định")
        .contains("Thành phần hồ sơ")
        .contains("Mô hình tdprop");
    String list = given().get("/appraisal").then().statusCode(200).extract().asString();
    assertThat(list).contains("/appraisal/cases/" + id);
    String opinion =
        given()
            .get("/appraisal/cases/" + id + "/opinion")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(opinion).contains("DỰ THẢO").contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    given().get("/appraisal/portfolio?budget=2000000000").then().statusCode(200);
  }
}
