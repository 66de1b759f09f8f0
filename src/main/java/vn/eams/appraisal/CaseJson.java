package vn.eams.appraisal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import vn.eams.model.Element;
import vn.eams.model.ModelQueries;

/** The JSON of cases: a summary for lists, everything for one case. */
@ApplicationScoped
public class CaseJson {

  private final RouteRules routes;
  private final ModelQueries queries;
  private final ObjectMapper mapper;

  CaseJson(RouteRules routes, ModelQueries queries, ObjectMapper mapper) {
    this.routes = routes;
    this.queries = queries;
    this.mapper = mapper;
  }

  /** What a list shows of a case. */
  public Map<String, Object> summary(AppraisalCase k, LocalDate today) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", k.id);
    m.put("version", k.version);
    m.put("title", k.title);
    m.put("proposalId", k.proposalId);
    m.put("baselineId", k.baselineId);
    m.put("agencyId", k.agencyId);
    m.put(
        "agencyName",
        queries.element(k.agencyId).map(Element::data).map(d -> d.name()).orElse(k.agencyId));
    m.put("funding", k.funding);
    m.put("totalVnd", k.totalVnd);
    m.put("securityLevel", k.securityLevel);
    m.put("roadmapPhase", k.roadmapPhase);
    RouteRules.RouteInfo r = routes.route(k);
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("id", k.routeId);
    route.put("titleVi", r.titleVi());
    route.put("titleEn", r.titleEn());
    route.put("basis", r.basis());
    route.put("suggested", k.routeSuggested);
    route.put("group", k.projectGroup);
    route.put("oneStep", k.oneStep);
    route.put("ruleset", k.ruleset);
    m.put("route", route);
    m.put("receivedOn", k.receivedOn.toString());
    Map<String, Object> deadline = new LinkedHashMap<>();
    deadline.put("date", k.deadlineOn == null ? null : k.deadlineOn.toString());
    deadline.put("days", k.deadlineDays);
    deadline.put("kind", k.deadlineKind);
    deadline.put("basis", k.deadlineBasis);
    boolean open = CaseStatus.of(k.status).map(CaseStatus::open).orElse(false);
    Long left = open && k.deadlineOn != null ? routes.daysLeft(k, today) : null;
    deadline.put("daysLeft", left);
    deadline.put("overdue", left != null && left < 0);
    m.put("deadline", deadline);
    m.put("assignee", k.assignee);
    m.put("status", k.status);
    m.put("decision", k.decision);
    m.put("decidedBy", k.decidedBy);
    m.put("decidedAt", k.decidedAt == null ? null : k.decidedAt.toString());
    m.put("mergedSeq", k.mergedSeq);
    m.put("benefitVnd", k.benefitVnd);
    m.put("estimatedCostVnd", estimatedCost(k).orElse(null));
    m.put("openedBy", k.openedBy);
    m.put("openedAt", k.openedAt.toString());
    m.put("updatedAt", k.updatedAt.toString());
    return m;
  }

  /** Everything of one case. */
  public Map<String, Object> full(
      AppraisalCase k,
      LocalDate today,
      Supplier<CaseChecklist.Result> checklist,
      List<AppraisalCases.DocumentInfo> documents,
      List<CaseEvent> events) {
    Map<String, Object> m = summary(k, today);
    if (parse(k.judgedJson) instanceof Map<?, ?> judged) {
      judged.forEach((key, value) -> m.put(String.valueOf(key), value));
      m.put("judgedAt", k.decidedAt == null ? null : k.decidedAt.toString());
    } else {
      m.putAll(judged(checklist.get()));
      m.put("judgedAt", null);
    }
    m.put("decisionReasons", k.decisionReasons);
    m.put(
        "decisionConditions",
        k.decisionConditions == null ? List.of() : List.of(k.decisionConditions.split("\n")));
    List<Map<String, Object>> slots = new ArrayList<>();
    for (RouteRules.Slot s : routes.slots(k)) {
      Map<String, Object> slot = new LinkedHashMap<>();
      slot.put("id", s.id());
      slot.put("titleVi", s.titleVi());
      slot.put("titleEn", s.titleEn());
      slot.put("required", s.required());
      slot.put("fileTypes", s.types());
      slot.put("maxBytes", s.maxBytes());
      List<Map<String, Object>> revs = new ArrayList<>();
      for (AppraisalCases.DocumentInfo d : documents) {
        if (d.slotId().equals(s.id())) {
          Map<String, Object> rev = new LinkedHashMap<>();
          rev.put("revision", d.revision());
          rev.put("fileName", d.fileName());
          rev.put("contentType", d.contentType());
          rev.put("sizeBytes", d.sizeBytes());
          rev.put("sha256", d.sha256());
          rev.put("uploadedBy", d.uploadedBy());
          rev.put("uploadedAt", d.uploadedAt().toString());
          rev.put(
              "href",
              "/api/appraisal/cases/" + k.id + "/documents/" + d.slotId() + "/" + d.revision());
          revs.add(rev);
        }
      }
      slot.put("revisions", revs);
      slots.add(slot);
    }
    m.put("documents", slots);
    m.put("estimate", parse(k.estimateJson));
    m.put("lifecycle", parse(k.lifecycleJson));
    List<Map<String, Object>> history = new ArrayList<>();
    for (CaseEvent e : events) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("at", e.at.toString());
      h.put("actor", e.actor);
      h.put("kind", e.kind);
      h.put("status", e.status);
      h.put("note", e.note);
      history.add(h);
    }
    m.put("history", history);
    return m;
  }

  /** The checklist as judged now, the compliance report's change number and the duplicates. */
  Map<String, Object> judged(CaseChecklist.Result checklist) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> items = new ArrayList<>();
    for (CaseChecklist.Row row : checklist.rows()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("id", row.item().id());
      i.put("number", row.item().number());
      i.put("titleVi", row.item().titleVi());
      i.put("titleEn", row.item().titleEn());
      i.put("basis", row.item().basis());
      i.put("judge", row.item().judge());
      i.put("auto", row.auto());
      i.put("autoVerdict", row.autoVerdict());
      i.put("evidenceVi", row.evidenceVi());
      i.put("evidenceEn", row.evidenceEn());
      i.put("conceptIds", row.conceptIds());
      i.put("verdict", row.verdict());
      i.put("comment", row.review().map(c -> c.comment).orElse(null));
      i.put("reviewedBy", row.review().map(c -> c.updatedBy).orElse(null));
      i.put("reviewedAt", row.review().map(c -> c.updatedAt.toString()).orElse(null));
      items.add(i);
    }
    m.put("checklist", items);
    m.put("complianceSeq", checklist.report().map(r -> r.seq()).orElse(null));
    m.put("duplication", checklist.duplication().matches());
    return m;
  }

  /** The software estimate's total (with mark-ups), else the case's stated total. */
  public Optional<Long> estimatedCost(AppraisalCase k) {
    Object e = parse(k.estimateJson);
    if (e instanceof Map<?, ?> map && map.get("totalVnd") instanceof Number n) {
      return Optional.of(n.longValue());
    }
    return Optional.empty();
  }

  Object parse(String json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    try {
      return mapper.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON of a case cannot be read", e);
    }
  }

  String write(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
