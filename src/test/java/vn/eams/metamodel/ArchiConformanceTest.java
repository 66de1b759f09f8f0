package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Conformance of the shipped data with the reference copies in the shared corpus (Archi's
 * relationships.xml and viewpoints.xml, the exchange-format XSDs). Skipped when the corpus is
 * absent.
 */
class ArchiConformanceTest {

  private static final Path ARCHI = TestSupport.sharedDir().resolve("corpus/archi");

  /**
   * Archi's Viewpoint.java always allows these in a viewpoint with a concept list, in addition to
   * the listed concepts.
   */
  private static final Set<String> ARCHI_ALWAYS_ALLOWED =
      Set.of("AndJunction", "OrJunction", "Grouping");

  private final Metamodel metamodel = TestSupport.shipped();

  @Test
  void relationshipTable_EqualsTheReference_ForEverySourceAndTarget() throws Exception {
    Path table = ARCHI.resolve("relationships/relationships.xml");
    Path keys = ARCHI.resolve("relationships/relationships-keys.xml");
    assumeTrue(Files.isRegularFile(table) && Files.isRegularFile(keys), "no reference corpus");
    Map<Character, String> typeByLetter = new HashMap<>();
    for (Element key : children(parse(keys).getDocumentElement(), "key")) {
      typeByLetter.put(
          key.getAttribute("char").charAt(0),
          key.getAttribute("relationship").replaceFirst("Relationship$", ""));
    }
    Map<String, Map<String, Set<String>>> reference = new LinkedHashMap<>();
    for (Element source : children(parse(table).getDocumentElement(), "source")) {
      Map<String, Set<String>> row = new LinkedHashMap<>();
      for (Element target : children(source, "target")) {
        Set<String> types = new TreeSet<>();
        for (char letter : target.getAttribute("relations").toCharArray()) {
          types.add(typeByLetter.get(letter));
        }
        row.put(target.getAttribute("concept"), types);
      }
      reference.put(source.getAttribute("concept"), row);
    }
    assertThat(reference.keySet()).containsExactlyInAnyOrderElementsOf(metamodel.concepts());

    List<String> mismatches = new ArrayList<>();
    int cells = 0;
    for (var source : reference.entrySet()) {
      assertThat(source.getValue().keySet())
          .as("targets of %s", source.getKey())
          .containsExactlyInAnyOrderElementsOf(metamodel.concepts());
      for (var target : source.getValue().entrySet()) {
        for (String s : aliases(source.getKey())) {
          for (String t : aliases(target.getKey())) {
            Set<String> ours =
                metamodel.allowedRelationships(s, t).stream()
                    .map(RelationshipType::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!ours.equals(target.getValue())) {
              mismatches.add(
                  s + " -> " + t + ": ours " + ours + ", reference " + target.getValue());
            }
          }
        }
        cells++;
      }
    }
    assertThat(cells).isEqualTo(62 * 62);
    assertThat(mismatches).as("cells that differ from the reference").isEmpty();
  }

  @Test
  void viewpoints_EqualTheReferenceConceptSets_ForEveryViewpoint() throws Exception {
    Path file = ARCHI.resolve("relationships/viewpoints.xml");
    assumeTrue(Files.isRegularFile(file), "no reference corpus");
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (Element vp : children(parse(file).getDocumentElement(), "viewpoint")) {
      String name = children(vp, "name").get(0).getTextContent().trim();
      Viewpoint ours = metamodel.viewpointByExchangeName(name).orElse(null);
      if (ours == null) {
        mismatches.add(
            "reference viewpoint '"
                + name
                + "' (id "
                + vp.getAttribute("id")
                + ") has no viewpoint with that name_en");
        continue;
      }
      Set<String> expected = new TreeSet<>();
      for (Element concept : children(vp, "concept")) {
        expected.addAll(expand(concept.getTextContent().trim()));
      }
      if (expected.isEmpty()) {
        // "No concepts means that all concepts are allowed"
        metamodel.elementTypes().forEach(e -> expected.add(e.name()));
      } else {
        expected.addAll(ARCHI_ALWAYS_ALLOWED);
      }
      if (!new TreeSet<>(ours.elementTypes()).equals(expected)) {
        mismatches.add(
            ours.id() + ": ours " + new TreeSet<>(ours.elementTypes()) + ", reference " + expected);
      }
      compared++;
    }
    assertThat(mismatches).as("viewpoints that differ from the reference").isEmpty();
    assertThat(compared).isEqualTo(metamodel.viewpoints().size()).isEqualTo(25);
  }

  @Test
  void viewpointNames_AreExchangeFormatViewpointsEnumValues_ForEveryViewpoint() throws Exception {
    Path xsd = ARCHI.resolve("xsd/archimate3_View.xsd");
    assumeTrue(Files.isRegularFile(xsd), "no reference corpus");
    Set<String> enumeration = enumeration(parse(xsd), "ViewpointsEnum");
    assertThat(metamodel.viewpoints())
        .extracting(Viewpoint::nameEn)
        .allSatisfy(name -> assertThat(enumeration).contains(name));
  }

  @Test
  void typeNames_EqualTheExchangeFormatEnumerations_ForElementsAndRelationships() throws Exception {
    Path xsd = ARCHI.resolve("xsd/archimate3_Model.xsd");
    assumeTrue(Files.isRegularFile(xsd), "no reference corpus");
    Document doc = parse(xsd);
    assertThat(metamodel.elementTypes())
        .extracting(ElementType::name)
        .containsExactlyInAnyOrderElementsOf(enumeration(doc, "ElementTypeEnum"));
    assertThat(metamodel.relationshipTypes())
        .extracting(RelationshipType::name)
        .containsExactlyInAnyOrderElementsOf(enumeration(doc, "RelationshipTypeEnum"));
    assertThat(metamodel.relationshipType("Access").orElseThrow().attribute("accessType"))
        .map(a -> a.constraint().allowedValues())
        .hasValueSatisfying(
            v ->
                assertThat(v)
                    .containsExactlyInAnyOrderElementsOf(enumeration(doc, "AccessTypeEnum")));
  }

  /** Archi's $...Elements$ tokens are the element classes of one layer (ViewpointManager). */
  private List<String> expand(String concept) {
    if (!concept.startsWith("$")) {
      return List.of(concept);
    }
    String layer = concept.replaceAll("^\\$|Elements\\$$", "");
    Layer l = Layer.fromToken(layer).orElseThrow(() -> new AssertionError("token " + concept));
    return metamodel.elementTypes(l).stream().map(ElementType::name).toList();
  }

  private static List<String> aliases(String concept) {
    return concept.equals(Metamodel.JUNCTION)
        ? List.of("Junction", "AndJunction", "OrJunction")
        : List.of(concept);
  }

  private static Set<String> enumeration(Document xsd, String simpleType) {
    for (Element type : byTag(xsd.getDocumentElement(), "simpleType")) {
      if (type.getAttribute("name").equals(simpleType)) {
        return byTag(type, "enumeration").stream()
            .map(e -> e.getAttribute("value"))
            .collect(Collectors.toCollection(TreeSet::new));
      }
    }
    throw new AssertionError("no simpleType " + simpleType);
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> result = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }

  private static List<Element> byTag(Element root, String localName) {
    NodeList nodes = root.getElementsByTagNameNS("*", localName);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      result.add((Element) nodes.item(i));
    }
    return result;
  }
}
