package vn.eams.model;

import java.util.List;

/**
 * A view (diagram) as stored: references to concepts plus layout (views/README.md). Coordinates are
 * absolute, as in the Open Exchange Format.
 */
public record ViewDefinition(
    String id,
    String name,
    String nameEn,
    String documentation,
    String viewpoint,
    List<Node> nodes,
    List<Connection> connections) {

  public ViewDefinition {
    nodes = List.copyOf(nodes);
    connections = List.copyOf(connections);
  }

  /** A diagram object; {@code parentId} is "" at the top level. */
  public record Node(
      String id,
      String parentId,
      String kind,
      String elementId,
      String label,
      String labelEn,
      int x,
      int y,
      int w,
      int h) {

    /** True for an element node (not a group or note). */
    public boolean isElement() {
      return kind.equals("element");
    }
  }

  /** A relationship shown between two diagram objects, with absolute bendpoints. */
  public record Connection(
      String id, String relationshipId, String sourceId, String targetId, List<int[]> bendpoints) {

    public Connection {
      bendpoints = List.copyOf(bendpoints);
    }
  }
}
