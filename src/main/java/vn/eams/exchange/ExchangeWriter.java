package vn.eams.exchange;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.Specialization;
import vn.eams.metamodel.Viewpoint;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.Folder;
import vn.eams.model.ModelData;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.model.ViewDefinition;

/**
 * Writes a model as an ArchiMate Model Exchange File (format 3.1, valid against the Open Group's
 * {@code archimate3_Diagram.xsd}), streaming. What EAMS adds to ArchiMate travels as properties:
 * the specialization ({@value ImportBuilder#SPECIALIZATION}), validity dates and the profile's
 * typed properties, whose property definitions carry their type (number, boolean, date, string).
 */
public final class ExchangeWriter {

  private final Metamodel metamodel;
  private final XMLStreamWriter w;
  private final String language;
  private int depth;
  private final Map<String, String> definitionIds = new LinkedHashMap<>();
  private final Map<String, String> definitionTypes = new HashMap<>();

  private ExchangeWriter(Metamodel metamodel, XMLStreamWriter w, String language) {
    this.metamodel = metamodel;
    this.w = w;
    this.language = language;
  }

  /** Writes the snapshot to the stream (UTF-8); the stream is not closed. */
  public static void write(ModelSnapshot s, Metamodel metamodel, OutputStream out) {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      new ExchangeWriter(metamodel, w, s.model().data().language()).model(s);
      w.flush();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the exchange file", e);
    }
  }

  private void model(ModelSnapshot s) throws XMLStreamException {
    collectDefinitions(s);
    w.writeStartDocument("UTF-8", "1.0");
    newline();
    w.writeStartElement("model");
    w.writeDefaultNamespace(ExchangeReader.NS3);
    w.writeNamespace("xsi", XmlTree.XSI);
    w.writeAttribute(
        XmlTree.XSI,
        "schemaLocation",
        ExchangeReader.NS3 + " http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd");
    w.writeAttribute("identifier", s.model().id());
    depth++;
    ModelData m = s.model().data();
    texts("name", m.name(), m.nameEn(), true);
    texts("documentation", m.documentation(), m.documentationEn(), false);
    properties(m.properties());
    if (!s.elements().isEmpty()) {
      open("elements");
      for (Element e : s.elements()) {
        element(e);
      }
      close();
    }
    if (!s.relationships().isEmpty()) {
      open("relationships");
      for (Relationship r : s.relationships()) {
        relationship(r);
      }
      close();
    }
    organizations(s);
    if (!definitionIds.isEmpty()) {
      open("propertyDefinitions");
      for (Map.Entry<String, String> d : definitionIds.entrySet()) {
        open("propertyDefinition");
        w.writeAttribute("identifier", d.getValue());
        w.writeAttribute("type", definitionTypes.getOrDefault(d.getKey(), "string"));
        text("name", d.getKey(), language, true);
        close();
      }
      close();
    }
    if (!s.views().isEmpty()) {
      open("views");
      open("diagrams");
      for (ViewDefinition v : s.views()) {
        view(v);
      }
      close();
      close();
    }
    depth--;
    newline();
    w.writeEndElement();
    w.writeEndDocument();
  }

  private void element(Element e) throws XMLStreamException {
    ElementData d = e.data();
    open("element");
    w.writeAttribute("identifier", e.id());
    w.writeAttribute(XmlTree.XSI, "type", d.type());
    texts("name", d.name(), d.nameEn(), true);
    texts("documentation", d.documentation(), d.documentationEn(), false);
    properties(fileProperties(d, true));
    close();
  }

  private void relationship(Relationship r) throws XMLStreamException {
    RelationshipData d = r.data();
    open("relationship");
    w.writeAttribute("identifier", r.id());
    w.writeAttribute("source", d.sourceId());
    w.writeAttribute("target", d.targetId());
    w.writeAttribute(XmlTree.XSI, "type", d.type());
    if (d.type().equals("Access") && !d.accessType().isEmpty()) {
      w.writeAttribute("accessType", d.accessType());
    }
    if (d.type().equals("Influence") && !d.influenceStrength().isEmpty()) {
      w.writeAttribute("modifier", d.influenceStrength());
    }
    if (d.type().equals("Association") && d.directed()) {
      w.writeAttribute("isDirected", "true");
    }
    if (!d.name().isEmpty() || !d.nameEn().isEmpty()) {
      texts("name", d.name(), d.nameEn(), true);
    }
    texts("documentation", d.documentation(), d.documentationEn(), false);
    List<Property> props = new ArrayList<>(d.properties());
    if (!d.specialization().isEmpty()) {
      props.add(0, new Property(ImportBuilder.SPECIALIZATION, d.specialization()));
    }
    properties(props);
    close();
  }

  /**
   * An element's data that files carry as properties, by EAMS's conventions: the specialization
   * (where the format has no field for it), validity dates, the profile's typed properties (by
   * key), then the plain properties.
   */
  static List<Property> fileProperties(ElementData d, boolean withSpecialization) {
    List<Property> props = new ArrayList<>();
    if (withSpecialization && !d.specialization().isEmpty()) {
      props.add(new Property(ImportBuilder.SPECIALIZATION, d.specialization()));
    }
    d.validFrom().ifPresent(v -> props.add(new Property(ImportBuilder.VALID_FROM, v.toString())));
    d.validTo().ifPresent(v -> props.add(new Property(ImportBuilder.VALID_TO, v.toString())));
    d.profile().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(en -> props.add(new Property(en.getKey(), valueText(en.getValue()))));
    props.addAll(d.properties());
    return props;
  }

  private static String valueText(Object v) {
    return v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v);
  }

  private void organizations(ModelSnapshot s) throws XMLStreamException {
    Map<String, List<Folder>> children = new HashMap<>();
    for (Folder f : s.folders()) {
      children.computeIfAbsent(f.data().parentId(), k -> new ArrayList<>()).add(f);
    }
    Map<String, List<String>> filed = new LinkedHashMap<>();
    for (Element e : s.elements()) {
      filed.computeIfAbsent(e.data().folderId(), k -> new ArrayList<>()).add(e.id());
    }
    for (Relationship r : s.relationships()) {
      filed.computeIfAbsent(r.data().folderId(), k -> new ArrayList<>()).add(r.id());
    }
    for (ViewDefinition v : s.views()) {
      filed.computeIfAbsent(v.folderId(), k -> new ArrayList<>()).add(v.id());
    }
    if (s.folders().isEmpty()) {
      return; // nothing is organised: the exchange format needs no organizations
    }
    open("organizations");
    for (Folder f : children.getOrDefault("", List.of())) {
      folder(f, children, filed);
    }
    for (String id : filed.getOrDefault("", List.of())) {
      leaf("item");
      w.writeAttribute("identifierRef", id);
    }
    close();
  }

  private void folder(Folder f, Map<String, List<Folder>> children, Map<String, List<String>> filed)
      throws XMLStreamException {
    open("item");
    w.writeAttribute("identifier", f.id());
    texts("label", f.data().name(), f.data().nameEn(), true);
    if (!f.data().documentation().isEmpty()) {
      text("documentation", f.data().documentation(), language, false);
    }
    for (Folder c : children.getOrDefault(f.id(), List.of())) {
      folder(c, children, filed);
    }
    for (String id : filed.getOrDefault(f.id(), List.of())) {
      leaf("item");
      w.writeAttribute("identifierRef", id);
    }
    close();
  }

  private void view(ViewDefinition v) throws XMLStreamException {
    open("view");
    w.writeAttribute("identifier", v.id());
    w.writeAttribute(XmlTree.XSI, "type", "Diagram");
    if (!v.viewpoint().isEmpty()) {
      Optional<Viewpoint> vp = metamodel.viewpoint(v.viewpoint());
      w.writeAttribute("viewpoint", vp.map(Viewpoint::nameEn).orElse(v.viewpoint()));
    }
    texts("name", v.name(), v.nameEn(), true);
    if (!v.documentation().isEmpty()) {
      text("documentation", v.documentation(), language, false);
    }
    properties(v.properties());
    Map<String, List<ViewDefinition.Node>> children = new LinkedHashMap<>();
    for (ViewDefinition.Node n : v.nodes()) {
      children.computeIfAbsent(n.parentId(), k -> new ArrayList<>()).add(n);
    }
    for (ViewDefinition.Node n : children.getOrDefault("", List.of())) {
      node(n, children);
    }
    for (ViewDefinition.Connection c : v.connections()) {
      connection(c);
    }
    close();
  }

  private void node(ViewDefinition.Node n, Map<String, List<ViewDefinition.Node>> children)
      throws XMLStreamException {
    open("node");
    w.writeAttribute("identifier", n.id());
    switch (n.kind()) {
      case "element" -> {
        w.writeAttribute(XmlTree.XSI, "type", "Element");
        w.writeAttribute("elementRef", n.elementId());
      }
      case "group" -> w.writeAttribute(XmlTree.XSI, "type", "Container");
      default -> w.writeAttribute(XmlTree.XSI, "type", "Label");
    }
    w.writeAttribute("x", Integer.toString(Math.max(0, n.x())));
    w.writeAttribute("y", Integer.toString(Math.max(0, n.y())));
    w.writeAttribute("w", Integer.toString(Math.max(1, n.w())));
    w.writeAttribute("h", Integer.toString(Math.max(1, n.h())));
    if (!n.isElement()) {
      texts("label", n.label(), n.labelEn(), true);
    }
    style(n.style());
    for (ViewDefinition.Node c : children.getOrDefault(n.id(), List.of())) {
      node(c, children);
    }
    close();
  }

  private void connection(ViewDefinition.Connection c) throws XMLStreamException {
    open("connection");
    w.writeAttribute("identifier", c.id());
    if (c.isLine()) {
      w.writeAttribute(XmlTree.XSI, "type", "Line");
    } else {
      w.writeAttribute(XmlTree.XSI, "type", "Relationship");
      w.writeAttribute("relationshipRef", c.relationshipId());
    }
    w.writeAttribute("source", c.sourceId());
    w.writeAttribute("target", c.targetId());
    style(c.style());
    for (int[] p : c.bendpoints()) {
      leaf("bendpoint");
      w.writeAttribute("x", Integer.toString(Math.max(0, p[0])));
      w.writeAttribute("y", Integer.toString(Math.max(0, p[1])));
    }
    close();
  }

  private void style(ViewDefinition.Style s) throws XMLStreamException {
    if (s.isEmpty()) {
      return;
    }
    open("style");
    if (s.lineWidth() > 0) {
      w.writeAttribute("lineWidth", Integer.toString(s.lineWidth()));
    }
    color("lineColor", s.line(), s.lineAlpha());
    color("fillColor", s.fill(), s.fillAlpha());
    if (!s.font().isEmpty()
        || !s.fontSize().isEmpty()
        || !s.fontStyle().isEmpty()
        || !s.fontColor().isEmpty()) {
      open("font");
      if (!s.font().isEmpty()) {
        w.writeAttribute("name", s.font());
      }
      if (!s.fontSize().isEmpty()) {
        w.writeAttribute("size", s.fontSize());
      }
      if (!s.fontStyle().isEmpty()) {
        w.writeAttribute("style", s.fontStyle());
      }
      color("color", s.fontColor(), -1);
      close();
    }
    close();
  }

  private void color(String name, String hex, int alpha) throws XMLStreamException {
    if (!hex.matches("#[0-9a-fA-F]{6}")) {
      return;
    }
    leaf(name);
    w.writeAttribute("r", Integer.toString(Integer.parseInt(hex.substring(1, 3), 16)));
    w.writeAttribute("g", Integer.toString(Integer.parseInt(hex.substring(3, 5), 16)));
    w.writeAttribute("b", Integer.toString(Integer.parseInt(hex.substring(5, 7), 16)));
    if (alpha >= 0) {
      w.writeAttribute("a", Integer.toString(Math.min(100, alpha)));
    }
  }

  private void properties(List<Property> props) throws XMLStreamException {
    if (props.isEmpty()) {
      return;
    }
    open("properties");
    for (Property p : props) {
      open("property");
      w.writeAttribute("propertyDefinitionRef", definitionIds.get(p.key()));
      text("value", p.value(), language, true); // the schema wants a value, even empty
      close();
    }
    close();
  }

  /** The model's text in its language, then the English one. */
  private void texts(String tag, String primary, String english, boolean always)
      throws XMLStreamException {
    if (!primary.isEmpty() || always) {
      text(tag, primary, language, always);
    }
    if (!english.isEmpty() && !language.equals("en")) {
      text(tag, english, "en", false);
    }
  }

  private void text(String tag, String value, String lang, boolean always)
      throws XMLStreamException {
    if (value.isEmpty() && !always) {
      return;
    }
    newline();
    w.writeStartElement(tag);
    if (!lang.equals("und")) {
      w.writeAttribute("xml", XmlTree.XML, "lang", lang);
    }
    characters(value);
    w.writeEndElement();
  }

  /**
   * Text with each carriage return as {@code &#13;}: written raw, a reader would turn it into a
   * line feed, and the text would not come back as it was.
   */
  private void characters(String value) throws XMLStreamException {
    int from = 0;
    for (int cr = value.indexOf('\r'); cr >= 0; cr = value.indexOf('\r', from)) {
      w.writeCharacters(value.substring(from, cr));
      w.writeEntityRef("#13");
      from = cr + 1;
    }
    w.writeCharacters(value.substring(from));
  }

  private void collectDefinitions(ModelSnapshot s) {
    List<Property> all = new ArrayList<>(s.model().data().properties());
    for (Element e : s.elements()) {
      ElementData d = e.data();
      all.addAll(fileProperties(d, true));
      Optional<Specialization> spec =
          d.specialization().isEmpty()
              ? Optional.empty()
              : metamodel.specialization(d.specialization());
      spec.ifPresent(
          sp -> {
            for (PropertyDefinition def : sp.properties()) {
              definitionTypes.putIfAbsent(def.name(), exchangeType(def));
            }
          });
    }
    for (Relationship r : s.relationships()) {
      if (!r.data().specialization().isEmpty()) {
        all.add(new Property(ImportBuilder.SPECIALIZATION, ""));
      }
      all.addAll(r.data().properties());
    }
    for (ViewDefinition v : s.views()) {
      all.addAll(v.properties());
    }
    definitionTypes.put(ImportBuilder.VALID_FROM, "date");
    definitionTypes.put(ImportBuilder.VALID_TO, "date");
    for (Property p : all) {
      definitionIds.computeIfAbsent(p.key(), k -> "propid-" + (definitionIds.size() + 1));
    }
  }

  private static String exchangeType(PropertyDefinition def) {
    return switch (def.type()) {
      case INTEGER, DECIMAL -> "number";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
      default -> "string";
    };
  }

  private void open(String tag) throws XMLStreamException {
    newline();
    w.writeStartElement(tag);
    depth++;
  }

  /** An element without content; attributes follow. */
  private void leaf(String tag) throws XMLStreamException {
    newline();
    w.writeEmptyElement(tag);
  }

  private void close() throws XMLStreamException {
    depth--;
    newline();
    w.writeEndElement();
  }

  private void newline() throws XMLStreamException {
    w.writeCharacters("\n");
    for (int i = 0; i < depth; i++) {
      w.writeCharacters("  ");
    }
  }
}
