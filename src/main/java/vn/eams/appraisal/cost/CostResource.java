package vn.eams.appraisal.cost;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;

/** Cost estimates: use-case points of internal software, and lifecycle cost and benefit. */
@Path("/api/appraisal/estimates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class CostResource {

  private final CostRuleSets ruleSets;
  private final CostJson json;

  CostResource(CostRuleSets ruleSets, CostJson json) {
    this.ruleSets = ruleSets;
    this.json = json;
  }

  @POST
  @Path("ucp")
  @Access(Right.READ)
  @Operation(
      summary = "Estimate internal software by use-case points, with every intermediate value",
      description =
          "Body: ruleSetId (default: the confirmed rule-set in force today), actors {simple,"
              + " average, complex}, useCases [{name, class B|M|T, transactions}],"
              + " technicalFactors {id: 0–5}, environmentalFactors {id: 0–5}, hourlyCostVnd.")
  public Map<String, Object> ucp(JsonNode body) {
    UcpInput in = json.ucpInput(body);
    UcpRuleSet rules = ruleSets.byId(in.ruleSetId()).orElseThrow();
    return CostJson.json(UcpEstimator.estimate(rules, in));
  }

  @POST
  @Path("lifecycle")
  @Access(Right.READ)
  @Operation(
      summary = "Total cost of ownership, NPV, benefit-cost ratio and payback of a yearly stream",
      description =
          "Body: discountRate (fraction), years [{year (0 = today), capexVnd, opexVnd,"
              + " benefitVnd}].")
  public Map<String, Object> lifecycle(JsonNode body) {
    return CostJson.json(Lifecycle.compute(json.lifecycleInput(body)));
  }
}
