package vn.eams.compliance;

/**
 * One model check: a small class with a stable dotted id that looks at a model through a {@link
 * CheckContext} and reports what it finds; its severity, titles and message templates are the row
 * of {@code metamodel/rules/checks.tsv} with the same id.
 */
public interface ModelCheck {

  /** The stable dotted id, e.g. {@code archimate.relationship-not-allowed}. */
  String id();

  /** Looks at the model of {@code ctx} and calls {@link CheckContext#report} for each problem. */
  void run(CheckContext ctx);
}
