package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.compliance.ModelFixture.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks of the vn-egov profile on hand-built models. */
class ProfileChecksTest {

  static final String REQUIRED = "profile.required-property-missing";
  static final String RANGE = "profile.value-out-of-range";
  static final String DATES = "profile.invalid-validity-dates";
  static final String CYCLE = "profile.successor-cycle";

  @Test
  void requiredPropertyMissing_ReportsViolation_WhenAnAgencyHasNoLevel() {
    List<Finding> findings =
        model()
            .specialized("a", "BusinessActor", "Sở Tư pháp", "Agency", Map.of("isItUnit", false))
            .specialized("b", "BusinessActor", "Sở Tài chính", "Agency", Map.of("level", " "))
            .findings(REQUIRED);

    assertThat(findings)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("a"), List.of("b"));
    assertThat(findings.get(0).messageVi())
        .isEqualTo(
            "Phần tử 'Sở Tư pháp' (a) thuộc chuyên biệt hóa 'Cơ quan, đơn vị' chưa có giá trị cho"
                + " thuộc tính bắt buộc 'Cấp (trung ương / tỉnh / huyện / xã)' (level). Hãy nhập"
                + " giá trị trong phần thuộc tính của phần tử.");
    assertThat(findings.get(0).messageEn())
        .contains("'Level (central / province / district / commune)' (level)");
  }

  @Test
  void requiredPropertyMissing_ReportsNothing_WhenRequiredValuesAreGiven() {
    assertThat(
            model()
                .specialized("a", "BusinessActor", "Sở", "Agency", Map.of("level", "province"))
                .specialized(
                    "p", "ApplicationComponent", "LGSP", "Platform", Map.of("tier", "provincial"))
                .specialized("u", "BusinessRole", "Công dân", "UserGroup", Map.of())
                .element("x", "BusinessActor", "Không chuyên biệt hóa")
                .findings(REQUIRED))
        .isEmpty();
  }

  @Test
  void valueOutOfRange_ReportsViolation_WhenValuesAreOutOfRangeNotListedOrUndeclared() {
    List<Finding> findings =
        model()
            .specialized(
                "app",
                "ApplicationComponent",
                "Một cửa",
                "Application",
                Map.of(
                    "applicationGroup", "business",
                    "securityLevel", 7L,
                    "lifecycle", "old",
                    "colour", "red"))
            .findings(RANGE);

    assertThat(findings).hasSize(3);
    assertThat(findings).allSatisfy(f -> assertThat(f.conceptIds()).containsExactly("app"));
    assertThat(findings)
        .extracting(Finding::messageVi)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith("Phần tử 'Một cửa' (app) (Ứng dụng, hệ thống thông tin):")
                    .contains(
                        "(securityLevel) phải nằm trong khoảng từ 1 đến 5; giá trị hiện tại là 7"))
        .anySatisfy(m -> assertThat(m).contains("(lifecycle) phải là một trong: current,"))
        .anySatisfy(m -> assertThat(m).contains("Thuộc tính 'colour' không thuộc chuyên biệt hóa"));
  }

  @Test
  void valueOutOfRange_ReportsViolation_WhenAnElementPropertyNamesAMissingOrWrongElement() {
    List<Finding> findings =
        model()
            .specialized(
                "app",
                "ApplicationComponent",
                "Một cửa",
                "Application",
                Map.of("applicationGroup", "business", "owner", "lgsp", "operator", "gone"))
            .specialized(
                "lgsp", "ApplicationComponent", "LGSP", "Platform", Map.of("tier", "provincial"))
            .findings(RANGE);

    assertThat(findings)
        .extracting(Finding::conceptIds)
        .containsExactlyInAnyOrder(List.of("app", "lgsp"), List.of("app"));
    assertThat(findings)
        .extracting(Finding::messageEn)
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "Property 'Owning agency (chủ quản)' (owner) refers to 'LGSP' (lgsp) of"
                            + " type ApplicationComponent, but takes only elements of type"
                            + " BusinessActor"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "Property 'Operating unit' (operator) refers to 'gone', which is no"
                            + " element of the model"));
  }

  @Test
  void valueOutOfRange_ReportsNothing_WhenValuesAreValidAsStoredOrReadBackFromNeo4j() {
    assertThat(
            model()
                .specialized("so", "BusinessActor", "Sở", "Agency", Map.of("level", "province"))
                .specialized(
                    "app",
                    "ApplicationComponent",
                    "Một cửa",
                    "Application",
                    Map.of(
                        "applicationGroup", "business",
                        "securityLevel", 3L,
                        "owner", "so",
                        "goLiveDate", "2021-06-30"))
                // decimals come back from Neo4j as Double, dates as ISO text or LocalDate
                .specialized(
                    "tthc",
                    "BusinessProcess",
                    "Đăng ký khai sinh",
                    "AdministrativeProcedure",
                    Map.of("fee", 12500.0, "onlineServiceLevel", 4L, "processingAgency", "so"))
                .specialized(
                    "tthc2",
                    "BusinessProcess",
                    "Đăng ký kết hôn",
                    "AdministrativeProcedure",
                    Map.of("fee", new BigDecimal("0")))
                .specialized(
                    "qd",
                    "Constraint",
                    "Quyết định 1",
                    "LegalDocument",
                    Map.of("documentType", "decision", "issuedOn", LocalDate.of(2019, 5, 2)))
                .findings(RANGE))
        .isEmpty();
  }

  @Test
  void invalidValidityDates_ReportsViolation_WhenPeriodsEndBeforeTheyStart() {
    List<Finding> findings =
        model()
            .valid(
                "a", "BusinessActor", "Sở cũ", LocalDate.of(2025, 7, 1), LocalDate.of(2020, 1, 1))
            .specialized(
                "qd",
                "Constraint",
                "Quyết định 2",
                "LegalDocument",
                Map.of(
                    "documentType", "decision",
                    "effectiveFrom", "2025-01-01",
                    "effectiveTo", "2024-12-31"))
            .specialized(
                "gd",
                "WorkPackage",
                "Giai đoạn 2",
                "RoadmapPhase",
                Map.of("phaseNumber", 2L, "startYear", 2025L, "endYear", 2021L))
            .findings(DATES);

    assertThat(findings)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("a"), List.of("gd"), List.of("qd"));
    assertThat(findings.get(0).messageEn())
        .isEqualTo(
            "The element 'Sở cũ' (a) has validFrom 2025-07-01, later than validTo 2020-01-01."
                + " Correct one of them so that the start is not later than the end.");
    assertThat(findings.get(1).messageVi())
        .startsWith(
            "Phần tử 'Giai đoạn 2' (gd) có 'Năm bắt đầu' (startYear) là 2025, muộn hơn 'Năm kết"
                + " thúc' (endYear) là 2021.");
    assertThat(findings.get(2).messageVi())
        .contains("'Ngày có hiệu lực' (effectiveFrom) là 2025-01-01");
  }

  @Test
  void invalidValidityDates_ReportsNothing_WhenPeriodsAreInOrderOrOpen() {
    assertThat(
            model()
                .valid(
                    "a", "BusinessActor", "Sở", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1))
                .valid("b", "BusinessActor", "Huyện", LocalDate.of(2025, 1, 1), null)
                .specialized(
                    "qd",
                    "Constraint",
                    "Quyết định",
                    "LegalDocument",
                    Map.of(
                        "documentType", "decision",
                        "effectiveFrom", LocalDate.of(2019, 1, 1),
                        "effectiveTo", "2030-12-31"))
                .specialized(
                    "gd",
                    "WorkPackage",
                    "Giai đoạn 1",
                    "RoadmapPhase",
                    Map.of("phaseNumber", 1L, "startYear", 2018L, "endYear", 2020L))
                .specialized(
                    "gd2", "WorkPackage", "Giai đoạn 3", "RoadmapPhase", Map.of("startYear", 2022L))
                .findings(DATES))
        .isEmpty();
  }

  @Test
  void successorCycle_ReportsViolation_OncePerCycleIncludingSelfSuccession() {
    List<Finding> findings =
        model()
            .specialized("c", "BusinessActor", "Sở C", "Agency", Map.of("successor", "a"))
            .specialized("a", "BusinessActor", "Sở A", "Agency", Map.of("successor", "b"))
            .specialized("b", "BusinessActor", "Sở B", "Agency", Map.of("successor", "c"))
            .specialized("x", "BusinessActor", "Sở X", "Agency", Map.of("successor", "a"))
            .specialized("s", "BusinessActor", "Sở S", "Agency", Map.of("successor", "s"))
            .findings(CYCLE);

    assertThat(findings)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("a", "b", "c"), List.of("s"));
    assertThat(findings.get(0).messageVi())
        .isEqualTo(
            "Cơ quan kế thừa tạo thành vòng lặp: 'Sở A' (a) → 'Sở B' (b) → 'Sở C' (c) → 'Sở A'"
                + " (a). Hãy sửa thuộc tính cơ quan kế thừa (successor) của 'Sở A' (a) hoặc của"
                + " một cơ quan khác trong vòng để chuỗi sáp nhập có điểm kết thúc.");
  }

  @Test
  void successorCycle_ReportsNothing_WhenTheChainOfMergersEnds() {
    assertThat(
            model()
                .specialized("a", "BusinessActor", "Sở A", "Agency", Map.of("successor", "b"))
                .specialized("b", "BusinessActor", "Sở B", "Agency", Map.of("successor", "c"))
                .specialized("c", "BusinessActor", "Sở C", "Agency", Map.of("level", "province"))
                .specialized("d", "BusinessActor", "Sở D", "Agency", Map.of("successor", "b"))
                .findings(CYCLE))
        .isEmpty();
  }
}
