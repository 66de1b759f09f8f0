package vn.eams.appraisal.cost;

import java.util.List;

/** A cost rule-set file that cannot be used; the message names the file and every bad field. */
public class CostRuleSetException extends RuntimeException {

  private final List<String> problems;

  public CostRuleSetException(String file, List<String> problems) {
    super(file + ": " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem: the field and what to write there. */
  public List<String> problems() {
    return problems;
  }
}
