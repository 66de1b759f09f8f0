package vn.eams.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Everything of one case as JSON, judged now: what the API answers and the pages show. */
@ApplicationScoped
public class CaseViews {

  private final AppraisalCases cases;
  private final CaseChecklist checklist;
  private final CaseJson json;

  CaseViews(AppraisalCases cases, CaseChecklist checklist, CaseJson json) {
    this.cases = cases;
    this.checklist = checklist;
    this.json = json;
  }

  public Map<String, Object> full(AppraisalCase k) {
    return json.full(
        k,
        AppraisalCases.today(),
        () -> checklist.judge(k),
        cases.documents(k.id),
        cases.events(k.id));
  }
}
