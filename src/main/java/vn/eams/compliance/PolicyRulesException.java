package vn.eams.compliance;

import java.util.List;

/**
 * The policy rules could not be loaded. Nothing was loaded: the set is all or nothing.
 *
 * <p>{@link #problems()} lists every problem found, each as {@code file:line: what is wrong (how to
 * fix it)}, or {@code file: ...} where no line applies.
 */
public final class PolicyRulesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public PolicyRulesException(List<String> problems) {
    super(
        "Policy rules not loaded ("
            + problems.size()
            + " problem(s)):\n"
            + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one line each, naming the file (and line or shape). */
  public List<String> problems() {
    return problems;
  }
}
