package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.ElementData;
import vn.eams.model.FolderData;
import vn.eams.model.ModelOperation;
import vn.eams.model.Property;
import vn.eams.model.RelationshipData;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

class ArchiFileReaderTest {

  private static Metamodel metamodel;

  @BeforeAll
  static void load() {
    metamodel = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());
  }

  private static Path fixtures() {
    return Path.of(System.getProperty("test.tests.dir", "tests")).resolve("fixtures/archimate");
  }

  private static Path corpus() {
    return Path.of(System.getProperty("test.shared.dir", "../shared")).resolve("corpus");
  }

  private static ImportedModel read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return ArchiFileReader.read(
          in, file.getFileName().toString(), metamodel, ImportLimits.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Corpus models read once for all tests (an imported model is immutable). */
  private static final Map<Path, ImportedModel> CORPUS_MODELS = new ConcurrentHashMap<>();

  private static ImportedModel readCorpus(Path file) {
    return CORPUS_MODELS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> read(p));
  }

  private static ImportedModel read(byte[] bytes, ImportLimits limits) {
    return ArchiFileReader.read(
        new ByteArrayInputStream(bytes), "test.archimate", metamodel, limits);
  }

  private static ImportedModel read(String xml) {
    return read(xml.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
  }

  private static <T extends ModelOperation> Map<String, T> ops(ImportedModel m, Class<T> kind) {
    Map<String, T> result = new LinkedHashMap<>();
    for (ModelOperation op : m.operations()) {
      if (kind.isInstance(op)) {
        result.put(op.id(), kind.cast(op));
      }
    }
    return result;
  }

  private static Map<String, ElementData> elements(ImportedModel m) {
    Map<String, ElementData> result = new LinkedHashMap<>();
    ops(m, ModelOperation.CreateElement.class).forEach((id, op) -> result.put(id, op.data()));
    return result;
  }

  private static Map<String, RelationshipData> relationships(ImportedModel m) {
    Map<String, RelationshipData> result = new LinkedHashMap<>();
    ops(m, ModelOperation.CreateRelationship.class).forEach((id, op) -> result.put(id, op.data()));
    return result;
  }

  private static Map<String, ViewDefinition.Node> nodes(ViewDefinition v) {
    return v.nodes().stream()
        .collect(Collectors.toMap(ViewDefinition.Node::id, Function.identity()));
  }

  private static Map<String, ViewDefinition.Connection> connections(ViewDefinition v) {
    return v.connections().stream()
        .collect(Collectors.toMap(ViewDefinition.Connection::id, Function.identity()));
  }

  private static ViewDefinition view(ImportedModel m, String id) {
    return m.views().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> warningCodes(ImportedModel m) {
    return m.warnings().stream().map(Problem.Error::code).toList();
  }

  private static ProblemException refusal(Runnable r) {
    try {
      r.run();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("the file was not refused");
  }

  private static List<String> codes(ProblemException e) {
    return e.toProblem().errors().stream().map(Problem.Error::code).toList();
  }

  // ======================================== own fixture ==========================================

  @Test
  void read_SmallModel_ModelFoldersAndFiling() {
    ImportedModel m = read(fixtures().resolve("small.archimate"));
    assertThat(m.format()).isEqualTo("archimate");
    assertThat(m.modelId()).isEqualTo("m1");
    assertThat(m.model().name()).isEqualTo("Mô hình nhỏ");
    assertThat(m.model().documentation()).isEqualTo("Mô hình thử\ncho trình đọc Archi");
    assertThat(m.model().language()).isEqualTo("und");
    assertThat(m.model().properties()).containsExactly(new Property("Nguồn", "Archi"));

    Map<String, ModelOperation.CreateFolder> folders = ops(m, ModelOperation.CreateFolder.class);
    assertThat(folders.keySet())
        .containsExactly("f-bus", "f-user", "f-sub", "f-app", "f-oth", "f-rel", "f-views");
    assertThat(folders.get("f-user").data())
        .isEqualTo(new FolderData("Cơ quan", "", "Thư mục của người dùng", "f-bus"));
    assertThat(folders.get("f-sub").data().parentId()).isEqualTo("f-user");
    assertThat(folders.get("f-bus").data().parentId()).isEmpty();

    Map<String, ElementData> elements = elements(m);
    assertThat(elements.get("a1").folderId()).isEqualTo("f-bus");
    assertThat(elements.get("id-2b1c").folderId()).isEqualTo("f-sub");
    assertThat(elements.get("o1").folderId()).isEqualTo("f-sub");
    assertThat(elements.get("c1").folderId()).isEqualTo("f-app");
    assertThat(relationships(m).get("r1").folderId()).isEqualTo("f-rel");
    assertThat(m.views()).extracting(ViewDefinition::folderId).containsOnly("f-views");
  }

  @Test
  void read_SmallModel_ElementsRelationshipsAndSpecializations() {
    ImportedModel m = read(fixtures().resolve("small.archimate"));
    Map<String, ElementData> elements = elements(m);
    assertThat(elements.keySet())
        .containsExactlyInAnyOrder("a1", "id-2b1c", "o1", "c1", "j1", "l1");
    ElementData actor = elements.get("a1");
    assertThat(actor.type()).isEqualTo("BusinessActor");
    assertThat(actor.name()).isEqualTo("Sở Nội vụ");
    assertThat(actor.documentation()).isEqualTo("Cơ quan chuyên môn\nthuộc UBND tỉnh");
    // the profile "Agency" is a vn-egov specialization of BusinessActor
    assertThat(actor.specialization()).isEqualTo("Agency");
    // a property without a key is not kept
    assertThat(actor.properties()).containsExactly(new Property("Mã", "000.00.01"));
    // "Hub" is no EAMS specialization: kept as a property
    assertThat(elements.get("c1").specialization()).isEmpty();
    assertThat(elements.get("c1").properties())
        .containsExactly(new Property(ArchiFileReader.SPECIALIZATION_PROPERTY, "Hub"));
    assertThat(elements.get("j1").type()).isEqualTo("OrJunction");
    assertThat(elements.get("id-2b1c").name()).isEqualTo("Chuyên viên");

    Map<String, RelationshipData> rels = relationships(m);
    assertThat(rels.keySet()).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5", "r6");
    assertThat(rels.get("r1").targetId()).isEqualTo("id-2b1c");
    assertThat(rels.get("r2").type()).isEqualTo("Access");
    assertThat(rels.get("r2").accessType()).isEqualTo("Write"); // Archi's default, not written
    assertThat(rels.get("r2").name()).isEqualTo("ghi");
    assertThat(rels.get("r3").accessType()).isEqualTo("Read");
    assertThat(rels.get("r4").type()).isEqualTo("Association");
    assertThat(rels.get("r4").targetId()).isEqualTo("r2"); // a relationship to a relationship
    assertThat(rels.get("r4").directed()).isTrue();
    assertThat(rels.get("r6").properties())
        .containsExactly(new Property("Ghi chú", "qua điểm nối"));
    // r4 builds on r2, so it comes after it
    List<String> order = m.operations().stream().map(ModelOperation::id).toList();
    assertThat(order.indexOf("r4")).isGreaterThan(order.indexOf("r2"));
    assertThat(m.forbidden()).isEmpty();
  }

  @Test
  void read_SmallModel_ViewsWithAbsoluteBoundsBendpointsAndStyle() {
    ImportedModel m = read(fixtures().resolve("small.archimate"));
    assertThat(m.views()).extracting(ViewDefinition::id).containsExactly("v1", "v2");
    ViewDefinition v = view(m, "v1");
    assertThat(v.name()).isEqualTo("Tổng quan");
    assertThat(v.documentation()).isEqualTo("Hình tổng quan");
    assertThat(v.viewpoint()).isEqualTo("Layered");
    assertThat(v.properties()).containsExactly(new Property("Phiên bản", "1"));

    Map<String, ViewDefinition.Node> n = nodes(v);
    // n6 lies at x = -40: the whole view is shifted 40 to the right, as Archi's export does
    assertBounds(n.get("g1"), 50, 20, 400, 300);
    assertBounds(n.get("n1"), 70, 50, 200, 150);
    assertBounds(n.get("n2"), 110, 100, 120, 55);
    assertBounds(n.get("n3"), 540, 40, 120, 55);
    assertBounds(n.get("n4"), 540, 300, 120, 55); // no size: Archi's default figure size
    assertBounds(n.get("n5"), 740, 120, 15, 15); // a junction's default size
    assertBounds(n.get("n6"), 0, 400, 120, 55);
    assertBounds(n.get("t1"), 840, 10, 185, 80);
    assertBounds(n.get("ref1"), 840, 200, 120, 55);

    assertThat(n.get("g1").kind()).isEqualTo("group");
    assertThat(n.get("g1").label()).isEqualTo("Nhóm");
    assertThat(n.get("n1").parentId()).isEqualTo("g1");
    assertThat(n.get("n2").parentId()).isEqualTo("n1");
    assertThat(n.get("n2").elementId()).isEqualTo("id-2b1c");
    assertThat(n.get("n1").kind()).isEqualTo("element");
    assertThat(n.get("n1").label()).isEmpty();
    assertThat(n.get("t1").kind()).isEqualTo("note");
    assertThat(n.get("t1").label()).isEqualTo("Ghi chú\ndòng 2");
    assertThat(n.get("ref1").kind()).isEqualTo("note");
    assertThat(n.get("ref1").label()).isEqualTo("Chi tiết");

    assertThat(n.get("g1").style().fill()).isEqualTo("#ffcc00");
    assertThat(n.get("g1").style().fillAlpha()).isEqualTo(50);
    ViewDefinition.Style s = n.get("n1").style();
    assertThat(s.line()).isEqualTo("#ff0000");
    assertThat(s.lineAlpha()).isEqualTo(100);
    assertThat(s.font()).isEqualTo("Arial");
    assertThat(s.fontSize()).isEqualTo("10");
    assertThat(s.fontStyle()).isEqualTo("bold");
    assertThat(s.fontColor()).isEqualTo("#0000ff");
    assertThat(n.get("n3").style().isEmpty()).isTrue();

    Map<String, ViewDefinition.Connection> c = connections(v);
    assertThat(c.keySet()).containsExactlyInAnyOrder("k1", "k2", "k4", "k5", "k6", "k7");
    assertThat(c.get("k2").relationshipId()).isEqualTo("r2");
    assertThat(c.get("k2").bendpoints()).hasSize(1);
    assertThat(c.get("k2").bendpoints().get(0)).containsExactly(660, 200);
    assertThat(c.get("k2").style().lineWidth()).isEqualTo(2);
    assertThat(c.get("k2").style().line()).isEqualTo("#336699");
    // a connection to a connection, anchored at the middle of the other's route
    assertThat(c.get("k4").targetId()).isEqualTo("k2");
    assertThat(c.get("k4").bendpoints().get(0)).containsExactly(340, 427);
    assertThat(c.get("k7").isLine()).isTrue();
    assertThat(c.get("k7").sourceId()).isEqualTo("t1");

    assertThat(nodes(view(m, "v2")).get("n7").x()).isEqualTo(24);
  }

  @Test
  void read_SmallModel_ReportsWhatIsNotKept() {
    ImportedModel m = read(fixtures().resolve("small.archimate"));
    assertThat(warningCodes(m))
        .contains(
            "id-prefixed",
            "view-not-archimate", // the sketch
            "view-reference",
            "specialization-as-property",
            "property-without-key",
            "feature-not-kept");
    assertThat(warningCodes(m)).doesNotContain("relationship-not-allowed", "not-read");
    assertThat(m.warnings())
        .filteredOn(w -> w.code().equals("view-not-archimate"))
        .singleElement()
        .satisfies(w -> assertThat(w.line()).isNotEmpty());
  }

  @Test
  void read_ZippedModel_SameModelAndImagesReported(@TempDir Path dir) throws IOException {
    byte[] xml = Files.readAllBytes(fixtures().resolve("small.archimate"));
    Path zip = dir.resolve("small-zipped.archimate");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.putNextEntry(new ZipEntry("model.xml"));
      out.write(xml);
      out.closeEntry();
      out.putNextEntry(new ZipEntry("images/logo.png"));
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
      out.closeEntry();
    }
    ImportedModel plain = read(fixtures().resolve("small.archimate"));
    ImportedModel zipped = read(zip);
    assertThat(zipped.operations()).isEqualTo(plain.operations());
    assertThat(zipped.views()).usingRecursiveComparison().isEqualTo(plain.views());
    assertThat(warningCodes(zipped)).contains("image-not-kept");
    assertThat(warningCodes(plain)).doesNotContain("image-not-kept");
  }

  @Test
  void read_Archi2File_LegacyTypesGroupOffsetAndDefaultSizes() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:archimate="http://www.archimatetool.com/archimate" name="Old" id="1a" version="2.6.0">
          <folder name="Technology" id="f1" type="technology">
            <element xsi:type="archimate:InfrastructureService" id="e1" name="Hosting"/>
            <element xsi:type="archimate:Node" id="e2" name="Server"/>
            <element xsi:type="archimate:Network" id="e3" name="LAN"/>
            <element xsi:type="archimate:CommunicationPath" id="e4" name="VPN"/>
          </folder>
          <folder name="Connectors" id="f2" type="connectors">
            <element xsi:type="archimate:AndJunction" id="j1"/>
            <element xsi:type="archimate:OrJunction" id="j2"/>
          </folder>
          <folder name="Relations" id="f3" type="relations">
            <element xsi:type="archimate:UsedByRelationship" id="r1" source="e1" target="e2"/>
            <element xsi:type="archimate:RealisationRelationship" id="r2" source="e2" target="e1"/>
            <element xsi:type="archimate:SpecialisationRelationship" id="r3" source="e2" target="e2"/>
          </folder>
          <folder name="Views" id="f4" type="diagrams">
            <element xsi:type="archimate:ArchimateDiagramModel" id="v1" name="Old view" viewpoint="13">
              <child xsi:type="archimate:Group" id="g1" name="Group">
                <bounds x="10" y="10" width="-1" height="-1"/>
                <child xsi:type="archimate:DiagramObject" id="d1" archimateElement="e2">
                  <bounds x="300" y="200" width="-1" height="-1"/>
                  <sourceConnection xsi:type="archimate:Connection" id="c1" source="d1" target="d2" relationship="r2"/>
                </child>
              </child>
              <child xsi:type="archimate:DiagramObject" id="d2" archimateElement="e1">
                <bounds x="10" y="400" width="-1" height="-1"/>
              </child>
              <child xsi:type="archimate:DiagramObject" id="d3" archimateElement="j2">
                <bounds x="200" y="400" width="-1" height="-1"/>
              </child>
            </element>
          </folder>
        </archimate:model>
        """;
    ImportedModel m = read(xml);
    assertThat(m.modelId()).isEqualTo("id-1a");
    Map<String, ElementData> e = elements(m);
    assertThat(e.get("e1").type()).isEqualTo("TechnologyService");
    assertThat(e.get("e3").type()).isEqualTo("CommunicationNetwork");
    assertThat(e.get("e4").type()).isEqualTo("Path");
    assertThat(e.get("j1").type()).isEqualTo("AndJunction");
    assertThat(e.get("j2").type()).isEqualTo("OrJunction");
    Map<String, RelationshipData> r = relationships(m);
    assertThat(r.get("r1").type()).isEqualTo("Serving");
    assertThat(r.get("r2").type()).isEqualTo("Realization");
    assertThat(r.get("r3").type()).isEqualTo("Specialization");
    ViewDefinition v = view(m, "v1");
    assertThat(v.viewpoint()).isEqualTo("Technology");
    Map<String, ViewDefinition.Node> n = nodes(v);
    // before Archi 3.1.1 a group's children sat 18 pixels lower; -1 sizes are Archi's defaults,
    // and a container without a size grows to hold its children
    assertBounds(n.get("d1"), 310, 228, 120, 55);
    assertBounds(n.get("g1"), 10, 10, 430, 283);
    assertBounds(n.get("d2"), 10, 400, 120, 55);
    assertBounds(n.get("d3"), 200, 400, 15, 15);
    assertThat(connections(v).get("c1").relationshipId()).isEqualTo("r2");
  }

  @Test
  void read_BendpointsOfMovedObjects_AreBlendedAsArchiDrawsThem() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xmlns:archimate="http://www.archimatetool.com/archimate" name="B" id="b" version="5.0.0">
          <folder name="Business" id="f1" type="business">
            <element xsi:type="archimate:BusinessActor" id="e1" name="A"/>
            <element xsi:type="archimate:BusinessRole" id="e2" name="R"/>
          </folder>
          <folder name="Relations" id="f2" type="relations">
            <element xsi:type="archimate:AssignmentRelationship" id="r1" source="e1" target="e2"/>
          </folder>
          <folder name="Views" id="f3" type="diagrams">
            <element xsi:type="archimate:ArchimateDiagramModel" id="v1" name="V">
              <child xsi:type="archimate:DiagramObject" id="d1" archimateElement="e1">
                <bounds x="0" y="0" width="100" height="50"/>
                <sourceConnection xsi:type="archimate:Connection" id="c1" source="d1" target="d2"
                    archimateRelationship="r1">
                  <bendpoint startX="100" startY="100" endX="-260" endY="100"/>
                  <bendpoint startX="300" startY="100" endX="-60" endY="100"/>
                </sourceConnection>
              </child>
              <child xsi:type="archimate:DiagramObject" id="d2" archimateElement="e2">
                <bounds x="400" y="0" width="100" height="50"/>
              </child>
            </element>
          </folder>
        </archimate:model>
        """;
    // centres (50, 25) and (450, 25); the target was moved 40 to the right after the route was
    // drawn: bendpoint 1 of 2 lies 1/3 of the way from its source-relative to its
    // target-relative place, bendpoint 2 2/3 of the way
    List<int[]> points = connections(view(read(xml), "v1")).get("c1").bendpoints();
    assertThat(points).hasSize(2);
    assertThat(points.get(0)).containsExactly(163, 125);
    assertThat(points.get(1)).containsExactly(376, 125);
  }

  @Test
  void legacyTypes_MapArchiMate2NamesAndKeepOthers() {
    assertThat(LegacyTypes.relationshipType("UsedByRelationship")).isEqualTo("Serving");
    assertThat(LegacyTypes.relationshipType("UsedBy")).isEqualTo("Serving");
    assertThat(LegacyTypes.relationshipType("RealisationRelationship")).isEqualTo("Realization");
    assertThat(LegacyTypes.relationshipType("SpecialisationRelationship"))
        .isEqualTo("Specialization");
    assertThat(LegacyTypes.relationshipType("AssignmentRelationship")).isEqualTo("Assignment");
    assertThat(LegacyTypes.relationshipType("Flow")).isEqualTo("Flow");
    assertThat(LegacyTypes.relationshipType("BogusRelationship")).isEqualTo("BogusRelationship");
    assertThat(LegacyTypes.elementType("InfrastructureInterface")).isEqualTo("TechnologyInterface");
    assertThat(LegacyTypes.elementType("InfrastructureFunction")).isEqualTo("TechnologyFunction");
    assertThat(LegacyTypes.elementType("Network")).isEqualTo("CommunicationNetwork");
    assertThat(LegacyTypes.elementType("Junction")).isEqualTo("AndJunction");
    assertThat(LegacyTypes.elementType("BusinessActor")).isEqualTo("BusinessActor");
    assertThat(LegacyTypes.elementType("Bogus")).isEqualTo("Bogus");
    assertThat(LegacyTypes.junction("or")).isEqualTo("OrJunction");
    assertThat(LegacyTypes.junction("")).isEqualTo("AndJunction");
  }

  // ========================================= refusals ============================================

  @Test
  void read_DoctypeWithEntities_IsRefused() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE archimate:model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" name="&xxe;" id="m"/>
        """;
    String laughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" id="m">
          <purpose>&lol9;</purpose>
        </archimate:model>
        """;
    for (String xml : List.of(xxe, laughs)) {
      ProblemException e = refusal(() -> read(xml));
      assertThat(e.status()).isEqualTo(400);
      assertThat(codes(e)).hasSize(1);
      assertThat(codes(e).get(0)).startsWith("xml-");
      assertThat(e.toProblem().errors().get(0).line()).isNotEmpty();
    }
  }

  @Test
  void read_ZipBomb_IsRefusedWhileInflating() {
    byte[] bomb =
        zip(
            out -> {
              out.write(
                  ("<?xml version=\"1.0\"?><archimate:model"
                          + " xmlns:archimate=\"http://www.archimatetool.com/archimate\" id=\"m\"><purpose>")
                      .getBytes(StandardCharsets.UTF_8));
              byte[] spaces = new byte[1 << 20];
              Arrays.fill(spaces, (byte) ' ');
              for (int i = 0; i < 64; i++) { // 64 MiB of spaces, about 64 KiB compressed
                out.write(spaces);
              }
              out.write("</purpose></archimate:model>".getBytes(StandardCharsets.UTF_8));
            });
    assertThat(bomb.length).isLessThan(1 << 20);
    ProblemException e = refusal(() -> read(bomb, new ImportLimits(Long.MAX_VALUE / 4, 10, 100)));
    assertThat(e.status()).isEqualTo(413);
    assertThat(codes(e)).containsExactly("max-zip-ratio");
    assertThat(e.toProblem().errors().get(0).message()).contains("eams.import.max-zip-ratio");
  }

  @Test
  void read_BeyondSizeOrEntryLimits_IsRefused() throws IOException {
    byte[] xml = Files.readAllBytes(fixtures().resolve("small.archimate"));
    ProblemException big = refusal(() -> read(xml, new ImportLimits(1000, 10, 100)));
    assertThat(big.status()).isEqualTo(413);
    assertThat(codes(big)).containsExactly("max-bytes");
    assertThat(big.toProblem().errors().get(0).message()).contains("eams.import.max-bytes");

    byte[] many = zip(null, "a.png", "b.png", "c.png", "d.png");
    ProblemException entries = refusal(() -> read(many, new ImportLimits(1 << 20, 3, 100)));
    assertThat(entries.status()).isEqualTo(413);
    assertThat(codes(entries)).containsExactly("max-zip-entries");

    byte[] noModel = zip(null, "images/a.png");
    assertThat(refusal(() -> read(noModel, ImportLimits.DEFAULT)).status()).isEqualTo(400);
  }

  @Test
  void read_TruncatedXml_IsRefusedWithLine() throws IOException {
    String xml = Files.readString(fixtures().resolve("small.archimate"));
    String cut = xml.substring(0, xml.indexOf("<folder name=\"Relations\"") + 10);
    ProblemException e = refusal(() -> read(cut));
    assertThat(e.status()).isEqualTo(400);
    assertThat(codes(e)).containsExactly("xml-syntax");
    assertThat(e.toProblem().errors().get(0).line()).matches("\\d+:\\d+");
  }

  @Test
  void read_WrongRootOrNamespace_IsRefusedWithLine() {
    String exchange =
        "<?xml version=\"1.0\"?>\n"
            + "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" identifier=\"m\"/>";
    ProblemException e = refusal(() -> read(exchange));
    assertThat(e.status()).isEqualTo(400);
    assertThat(codes(e)).containsExactly("not-archi-format");
    assertThat(e.toProblem().errors().get(0).line()).startsWith("2:");
  }

  /** A zip: model.xml written by {@code model} (none if null), then the named empty entries. */
  private static byte[] zip(ZipBody model, String... others) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes)) {
      if (model != null) {
        out.putNextEntry(new ZipEntry("model.xml"));
        model.write(out);
        out.closeEntry();
      }
      for (String name : others) {
        out.putNextEntry(new ZipEntry(name));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private interface ZipBody {
    void write(OutputStream out) throws IOException;
  }

  private static void assertBounds(ViewDefinition.Node n, int x, int y, int w, int h) {
    assertThat(new int[] {n.x(), n.y(), n.w(), n.h()})
        .as("bounds of " + n.id())
        .containsExactly(x, y, w, h);
  }

  // ========================================== corpus =============================================

  private static List<Path> corpusFiles() throws IOException {
    try (Stream<Path> s = Files.walk(corpus())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".archimate")).sorted().toList();
    }
  }

  @Test
  void corpus_EveryArchiFileReads() throws IOException {
    assumeTrue(Files.isDirectory(corpus()), "the corpus is not present: " + corpus());
    List<String> failures = new ArrayList<>();
    int read = 0;
    for (Path p : corpusFiles()) {
      String name = p.getFileName().toString();
      if (name.contains("compatibility_test2") || name.contains("compatibility_test3")) {
        continue; // refused on purpose, see below
      }
      try {
        ImportedModel m = readCorpus(p);
        assertThat(m.model().name()).as(name).isNotBlank();
        read++;
      } catch (ProblemException e) {
        failures.add(name + ": " + e.getMessage() + " " + e.toProblem().errors());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(read).isGreaterThanOrEqualTo(18);

    // a bogus namespace (Archi's own test file) is no Archi model
    ProblemException ns =
        refusal(
            () ->
                read(
                    corpus()
                        .resolve(
                            "archi/models/com.archimatetool.editor.tests__compatibility_test2.archimate")));
    assertThat(ns.status()).isEqualTo(400);
    assertThat(codes(ns)).containsExactly("not-archi-format");
    // unknown concept types: every one is reported, with its line
    ProblemException types =
        refusal(
            () ->
                read(
                    corpus()
                        .resolve(
                            "archi/models/com.archimatetool.editor.tests__compatibility_test3.archimate")));
    assertThat(types.status()).isEqualTo(422);
    assertThat(types.toProblem().errors())
        .extracting(Problem.Error::code)
        .containsExactly("unknown-type", "unknown-type", "unknown-type");
  }

  @Test
  void corpus_NewerArchiAndZippedTestFiles() {
    assumeTrue(Files.isDirectory(corpus()), "the corpus is not present: " + corpus());
    Path models = corpus().resolve("archi/models");
    ImportedModel newer =
        read(models.resolve("com.archimatetool.editor.tests__compatibility_test1.archimate"));
    assertThat(warningCodes(newer)).contains("archi-version", "not-read");
    ImportedModel zipped =
        read(models.resolve("com.archimatetool.editor.tests__model_zipped.archimate"));
    assertThat(zipped.model().name()).isEqualTo("Zip Test");
    assertThat(zipped.views()).hasSize(2);
    assertThat(warningCodes(zipped)).contains("image-not-kept");
    ImportedModel sketches =
        read(models.resolve("com.archimatetool.reports.tests__test.archimate"));
    assertThat(sketches.views()).hasSize(1);
    assertThat(warningCodes(sketches)).contains("view-not-archimate");
  }

  @Test
  void corpus_CountsMatchTheCorpusIndex() {
    assumeTrue(Files.isDirectory(corpus()), "the corpus is not present: " + corpus());
    // file, elements (incl. junctions), relationships, ArchiMate views, diagram objects
    Object[][] table = {
      {
        "public-sector/dimpact-architectuurmodel/dimpact-architectuurmodel.archimate",
        1938,
        3166,
        136,
        8078
      },
      {"public-sector/gemma-ggm/gemma-ggm.archimate", 1700, 4165, 95, 2879},
      {"public-sector/uk-ccs-architecture/uk-ccs-architecture.archimate", 358, 489, 31, 643},
      {
        "public-sector/helsinki-ea-architecture/helsinki-ea-architecture.archimate",
        322,
        294,
        51,
        949
      },
      {"archimodels/ArchiMetal_ArchiMetal.archimate", 562, 760, 78, 1019},
      {"archimodels/Archisurance_Archisurance.archimate", 120, 176, 17, 249},
      {"archimodels/OpenDay_OpenDay.archimate", 27, 37, 4, 54},
      {"opengroup-xmlexchange/archisurance.archimate", 120, 178, 17, 249},
      {"archi/models/com.archimatetool.testsupport__Archisurance.archimate", 120, 176, 17, 249},
      // the index counts 20 views and 261 bounds: with a sketch and a canvas, not imported
      {
        "archi/models/org.opengroup.archimate.xmlexchange.tests__Archisurance.archimate",
        122,
        177,
        18,
        256
      },
    };
    for (Object[] row : table) {
      Path p = corpus().resolve((String) row[0]);
      ImportedModel m = readCorpus(p);
      long nodes = m.views().stream().mapToLong(v -> v.nodes().size()).sum();
      assertThat(
              new long[] {
                m.count(ModelOperation.CreateElement.class),
                m.count(ModelOperation.CreateRelationship.class),
                m.views().size(),
                nodes
              })
          .as((String) row[0])
          .containsExactly(
              ((Integer) row[1]).longValue(),
              ((Integer) row[2]).longValue(),
              ((Integer) row[3]).longValue(),
              ((Integer) row[4]).longValue());
    }
  }

  @Test
  void corpus_ArchiMetal_Archi3FileWithArchiMate2Types() {
    Path p = corpus().resolve("archimodels/ArchiMetal_ArchiMetal.archimate");
    assumeTrue(Files.isRegularFile(p), "the corpus is not present: " + p);
    ImportedModel m = readCorpus(p);
    Map<String, Long> types =
        elements(m).values().stream()
            .collect(Collectors.groupingBy(ElementData::type, Collectors.counting()));
    assertThat(types).containsKeys("TechnologyService", "CommunicationNetwork", "AndJunction");
    assertThat(types).doesNotContainKeys("InfrastructureService", "Network", "Junction");
    Map<String, Long> rels =
        relationships(m).values().stream()
            .collect(Collectors.groupingBy(RelationshipData::type, Collectors.counting()));
    assertThat(rels).containsKeys("Serving", "Realization", "Specialization");
  }

  /**
   * The public-sector exchange files were derived from the same models: same ids, absolute bounds.
   * Where a model has objects left of or above 0, their derivation set the negative coordinates to
   * 0, while this reader (like Archi's own exchange export) shifts the whole view so that its
   * layout stays intact. So in each view every node must be the exchange node after that view's
   * shift, with what became negative set to 0; sizes must be equal. In a view without negative
   * coordinates the shift is 0 and the bounds are equal.
   */
  @Test
  void corpus_PublicSectorBoundsEqualTheExchangeFiles() throws Exception {
    String[] models = {
      "dimpact-architectuurmodel", "gemma-ggm", "uk-ccs-architecture", "helsinki-ea-architecture"
    };
    assumeTrue(Files.isDirectory(corpus().resolve("public-sector")), "the corpus is not present");
    for (String name : models) {
      Path dir = corpus().resolve("public-sector").resolve(name);
      ImportedModel m = readCorpus(dir.resolve(name + ".archimate"));
      Map<String, Map<String, int[]>> expected = exchangeNodes(dir.resolve(name + ".exchange.xml"));
      assertThat(m.views()).as(name + " views").hasSize(expected.size());
      int compared = 0;
      int exact = 0;
      List<String> different = new ArrayList<>();
      for (ViewDefinition v : m.views()) {
        Map<String, int[]> bounds = expected.get(v.id());
        assertThat(bounds).as(name + " view " + v.id()).isNotNull();
        assertThat(v.nodes()).as(name + " view " + v.id()).hasSize(bounds.size());
        int dx = 0;
        int dy = 0;
        for (ViewDefinition.Node n : v.nodes()) {
          int[] b = bounds.get(n.id());
          assertThat(b).as(name + " node " + n.id()).isNotNull();
          dx = Math.max(dx, n.x() - b[0]);
          dy = Math.max(dy, n.y() - b[1]);
        }
        if (dx == 0 && dy == 0) {
          exact += v.nodes().size();
        }
        for (ViewDefinition.Node n : v.nodes()) {
          int[] b = bounds.get(n.id());
          int[] ours = {Math.max(0, n.x() - dx), Math.max(0, n.y() - dy), n.w(), n.h()};
          if (!Arrays.equals(b, ours)) {
            different.add(
                v.id() + "/" + n.id() + " " + Arrays.toString(ours) + " vs " + Arrays.toString(b));
          }
          compared++;
        }
      }
      assertThat(different).as(name).isEmpty();
      assertThat(compared).as(name).isEqualTo(expected.values().stream().mapToInt(Map::size).sum());
      // most views have no negative coordinates: their bounds are equal without any shift
      assertThat(exact).as(name + " nodes in views without a shift").isGreaterThan(compared / 2);
    }
  }

  /** For each view of an exchange file, its nodes' x, y, w, h by node id. */
  private static Map<String, Map<String, int[]>> exchangeNodes(Path file) throws Exception {
    Map<String, Map<String, int[]>> result = new HashMap<>();
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = f.createXMLStreamReader(in);
      Map<String, int[]> current = null;
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          if (r.getLocalName().equals("view")) {
            current = new LinkedHashMap<>();
            result.put(r.getAttributeValue(null, "identifier"), current);
          } else if (r.getLocalName().equals("node") && current != null) {
            current.put(
                r.getAttributeValue(null, "identifier"),
                new int[] {
                  Integer.parseInt(r.getAttributeValue(null, "x")),
                  Integer.parseInt(r.getAttributeValue(null, "y")),
                  Integer.parseInt(r.getAttributeValue(null, "w")),
                  Integer.parseInt(r.getAttributeValue(null, "h"))
                });
          }
        } else if (e == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("view")) {
          current = null;
        }
      }
    }
    return result;
  }
}
