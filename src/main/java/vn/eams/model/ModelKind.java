package vn.eams.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import vn.eams.platform.Problem;

/**
 * What kind of model a model is, read from its reserved properties: an architecture (the default)
 * or an agency's proposed IT project layered over a baseline architecture ({@code eams:kind =
 * proposal}, {@code eams:baseline = <model id>}). Keeping the kind in properties lets it travel
 * through every export and import unchanged (docs/compliance.md).
 */
public final class ModelKind {

  /** Model property: {@code architecture} (default) or {@code proposal}. */
  public static final String KIND = "eams:kind";

  /** Model property of a proposal: the id of the model it is layered over. */
  public static final String BASELINE = "eams:baseline";

  /** Element property in a proposal: the id of the baseline element the element stands for. */
  public static final String REF = "eams:ref";

  /** Element property in a proposal: what the project does with the referenced element. */
  public static final String USE = "eams:use";

  /** Relationship property: the decision that approves an exception to a policy rule. */
  public static final String EXCEPTION = "eams:exception";

  /** Property of a concept merged from a proposal: the proposal's model id. */
  public static final String FROM_PROPOSAL = "eams:proposal";

  public static final String ARCHITECTURE = "architecture";
  public static final String PROPOSAL = "proposal";

  /** The values {@link #USE} may take; the first is the default. */
  public static final List<String> USES = List.of("reuse", "integrate", "replace");

  private ModelKind() {}

  /** {@link #PROPOSAL} or {@link #ARCHITECTURE}. */
  public static String of(ModelData d) {
    return first(d.properties(), KIND).map(String::strip).orElse(ARCHITECTURE);
  }

  public static boolean isProposal(ModelData d) {
    return PROPOSAL.equals(of(d));
  }

  /** The baseline model of a proposal. */
  public static Optional<String> baseline(ModelData d) {
    return first(d.properties(), BASELINE).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** The first value of {@code key} among the properties. */
  public static Optional<String> first(List<Property> properties, String key) {
    for (Property p : properties) {
      if (p.key().equals(key)) {
        return Optional.of(p.value());
      }
    }
    return Optional.empty();
  }

  /**
   * What is wrong with the kind of model {@code id}: an unknown kind, a repeated key, a proposal
   * without an existing architecture as baseline, a baseline on an architecture.
   */
  static List<Problem.Error> problems(
      String id, ModelData d, Function<String, Optional<ModelInfo>> models) {
    List<Problem.Error> errors = new ArrayList<>();
    long kinds = d.properties().stream().filter(p -> p.key().equals(KIND)).count();
    long baselines = d.properties().stream().filter(p -> p.key().equals(BASELINE)).count();
    if (kinds > 1 || baselines > 1) {
      errors.add(
          Problem.Error.field(
              "properties",
              "repeated-property",
              "Give '" + KIND + "' and '" + BASELINE + "' at most once each."));
    }
    String kind = of(d);
    if (!kind.equals(ARCHITECTURE) && !kind.equals(PROPOSAL)) {
      errors.add(
          Problem.Error.field(
              "properties",
              "invalid-kind",
              "'"
                  + KIND
                  + "' is '"
                  + kind
                  + "'; write 'proposal' for an agency's proposed project or leave it out for an"
                  + " architecture."));
      return errors;
    }
    Optional<String> baseline = baseline(d);
    if (kind.equals(ARCHITECTURE)) {
      if (baseline.isPresent()) {
        errors.add(
            Problem.Error.field(
                "properties",
                "baseline-without-proposal",
                "Only a proposal has a baseline: add '"
                    + KIND
                    + " = proposal' or remove '"
                    + BASELINE
                    + "'."));
      }
      return errors;
    }
    if (baseline.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "properties",
              "baseline-required",
              "A proposal is layered over an architecture: add '"
                  + BASELINE
                  + "' with the id of that model."));
      return errors;
    }
    String b = baseline.get();
    if (b.equals(id)) {
      errors.add(
          Problem.Error.field(
              "properties",
              "invalid-baseline",
              "A proposal cannot be its own baseline; give the id of the architecture it changes."));
      return errors;
    }
    Optional<ModelInfo> base = models.apply(b);
    if (base.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "properties",
              "unknown-baseline",
              "No model '" + b + "' exists; give the id of the architecture the project changes."));
    } else if (isProposal(base.get().data())) {
      errors.add(
          Problem.Error.field(
              "properties",
              "invalid-baseline",
              "'" + b + "' is itself a proposal; layer the proposal over an architecture model."));
    }
    return errors;
  }
}
