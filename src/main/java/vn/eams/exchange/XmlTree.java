package vn.eams.exchange;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads XML safely and in pieces. The factory refuses document type declarations and external
 * entities (no XXE, no entity expansion bombs); a document is walked with StAX and only the
 * subtrees the caller asks for are built as small {@link Node} trees, so a file of hundreds of
 * megabytes is never held as one tree.
 */
final class XmlTree {

  static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
  static final String XML = XMLConstants.XML_NS_URI;

  private XmlTree() {}

  /** A StAX reader that refuses DTDs and external entities. */
  static XMLStreamReader open(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f.createXMLStreamReader(in);
  }

  /**
   * Moves to the next start or end tag (skipping text, comments, processing instructions); a DTD or
   * an entity reference is refused.
   */
  static int nextTag(XMLStreamReader r) throws XMLStreamException {
    while (r.hasNext()) {
      int e = r.next();
      switch (e) {
        case XMLStreamConstants.START_ELEMENT, XMLStreamConstants.END_ELEMENT -> {
          return e;
        }
        case XMLStreamConstants.DTD -> throw new XmlRefused(r.getLocation(), "doctype");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new XmlRefused(r.getLocation(), "entity");
        default -> {
          // text between tags, comments, processing instructions: not meaningful here
        }
      }
    }
    return XMLStreamConstants.END_DOCUMENT;
  }

  /** Reads the element the reader is on (a start tag), with everything in it, into a node. */
  static Node read(XMLStreamReader r) throws XMLStreamException {
    Node root = start(r);
    List<Node> stack = new ArrayList<>();
    stack.add(root);
    StringBuilder text = new StringBuilder();
    while (!stack.isEmpty()) {
      int e = r.next();
      switch (e) {
        case XMLStreamConstants.START_ELEMENT -> {
          Node n = start(r);
          stack.get(stack.size() - 1).children.add(n);
          stack.add(n);
          text.setLength(0);
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
        case XMLStreamConstants.SPACE -> text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          Node n = stack.remove(stack.size() - 1);
          if (n.children.isEmpty()) {
            n.text = text.toString();
          }
          text.setLength(0);
        }
        case XMLStreamConstants.DTD -> throw new XmlRefused(r.getLocation(), "doctype");
        case XMLStreamConstants.ENTITY_REFERENCE -> throw new XmlRefused(r.getLocation(), "entity");
        case XMLStreamConstants.END_DOCUMENT ->
            throw new XMLStreamException("The document ends inside <" + root.name + ">.");
        default -> {
          // comments and processing instructions carry nothing
        }
      }
    }
    return root;
  }

  private static Node start(XMLStreamReader r) {
    Map<String, String> attrs = new LinkedHashMap<>();
    String type = "";
    String lang = "";
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      String local = r.getAttributeLocalName(i);
      if (XSI.equals(ns)) {
        if (local.equals("type")) {
          type = r.getAttributeValue(i);
          int colon = type.indexOf(':');
          if (colon >= 0) {
            type = type.substring(colon + 1);
          }
        }
      } else if (XML.equals(ns)) {
        if (local.equals("lang")) {
          lang = r.getAttributeValue(i);
        }
      } else {
        attrs.put(local, r.getAttributeValue(i));
      }
    }
    Location l = r.getLocation();
    return new Node(
        r.getNamespaceURI() == null ? "" : r.getNamespaceURI(),
        r.getLocalName(),
        attrs,
        type,
        lang,
        l.getLineNumber(),
        l.getColumnNumber());
  }

  /** Where the reader is, as {@code line:column}. */
  static String where(XMLStreamReader r) {
    Location l = r.getLocation();
    return l.getLineNumber() + ":" + l.getColumnNumber();
  }

  /** A refused construct (DTD, entity): the document is not read further. */
  static final class XmlRefused extends RuntimeException {
    final String line;
    final String what;

    XmlRefused(Location l, String what) {
      super(what);
      this.line = l.getLineNumber() + ":" + l.getColumnNumber();
      this.what = what;
    }
  }

  /** An XML element: its local name, attributes (without xsi/xml ones), children and text. */
  static final class Node {
    final String namespace;
    final String name;
    final Map<String, String> attributes;
    final String xsiType;
    final String lang;
    final int line;
    final int column;
    final List<Node> children = new ArrayList<>(2);
    String text = "";

    Node(
        String namespace,
        String name,
        Map<String, String> attributes,
        String xsiType,
        String lang,
        int line,
        int column) {
      this.namespace = namespace;
      this.name = name;
      this.attributes = attributes;
      this.xsiType = xsiType;
      this.lang = lang;
      this.line = line;
      this.column = column;
    }

    /** The attribute, or "" when absent. Names are matched ignoring case (2.1 wrote them lower). */
    String attr(String name) {
      String v = attributes.get(name);
      if (v != null) {
        return v;
      }
      for (Map.Entry<String, String> e : attributes.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return "";
    }

    /** The children with that local name. */
    List<Node> all(String childName) {
      List<Node> result = null;
      for (Node c : children) {
        if (c.name.equals(childName)) {
          if (result == null) {
            result = new ArrayList<>(2);
          }
          result.add(c);
        }
      }
      return result == null ? Collections.emptyList() : result;
    }

    /** The first child with that local name. */
    Optional<Node> first(String childName) {
      for (Node c : children) {
        if (c.name.equals(childName)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }

    /** {@code line:column} of the start tag. */
    String where() {
      return line + ":" + column;
    }
  }
}
