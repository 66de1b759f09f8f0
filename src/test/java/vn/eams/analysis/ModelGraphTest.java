package vn.eams.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The projection's adjacencies (one array of regions, moved when full, laid out again when too much
 * is left behind) against a plain map of relationships, through additions, deletions of
 * relationships and of elements, self-relationships, re-added elements and compactions: the one of
 * every relationship, one that holds some types from the start and one made half-way.
 */
class ModelGraphTest {

  private record Rel(String source, String target, int type) {}

  @Test
  void adjacency_AgreesWithAMapOfRelationships_ThroughRandomChanges() {
    ModelGraph g = new ModelGraph("m", new ModelGraph.Specializations());
    Map<String, Rel> reference = new TreeMap<>();
    TreeSet<String> nodes = new TreeSet<>();
    Random random = new Random(11);
    int nextEdge = 0;
    // types 0-3 as out-entries, 2-6 as in-entries
    List<Adjacency> adjacencies = new ArrayList<>(List.of(g.all, g.filtered(0, 0b1111, 0b1111100)));
    for (int round = 0; round < 30_000; round++) {
      int op = random.nextInt(20);
      String a = "n" + random.nextInt(300);
      String b = random.nextInt(50) == 0 ? a : "n" + random.nextInt(300);
      if (op < 2) {
        g.putNode(a, (short) 1, a, "", (short) -1);
        nodes.add(a);
      } else if (op < 3 && nodes.contains(a)) {
        g.removeNode(a);
        nodes.remove(a);
        reference.values().removeIf(r -> r.source().equals(a) || r.target().equals(a));
      } else if (op < 7 && !reference.isEmpty()) {
        List<String> ids = new ArrayList<>(reference.keySet());
        String id = ids.get(random.nextInt(ids.size()));
        g.removeEdge(id);
        reference.remove(id);
      } else if (op < 9 && !reference.isEmpty()) {
        // the same relationship id again, with other ends: replaces the relationship
        List<String> ids = new ArrayList<>(reference.keySet());
        String id = ids.get(random.nextInt(ids.size()));
        int type = random.nextInt(11);
        boolean added = g.putEdge(id, (byte) type, a, b);
        if (added) {
          reference.put(id, new Rel(a, b, type)); // else the relationship stays as it was
        }
        assertThat(added).isEqualTo(nodes.contains(a) && nodes.contains(b));
      } else {
        String id = "r" + nextEdge++;
        int type = random.nextInt(11);
        boolean added = g.putEdge(id, (byte) type, a, b);
        assertThat(added).isEqualTo(nodes.contains(a) && nodes.contains(b));
        if (added) {
          reference.put(id, new Rel(a, b, type));
        }
      }
      if (round % 7_500 == 7_499) {
        g.compact();
      }
      if (round == 15_000) {
        adjacencies.add(g.filtered(1, 0b11000000000, 0b1)); // types 9, 10 out, type 0 in
      }
      if (round % 1_000 == 999) {
        for (Adjacency adjacency : adjacencies) {
          assertSame(g, adjacency, reference, nodes);
        }
      }
    }
    g.compact();
    for (Adjacency adjacency : adjacencies) {
      assertSame(g, adjacency, reference, nodes);
    }
    assertThat(g.filtered(0, 0b1111, 0b1111100)).isSameAs(adjacencies.get(1));
  }

  private static void assertSame(
      ModelGraph g, Adjacency a, Map<String, Rel> reference, TreeSet<String> nodes) {
    Map<String, List<String>> outs = new HashMap<>();
    Map<String, List<String>> ins = new HashMap<>();
    for (Map.Entry<String, Rel> r : reference.entrySet()) {
      Rel rel = r.getValue();
      if ((a.outMask & (1 << rel.type())) != 0) {
        outs.computeIfAbsent(rel.source(), k -> new ArrayList<>())
            .add(r.getKey() + ">" + rel.target() + ":" + rel.type());
      }
      if ((a.inMask & (1 << rel.type())) != 0) {
        ins.computeIfAbsent(rel.target(), k -> new ArrayList<>())
            .add(r.getKey() + "<" + rel.source() + ":" + rel.type());
      }
    }
    assertThat(g.liveEdges).isEqualTo(reference.size());
    assertThat(g.liveNodes).isEqualTo(nodes.size());
    for (String id : nodes) {
      int n = g.node(id);
      assertThat(n).as(id).isGreaterThanOrEqualTo(0);
      int base = a.start(n);
      int middle = base + a.outCount(n);
      List<String> out = entries(g, a, base, middle, ">");
      List<String> in = entries(g, a, middle, middle + a.inCount(n), "<");
      assertThat(out)
          .as("out of " + id)
          .containsExactlyInAnyOrderElementsOf(outs.getOrDefault(id, List.of()));
      assertThat(in)
          .as("in of " + id)
          .containsExactlyInAnyOrderElementsOf(ins.getOrDefault(id, List.of()));
    }
  }

  /** Adjacency entries {@code from..to} as "relationship, arrow, other end: type". */
  private static List<String> entries(ModelGraph g, Adjacency a, int from, int to, String arrow) {
    List<String> list = new ArrayList<>();
    for (int i = from; i < to; i++) {
      long e = a.adj[i];
      list.add(
          g.edgeIds[ModelGraph.edgeOf(e)]
              + arrow
              + g.nodeIds[ModelGraph.other(e)]
              + ":"
              + ModelGraph.type(e));
    }
    return list;
  }
}
