package vn.eams.appraisal.duplication;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;

/** The duplicated-investment search of a proposal (issue #10, checklist item 8). */
@Path("/api/models/{modelId}/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class DuplicationResource {

  private final DuplicationService service;

  DuplicationResource(DuplicationService service) {
    this.service = service;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "Existing applications, databases and other proposals that overlap a proposal",
      description =
          "For every application and database the proposal builds, the baseline's applications"
              + " and databases and what other proposals over the same baseline build, ranked by"
              + " score with reasons, a suggestion (reuse, extend, integrate) and an estimated"
              + " saving when the build cost is known. Proposals whose case is rejected or"
              + " withdrawn are left out.")
  public Map<String, Object> duplicates(@PathParam("modelId") String proposalId) {
    return DuplicationJson.json(service.report(proposalId));
  }
}
