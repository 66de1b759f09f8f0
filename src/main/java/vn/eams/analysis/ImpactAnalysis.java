package vn.eams.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.Propagation;
import vn.eams.metamodel.Propagation.Change;

/**
 * Impact analysis on a model's projection: a breadth-first search from the start elements along the
 * relationships that carry the change ({@link Propagation}), first along valid propagation only,
 * then (when asked) on along potential propagation too, so that an element is "potential" only when
 * no valid path reaches it within the depth. Every reached element keeps the relationship it was
 * first reached through, which gives its shortest explanation path. The search reads an adjacency
 * of the projection that holds only the relationships a change of its kind can travel along in its
 * direction ({@link ModelGraph#filtered}), made on the first search of that kind and direction.
 *
 * <p>Every element has two search states: reached so that the impact travels on from it (C), and
 * reached through a relationship where the impact ends (T). The search never allocates per element:
 * a visit sets the element's bit of that state and writes one packed word (first relationship,
 * distance, direction, potential) into search arrays that are taken from a pool and given back when
 * the answer has been read; the next search clears only the bits. The valid pass goes a level at a
 * time, so it knows the distance of what it expands without reading its word. The summary (counts
 * by distance, layer and summary class) is taken in one pass over what was reached, and only the
 * first {@code limit} elements are listed.
 */
final class ImpactAnalysis {

  /**
   * What to analyse.
   *
   * @param starts nodes of the start elements
   * @param dependents true for "what depends on the starts", false for "what they depend on"
   * @param typeMask bit i set = follow relationship type i
   * @param layerMask bit i set = report elements of layer ordinal i
   * @param classOfSpec for each specialization index, the summary class it is counted in (0 for
   *     none, 1.. for the classes), shorter than the specialization count when the rest count in
   *     none
   * @param limit how many of the reached elements to list, nearest first
   */
  record Query(
      int[] starts,
      Change change,
      boolean dependents,
      int maxDepth,
      int typeMask,
      int layerMask,
      boolean includePotential,
      byte[] classOfSpec,
      int limit) {

    /** A query that lists everything and counts no summary class. */
    Query(
        int[] starts,
        Change change,
        boolean dependents,
        int maxDepth,
        int typeMask,
        int layerMask,
        boolean includePotential) {
      this(
          starts,
          change,
          dependents,
          maxDepth,
          typeMask,
          layerMask,
          includePotential,
          new byte[0],
          Integer.MAX_VALUE);
    }
  }

  // the packed visit word: first relationship (low 32 bits), distance, direction, potential
  private static final int DIST_SHIFT = 32;
  private static final long FORWARD = 1L << 48;
  private static final long POTENTIAL = 1L << 49;

  private static long pack(int edge, int dist, boolean forward, boolean potential) {
    return (edge & 0xffffffffL)
        | ((long) dist << DIST_SHIFT)
        | (forward ? FORWARD : 0)
        | (potential ? POTENTIAL : 0);
  }

  private static int edgeOf(long info) {
    return (int) info;
  }

  private static int distOf(long info) {
    return (int) ((info >>> DIST_SHIFT) & 0xffff);
  }

  /**
   * What a search reached: the counts over every reached element (the starts left out, the layer
   * filter applied) and the first {@code limit} of them by distance in {@code order}. Read
   * distances, paths and potential flags through the accessors while the projection's read lock is
   * held, before the thread runs another search.
   */
  static final class Result implements AutoCloseable {
    final ModelGraph graph;
    final Scratch s;

    /** The first {@code limit} reached elements, nearest first. */
    final int[] order;

    /** How many elements were reached (after the layer filter). */
    final int total;

    final int potentialCount;

    /** Reached elements per distance (index = distance). */
    final int[] byDistance;

    /** Reached elements per layer (index = {@code Layer.ordinal()}). */
    final int[] byLayer;

    /** Reached elements per summary class (index = class, 0 = none). */
    final int[] byClass;

    Result(
        ModelGraph graph,
        Scratch s,
        int[] order,
        int total,
        int potentialCount,
        int[] byDistance,
        int[] byLayer,
        int[] byClass) {
      this.graph = graph;
      this.s = s;
      this.order = order;
      this.total = total;
      this.potentialCount = potentialCount;
      this.byDistance = byDistance;
      this.byLayer = byLayer;
      this.byClass = byClass;
    }

    /** The packed word of the state {@code node} is reported in. */
    private long info(int node) {
      return reportedTerminal(s, node) ? s.infoT[node] : s.infoC[node];
    }

    /** Gives the search arrays back for the next search; read nothing of the result after it. */
    @Override
    public void close() {
      POOL.push(s);
    }

    int distance(int node) {
      return distOf(info(node));
    }

    boolean potential(int node) {
      return (info(node) & POTENTIAL) != 0;
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
      long info = info(node);
      int n = node;
      for (int i = distOf(info) - 1; i >= 0; i--) {
        int e = edgeOf(info);
        boolean f = (info & FORWARD) != 0;
        if (edges != null) {
          edges[i] = e;
        }
        if (forwards != null) {
          forwards[i] = f;
        }
        n = f ? graph.sources[e] : graph.targets[e];
        info = s.infoC[n]; // only the last step may end the impact
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
   * Whether {@code node} is reported in its T state: reached validly before potentially, then
   * nearer before farther, then walked on from before ended at.
   */
  private static boolean reportedTerminal(Scratch s, int node) {
    if (!s.seenT(node)) {
      return false;
    }
    if (!s.seen(node)) {
      return true;
    }
    long c = s.infoC[node];
    long t = s.infoT[node];
    boolean potentialC = (c & POTENTIAL) != 0;
    boolean potentialT = (t & POTENTIAL) != 0;
    return potentialC != potentialT ? potentialC : distOf(t) < distOf(c);
  }

  /**
   * The arrays of one search. Whether an element is reached in a state is its bit in {@link #seenC}
   * or {@link #seenT}; its visit word is read only then, so a search clears only the two bit sets
   * (37 KB for 300,000 elements), not the words the previous search wrote.
   */
  static final class Scratch {
    long[] infoC = new long[0];

    /** Bit per element: reached in state C (infoC set); small enough to stay in the cache. */
    long[] seenC = new long[0];

    long[] infoT = new long[0];

    /** Bit per element: reached in state T (infoT set). */
    long[] seenT = new long[0];

    int[] queue = new int[0];
    int[] queue2 = new int[0];
    int[] ends = new int[0];

    boolean seen(int v) {
      return (seenC[v >>> 6] & (1L << v)) != 0;
    }

    void mark(int v) {
      seenC[v >>> 6] |= 1L << v;
    }

    boolean seenT(int v) {
      return (seenT[v >>> 6] & (1L << v)) != 0;
    }

    void ensure(int n) {
      if (infoC.length < n) {
        int size = Math.max(n, infoC.length + infoC.length / 2);
        infoC = new long[size];
        seenC = new long[(size + 63) >>> 6];
        seenT = new long[(size + 63) >>> 6];
        infoT = new long[size];
        queue = new int[size];
        queue2 = new int[size];
        ends = new int[size];
      } else {
        Arrays.fill(seenC, 0);
        Arrays.fill(seenT, 0);
      }
    }
  }

  /**
   * Search arrays not in use, the most recently given back first (its arrays are the likeliest to
   * be in the processor's caches). There are never more than searches ran at once.
   */
  private static final ConcurrentLinkedDeque<Scratch> POOL = new ConcurrentLinkedDeque<>();

  private final Propagation propagation;
  private final int typeCount;
  private final byte[] layerOfType; // by element type index: Layer ordinal

  ImpactAnalysis(Metamodel metamodel) {
    this.propagation = metamodel.propagation();
    this.typeCount = metamodel.relationshipTypes().size();
    List<ElementType> types = metamodel.elementTypes();
    layerOfType = new byte[types.size()];
    for (int i = 0; i < types.size(); i++) {
      layerOfType[i] = (byte) types.get(i).layer().ordinal();
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

  private Masks masks(Change change, boolean dependents, int typeMask) {
    Masks m = new Masks();
    for (int t = 0; t < typeCount; t++) {
      if ((typeMask & (1 << t)) == 0) {
        continue;
      }
      Propagation.Rule rule = propagation.rule(t, change);
      // what depends on the start: a change travels along the relationship as the rule says;
      // what the start depends on: the search walks against the travel
      Propagation.Reach out = dependents ? rule.forward() : rule.backward();
      Propagation.Reach in = dependents ? rule.backward() : rule.forward();
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
    Masks m = masks(q.change(), q.dependents(), q.typeMask());
    // the relationships a search of this change and direction may follow, of any type: an
    // adjacency of only those (made on first use) is what the search reads
    Masks any = masks(q.change(), q.dependents(), -1);
    Adjacency adjacency =
        g.filtered(
            2 * q.change().ordinal() + (q.dependents() ? 1 : 0),
            any.validOut | any.potentialOut | any.endsOut,
            any.validIn | any.potentialIn | any.endsIn);
    Scratch s = POOL.poll();
    if (s == null) {
      s = new Scratch();
    }
    s.ensure(g.nodeCount);
    Walk w = new Walk(g, adjacency, s, q, layerOfType);
    for (int start : q.starts()) {
      if (!s.seen(start)) {
        s.mark(start);
        s.infoC[start] = pack(-1, 0, false, false);
        s.queue[w.tail++] = start;
      }
    }
    int starts = w.tail;
    // valid propagation, breadth first, a level at a time: the level is the distance of every
    // element on it, so the search does not read the element's visit word to expand it
    w.levelEnds[0] = w.tail;
    for (int d = 0; d < q.maxDepth() && w.head < w.tail; d++) {
      int levelEnd = w.tail;
      while (w.head < levelEnd) {
        w.expandValid(s.queue[w.head++], d, m.validOut, m.validIn, m.endsOut, m.endsIn);
      }
      w.levelEnds[d + 1] = w.tail;
      w.levels = d + 1;
    }
    w.head = w.tail;
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
            || (h1 < validTail
                && distOf(s.infoC[s.queue[h1]]) <= distOf(s.infoC[s.queue2[w.head2]]))) {
          w.expand(s.queue[h1++], m.potentialOut, m.potentialIn, 0, 0, true, true);
        } else {
          w.expand(s.queue2[w.head2++], allOut, allIn, m.endsOut, m.endsIn, true, true);
        }
      }
    }
    return w.result(q, starts, validTail, layerOfType);
  }

  /** One search's walk over the graph, in the scratch arrays. */
  private static final class Walk {
    final ModelGraph g;
    final Adjacency adjacency;
    final Scratch s;
    final boolean dependents;
    final int maxDepth;
    int head;
    int tail;
    int head2;
    int tail2;
    int endsCount;

    /**
     * The valid pass's queue by level: the elements at distance d are {@code queue[levelEnds[d -
     * 1]..levelEnds[d])}, d = 1..{@link #levels}.
     */
    final int[] levelEnds;

    int levels;

    // the summary, counted when the search is done (the layer filter applied)
    final int layerMask;
    final byte[] classOfSpec;
    final byte[] layerOfType;
    final int[] byDistance;
    final int[] byLayer = new int[16];
    final int[] byClass;
    int total;
    int potentialCount;

    Walk(ModelGraph g, Adjacency adjacency, Scratch s, Query q, byte[] layerOfType) {
      this.adjacency = adjacency;
      this.g = g;
      this.s = s;
      this.dependents = q.dependents();
      this.maxDepth = q.maxDepth();
      this.layerMask = q.layerMask();
      this.classOfSpec = q.classOfSpec();
      this.layerOfType = layerOfType;
      this.byDistance = new int[maxDepth + 2];
      this.levelEnds = new int[maxDepth + 2];
      int classes = 1;
      for (byte c : classOfSpec) {
        classes = Math.max(classes, c + 1);
      }
      this.byClass = new int[classes];
    }

    /** Counts an element reported in the state {@code info} (when its layer is reported). */
    private void count(int v, long info) {
      count(v, distOf(info), (info & POTENTIAL) != 0);
    }

    /** Counts an element reported at distance {@code d} (when its layer is reported). */
    private void count(int v, int d, boolean potential) {
      int layer = layerOfType[g.nodeTypes[v]];
      if ((layerMask & (1 << layer)) == 0) {
        return;
      }
      total++;
      byDistance[d]++;
      byLayer[layer]++;
      if (potential) {
        potentialCount++;
      }
      if (classOfSpec.length > 0) {
        int spec = g.nodeSpecs[v];
        if (spec >= 0 && spec < classOfSpec.length) {
          byClass[classOfSpec[spec]]++;
        }
      }
    }

    /**
     * Follows from {@code u} the relationships of the masks; {@code potential} marks what is
     * reached, {@code second} puts new elements on the potential queue.
     */
    void expand(
        int u, int contOut, int contIn, int endOut, int endIn, boolean potential, boolean second) {
      long info = s.infoC[u];
      int d = distOf(info);
      if (d >= maxDepth) {
        return;
      }
      boolean pot = potential || (info & POTENTIAL) != 0;
      int next = d + 1;
      long[] adj = adjacency.adj;
      int[] meta = adjacency.meta;
      int base = meta[4 * u];
      int outEnd = base + meta[4 * u + 1];
      int inEnd = outEnd + meta[4 * u + 2];
      for (int i = base; i < outEnd; i++) {
        long entry = adj[i];
        int bit = 1 << ModelGraph.type(entry);
        if ((contOut & bit) != 0) {
          int v = ModelGraph.other(entry);
          if ((s.seenC[v >>> 6] & (1L << v)) == 0) {
            reach(v, pack(ModelGraph.edgeOf(entry), next, true, pot), second);
          }
        } else if ((endOut & bit) != 0) {
          ends(ModelGraph.other(entry), next, ModelGraph.edgeOf(entry), true, pot, second);
        }
      }
      for (int i = outEnd; i < inEnd; i++) {
        long entry = adj[i];
        int bit = 1 << ModelGraph.type(entry);
        if ((contIn & bit) != 0) {
          int v = ModelGraph.other(entry);
          if ((s.seenC[v >>> 6] & (1L << v)) == 0) {
            reach(v, pack(ModelGraph.edgeOf(entry), next, false, pot), second);
          }
        } else if ((endIn & bit) != 0) {
          ends(ModelGraph.other(entry), next, ModelGraph.edgeOf(entry), false, pot, second);
        }
      }
    }

    /**
     * {@link #expand} in the valid pass, for an element at distance {@code d} (below the depth):
     * nothing reached there is potential, and an element already reached to be walked on from (at
     * distance {@code d + 1} or less) is reported so, so a relationship where the impact ends
     * leaves it alone.
     */
    void expandValid(int u, int d, int contOut, int contIn, int endOut, int endIn) {
      int next = d + 1;
      long[] adj = adjacency.adj;
      int[] meta = adjacency.meta;
      long[] seenC = s.seenC;
      int base = meta[4 * u];
      int outEnd = base + meta[4 * u + 1];
      int inEnd = outEnd + meta[4 * u + 2];
      for (int i = base; i < inEnd; i++) {
        long entry = adj[i];
        int bit = 1 << ModelGraph.type(entry);
        boolean out = i < outEnd;
        int v = ModelGraph.other(entry);
        if (((out ? contOut : contIn) & bit) != 0) {
          if ((seenC[v >>> 6] & (1L << v)) == 0) {
            reach(v, pack(ModelGraph.edgeOf(entry), next, out, false), false);
          }
        } else if (((out ? endOut : endIn) & bit) != 0 && (seenC[v >>> 6] & (1L << v)) == 0) {
          ends(v, next, ModelGraph.edgeOf(entry), out, false, false);
        }
      }
    }

    private void reach(int v, long info, boolean second) {
      s.mark(v);
      s.infoC[v] = info;
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
        if (d == 1 && !s.seen(v)) {
          reach(v, pack(e, d, forward, pot), second);
        }
        return;
      }
      long bit = 1L << v;
      if ((s.seenT[v >>> 6] & bit) != 0) {
        return;
      }
      s.seenT[v >>> 6] |= bit;
      s.infoT[v] = pack(e, d, forward, pot);
      s.ends[endsCount++] = v;
    }

    /**
     * Puts the ends in distance order for the merge that lists the nearest: the valid pass adds
     * them nearest first, and so does the potential pass, but its ends may be nearer than the valid
     * pass's last ones. A stable counting sort, only when the list is out of order.
     */
    private void sortEndsByDistance() {
      int[] ends = s.ends;
      int[] counts = new int[maxDepth + 3];
      boolean ordered = true;
      int previous = 0;
      for (int i = 0; i < endsCount; i++) {
        int d = distOf(s.infoT[ends[i]]);
        ordered &= d >= previous;
        previous = d;
        counts[d + 1]++;
      }
      if (ordered) {
        return;
      }
      for (int d = 1; d < counts.length; d++) {
        counts[d] += counts[d - 1];
      }
      int[] sorted = new int[endsCount];
      for (int i = 0; i < endsCount; i++) {
        sorted[counts[distOf(s.infoT[ends[i]])]++] = ends[i];
      }
      System.arraycopy(sorted, 0, ends, 0, endsCount);
    }

    /**
     * Settles the counts of elements reached both ways (each is counted once, in the state it is
     * reported in), then lists the first {@code limit} by merging the three lists, each in distance
     * order: the valid queue, the potential queue, the ends.
     */
    Result result(Query q, int starts, int validTail, byte[] layerOfType) {
      // the counts, after the search rather than during it (its loads of each element's type and
      // specialization then overlap instead of stalling the search); an element reached both ways
      // is counted once, in the state it is reported in
      boolean anyEnds = endsCount > 0;
      // the valid pass's elements by level (the distance without reading each visit word), then
      // what the dependencies' first step reached through a relationship where the impact ends
      for (int d = 1; d <= levels; d++) {
        for (int i = levelEnds[d - 1]; i < levelEnds[d]; i++) {
          int v = s.queue[i];
          if (!anyEnds || !reportedTerminal(s, v)) {
            count(v, d, false);
          }
        }
      }
      for (int i = levelEnds[levels]; i < tail; i++) {
        int v = s.queue[i];
        if (!anyEnds || !reportedTerminal(s, v)) {
          count(v, s.infoC[v]);
        }
      }
      for (int i = 0; i < tail2; i++) {
        int v = s.queue2[i];
        if (!anyEnds || !reportedTerminal(s, v)) {
          count(v, s.infoC[v]);
        }
      }
      for (int i = 0; i < endsCount; i++) {
        int v = s.ends[i];
        if (reportedTerminal(s, v)) {
          count(v, s.infoT[v]);
        }
      }
      int layerMask = q.layerMask();
      short[] nodeTypes = g.nodeTypes;
      int[] order = new int[Math.min(total, q.limit())];
      if (order.length < total) {
        sortEndsByDistance();
      }
      int listed = 0;
      int[] at = {starts, 0, 0};
      int[] end = {validTail, tail2, endsCount};
      int[][] lists = {s.queue, s.queue2, s.ends};
      while (listed < order.length) {
        // the list whose next element is nearest
        int best = -1;
        int bestDist = Integer.MAX_VALUE;
        for (int l = 0; l < 3; l++) {
          if (at[l] < end[l]) {
            int v = lists[l][at[l]];
            int d = distOf(l == 2 ? s.infoT[v] : s.infoC[v]);
            if (d < bestDist) {
              bestDist = d;
              best = l;
            }
          }
        }
        int v = lists[best][at[best]++];
        boolean terminal = anyEnds && reportedTerminal(s, v);
        if (terminal != (best == 2)) {
          continue;
        }
        if ((layerMask & (1 << layerOfType[nodeTypes[v]])) == 0) {
          continue;
        }
        order[listed++] = v;
      }
      return new Result(g, s, order, total, potentialCount, byDistance, byLayer, byClass);
    }
  }

  /** The listed elements' ids, for tests. */
  static List<String> ids(ModelGraph g, Result r) {
    List<String> ids = new ArrayList<>(r.order.length);
    for (int n : r.order) {
      ids.add(g.nodeIds[n]);
    }
    return ids;
  }
}
