package vn.eams.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.Propagation;
import vn.eams.metamodel.Propagation.Change;

/**
 * Impact analysis on a model's projection: a breadth-first search from the start elements along the
 * relationships that carry the change ({@link Propagation}), first along valid propagation only,
 * then (when asked) on along potential propagation too, so that an element is "potential" only when
 * no valid path reaches it within the depth. Every reached element keeps the relationship it was
 * first reached through, which gives its shortest explanation path.
 *
 * <p>The search never allocates per element: it works in per-thread arrays that are stamped, not
 * cleared, between searches.
 */
final class ImpactAnalysis {

  /**
   * What to analyse.
   *
   * @param starts nodes of the start elements
   * @param dependents true for "what depends on the starts", false for "what they depend on"
   * @param typeMask bit i set = follow relationship type i
   * @param layerMask bit i set = report elements of layer ordinal i
   */
  record Query(
      int[] starts,
      Change change,
      boolean dependents,
      int maxDepth,
      int typeMask,
      int layerMask,
      boolean includePotential) {}

  /**
   * What a search reached: {@code order} lists the reached elements (the starts left out, the layer
   * filter applied) by distance. Read distances, paths and potential flags through the accessors
   * while the projection's read lock is held, before the thread runs another search.
   */
  static final class Result {
    final ModelGraph graph;
    final Scratch s;
    final int[] order;
    final int potentialCount;

    Result(ModelGraph graph, Scratch s, int[] order, int potentialCount) {
      this.graph = graph;
      this.s = s;
      this.order = order;
      this.potentialCount = potentialCount;
    }

    private boolean terminal(int node) {
      return s.chosen[node] == 1;
    }

    int distance(int node) {
      return terminal(node) ? s.distT[node] : s.distC[node];
    }

    boolean potential(int node) {
      return terminal(node) ? s.potT[node] : s.potC[node];
    }

    /** The explanation path of {@code node}: edges from a start element to it, in order. */
    int[] path(int node) {
      int[] edges = new int[distance(node)];
      walkBack(node, edges, null);
      return edges;
    }

    /** For each edge of {@link #path}, whether it is followed from source to target. */
    boolean[] pathForwards(int node) {
      boolean[] forwards = new boolean[distance(node)];
      walkBack(node, null, forwards);
      return forwards;
    }

    private void walkBack(int node, int[] edges, boolean[] forwards) {
      boolean t = terminal(node);
      int n = node;
      for (int i = distance(node) - 1; i >= 0; i--) {
        int e = t ? s.parentT[n] : s.parentC[n];
        boolean f = t ? s.fwdT[n] : s.fwdC[n];
        if (edges != null) {
          edges[i] = e;
        }
        if (forwards != null) {
          forwards[i] = f;
        }
        n = f ? graph.sources[e] : graph.targets[e];
        t = false; // only the last step may end the impact
      }
    }

    /** The start element the path of {@code node} begins at. */
    int root(int node) {
      int[] edges = path(node);
      boolean[] forwards = pathForwards(node);
      if (edges.length == 0) {
        return node;
      }
      return forwards[0] ? graph.sources[edges[0]] : graph.targets[edges[0]];
    }
  }

  /**
   * Per-thread search arrays, reused between searches: stamped, not cleared. Every element has two
   * search states: reached so that the impact travels on from it (C), and reached through a
   * relationship where the impact ends (T).
   */
  static final class Scratch {
    int[] stampC = new int[0];
    int[] distC = new int[0];
    int[] parentC = new int[0];
    boolean[] fwdC = new boolean[0];
    boolean[] potC = new boolean[0];
    int[] stampT = new int[0];
    int[] distT = new int[0];
    int[] parentT = new int[0];
    boolean[] fwdT = new boolean[0];
    boolean[] potT = new boolean[0];
    byte[] chosen = new byte[0];
    int[] queue = new int[0];
    int[] queue2 = new int[0];
    int[] ends = new int[0];
    int stamp;

    void ensure(int n) {
      if (stampC.length < n) {
        int size = Math.max(n, stampC.length + stampC.length / 2);
        stampC = new int[size];
        distC = new int[size];
        parentC = new int[size];
        fwdC = new boolean[size];
        potC = new boolean[size];
        stampT = new int[size];
        distT = new int[size];
        parentT = new int[size];
        fwdT = new boolean[size];
        potT = new boolean[size];
        chosen = new byte[size];
        queue = new int[size];
        queue2 = new int[size];
        ends = new int[size];
        stamp = 0;
      }
      if (++stamp == Integer.MAX_VALUE) {
        Arrays.fill(stampC, 0);
        Arrays.fill(stampT, 0);
        stamp = 1;
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final Propagation propagation;
  private final int typeCount;
  private final int[] layerOfType; // by element type index: Layer ordinal

  ImpactAnalysis(Metamodel metamodel) {
    this.propagation = metamodel.propagation();
    this.typeCount = metamodel.relationshipTypes().size();
    List<ElementType> types = metamodel.elementTypes();
    layerOfType = new int[types.size()];
    for (int i = 0; i < types.size(); i++) {
      layerOfType[i] = types.get(i).layer().ordinal();
    }
  }

  int layer(ModelGraph g, int node) {
    return layerOfType[g.nodeTypes[node]];
  }

  /** Relationship-type bitmasks of one search: per reach, for out- and in-relationships. */
  private static final class Masks {
    int validOut;
    int validIn;
    int potentialOut;
    int potentialIn;
    int endsOut;
    int endsIn;
  }

  private Masks masks(Query q) {
    Masks m = new Masks();
    for (int t = 0; t < typeCount; t++) {
      if ((q.typeMask() & (1 << t)) == 0) {
        continue;
      }
      Propagation.Rule rule = propagation.rule(t, q.change());
      // what depends on the start: a change travels along the relationship as the rule says;
      // what the start depends on: the search walks against the travel
      Propagation.Reach out = q.dependents() ? rule.forward() : rule.backward();
      Propagation.Reach in = q.dependents() ? rule.backward() : rule.forward();
      int bit = 1 << t;
      switch (out) {
        case VALID -> m.validOut |= bit;
        case POTENTIAL -> m.potentialOut |= bit;
        case ENDS -> m.endsOut |= bit;
        case NONE -> {}
      }
      switch (in) {
        case VALID -> m.validIn |= bit;
        case POTENTIAL -> m.potentialIn |= bit;
        case ENDS -> m.endsIn |= bit;
        case NONE -> {}
      }
    }
    return m;
  }

  /** Runs the search; call under the projection's read lock and use the result under it. */
  Result run(ModelGraph g, Query q) {
    Masks m = masks(q);
    Scratch s = SCRATCH.get();
    s.ensure(g.nodeCount);
    Walk w = new Walk(g, s, q.dependents(), q.maxDepth());
    for (int start : q.starts()) {
      if (s.stampC[start] != s.stamp) {
        s.stampC[start] = s.stamp;
        s.distC[start] = 0;
        s.parentC[start] = -1;
        s.potC[start] = false;
        s.queue[w.tail++] = start;
      }
    }
    // valid propagation, breadth first
    while (w.head < w.tail) {
      int u = s.queue[w.head++];
      w.expand(u, m.validOut, m.validIn, m.endsOut, m.endsIn, false, false);
    }
    int validTail = w.tail;
    if (q.includePotential() && (m.potentialOut | m.potentialIn) != 0) {
      // on from every reached element, nearest first: the validly reached ones (queue, in
      // distance order) merged with the potential ones found on the way (queue2, also in order);
      // from a validly reached element the valid relationships lead only to reached elements
      int allOut = m.validOut | m.potentialOut;
      int allIn = m.validIn | m.potentialIn;
      int h1 = 0;
      while (h1 < validTail || w.head2 < w.tail2) {
        if (w.head2 >= w.tail2
            || (h1 < validTail && s.distC[s.queue[h1]] <= s.distC[s.queue2[w.head2]])) {
          w.expand(s.queue[h1++], m.potentialOut, m.potentialIn, 0, 0, true, true);
        } else {
          w.expand(s.queue2[w.head2++], allOut, allIn, m.endsOut, m.endsIn, true, true);
        }
      }
    }
    return w.result(q, validTail, layerOfType);
  }

  /** One search's walk over the graph, in the scratch arrays. */
  private static final class Walk {
    final ModelGraph g;
    final Scratch s;
    final boolean dependents;
    final int maxDepth;
    final int stamp;
    int head;
    int tail;
    int head2;
    int tail2;
    int endsCount;

    Walk(ModelGraph g, Scratch s, boolean dependents, int maxDepth) {
      this.g = g;
      this.s = s;
      this.dependents = dependents;
      this.maxDepth = maxDepth;
      this.stamp = s.stamp;
    }

    /**
     * Follows from {@code u} the relationships of the masks; {@code potential} marks what is
     * reached, {@code second} puts new elements on the potential queue.
     */
    void expand(
        int u, int contOut, int contIn, int endOut, int endIn, boolean potential, boolean second) {
      int d = s.distC[u];
      if (d >= maxDepth) {
        return;
      }
      boolean pot = potential || s.potC[u];
      byte[] types = g.edgeTypes;
      int[] outs = g.out[u];
      for (int i = 0, n = g.outCount[u]; i < n; i++) {
        int e = outs[i];
        int bit = 1 << types[e];
        if ((contOut & bit) != 0) {
          reach(g.targets[e], d + 1, e, true, pot, second);
        } else if ((endOut & bit) != 0) {
          ends(g.targets[e], d + 1, e, true, pot, second);
        }
      }
      int[] ins = g.in[u];
      for (int i = 0, n = g.inCount[u]; i < n; i++) {
        int e = ins[i];
        int bit = 1 << types[e];
        if ((contIn & bit) != 0) {
          reach(g.sources[e], d + 1, e, false, pot, second);
        } else if ((endIn & bit) != 0) {
          ends(g.sources[e], d + 1, e, false, pot, second);
        }
      }
    }

    private void reach(int v, int d, int e, boolean forward, boolean pot, boolean second) {
      if (s.stampC[v] == stamp) {
        return;
      }
      s.stampC[v] = stamp;
      s.distC[v] = d;
      s.parentC[v] = e;
      s.fwdC[v] = forward;
      s.potC[v] = pot;
      if (second) {
        s.queue2[tail2++] = v;
      } else {
        s.queue[tail++] = v;
      }
    }

    /**
     * A relationship where the impact ends: looking for what depends on the start, the element is
     * affected but not walked on from; looking for what the start depends on, such a relationship
     * can only be the first step from a start element.
     */
    private void ends(int v, int d, int e, boolean forward, boolean pot, boolean second) {
      if (!dependents) {
        if (d == 1) {
          reach(v, d, e, forward, pot, second);
        }
        return;
      }
      if (s.stampT[v] == stamp) {
        return;
      }
      s.stampT[v] = stamp;
      s.distT[v] = d;
      s.parentT[v] = e;
      s.fwdT[v] = forward;
      s.potT[v] = pot;
      s.ends[endsCount++] = v;
    }

    /**
     * The reached elements, each in the state it is reported in: reached validly before
     * potentially, then nearer before farther, then walked on from before ended at.
     */
    Result result(Query q, int validTail, int[] layerOfType) {
      int[] byDistance = new int[maxDepth + 2];
      int[] candidates = new int[tail + tail2 + endsCount];
      int count = 0;
      for (int i = 0; i < tail; i++) {
        candidates[count++] = s.queue[i];
      }
      for (int i = 0; i < tail2; i++) {
        candidates[count++] = s.queue2[i];
      }
      for (int i = 0; i < endsCount; i++) {
        int v = s.ends[i];
        if (s.stampC[v] != stamp) {
          candidates[count++] = v;
        }
      }
      int kept = 0;
      int potentialCount = 0;
      for (int i = 0; i < count; i++) {
        int v = candidates[i];
        boolean hasC = s.stampC[v] == stamp;
        boolean hasT = s.stampT[v] == stamp;
        byte chosen;
        if (hasC && hasT) {
          boolean tBetter = s.potC[v] != s.potT[v] ? !s.potT[v] : s.distT[v] < s.distC[v];
          chosen = tBetter ? (byte) 1 : 0;
        } else {
          chosen = hasC ? (byte) 0 : 1;
        }
        s.chosen[v] = chosen;
        boolean start = chosen == 0 && s.parentC[v] < 0;
        if (start || (q.layerMask() & (1 << layerOfType[g.nodeTypes[v]])) == 0) {
          continue;
        }
        candidates[kept++] = v;
        byDistance[chosen == 1 ? s.distT[v] : s.distC[v]]++;
        if (chosen == 1 ? s.potT[v] : s.potC[v]) {
          potentialCount++;
        }
      }
      // stable counting sort by distance
      int[] at = new int[byDistance.length];
      for (int d = 1; d < byDistance.length; d++) {
        at[d] = at[d - 1] + byDistance[d - 1];
      }
      int[] order = new int[kept];
      for (int i = 0; i < kept; i++) {
        int v = candidates[i];
        order[at[s.chosen[v] == 1 ? s.distT[v] : s.distC[v]]++] = v;
      }
      return new Result(g, s, order, potentialCount);
    }
  }

  /** Every node a plain search would list, for tests: the order as node ids. */
  static List<String> ids(ModelGraph g, Result r) {
    List<String> ids = new ArrayList<>(r.order.length);
    for (int n : r.order) {
      ids.add(g.nodeIds[n]);
    }
    return ids;
  }
}
