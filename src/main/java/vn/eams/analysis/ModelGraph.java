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
 * <p>The relationships are held in an {@link Adjacency} ({@link #all}) and, for searches that
 * follow only some types, in smaller adjacencies made on first use ({@link #filtered}).
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

  /** Every relationship, at both ends. */
  final Adjacency all = new Adjacency(-1, -1);

  /** Adjacencies that hold only some relationship types, by slot ({@link #filtered}). */
  private final Adjacency[] filtered = new Adjacency[8];

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
      all.ensureNodes(size);
      for (Adjacency f : filtered) {
        if (f != null) {
          f.ensureNodes(size);
        }
      }
    }
    nodeIds[n] = id;
    names[n] = name;
    namesEn[n] = nameEn;
    nodeTypes[n] = type;
    nodeSpecs[n] = spec;
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
    while (all.outCount(n) + all.inCount(n) > 0) {
      removeEdge(edgeIds[edgeOf(all.adj[all.start(n) + all.outCount(n) + all.inCount(n) - 1])]);
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
    all.add(s, t, type, e);
    for (Adjacency f : filtered) {
      if (f != null) {
        f.add(s, t, type, e);
      }
    }
    liveEdges++;
    return true;
  }

  void removeEdge(String id) {
    int e = edgeIndex.remove(id, edgeIds);
    if (e < 0) {
      return;
    }
    all.remove(sources[e], targets[e], edgeTypes[e], e);
    for (Adjacency f : filtered) {
      if (f != null) {
        f.remove(sources[e], targets[e], edgeTypes[e], e);
      }
    }
    edgeTypes[e] = -1;
    liveEdges--;
  }

  /** Lays every adjacency out again in node order with no room to spare (after a build). */
  void compact() {
    all.compact(nodeCount);
    for (Adjacency f : filtered) {
      if (f != null) {
        f.compact(nodeCount);
      }
    }
  }

  /**
   * The adjacency that holds, of every relationship, an out-entry at its source when its type is in
   * {@code outMask} and an in-entry at its target when its type is in {@code inMask} (bit i =
   * relationship type i): what a search that follows only those needs to read. Built on first use
   * for each {@code slot} (the caller gives each mask pair its own, below 8), kept current with the
   * graph after that. Safe to call under the projection's read lock.
   */
  synchronized Adjacency filtered(int slot, int outMask, int inMask) {
    Adjacency f = filtered[slot];
    if (f == null) {
      f = new Adjacency(outMask, inMask);
      f.ensureNodes(nodeIds.length);
      for (int e = 0; e < edgeCount; e++) {
        if (edgeTypes[e] >= 0) {
          f.add(sources[e], targets[e], edgeTypes[e], e);
        }
      }
      f.compact(nodeCount);
      filtered[slot] = f;
    } else if (f.outMask != outMask || f.inMask != inMask) {
      throw new IllegalArgumentException("adjacency slot " + slot + " holds other relationships");
    }
    return f;
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
    bytes += all.bytes();
    for (Adjacency f : filtered) {
      bytes += f == null ? 0 : f.bytes();
    }
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
