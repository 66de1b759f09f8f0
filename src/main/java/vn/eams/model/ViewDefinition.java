package vn.eams.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    String folderId,
    List<Property> properties,
    List<Node> nodes,
    List<Connection> connections) {

  public ViewDefinition {
    folderId = folderId == null ? "" : folderId;
    properties = List.copyOf(properties);
    nodes = List.copyOf(nodes);
    connections = List.copyOf(connections);
  }

  /** A view without properties, in no folder. */
  public ViewDefinition(
      String id,
      String name,
      String nameEn,
      String documentation,
      String viewpoint,
      List<Node> nodes,
      List<Connection> connections) {
    this(id, name, nameEn, documentation, viewpoint, "", List.of(), nodes, connections);
  }

  /**
   * A diagram object; {@code parentId} is "" at the top level. {@code kind} is {@code element},
   * {@code group} (a labelled box) or {@code note} (free text in the label).
   */
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
      int h,
      Style style) {

    public Node {
      style = style == null ? Style.NONE : style;
    }

    /** A node drawn in the notation's default style. */
    public Node(
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
      this(id, parentId, kind, elementId, label, labelEn, x, y, w, h, Style.NONE);
    }

    /** True for an element node (not a group or note). */
    public boolean isElement() {
      return kind.equals("element");
    }
  }

  /**
   * A relationship shown between two diagram objects, with absolute bendpoints; with an empty
   * {@code relationshipId} a plain line (e.g. from a note), which means nothing in the model.
   */
  public record Connection(
      String id,
      String relationshipId,
      String sourceId,
      String targetId,
      List<int[]> bendpoints,
      Style style) {

    public Connection {
      bendpoints = List.copyOf(bendpoints);
      style = style == null ? Style.NONE : style;
    }

    /** A connection drawn in the notation's default style. */
    public Connection(
        String id,
        String relationshipId,
        String sourceId,
        String targetId,
        List<int[]> bendpoints) {
      this(id, relationshipId, sourceId, targetId, bendpoints, Style.NONE);
    }

    /** True for a plain line that shows no relationship. */
    public boolean isLine() {
      return relationshipId.isEmpty();
    }

    /** Equal when every field is, bendpoints compared by their coordinates. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Connection c
          && id.equals(c.id)
          && relationshipId.equals(c.relationshipId)
          && sourceId.equals(c.sourceId)
          && targetId.equals(c.targetId)
          && style.equals(c.style)
          && points().equals(c.points());
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(id, relationshipId, sourceId, targetId, style, points());
    }

    private List<List<Integer>> points() {
      return bendpoints.stream().map(p -> java.util.Arrays.stream(p).boxed().toList()).toList();
    }
  }

  /**
   * How a diagram object deviates from the notation's default look, as the exchange format's {@code
   * style}: colours as {@code #rrggbb} with the opacity apart, as the exchange format gives it;
   * texts are empty and numbers negative (or 0 for the width) when not set.
   *
   * @param fill fill colour {@code #rrggbb}
   * @param fillAlpha the fill colour's opacity in percent (0–100), -1 when not given
   * @param line line colour {@code #rrggbb}
   * @param lineAlpha the line colour's opacity in percent, -1 when not given
   * @param lineWidth line width in pixels, 0 when not given
   * @param font font family name
   * @param fontSize font size in points (may be fractional, as text), empty when not given
   * @param fontStyle the exchange format's font style list ("bold italic"), empty when not given
   * @param fontColor text colour {@code #rrggbb}
   */
  public record Style(
      String fill,
      int fillAlpha,
      String line,
      int lineAlpha,
      int lineWidth,
      String font,
      String fontSize,
      String fontStyle,
      String fontColor) {

    public static final Style NONE = new Style("", -1, "", -1, 0, "", "", "", "");

    public boolean isEmpty() {
      return equals(NONE);
    }

    /** The style as stored on a diagram object (only what is set). */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      put(m, "fill", fill);
      if (fillAlpha >= 0) {
        m.put("fillAlpha", (long) fillAlpha);
      }
      put(m, "line", line);
      if (lineAlpha >= 0) {
        m.put("lineAlpha", (long) lineAlpha);
      }
      if (lineWidth > 0) {
        m.put("lineWidth", (long) lineWidth);
      }
      put(m, "font", font);
      put(m, "fontSize", fontSize);
      put(m, "fontStyle", fontStyle);
      put(m, "fontColor", fontColor);
      return m;
    }

    /** The style read back from {@link #toMap()}. */
    public static Style fromMap(Map<?, ?> m) {
      if (m == null || m.isEmpty()) {
        return NONE;
      }
      return new Style(
          text(m, "fill"),
          number(m, "fillAlpha", -1),
          text(m, "line"),
          number(m, "lineAlpha", -1),
          number(m, "lineWidth", 0),
          text(m, "font"),
          text(m, "fontSize"),
          text(m, "fontStyle"),
          text(m, "fontColor"));
    }

    private static void put(Map<String, Object> m, String k, String v) {
      if (!v.isEmpty()) {
        m.put(k, v);
      }
    }

    private static String text(Map<?, ?> m, String k) {
      Object v = m.get(k);
      return v == null ? "" : v.toString();
    }

    private static int number(Map<?, ?> m, String k, int absent) {
      Object v = m.get(k);
      return v instanceof Number n ? n.intValue() : absent;
    }
  }
}
