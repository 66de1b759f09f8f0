package vn.eams.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.eams.metamodel.Aspect;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ViewDefinition;

/**
 * Draws a view as SVG on the server, in ArchiMate notation: layer colours, a type icon in the
 * top-right corner of every element box, relationship line styles and arrowheads per type. Element
 * boxes link to their element pages. The output is self-contained (no script, no external CSS).
 */
public final class ViewSvg {

  /** What the renderer needs to know of an element shown. */
  public record Shown(String name, String type) {}

  private static final Map<Layer, String> FILL =
      Map.of(
          Layer.STRATEGY, "#f5deaa",
          Layer.BUSINESS, "#ffffb5",
          Layer.APPLICATION, "#b5ffff",
          Layer.TECHNOLOGY, "#c9e7b7",
          Layer.PHYSICAL, "#c9e7b7",
          Layer.MOTIVATION, "#ccccff",
          Layer.IMPLEMENTATION_MIGRATION, "#ffe0e0",
          Layer.OTHER, "#ffffff");

  /**
   * The fill colour of an element of this type in this layer: the layer's colour, except for the
   * types ArchiMate colours on their own (Plateau and Gap, Location). Other drawings (the impact
   * graph) use it too, so that all pages colour elements alike.
   */
  static String fill(String typeName, Layer layer) {
    return switch (typeName) {
      case "Plateau", "Gap" -> "#e0ffe0";
      case "Location" -> "#fbb875";
      default -> FILL.getOrDefault(layer, "#ffffff");
    };
  }

  /** How a relationship line is drawn: dash pattern and the markers at its two ends. */
  private record LineStyle(String dash, String start, String end) {
    static final LineStyle PLAIN = new LineStyle("", "", "");
  }

  /** ArchiMate 3.2 relationship notation (Association is a plain line). */
  private static final Map<String, LineStyle> LINE_STYLES =
      Map.of(
          "Composition", new LineStyle("", "d-filled", ""),
          "Aggregation", new LineStyle("", "d-hollow", ""),
          "Assignment", new LineStyle("", "dot", "a-filled"),
          "Realization", new LineStyle("4 3", "", "a-hollow"),
          "Serving", new LineStyle("", "", "a-open"),
          "Access", new LineStyle("2 2", "", "a-open"),
          "Influence", new LineStyle("6 3", "", "a-open"),
          "Triggering", new LineStyle("", "", "a-filled"),
          "Flow", new LineStyle("6 3", "", "a-filled"),
          "Specialization", new LineStyle("", "", "a-hollow"));

  private final Metamodel metamodel;

  public ViewSvg(Metamodel metamodel) {
    this.metamodel = metamodel;
  }

  /**
   * The SVG of a view. {@code elements} maps element ids to what is shown, {@code relationships}
   * relationship ids to their type; {@code href} makes the link of an element id.
   */
  public String render(
      ViewDefinition view,
      Map<String, Shown> elements,
      Map<String, String> relationships,
      String title,
      java.util.function.Function<String, String> href) {
    int maxX = 100;
    int maxY = 100;
    // a diagram edited in the browser may reach left of or above the origin
    int minX = 0;
    int minY = 0;
    Map<String, ViewDefinition.Node> byId = new HashMap<>();
    for (ViewDefinition.Node n : view.nodes()) {
      byId.put(n.id(), n);
      maxX = Math.max(maxX, n.x() + n.w());
      maxY = Math.max(maxY, n.y() + n.h());
      minX = Math.min(minX, n.x() - 20);
      minY = Math.min(minY, n.y() - 20);
    }
    for (ViewDefinition.Connection c : view.connections()) {
      for (int[] p : c.bendpoints()) {
        maxX = Math.max(maxX, p[0]);
        maxY = Math.max(maxY, p[1]);
        minX = Math.min(minX, p[0] - 20);
        minY = Math.min(minY, p[1] - 20);
      }
    }
    int width = maxX + 20 - minX;
    int height = maxY + 20 - minY;
    StringBuilder s = new StringBuilder(32_768);
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" role=\"img\"")
        .append(" viewBox=\"")
        .append(minX)
        .append(' ')
        .append(minY)
        .append(' ')
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"diagram-title\" font-family=\"sans-serif\" font-size=\"12\">")
        .append("<title id=\"diagram-title\">")
        .append(esc(title))
        .append("</title>");
    defs(s);
    for (ViewDefinition.Node n : view.nodes()) {
      if (!n.isElement()) {
        if (n.kind().equals("group")) {
          group(s, n);
        } else {
          note(s, n);
        }
        continue;
      }
      Shown e = elements.get(n.elementId());
      if (e == null) {
        continue;
      }
      element(s, n, e, href.apply(n.elementId()));
    }
    for (ViewDefinition.Connection c : view.connections()) {
      ViewDefinition.Node a = byId.get(c.sourceId());
      ViewDefinition.Node b = byId.get(c.targetId());
      String type = c.isLine() ? "Line" : relationships.get(c.relationshipId());
      if (a == null || b == null || type == null) {
        continue;
      }
      connection(s, c, a, b, type);
    }
    s.append("</svg>");
    return s.toString();
  }

  private static void defs(StringBuilder s) {
    s.append(MARKERS);
  }

  /** The arrowheads, diamonds and dot of the relationship lines, as one {@code <defs>}. */
  static final String MARKERS = markers();

  private static String markers() {
    StringBuilder s = new StringBuilder();
    s.append("<defs>")
        // filled triangle: triggering, flow, serving (open), realization (hollow)
        .append(
            "<marker id=\"a-filled\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#000\"/></marker>")
        .append(
            "<marker id=\"a-hollow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                + " markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#fff\" stroke=\"#000\"/></marker>")
        .append(
            "<marker id=\"a-open\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                + " markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10\" fill=\"none\" stroke=\"#000\"/></marker>")
        .append(
            "<marker id=\"d-filled\" viewBox=\"0 0 12 8\" refX=\"0\" refY=\"4\""
                + " markerWidth=\"12\" markerHeight=\"8\" orient=\"auto\">"
                + "<path d=\"M0,4 L6,0 L12,4 L6,8 z\" fill=\"#000\"/></marker>")
        .append(
            "<marker id=\"d-hollow\" viewBox=\"0 0 12 8\" refX=\"0\" refY=\"4\""
                + " markerWidth=\"12\" markerHeight=\"8\" orient=\"auto\">"
                + "<path d=\"M0,4 L6,0 L12,4 L6,8 z\" fill=\"#fff\" stroke=\"#000\"/></marker>")
        .append(
            "<marker id=\"dot\" viewBox=\"0 0 8 8\" refX=\"4\" refY=\"4\""
                + " markerWidth=\"6\" markerHeight=\"6\"><circle cx=\"4\" cy=\"4\" r=\"3\""
                + " fill=\"#000\"/></marker>")
        .append("</defs>");
    return s.toString();
  }

  /**
   * The notation as data, for the modeller and the viewer in the browser, which draw exactly what
   * this class draws: per element type its layer, fill, corner radius and icon; per relationship
   * type its dash and end markers; the markers themselves; the palette's layers in order; and the
   * element types the view's viewpoint allows (all when it has none).
   */
  public static Map<String, Object> notation(Metamodel metamodel, String viewpointId) {
    Map<String, Object> types = new java.util.LinkedHashMap<>();
    Map<Layer, List<String>> byLayer = new java.util.EnumMap<>(Layer.class);
    for (ElementType t : metamodel.elementTypes()) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("layer", t.layer().name());
      m.put("fill", fill(t.name(), t.layer()));
      m.put("corner", corner(t));
      m.put("icon", iconShape(t.name()));
      m.put("junction", t.name().endsWith("Junction"));
      m.put("labelVi", t.nameVi());
      m.put("labelEn", t.nameEn());
      m.put("defaultWidth", t.name().endsWith("Junction") ? 15 : 120);
      m.put("defaultHeight", t.name().endsWith("Junction") ? 15 : 55);
      types.put(t.name(), m);
      byLayer.computeIfAbsent(t.layer(), k -> new ArrayList<>()).add(t.name());
    }
    Map<String, Object> lines = new java.util.LinkedHashMap<>();
    for (var r : metamodel.relationshipTypes()) {
      LineStyle l = LINE_STYLES.getOrDefault(r.name(), LineStyle.PLAIN);
      lines.put(r.name(), Map.of("dash", l.dash(), "start", l.start(), "end", l.end()));
    }
    lines.put("Line", Map.of("dash", "", "start", "", "end", ""));
    List<Map<String, Object>> layers = new ArrayList<>();
    byLayer.forEach(
        (layer, names) ->
            layers.add(
                Map.of(
                    "id", layer.name(),
                    "labelVi", layer.nameVi(),
                    "labelEn", layer.token(),
                    "types", names)));
    Map<String, Object> n = new java.util.LinkedHashMap<>();
    n.put("types", types);
    n.put("lines", lines);
    n.put("markers", MARKERS);
    n.put("layers", layers);
    n.put(
        "viewpoint",
        viewpointId == null || viewpointId.isEmpty()
            ? null
            : metamodel
                .viewpoint(viewpointId)
                .map(
                    v ->
                        (Object)
                            Map.of("id", v.id(), "elementTypes", List.copyOf(v.elementTypes())))
                .orElse(null));
    return n;
  }

  /** Corner radius: rounded for behaviour, slightly for motivation, square otherwise. */
  static int corner(ElementType type) {
    if (type == null) {
      return 0;
    }
    return type.aspect() == Aspect.BEHAVIOR ? 10 : type.aspect() == Aspect.MOTIVATION ? 6 : 0;
  }

  private static void group(StringBuilder s, ViewDefinition.Node n) {
    s.append("<g class=\"group\"><rect x=\"")
        .append(n.x())
        .append("\" y=\"")
        .append(n.y())
        .append("\" width=\"")
        .append(n.w())
        .append("\" height=\"")
        .append(n.h())
        .append(
            "\" fill=\"#f7f7f7\" fill-opacity=\"0.6\" stroke=\"#555\" stroke-dasharray=\"6 3\"/>")
        .append("<text x=\"")
        .append(n.x() + 6)
        .append("\" y=\"")
        .append(n.y() + 16)
        .append("\" font-weight=\"bold\">")
        .append(esc(n.label()))
        .append("</text></g>");
  }

  private static void note(StringBuilder s, ViewDefinition.Node n) {
    int x = n.x();
    int y = n.y();
    s.append("<g class=\"note\"><path d=\"M")
        .append(x)
        .append(',')
        .append(y)
        .append(" h")
        .append(n.w() - 10)
        .append(" l10,10 v")
        .append(n.h() - 10)
        .append(" h-")
        .append(n.w())
        .append(" z\" fill=\"#fff\" stroke=\"#555\"/>");
    text(s, n.label(), x + 5, y + 5, n.w() - 15, n.h() - 10, false);
    s.append("</g>");
  }

  private void element(StringBuilder s, ViewDefinition.Node n, Shown e, String link) {
    ElementType type = metamodel.elementType(e.type()).orElse(null);
    String fill = fill(e.type(), type == null ? Layer.OTHER : type.layer());
    if (n.style().fill().matches("#[0-9a-fA-F]{6}")) {
      fill = n.style().fill(); // the modeller's own colour, as Archi keeps it
    }
    s.append("<a href=\"").append(esc(link)).append("\" class=\"element\">");
    s.append("<title>")
        .append(esc(e.name()))
        .append(" (")
        .append(esc(e.type()))
        .append(")</title>");
    if (e.type().endsWith("Junction")) {
      s.append("<circle cx=\"")
          .append(n.x() + n.w() / 2)
          .append("\" cy=\"")
          .append(n.y() + n.h() / 2)
          .append("\" r=\"")
          .append(Math.min(n.w(), n.h()) / 2)
          .append("\" fill=\"")
          .append(e.type().equals("AndJunction") ? "#000" : "#fff")
          .append("\" stroke=\"#000\"/></a>");
      return;
    }
    s.append("<rect x=\"")
        .append(n.x())
        .append("\" y=\"")
        .append(n.y())
        .append("\" width=\"")
        .append(n.w())
        .append("\" height=\"")
        .append(n.h())
        .append("\" rx=\"")
        .append(corner(type))
        .append("\" fill=\"")
        .append(fill)
        .append("\" stroke=\"#333\"/>");
    icon(s, e.type(), n.x() + n.w() - 22, n.y() + 4);
    text(s, e.name(), n.x() + 4, n.y() + 4, n.w() - 30, n.h() - 6, true);
    s.append("</a>");
  }

  /** A small type icon in a 18 × 14 box at (x, y), drawn from the type's notation. */
  static void icon(StringBuilder s, String type, int x, int y) {
    String g = iconShape(type);
    if (g.isEmpty()) {
      return;
    }
    s.append("<g transform=\"translate(")
        .append(x)
        .append(',')
        .append(y)
        .append(")\" fill=\"none\" stroke=\"#000\" stroke-width=\"1\" aria-hidden=\"true\">")
        .append(g)
        .append("</g>");
  }

  /** The SVG shapes of a type's icon in an 18 × 14 box (stroke black, no fill), or "". */
  static String iconShape(String type) {
    return switch (type) {
      case "BusinessActor", "Stakeholder" ->
          "<circle cx=\"9\" cy=\"2.5\" r=\"2.5\"/><path d=\"M9,5 v5 M5,7 h8 M9,10 l-3,4 M9,10"
              + " l3,4\"/>";
      case "BusinessRole" ->
          "<path d=\"M4,2 h9 a3,5 0 0 1 0,10 h-9 a3,5 0 0 1 0,-10 z\"/><ellipse cx=\"13\""
              + " cy=\"7\" rx=\"3\" ry=\"5\"/>";
      case "BusinessInterface", "ApplicationInterface", "TechnologyInterface" ->
          "<circle cx=\"12\" cy=\"7\" r=\"4\"/><path d=\"M2,7 h6\"/>";
      case "BusinessCollaboration", "ApplicationCollaboration", "TechnologyCollaboration" ->
          "<circle cx=\"7\" cy=\"7\" r=\"5\"/><circle cx=\"12\" cy=\"7\" r=\"5\"/>";
      case "BusinessProcess", "ApplicationProcess", "TechnologyProcess" ->
          "<path d=\"M1,5 h10 v-3 l6,5 l-6,5 v-3 h-10 z\"/>";
      case "BusinessFunction", "ApplicationFunction", "TechnologyFunction", "Capability" ->
          "<path d=\"M3,5 l6,-4 l6,4 v8 l-6,-4 l-6,4 z\"/>";
      case "BusinessInteraction", "ApplicationInteraction", "TechnologyInteraction" ->
          "<path d=\"M8,2 a5,5 0 0 0 0,10 z M10,2 a5,5 0 0 1 0,10 z\"/>";
      case "BusinessEvent", "ApplicationEvent", "TechnologyEvent", "ImplementationEvent" ->
          "<path d=\"M1,2 h11 a4,5 0 0 1 0,10 h-11 a4,5 0 0 0 0,-10 z\"/>";
      case "BusinessService", "ApplicationService", "TechnologyService" ->
          "<rect x=\"1\" y=\"3\" width=\"16\" height=\"8\" rx=\"4\"/>";
      case "BusinessObject", "DataObject", "Contract", "Representation", "Deliverable" ->
          "<rect x=\"1\" y=\"1\" width=\"16\" height=\"12\"/><path d=\"M1,4 h16\"/>";
      case "Product" ->
          "<rect x=\"1\" y=\"1\" width=\"16\" height=\"12\"/><path d=\"M1,4 h8 v-3\"/>";
      case "ApplicationComponent" ->
          "<rect x=\"4\" y=\"1\" width=\"13\" height=\"12\"/><rect x=\"1\" y=\"3\" width=\"6\""
              + " height=\"3\"/><rect x=\"1\" y=\"8\" width=\"6\" height=\"3\"/>";
      case "Node", "Facility", "Equipment" ->
          "<path d=\"M1,4 l3,-3 h13 v9 l-3,3 h-13 z M1,4 h13 v9 M14,4 l3,-3\"/>";
      case "Device" ->
          "<rect x=\"3\" y=\"1\" width=\"12\" height=\"8\" rx=\"1\"/><path d=\"M1,13 l3,-4 h10"
              + " l3,4 z\"/>";
      case "SystemSoftware" ->
          "<circle cx=\"8\" cy=\"8\" r=\"5\"/><circle cx=\"11\" cy=\"5\" r=\"5\"/>";
      case "CommunicationNetwork", "DistributionNetwork" ->
          "<path d=\"M3,3 l12,0 l-3,8 l-12,0 z\"/><circle cx=\"3\" cy=\"3\" r=\"1.5\"/>";
      case "Path" -> "<path d=\"M1,7 h16\" stroke-dasharray=\"2 2\"/>";
      case "Material" ->
          "<path d=\"M5,1 h8 l4,6 l-4,6 h-8 l-4,-6 z M6,3 h6 M6,11 h6 M3,7 l2,-3\"/>";
      case "Artifact" -> "<path d=\"M3,1 h8 l4,4 v8 h-12 z M11,1 v4 h4\"/>";
      case "Goal", "Outcome" ->
          "<circle cx=\"9\" cy=\"7\" r=\"6\"/><circle cx=\"9\" cy=\"7\" r=\"3\"/>";
      case "Requirement", "Constraint" ->
          "<path d=\"M4,2 h13 l-3,10 h-13 z"
              + (type.equals("Constraint") ? " M7,2 l-3,10" : "")
              + "\"/>";
      case "Principle" ->
          "<rect x=\"3\" y=\"1\" width=\"12\" height=\"12\"/><path d=\"M9,3 v6 M9,10 v1\"/>";
      case "Driver" -> "<circle cx=\"9\" cy=\"7\" r=\"5\"/><path d=\"M2,7 h14 M9,0 v14\"/>";
      case "Assessment" -> "<circle cx=\"7\" cy=\"6\" r=\"4\"/><path d=\"M10,9 l5,5\"/>";
      case "Meaning" -> "<ellipse cx=\"9\" cy=\"7\" rx=\"7\" ry=\"5\"/>";
      case "Value" -> "<ellipse cx=\"9\" cy=\"7\" rx=\"8\" ry=\"5\"/>";
      case "WorkPackage" -> "<path d=\"M14,4 a6,5 0 1 0 2,4\"/><path d=\"M14,1 v4 h3\"/>";
      case "Plateau" -> "<path d=\"M5,3 h12 M3,7 h12 M1,11 h12\"/>";
      case "Gap" -> "<ellipse cx=\"9\" cy=\"7\" rx=\"7\" ry=\"5\"/><path d=\"M1,5 h16 M1,9 h16\"/>";
      case "Location" -> "<path d=\"M9,13 l-5,-7 a5,5 0 1 1 10,0 z\"/>";
      case "Resource" ->
          "<rect x=\"1\" y=\"3\" width=\"14\" height=\"8\" rx=\"2\"/><path d=\"M15,6 h2 v2 h-2\"/>";
      case "CourseOfAction" -> "<circle cx=\"11\" cy=\"5\" r=\"4\"/><path d=\"M1,13 q2,-8 8,-6\"/>";
      case "ValueStream" -> "<path d=\"M1,2 h11 l5,5 l-5,5 h-11 l5,-5 z\"/>";
      case "Grouping" ->
          "<path d=\"M1,4 h7 v-3 h-7 z M1,4 h16 v9 h-16 z\" stroke-dasharray=\"2 1\"/>";
      default -> "";
    };
  }

  private static void connection(
      StringBuilder s,
      ViewDefinition.Connection c,
      ViewDefinition.Node a,
      ViewDefinition.Node b,
      String type) {
    List<int[]> pts = new ArrayList<>();
    int[] ac = {a.x() + a.w() / 2, a.y() + a.h() / 2};
    int[] bc = {b.x() + b.w() / 2, b.y() + b.h() / 2};
    int[] firstAim = c.bendpoints().isEmpty() ? bc : c.bendpoints().get(0);
    int[] lastFrom = c.bendpoints().isEmpty() ? ac : c.bendpoints().get(c.bendpoints().size() - 1);
    pts.add(clip(a, firstAim));
    pts.addAll(c.bendpoints());
    pts.add(clip(b, lastFrom));
    LineStyle style = LINE_STYLES.getOrDefault(type, LineStyle.PLAIN);
    String dash = style.dash();
    String start = style.start();
    String end = style.end();
    s.append("<polyline class=\"rel rel-")
        .append(type.toLowerCase(Locale.ROOT))
        .append("\" fill=\"none\" stroke=\"#000\" points=\"");
    for (int[] p : pts) {
      s.append(p[0]).append(',').append(p[1]).append(' ');
    }
    s.append('"');
    if (!dash.isEmpty()) {
      s.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    if (!start.isEmpty()) {
      s.append(" marker-start=\"url(#").append(start).append(")\"");
    }
    if (!end.isEmpty()) {
      s.append(" marker-end=\"url(#").append(end).append(")\"");
    }
    s.append("><title>").append(esc(type)).append("</title></polyline>");
  }

  /** Where the line from the node's centre towards {@code p} leaves the node's box. */
  static int[] clip(ViewDefinition.Node n, int[] p) {
    double cx = n.x() + n.w() / 2.0;
    double cy = n.y() + n.h() / 2.0;
    double dx = p[0] - cx;
    double dy = p[1] - cy;
    if (dx == 0 && dy == 0) {
      return new int[] {(int) cx, (int) cy};
    }
    double sx = dx == 0 ? Double.MAX_VALUE : (n.w() / 2.0) / Math.abs(dx);
    double sy = dy == 0 ? Double.MAX_VALUE : (n.h() / 2.0) / Math.abs(dy);
    double k = Math.min(sx, sy);
    return new int[] {(int) Math.round(cx + dx * k), (int) Math.round(cy + dy * k)};
  }

  /** Word-wrapped text in a box, first line at the top (centred for elements). */
  private static void text(
      StringBuilder s, String text, int x, int y, int w, int h, boolean centred) {
    int perLine = Math.max(4, w / 7);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    int max = Math.max(1, h / 14);
    if (lines.size() > max) {
      lines = new ArrayList<>(lines.subList(0, max));
      lines.set(max - 1, lines.get(max - 1) + "…");
    }
    int tx = centred ? x + (w + 26) / 2 : x;
    s.append("<text x=\"").append(tx).append("\" y=\"").append(y + 12).append('"');
    if (centred) {
      s.append(" text-anchor=\"middle\"");
    }
    s.append('>');
    for (int i = 0; i < lines.size(); i++) {
      s.append("<tspan x=\"").append(tx).append("\" dy=\"").append(i == 0 ? 0 : 14).append("\">");
      s.append(esc(lines.get(i))).append("</tspan>");
    }
    s.append("</text>");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
