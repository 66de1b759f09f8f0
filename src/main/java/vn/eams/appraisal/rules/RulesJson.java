package vn.eams.appraisal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.eams.appraisal.portfolio.ScoreWeights;

/** The JSON of the appraisal rule-sets and their answers (maps, for the API and stored cases). */
public final class RulesJson {

  private RulesJson() {}

  /** A route rule-set with its funding kinds, thresholds and routes. */
  public static Map<String, Object> json(RouteRuleSet s) {
    Map<String, Object> m =
        header(s.id(), s.version(), s.effectiveFrom(), s.effectiveTo().orElse(null));
    m.put("titleVi", s.titleVi());
    m.put("titleEn", s.titleEn());
    m.put("basis", s.basis());
    List<Object> kinds = new ArrayList<>();
    for (FundingKind k : s.fundingKinds()) {
      Map<String, Object> km = new LinkedHashMap<>();
      km.put("key", k.funding().key());
      km.put("titleVi", k.titleVi());
      km.put("titleEn", k.titleEn());
      km.put("basis", k.basis());
      kinds.add(km);
    }
    m.put("fundingKinds", kinds);
    Thresholds t = s.thresholds();
    Map<String, Object> tm = new LinkedHashMap<>();
    tm.put("groupAMinVnd", t.groupAMinVnd());
    tm.put("groupAMinBasis", t.groupAMinBasis());
    tm.put("groupBMinVnd", t.groupBMinVnd());
    tm.put("groupBMinBasis", t.groupBMinBasis());
    tm.put("oneStepMaxVnd", t.oneStepMaxVnd());
    tm.put("oneStepMaxBasis", t.oneStepMaxBasis());
    tm.put("recurrentProcurementMaxVnd", t.recurrentProcurementMaxVnd());
    tm.put("recurrentProcurementMaxBasis", t.recurrentProcurementMaxBasis());
    tm.put("recurrentOutlineMaxVnd", t.recurrentOutlineMaxVnd());
    tm.put("recurrentOutlineMaxBasis", t.recurrentOutlineMaxBasis());
    m.put("thresholds", tm);
    m.put("routes", s.routes().stream().map(RulesJson::json).toList());
    return m;
  }

  /** A route with its deadlines, documents and checklist item ids. */
  public static Map<String, Object> json(Route r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("titleVi", r.titleVi());
    m.put("titleEn", r.titleEn());
    m.put("basis", r.basis());
    m.put("deadlines", r.deadlines().stream().map(RulesJson::json).toList());
    List<Object> docs = new ArrayList<>();
    for (DocumentSlot d : r.documents()) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("id", d.id());
      dm.put("titleVi", d.titleVi());
      dm.put("titleEn", d.titleEn());
      dm.put("required", d.required());
      dm.put("fileTypes", d.fileTypes());
      dm.put("maxBytes", d.maxBytes());
      docs.add(dm);
    }
    m.put("documents", docs);
    m.put("checklist", r.checklist());
    return m;
  }

  /** A deadline rule. */
  public static Map<String, Object> json(Deadline d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", d.step());
    m.put("groups", d.groups());
    m.put("days", d.days());
    m.put("kind", d.kind().name());
    m.put("basis", d.basis());
    return m;
  }

  /** A checklist item. */
  public static Map<String, Object> json(ChecklistItem i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("number", i.number());
    m.put("titleVi", i.titleVi());
    m.put("titleEn", i.titleEn());
    m.put("basis", i.basis());
    m.put("judge", i.judge().key());
    m.put("automatic", i.judge().automatic());
    m.put("allRoutes", i.allRoutes());
    return m;
  }

  /** The checklist. */
  public static Map<String, Object> json(Checklist c) {
    Map<String, Object> m = header(c.id(), c.version(), c.effectiveFrom(), null);
    m.put("items", c.items().stream().map(RulesJson::json).toList());
    return m;
  }

  /** The calendar: its years and listed days. */
  public static Map<String, Object> json(WorkingCalendar c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("firstYear", c.firstYear());
    m.put("lastYear", c.lastYear());
    m.put("days", c.days().stream().map(RulesJson::json).toList());
    return m;
  }

  /** A listed calendar day. */
  public static Map<String, Object> json(CalendarDay d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", d.date().toString());
    m.put("kind", d.workday() ? "workday" : "holiday");
    m.put("nameVi", d.nameVi());
    m.put("nameEn", d.nameEn());
    m.put("confirmed", d.confirmed());
    return m;
  }

  /** Portfolio weights. */
  public static Map<String, Object> json(ScoreWeights w) {
    Map<String, Object> m =
        header(w.id(), w.version(), w.effectiveFrom(), w.effectiveTo().orElse(null));
    Map<String, Object> weights = new LinkedHashMap<>();
    for (String k : ScoreWeights.COMPONENTS) {
      weights.put(k, w.weights().get(k));
    }
    m.put("weights", weights);
    m.put("bcrForFullBenefit", w.bcrForFullBenefit());
    Map<String, Object> phases = new LinkedHashMap<>();
    new TreeMap<>(w.phaseValues()).forEach((k, v) -> phases.put(String.valueOf(k), v));
    m.put("phaseValues", phases);
    return m;
  }

  /** A route suggestion with its route. */
  public static Map<String, Object> json(RouteSuggestion s, Route route) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ruleSetId", s.ruleSetId());
    m.put("ruleSetVersion", s.ruleSetVersion());
    m.put("funding", s.funding().key());
    m.put("totalVnd", s.totalVnd());
    m.put("route", s.routeId());
    m.put("routeTitleVi", route.titleVi());
    m.put("routeTitleEn", route.titleEn());
    m.put("group", s.group());
    m.put("oneStep", s.oneStep());
    m.put("deadlineGroup", s.deadlineGroup());
    m.put("deadline", s.deadline().map(RulesJson::json).orElse(null));
    m.put("reasonsVi", s.reasonsVi());
    m.put("reasonsEn", s.reasonsEn());
    m.put("basis", s.basis());
    m.put("documents", json(route).get("documents"));
    m.put("checklist", route.checklist());
    return m;
  }

  private static Map<String, Object> header(
      String id, String version, LocalDate from, LocalDate to) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("version", version);
    m.put("effectiveFrom", from.toString());
    m.put("effectiveTo", to == null ? null : to.toString());
    return m;
  }
}
