package vn.eams.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;

/** The JSON form of a compliance report and of rules (docs/compliance.md). */
public final class ReportJson {

  private ReportJson() {}

  /** The report as JSON. */
  public static Map<String, Object> of(ComplianceReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", model(r.model()));
    out.put("kind", r.proposal() ? ModelKind.PROPOSAL : ModelKind.ARCHITECTURE);
    r.baseline().ifPresent(b -> out.put("baseline", model(b)));
    out.put("seq", r.seq());
    out.put("checkedAt", r.checkedAt().toString());
    out.put("millis", r.millis());
    out.put("timings", r.timings());
    Map<String, Object> summary = new LinkedHashMap<>();
    for (Severity s : Severity.values()) {
      summary.put(s.code(), r.count(s));
    }
    summary.put("total", r.findings().size());
    out.put("summary", summary);
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : r.findings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rule", f.rule().id());
      m.put("kind", f.rule().kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("severity", f.severity().code());
      m.put("title", f.rule().titleVi());
      m.put("titleEn", f.rule().titleEn());
      m.put("message", f.messageVi());
      m.put("messageEn", f.messageEn());
      m.put("hint", f.rule().hintVi());
      m.put("hintEn", f.rule().hintEn());
      m.put("basis", f.rule().basis());
      List<Map<String, Object>> concepts = new ArrayList<>();
      for (String id : f.conceptIds()) {
        concepts.add(concept(r, id));
      }
      m.put("concepts", concepts);
      ComplianceReport.Concept first =
          f.conceptIds().isEmpty() ? null : r.concepts().get(f.conceptIds().get(0));
      m.put("agencyId", first == null ? "" : first.agencyId());
      findings.add(m);
    }
    out.put("findings", findings);
    if (r.proposal()) {
      out.put("baselineFindings", r.baselineFindings());
      List<Map<String, Object>> uses = new ArrayList<>();
      for (ComplianceReport.Use u : r.uses()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("element", concept(r, u.baselineId()));
        m.put("use", u.use());
        m.put("relationships", u.relationshipIds());
        uses.add(m);
      }
      out.put("uses", uses);
    }
    out.put("rules", rules(r.rules()));
    return out;
  }

  /** Rules as JSON. */
  public static List<Map<String, Object>> rules(List<Rule> rules) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Rule rule : rules) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", rule.id());
      m.put("kind", rule.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("severity", rule.severity().code());
      m.put("title", rule.titleVi());
      m.put("titleEn", rule.titleEn());
      m.put("hint", rule.hintVi());
      m.put("hintEn", rule.hintEn());
      m.put("basis", rule.basis());
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> model(ModelInfo m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("name", m.data().name());
    out.put("nameEn", m.data().nameEn());
    return out;
  }

  private static Map<String, Object> concept(ComplianceReport r, String id) {
    ComplianceReport.Concept c = r.concepts().get(id);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    if (c != null) {
      m.put("type", c.type());
      m.put("name", c.name());
      m.put("nameEn", c.nameEn());
      m.put("modelId", c.modelId());
      m.put("agencyId", c.agencyId());
      m.put("proposed", c.proposed());
    }
    return m;
  }
}
