package vn.eams.appraisal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** The investment portfolio of the appraisal cases (issue #10). */
@Path("/api/appraisal/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class PortfolioResource {

  private final Portfolio portfolio;
  private final CurrentCaller caller;

  PortfolioResource(Portfolio portfolio, CurrentCaller caller) {
    this.portfolio = portfolio;
    this.caller = caller;
  }

  @GET
  @Access(Right.REVIEW)
  @Operation(
      summary = "Open and approved cases by agency, route, phase and status, ranked by score",
      description =
          "With ?budget=<VND>, the optimal selection of the open cases under what the approved"
              + " ones leave of the ceiling (exact 0/1 knapsack, not greedy), with what was left"
              + " out and why. Filters: agency, route, phase.")
  public Map<String, Object> get(
      @QueryParam("budget") String budget,
      @QueryParam("agency") String agency,
      @QueryParam("route") String route,
      @QueryParam("phase") String phase) {
    Optional<Long> b = whole(budget, "budget");
    Optional<Long> p = whole(phase, "phase");
    return portfolio.build(
        new Portfolio.Query(
            b,
            AppraisalResource.blank(agency),
            AppraisalResource.blank(route),
            p.map(Long::intValue)),
        caller.get().orElseThrow());
  }

  private static Optional<Long> whole(String s, String field) {
    Optional<String> v = AppraisalResource.blank(s);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(v.get()));
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest(
          field + " is not a whole number.",
          List.of(
              Problem.Error.field(
                  field, "invalid-value", "Give a whole number, e.g. 5000000000.")));
    }
  }
}
