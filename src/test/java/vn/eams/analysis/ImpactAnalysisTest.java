package vn.eams.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.analysis.Graphs.METAMODEL;
import static vn.eams.analysis.Graphs.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.Propagation.Change;

/**
 * The impact search on a small hand-built model, each expectation worked out by hand from
 * metamodel/archimate-3.2/propagation.tsv.
 */
class ImpactAnalysisTest {

  static final ImpactAnalysis ANALYSIS = new ImpactAnalysis(METAMODEL);

  /**
   * db <-Access- app -Realization-> svc -Serving-> proc; dom -Composition-> proc; agency
   * -Assignment-> dom, dom2; node -Serving-> app; app2 -Association-> app.
   */
  static Graphs model() {
    return graph()
        .el("db", "DataObject", "Database")
        .el("app", "ApplicationComponent", "Application")
        .el("app2", "ApplicationComponent")
        .el("svc", "ApplicationService")
        .el("proc", "BusinessProcess")
        .el("dom", "BusinessFunction", "ServiceDomain")
        .el("dom2", "BusinessFunction", "ServiceDomain")
        .el("agency", "BusinessActor", "Agency")
        .el("node", "Node")
        .rel("app", "Access", "db")
        .rel("app", "Realization", "svc")
        .rel("svc", "Serving", "proc")
        .rel("dom", "Composition", "proc")
        .rel("agency", "Assignment", "dom")
        .rel("agency", "Assignment", "dom2")
        .rel("node", "Serving", "app")
        .rel("app2", "Association", "app");
  }

  /** Reached element id → distance ("~" after it when potential), in the order listed. */
  static Map<String, String> impact(
      Graphs model,
      Change change,
      boolean dependents,
      int depth,
      boolean potential,
      String... starts) {
    ModelGraph g = model.build();
    int[] nodes = new int[starts.length];
    for (int i = 0; i < starts.length; i++) {
      nodes[i] = g.node(starts[i]);
    }
    // closed: the next search reuses the arrays and must clear what this one wrote
    try (ImpactAnalysis.Result r =
        ANALYSIS.run(
            g, new ImpactAnalysis.Query(nodes, change, dependents, depth, -1, -1, potential))) {
      Map<String, String> reached = new LinkedHashMap<>();
      for (int n : r.order) {
        reached.put(g.nodeIds[n], r.distance(n) + (r.potential(n) ? "~" : ""));
        // the explanation path starts at a start element and ends here
        int[] path = r.path(n);
        assertThat(path).hasSize(r.distance(n));
        assertThat(g.nodeIds[r.root(n)]).isIn((Object[]) starts);
      }
      // nothing is left out by a limit here: the counts are those of the list
      assertThat(r.total).isEqualTo(r.order.length);
      assertThat(java.util.Arrays.stream(r.byDistance).sum()).isEqualTo(r.total);
      assertThat(java.util.Arrays.stream(r.byLayer).sum()).isEqualTo(r.total);
      assertThat(r.potentialCount)
          .isEqualTo((int) reached.values().stream().filter(d -> d.endsWith("~")).count());
      return reached;
    }
  }

  @Test
  void searchesOneAfterAnother_OnReusedArrays_GiveTheSameAnswers() {
    Map<String, String> far = impact(model(), Change.UNAVAILABLE, true, 10, true, "node");
    Map<String, String> near = impact(model(), Change.UNAVAILABLE, true, 10, true, "proc");
    Map<String, String> back = impact(model(), Change.REMOVED, false, 10, true, "agency");
    for (int round = 0; round < 3; round++) {
      assertThat(impact(model(), Change.UNAVAILABLE, true, 10, true, "proc")).isEqualTo(near);
      assertThat(impact(model(), Change.UNAVAILABLE, true, 10, true, "node")).isEqualTo(far);
      assertThat(impact(model(), Change.REMOVED, false, 10, true, "agency")).isEqualTo(back);
    }
    // what a search from "node" reaches is more than a search from "proc" does; an element the
    // first reached and the second did not must not look reached to the second
    assertThat(far).containsKeys("app", "svc", "proc", "dom", "agency");
    assertThat(near).doesNotContainKeys("app", "svc");
  }

  @Test
  void unavailableDataObject_ReachesWhatUsesIt_UpToTheAgency_AndEndsThere() {
    assertThat(impact(model(), Change.UNAVAILABLE, true, 10, false, "db"))
        .containsExactly(
            Map.entry("app", "1"),
            Map.entry("svc", "2"),
            Map.entry("proc", "3"),
            Map.entry("dom", "4"),
            Map.entry("agency", "5"));
    // not the agency's other function (the impact ends at the agency), not the node that serves
    // the application (serving does not travel backwards), not the associated application
  }

  @Test
  void maxDepth_StopsTheSearch() {
    assertThat(impact(model(), Change.UNAVAILABLE, true, 3, false, "db"))
        .containsOnlyKeys("app", "svc", "proc");
  }

  @Test
  void potential_FollowsAssociations_AndMarksWhatOnlyTheyReach() {
    Map<String, String> r = impact(model(), Change.UNAVAILABLE, true, 10, true, "db");
    assertThat(r).containsEntry("app2", "2~").containsEntry("app", "1").containsEntry("svc", "2");
    assertThat(r.keySet()).containsSubsequence("app", "svc", "proc");
  }

  @Test
  void dependencies_WalkAgainstTheImpact() {
    assertThat(impact(model(), Change.UNAVAILABLE, false, 10, false, "proc"))
        .containsExactly(
            Map.entry("svc", "1"),
            Map.entry("app", "2"),
            Map.entry("db", "3"),
            Map.entry("node", "3"));
  }

  @Test
  void dependencies_ARelationshipWhereImpactEndsIsOnlyAFirstStep() {
    // what the agency depends on: its functions (first step), and what they depend on
    assertThat(impact(model(), Change.UNAVAILABLE, false, 10, false, "agency"))
        .containsKeys("dom", "dom2", "proc", "svc", "app", "db", "node")
        .containsEntry("dom", "1")
        .containsEntry("proc", "2");
    // a function depends on the agency that performs it, but not on the agency's other
    // functions: the relationship where the impact ends is not a later step
    assertThat(impact(model(), Change.UNAVAILABLE, false, 10, false, "dom"))
        .containsEntry("agency", "1")
        .doesNotContainKey("dom2");
  }

  @Test
  void anElementReachedBothWays_IsWalkedOnFrom() {
    // the service also serves the agency directly: the agency is then not only affected but
    // reached by a relationship the impact travels on, so its other function is affected too
    Graphs m = model().rel("svc", "Serving", "agency");
    Map<String, String> r = impact(m, Change.UNAVAILABLE, true, 10, false, "db");
    assertThat(r).containsEntry("agency", "3").containsEntry("dom2", "4");
  }

  @Test
  void removedWhole_RemovesItsParts_ButAnUnavailableWholeDoesNotReachThem() {
    assertThat(impact(model(), Change.REMOVED, true, 10, false, "dom")).containsKey("proc");
    assertThat(impact(model(), Change.UNAVAILABLE, true, 10, false, "dom"))
        .doesNotContainKey("proc");
  }

  @Test
  void changedPerformer_ReachesItsBehaviourOnlyPotentially() {
    assertThat(impact(model(), Change.CHANGED, true, 10, false, "agency")).isEmpty();
    assertThat(impact(model(), Change.CHANGED, true, 10, true, "agency"))
        .containsEntry("dom", "1~")
        .containsEntry("dom2", "1~");
  }

  @Test
  void severalStarts_AndLayerFilter() {
    ModelGraph g = model().build();
    int business = 1 << vn.eams.metamodel.Layer.BUSINESS.ordinal();
    ImpactAnalysis.Result r =
        ANALYSIS.run(
            g,
            new ImpactAnalysis.Query(
                new int[] {g.node("db"), g.node("node")},
                Change.UNAVAILABLE,
                true,
                10,
                -1,
                business,
                false));
    assertThat(ImpactAnalysis.ids(g, r)).containsExactly("proc", "dom", "agency");
  }

  @Test
  void relationshipTypeFilter_FollowsOnlyTheGivenTypes() {
    ModelGraph g = model().build();
    int access = 1 << METAMODEL.relationshipTypeIndex("Access");
    int realization = 1 << METAMODEL.relationshipTypeIndex("Realization");
    ImpactAnalysis.Result r =
        ANALYSIS.run(
            g,
            new ImpactAnalysis.Query(
                new int[] {g.node("db")},
                Change.UNAVAILABLE,
                true,
                10,
                access | realization,
                -1,
                false));
    assertThat(ImpactAnalysis.ids(g, r)).containsExactly("app", "svc");
  }

  @Test
  void theProjectionFollowsRemovals() {
    ModelGraph g = model().build();
    g.removeEdge("app-Realization-svc");
    g.removeNode("dom");
    int[] starts = {g.node("db")};
    ImpactAnalysis.Result r =
        ANALYSIS.run(
            g, new ImpactAnalysis.Query(starts, Change.UNAVAILABLE, true, 10, -1, -1, false));
    assertThat(ImpactAnalysis.ids(g, r)).containsExactly("app");
    assertThat(g.liveNodes).isEqualTo(8);
    assertThat(g.liveEdges).isEqualTo(5);
  }
}
