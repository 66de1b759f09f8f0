package vn.eams.compliance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelSnapshot;

/**
 * Runs every model check (ArchiMate's syntax and hygiene checks and the profile's) over a model
 * snapshot. Each check is one class; its severity, titles and messages come from the catalogue
 * ({@code metamodel/rules/checks.tsv}), and the severity may be overridden per rule id.
 */
public final class ModelChecks {

  private static final List<ModelCheck> CHECKS =
      List.of(
          new RelationshipNotAllowed(),
          new JunctionPathNotAllowed(),
          new ViewpointElementNotAllowed(),
          new NestingWithoutRelationship(),
          new JunctionMixedRelationships(),
          new DuplicateElement(),
          new ElementInNoView(),
          new RelationshipInNoView(),
          new EmptyView(),
          new RequiredPropertyMissing(),
          new ValueOutOfRange(),
          new InvalidValidityDates(),
          new SuccessorCycle());

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> f.rule().id())
          .thenComparing(f -> f.conceptIds().isEmpty() ? "" : f.conceptIds().get(0));

  private record Bound(ModelCheck check, CheckCatalogue.Entry entry) {}

  private final Metamodel metamodel;
  private final List<Bound> bound;
  private final List<Rule> rules;

  /** The checks with the catalogue's default severities. */
  public ModelChecks(Metamodel metamodel, CheckCatalogue catalogue) {
    this(metamodel, catalogue, Map.of());
  }

  /**
   * The checks with the severities of {@code overrides} (rule id to severity) in place of the
   * catalogue's.
   *
   * @throws vn.eams.metamodel.MetamodelException when a check has no row in the catalogue or a row
   *     no check
   * @throws IllegalArgumentException when an override names no check
   */
  public ModelChecks(
      Metamodel metamodel, CheckCatalogue catalogue, Map<String, Severity> overrides) {
    this.metamodel = metamodel;
    Set<String> ids = new HashSet<>();
    List<Bound> list = new ArrayList<>();
    for (ModelCheck check : CHECKS) {
      ids.add(check.id());
      CheckCatalogue.Entry entry =
          catalogue
              .entry(check.id())
              .orElseThrow(
                  () ->
                      catalogue.error(
                          "has no row for the model check '"
                              + check.id()
                              + "' (add a row with that id)"));
      Severity severity = overrides.get(check.id());
      if (severity != null) {
        entry =
            new CheckCatalogue.Entry(
                entry.rule().withSeverity(severity),
                entry.messageVi(),
                entry.messageEn(),
                entry.line());
      }
      list.add(new Bound(check, entry));
    }
    for (CheckCatalogue.Entry entry : catalogue.entries()) {
      if (!ids.contains(entry.rule().id())) {
        throw catalogue.error(
            entry,
            "no model check has the id '"
                + entry.rule().id()
                + "' (correct the id or remove the row; checks: "
                + String.join(", ", sortedIds())
                + ")");
      }
    }
    for (String id : overrides.keySet()) {
      if (!ids.contains(id)) {
        throw new IllegalArgumentException(
            "no model check has the id '"
                + id
                + "' (severity override; checks: "
                + String.join(", ", sortedIds())
                + ")");
      }
    }
    this.bound = List.copyOf(list);
    this.rules = bound.stream().map(b -> b.entry().rule()).toList();
  }

  /** The ids of every check, sorted. */
  static List<String> sortedIds() {
    return CHECKS.stream().map(ModelCheck::id).sorted().collect(Collectors.toList());
  }

  /** Every check, in the order they run. */
  static List<ModelCheck> checks() {
    return CHECKS;
  }

  /** The rules of the checks, with their effective severities, in the order they run. */
  public List<Rule> rules() {
    return rules;
  }

  /** Every finding of every check on {@code snapshot}, by severity, rule and first concept id. */
  public List<Finding> run(ModelSnapshot snapshot) {
    ModelIndex index = new ModelIndex(snapshot, metamodel);
    List<Finding> findings = new ArrayList<>();
    for (Bound b : bound) {
      b.check().run(new CheckContext(index, b.entry(), findings));
    }
    findings.sort(ORDER);
    return List.copyOf(findings);
  }
}
