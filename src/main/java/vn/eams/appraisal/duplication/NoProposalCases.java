package vn.eams.appraisal.duplication;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link ProposalCases} used while no appraisal-case module provides one: no status (every
 * other proposal is searched) and no cost (no saving is estimated).
 */
@DefaultBean
@ApplicationScoped
public class NoProposalCases implements ProposalCases {

  @Override
  public Optional<String> status(String proposalModelId) {
    return Optional.empty();
  }

  @Override
  public OptionalLong estimatedCost(String proposalModelId) {
    return OptionalLong.empty();
  }
}
