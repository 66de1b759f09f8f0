package vn.eams.appraisal.duplication;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Runs the duplicated-investment search of one proposal against the repository: its baseline and
 * every other proposal over the same baseline, with their cases' status and the proposal's
 * estimated cost from {@link ProposalCases}.
 */
@ApplicationScoped
public class DuplicationService {

  private final ModelQueries queries;
  private final DuplicationRuleSets ruleSets;
  private final ProposalCases cases;

  DuplicationService(ModelQueries queries, DuplicationRuleSets ruleSets, ProposalCases cases) {
    this.queries = queries;
    this.ruleSets = ruleSets;
    this.cases = cases;
  }

  /** The ranked overlaps of the proposal; 404 or 422 problems when it is not a proposal. */
  public DuplicationReport report(String proposalId) {
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
    return search.rank(baseline.get(), proposal, others, cases.estimatedCost(proposalId));
  }
}
