package vn.eams.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.analysis.Graphs.METAMODEL;
import static vn.eams.analysis.Graphs.graph;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One small model per derivation rule of ArchiMate 3.2 Appendix B and per restriction, with the
 * result worked out by hand from the rule's text (metamodel/README.md, "Derivation of
 * relationships"). Each answer is written "Type valid|potential [rules]".
 */
class DerivationTest {

  static final Derivation DERIVATION = new Derivation(METAMODEL);

  static List<String> derive(Graphs model, String from, String to) {
    ModelGraph g = model.build();
    Derivation.Search s = DERIVATION.between(g, g.node(from), g.node(to), 4, true, 3, 100_000);
    assertThat(s.complete()).isTrue();
    return s.found().stream()
        .map(
            f ->
                METAMODEL.relationshipTypes().get(f.derived().type()).name()
                    + (f.derived().potential() ? " potential " : " valid ")
                    + f.derived().rules())
        .toList();
  }

  static void allowed(String type, String source, String target) {
    assertThat(METAMODEL.isAllowed(type, source, target))
        .as("the table allows %s from %s to %s", type, source, target)
        .isTrue();
  }

  // ---- valid derivations ----------------------------------------------------------------------

  @Test
  void dr1_specializationOfASpecialization() {
    Graphs m =
        graph()
            .el("a", "BusinessActor")
            .el("b", "BusinessActor")
            .el("c", "BusinessActor")
            .rel("a", "Specialization", "b")
            .rel("b", "Specialization", "c");
    assertThat(derive(m, "a", "c")).contains("Specialization valid [DR1]");
    assertThat(derive(m, "c", "a")).isEmpty();
  }

  @Test
  void dr2_twoStructuralRelationshipsGiveTheWeakerOne() {
    allowed("Assignment", "ApplicationComponent", "ApplicationFunction");
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "ApplicationFunction")
            .rel("a", "Composition", "b")
            .rel("b", "Assignment", "c");
    assertThat(derive(m, "a", "c")).containsExactly("Assignment valid [DR2]");
  }

  @Test
  void dr3_structuralThenDependency() {
    allowed("Serving", "ApplicationFunction", "BusinessProcess");
    Graphs m =
        graph()
            .el("f", "ApplicationFunction")
            .el("s", "ApplicationService")
            .el("p", "BusinessProcess")
            .rel("f", "Realization", "s")
            .rel("s", "Serving", "p");
    assertThat(derive(m, "f", "p")).containsExactly("Serving valid [DR3]");
  }

  @Test
  void dr4_dependencyOnTheTargetOfAStructuralRelationshipReachesItsSource() {
    // a -Assignment-> b, c -Serving-> b  =>  c -Serving-> a
    allowed("Serving", "ApplicationService", "ApplicationComponent");
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationFunction")
            .el("c", "ApplicationService")
            .rel("a", "Assignment", "b")
            .rel("c", "Serving", "b");
    assertThat(derive(m, "c", "a")).contains("Serving valid [DR4]");
  }

  @Test
  void dr5_structuralThenDynamic() {
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Composition", "b")
            .rel("b", "Triggering", "c");
    assertThat(derive(m, "a", "c")).contains("Triggering valid [DR5]");
  }

  @Test
  void dr6_flowIntoThePartFlowsIntoTheWhole() {
    // a -Composition-> b, c -Flow-> b  =>  c -Flow-> a
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Composition", "b")
            .rel("c", "Flow", "b");
    assertThat(derive(m, "c", "a")).contains("Flow valid [DR6]");
  }

  @Test
  void dr7_triggeringThenStructural() {
    allowed("Triggering", "BusinessEvent", "BusinessProcess");
    Graphs m =
        graph()
            .el("e", "BusinessEvent")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("e", "Triggering", "b")
            .rel("b", "Composition", "c");
    assertThat(derive(m, "e", "c")).contains("Triggering valid [DR7]");
  }

  @Test
  void dr8_triggeringChain() {
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Triggering", "b")
            .rel("b", "Triggering", "c");
    assertThat(derive(m, "a", "c")).contains("Triggering valid [DR8]");
  }

  @Test
  void longerChainsFoldFromTheFirstElement() {
    // Realization, Serving, Serving: DR3 then PDR7 (two dependencies) - potential overall
    Graphs m =
        graph()
            .el("f", "ApplicationFunction")
            .el("s", "ApplicationService")
            .el("a", "ApplicationComponent")
            .el("g", "ApplicationFunction")
            .rel("f", "Realization", "s")
            .rel("s", "Serving", "a")
            .rel("a", "Assignment", "g");
    // f -Realization-> s -Serving-> a (DR3: f serves a), a -Assignment-> g: serving then
    // structural is PDR5's shape (c serves a, a assigned to b => c serves b), potential
    assertThat(derive(m, "f", "g")).containsExactly("Serving potential [DR3, PDR5]");
  }

  // ---- potential derivations ------------------------------------------------------------------

  @Test
  void pdr1_theSpecializationDoesWhatTheGeneralDoes() {
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "BusinessProcess")
            .rel("a", "Specialization", "b")
            .rel("b", "Serving", "c");
    assertThat(derive(m, "a", "c")).containsExactly("Serving potential [PDR1]");
  }

  @Test
  void pdr2_whatServesTheGeneralServesTheSpecialization() {
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "ApplicationService")
            .rel("a", "Specialization", "b")
            .rel("c", "Serving", "b");
    assertThat(derive(m, "c", "a")).containsExactly("Serving potential [PDR2]");
  }

  @Test
  void pdr3_whatTheSpecializationDoesTheGeneralMayDo() {
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "BusinessProcess")
            .rel("a", "Specialization", "b")
            .rel("a", "Serving", "c");
    assertThat(derive(m, "b", "c")).containsExactly("Serving potential [PDR3]");
  }

  @Test
  void pdr4_whatServesTheSpecializationMayServeTheGeneral() {
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "ApplicationService")
            .rel("a", "Specialization", "b")
            .rel("c", "Serving", "a");
    assertThat(derive(m, "c", "b")).containsExactly("Serving potential [PDR4]");
  }

  @Test
  void pdr5_dependencyOnTheWholeMayReachThePart() {
    // a -Composition-> b, c -Serving-> a  =>  c -Serving-> b
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "ApplicationService")
            .rel("a", "Composition", "b")
            .rel("c", "Serving", "a");
    assertThat(derive(m, "c", "b")).containsExactly("Serving potential [PDR5]");
  }

  @Test
  void pdr6_thePartMayServeWhatTheWholeServes() {
    // a -Composition-> b, a -Serving-> c  =>  b -Serving-> c
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("c", "BusinessProcess")
            .rel("a", "Composition", "b")
            .rel("a", "Serving", "c");
    assertThat(derive(m, "b", "c")).containsExactly("Serving potential [PDR6]");
  }

  @Test
  void pdr7_twoDependenciesGiveTheWeakerOne() {
    allowed("Access", "ApplicationService", "DataObject");
    Graphs m =
        graph()
            .el("s", "ApplicationService")
            .el("f", "ApplicationFunction")
            .el("d", "DataObject")
            .rel("s", "Serving", "f")
            .rel("f", "Access", "d");
    // serving is stronger than access (relationship-types.tsv order): access
    assertThat(derive(m, "s", "d")).containsExactly("Access potential [PDR7]");
  }

  @Test
  void pdr8_flowIntoTheWholeMayReachThePart() {
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Flow", "b")
            .rel("b", "Composition", "c");
    assertThat(derive(m, "a", "c")).containsExactly("Flow potential [PDR8]");
  }

  @Test
  void pdr9_thePartMayTriggerWhatTheWholeTriggers() {
    // a -Composition-> b, a -Triggering-> c  =>  b -Triggering-> c
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Composition", "b")
            .rel("a", "Triggering", "c");
    assertThat(derive(m, "b", "c")).containsExactly("Triggering potential [PDR9]");
  }

  @Test
  void pdr10_flowChain() {
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Flow", "b")
            .rel("b", "Flow", "c");
    assertThat(derive(m, "a", "c")).containsExactly("Flow potential [PDR10]");
  }

  @Test
  void pdr11_triggeringThePartMayTriggerTheWhole() {
    // a -Triggering-> b, c -Composition-> b  =>  a -Triggering-> c
    Graphs m =
        graph()
            .el("a", "BusinessProcess")
            .el("b", "BusinessProcess")
            .el("c", "BusinessProcess")
            .rel("a", "Triggering", "b")
            .rel("c", "Composition", "b");
    assertThat(derive(m, "a", "c")).containsExactly("Triggering potential [PDR11]");
  }

  @Test
  void pdr12_aGroupingsMembersMayRealizeWhatItRealizes() {
    allowed("Realization", "ApplicationComponent", "ApplicationService");
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("g", "Grouping")
            .el("c", "ApplicationService")
            .rel("g", "Aggregation", "a")
            .rel("g", "Realization", "c");
    assertThat(derive(m, "a", "c")).containsExactly("Realization potential [PDR12]");
    // the same shape without a grouping in the middle derives nothing by PDR12
    Graphs n =
        graph()
            .el("a", "ApplicationComponent")
            .el("g", "ApplicationComponent")
            .el("c", "ApplicationService")
            .rel("g", "Aggregation", "a")
            .rel("g", "Realization", "c");
    assertThat(derive(n, "a", "c")).noneMatch(s -> s.contains("PDR12"));
  }

  // ---- restrictions ---------------------------------------------------------------------------

  @Test
  void restriction_noDerivationThroughAnIntermediaryOfAThirdDomain() {
    // core -> motivation -> core: DR3 would give an association between the two core elements
    allowed("Realization", "ApplicationComponent", "Requirement");
    allowed("Association", "Requirement", "BusinessProcess");
    allowed("Association", "ApplicationComponent", "BusinessProcess");
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("r", "Requirement")
            .el("p", "BusinessProcess")
            .rel("a", "Realization", "r")
            .rel("r", "Association", "p");
    assertThat(derive(m, "a", "p")).isEmpty();
    // the same chain through a core element derives the association
    Graphs n =
        graph()
            .el("a", "ApplicationComponent")
            .el("s", "ApplicationService")
            .el("p", "BusinessProcess")
            .rel("a", "Realization", "s")
            .rel("s", "Association", "p");
    assertThat(derive(n, "a", "p")).containsExactly("Association valid [DR3]");
  }

  @Test
  void restriction_coreToMotivationOnlyRealizationOrInfluence() {
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("r", "Requirement")
            .el("g", "Goal")
            .rel("a", "Composition", "b")
            .rel("b", "Realization", "r")
            .rel("b", "Association", "g");
    assertThat(derive(m, "a", "r")).containsExactly("Realization valid [DR2]");
    // DR3 would give an association from a to the goal: not between these domains
    assertThat(derive(m, "a", "g")).isEmpty();
  }

  @Test
  void restriction_coreToStrategyOnlyRealization() {
    allowed("Realization", "ApplicationComponent", "Capability");
    Graphs m =
        graph()
            .el("a", "ApplicationComponent")
            .el("b", "ApplicationComponent")
            .el("k", "Capability")
            .el("l", "Capability")
            .rel("a", "Composition", "b")
            .rel("b", "Realization", "k")
            .rel("b", "Association", "l");
    assertThat(derive(m, "a", "k")).containsExactly("Realization valid [DR2]");
    assertThat(derive(m, "a", "l")).isEmpty();
  }

  @Test
  void restriction_implementationToCoreOnlyRealization() {
    allowed("Realization", "WorkPackage", "Deliverable");
    allowed("Realization", "Deliverable", "ApplicationComponent");
    Graphs m =
        graph()
            .el("w", "WorkPackage")
            .el("d", "Deliverable")
            .el("a", "ApplicationComponent")
            .el("w2", "WorkPackage")
            .el("b", "ApplicationComponent")
            .rel("w", "Realization", "d")
            .rel("d", "Realization", "a")
            .rel("w2", "Composition", "w")
            .rel("w", "Association", "b");
    assertThat(derive(m, "w", "a")).containsExactly("Realization valid [DR2]");
    // DR3 would give an association from w2 to b: not from implementation to core
    assertThat(derive(m, "w2", "b")).isEmpty();
  }

  @Test
  void restriction_accessOnlyToPassiveStructure() {
    int access = METAMODEL.relationshipTypeIndex("Access");
    int component = typeIndex("ApplicationComponent");
    int dataObject = typeIndex("DataObject");
    int product = typeIndex("Product");
    int artifact = typeIndex("Artifact");
    // a component accessing a product (through a data object the product aggregates): no
    assertThat(DERIVATION.allowed(access, true, component, dataObject, product)).isFalse();
    // a component accessing an artifact that realizes the data object it accesses: yes (DR4)
    Graphs m =
        graph()
            .el("c", "ApplicationComponent")
            .el("d", "DataObject")
            .el("f", "Artifact")
            .rel("f", "Realization", "d")
            .rel("c", "Access", "d");
    assertThat(derive(m, "c", "f")).contains("Access valid [DR4]");
    assertThat(DERIVATION.allowed(access, true, component, dataObject, artifact)).isTrue();
  }

  @Test
  void restriction_toPassiveStructureOnlyAccessOfTheDependencies() {
    int serving = METAMODEL.relationshipTypeIndex("Serving");
    int access = METAMODEL.relationshipTypeIndex("Access");
    int service = typeIndex("ApplicationService");
    int function = typeIndex("ApplicationFunction");
    int dataObject = typeIndex("DataObject");
    assertThat(DERIVATION.allowed(serving, true, service, function, dataObject)).isFalse();
    assertThat(DERIVATION.allowed(access, true, service, function, dataObject)).isTrue();
  }

  @Test
  void derivedRelationshipsMustBeAllowedByTheTable() {
    // a Node composed of a Node that is assigned to system software: Assignment is allowed from
    // Node to SystemSoftware; from a Device to a Location there is no structural chain result
    allowed("Assignment", "Node", "SystemSoftware");
    Graphs m =
        graph()
            .el("n", "Node")
            .el("d", "Device")
            .el("s", "SystemSoftware")
            .rel("n", "Composition", "d")
            .rel("d", "Assignment", "s");
    assertThat(derive(m, "n", "s")).containsExactly("Assignment valid [DR2]");
    for (String found : derive(m, "n", "s")) {
      String type = found.substring(0, found.indexOf(' '));
      allowed(type, "Node", "SystemSoftware");
    }
  }

  @Test
  void relationshipsThroughAJunctionCountAsOne() {
    Graphs m =
        graph()
            .el("f", "ApplicationFunction")
            .el("s", "ApplicationService")
            .el("j", "AndJunction")
            .el("p", "BusinessProcess")
            .el("q", "BusinessProcess")
            .rel("f", "Realization", "s")
            .rel("s", "Serving", "j")
            .rel("j", "Serving", "p")
            .rel("j", "Serving", "q");
    assertThat(derive(m, "f", "p")).containsExactly("Serving valid [DR3]");
    // the junction alone derives nothing: s serves p directly
    assertThat(derive(m, "s", "p")).isEmpty();
  }

  private static int typeIndex(String name) {
    return METAMODEL.elementTypes().stream().map(t -> t.name()).toList().indexOf(name);
  }
}
