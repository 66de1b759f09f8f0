package vn.eams.appraisal.duplication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The JSON form of a duplication report (docs/appraisal-duplication.md). */
public final class DuplicationJson {

  private DuplicationJson() {}

  public static Map<String, Object> json(DuplicationReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("proposalId", r.proposalId());
    m.put("baselineId", r.baselineId());
    Map<String, Object> rs = new LinkedHashMap<>();
    rs.put("id", r.ruleSetId());
    rs.put("version", r.ruleSetVersion());
    rs.put("effectiveFrom", r.ruleSetEffectiveFrom().toString());
    rs.put("toBeConfirmed", r.ruleSetToBeConfirmed());
    m.put("ruleSet", rs);
    m.put("buildCostVnd", orNull(r.buildCostVnd()));
    List<Map<String, Object>> proposed = new ArrayList<>();
    for (DuplicationReport.Proposed p : r.proposed()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", p.id());
      e.put("type", p.type());
      e.put("specialization", p.specialization());
      e.put("name", p.name());
      e.put("nameEn", p.nameEn());
      e.put("kind", p.kind());
      e.put("buildCostShareVnd", orNull(p.buildCostShareVnd()));
      proposed.add(e);
    }
    m.put("proposed", proposed);
    List<Map<String, Object>> matches = new ArrayList<>();
    int rank = 0;
    for (DuplicationReport.Match x : r.matches()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("rank", ++rank);
      e.put("candidateId", x.candidateId());
      e.put("modelId", x.modelId());
      e.put("type", x.type());
      e.put("specialization", x.specialization());
      e.put("name", x.name());
      e.put("nameEn", x.nameEn());
      e.put("kind", x.kind());
      e.put("proposedElementId", x.proposedElementId());
      e.put("proposedElementName", x.proposedElementName());
      e.put("score", x.score());
      List<Map<String, Object>> reasons = new ArrayList<>();
      for (DuplicationReport.Reason why : x.reasons()) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("code", why.code());
        w.put("textVi", why.textVi());
        w.put("textEn", why.textEn());
        w.put("weight", why.weight());
        reasons.add(w);
      }
      e.put("reasons", reasons);
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("code", x.suggestion().code());
      s.put("textVi", x.suggestion().textVi());
      s.put("textEn", x.suggestion().textEn());
      e.put("suggestion", s);
      e.put("estimatedSavingVnd", orNull(x.estimatedSavingVnd()));
      e.put("status", x.status().orElse(null));
      matches.add(e);
    }
    m.put("matches", matches);
    List<Map<String, Object>> left = new ArrayList<>();
    for (DuplicationReport.LeftOut l : r.leftOut()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("modelId", l.modelId());
      e.put("name", l.name());
      e.put("status", l.status());
      left.add(e);
    }
    m.put("leftOut", left);
    return m;
  }

  private static Long orNull(OptionalLong v) {
    return v.isPresent() ? v.getAsLong() : null;
  }
}
