package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The operations of a view edit ({@code POST /api/models/{m}/views/{v}/edits}) as read from the
 * request: what the modeller sends for one command of its command stack.
 */
final class ViewEdits {

  /** Coordinates a diagram may use (the exchange format's are unbounded; Archi's are ints). */
  static final int MAX_COORDINATE = 1_000_000;

  /** Largest width or height of a diagram object. */
  static final int MAX_SIZE = 100_000;

  /** Most operations in one request (a paste or an auto-layout of a large view). */
  static final int MAX_OPERATIONS = 10_000;

  private static final Set<String> KINDS = Set.of("element", "group", "note");
  private static final Set<String> NODE_FIELDS =
      Set.of(
          "id",
          "parentId",
          "kind",
          "elementId",
          "label",
          "labelEn",
          "x",
          "y",
          "w",
          "h",
          "style",
          "version");
  private static final Set<String> CONNECTION_FIELDS =
      Set.of("id", "relationshipId", "sourceId", "targetId", "bendpoints", "style", "version");

  private ViewEdits() {}

  /** A new diagram object; {@code style} is null when not given. */
  record NodeSpec(
      String id,
      String parentId,
      String kind,
      String elementId,
      String label,
      String labelEn,
      int x,
      int y,
      int w,
      int h,
      Map<String, Object> style) {}

  /** Changes to a diagram object; null fields stay as they are. */
  record NodePatch(
      String parentId,
      Integer x,
      Integer y,
      Integer w,
      Integer h,
      String label,
      String labelEn,
      Map<String, Object> style) {}

  /** A new connection; {@code relationshipId} "" draws a plain line. */
  record ConnectionSpec(
      String id,
      String relationshipId,
      String sourceId,
      String targetId,
      List<int[]> bendpoints,
      Map<String, Object> style) {}

  /** Changes to a connection; null fields stay as they are. */
  record ConnectionPatch(
      String sourceId, String targetId, List<int[]> bendpoints, Map<String, Object> style) {}

  /** One operation of an edit request, with its index in the request. */
  sealed interface Edit {
    int index();
  }

  record CreateElement(int index, String elementId, ElementData data, NodeSpec node)
      implements Edit {}

  record AddNode(int index, NodeSpec node) implements Edit {}

  record UpdateNode(int index, String id, long version, NodePatch patch) implements Edit {}

  record RemoveNode(int index, String id, long version) implements Edit {}

  record CreateRelationship(
      int index, String relationshipId, RelationshipData data, ConnectionSpec connection)
      implements Edit {}

  record AddConnection(int index, ConnectionSpec connection) implements Edit {}

  record UpdateConnection(int index, String id, long version, ConnectionPatch patch)
      implements Edit {}

  record RemoveConnection(int index, String id, long version) implements Edit {}

  /**
   * Reads {@code {"operations": [...]}}; 400 listing every field that cannot be read.
   *
   * @throws ProblemException 400 when the body is malformed
   */
  static List<Edit> read(JsonNode body) {
    List<Problem.Error> errors = new ArrayList<>();
    JsonInput in = JsonInput.root(body, errors);
    in.allowOnly(Set.of("operations"));
    JsonNode ops = in.raw("operations");
    List<Edit> edits = new ArrayList<>();
    if (ops == null || !ops.isArray() || ops.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "operations",
              "required",
              "'operations' must be a non-empty array of edit operations (createElement, addNode,"
                  + " updateNode, removeNode, createRelationship, addConnection, updateConnection,"
                  + " removeConnection)."));
    } else if (ops.size() > MAX_OPERATIONS) {
      errors.add(
          Problem.Error.field(
              "operations",
              "too-many",
              "Send at most " + MAX_OPERATIONS + " operations in one request."));
    } else {
      for (int i = 0; i < ops.size(); i++) {
        Edit e = readOne(new JsonInput(ops.get(i), "operations[" + i + "]", errors), i);
        if (e != null) {
          edits.add(e);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "The edit cannot be read; nothing was changed. Each error names the operation and field.",
          errors);
    }
    return edits;
  }

  private static Edit readOne(JsonInput op, int i) {
    if (op.raw("op") == null && op.path().isEmpty()) {
      return null;
    }
    String name = op.text("op", "");
    switch (name) {
      case "createElement" -> {
        op.allowOnly(Set.of("op", "element", "node"));
        JsonInput e = op.object("element");
        if (!op.has("element")) {
          op.fail("element", "required", "is required: {\"type\": …, \"name\": …}");
        }
        String id = e.text("id", "");
        ElementData data = ConceptInput.element(e, ConceptInput.emptyElement(""));
        NodeSpec node = nodeSpec(op.object("node"), "element", op.has("node"));
        return new CreateElement(i, id, data, node);
      }
      case "addNode" -> {
        op.allowOnly(Set.of("op", "node"));
        return new AddNode(i, nodeSpec(op.object("node"), null, op.has("node")));
      }
      case "updateNode" -> {
        op.allowOnly(Set.of("op", "node"));
        JsonInput n = op.object("node");
        n.allowOnly(NODE_FIELDS);
        return new UpdateNode(
            i,
            required(n, "id"),
            requiredVersion(n),
            new NodePatch(
                n.has("parentId") ? n.text("parentId", "") : null,
                n.integer("x", -MAX_COORDINATE, MAX_COORDINATE),
                n.integer("y", -MAX_COORDINATE, MAX_COORDINATE),
                n.integer("w", 1, MAX_SIZE),
                n.integer("h", 1, MAX_SIZE),
                n.has("label") ? n.text("label", "") : null,
                n.has("labelEn") ? n.text("labelEn", "") : null,
                n.plainObject("style")));
      }
      case "removeNode" -> {
        op.allowOnly(Set.of("op", "id", "version"));
        return new RemoveNode(i, required(op, "id"), op.version("version"));
      }
      case "createRelationship" -> {
        op.allowOnly(Set.of("op", "relationship", "connection"));
        JsonInput r = op.object("relationship");
        if (!op.has("relationship")) {
          op.fail(
              "relationship",
              "required",
              "is required: {\"type\": …, \"sourceId\": …, \"targetId\": …}");
        }
        String id = r.text("id", "");
        RelationshipData data = ConceptInput.relationship(r, RelationshipData.of("", "", ""));
        ConnectionSpec c =
            op.has("connection") && !op.raw("connection").isNull()
                ? connectionSpec(op.object("connection"), true)
                : null;
        return new CreateRelationship(i, id, data, c);
      }
      case "addConnection" -> {
        op.allowOnly(Set.of("op", "connection"));
        if (!op.has("connection")) {
          op.fail("connection", "required", "is required");
        }
        return new AddConnection(i, connectionSpec(op.object("connection"), false));
      }
      case "updateConnection" -> {
        op.allowOnly(Set.of("op", "connection"));
        JsonInput c = op.object("connection");
        c.allowOnly(CONNECTION_FIELDS);
        return new UpdateConnection(
            i,
            required(c, "id"),
            requiredVersion(c),
            new ConnectionPatch(
                c.has("sourceId") ? c.text("sourceId", "") : null,
                c.has("targetId") ? c.text("targetId", "") : null,
                bendpoints(c),
                c.plainObject("style")));
      }
      case "removeConnection" -> {
        op.allowOnly(Set.of("op", "id", "version"));
        return new RemoveConnection(i, required(op, "id"), op.version("version"));
      }
      default -> {
        op.fail(
            "op",
            "unknown-op",
            (name.isEmpty() ? "is required" : "'" + name + "' is not an edit operation")
                + "; use createElement, addNode, updateNode, removeNode, createRelationship,"
                + " addConnection, updateConnection or removeConnection");
        return null;
      }
    }
  }

  private static NodeSpec nodeSpec(JsonInput n, String kind, boolean present) {
    if (!present) {
      n.fail("", "required", "is required: {\"x\": …, \"y\": …, \"w\": …, \"h\": …}");
      return null;
    }
    n.allowOnly(NODE_FIELDS);
    String k = kind == null ? n.text("kind", "element") : kind;
    if (kind != null && n.has("kind") && !n.text("kind", kind).equals(kind)) {
      n.fail("kind", "wrong-kind", "must be '" + kind + "' here");
    }
    if (kind == null && !KINDS.contains(k)) {
      n.fail("kind", "unknown-kind", "must be element, group or note");
    }
    Integer x = n.integer("x", -MAX_COORDINATE, MAX_COORDINATE);
    Integer y = n.integer("y", -MAX_COORDINATE, MAX_COORDINATE);
    Integer w = n.integer("w", 1, MAX_SIZE);
    Integer h = n.integer("h", 1, MAX_SIZE);
    for (String f : List.of("x", "y", "w", "h")) {
      if (!n.has(f)) {
        n.fail(f, "required", "is required");
      }
    }
    return new NodeSpec(
        n.text("id", ""),
        n.text("parentId", ""),
        k,
        n.text("elementId", ""),
        n.text("label", ""),
        n.text("labelEn", ""),
        x == null ? 0 : x,
        y == null ? 0 : y,
        w == null ? 1 : w,
        h == null ? 1 : h,
        n.plainObject("style"));
  }

  private static ConnectionSpec connectionSpec(JsonInput c, boolean forNewRelationship) {
    c.allowOnly(CONNECTION_FIELDS);
    if (forNewRelationship && c.has("relationshipId")) {
      c.fail("relationshipId", "unknown-field", "is the new relationship's; leave it out");
    }
    if (!forNewRelationship && !c.has("relationshipId")) {
      c.fail("relationshipId", "required", "is required (\"\" for a plain line)");
    }
    List<int[]> points = bendpoints(c);
    return new ConnectionSpec(
        c.text("id", ""),
        c.text("relationshipId", ""),
        required(c, "sourceId"),
        required(c, "targetId"),
        points == null ? List.of() : points,
        c.plainObject("style"));
  }

  /** Bendpoints as {@code [[x, y], ...]}, or null when absent. */
  private static List<int[]> bendpoints(JsonInput c) {
    JsonNode v = c.raw("bendpoints");
    if (v == null) {
      return null;
    }
    if (v.isNull()) {
      return List.of();
    }
    List<int[]> points = new ArrayList<>();
    boolean ok = v.isArray();
    for (int i = 0; ok && i < v.size(); i++) {
      JsonNode p = v.get(i);
      ok =
          p.isArray()
              && p.size() == 2
              && p.get(0).canConvertToInt()
              && p.get(1).canConvertToInt()
              && p.get(0).isIntegralNumber()
              && p.get(1).isIntegralNumber()
              && Math.abs(p.get(0).asInt()) <= MAX_COORDINATE
              && Math.abs(p.get(1).asInt()) <= MAX_COORDINATE;
      if (ok) {
        points.add(new int[] {p.get(0).asInt(), p.get(1).asInt()});
      }
    }
    if (!ok) {
      c.fail(
          "bendpoints",
          "wrong-type",
          "must be an array of points [x, y] with whole numbers up to " + MAX_COORDINATE);
      return null;
    }
    return points;
  }

  private static String required(JsonInput in, String field) {
    String v = in.text(field, "");
    if (v.isEmpty()) {
      in.fail(field, "required", "is required");
    }
    return v;
  }

  private static long requiredVersion(JsonInput in) {
    long v = in.version("version");
    if (v < 0 && !in.has("version")) {
      in.fail("version", "version-required", "is required: send the version you read");
    }
    return v;
  }
}
