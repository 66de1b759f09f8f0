package vn.eams.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.eams.analysis.Graphs.METAMODEL;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.Propagation;
import vn.eams.metamodel.Propagation.Change;
import vn.eams.metamodel.Propagation.Reach;

/**
 * The impact search against a plain breadth-first search written straight from the propagation
 * rules, on random graphs: valid propagation only, every change, both directions, several depths,
 * one to three starts, the search arrays reused from one search to the next.
 *
 * <p>The rules, as the search applies them: from an element walked on from at distance d, a
 * relationship along which the change travels validly reaches its other end at d + 1 and that end
 * is walked on from; one where the impact ends reaches its other end at d + 1 without walking on
 * (looking for what depends on the start), or only from a start element, walked on from (looking
 * for what the start depends on). An element is reported at its smallest distance, walked on from
 * when that distance ties.
 */
class ImpactAnalysisRandomTest {

  static final ImpactAnalysis ANALYSIS = new ImpactAnalysis(METAMODEL);

  @Test
  void validPropagation_MatchesAPlainSearch() {
    Random random = new Random(20261201);
    Propagation propagation = METAMODEL.propagation();
    for (int round = 0; round < 60; round++) {
      int n = 40 + random.nextInt(160);
      ModelGraph g = new ModelGraph("random", new ModelGraph.Specializations());
      int[][] rels = randomGraph(random, g, n);
      if (random.nextBoolean()) {
        g.compact();
      }
      for (Change change : Change.values()) {
        for (boolean dependents : List.of(true, false)) {
          int depth = 1 + random.nextInt(6);
          int[] starts = new int[1 + random.nextInt(3)];
          for (int i = 0; i < starts.length; i++) {
            starts[i] = g.node("e" + random.nextInt(n));
          }
          Map<Integer, Integer> expected =
              plainSearch(g, rels, propagation, change, dependents, depth, starts);
          Map<Integer, Integer> actual = new HashMap<>();
          try (ImpactAnalysis.Result r =
              ANALYSIS.run(
                  g, new ImpactAnalysis.Query(starts, change, dependents, depth, -1, -1, false))) {
            for (int v : r.order) {
              actual.put(v, r.distance(v));
              assertThat(r.path(v)).hasSize(r.distance(v));
              assertThat(r.potential(v)).isFalse();
            }
            assertThat(r.total).isEqualTo(r.order.length);
            int[] byDistance = new int[depth + 2];
            actual.values().forEach(d -> byDistance[d]++);
            assertThat(Arrays.copyOf(r.byDistance, depth + 2)).isEqualTo(byDistance);
          }
          assertThat(actual)
              .as("round %d, %s, %s, depth %d", round, change, dependents, depth)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aLimitedList_IsTheNearestOfTheWholeAnswer() {
    Random random = new Random(20261202);
    for (int round = 0; round < 200; round++) {
      int n = 40 + random.nextInt(200);
      ModelGraph g = new ModelGraph("random", new ModelGraph.Specializations());
      randomGraph(random, g, n);
      Change change = Change.values()[random.nextInt(Change.values().length)];
      boolean dependents = random.nextBoolean();
      boolean potential = random.nextBoolean();
      int depth = 1 + random.nextInt(6);
      int[] starts = {g.node("e" + random.nextInt(n))};
      Map<Integer, Integer> all = new HashMap<>();
      try (ImpactAnalysis.Result r =
          ANALYSIS.run(
              g, new ImpactAnalysis.Query(starts, change, dependents, depth, -1, -1, potential))) {
        for (int v : r.order) {
          all.put(v, r.distance(v));
        }
      }
      int limit = random.nextInt(all.size() + 1);
      try (ImpactAnalysis.Result r =
          ANALYSIS.run(
              g,
              new ImpactAnalysis.Query(
                  starts, change, dependents, depth, -1, -1, potential, new byte[0], limit))) {
        assertThat(r.total).isEqualTo(all.size());
        assertThat(r.order).hasSize(limit);
        int farthestListed = 0;
        for (int v : r.order) {
          assertThat(r.distance(v)).isEqualTo(all.get(v));
          farthestListed = Math.max(farthestListed, r.distance(v));
        }
        java.util.Set<Integer> listed = new java.util.HashSet<>();
        for (int v : r.order) {
          listed.add(v);
        }
        for (Map.Entry<Integer, Integer> e : all.entrySet()) {
          if (!listed.contains(e.getKey())) {
            assertThat(e.getValue())
                .as(
                    "round %d: unlisted element at distance %d, listed up to %d (potential %s)",
                    round, e.getValue(), farthestListed, potential)
                .isGreaterThanOrEqualTo(farthestListed);
          }
        }
      }
    }
  }

  /**
   * Adds {@code n} elements of random types and n to 4n relationships of random types between
   * random ends to {@code g}; returns the relationships as (source, target, type) indexes.
   */
  private static int[][] randomGraph(Random random, ModelGraph g, int n) {
    int types = METAMODEL.relationshipTypes().size();
    for (int i = 0; i < n; i++) {
      g.putNode(
          "e" + i,
          (short) random.nextInt(METAMODEL.elementTypes().size()),
          "e" + i,
          "",
          (short) -1);
    }
    int[][] rels = new int[n + random.nextInt(3 * n)][];
    for (int i = 0; i < rels.length; i++) {
      int s = random.nextInt(n);
      int t = random.nextInt(n);
      int type = random.nextInt(types);
      g.putEdge("r" + i, (byte) type, "e" + s, "e" + t);
      rels[i] = new int[] {s, t, type};
    }
    return rels;
  }

  /** Reported element (node) → distance, the starts left out. */
  private static Map<Integer, Integer> plainSearch(
      ModelGraph g,
      int[][] rels,
      Propagation propagation,
      Change change,
      boolean dependents,
      int depth,
      int[] starts) {
    int[] walked = new int[g.nodeCount];
    int[] ended = new int[walked.length];
    Arrays.fill(walked, -1);
    Arrays.fill(ended, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : starts) {
      if (walked[s] < 0) {
        walked[s] = 0;
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int u = queue.poll();
      int d = walked[u];
      if (d >= depth) {
        continue;
      }
      for (int[] r : rels) {
        int s = g.node("e" + r[0]);
        int t = g.node("e" + r[1]);
        Propagation.Rule rule = propagation.rule(r[2], change);
        // along the relationship from u to its other end: source to target is "forward"
        for (int side = 0; side < 2; side++) {
          int from = side == 0 ? s : t;
          int to = side == 0 ? t : s;
          if (from != u) {
            continue;
          }
          // what depends on the start: the change travels from u as the rule says; what the
          // start depends on: the search walks against the travel
          Reach reach =
              dependents
                  ? (side == 0 ? rule.forward() : rule.backward())
                  : (side == 0 ? rule.backward() : rule.forward());
          if (reach == Reach.VALID || (reach == Reach.ENDS && !dependents && d == 0)) {
            if (walked[to] < 0) {
              walked[to] = d + 1;
              queue.add(to);
            }
          } else if (reach == Reach.ENDS && dependents && ended[to] < 0) {
            ended[to] = d + 1;
          }
        }
      }
    }
    Map<Integer, Integer> out = new HashMap<>();
    for (int v = 0; v < walked.length; v++) {
      int best = walked[v] >= 0 ? walked[v] : Integer.MAX_VALUE;
      if (ended[v] >= 0 && ended[v] < best) {
        best = ended[v];
      }
      if (best != Integer.MAX_VALUE && best > 0) {
        out.put(v, best);
      }
    }
    for (int s : starts) {
      out.remove(s);
    }
    return out;
  }
}
