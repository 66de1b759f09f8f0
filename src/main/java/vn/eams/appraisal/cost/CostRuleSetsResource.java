package vn.eams.appraisal.cost;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;

/** The cost rule-sets (use-case-point coefficients) and which one applies by default. */
@Path("/api/appraisal/cost-rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class CostRuleSetsResource {

  private final CostRuleSets ruleSets;

  CostRuleSetsResource(CostRuleSets ruleSets) {
    this.ruleSets = ruleSets;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "Every cost rule-set with its coefficients; 'default' marks the one in force today")
  public List<Map<String, Object>> list() {
    String current;
    try {
      current = ruleSets.effectiveOn(LocalDate.now()).id();
    } catch (NoSuchElementException e) {
      current = null;
    }
    String today = current;
    return ruleSets.all().stream().map(s -> CostJson.json(s, s.id().equals(today))).toList();
  }
}
