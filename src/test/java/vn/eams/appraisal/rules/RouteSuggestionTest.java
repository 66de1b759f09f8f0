package vn.eams.appraisal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Route selection at each threshold of appraisal-routes-2020 (values in the comments). */
class RouteSuggestionTest {

  static final LocalDate ON = LocalDate.of(2025, 3, 3);
  static RouteRuleSet set;

  @BeforeAll
  static void load() {
    set = new AppraisalRuleSets(Path.of("metamodel/rulesets")).effectiveOn(ON);
  }

  static RouteSuggestion investment(long total) {
    return set.suggest(Funding.INVESTMENT, total, OptionalInt.empty(), ON);
  }

  static RouteSuggestion recurrent(long total) {
    return set.suggest(Funding.RECURRENT, total, OptionalInt.empty(), ON);
  }

  @Test
  void recurrent_200Million_IsProcurement_OneDongMore_IsAnOutline() {
    // NĐ 73 Đ51: "không quá 200 triệu" → 200 000 000 itself is procurement (≤)
    RouteSuggestion at = recurrent(200_000_000L);
    assertThat(at.routeId()).isEqualTo("procurement");
    assertThat(at.group()).isEmpty();
    assertThat(at.deadline()).isEmpty();
    // 200 000 001 → outline + detailed estimate, 15 working days (TT 03/2020 Đ7)
    RouteSuggestion above = recurrent(200_000_001L);
    assertThat(above.routeId()).isEqualTo("recurrent-outline");
    assertThat(above.deadline().orElseThrow().days()).isEqualTo(15);
    assertThat(above.deadline().orElseThrow().kind()).isEqualTo(DayKind.WORKING);
    assertThat(above.reasonsVi().get(0)).contains("200.000.001 đồng").contains("đề cương");
    assertThat(above.reasonsEn().get(0)).contains("200,000,001 VND");
  }

  @Test
  void recurrent_15Billion_IsAnOutline_OneDongMore_IsAProject() {
    // "không quá 15 tỷ" → 15 000 000 000 is still an outline (≤)
    assertThat(recurrent(15_000_000_000L).routeId()).isEqualTo("recurrent-outline");
    // 15 000 000 001 → project procedures: group C (< 45 bn), two-step (> 15 bn)
    RouteSuggestion above = recurrent(15_000_000_001L);
    assertThat(above.routeId()).isEqualTo("investment-project");
    assertThat(above.group()).isEqualTo("C");
    assertThat(above.oneStep()).isFalse();
    assertThat(above.deadline().orElseThrow().days()).isEqualTo(10);
  }

  @Test
  void investment_15Billion_IsOneStep_OneDongMore_IsTwoStep() {
    // NĐ 73 Đ10: one-step (BCKTKT) when "không quá 15 tỷ" → ≤
    RouteSuggestion at = investment(15_000_000_000L);
    assertThat(at.routeId()).isEqualTo("investment-project");
    assertThat(at.group()).isEqualTo("C");
    assertThat(at.oneStep()).isTrue();
    assertThat(investment(15_000_000_001L).oneStep()).isFalse();
  }

  @Test
  void investment_45Billion_StartsGroupB() {
    // Luật ĐTC: group C "dưới 45 tỷ" (<), group B "từ 45 tỷ" (≥)
    RouteSuggestion below = investment(44_999_999_999L);
    assertThat(below.group()).isEqualTo("C");
    assertThat(below.deadline().orElseThrow().days()).isEqualTo(10);
    RouteSuggestion at = investment(45_000_000_000L);
    assertThat(at.group()).isEqualTo("B");
    assertThat(at.deadline().orElseThrow().days()).isEqualTo(15);
    assertThat(at.deadline().orElseThrow().kind()).isEqualTo(DayKind.CALENDAR);
  }

  @Test
  void investment_700Billion_StartsGroupA() {
    // group B "dưới 700 tỷ" (<), group A "từ 700 tỷ trở lên" (≥)
    assertThat(investment(699_999_999_999L).group()).isEqualTo("B");
    RouteSuggestion at = investment(700_000_000_000L);
    assertThat(at.group()).isEqualTo("A");
    assertThat(at.deadline().orElseThrow().days()).isEqualTo(20);
    assertThat(at.deadline().orElseThrow().basis()).contains("Điều 21");
    assertThat(at.basis()).anyMatch(b -> b.contains("Điều 8"));
  }

  @Test
  void lease_IsALeasePlan_With20Days() {
    RouteSuggestion s = set.suggest(Funding.LEASE, 3_000_000_000L, OptionalInt.empty(), ON);
    assertThat(s.routeId()).isEqualTo("lease-plan");
    assertThat(s.deadline().orElseThrow().days()).isEqualTo(20);
  }

  @Test
  void security_Level3Is15Days_Level4Is30_Level2HasNone() {
    RouteSuggestion l3 = set.suggest(Funding.SECURITY, 0, OptionalInt.of(3), ON);
    assertThat(l3.routeId()).isEqualTo("security-dossier");
    assertThat(l3.group()).isEmpty();
    assertThat(l3.deadlineGroup()).isEqualTo("3");
    assertThat(l3.deadline().orElseThrow().days()).isEqualTo(15);
    assertThat(
            set.suggest(Funding.SECURITY, 0, OptionalInt.of(4), ON).deadline().orElseThrow().days())
        .isEqualTo(30);
    assertThat(
            set.suggest(Funding.SECURITY, 0, OptionalInt.of(5), ON).deadline().orElseThrow().days())
        .isEqualTo(30);
    RouteSuggestion l2 = set.suggest(Funding.SECURITY, 0, OptionalInt.of(2), ON);
    assertThat(l2.deadline()).isEmpty();
    assertThat(l2.reasonsEn().get(0)).contains("no time limit");
  }

  @Test
  void badInput_IsRefused() {
    assertThatThrownBy(() -> investment(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> set.suggest(Funding.SECURITY, 0, OptionalInt.empty(), ON))
        .hasMessageContaining("level");
    assertThatThrownBy(() -> set.suggest(Funding.SECURITY, 0, OptionalInt.of(6), ON))
        .hasMessageContaining("1–5");
    assertThatThrownBy(
            () -> set.suggest(Funding.INVESTMENT, 1, OptionalInt.empty(), LocalDate.of(2019, 1, 1)))
        .hasMessageContaining("not in force");
  }
}
