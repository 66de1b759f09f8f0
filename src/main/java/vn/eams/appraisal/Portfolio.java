package vn.eams.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import vn.eams.accounts.Caller;
import vn.eams.appraisal.portfolio.BudgetSelection;
import vn.eams.appraisal.portfolio.PortfolioScoring;
import vn.eams.appraisal.portfolio.ScoreBreakdown;
import vn.eams.appraisal.portfolio.ScoreInput;
import vn.eams.appraisal.rules.AppraisalRuleSets;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The portfolio of open and approved cases: counts and sums by agency, route, roadmap phase and
 * status; each case's score (conformance, reuse, cost, benefit, roadmap priority — weights from the
 * portfolio rule-set); and, under a budget ceiling, the optimal selection of open cases after the
 * approved ones are paid for, with what was left out and why.
 */
@ApplicationScoped
public class Portfolio {

  private final AppraisalCases cases;
  private final CaseChecklist checklist;
  private final CaseJson json;
  private final AppraisalRuleSets sets;
  private final ModelQueries queries;

  Portfolio(
      AppraisalCases cases,
      CaseChecklist checklist,
      CaseJson json,
      AppraisalRuleSets sets,
      ModelQueries queries) {
    this.queries = queries;
    this.cases = cases;
    this.checklist = checklist;
    this.json = json;
    this.sets = sets;
  }

  /** Which cases and what budget. */
  public record Query(
      Optional<Long> budgetVnd,
      Optional<String> agencyId,
      Optional<String> routeId,
      Optional<Integer> roadmapPhase) {}

  public Map<String, Object> build(Query q, Caller c) {
    AppraisalCases.requireReviewer(c);
    if (q.budgetVnd().isPresent() && q.budgetVnd().get() < 0) {
      throw ProblemException.invalid(
          "The budget is negative.",
          List.of(
              Problem.Error.field("budget", "invalid-value", "Give the ceiling in đồng, ≥ 0.")));
    }
    LocalDate today = AppraisalCases.today();
    List<AppraisalCase> all =
        cases
            .list(
                new AppraisalCases.Filter(
                    Optional.empty(),
                    q.agencyId(),
                    q.routeId(),
                    q.roadmapPhase(),
                    Optional.empty()),
                c)
            .stream()
            .filter(
                k -> {
                  CaseStatus s = CaseStatus.of(k.status).orElse(CaseStatus.WITHDRAWN);
                  return s.open() || s.approved();
                })
            .toList();
    PortfolioScoring scoring = sets.scoring(today);
    long maxCost = 1;
    Map<Long, Long> cost = new HashMap<>();
    for (AppraisalCase k : all) {
      long v = json.estimatedCost(k).orElse(k.totalVnd);
      cost.put(k.id, v);
      maxCost = Math.max(maxCost, v);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<Long, Double> score = new HashMap<>();
    for (AppraisalCase k : all) {
      List<String> verdicts = verdicts(k);
      long items = verdicts.size();
      long failed = verdicts.stream().filter(Verdict.FAIL::equals).count();
      double conformance = items == 0 ? 1.0 : (double) (items - failed) / items;
      double reuse = queries.snapshot(k.proposalId).map(Portfolio::reuse).orElse(0.0);
      ScoreBreakdown b =
          scoring.breakdown(
              new ScoreInput(
                  conformance,
                  reuse,
                  cost.get(k.id),
                  maxCost,
                  bcr(k),
                  k.roadmapPhase == null ? OptionalInt.empty() : OptionalInt.of(k.roadmapPhase)));
      score.put(k.id, b.total());
      Map<String, Object> row = json.summary(k, today);
      row.put("costVnd", cost.get(k.id));
      row.put("score", round(b.total()));
      List<Map<String, Object>> parts = new ArrayList<>();
      for (ScoreBreakdown.Component comp : b.components()) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", comp.key());
        p.put("value", round(comp.value()));
        p.put("weight", comp.weight());
        p.put("contribution", round(comp.contribution()));
        p.put("noteVi", comp.noteVi());
        p.put("noteEn", comp.noteEn());
        parts.add(p);
      }
      row.put("scoreParts", parts);
      row.put("scoring", b.ruleSetId() + "@" + b.ruleSetVersion());
      rows.add(row);
    }
    rows.sort(
        Comparator.<Map<String, Object>, Double>comparing(m -> (Double) m.get("score"))
            .reversed()
            .thenComparing(m -> (Long) m.get("id")));
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put("rank", i + 1);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("date", today.toString());
    out.put("count", rows.size());
    out.put("totalVnd", cost.values().stream().mapToLong(Long::longValue).sum());
    out.put("byAgency", group(rows, m -> (String) m.get("agencyName")));
    out.put("byRouteVi", group(rows, m -> (String) ((Map<?, ?>) m.get("route")).get("titleVi")));
    out.put("byRouteEn", group(rows, m -> (String) ((Map<?, ?>) m.get("route")).get("titleEn")));
    out.put(
        "byPhase",
        group(
            rows,
            m -> m.get("roadmapPhase") == null ? "—" : String.valueOf(m.get("roadmapPhase"))));
    out.put("byStatus", group(rows, m -> (String) m.get("status")));
    out.put("ranking", rows);
    if (q.budgetVnd().isPresent()) {
      out.put("selection", select(q.budgetVnd().get(), all, cost, score));
    }
    return out;
  }

  private Map<String, Object> select(
      long budget, List<AppraisalCase> all, Map<Long, Long> cost, Map<Long, Double> score) {
    long committed = 0;
    List<BudgetSelection.Item> candidates = new ArrayList<>();
    Map<String, String> titles = new HashMap<>();
    for (AppraisalCase k : all) {
      titles.put(Long.toString(k.id), k.title);
      if (CaseStatus.of(k.status).map(CaseStatus::approved).orElse(false)) {
        committed += cost.get(k.id);
      } else {
        candidates.add(
            new BudgetSelection.Item(Long.toString(k.id), cost.get(k.id), score.get(k.id)));
      }
    }
    long available = Math.max(0, budget - committed);
    BudgetSelection.Selection s;
    try {
      s = BudgetSelection.select(candidates, available);
    } catch (IllegalArgumentException e) {
      // the exact search gives up on portfolios too large to search in reasonable time
      throw ProblemException.invalid(
          "The selection cannot be computed exactly: " + e.getMessage(),
          List.of(
              Problem.Error.field(
                  "budget",
                  "selection-too-large",
                  "Narrow the portfolio with agency, route or phase, and select within each.")));
    }
    BudgetSelection.Selection g = BudgetSelection.greedy(candidates, available);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("budgetVnd", budget);
    m.put("committedVnd", committed);
    m.put("availableVnd", available);
    m.put("method", s.method());
    m.put("chosen", s.chosen().stream().map(Long::valueOf).toList());
    m.put("chosenTitles", s.chosen().stream().map(titles::get).toList());
    m.put("totalCostVnd", s.totalCostVnd());
    m.put("totalScore", round(s.totalScore()));
    m.put("greedyScore", round(g.totalScore()));
    List<Map<String, Object>> left = new ArrayList<>();
    for (BudgetSelection.LeftOut l : s.leftOut()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("id", Long.valueOf(l.id()));
      x.put("title", titles.get(l.id()));
      x.put("reason", l.reason());
      left.add(x);
    }
    m.put("leftOut", left);
    return m;
  }

  /** The checklist verdicts the decision rested on, or as judged now for an open case. */
  private List<String> verdicts(AppraisalCase k) {
    if (json.parse(k.judgedJson) instanceof Map<?, ?> judged
        && judged.get("checklist") instanceof List<?> items) {
      List<String> out = new ArrayList<>();
      for (Object i : items) {
        if (i instanceof Map<?, ?> item) {
          out.add(String.valueOf(item.get("verdict")));
        }
      }
      return out;
    }
    return checklist.judge(k).rows().stream().map(CaseChecklist.Row::verdict).toList();
  }

  /**
   * The share of the proposal's elements that stand for existing ones (reused, integrated or
   * replaced) rather than being built.
   */
  static double reuse(ModelSnapshot p) {
    int used = ProposalFacts.refs(p).size();
    int all = p.elements().size();
    return all == 0 ? 0 : (double) used / all;
  }

  private OptionalDouble bcr(AppraisalCase k) {
    Object lc = json.parse(k.lifecycleJson);
    if (lc instanceof Map<?, ?> m && m.get("bcr") instanceof Number n) {
      return OptionalDouble.of(n.doubleValue());
    }
    return OptionalDouble.empty();
  }

  private static List<Map<String, Object>> group(
      List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
    Map<String, long[]> by = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      long[] v = by.computeIfAbsent(key.apply(r), x -> new long[2]);
      v[0]++;
      v[1] += (Long) r.get("costVnd");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    by.forEach(
        (k, v) -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("key", k);
          m.put("count", v[0]);
          m.put("costVnd", v[1]);
          out.add(m);
        });
    out.sort(Comparator.comparing(m -> (String) m.get("key")));
    return out;
  }

  private static double round(double d) {
    return Math.round(d * 10_000) / 10_000.0;
  }
}
