package vn.eams.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.eams.compliance.ComplianceReport;
import vn.eams.compliance.ComplianceService;
import vn.eams.compliance.Finding;
import vn.eams.compliance.Severity;
import vn.eams.platform.EamsConfig;

/**
 * The checklist of a case: the items of its route, each with the reviewer's verdict and comment,
 * and for the items EAMS can judge an automatic verdict with its evidence — architecture
 * conformance and connection and security consistency from the proposal's compliance report,
 * duplicated investment from the duplication search, dossier completeness from the document slots.
 * A reviewer's verdict overrides the automatic one; both are shown.
 */
@ApplicationScoped
public class CaseChecklist {

  public static final String CONFORMANCE = "auto-conformance";
  public static final String CONNECTION = "auto-connection";
  public static final String SECURITY = "auto-security";
  public static final String DUPLICATION = "auto-duplication";
  public static final String DOSSIER = "auto-dossier";
  public static final String REVIEWER = "reviewer";

  private static final String EVIDENCE = "evidence.tsv";

  private final ComplianceService compliance;
  private final RouteRules routes;
  private final CaseDuplicates duplicates;
  private final AppraisalCases cases;
  private final Map<String, Set<String>> evidenceRules;

  CaseChecklist(
      ComplianceService compliance,
      RouteRules routes,
      CaseDuplicates duplicates,
      AppraisalCases cases,
      EamsConfig config) {
    this.compliance = compliance;
    this.routes = routes;
    this.duplicates = duplicates;
    this.cases = cases;
    this.evidenceRules = readEvidence(Path.of(config.appraisal().rulesetsDirectory()));
  }

  /**
   * One item of a case's checklist.
   *
   * @param auto true when EAMS judges the item
   * @param autoVerdict EAMS's verdict (open for items only the reviewer judges)
   * @param evidenceVi what the automatic verdict rests on
   * @param conceptIds the concepts the evidence names
   * @param review the reviewer's verdict and comment, once given
   */
  public record Row(
      RouteRules.Item item,
      boolean auto,
      String autoVerdict,
      String evidenceVi,
      String evidenceEn,
      List<String> conceptIds,
      Optional<CaseCheck> review) {

    /** The verdict that counts: the reviewer's, else the automatic one. */
    public String verdict() {
      return review.map(r -> r.verdict).orElse(autoVerdict);
    }
  }

  /** The checklist with the proposal's compliance report it was judged on. */
  public record Result(
      List<Row> rows, Optional<ComplianceReport> report, CaseDuplicates.Summary duplication) {

    public long count(String verdict) {
      return rows.stream().filter(r -> r.verdict().equals(verdict)).count();
    }
  }

  /** Judges the checklist of the case now. */
  public Result judge(AppraisalCase k) {
    Optional<ComplianceReport> report = Optional.empty();
    String reportProblem = "";
    try {
      report = Optional.of(compliance.report(k.proposalId));
    } catch (RuntimeException e) {
      reportProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    CaseDuplicates.Summary dup = duplicates.summary(k);
    Map<String, CaseCheck> reviews = new HashMap<>();
    for (CaseCheck c : cases.checks(k.id)) {
      reviews.put(c.itemId, c);
    }
    Set<String> filled =
        cases.documents(k.id).stream()
            .map(AppraisalCases.DocumentInfo::slotId)
            .collect(Collectors.toSet());
    List<RouteRules.Item> items = routes.checklist(k);
    // the judges of this route's checklist: findings of a rule whose item the route lacks (a
    // security finding on a route without the security item) count for conformance
    Set<String> judges = items.stream().map(RouteRules.Item::judge).collect(Collectors.toSet());
    List<Row> rows = new ArrayList<>();
    for (RouteRules.Item item : items) {
      Optional<CaseCheck> review = Optional.ofNullable(reviews.get(item.id()));
      String judge = item.judge();
      Row row;
      if (CONFORMANCE.equals(judge) || CONNECTION.equals(judge) || SECURITY.equals(judge)) {
        row = fromReport(item, judge, judges, report, reportProblem, k, review);
      } else if (DUPLICATION.equals(judge)) {
        row =
            new Row(
                item,
                true,
                dup.strong().isEmpty() ? Verdict.PASS : Verdict.FAIL,
                dup.evidenceVi(),
                dup.evidenceEn(),
                dup.strong(),
                review);
      } else if (DOSSIER.equals(judge)) {
        List<RouteRules.Slot> missing =
            routes.slots(k).stream().filter(s -> s.required() && !filled.contains(s.id())).toList();
        row =
            new Row(
                item,
                true,
                missing.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                missing.isEmpty()
                    ? "Đủ các tài liệu bắt buộc của hồ sơ."
                    : "Thiếu: "
                        + missing.stream()
                            .map(RouteRules.Slot::titleVi)
                            .collect(Collectors.joining("; "))
                        + ".",
                missing.isEmpty()
                    ? "Every required document of the dossier is filed."
                    : "Missing: "
                        + missing.stream()
                            .map(RouteRules.Slot::titleEn)
                            .collect(Collectors.joining("; "))
                        + ".",
                List.of(),
                review);
      } else {
        row = new Row(item, false, Verdict.OPEN, "", "", List.of(), review);
      }
      rows.add(row);
    }
    return new Result(rows, report, dup);
  }

  private Row fromReport(
      RouteRules.Item item,
      String judge,
      Set<String> judges,
      Optional<ComplianceReport> report,
      String problem,
      AppraisalCase k,
      Optional<CaseCheck> review) {
    if (report.isEmpty()) {
      return new Row(
          item,
          true,
          Verdict.OPEN,
          "Không kiểm tra được đề xuất: " + problem,
          "The proposal could not be checked: " + problem,
          List.of(),
          review);
    }
    ComplianceReport r = report.get();
    Set<String> own = evidenceRules.getOrDefault(judge, Set.of());
    Set<String> others = new HashSet<>();
    evidenceRules.forEach(
        (j, rs) -> {
          if (judges.contains(j)) {
            others.addAll(rs);
          }
        });
    List<Finding> relevant = new ArrayList<>();
    for (Finding f : r.findings()) {
      boolean mine =
          CONFORMANCE.equals(judge)
              ? f.severity() == Severity.ERROR && !others.contains(f.rule().id())
              : own.contains(f.rule().id());
      if (mine) {
        relevant.add(f);
      }
    }
    List<String> concepts =
        relevant.stream().flatMap(f -> f.conceptIds().stream()).distinct().limit(50).toList();
    String link = "/models/" + k.proposalId + "/compliance";
    if (!relevant.isEmpty()) {
      String vi =
          relevant.size()
              + " phát hiện trong báo cáo tuân thủ (thay đổi số "
              + r.seq()
              + ", "
              + link
              + "): "
              + relevant.stream()
                  .limit(5)
                  .map(Finding::messageVi)
                  .collect(Collectors.joining(" | "));
      String en =
          relevant.size()
              + " findings in the compliance report (change "
              + r.seq()
              + ", "
              + link
              + "): "
              + relevant.stream()
                  .limit(5)
                  .map(Finding::messageEn)
                  .collect(Collectors.joining(" | "));
      return new Row(item, true, Verdict.FAIL, vi, en, concepts, review);
    }
    if (CONNECTION.equals(judge) && r.uses().stream().noneMatch(u -> "integrate".equals(u.use()))) {
      return new Row(
          item,
          true,
          Verdict.OPEN,
          "Đề xuất không khai báo kết nối nào với hệ thống, nền tảng sẵn có (eams:use = integrate);"
              + " người thẩm định xem xét phương án kết nối trong hồ sơ.",
          "The proposal declares no connection to an existing system or platform (eams:use ="
              + " integrate); the reviewer judges the connection plan of the dossier.",
          List.of(),
          review);
    }
    if (SECURITY.equals(judge) && k.securityLevel == null) {
      return new Row(
          item,
          true,
          Verdict.OPEN,
          "Đề xuất chưa nêu cấp độ an toàn hệ thống thông tin (NĐ 85/2016).",
          "The proposal states no information-system security level (Decree 85/2016).",
          List.of(),
          review);
    }
    String vi =
        switch (judge) {
          case CONNECTION ->
              "Kết nối qua nền tảng: "
                  + r.uses().stream()
                      .filter(u -> "integrate".equals(u.use()))
                      .map(u -> name(r, u.baselineId()))
                      .collect(Collectors.joining(", "))
                  + "; không có phát hiện về kết nối, chia sẻ dữ liệu.";
          case SECURITY -> "Cấp độ " + k.securityLevel + "; không có phát hiện về cấp độ an toàn.";
          default ->
              "Không có lỗi tuân thủ Kiến trúc (báo cáo thay đổi số "
                  + r.seq()
                  + ", "
                  + link
                  + ").";
        };
    String en =
        switch (judge) {
          case CONNECTION ->
              "Connected through: "
                  + r.uses().stream()
                      .filter(u -> "integrate".equals(u.use()))
                      .map(u -> name(r, u.baselineId()))
                      .collect(Collectors.joining(", "))
                  + "; no finding on connection or data sharing.";
          case SECURITY -> "Level " + k.securityLevel + "; no finding on the security level.";
          default ->
              "No architecture-conformance error (report at change " + r.seq() + ", " + link + ").";
        };
    return new Row(item, true, Verdict.PASS, vi, en, List.of(), review);
  }

  private static String name(ComplianceReport r, String id) {
    ComplianceReport.Concept c = r.concepts().get(id);
    return c == null || c.name().isEmpty() ? id : c.name();
  }

  /**
   * Reads {@code checklist/evidence.tsv} of the rule-sets directory, or the shipped one on the
   * classpath when the directory has none.
   */
  static Map<String, Set<String>> readEvidence(Path directory) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Path file = directory.resolve("checklist").resolve(EVIDENCE);
    List<String> lines;
    try {
      if (Files.isRegularFile(file)) {
        lines = Files.readAllLines(file);
      } else {
        try (var in =
            CaseChecklist.class
                .getClassLoader()
                .getResourceAsStream("metamodel/rulesets/checklist/" + EVIDENCE)) {
          if (in == null) {
            throw new IllegalStateException(
                "metamodel/rulesets/checklist/" + EVIDENCE + " is missing from the classpath");
          }
          lines =
              new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                  .lines()
                  .toList();
        }
      }
      int n = 0;
      for (String line : lines) {
        n++;
        if (line.isBlank() || line.startsWith("#") || line.startsWith("judge\t")) {
          continue;
        }
        String[] cols = line.split("\t");
        if (cols.length != 2) {
          throw new IllegalStateException(
              file
                  + ":"
                  + n
                  + ": expected 2 tab-separated columns (judge, rule), found "
                  + cols.length);
        }
        out.computeIfAbsent(cols[0].strip(), x -> new HashSet<>()).add(cols[1].strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
