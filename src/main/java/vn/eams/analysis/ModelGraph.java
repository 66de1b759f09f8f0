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
 * <p>Node types are indexes into the metamodel's element types ({@code Metamodel.elementTypes()}),
 * edge types indexes into its relationship types, specializations indexes into {@link
 * #specializations} (or -1).
 */
final class ModelGraph {

  private static final int[] NONE = new int[0];

  final String modelId;

  // nodes
  int nodeCount;
  String[] nodeIds = new String[16];
  String[] names = new String[16];
  String[] namesEn = new String[16];
  short[] nodeTypes = new short[16];
  short[] nodeSpecs = new short[16];
  int[][] out = new int[16][];
  int[] outCount = new int[16];
  int[][] in = new int[16][];
  int[] inCount = new int[16];
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
      out = Arrays.copyOf(out, size);
      outCount = Arrays.copyOf(outCount, size);
      in = Arrays.copyOf(in, size);
      inCount = Arrays.copyOf(inCount, size);
    }
    nodeIds[n] = id;
    names[n] = name;
    namesEn[n] = nameEn;
    nodeTypes[n] = type;
    nodeSpecs[n] = spec;
    out[n] = NONE;
    in[n] = NONE;
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
    while (outCount[n] > 0) {
      removeEdge(edgeIds[out[n][outCount[n] - 1]]);
    }
    while (inCount[n] > 0) {
      removeEdge(edgeIds[in[n][inCount[n] - 1]]);
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
    out[s] = append(out[s], outCount[s]++, e);
    in[t] = append(in[t], inCount[t]++, e);
    liveEdges++;
    return true;
  }

  void removeEdge(String id) {
    int e = edgeIndex.remove(id, edgeIds);
    if (e < 0) {
      return;
    }
    outCount[sources[e]] = remove(out[sources[e]], outCount[sources[e]], e);
    inCount[targets[e]] = remove(in[targets[e]], inCount[targets[e]], e);
    edgeTypes[e] = -1;
    liveEdges--;
  }

  private static int[] append(int[] list, int at, int value) {
    int[] l = at == list.length ? Arrays.copyOf(list, Math.max(4, at * 2)) : list;
    l[at] = value;
    return l;
  }

  private static int remove(int[] list, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (list[i] == value) {
        list[i] = list[count - 1];
        return count - 1;
      }
    }
    return count;
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
    bytes += 4L * nodeSlots * 5 + 2L * nodeSlots * 2; // five reference/int arrays, two shorts
    bytes += 4L * nodeSlots * 2; // out, in (references to int[])
    for (int n = 0; n < nodeCount; n++) {
      bytes += 16 + 4L * out[n].length + 16 + 4L * in[n].length;
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
