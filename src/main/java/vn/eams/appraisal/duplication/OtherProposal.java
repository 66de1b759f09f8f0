package vn.eams.appraisal.duplication;

import vn.eams.model.ModelSnapshot;

/**
 * Another proposal over the same baseline, with the status of its appraisal case ("" when it has
 * none): what it builds is a candidate unless its status is one the rule-set leaves out.
 */
public record OtherProposal(ModelSnapshot snapshot, String status) {

  public OtherProposal {
    status = status == null ? "" : status;
  }
}
