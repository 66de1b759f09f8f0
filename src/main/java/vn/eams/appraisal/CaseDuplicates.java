package vn.eams.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.eams.appraisal.duplication.DuplicationJson;
import vn.eams.appraisal.duplication.DuplicationReport;
import vn.eams.appraisal.duplication.DuplicationService;

/**
 * The duplicated-investment item of a case's checklist: the proposal's overlaps with existing
 * applications, databases and other proposals; those the search suggests reusing make the item
 * fail.
 */
@ApplicationScoped
public class CaseDuplicates {

  /** The suggestion that marks a candidate as doing what the proposal builds. */
  static final String REUSE = "reuse";

  private final DuplicationService search;

  CaseDuplicates(DuplicationService search) {
    this.search = search;
  }

  /**
   * The search's result for a case.
   *
   * @param strong ids of the candidates the search suggests reusing
   * @param matches the ranked matches as JSON
   */
  public record Summary(
      List<String> strong,
      String evidenceVi,
      String evidenceEn,
      List<Map<String, Object>> matches) {}

  @SuppressWarnings("unchecked")
  Summary summary(AppraisalCase k) {
    DuplicationReport r;
    try {
      r = search.report(k.proposalId);
    } catch (RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Summary(
          List.of(),
          "Không tìm được trùng lặp: " + why,
          "The duplication search failed: " + why,
          List.of());
    }
    List<DuplicationReport.Match> strong =
        r.matches().stream().filter(m -> REUSE.equals(m.suggestion().code())).toList();
    Object matches = DuplicationJson.json(r).get("matches");
    List<Map<String, Object>> json =
        matches instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    if (strong.isEmpty()) {
      String top =
          r.matches().isEmpty()
              ? ""
              : " Gần nhất: "
                  + r.matches().get(0).name()
                  + " (điểm "
                  + String.format(java.util.Locale.ROOT, "%.2f", r.matches().get(0).score())
                  + ").";
      String topEn =
          r.matches().isEmpty()
              ? ""
              : " Closest: "
                  + r.matches().get(0).name()
                  + " (score "
                  + String.format(java.util.Locale.ROOT, "%.2f", r.matches().get(0).score())
                  + ").";
      return new Summary(
          List.of(),
          "Không có ứng dụng, cơ sở dữ liệu hay đề xuất nào nên dùng lại thay cho phần đầu tư mới ("
              + r.matches().size()
              + " ứng viên được xem xét)."
              + top,
          "No application, database or proposal should be reused instead of what the project"
              + " builds ("
              + r.matches().size()
              + " candidates considered)."
              + topEn,
          json);
    }
    String vi =
        strong.stream()
            .map(
                m ->
                    m.proposedElementName()
                        + " trùng với "
                        + m.name()
                        + " ("
                        + m.candidateId()
                        + ", điểm "
                        + String.format(java.util.Locale.ROOT, "%.2f", m.score())
                        + "): "
                        + m.suggestion().textVi())
            .collect(Collectors.joining(" | "));
    String en =
        strong.stream()
            .map(
                m ->
                    m.proposedElementName()
                        + " overlaps "
                        + (m.nameEn().isEmpty() ? m.name() : m.nameEn())
                        + " ("
                        + m.candidateId()
                        + ", score "
                        + String.format(java.util.Locale.ROOT, "%.2f", m.score())
                        + "): "
                        + m.suggestion().textEn())
            .collect(Collectors.joining(" | "));
    return new Summary(
        strong.stream().map(DuplicationReport.Match::candidateId).distinct().toList(),
        vi,
        en,
        json);
  }
}
