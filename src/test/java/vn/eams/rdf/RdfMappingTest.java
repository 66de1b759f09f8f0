package vn.eams.rdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;

/** The RDF mapping of docs/rdf.md on a small hand-built model: every field there and back. */
class RdfMappingTest {

  static Metamodel metamodel;

  @BeforeAll
  static void load() {
    metamodel = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());
  }

  static final Instant T = Instant.parse("2025-01-02T03:04:05Z");

  static ModelSnapshot snapshot(String language, List<Property> modelProperties) {
    ModelData model =
        new ModelData(
            "Kiến trúc thử",
            "Test architecture",
            "Mô tả",
            "Description",
            modelProperties,
            language);
    List<Element> elements = new ArrayList<>();
    elements.add(
        element(
            "rdf-app",
            new ElementData(
                "ApplicationComponent",
                "Phần mềm một cửa",
                "One-stop software",
                "Tài liệu \"trích\"\nxuống dòng",
                "Docs",
                "Application",
                List.of(
                    new Property("ghi chú", "một"),
                    new Property("ghi chú", "hai"),
                    new Property("eams:ref", "x"),
                    new Property("empty", "")),
                Map.of(
                    "applicationGroup", "sectoral",
                    "securityLevel", 3L,
                    "ssoIntegrated", true,
                    "goLiveDate", "2024-05-01",
                    "owner", "rdf-agency",
                    "vendor", "VNPT"),
                "folder-1",
                Optional.of(LocalDate.of(2020, 1, 1)),
                Optional.of(LocalDate.of(2030, 12, 31)))));
    elements.add(
        element(
            "rdf-agency",
            new ElementData(
                "BusinessActor",
                "Sở Thông tin và Truyền thông",
                "",
                "",
                "",
                "Agency",
                List.of(),
                Map.of("level", "province", "isItUnit", false),
                "",
                Optional.empty(),
                Optional.empty())));
    elements.add(
        element(
            "rdf-proc",
            new ElementData(
                "BusinessProcess",
                "Cấp phép",
                "",
                "",
                "",
                "AdministrativeProcedure",
                List.of(),
                Map.of("fee", new BigDecimal("150000.50"), "onlineServiceLevel", 4L),
                "",
                Optional.empty(),
                Optional.empty())));
    elements.add(element("rdf-junction", ElementData.of("OrJunction", "")));
    List<Relationship> relationships = new ArrayList<>();
    relationships.add(
        relationship(
            "rdf-serves",
            new RelationshipData(
                "Serving",
                "rdf-app",
                "rdf-agency",
                "phục vụ",
                "serves",
                "tài liệu",
                "docs",
                "",
                List.of(new Property("eams:exception", "QĐ 12/2024")),
                "",
                "",
                false,
                "folder-2")));
    relationships.add(
        relationship(
            "rdf-reads",
            new RelationshipData(
                "Access",
                "rdf-app",
                "rdf-proc",
                "",
                "",
                "",
                "",
                "",
                List.of(),
                "Read",
                "",
                false,
                "")));
    relationships.add(
        relationship(
            "rdf-assoc",
            new RelationshipData(
                "Association",
                "rdf-agency",
                "rdf-serves",
                "",
                "",
                "",
                "",
                "",
                List.of(),
                "",
                "",
                true,
                "")));
    relationships.add(
        relationship(
            "rdf-influence",
            new RelationshipData(
                "Influence",
                "rdf-proc",
                "rdf-junction",
                "",
                "",
                "",
                "",
                "",
                List.of(),
                "",
                "++",
                false,
                "")));
    relationships.add(
        relationship(
            "rdf-special", RelationshipData.of("Specialization", "rdf-agency", "rdf-agency")));
    return new ModelSnapshot(
        new ModelInfo("rdf-test", model, 3, T, T, elements.size(), relationships.size()),
        7,
        List.of(),
        elements,
        relationships,
        List.of());
  }

  static Element element(String id, ElementData d) {
    return new Element(id, "rdf-test", d, 2, T, T);
  }

  static Relationship relationship(String id, RelationshipData d) {
    return new Relationship(id, "rdf-test", d, 2, T, T);
  }

  static final List<Property> ARCHITECTURE = List.of(new Property("nguồn", "QĐ 1234"));

  @Test
  void toRdfThenFromRdf_KeepsEveryMappedField_OfModelElementsAndRelationships() {
    ModelSnapshot s = snapshot("vi", ARCHITECTURE);
    RdfMapping.Read read =
        RdfMapping.fromRdf(RdfMapping.toRdf(s, metamodel), "rdf-test", metamodel);
    assertThat(read.model()).isEqualTo(s.model().data());
    assertThat(read.elements()).hasSize(s.elements().size());
    assertThat(read.relationships()).hasSize(s.relationships().size());
    RdfComparison.assertSameElements(s.elements(), read.elements());
    RdfComparison.assertSameRelationships(s.relationships(), read.relationships());
  }

  @Test
  void toRdfThenFromRdf_KeepsBothTexts_WhenTheModelIsEnglish() {
    ModelSnapshot s = snapshot("en", ARCHITECTURE);
    Model rdf = RdfMapping.toRdf(s, metamodel);
    RdfMapping.Read read = RdfMapping.fromRdf(rdf, "rdf-test", metamodel);
    assertThat(read.model()).isEqualTo(s.model().data());
    RdfComparison.assertSameElements(s.elements(), read.elements());
    RdfComparison.assertSameRelationships(s.relationships(), read.relationships());
    assertThat(
            rdf.getGraph()
                .contains(
                    Vocabulary.concept("rdf-app"),
                    Vocabulary.NAME_EN,
                    NodeFactory.createLiteralLang("One-stop software", "en")))
        .isTrue();
  }

  @Test
  void toRdfThenFromRdf_SurvivesTurtleAndJsonLd() {
    ModelSnapshot s = snapshot("vi", ARCHITECTURE);
    Model rdf = RdfMapping.toRdf(s, metamodel);
    for (Lang lang : List.of(Lang.TURTLE, Lang.JSONLD11, Lang.NTRIPLES)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      RDFDataMgr.write(out, rdf, lang);
      Model back = ModelFactory.createDefaultModel();
      RDFDataMgr.read(back, new StringReader(out.toString(StandardCharsets.UTF_8)), null, lang);
      assertThat(back.isIsomorphicWith(rdf)).as(lang.getName()).isTrue();
      RdfMapping.Read read = RdfMapping.fromRdf(back, "rdf-test", metamodel);
      assertThat(read.model()).as(lang.getName()).isEqualTo(s.model().data());
      RdfComparison.assertSameElements(s.elements(), read.elements());
      RdfComparison.assertSameRelationships(s.relationships(), read.relationships());
    }
  }

  @Test
  void toRdf_WritesTheShortcutTriple_OfEveryRelationship() {
    Model rdf = RdfMapping.toRdf(snapshot("vi", ARCHITECTURE), metamodel);
    assertThat(has(rdf, "rdf-app", Vocabulary.am("serving"), Vocabulary.concept("rdf-agency")))
        .isTrue();
    assertThat(has(rdf, "rdf-app", Vocabulary.am("access"), Vocabulary.concept("rdf-proc")))
        .isTrue();
    assertThat(
            has(rdf, "rdf-agency", Vocabulary.am("association"), Vocabulary.concept("rdf-serves")))
        .isTrue();
    assertThat(has(rdf, "rdf-proc", Vocabulary.am("influence"), Vocabulary.concept("rdf-junction")))
        .isTrue();
    assertThat(
            has(
                rdf,
                "rdf-agency",
                Vocabulary.am("specializationOf"),
                Vocabulary.concept("rdf-agency")))
        .isTrue();
  }

  @Test
  void toRdf_TypesProfileValues_ByTheirDeclaredType() {
    Model rdf = RdfMapping.toRdf(snapshot("vi", ARCHITECTURE), metamodel);
    assertThat(value(rdf, "rdf-app", "securityLevel").getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDinteger);
    assertThat(value(rdf, "rdf-app", "ssoIntegrated").getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDboolean);
    assertThat(value(rdf, "rdf-app", "goLiveDate").getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDdate);
    assertThat(value(rdf, "rdf-app", "vendor").getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDstring);
    assertThat(value(rdf, "rdf-app", "applicationGroup").getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDstring);
    assertThat(value(rdf, "rdf-app", "owner")).isEqualTo(Vocabulary.concept("rdf-agency"));
    Node fee = value(rdf, "rdf-proc", "fee");
    assertThat(fee.getLiteralDatatype()).isEqualTo(XSDDatatype.XSDdecimal);
    assertThat(new BigDecimal(fee.getLiteralLexicalForm())).isEqualByComparingTo("150000.50");
    assertThat(has(rdf, "rdf-app", Vocabulary.VALID_FROM, date("2020-01-01"))).isTrue();
    assertThat(has(rdf, "rdf-app", Vocabulary.VALID_TO, date("2030-12-31"))).isTrue();
  }

  @Test
  void toRdf_DecimalReadBackAsDouble_IsStillADecimal() {
    assertThat(RdfMapping.profileValue(12.5d, null).getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDdecimal);
    assertThat(RdfMapping.profileValue(12.0d, vn.eams.metamodel.PropertyType.DECIMAL))
        .isEqualTo(NodeFactory.createLiteralDT("12.0", XSDDatatype.XSDdecimal));
    assertThat(RdfMapping.profileValue(7L, null).getLiteralDatatype())
        .isEqualTo(XSDDatatype.XSDinteger);
  }

  @Test
  void toRdf_TypesConcepts_WithArchimateAndProfileClasses() {
    Model rdf = RdfMapping.toRdf(snapshot("vi", ARCHITECTURE), metamodel);
    assertThat(has(rdf, "rdf-app", Vocabulary.TYPE, Vocabulary.ELEMENT)).isTrue();
    assertThat(has(rdf, "rdf-app", Vocabulary.TYPE, Vocabulary.am("ApplicationComponent")))
        .isTrue();
    assertThat(has(rdf, "rdf-app", Vocabulary.TYPE, Vocabulary.egov("Application"))).isTrue();
    assertThat(has(rdf, "rdf-junction", Vocabulary.TYPE, Vocabulary.am("OrJunction"))).isTrue();
    assertThat(has(rdf, "rdf-serves", Vocabulary.TYPE, Vocabulary.RELATIONSHIP)).isTrue();
    assertThat(has(rdf, "rdf-serves", Vocabulary.TYPE, Vocabulary.am("Serving"))).isTrue();
    assertThat(has(rdf, "rdf-serves", Vocabulary.IN_MODEL, Vocabulary.model("rdf-test"))).isTrue();
    assertThat(
            has(
                rdf,
                "rdf-app",
                Vocabulary.NAME,
                NodeFactory.createLiteralLang("Phần mềm một cửa", "vi")))
        .isTrue();
    assertThat(
            has(
                rdf,
                "rdf-app",
                Vocabulary.NAME,
                NodeFactory.createLiteralLang("One-stop software", "en")))
        .isTrue();
    assertThat(
            has(rdf, "rdf-reads", Vocabulary.ACCESS_TYPE, NodeFactory.createLiteralString("Read")))
        .isTrue();
    assertThat(
            has(
                rdf,
                "rdf-assoc",
                Vocabulary.DIRECTED,
                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)))
        .isTrue();
  }

  @Test
  void toRdf_SaysKindAndBaseline_WhenTheModelIsAProposal() {
    List<Property> proposal =
        List.of(new Property("eams:kind", "proposal"), new Property("eams:baseline", "tv-base"));
    Model rdf = RdfMapping.toRdf(snapshot("vi", proposal), metamodel, Set.of("rdf-app"));
    Node model = Vocabulary.model("rdf-test");
    assertThat(rdf.getGraph().contains(model, Vocabulary.KIND, lit("proposal"))).isTrue();
    assertThat(rdf.getGraph().contains(model, Vocabulary.BASELINE, Vocabulary.model("tv-base")))
        .isTrue();
    assertThat(
            has(
                rdf,
                "rdf-app",
                Vocabulary.PROPOSED,
                NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)))
        .isTrue();
    assertThat(
            rdf.getGraph()
                .contains(Vocabulary.concept("rdf-agency"), Vocabulary.PROPOSED, Node.ANY))
        .isFalse();
    // the reserved properties stay free properties too: the round trip keeps them
    assertThat(RdfMapping.fromRdf(rdf, "rdf-test", metamodel).model().properties())
        .containsExactlyElementsOf(proposal);

    Model architecture = RdfMapping.toRdf(snapshot("vi", ARCHITECTURE), metamodel);
    assertThat(architecture.getGraph().contains(model, Vocabulary.KIND, lit("architecture")))
        .isTrue();
    assertThat(architecture.getGraph().contains(model, Vocabulary.BASELINE, Node.ANY)).isFalse();
  }

  @Test
  void toRdf_KeepsPropertyOrderAndDuplicates_InIndexedBlankNodes() {
    Model rdf = RdfMapping.toRdf(snapshot("vi", ARCHITECTURE), metamodel);
    long blanks =
        rdf
            .getGraph()
            .find(Vocabulary.concept("rdf-app"), Vocabulary.PROPERTY, Node.ANY)
            .toList()
            .stream()
            .map(Triple::getObject)
            .filter(Node::isBlank)
            .count();
    assertThat(blanks).isEqualTo(4);
    Element app =
        RdfMapping.fromRdf(rdf, "rdf-test", metamodel).elements().stream()
            .filter(e -> e.id().equals("rdf-app"))
            .findFirst()
            .orElseThrow();
    assertThat(app.data().properties())
        .extracting(Property::value)
        .containsExactly("một", "hai", "x", "");
  }

  @Test
  void fromRdf_ReadsNothing_OfAnotherModel() {
    Model rdf = RdfMapping.toRdf(snapshot("vi", ARCHITECTURE), metamodel);
    RdfMapping.Read read = RdfMapping.fromRdf(rdf, "other", metamodel);
    assertThat(read.elements()).isEmpty();
    assertThat(read.relationships()).isEmpty();
  }

  @Test
  void toRdfAndFromRdf_KeepEveryConcept_OfAHundredThousand() {
    List<Element> elements = new ArrayList<>();
    List<Relationship> relationships = new ArrayList<>();
    for (int i = 0; i < 60_000; i++) {
      elements.add(
          element(
              "big-" + i,
              new ElementData(
                  "ApplicationComponent",
                  "Ứng dụng " + i,
                  "Application " + i,
                  "",
                  "",
                  "Application",
                  List.of(new Property("k", "v" + i)),
                  Map.of("applicationGroup", "sectoral", "securityLevel", 2L),
                  "",
                  Optional.empty(),
                  Optional.empty())));
    }
    for (int i = 0; i < 40_000; i++) {
      relationships.add(
          relationship("big-r" + i, RelationshipData.of("Serving", "big-" + i, "big-" + (i + 1))));
    }
    ModelSnapshot s =
        new ModelSnapshot(
            new ModelInfo(
                "rdf-test",
                new ModelData("Lớn", "", "", "", List.of()),
                1,
                T,
                T,
                elements.size(),
                relationships.size()),
            1,
            List.of(),
            elements,
            relationships,
            List.of());
    // how long this takes is measured by tests/bench/compliance.sh (docs/performance.md), not here
    Model rdf = RdfMapping.toRdf(s, metamodel);
    RdfMapping.Read read = RdfMapping.fromRdf(rdf, "rdf-test", metamodel);
    assertThat(read.elements()).hasSize(60_000);
    assertThat(read.relationships()).hasSize(40_000);
    assertThat(read.elements().get(59_999).data().profile()).containsEntry("securityLevel", 2L);
  }

  private static boolean has(Model rdf, String subject, Node p, Node o) {
    return rdf.getGraph().contains(Vocabulary.concept(subject), p, o);
  }

  private static Node value(Model rdf, String subject, String property) {
    List<Triple> t =
        rdf.getGraph()
            .find(Vocabulary.concept(subject), Vocabulary.egov(property), Node.ANY)
            .toList();
    assertThat(t).as(property).hasSize(1);
    return t.get(0).getObject();
  }

  private static Node date(String iso) {
    return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDdate);
  }

  private static Node lit(String s) {
    return NodeFactory.createLiteralString(s);
  }
}
