package vn.eams.appraisal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalLong;
import vn.eams.appraisal.duplication.ProposalCases;

/**
 * Tells the duplication search where other proposals stand: the status of the latest case on each
 * (a rejected or withdrawn proposal is no longer a candidate) and its estimated cost (for the
 * saving of reuse).
 */
@ApplicationScoped
public class CaseProposalStatus implements ProposalCases {

  private final CaseJson json;

  CaseProposalStatus(CaseJson json) {
    this.json = json;
  }

  private Optional<AppraisalCase> latest(String proposalId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AppraisalCase.<AppraisalCase>find("proposalId = ?1 order by id desc", proposalId)
                    .firstResultOptional());
  }

  @Override
  public Optional<String> status(String proposalModelId) {
    return latest(proposalModelId).map(k -> k.status);
  }

  @Override
  public OptionalLong estimatedCost(String proposalModelId) {
    Optional<AppraisalCase> k = latest(proposalModelId);
    if (k.isEmpty()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(json.estimatedCost(k.get()).orElse(k.get().totalVnd));
  }
}
