package vn.eams.appraisal.duplication;

/** A duplication rule-set file that cannot be used; the message names the file and the field. */
public class DuplicationRuleSetException extends RuntimeException {

  public DuplicationRuleSetException(String message) {
    super(message);
  }
}
