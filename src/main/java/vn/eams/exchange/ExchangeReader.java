package vn.eams.exchange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.Viewpoint;
import vn.eams.model.ModelData;
import vn.eams.model.Property;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads the ArchiMate Model Exchange File Format: version 3.x (namespace {@value #NS3}) and the
 * older 2.1 ({@value #NS2}, whose types are mapped to ArchiMate 3.2 by {@link LegacyTypes}). The
 * document is streamed; each element, relationship, folder tree and view is built as a small tree
 * and handed to an {@link ImportBuilder}, which checks the whole model.
 *
 * <p>Texts: the model's language is the first {@code xml:lang} of the model's name that is not
 * English (English if that is all there is, {@code und} when the file tags no text). Every text in
 * that language (or untagged) becomes the name or documentation; English becomes {@code nameEn} /
 * {@code documentationEn}; other languages are reported and not kept.
 */
public final class ExchangeReader {

  /** Namespace of the exchange format 3.0 and 3.1. */
  public static final String NS3 = "http://www.opengroup.org/xsd/archimate/3.0/";

  /** Namespace of the exchange format 2.1. */
  public static final String NS2 = "http://www.opengroup.org/xsd/archimate";

  private final ImportBuilder builder;
  private boolean legacy;
  private String language = "";
  private final Map<String, String> propertyNames = new HashMap<>();
  private final List<PendingProperties> pending = new ArrayList<>();
  private int generatedFolders;
  private String modelId = "";

  private ExchangeReader(Metamodel metamodel) {
    this.builder = new ImportBuilder(metamodel, "exchange");
  }

  /** Reads a whole document; throws a problem (4xx) listing everything wrong with it. */
  public static ImportedModel read(InputStream in, String source, Metamodel metamodel) {
    ExchangeReader reader = new ExchangeReader(metamodel);
    try {
      return reader.readModel(in, source);
    } catch (XmlTree.XmlRefused e) {
      throw ProblemException.badRequest(
          "The file "
              + source
              + " declares a document type or entity, which EAMS does not read (it is how XML"
              + " entity attacks work). Export the file again without a DOCTYPE.",
          List.of(new Problem.Error(null, null, e.line, "xml-" + e.what, "Remove the DOCTYPE.")));
    } catch (XMLStreamException e) {
      String line =
          e.getLocation() == null
              ? null
              : e.getLocation().getLineNumber() + ":" + e.getLocation().getColumnNumber();
      throw ProblemException.badRequest(
          "The file " + source + " is not well-formed XML; nothing was imported.",
          List.of(new Problem.Error(null, null, line, "xml-syntax", cleanMessage(e))));
    }
  }

  private ImportedModel readModel(InputStream in, String source) throws XMLStreamException {
    XMLStreamReader r = XmlTree.open(in);
    if (XmlTree.nextTag(r) != XMLStreamConstants.START_ELEMENT
        || !r.getLocalName().equals("model")
        || !(NS3.equals(r.getNamespaceURI()) || NS2.equals(r.getNamespaceURI()))) {
      String found =
          r.getEventType() == XMLStreamConstants.START_ELEMENT
              ? "<" + r.getLocalName() + "> in namespace '" + r.getNamespaceURI() + "'"
              : "no element";
      throw ProblemException.badRequest(
          "The file " + source + " is not an ArchiMate exchange file; nothing was imported.",
          List.of(
              new Problem.Error(
                  null,
                  null,
                  XmlTree.where(r),
                  "not-exchange-format",
                  "Expected <model> in namespace "
                      + NS3
                      + " (exchange format 3.x) or "
                      + NS2
                      + " (2.1), found "
                      + found
                      + ".")));
    }
    legacy = NS2.equals(r.getNamespaceURI());
    modelId = r.getAttributeValue(null, "identifier");
    modelId = modelId == null ? "" : modelId;
    List<XmlTree.Node> modelNames = new ArrayList<>();
    List<XmlTree.Node> modelDocs = new ArrayList<>();
    List<XmlTree.Node> modelProps = new ArrayList<>();
    while (XmlTree.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      switch (r.getLocalName()) {
        case "name", "label" -> modelNames.add(XmlTree.read(r));
        case "documentation" -> modelDocs.add(XmlTree.read(r));
        case "properties" -> modelProps.addAll(XmlTree.read(r).all("property"));
        case "metadata" -> {
          XmlTree.Node m = XmlTree.read(r);
          builder.warn(
              m.where(), "", "metadata", "The model's metadata (Dublin Core) is not kept.");
        }
        case "elements" -> {
          setLanguage(modelNames);
          each(r, "element", this::element);
        }
        case "relationships" -> {
          setLanguage(modelNames);
          each(r, "relationship", this::relationship);
        }
        case "organizations", "organization" -> {
          setLanguage(modelNames);
          XmlTree.Node orgs = XmlTree.read(r);
          for (XmlTree.Node item : orgs.all("item")) {
            organization(item, "");
          }
        }
        case "propertyDefinitions", "propertydefs" -> {
          for (XmlTree.Node d : XmlTree.read(r).children) {
            String id = d.attr("identifier");
            String name = d.attr("name"); // 2.1
            if (name.isEmpty()) {
              name = primary(d.all("name"));
            }
            propertyNames.put(id, name);
          }
        }
        case "views" -> {
          setLanguage(modelNames);
          views(r);
        }
        default -> {
          XmlTree.Node other = XmlTree.read(r);
          builder.warn(other.where(), "", "not-read", "<" + other.name + "> is not read by EAMS.");
        }
      }
    }
    setLanguage(modelNames);
    for (PendingProperties p : pending) {
      p.target.addAll(properties(p.nodes));
    }
    builder.model(
        modelId,
        new ModelData(
            primary(modelNames),
            english(modelNames),
            primary(modelDocs),
            english(modelDocs),
            properties(modelProps),
            language));
    ImportedModel m = builder.build(source);
    return new ImportedModel(
        m.modelId(),
        legacy ? "exchange-2.1" : "exchange-3.1",
        m.model(),
        m.operations(),
        m.locations(),
        m.views(),
        m.forbidden(),
        m.warnings());
  }

  /** Reads the children named {@code child} of the current element one at a time. */
  private static void each(
      XMLStreamReader r, String child, java.util.function.Consumer<XmlTree.Node> handler)
      throws XMLStreamException {
    while (XmlTree.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      XmlTree.Node n = XmlTree.read(r);
      if (n.name.equals(child)) {
        handler.accept(n);
      }
    }
  }

  private void setLanguage(List<XmlTree.Node> modelNames) {
    if (!language.isEmpty()) {
      return;
    }
    String first = "";
    for (XmlTree.Node n : modelNames) {
      if (!n.lang.isEmpty() && !isEnglish(n.lang)) {
        language = n.lang;
        return;
      }
      if (first.isEmpty() && !n.lang.isEmpty()) {
        first = n.lang;
      }
    }
    language = first.isEmpty() ? "und" : first;
  }

  private void element(XmlTree.Node n) {
    String type = n.xsiType;
    if (legacy) {
      type = LegacyTypes.elementType(type);
      if (type.equals("Junction")) {
        type = "AndJunction";
      }
    }
    List<Property> props = new ArrayList<>();
    pending.add(new PendingProperties(props, propertyNodes(n)));
    List<XmlTree.Node> names = names(n);
    builder.element(
        n.attr("identifier"),
        type,
        primary(names),
        english(names),
        primary(n.all("documentation")),
        english(n.all("documentation")),
        props,
        n.where());
  }

  private void relationship(XmlTree.Node n) {
    String type = n.xsiType;
    if (legacy) {
      type = LegacyTypes.relationshipType(type);
    }
    List<Property> props = new ArrayList<>();
    pending.add(new PendingProperties(props, propertyNodes(n)));
    List<XmlTree.Node> names = names(n);
    String access = n.attr("accessType");
    builder.relationship(
        new ImportBuilder.RelationshipDraft(
            n.attr("identifier"),
            type,
            n.attr("source"),
            n.attr("target"),
            primary(names),
            english(names),
            primary(n.all("documentation")),
            english(n.all("documentation")),
            props,
            type.equals("Access") && access.isEmpty() ? "Write" : access,
            n.attr("modifier"),
            n.attr("isDirected").equals("true"),
            n.where()));
  }

  private void organization(XmlTree.Node item, String parentId) {
    String ref = n(item.attr("identifierRef"));
    if (!ref.isEmpty()) {
      if (!parentId.isEmpty()) {
        builder.file(ref, parentId, item.where());
      }
      return;
    }
    String id = item.attr("identifier");
    if (id.isEmpty()) {
      id = (modelId.isEmpty() ? "folder" : modelId) + "-folder-" + ++generatedFolders;
    }
    List<XmlTree.Node> labels = item.all("label");
    builder.folder(
        id,
        parentId,
        primary(labels),
        english(labels),
        primary(item.all("documentation")),
        item.where());
    for (XmlTree.Node child : item.all("item")) {
      organization(child, id);
    }
  }

  private static String n(String s) {
    return s == null ? "" : s;
  }

  private void views(XMLStreamReader r) throws XMLStreamException {
    while (XmlTree.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      if (r.getLocalName().equals("diagrams")) {
        each(r, "view", this::view);
      } else if (r.getLocalName().equals("view")) {
        view(XmlTree.read(r)); // 2.1: views directly under <views>
      } else {
        XmlTree.Node other = XmlTree.read(r);
        builder.warn(
            other.where(),
            "",
            "not-read",
            "<" + other.name + "> (viewpoint definitions) is not read by EAMS.");
      }
    }
  }

  private void view(XmlTree.Node v) {
    String id = v.attr("identifier");
    if (!legacy && !v.xsiType.isEmpty() && !v.xsiType.equals("Diagram")) {
      builder.warn(v.where(), id, "not-read", "Views of type " + v.xsiType + " are not read.");
      return;
    }
    String viewpoint = "";
    String given = v.attr("viewpoint");
    if (!given.isEmpty()) {
      Optional<Viewpoint> vp = viewpoint(given);
      if (vp.isPresent()) {
        viewpoint = vp.get().id();
      } else {
        builder.warn(
            v.where(),
            id,
            "unknown-viewpoint",
            "The viewpoint '"
                + given
                + "' is not one of ArchiMate "
                + builder.metamodel().version()
                + "; the view is kept without a viewpoint.");
      }
    }
    List<ViewDefinition.Node> nodes = new ArrayList<>();
    List<ViewDefinition.Connection> connections = new ArrayList<>();
    Map<String, String> where = new LinkedHashMap<>();
    for (XmlTree.Node child : v.children) {
      if (child.name.equals("node")) {
        node(child, "", nodes, connections, where);
      } else if (child.name.equals("connection")) {
        connection(child, connections, where);
      }
    }
    List<Property> props = new ArrayList<>();
    pending.add(new PendingProperties(props, propertyNodes(v)));
    List<XmlTree.Node> names = names(v);
    builder.view(
        new ViewDefinition(
            id,
            primary(names),
            english(names),
            primary(v.all("documentation")),
            viewpoint,
            "",
            props,
            nodes,
            connections),
        where,
        v.where());
  }

  private Optional<Viewpoint> viewpoint(String given) {
    Metamodel mm = builder.metamodel();
    Optional<Viewpoint> vp = mm.viewpointByExchangeName(given);
    if (vp.isPresent()) {
      return vp;
    }
    // 2.1 names: "Business Process Co-operation", "Infrastructure Usage"
    String key =
        given.replace("Co-operation", "Cooperation").replace("Infrastructure", "Technology");
    vp = mm.viewpointByExchangeName(key);
    return vp.isPresent() ? vp : mm.viewpoint(key.replace(" ", ""));
  }

  private void node(
      XmlTree.Node n,
      String parentId,
      List<ViewDefinition.Node> nodes,
      List<ViewDefinition.Connection> connections,
      Map<String, String> where) {
    String id = n.attr("identifier");
    String elementRef = n.attr("elementRef");
    String kind;
    if (!elementRef.isEmpty()) {
      kind = "element";
    } else if (n.xsiType.equals("Container") || n.attr("type").equals("group")) {
      kind = "group";
    } else {
      kind = "note";
    }
    List<XmlTree.Node> labels = n.all("label");
    nodes.add(
        new ViewDefinition.Node(
            id,
            parentId,
            kind,
            elementRef,
            kind.equals("element") ? "" : primary(labels),
            kind.equals("element") ? "" : english(labels),
            integer(n, "x"),
            integer(n, "y"),
            integer(n, "w"),
            integer(n, "h"),
            style(n)));
    where.put(id, n.where());
    for (XmlTree.Node child : n.children) {
      if (child.name.equals("node")) {
        node(child, id, nodes, connections, where);
      } else if (child.name.equals("connection")) {
        connection(child, connections, where); // some tools nest connections
      }
    }
  }

  private void connection(
      XmlTree.Node c, List<ViewDefinition.Connection> connections, Map<String, String> where) {
    String id = c.attr("identifier");
    List<int[]> points = new ArrayList<>();
    for (XmlTree.Node b : c.all("bendpoint")) {
      points.add(new int[] {integer(b, "x"), integer(b, "y")});
    }
    connections.add(
        new ViewDefinition.Connection(
            id, c.attr("relationshipRef"), c.attr("source"), c.attr("target"), points, style(c)));
    where.put(id, c.where());
  }

  private int integer(XmlTree.Node n, String attr) {
    String v = n.attr(attr);
    if (v.isEmpty()) {
      return 0;
    }
    try {
      return (int) Math.round(Double.parseDouble(v));
    } catch (NumberFormatException e) {
      builder.error(
          n.where(),
          n.attr("identifier"),
          "invalid-number",
          "The attribute " + attr + " must be a number, not '" + v + "'.");
      return 0;
    }
  }

  private ViewDefinition.Style style(XmlTree.Node n) {
    Optional<XmlTree.Node> s = n.first("style");
    if (s.isEmpty()) {
      return ViewDefinition.Style.NONE;
    }
    XmlTree.Node style = s.get();
    String[] fill = color(style.first("fillColor"));
    String[] line = color(style.first("lineColor"));
    Optional<XmlTree.Node> font = style.first("font");
    String width = style.attr("lineWidth");
    return new ViewDefinition.Style(
        fill[0],
        fill[1].isEmpty() ? -1 : Integer.parseInt(fill[1]),
        line[0],
        line[1].isEmpty() ? -1 : Integer.parseInt(line[1]),
        width.matches("\\d{1,3}") ? Integer.parseInt(width) : 0,
        font.map(f -> f.attr("name")).orElse(""),
        font.map(f -> f.attr("size")).orElse(""),
        font.map(f -> fontStyle(f.attr("style"))).orElse(""),
        font.map(f -> color(f.first("color"))[0]).orElse(""));
  }

  /**
   * The font style as the 3.x schema's list of tokens: some tools (and 2.1 files) join them with
   * {@code |} or {@code ,}.
   */
  static String fontStyle(String raw) {
    return String.join(" ", raw.strip().split("[\\s|,]+")).strip();
  }

  /** {@code #rrggbb} and the alpha percentage ("" when absent) of an RGB colour element. */
  private static String[] color(Optional<XmlTree.Node> c) {
    if (c.isEmpty()) {
      return new String[] {"", ""};
    }
    XmlTree.Node n = c.get();
    try {
      int r = clamp(Integer.parseInt(n.attr("r").strip()));
      int g = clamp(Integer.parseInt(n.attr("g").strip()));
      int b = clamp(Integer.parseInt(n.attr("b").strip()));
      String a = n.attr("a").strip();
      return new String[] {String.format("#%02x%02x%02x", r, g, b), a.matches("\\d{1,3}") ? a : ""};
    } catch (NumberFormatException e) {
      return new String[] {"", ""};
    }
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private List<XmlTree.Node> names(XmlTree.Node n) {
    List<XmlTree.Node> names = n.all("name");
    return names.isEmpty() ? n.all("label") : names; // 2.1 calls names labels
  }

  private static List<XmlTree.Node> propertyNodes(XmlTree.Node n) {
    List<XmlTree.Node> result = new ArrayList<>();
    for (XmlTree.Node c : n.children) {
      if (c.name.equals("properties")) {
        result.addAll(c.all("property"));
      } else if (c.name.equals("property")) {
        result.add(c); // 2.1 lists properties directly
      }
    }
    return result;
  }

  private List<Property> properties(List<XmlTree.Node> nodes) {
    List<Property> result = new ArrayList<>(nodes.size());
    for (XmlTree.Node p : nodes) {
      String ref = p.attr("propertyDefinitionRef");
      if (ref.isEmpty()) {
        ref = p.attr("identifierref");
      }
      String key = propertyNames.get(ref);
      if (key == null || key.isBlank()) {
        builder.error(
            p.where(),
            "",
            "unknown-property-definition",
            "The property refers to definition '"
                + ref
                + "', which the file's propertyDefinitions do not declare.");
        continue;
      }
      result.add(new Property(key, primary(p.all("value"))));
    }
    return result;
  }

  /** The text in the model's language (or untagged, or the only one). */
  private String primary(List<XmlTree.Node> texts) {
    if (texts.isEmpty()) {
      return "";
    }
    for (XmlTree.Node t : texts) {
      if (t.lang.isEmpty() || t.lang.equalsIgnoreCase(language)) {
        return t.text;
      }
    }
    String english = "";
    for (XmlTree.Node t : texts) {
      if (isEnglish(t.lang)) {
        english = t.text;
      } else {
        builder.otherLanguage(t.lang);
      }
    }
    // only English (and other languages): English is the name, so that nothing is empty
    return english.isEmpty() ? texts.get(0).text : english;
  }

  /** The English text, when the model's language is not English. */
  private String english(List<XmlTree.Node> texts) {
    if (isEnglish(language)) {
      return "";
    }
    boolean hasPrimary = false;
    String english = "";
    for (XmlTree.Node t : texts) {
      if (t.lang.isEmpty() || t.lang.equalsIgnoreCase(language)) {
        hasPrimary = true;
      } else if (isEnglish(t.lang)) {
        english = t.text;
      }
    }
    return hasPrimary ? english : "";
  }

  private static boolean isEnglish(String lang) {
    return lang.equalsIgnoreCase("en") || lang.toLowerCase().startsWith("en-");
  }

  private static String cleanMessage(XMLStreamException e) {
    String m = e.getMessage() == null ? "Unreadable XML." : e.getMessage();
    int i = m.indexOf("Message: ");
    return i >= 0 ? m.substring(i + 9) : m;
  }

  /** Properties read before the property definitions they refer to (those come last). */
  private record PendingProperties(List<Property> target, List<XmlTree.Node> nodes) {}
}
