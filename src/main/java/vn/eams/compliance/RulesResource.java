package vn.eams.compliance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;

/** The rules models are checked against; reloading the policy rules. */
@Path("/api/compliance/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance")
public class RulesResource {

  private final ComplianceService service;
  private final PolicyRuleSet policies;

  RulesResource(ComplianceService service, PolicyRuleSet policies) {
    this.service = service;
    this.policies = policies;
  }

  @GET
  @Access(Right.READ)
  @Operation(summary = "Every model check and policy rule, with severity and basis")
  public List<Map<String, Object>> rules() {
    return ReportJson.rules(service.rules());
  }

  @POST
  @Path("reload")
  @Access(Right.ADMIN)
  @Operation(
      summary = "Read the policy rules again (shipped and the rules folder), all or nothing",
      description = "A broken file leaves the rules in force unchanged and is named in the 422.")
  public Map<String, Object> reload() {
    PolicyRules r = policies.reload();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("policyRules", r.rules().size());
    out.put("generation", policies.generation());
    out.put("rules", ReportJson.rules(service.rules()));
    return out;
  }
}
