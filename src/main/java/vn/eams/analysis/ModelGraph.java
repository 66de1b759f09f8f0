package vn.eams.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The in-memory projection of one model (ARCHITECTURE.md §4): elements and relationships as int
 * ids, typed adjacency in both directions, and just enough of each element (id, name, type,
 * specialization) to answer an analysis without going back to the store.
 *
 * <p>Not thread-safe by itself: {@link Projections} guards each graph with a read-write lock
 * (analyses read under the read lock; refreshes from the change log write under the write lock).
 * Deleted elements and relationships leave a hole (type -1) that later additions do not reuse,
 * until the graph is rebuilt.
 *
 * <p>The adjacency of every node lies in one array ({@link #adj}): a node's region holds its
 * out-entries, then its in-entries, and {@link #meta} gives per node the region's start, the two
 * counts and the region's capacity, side by side, so that a search reads one small record and one
 * run of the array per node it expands. A region that fills up moves to the end of the array with
 * twice the room; when the regions left behind outweigh the live ones, or after a build ({@link
 * #compact}), the array is laid out again, in node order and without gaps.
 *
 * <p>Node types are indexes into the metamodel's element types ({@code Metamodel.elementTypes()}),
 * edge types indexes into its relationship types, specializations indexes into {@link
 * #specializations} (or -1).
 */
final class ModelGraph {

  /**
   * An adjacency entry packs the relationship's other end (low 32 bits), its type (5 bits, as many
   * as a relationship-table cell allows) and the relationship's number (27 bits), so that a search
   * reads one sequential word per relationship.
   */
  static long entry(int other, int type, int edge) {
    return (other & 0xffffffffL) | ((long) type << 32) | ((long) edge << 37);
  }

  /** The other end of an adjacency entry. */
  static int other(long entry) {
    return (int) entry;
  }

  /** The relationship type of an adjacency entry. */
  static int type(long entry) {
    return (int) (entry >>> 32) & 0x1f;
  }

  /** The relationship number of an adjacency entry. */
  static int edgeOf(long entry) {
    return (int) (entry >>> 37);
  }

  /** The most relationships a projection can number (27 bits). */
  static final int MAX_EDGES = 1 << 27;

  final String modelId;

  // nodes
  int nodeCount;
  String[] nodeIds = new String[16];
  String[] names = new String[16];
  String[] namesEn = new String[16];
  short[] nodeTypes = new short[16];
  short[] nodeSpecs = new short[16];

  /** Per node, four ints: adjacency region start, out-entry count, in-entry count, capacity. */
  int[] meta = new int[16 * 4];

  /** The adjacency entries of every node, in the regions {@link #meta} gives. */
  long[] adj = new long[64];

  private int adjTop; // the end of the last region
  private long adjGarbage; // entries in regions left behind by a move
  final IdIndex nodeIndex = new IdIndex();
  int liveNodes;

  // edges
  int edgeCount;
  String[] edgeIds = new String[16];
  int[] sources = new int[16];
  int[] targets = new int[16];
  byte[] edgeTypes = new byte[16];
  final IdIndex edgeIndex = new IdIndex();
  int liveEdges;

  /** Specialization ids seen, indexed by {@link #nodeSpecs}. */
  final Specializations specializations;

  /** The change sequence number this graph reflects. */
  long seq;

  ModelGraph(String modelId, Specializations specializations) {
    this.modelId = modelId;
    this.specializations = specializations;
  }

  /** Adds an element or, when its id is known, updates its name, type and specialization. */
  int putNode(String id, short type, String name, String nameEn, short spec) {
    int existing = nodeIndex.get(id, nodeIds);
    if (existing >= 0) {
      int n = existing;
      if (nodeTypes[n] < 0) {
        liveNodes++;
      }
      nodeTypes[n] = type;
      names[n] = name;
      namesEn[n] = nameEn;
      nodeSpecs[n] = spec;
      return n;
    }
    int n = nodeCount++;
    if (n == nodeIds.length) {
      int size = n * 2;
      nodeIds = Arrays.copyOf(nodeIds, size);
      names = Arrays.copyOf(names, size);
      namesEn = Arrays.copyOf(namesEn, size);
      nodeTypes = Arrays.copyOf(nodeTypes, size);
      nodeSpecs = Arrays.copyOf(nodeSpecs, size);
      meta = Arrays.copyOf(meta, size * 4);
    }
    nodeIds[n] = id;
    names[n] = name;
    namesEn[n] = nameEn;
    nodeTypes[n] = type;
    nodeSpecs[n] = spec;
    meta[4 * n] = adjTop; // an empty region: the first entry moves it
    nodeIndex.put(id, n, nodeIds);
    liveNodes++;
    return n;
  }

  /** Removes an element and every relationship that touches it. */
  void removeNode(String id) {
    int n = nodeIndex.get(id, nodeIds);
    if (n < 0 || nodeTypes[n] < 0) {
      return;
    }
    while (outCount(n) + inCount(n) > 0) {
      removeEdge(edgeIds[edgeOf(adj[meta[4 * n] + outCount(n) + inCount(n) - 1])]);
    }
    nodeTypes[n] = -1;
    liveNodes--;
  }

  /** Adds a relationship between two known elements; returns false when an end is unknown. */
  boolean putEdge(String id, byte type, String sourceId, String targetId) {
    int s = nodeIndex.get(sourceId, nodeIds);
    int t = nodeIndex.get(targetId, nodeIds);
    if (s < 0 || t < 0 || nodeTypes[s] < 0 || nodeTypes[t] < 0) {
      return false;
    }
    removeEdge(id);
    if (edgeCount == MAX_EDGES) {
      throw new IllegalStateException(
          "model " + modelId + " has more relationships than a projection can hold");
    }
    int e = edgeCount++;
    if (e == edgeIds.length) {
      int size = e * 2;
      edgeIds = Arrays.copyOf(edgeIds, size);
      sources = Arrays.copyOf(sources, size);
      targets = Arrays.copyOf(targets, size);
      edgeTypes = Arrays.copyOf(edgeTypes, size);
    }
    edgeIds[e] = id;
    sources[e] = s;
    targets[e] = t;
    edgeTypes[e] = type;
    edgeIndex.put(id, e, edgeIds);
    addOut(s, entry(t, type, e));
    addIn(t, entry(s, type, e));
    liveEdges++;
    return true;
  }

  void removeEdge(String id) {
    int e = edgeIndex.remove(id, edgeIds);
    if (e < 0) {
      return;
    }
    removeOut(sources[e], e);
    removeIn(targets[e], e);
    edgeTypes[e] = -1;
    liveEdges--;
  }

  /**
   * Where node {@code n}'s adjacency region starts in {@link #adj}: out-entries, then in-entries.
   */
  int adjStart(int n) {
    return meta[4 * n];
  }

  int outCount(int n) {
    return meta[4 * n + 1];
  }

  int inCount(int n) {
    return meta[4 * n + 2];
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
      if (edgeOf(adj[i]) == edge) {
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
      if (edgeOf(adj[i]) == edge) {
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
    if (adjGarbage > adjTop / 2 && adjGarbage > 1024) {
      compact();
    }
    if (adjTop + capacity > adj.length) {
      adj = Arrays.copyOf(adj, Math.max(adjTop + capacity, adj.length + adj.length / 2));
    }
    System.arraycopy(adj, meta[m], adj, adjTop, used);
    adjGarbage += meta[m + 3];
    meta[m] = adjTop;
    meta[m + 3] = capacity;
    adjTop += capacity;
  }

  /**
   * Lays the adjacency out again in node order with no room to spare: after a build, and when moved
   * regions have left too much behind.
   */
  void compact() {
    long live = 0;
    for (int n = 0; n < nodeCount; n++) {
      live += meta[4 * n + 1] + meta[4 * n + 2];
    }
    long[] packed = new long[(int) Math.max(64, live)];
    int top = 0;
    for (int n = 0; n < nodeCount; n++) {
      int m = 4 * n;
      int used = meta[m + 1] + meta[m + 2];
      System.arraycopy(adj, meta[m], packed, top, used);
      meta[m] = top;
      meta[m + 3] = used;
      top += used;
    }
    adj = packed;
    adjTop = top;
    adjGarbage = 0;
  }

  /** The node of element {@code id}, or -1 when the model has no such (live) element. */
  int node(String id) {
    int n = nodeIndex.get(id, nodeIds);
    return n < 0 || nodeTypes[n] < 0 ? -1 : n;
  }

  /** The edge of relationship {@code id}, or -1. */
  int edge(String id) {
    return edgeIndex.get(id, edgeIds);
  }

  /**
   * An estimate of the heap the graph holds, in bytes: its arrays, the id maps and the strings (ids
   * and names), on a 64-bit JVM with compressed references.
   */
  long estimatedBytes() {
    long bytes = 0;
    int nodeSlots = nodeIds.length;
    bytes += 4L * nodeSlots * 3 + 2L * nodeSlots * 2; // three reference arrays, two shorts
    bytes += 16L * nodeSlots + 8L * adj.length; // meta, adjacency
    for (int n = 0; n < nodeCount; n++) {
      bytes += string(nodeIds[n]) + string(names[n]) + string(namesEn[n]);
    }
    int edgeSlots = edgeIds.length;
    bytes += 4L * edgeSlots * 3 + edgeSlots; // ids, sources, targets; types
    for (int e = 0; e < edgeCount; e++) {
      bytes += string(edgeIds[e]);
    }
    // the id indexes: an int slot per id, at a load between a quarter and a half
    bytes += 12L * (nodeIndex.size() + edgeIndex.size());
    return bytes;
  }

  private static long string(String s) {
    return s == null ? 0 : 24 + 16 + s.length(); // String, its byte[] (Latin-1; UTF-16 doubles)
  }

  /** Specialization ids of a repository, numbered on first sight (shared by every graph). */
  static final class Specializations {
    private final Map<String, Short> index = new HashMap<>();
    private String[] ids = new String[8];

    synchronized short of(String id) {
      if (id == null || id.isEmpty()) {
        return -1;
      }
      Short s = index.get(id);
      if (s != null) {
        return s;
      }
      short next = (short) index.size();
      if (next == ids.length) {
        ids = Arrays.copyOf(ids, next * 2);
      }
      ids[next] = id;
      index.put(id, next);
      return next;
    }

    synchronized String id(short s) {
      return s < 0 ? "" : ids[s];
    }
  }
}
