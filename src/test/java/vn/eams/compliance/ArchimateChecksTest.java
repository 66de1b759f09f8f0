package vn.eams.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.compliance.ModelFixture.child;
import static vn.eams.compliance.ModelFixture.connection;
import static vn.eams.compliance.ModelFixture.group;
import static vn.eams.compliance.ModelFixture.model;
import static vn.eams.compliance.ModelFixture.node;
import static vn.eams.compliance.ModelFixture.note;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ArchiMate checks (Archi's validator and the junction path rule) on hand-built models. */
class ArchimateChecksTest {

  static final String NOT_ALLOWED = "archimate.relationship-not-allowed";
  static final String JUNCTION_PATH = "archimate.junction-path-not-allowed";
  static final String VIEWPOINT = "archimate.viewpoint-element-not-allowed";
  static final String NESTING = "archimate.nesting-without-relationship";
  static final String MIXED = "archimate.junction-mixed-relationships";
  static final String DUPLICATE = "archimate.duplicate-element";
  static final String ELEMENT_NO_VIEW = "archimate.element-in-no-view";
  static final String RELATIONSHIP_NO_VIEW = "archimate.relationship-in-no-view";
  static final String EMPTY_VIEW = "archimate.empty-view";

  @Test
  void relationshipNotAllowed_ReportsViolation_WhenCompositionGoesFromActorToComponent() {
    List<Finding> findings =
        model()
            .element("a", "BusinessActor", "Sở Tư pháp", "Department of Justice")
            .element("c", "ApplicationComponent", "Hộ tịch")
            .relationship("r", "Composition", "a", "c")
            .findings(NOT_ALLOWED);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("r"));
    Finding f = findings.get(0);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.messageVi())
        .isEqualTo(
            "Quan hệ Composition r từ 'Sở Tư pháp' (a) (BusinessActor) đến 'Hộ tịch' (c)"
                + " (ApplicationComponent) không được ArchiMate 3.2 cho phép. Hãy đổi sang một"
                + " loại quan hệ được phép giữa hai kiểu này (Serving, Association, Triggering,"
                + " Flow) hoặc sửa nguồn, đích của quan hệ.");
    assertThat(f.messageEn())
        .startsWith(
            "The Composition relationship r from 'Department of Justice' (a) (BusinessActor) to"
                + " 'Hộ tịch' (c) (ApplicationComponent) is not allowed by ArchiMate 3.2.");
  }

  @Test
  void relationshipNotAllowed_ReportsViolation_WhenServingEndsOnARelationship() {
    List<Finding> findings =
        model()
            .element("a", "BusinessActor", "Sở")
            .element("s", "ApplicationService", "Dịch vụ")
            .relationship("r1", "Serving", "s", "a")
            .relationship("r2", "Serving", "a", "r1")
            .relationship("r3", "Association", "a", "r1")
            .findings(NOT_ALLOWED);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("r2"));
    assertThat(findings.get(0).messageEn()).contains("(Relationship)").contains("(Association)");
  }

  @Test
  void relationshipNotAllowed_ReportsNothing_WhenEveryRelationshipIsInTheTable() {
    assertThat(
            model()
                .element("a", "BusinessActor", "Sở")
                .element("s", "ApplicationService", "Dịch vụ")
                .element("j", "AndJunction", "")
                .relationship("r1", "Serving", "s", "j")
                .relationship("r2", "Serving", "j", "a")
                .relationship("r3", "Association", "a", "r1")
                .findings(NOT_ALLOWED))
        .isEmpty();
  }

  @Test
  void junctionPathNotAllowed_ReportsViolation_WhenRealizationThroughJunctionEndsOnData() {
    // component -r-> junction and junction -r-> data object are each allowed, but a component
    // cannot realize a data object
    List<Finding> findings =
        model()
            .element("c", "ApplicationComponent", "Một cửa")
            .element("j", "OrJunction", "")
            .element("s", "ApplicationService", "Nộp hồ sơ")
            .element("d", "DataObject", "Hồ sơ")
            .relationship("r1", "Realization", "c", "j")
            .relationship("r2", "Realization", "j", "s")
            .relationship("r3", "Realization", "j", "d")
            .findings(JUNCTION_PATH);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("j", "r1", "r3"));
    assertThat(findings.get(0).messageVi())
        .startsWith(
            "Quan hệ Realization từ 'Một cửa' (c) (ApplicationComponent) qua điểm nối OrJunction j"
                + " (quan hệ r1 và r3) đến 'Hồ sơ' (d) (DataObject) không được ArchiMate 3.2 cho"
                + " phép.");
  }

  @Test
  void junctionPathNotAllowed_ReportsViolation_WhenThePathCrossesAChainOfJunctions() {
    List<Finding> findings =
        model()
            .element("c", "ApplicationComponent", "Một cửa")
            .element("j1", "AndJunction", "")
            .element("j2", "AndJunction", "")
            .element("d", "DataObject", "Hồ sơ")
            .relationship("r1", "Realization", "c", "j1")
            .relationship("r2", "Realization", "j1", "j2")
            .relationship("r3", "Realization", "j2", "d")
            .relationship("r4", "Realization", "j2", "j1")
            .findings(JUNCTION_PATH);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("j1", "r1", "r3"));
  }

  @Test
  void junctionPathNotAllowed_ReportsNothing_WhenEveryEndToEndPairIsAllowed() {
    assertThat(
            model()
                .element("c1", "ApplicationComponent", "Một cửa")
                .element("c2", "ApplicationComponent", "Cổng dịch vụ công")
                .element("j", "AndJunction", "")
                .element("s", "ApplicationService", "Nộp hồ sơ")
                .element("d", "DataObject", "Hồ sơ")
                .relationship("r1", "Realization", "c1", "j")
                .relationship("r2", "Realization", "c2", "j")
                .relationship("r3", "Realization", "j", "s")
                // another type at the same junction starts no realization path
                .relationship("r4", "Access", "j", "d")
                .findings(JUNCTION_PATH))
        .isEmpty();
  }

  @Test
  void viewpointElementNotAllowed_ReportsViolation_WhenOrganizationViewShowsAComponent() {
    List<Finding> findings =
        model()
            .element("a", "BusinessActor", "Sở")
            .element("c", "ApplicationComponent", "Một cửa")
            .view(
                "v",
                "Organization",
                List.of(node("v.a", "a"), node("v.c", "c"), node("v.c2", "c")),
                List.of())
            .findings(VIEWPOINT);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("v", "c"));
    assertThat(findings.get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(findings.get(0).messageVi())
        .startsWith(
            "Sơ đồ 'Sơ đồ v' (v) theo góc nhìn 'Tổ chức' có phần tử 'Một cửa' (c) kiểu"
                + " ApplicationComponent");
    assertThat(findings.get(0).messageEn())
        .startsWith("The view 'View v' (v) with the viewpoint 'Organization' shows");
  }

  @Test
  void viewpointElementNotAllowed_ReportsNothing_WhenTheViewpointAllowsItOrThereIsNone() {
    assertThat(
            model()
                .element("a", "BusinessActor", "Sở")
                .element("c", "ApplicationComponent", "Một cửa")
                .view("v1", "Organization", List.of(node("v1.a", "a")), List.of())
                .view("v2", "", List.of(node("v2.a", "a"), node("v2.c", "c")), List.of())
                .view("v3", "Layered", List.of(node("v3.c", "c")), List.of())
                .findings(VIEWPOINT))
        .isEmpty();
  }

  @Test
  void nestingWithoutRelationship_ReportsViolation_WhenOnlyServingLinksTheNestedElements() {
    List<Finding> findings =
        model()
            .element("s", "ApplicationService", "Cổng")
            .element("a", "BusinessActor", "Sở")
            .relationship("r", "Serving", "s", "a")
            .view("v", "", List.of(node("v.s", "s"), child("v.a", "v.s", "a")), List.of())
            .findings(NESTING);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("v", "a", "s"));
    assertThat(findings.get(0).messageVi())
        .startsWith(
            "Trong sơ đồ 'Sơ đồ v' (v), phần tử 'Sở' (a) được đặt bên trong 'Cổng' (s) nhưng");
  }

  @Test
  void nestingWithoutRelationship_ReportsViolation_WhenTheCompositionGoesTheOtherWay() {
    assertThat(
            model()
                .element("bo", "BusinessActor", "Bộ")
                .element("cuc", "BusinessActor", "Cục")
                .relationship("r", "Composition", "cuc", "bo")
                .view(
                    "v", "", List.of(node("v.bo", "bo"), child("v.cuc", "v.bo", "cuc")), List.of())
                .findings(NESTING))
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("v", "cuc", "bo"));
  }

  @Test
  void nestingWithoutRelationship_ReportsNothing_WhenANestingRelationshipExists() {
    assertThat(
            model()
                .element("bo", "BusinessActor", "Bộ")
                .element("cuc", "BusinessActor", "Cục")
                .element("dv", "BusinessActor", "Đơn vị")
                .element("f", "BusinessFunction", "Chức năng")
                .element("x", "BusinessActor", "Khác")
                .relationship("r1", "Composition", "bo", "cuc")
                .relationship("r2", "Specialization", "dv", "bo")
                .relationship("r3", "Assignment", "cuc", "f")
                .view(
                    "v",
                    "",
                    List.of(
                        node("v.bo", "bo"),
                        child("v.cuc", "v.bo", "cuc"),
                        child("v.dv", "v.bo", "dv"),
                        child("v.f", "v.cuc", "f"),
                        group("v.g", ""),
                        child("v.x", "v.g", "x")),
                    List.of())
                .findings(NESTING))
        .isEmpty();
  }

  @Test
  void junctionMixedRelationships_ReportsViolation_WhenServingAndFlowMeetAtAJunction() {
    List<Finding> findings =
        model()
            .element("s", "ApplicationService", "Cổng")
            .element("a", "BusinessActor", "Sở")
            .element("b", "BusinessActor", "Huyện")
            .element("j", "AndJunction", "")
            .relationship("r1", "Serving", "s", "j")
            .relationship("r2", "Serving", "j", "a")
            .relationship("r3", "Flow", "j", "b")
            .findings(MIXED);

    assertThat(findings)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("j", "r1", "r2", "r3"));
    assertThat(findings.get(0).messageEn())
        .startsWith("The AndJunction j joins relationships of several types (Flow, Serving: r1,");
  }

  @Test
  void junctionMixedRelationships_ReportsNothing_WhenAllRelationshipsHaveOneType() {
    assertThat(
            model()
                .element("s", "ApplicationService", "Cổng")
                .element("a", "BusinessActor", "Sở")
                .element("b", "BusinessActor", "Huyện")
                .element("j", "OrJunction", "")
                .relationship("r1", "Serving", "s", "j")
                .relationship("r2", "Serving", "j", "a")
                .relationship("r3", "Serving", "j", "b")
                .findings(MIXED))
        .isEmpty();
  }

  @Test
  void duplicateElement_ReportsViolation_WhenNamesDifferOnlyInCaseDiacriticsAndSpaces() {
    List<Finding> findings =
        model()
            .element("b", "BusinessActor", "Sở Tư pháp")
            .element("a", "BusinessActor", "SỞ TƯ  PHÁP ")
            .element("c", "BusinessActor", "so tu phap")
            .element("d", "BusinessActor", "Sở Tài chính")
            .findings(DUPLICATE);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("a", "b", "c"));
    assertThat(findings.get(0).messageVi())
        .startsWith(
            "Có 3 phần tử kiểu BusinessActor cùng tên 'SỞ TƯ  PHÁP' (không kể hoa thường và dấu):"
                + " 'SỞ TƯ  PHÁP' (a), 'Sở Tư pháp' (b), 'so tu phap' (c).");
  }

  @Test
  void duplicateElement_ReportsNothing_WhenTypesDifferOrNamesAreEmpty() {
    assertThat(
            model()
                .element("a", "BusinessActor", "Thông báo")
                .element("b", "ApplicationService", "Thông báo")
                .element("j1", "AndJunction", "")
                .element("j2", "AndJunction", "")
                .element("c1", "ApplicationComponent", "")
                .element("c2", "ApplicationComponent", " ")
                .findings(DUPLICATE))
        .isEmpty();
  }

  @Test
  void elementInNoView_ReportsViolation_WhenNoViewShowsTheElement() {
    List<Finding> findings =
        model()
            .element("a", "BusinessActor", "Sở")
            .element("b", "BusinessActor", "Huyện")
            .viewOf("v", "a")
            .findings(ELEMENT_NO_VIEW);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("b"));
    assertThat(findings.get(0).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void elementInNoView_ReportsNothing_WhenEveryElementIsShown() {
    assertThat(
            model()
                .element("a", "BusinessActor", "Sở")
                .element("b", "BusinessActor", "Huyện")
                .viewOf("v1", "a")
                .viewOf("v2", "b")
                .findings(ELEMENT_NO_VIEW))
        .isEmpty();
  }

  @Test
  void relationshipInNoView_ReportsViolation_WhenNoConnectionShowsIt() {
    List<Finding> findings =
        model()
            .element("a", "BusinessActor", "Sở")
            .element("b", "BusinessActor", "Huyện")
            .relationship("r1", "Serving", "a", "b")
            .relationship("r2", "Flow", "a", "b")
            .view(
                "v",
                "",
                List.of(node("v.a", "a"), node("v.b", "b")),
                List.of(
                    connection("v.c1", "r1", "v.a", "v.b"), connection("v.l", "", "v.a", "v.b")))
            .findings(RELATIONSHIP_NO_VIEW);

    assertThat(findings).extracting(Finding::conceptIds).containsExactly(List.of("r2"));
    assertThat(findings.get(0).messageEn())
        .isEqualTo(
            "The Flow relationship r2 from 'Sở' (a) to 'Huyện' (b) is in no view. Draw it in a"
                + " view that shows both ends, or delete it if it is no longer needed.");
  }

  @Test
  void relationshipInNoView_ReportsNothing_WhenEveryRelationshipIsDrawn() {
    assertThat(
            model()
                .element("a", "BusinessActor", "Sở")
                .element("b", "BusinessActor", "Huyện")
                .relationship("r1", "Serving", "a", "b")
                .view(
                    "v",
                    "",
                    List.of(node("v.a", "a"), node("v.b", "b")),
                    List.of(connection("v.c1", "r1", "v.a", "v.b")))
                .findings(RELATIONSHIP_NO_VIEW))
        .isEmpty();
  }

  @Test
  void emptyView_ReportsViolation_WhenTheViewHoldsOnlyGroupsAndNotes() {
    List<Finding> findings =
        model()
            .element("a", "BusinessActor", "Sở")
            .view("v1", "", List.of(group("v1.g", ""), note("v1.n")), List.of())
            .view("v2", "", List.of(), List.of())
            .viewOf("v3", "a")
            .findings(EMPTY_VIEW);

    assertThat(findings)
        .extracting(Finding::conceptIds)
        .containsExactly(List.of("v1"), List.of("v2"));
    assertThat(findings.get(1).messageVi())
        .isEqualTo(
            "Sơ đồ 'Sơ đồ v2' (v2) không có phần tử hay quan hệ nào. Hãy đưa phần tử vào sơ đồ,"
                + " hoặc xóa sơ đồ nếu không còn cần.");
  }

  @Test
  void emptyView_ReportsNothing_WhenEveryViewShowsAnElement() {
    assertThat(
            model()
                .element("a", "BusinessActor", "Sở")
                .view("v", "", List.of(group("v.g", ""), child("v.a", "v.g", "a")), List.of())
                .findings(EMPTY_VIEW))
        .isEmpty();
  }
}
