package vn.eams.analysis;

import java.util.Arrays;

/**
 * Adjacency lists of a projection's nodes in one array ({@link #adj}): a node's region holds its
 * out-entries, then its in-entries (each an {@link ModelGraph#entry}), and {@link #meta} gives per
 * node the region's start, the two counts and the region's capacity side by side, so that a search
 * reads one small record and one run of the array per node it expands.
 *
 * <p>A region that fills up moves to the end of the array with twice the room; when the regions
 * left behind outweigh the live ones, or after a build ({@link #compact}), the array is laid out
 * again, in node order and without gaps. An adjacency may hold only some relationship types: an
 * out-entry at the source when the type is in {@link #outMask}, an in-entry at the target when it
 * is in {@link #inMask}. Not thread-safe: {@link ModelGraph} changes it under the projection's
 * write lock.
 */
final class Adjacency {

  /** Relationship types (bit i = type i) held as out-entries, and as in-entries. */
  final int outMask;

  final int inMask;

  /** Per node, four ints: region start, out-entry count, in-entry count, capacity. */
  int[] meta = new int[64];

  /** The entries, in the regions {@link #meta} gives. */
  long[] adj = new long[64];

  private int top; // the end of the last region
  private long garbage; // entries in regions left behind by a move

  Adjacency(int outMask, int inMask) {
    this.outMask = outMask;
    this.inMask = inMask;
  }

  /** Makes room for nodes 0..{@code nodes - 1}; a new node has an empty region. */
  void ensureNodes(int nodes) {
    if (meta.length < 4 * nodes) {
      meta = Arrays.copyOf(meta, 4 * nodes);
    }
  }

  int start(int n) {
    return meta[4 * n];
  }

  int outCount(int n) {
    return meta[4 * n + 1];
  }

  int inCount(int n) {
    return meta[4 * n + 2];
  }

  /** Adds relationship {@code edge} of {@code type} from {@code s} to {@code t}, as held here. */
  void add(int s, int t, int type, int edge) {
    int bit = 1 << type;
    if ((outMask & bit) != 0) {
      addOut(s, ModelGraph.entry(t, type, edge));
    }
    if ((inMask & bit) != 0) {
      addIn(t, ModelGraph.entry(s, type, edge));
    }
  }

  /** Removes relationship {@code edge} (of {@code type}, from {@code s} to {@code t}). */
  void remove(int s, int t, int type, int edge) {
    int bit = 1 << type;
    if ((outMask & bit) != 0) {
      removeOut(s, edge);
    }
    if ((inMask & bit) != 0) {
      removeIn(t, edge);
    }
  }

  private void addOut(int n, long entry) {
    int m = 4 * n;
    ensureRoom(n);
    int at = meta[m] + meta[m + 1];
    if (meta[m + 2] > 0) {
      adj[at + meta[m + 2]] = adj[at]; // the first in-entry moves behind the last
    }
    adj[at] = entry;
    meta[m + 1]++;
  }

  private void addIn(int n, long entry) {
    int m = 4 * n;
    ensureRoom(n);
    adj[meta[m] + meta[m + 1] + meta[m + 2]] = entry;
    meta[m + 2]++;
  }

  private void removeOut(int n, int edge) {
    int m = 4 * n;
    int base = meta[m];
    int outs = meta[m + 1];
    for (int i = base; i < base + outs; i++) {
      if (ModelGraph.edgeOf(adj[i]) == edge) {
        adj[i] = adj[base + outs - 1];
        int lastIn = base + outs + meta[m + 2] - 1;
        if (lastIn >= base + outs) {
          adj[base + outs - 1] = adj[lastIn]; // the last in-entry fills the gap
        }
        meta[m + 1]--;
        return;
      }
    }
  }

  private void removeIn(int n, int edge) {
    int m = 4 * n;
    int from = meta[m] + meta[m + 1];
    int last = from + meta[m + 2] - 1;
    for (int i = from; i <= last; i++) {
      if (ModelGraph.edgeOf(adj[i]) == edge) {
        adj[i] = adj[last];
        meta[m + 2]--;
        return;
      }
    }
  }

  /** Makes room in node {@code n}'s region for one more entry, moving it to the end if full. */
  private void ensureRoom(int n) {
    int m = 4 * n;
    int used = meta[m + 1] + meta[m + 2];
    if (used < meta[m + 3]) {
      return;
    }
    int capacity = Math.max(4, used * 2);
    if (garbage > top / 2 && garbage > 1024) {
      compact(meta.length / 4);
    }
    if (top + capacity > adj.length) {
      adj = Arrays.copyOf(adj, Math.max(top + capacity, adj.length + adj.length / 2));
    }
    System.arraycopy(adj, meta[m], adj, top, used);
    garbage += meta[m + 3];
    meta[m] = top;
    meta[m + 3] = capacity;
    top += capacity;
  }

  /** Lays nodes 0..{@code nodes - 1} out again in node order with no room to spare. */
  void compact(int nodes) {
    long live = 0;
    for (int n = 0; n < nodes; n++) {
      live += meta[4 * n + 1] + meta[4 * n + 2];
    }
    long[] packed = new long[(int) Math.max(64, live)];
    int at = 0;
    for (int n = 0; n < nodes; n++) {
      int m = 4 * n;
      int used = meta[m + 1] + meta[m + 2];
      System.arraycopy(adj, meta[m], packed, at, used);
      meta[m] = at;
      meta[m + 3] = used;
      at += used;
    }
    adj = packed;
    top = at;
    garbage = 0;
  }

  /** The heap the adjacency holds, in bytes. */
  long bytes() {
    return 16 + 4L * meta.length + 16 + 8L * adj.length;
  }
}
