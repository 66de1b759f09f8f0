package vn.eams.appraisal.rules;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A dated version of the appraisal routes ({@code metamodel/rulesets/routes/*.json}): funding
 * kinds, thresholds and routes.
 *
 * @param effectiveTo last day in force (inclusive), when known
 * @param file where it was read from
 */
public record RouteRuleSet(
    String id,
    String version,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveTo,
    String titleVi,
    String titleEn,
    List<String> basis,
    List<FundingKind> fundingKinds,
    Thresholds thresholds,
    List<Route> routes,
    String file) {

  public RouteRuleSet {
    basis = List.copyOf(basis);
    fundingKinds = List.copyOf(fundingKinds);
    routes = List.copyOf(routes);
  }

  /** Whether it is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(effectiveFrom) && effectiveTo.map(to -> !day.isAfter(to)).orElse(true);
  }

  /** The route of this id. */
  public Optional<Route> route(String routeId) {
    return routes.stream().filter(r -> r.id().equals(routeId)).findFirst();
  }

  /**
   * The route a proposal of {@code funding} and {@code totalVnd} takes.
   *
   * <p>Boundaries: group A from {@code groupAMinVnd} inclusive, group B from {@code groupBMinVnd}
   * inclusive, one-step design up to {@code oneStepMaxVnd} inclusive, recurrent procurement up to
   * {@code recurrentProcurementMaxVnd} inclusive, recurrent outline up to {@code
   * recurrentOutlineMaxVnd} inclusive.
   *
   * @param securityLevel the proposed security level 1–5 (required for {@link Funding#SECURITY})
   * @param on the day the route is decided (must be in force then)
   * @throws IllegalArgumentException when the total is negative, the level missing or outside 1–5,
   *     or the rule-set not in force on {@code on}
   */
  public RouteSuggestion suggest(
      Funding funding, long totalVnd, OptionalInt securityLevel, LocalDate on) {
    if (totalVnd < 0) {
      throw new IllegalArgumentException("the total must not be negative: " + totalVnd);
    }
    if (!inForceOn(on)) {
      throw new IllegalArgumentException("rule-set " + id + " is not in force on " + on);
    }
    Builder b = new Builder(funding, totalVnd);
    Thresholds t = thresholds;
    switch (funding) {
      case INVESTMENT:
        b.reason(
            "Chi đầu tư phát triển: lập dự án theo Luật Đầu tư công và Chương II NĐ 73/2019.",
            "Development investment: a project under the Public Investment Law and Chapter II of"
                + " Decree 73/2019.",
            "Luật ĐTC 2019; NĐ 73/2019 Chương II");
        return b.project(t);
      case RECURRENT:
        if (totalVnd <= t.recurrentProcurementMaxVnd()) {
          b.reason(
              "Chi thường xuyên "
                  + vnd(totalVnd, true)
                  + " không quá "
                  + vnd(t.recurrentProcurementMaxVnd(), true)
                  + ": thực hiện theo quy định về mua sắm, không lập đề cương.",
              "Recurrent budget of "
                  + vnd(totalVnd, false)
                  + ", not more than "
                  + vnd(t.recurrentProcurementMaxVnd(), false)
                  + ": ordinary procurement, no outline.",
              t.recurrentProcurementMaxBasis());
          return b.route(Route.PROCUREMENT, "", "");
        }
        if (totalVnd <= t.recurrentOutlineMaxVnd()) {
          b.reason(
              "Chi thường xuyên "
                  + vnd(totalVnd, true)
                  + ", trên "
                  + vnd(t.recurrentProcurementMaxVnd(), true)
                  + " và không quá "
                  + vnd(t.recurrentOutlineMaxVnd(), true)
                  + ": lập đề cương và dự toán chi tiết.",
              "Recurrent budget of "
                  + vnd(totalVnd, false)
                  + ", above "
                  + vnd(t.recurrentProcurementMaxVnd(), false)
                  + " and not more than "
                  + vnd(t.recurrentOutlineMaxVnd(), false)
                  + ": outline and detailed estimate.",
              t.recurrentOutlineMaxBasis());
          return b.route(Route.RECURRENT_OUTLINE, "", "");
        }
        b.reason(
            "Chi thường xuyên "
                + vnd(totalVnd, true)
                + ", trên "
                + vnd(t.recurrentOutlineMaxVnd(), true)
                + ": thực hiện theo thủ tục dự án (Chương II NĐ 73/2019).",
            "Recurrent budget of "
                + vnd(totalVnd, false)
                + ", above "
                + vnd(t.recurrentOutlineMaxVnd(), false)
                + ": project procedures (Chapter II of Decree 73/2019).",
            t.recurrentOutlineMaxBasis());
        return b.project(t);
      case LEASE:
        b.reason(
            "Thuê dịch vụ CNTT theo yêu cầu riêng: lập kế hoạch thuê (thời gian thuê 1–5 năm).",
            "IT service lease to bespoke requirements: a lease plan (lease term 1–5 years).",
            "NĐ 73/2019 Điều 52–58");
        return b.route(Route.LEASE_PLAN, "", "");
      case SECURITY:
      default:
        return security(b, securityLevel);
    }
  }

  private RouteSuggestion security(Builder b, OptionalInt securityLevel) {
    if (securityLevel.isEmpty()) {
      throw new IllegalArgumentException("a security dossier needs the proposed level (1–5)");
    }
    int level = securityLevel.getAsInt();
    if (level < 1 || level > 5) {
      throw new IllegalArgumentException("the security level must be 1–5, not " + level);
    }
    String levelKey = String.valueOf(level);
    Route r = route(Route.SECURITY_DOSSIER).orElseThrow();
    if (r.deadline("appraisal", levelKey).isPresent()) {
      b.reason(
          "Hồ sơ đề xuất cấp độ " + level + ": thẩm định theo Điều 16 NĐ 85/2016.",
          "Security-level dossier of level " + level + ": appraised under Decree 85/2016 Art. 16.",
          "NĐ 85/2016 Điều 12–16");
    } else {
      b.reason(
          "Hồ sơ đề xuất cấp độ "
              + level
              + ": đơn vị chuyên trách về an toàn thông tin của chủ quản thẩm định và phê duyệt;"
              + " không có thời hạn luật định.",
          "Security-level dossier of level "
              + level
              + ": the owner's security unit appraises and approves; the law sets no time limit.",
          "NĐ 85/2016 Điều 12");
    }
    return b.route(Route.SECURITY_DOSSIER, "", levelKey);
  }

  /** Collects the reasons of one suggestion. */
  private final class Builder {
    private final Funding funding;
    private final long total;
    private final List<String> vi = new ArrayList<>();
    private final List<String> en = new ArrayList<>();
    private final List<String> articles = new ArrayList<>();
    private boolean oneStep;

    Builder(Funding funding, long total) {
      this.funding = funding;
      this.total = total;
    }

    void reason(String textVi, String textEn, String article) {
      vi.add(textVi);
      en.add(textEn);
      if (!articles.contains(article)) {
        articles.add(article);
      }
    }

    RouteSuggestion project(Thresholds t) {
      String group;
      if (total >= t.groupAMinVnd()) {
        group = "A";
        reason(
            "Tổng mức đầu tư "
                + vnd(total, true)
                + " từ "
                + vnd(t.groupAMinVnd(), true)
                + " trở lên: dự án nhóm A.",
            "Total investment of "
                + vnd(total, false)
                + ", at least "
                + vnd(t.groupAMinVnd(), false)
                + ": group A.",
            t.groupAMinBasis());
      } else if (total >= t.groupBMinVnd()) {
        group = "B";
        reason(
            "Tổng mức đầu tư "
                + vnd(total, true)
                + " từ "
                + vnd(t.groupBMinVnd(), true)
                + " đến dưới "
                + vnd(t.groupAMinVnd(), true)
                + ": dự án nhóm B.",
            "Total investment of "
                + vnd(total, false)
                + ", from "
                + vnd(t.groupBMinVnd(), false)
                + " to below "
                + vnd(t.groupAMinVnd(), false)
                + ": group B.",
            t.groupBMinBasis());
      } else {
        group = "C";
        reason(
            "Tổng mức đầu tư "
                + vnd(total, true)
                + " dưới "
                + vnd(t.groupBMinVnd(), true)
                + ": dự án nhóm C.",
            "Total investment of "
                + vnd(total, false)
                + ", below "
                + vnd(t.groupBMinVnd(), false)
                + ": group C.",
            t.groupBMinBasis());
      }
      oneStep = total <= t.oneStepMaxVnd();
      if (oneStep) {
        reason(
            "Không quá "
                + vnd(t.oneStepMaxVnd(), true)
                + ": thiết kế một bước, lập báo cáo kinh tế - kỹ thuật (BCKTKT).",
            "Not more than "
                + vnd(t.oneStepMaxVnd(), false)
                + ": one-step design, an economic-technical report (BCKTKT).",
            t.oneStepMaxBasis());
      } else {
        reason(
            "Trên "
                + vnd(t.oneStepMaxVnd(), true)
                + ": thiết kế hai bước (thiết kế cơ sở và thiết kế chi tiết), lập BCNCKT.",
            "Above "
                + vnd(t.oneStepMaxVnd(), false)
                + ": two-step design (preliminary and detailed design), a feasibility study.",
            t.oneStepMaxBasis());
      }
      return route(Route.INVESTMENT_PROJECT, group, group);
    }

    RouteSuggestion route(String routeId, String group, String deadlineGroup) {
      Optional<Deadline> deadline =
          RouteRuleSet.this.route(routeId).flatMap(r -> r.deadline("appraisal", deadlineGroup));
      deadline.ifPresent(
          d ->
              reason(
                  "Thời hạn thẩm định: "
                      + d.days()
                      + (d.kind() == DayKind.WORKING ? " ngày làm việc." : " ngày."),
                  "Appraisal time limit: "
                      + d.days()
                      + (d.kind() == DayKind.WORKING ? " working days." : " days."),
                  d.basis()));
      return new RouteSuggestion(
          id,
          version,
          funding,
          total,
          routeId,
          group,
          oneStep,
          deadline,
          deadlineGroup,
          vi,
          en,
          articles);
    }
  }

  /** An amount as {@code 15.000.000.000 đồng} (Vietnamese) or {@code 15,000,000,000 VND}. */
  static String vnd(long amount, boolean vietnamese) {
    NumberFormat f = NumberFormat.getIntegerInstance(Locale.US);
    String digits = f.format(amount);
    return vietnamese ? digits.replace(',', '.') + " đồng" : digits + " VND";
  }
}
