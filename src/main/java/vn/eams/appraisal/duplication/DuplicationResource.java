package vn.eams.appraisal.duplication;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** The duplicated-investment search of a proposal (issue #10, checklist item 8). */
@Path("/api/models/{modelId}/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class DuplicationResource {

  private final ModelQueries queries;
  private final DuplicationRuleSets ruleSets;
  private final ProposalCases cases;

  DuplicationResource(ModelQueries queries, DuplicationRuleSets ruleSets, ProposalCases cases) {
    this.queries = queries;
    this.ruleSets = ruleSets;
    this.cases = cases;
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
    ModelSnapshot proposal =
        queries
            .snapshot(proposalId)
            .orElseThrow(() -> ProblemException.notFound("model", proposalId));
    if (!ModelKind.isProposal(proposal.model().data())) {
      throw ProblemException.invalid(
          "Model '"
              + proposalId
              + "' is not a proposal; only a proposal is searched for duplicates.",
          List.of(
              Problem.Error.field(
                  "modelId",
                  "not-a-proposal",
                  "Give the id of a model with eams:kind = proposal and an eams:baseline.")));
    }
    String baselineId = ModelKind.baseline(proposal.model().data()).orElse("");
    Optional<ModelSnapshot> baseline =
        baselineId.isEmpty() ? Optional.empty() : queries.snapshot(baselineId);
    if (baseline.isEmpty()) {
      throw ProblemException.invalid(
          "The proposal's baseline '" + baselineId + "' is gone; it cannot be searched.",
          List.of(
              Problem.Error.field(
                  "properties",
                  "unknown-baseline",
                  "Set eams:baseline to the id of an existing architecture model.")));
    }
    List<OtherProposal> others = new ArrayList<>();
    for (ModelInfo m : queries.models()) {
      if (m.id().equals(proposalId)
          || !ModelKind.isProposal(m.data())
          || !ModelKind.baseline(m.data()).orElse("").equals(baselineId)) {
        continue;
      }
      Optional<ModelSnapshot> s = queries.snapshot(m.id());
      if (s.isPresent()) {
        others.add(new OtherProposal(s.get(), cases.status(m.id()).orElse("")));
      }
    }
    DuplicationSearch search = new DuplicationSearch(ruleSets.effectiveOn(LocalDate.now()));
    return DuplicationJson.json(
        search.rank(baseline.get(), proposal, others, cases.estimatedCost(proposalId)));
  }
}
