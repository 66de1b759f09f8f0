package vn.eams.appraisal.duplication;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the appraisal cases know of a proposal: the status of its case and its estimated build cost.
 * The appraisal-case module provides the real one; without it {@link NoProposalCases} knows
 * nothing.
 */
public interface ProposalCases {

  /** The status of the proposal's appraisal case ("open", "approved", "rejected" …), if any. */
  Optional<String> status(String proposalModelId);

  /** The proposal's estimated build cost in VND, if known. */
  OptionalLong estimatedCost(String proposalModelId);
}
