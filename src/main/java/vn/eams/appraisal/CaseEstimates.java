package vn.eams.appraisal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.eams.accounts.Caller;
import vn.eams.appraisal.cost.CostJson;
import vn.eams.appraisal.cost.CostRuleSets;
import vn.eams.appraisal.cost.Lifecycle;
import vn.eams.appraisal.cost.UcpEstimator;
import vn.eams.appraisal.cost.UcpInput;
import vn.eams.appraisal.cost.UcpRuleSet;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Estimates a case's cost and stores the result on the case: the use-case-point estimate of its
 * internal software (with every intermediate value and the rule-set and version it used) and its
 * total cost of ownership with NPV, benefit-cost ratio and payback. The input is stored with the
 * result so the estimate can be read back and repeated.
 */
@ApplicationScoped
public class CaseEstimates {

  private final AppraisalCases cases;
  private final CostJson costJson;
  private final CostRuleSets ruleSets;
  private final CaseJson json;

  CaseEstimates(AppraisalCases cases, CostJson costJson, CostRuleSets ruleSets, CaseJson json) {
    this.cases = cases;
    this.costJson = costJson;
    this.ruleSets = ruleSets;
    this.json = json;
  }

  public void store(long id, Optional<JsonNode> ucp, Optional<JsonNode> lifecycle, Caller c) {
    Optional<JsonNode> u = ucp.filter(n -> !n.isNull());
    Optional<JsonNode> lc = lifecycle.filter(n -> !n.isNull());
    if (u.isEmpty() && lc.isEmpty()) {
      throw ProblemException.badRequest(
          "Nothing to estimate.",
          List.of(
              Problem.Error.field(
                  "ucp", "required", "Send \"ucp\" (use-case points), \"lifecycle\" or both.")));
    }
    cases.get(id, c);
    Optional<String> ucpJson = Optional.empty();
    StringBuilder note = new StringBuilder();
    if (u.isPresent()) {
      UcpInput in = costJson.ucpInput(u.get(), AppraisalCases.today());
      UcpRuleSet rs = ruleSets.byId(in.ruleSetId()).orElseThrow();
      Map<String, Object> out = new LinkedHashMap<>(CostJson.json(UcpEstimator.estimate(rs, in)));
      out.put("input", u.get());
      ucpJson = Optional.of(json.write(out));
      note.append("UCP ")
          .append(rs.id())
          .append('@')
          .append(rs.version())
          .append(": ")
          .append(out.get("totalVnd"))
          .append(" VND");
    }
    Optional<String> lcJson = Optional.empty();
    if (lc.isPresent()) {
      Map<String, Object> out =
          new LinkedHashMap<>(CostJson.json(Lifecycle.compute(costJson.lifecycleInput(lc.get()))));
      out.put("input", lc.get());
      lcJson = Optional.of(json.write(out));
      if (note.length() > 0) {
        note.append("; ");
      }
      note.append("NPV ").append(out.get("npvVnd")).append(" VND, BCR ").append(out.get("bcr"));
    }
    cases.estimate(id, ucpJson, lcJson, note.toString(), c);
  }
}
