package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.Element;
import vn.eams.model.ElementData;
import vn.eams.model.ModelData;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelOperation;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Property;
import vn.eams.model.Relationship;
import vn.eams.model.RelationshipData;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

class ArchiCsvTest {

  private static Metamodel metamodel;

  @BeforeAll
  static void load() {
    metamodel = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());
  }

  // ============================================ helpers ==========================================

  private static Path fixtures() {
    return Path.of(System.getProperty("test.tests.dir", "tests")).resolve("fixtures/csv");
  }

  private static Path corpus() {
    return Path.of(System.getProperty("test.shared.dir", "../shared")).resolve("corpus");
  }

  private static Path archiCsv() {
    Path dir = corpus().resolve("archi/csv");
    assumeTrue(Files.isDirectory(dir), "the shared corpus is absent");
    return dir;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The named files of a directory, under the same names. */
  private static Map<String, byte[]> files(Path dir, String... names) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String n : names) {
      files.put(n, bytes(dir.resolve(n)));
    }
    return files;
  }

  private static Map<String, byte[]> text(String... nameThenContent) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      files.put(nameThenContent[i], nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static ImportedModel read(Map<String, byte[]> files) {
    return ArchiCsvReader.read(files, "test", metamodel);
  }

  private static ProblemException refusal(Map<String, byte[]> files) {
    try {
      read(files);
    } catch (ProblemException e) {
      return e;
    }
    return fail("The files were accepted");
  }

  private static List<Problem.Error> errors(ProblemException e) {
    return e.toProblem().errors();
  }

  private static Map<String, ElementData> elements(ImportedModel m) {
    Map<String, ElementData> result = new LinkedHashMap<>();
    for (ModelOperation op : m.operations()) {
      if (op instanceof ModelOperation.CreateElement c) {
        result.put(c.id(), c.data());
      }
    }
    return result;
  }

  private static Map<String, RelationshipData> relationships(ImportedModel m) {
    Map<String, RelationshipData> result = new LinkedHashMap<>();
    for (ModelOperation op : m.operations()) {
      if (op instanceof ModelOperation.CreateRelationship c) {
        result.put(c.id(), c.data());
      }
    }
    return result;
  }

  private static List<String> warningCodes(ImportedModel m) {
    return m.warnings().stream().map(Problem.Error::code).toList();
  }

  private static final String ELEMENTS_HEADER =
      "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\r\n";
  private static final String RELATIONS_HEADER =
      "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\r\n";
  private static final String PROPERTIES_HEADER = "\"ID\",\"Key\",\"Value\"\r\n";

  // ===================================== Archi's test files =====================================

  @Test
  void archiTest1_TextsWithLineBreaksAndDoubledQuotes_PropertiesOfModelElementsRelations() {
    Path dir = archiCsv();
    ImportedModel m =
        read(files(dir, "test1-elements.csv", "test1-relations.csv", "test1-properties.csv"));

    assertThat(m.format()).isEqualTo(ArchiCsvReader.FORMAT);
    assertThat(m.partial()).isTrue();
    assertThat(m.modelId()).isEqualTo("id-862677a6"); // starts with a digit
    assertThat(m.model().name()).isEqualTo("Test Model");
    assertThat(m.model().documentation())
        .isEqualTo(
            "This is the Purpose of the Model.\r\nIt has a line break and \"some\" quotes.\r\n");
    assertThat(m.model().properties())
        .containsExactly(
            new Property("Property 1", "Hello World \"Here\"!"),
            new Property("Property 2", "Again"));

    Map<String, ElementData> e = elements(m);
    assertThat(e).containsOnlyKeys("f00aa5b4", "d9fe8c17", "f6a18059");
    ElementData actor = e.get("f00aa5b4");
    assertThat(actor.type()).isEqualTo("BusinessActor");
    assertThat(actor.name()).isEqualTo("Business Actor");
    assertThat(actor.documentation())
        .isEqualTo("This is the Business Actor\r\nDocumentation\r\nHere \"\"\r\n");
    // "Specialization1" is declared by no EAMS profile: kept as a property, with a warning
    assertThat(actor.specialization()).isEmpty();
    assertThat(actor.properties())
        .containsExactly(
            new Property("Property 1", "A new value"),
            new Property("Property 2", "Another one \"here\""),
            new Property("Property 3", ""),
            new Property("Property 3", "Again"),
            new Property(ImportBuilder.SPECIALIZATION, "Specialization1"));
    assertThat(e.get("d9fe8c17").type()).isEqualTo("BusinessInterface");
    assertThat(e.get("d9fe8c17").properties()).isEmpty();
    assertThat(e.get("f6a18059").documentation()).isEqualTo("Some more docs\r\nHere\r\n");

    Map<String, RelationshipData> r = relationships(m);
    assertThat(r).containsOnlyKeys("cdbfc933", "id-5854f8a3");
    RelationshipData assignment = r.get("cdbfc933");
    assertThat(assignment.type()).isEqualTo("Assignment");
    assertThat(assignment.sourceId()).isEqualTo("f00aa5b4");
    assertThat(assignment.targetId()).isEqualTo("f6a18059");
    assertThat(assignment.name()).isEqualTo("Assignment relation");
    assertThat(assignment.documentation())
        .isEqualTo("Assignment documentation\r\nIs here \"hello\"");
    RelationshipData composition = r.get("id-5854f8a3");
    assertThat(composition.type()).isEqualTo("Composition");
    assertThat(composition.documentation()).isEqualTo("Here it is\r\nagain\r\n\r\n\r\n");
    assertThat(composition.properties()).containsExactly(new Property("This", "values"));

    assertThat(m.externalProperties()).isEmpty();
    assertThat(warningCodes(m)).contains("unknown-specialization", "id-prefixed");
    assertThat(m.locations()).contains("test1-elements.csv:5", "test1-relations.csv:2");
  }

  @Test
  void archiTest2_ChangedValues() {
    Path dir = archiCsv();
    ImportedModel m =
        read(files(dir, "test2-elements.csv", "test2-relations.csv", "test2-properties.csv"));

    assertThat(m.model().name()).isEqualTo("Test Model changed");
    assertThat(m.model().documentation()).isEqualTo("Model Documentation Changed");
    ElementData actor = elements(m).get("f00aa5b4");
    assertThat(actor.name()).isEqualTo("Name changed");
    assertThat(actor.properties())
        .containsExactly(
            new Property("Property 1", "A new value"),
            new Property("Property 2", "Another one \"here\""),
            new Property("Property 3", "Changed this one"),
            new Property("Property 3", "Again"));
    Map<String, RelationshipData> r = relationships(m);
    assertThat(r.get("cdbfc933").name()).isEqualTo("Assignment relation changed");
    assertThat(r.get("cdbfc933").documentation()).isEqualTo("Assignment documentation changed");
    assertThat(r.get("id-5854f8a3").properties())
        .containsExactly(new Property("This", "value changes"));
  }

  @Test
  void archiTest3_EmptyIdsCreateNewConceptsWithNewIds() {
    Path dir = archiCsv();
    ImportedModel m = read(files(dir, "test3-elements.csv", "test3-relations.csv"));

    assertThat(m.modelId()).isEmpty(); // Archi keeps the target model's id
    assertThat(m.model().name()).isEqualTo("Test Model");
    assertThat(m.model().documentation()).isEqualTo("Model Documentation");
    Map<String, ElementData> e = elements(m);
    assertThat(e).hasSize(5).containsKeys("id1", "id2");
    List<String> generated = e.keySet().stream().filter(id -> !id.startsWith("id1")).toList();
    assertThat(generated).hasSize(4); // three new ones and id2
    assertThat(generated.stream().filter(id -> id.matches("id-[0-9a-f]{32}")).count()).isEqualTo(3);
    assertThat(e.values().stream().map(ElementData::name).toList())
        .containsExactly(
            "Name",
            "Business Interface",
            "Business Role",
            "Another Business Actor",
            "Another Business Role");
    // a blank between the closing quote and the delimiter is allowed, as in Archi
    assertThat(e.get("id2").documentation()).isEqualTo("This has an Identifier");

    Map<String, RelationshipData> r = relationships(m);
    assertThat(r).hasSize(1);
    String relId = r.keySet().iterator().next();
    assertThat(relId).matches("id-[0-9a-f]{32}");
    assertThat(r.get(relId).type()).isEqualTo("Assignment");
    assertThat(r.get(relId).sourceId()).isEqualTo("id1");
    assertThat(r.get(relId).targetId()).isEqualTo("id2");
    assertThat(r.get(relId).documentation()).isEqualTo("No ID!");
    assertThat(new HashSet<>(generated)).hasSize(4);
  }

  @ParameterizedTest
  @CsvSource({"test4-relations.csv, e1, e3, e2, e4", "test4a-relations.csv, e2, e4, e1, e3"})
  void archiTest4_RelationsInEitherOrder(
      String relationsFile, String r1Source, String r1Target, String r2Source, String r2Target) {
    Path dir = archiCsv();
    String prefix = relationsFile.substring(0, relationsFile.indexOf('-') + 1);
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(prefix + "elements.csv", bytes(dir.resolve("test4-elements.csv")));
    files.put(relationsFile, bytes(dir.resolve(relationsFile)));

    ImportedModel m = read(files);

    assertThat(elements(m)).containsOnlyKeys("e1", "e2", "e3", "e4");
    assertThat(elements(m).get("e4").type()).isEqualTo("BusinessInterface");
    Map<String, RelationshipData> r = relationships(m);
    assertThat(r).containsOnlyKeys("r1", "r2");
    assertThat(r.get("r1").sourceId()).isEqualTo(r1Source);
    assertThat(r.get("r1").targetId()).isEqualTo(r1Target);
    assertThat(r.get("r2").sourceId()).isEqualTo(r2Source);
    assertThat(r.get("r2").targetId()).isEqualTo(r2Target);
    assertThat(r.get("r1").name()).isEmpty();
  }

  @Test
  void archiTest5_CommentLinesAreSkipped_NoModelRow() {
    Path dir = archiCsv();
    ImportedModel m = read(files(dir, "test5-elements.csv"));

    Map<String, ElementData> e = elements(m);
    assertThat(e).containsOnlyKeys("id1", "id2");
    assertThat(e.get("id1").name()).isEqualTo("A Business Actor");
    assertThat(e.get("id2").type()).isEqualTo("BusinessRole");
    assertThat(m.locations()).containsExactly("test5-elements.csv:4", "test5-elements.csv:6");
    assertThat(m.modelId()).isEmpty();
    // no model row: merged, the target model keeps its name; created, the model is named after its
    // id
    assertThat(m.model().name()).isEmpty();
    assertThat(warningCodes(m)).doesNotContain("model-name");
  }

  @Test
  void archiTest6_DuplicateIds_EachRepeatIsAnErrorWithItsLine() {
    Path dir = archiCsv();
    ProblemException e = refusal(files(dir, "test6-relations.csv"));

    assertThat(e.status()).isEqualTo(422);
    assertThat(errors(e))
        .extracting(Problem.Error::line, Problem.Error::code, Problem.Error::id)
        .containsExactly(
            tuple("test6-relations.csv:3", "duplicate-id", "r1"),
            tuple("test6-relations.csv:4", "duplicate-id", "r1"));
  }

  // ================================== derived public-sector sets ================================

  @ParameterizedTest
  @CsvSource({
    // set, elements, relationships, model props, element props, relationship props, pseudo
    "dimpact-architectuurmodel, 1938, 3166, 0, 5852, 3494, 186",
    "gemma-ggm, 1700, 4165, 4, 11042, 16360, 1544",
    "helsinki-ea-architecture, 322, 294, 9, 1, 0, 94",
    "uk-ccs-architecture, 358, 489, 0, 42, 0, 90"
  })
  void publicSectorSets_EveryRowIsRead(
      String set,
      int elementCount,
      int relationshipCount,
      int modelProperties,
      int elementProperties,
      int relationshipProperties,
      int pseudoProperties) {
    Path dir = corpus().resolve("public-sector").resolve(set).resolve("csv");
    assumeTrue(Files.isDirectory(dir), "the shared corpus is absent");

    ImportedModel m = read(files(dir, "elements.csv", "relations.csv", "properties.csv"));

    Map<String, ElementData> e = elements(m);
    Map<String, RelationshipData> r = relationships(m);
    assertThat(e).hasSize(elementCount);
    assertThat(r).hasSize(relationshipCount);
    assertThat(m.model().properties()).hasSize(modelProperties);
    assertThat(e.values().stream().mapToInt(d -> d.properties().size() + d.profile().size()).sum())
        .isEqualTo(elementProperties);
    assertThat(r.values().stream().mapToInt(d -> d.properties().size()).sum())
        .isEqualTo(relationshipProperties);
    assertThat(m.externalProperties()).isEmpty();
    int propertyRows = csvRecords(dir.resolve("properties.csv"));
    assertThat(modelProperties + elementProperties + relationshipProperties + pseudoProperties)
        .isEqualTo(propertyRows);
    assertThat(csvRecords(dir.resolve("elements.csv"))).isEqualTo(elementCount + 1);
    assertThat(csvRecords(dir.resolve("relations.csv"))).isEqualTo(relationshipCount);
  }

  @Test
  void publicSectorSets_PseudoPropertiesSetFields() {
    Path dir = corpus().resolve("public-sector/helsinki-ea-architecture/csv");
    assumeTrue(Files.isDirectory(dir), "the shared corpus is absent");

    ImportedModel m = read(files(dir, "elements.csv", "relations.csv", "properties.csv"));

    Map<String, Long> access =
        relationships(m).values().stream()
            .filter(d -> d.type().equals("Access"))
            .collect(Collectors.groupingBy(RelationshipData::accessType, Collectors.counting()));
    assertThat(access).containsOnly(Map.entry("Write", 39L), Map.entry("Read", 33L));
    assertThat(elements(m).values().stream().filter(d -> d.type().equals("AndJunction")).count())
        .isEqualTo(13);
    assertThat(
            relationships(m).values().stream()
                .filter(d -> d.type().equals("Association"))
                .noneMatch(RelationshipData::directed))
        .isTrue();
    assertThat(m.model().name()).isEqualTo("EA-Arkkitehtuurin koordinointi");
  }

  /** The number of data records, counted without the reader: quotes are balanced per record. */
  private static int csvRecords(Path file) {
    String text = new String(bytes(file), StandardCharsets.UTF_8);
    int records = 0;
    boolean quoted = false;
    boolean content = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == '\n') {
        records += content ? 1 : 0;
        content = false;
      } else if (c != '\r') {
        content = true;
      }
    }
    return records + (content ? 1 : 0) - 1; // without the header
  }

  // ==================================== encodings, delimiters ===================================

  private static Map<String, byte[]> fixture() {
    return files(
        fixtures(), "tra-vinh-elements.csv", "tra-vinh-relations.csv", "tra-vinh-properties.csv");
  }

  @Test
  void fixture_Utf8BomSemicolonVietnamese() {
    ImportedModel m = read(fixture());

    assertThat(m.modelId()).isEqualTo("tv-model");
    assertThat(m.model().name()).isEqualTo("Kiến trúc Trà Vinh (mẫu CSV)");
    assertThat(m.model().documentation())
        .isEqualTo("Mô hình mẫu; dấu chấm phẩy trong văn bản\r\nvà dòng thứ hai.");
    assertThat(m.model().properties()).containsExactly(new Property("Phiên bản", "1.0"));

    Map<String, ElementData> e = elements(m);
    assertThat(e).hasSize(7).containsKeys("so-tttt", "j1", "id-2a9f");
    ElementData agency = e.get("so-tttt");
    assertThat(agency.name()).isEqualTo("Sở Thông tin và Truyền thông");
    assertThat(agency.documentation()).isEqualTo("Cơ quan \"chuyên môn\" của tỉnh");
    assertThat(agency.specialization()).isEqualTo("Agency");
    assertThat(agency.profile()).containsExactly(Map.entry("level", "province"));
    assertThat(agency.properties())
        .containsExactly(new Property("Địa chỉ", "Số 1; đường \"Nguyễn Thị Minh Khai\""));
    assertThat(e.get("j1").type()).isEqualTo("OrJunction");
    assertThat(e.get("j1").properties()).isEmpty(); // Junction_Type is no property

    Map<String, RelationshipData> r = relationships(m);
    assertThat(r).hasSize(6);
    assertThat(r.get("r-doc").type()).isEqualTo("Access");
    assertThat(r.get("r-doc").accessType()).isEqualTo("Read");
    assertThat(r.get("r-doc").properties()).isEmpty();
    assertThat(r.get("r-lien-ket").directed()).isTrue();
    assertThat(r.get("r-ha-tang").sourceId()).isEqualTo("id-2a9f");
    // an endpoint outside the files is in the model they are merged into
    assertThat(r.get("r-j-out").targetId()).isEqualTo("dv-ngoai");
    assertThat(m.externalProperties())
        .containsExactly(
            Map.entry("dv-ngoai", List.of(new Property("Ghi chú", "Dịch vụ của mô hình đích"))));
  }

  @ParameterizedTest
  @CsvSource({"',', false", "';', false", "'\t', true", "',', true"})
  void delimitersAndBom_ReadTheSameModel(char delimiter, boolean bom) {
    Map<String, byte[]> variant = new LinkedHashMap<>();
    fixture().forEach((name, b) -> variant.put(name, redelimit(b, delimiter, bom)));

    ImportedModel expected = read(fixture());
    ImportedModel m = read(variant);

    assertThat(m.model()).isEqualTo(expected.model());
    assertThat(withoutGeneratedIds(elements(m))).isEqualTo(withoutGeneratedIds(elements(expected)));
    assertThat(relationships(m)).isEqualTo(relationships(expected));
    assertThat(m.externalProperties()).isEqualTo(expected.externalProperties());
  }

  /** The fixture's file written again with another delimiter, with or without a BOM. */
  private static byte[] redelimit(byte[] utf8, char delimiter, boolean bom) {
    String text = new String(utf8, StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
    for (Csv.Row row : Csv.parse(text, ';')) {
      b.append(
              row.fields().stream()
                  .map(f -> '"' + f.replace("\"", "\"\"") + '"')
                  .collect(Collectors.joining(String.valueOf(delimiter))))
          .append("\r\n");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Elements keyed by name where their id was generated (it differs from read to read). */
  private static Map<String, ElementData> withoutGeneratedIds(Map<String, ElementData> e) {
    Map<String, ElementData> result = new LinkedHashMap<>();
    e.forEach((id, d) -> result.put(id.matches("id-[0-9a-f]{32}") ? "new:" + d.name() : id, d));
    return result;
  }

  @Test
  void filesInAZipFolderWithOtherFiles_AreFoundByTheirSuffix() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    fixture().forEach((name, b) -> files.put("export/" + name, b));
    files.put("export/", new byte[0]);
    files.put("export/README.txt", "x".getBytes(StandardCharsets.UTF_8));

    ImportedModel m = read(files);

    assertThat(elements(m)).hasSize(7);
    assertThat(m.locations()).contains("tra-vinh-elements.csv:4"); // the model row has 2 lines
    assertThat(m.warnings())
        .anySatisfy(
            w -> {
              assertThat(w.code()).isEqualTo("not-read");
              assertThat(w.message()).contains("export/README.txt");
            });
  }

  @Test
  void archiBefore49_HeadersWithoutSpecialization_AreRead() {
    ImportedModel m =
        read(
            text(
                "elements.csv",
                "\"ID\",\"Type\",\"Name\",\"Documentation\"\r\n\"a\",\"BusinessActor\",\"A\",\"\"",
                "relations.csv",
                "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\"\r\n"
                    + "\"r\",\"ServingRelationship\",\"\",\"\",\"a\",\"b\""));

    assertThat(elements(m)).containsOnlyKeys("a");
    assertThat(relationships(m).get("r").targetId()).isEqualTo("b");
  }

  // ============================================ errors ===========================================

  @Test
  void brokenQuoting_IsReportedWithFileAndLine_AllFilesAtOnce() {
    ProblemException e =
        refusal(
            text(
                "elements.csv",
                ELEMENTS_HEADER + "\"a\",\"BusinessActor\",\"A\",\"\",\"\"\r\n\"b\",\"Node\",\"B",
                "relations.csv",
                RELATIONS_HEADER + "\"r\",\"ServingRelationship\"x,\"\",\"\",\"a\",\"b\",\"\""));

    assertThat(e.status()).isEqualTo(422);
    assertThat(errors(e))
        .extracting(Problem.Error::line, Problem.Error::code)
        .containsExactlyInAnyOrder(
            tuple("elements.csv:3", "csv-syntax"), tuple("relations.csv:2", "csv-syntax"));
    assertThat(errors(e).get(0).message()).contains("quote");
  }

  @Test
  void unknownTypes_AreErrorsWithTheAllowedTypes() {
    ProblemException e =
        refusal(
            text(
                "elements.csv",
                ELEMENTS_HEADER
                    + "\"a\",\"BusinessActr\",\"A\",\"\",\"\"\r\n"
                    + "\"b\",\"business actor\",\"B\",\"\",\"\"\r\n"
                    + "\"c\",\"AndJunction\",\"C\",\"\",\"\"",
                "relations.csv",
                RELATIONS_HEADER + "\"r\",\"Assignment\",\"\",\"\",\"x\",\"y\",\"\""));

    Map<String, String> messages =
        errors(e).stream().collect(Collectors.toMap(Problem.Error::line, Problem.Error::message));
    assertThat(errors(e)).allMatch(err -> err.code().equals("unknown-type"));
    assertThat(messages.get("elements.csv:2"))
        .contains("'BusinessActr'", "BusinessActor, ", "Junction");
    assertThat(messages.get("elements.csv:3")).contains("Did you mean BusinessActor?");
    assertThat(messages.get("elements.csv:4")).contains("'AndJunction'");
    assertThat(messages.get("relations.csv:2")).contains("Did you mean AssignmentRelationship?");
  }

  @Test
  void wrongHeader_NamesFileLineAndTheExpectedHeader() {
    ProblemException e =
        refusal(text("m-elements.csv", "\"Id\",\"Kind\",\"Name\"\r\n\"a\",\"Node\",\"A\""));

    Problem.Error err = errors(e).get(0);
    assertThat(err.line()).isEqualTo("m-elements.csv:1");
    assertThat(err.code()).isEqualTo("header");
    assertThat(err.message())
        .contains("\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"");
  }

  @Test
  void invalidUtf8_NamesTheFileAndLine() {
    byte[] latin1 =
        (ELEMENTS_HEADER + "\"a\",\"BusinessActor\",\"Caf\u00e9\",\"\",\"\"")
            .getBytes(StandardCharsets.ISO_8859_1);
    ProblemException e = refusal(Map.of("elements.csv", latin1));

    Problem.Error err = errors(e).get(0);
    assertThat(err.line()).isEqualTo("elements.csv:2");
    assertThat(err.code()).isEqualTo("encoding");
    assertThat(err.message()).contains("not UTF-8", "0xE9");
  }

  @Test
  void noRecognisedFile_OrFilesOfDifferentSets_AreRefused() {
    ProblemException none = refusal(text("model.xlsx", "x"));
    assertThat(none.status()).isEqualTo(400);
    assertThat(errors(none).get(0).code()).isEqualTo("no-csv-files");
    assertThat(errors(none).get(0).message()).contains("model.xlsx", "elements.csv");

    ProblemException mixed =
        refusal(text("a-elements.csv", ELEMENTS_HEADER, "b-relations.csv", RELATIONS_HEADER));
    assertThat(mixed.status()).isEqualTo(400);
    assertThat(errors(mixed).get(0).code()).isEqualTo("prefix-mismatch");
    assertThat(errors(mixed).get(0).message()).contains("'a-'", "'b-'");
  }

  @Test
  void badPseudoPropertyValuesAndEmptyIds_AreErrors() {
    ProblemException e =
        refusal(
            text(
                "elements.csv",
                ELEMENTS_HEADER
                    + "\"a\",\"ApplicationComponent\",\"A\",\"\",\"\"\r\n"
                    + "\"d\",\"DataObject\",\"D\",\"\",\"\"\r\n"
                    + "\"j\",\"Junction\",\"\",\"\",\"\"",
                "relations.csv",
                RELATIONS_HEADER
                    + "\"r\",\"AccessRelationship\",\"\",\"\",\"a\",\"d\",\"\"\r\n"
                    + "\"s\",\"AssociationRelationship\",\"\",\"\",\"a\",\"\",\"\"",
                "properties.csv",
                PROPERTIES_HEADER
                    + "\"r\",\"Access_Type\",\"Writ\"\r\n"
                    + "\"j\",\"Junction_Type\",\"Xor\"\r\n"
                    + "\"\",\"k\",\"v\""));

    assertThat(errors(e))
        .extracting(Problem.Error::line, Problem.Error::code)
        .containsExactlyInAnyOrder(
            tuple("relations.csv:3", "endpoint"),
            tuple("properties.csv:2", "invalid-value"),
            tuple("properties.csv:3", "invalid-value"),
            tuple("properties.csv:4", "id"));
  }

  // ============================================ writer ===========================================

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static Element element(String id, ElementData d) {
    return new Element(id, "tv", d, 1, T, T);
  }

  private static Relationship relationship(String id, RelationshipData d) {
    return new Relationship(id, "tv", d, 1, T, T);
  }

  private static ElementData data(
      String type,
      String name,
      String doc,
      String spec,
      List<Property> props,
      Map<String, Object> profile,
      LocalDate from) {
    return new ElementData(
        type,
        name,
        "",
        doc,
        "",
        spec,
        props,
        profile,
        "",
        Optional.ofNullable(from),
        Optional.empty());
  }

  private static RelationshipData rel(
      String type,
      String source,
      String target,
      String name,
      String access,
      String strength,
      boolean directed,
      List<Property> props) {
    return new RelationshipData(
        type,
        source,
        target,
        name,
        "",
        "Tài liệu\r\n\"dòng 2\"",
        "",
        "",
        props,
        access,
        strength,
        directed,
        "");
  }

  private static ModelSnapshot snapshot() {
    List<Element> elements =
        List.of(
            element(
                "so-tttt",
                data(
                    "BusinessActor",
                    "Sở \"Thông tin\", Truyền thông",
                    "Dòng 1\r\nDòng 2\n\tthụt lề",
                    "Agency",
                    List.of(new Property("Địa chỉ", "Số 1\nTrà Vinh"), new Property("k", "")),
                    Map.of("level", "province", "isItUnit", true),
                    LocalDate.of(2008, 1, 1))),
            element(
                "tthc-1",
                data(
                    "BusinessProcess",
                    "Cấp giấy phép",
                    "",
                    "AdministrativeProcedure",
                    List.of(),
                    Map.of("fee", new BigDecimal("12500.50"), "annualVolume", 1200L),
                    null)),
            element("j-and", data("AndJunction", "Và", "", "", List.of(), Map.of(), null)),
            element("j-or", data("OrJunction", "Hoặc", "", "", List.of(), Map.of(), null)),
            element(
                "ud", data("ApplicationComponent", "Một cửa", "", "", List.of(), Map.of(), null)),
            element("hs", data("DataObject", "Hồ sơ", "", "", List.of(), Map.of(), null)),
            element("mt", data("Goal", "Mục tiêu", "", "", List.of(), Map.of(), null)));
    List<Relationship> relationships =
        List.of(
            relationship(
                "r-access",
                rel(
                    "Access",
                    "ud",
                    "hs",
                    "đọc",
                    "ReadWrite",
                    "",
                    false,
                    List.of(new Property("nguồn", "QĐ 1")))),
            relationship(
                "r-assoc", rel("Association", "so-tttt", "ud", "", "", "", true, List.of())),
            relationship(
                "r-assoc2", rel("Association", "ud", "r-access", "", "", "", false, List.of())),
            relationship(
                "r-infl", rel("Influence", "so-tttt", "mt", "", "", "++", false, List.of())),
            relationship(
                "r-trig1", rel("Triggering", "tthc-1", "j-and", "", "", "", false, List.of())),
            relationship(
                "r-trig2", rel("Triggering", "j-and", "tthc-1", "", "", "", false, List.of())));
    ModelData model =
        new ModelData(
            "Trà Vinh \"CSV\"",
            "",
            "Mục đích\r\nhai dòng",
            "",
            List.of(new Property("Phiên bản", "1.0"), new Property("Phiên bản", "1.1")),
            "und");
    return new ModelSnapshot(
        new ModelInfo("tv", model, 1, T, T, elements.size(), relationships.size()),
        7,
        List.of(),
        elements,
        relationships,
        List.of());
  }

  @Test
  void writeThenRead_GivesTheSameModel() {
    ModelSnapshot s = snapshot();

    ImportedModel m = read(ArchiCsvWriter.files(s, metamodel, "tv-"));

    assertThat(m.modelId()).isEqualTo("tv");
    assertThat(m.model()).isEqualTo(s.model().data());
    Map<String, ElementData> expectedElements = new LinkedHashMap<>();
    s.elements().forEach(e -> expectedElements.put(e.id(), e.data()));
    assertThat(elements(m)).isEqualTo(expectedElements);
    Map<String, RelationshipData> expectedRelationships = new LinkedHashMap<>();
    s.relationships().forEach(r -> expectedRelationships.put(r.id(), r.data()));
    assertThat(relationships(m)).isEqualTo(expectedRelationships);
    assertThat(m.externalProperties()).isEmpty();
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void write_BytesAreArchisFormat() {
    Map<String, byte[]> files = ArchiCsvWriter.files(snapshot(), metamodel, "");
    assertThat(files.keySet()).containsExactly("elements.csv", "relations.csv", "properties.csv");

    String elements = new String(files.get("elements.csv"), StandardCharsets.UTF_8);
    assertThat(files.get("elements.csv")[0]).isEqualTo((byte) '"'); // no byte order mark
    assertThat(elements)
        .startsWith(
            ELEMENTS_HEADER
                + "\"tv\",\"ArchimateModel\",\"Trà Vinh \"\"CSV\"\"\",\"Mục đích\r\nhai dòng\",\"\"\r\n"
                + "\"hs\",\"DataObject\",\"Hồ sơ\",\"\",\"\"\r\n")
        .contains("\"j-and\",\"Junction\",\"Và\",\"\",\"\"\r\n")
        .contains(
            "\"so-tttt\",\"BusinessActor\",\"Sở \"\"Thông tin\"\", Truyền thông\","
                + "\"Dòng 1\r\nDòng 2\n\tthụt lề\",\"Agency\"")
        .endsWith("\"\""); // Archi ends the last row without a line break

    String relations = new String(files.get("relations.csv"), StandardCharsets.UTF_8);
    assertThat(relations)
        .isEqualTo(
            RELATIONS_HEADER
                + "\"r-access\",\"AccessRelationship\",\"đọc\",\"Tài liệu\r\n\"\"dòng 2\"\"\",\"ud\",\"hs\",\"\"\r\n"
                + "\"r-assoc\",\"AssociationRelationship\",\"\",\"Tài liệu\r\n\"\"dòng 2\"\"\",\"so-tttt\",\"ud\",\"\"\r\n"
                + "\"r-assoc2\",\"AssociationRelationship\",\"\",\"Tài liệu\r\n\"\"dòng 2\"\"\",\"ud\",\"r-access\",\"\"\r\n"
                + "\"r-infl\",\"InfluenceRelationship\",\"\",\"Tài liệu\r\n\"\"dòng 2\"\"\",\"so-tttt\",\"mt\",\"\"\r\n"
                + "\"r-trig1\",\"TriggeringRelationship\",\"\",\"Tài liệu\r\n\"\"dòng 2\"\"\",\"tthc-1\",\"j-and\",\"\"\r\n"
                + "\"r-trig2\",\"TriggeringRelationship\",\"\",\"Tài liệu\r\n\"\"dòng 2\"\"\",\"j-and\",\"tthc-1\",\"\"");

    String properties = new String(files.get("properties.csv"), StandardCharsets.UTF_8);
    assertThat(properties)
        .isEqualTo(
            PROPERTIES_HEADER
                + "\"tv\",\"Phiên bản\",\"1.0\"\r\n"
                + "\"tv\",\"Phiên bản\",\"1.1\"\r\n"
                + "\"j-and\",\"Junction_Type\",\"And\"\r\n"
                + "\"j-or\",\"Junction_Type\",\"Or\"\r\n"
                + "\"so-tttt\",\"eams:validFrom\",\"2008-01-01\"\r\n"
                + "\"so-tttt\",\"isItUnit\",\"true\"\r\n"
                + "\"so-tttt\",\"level\",\"province\"\r\n"
                + "\"so-tttt\",\"Địa chỉ\",\"Số 1\nTrà Vinh\"\r\n"
                + "\"so-tttt\",\"k\",\"\"\r\n"
                + "\"tthc-1\",\"annualVolume\",\"1200\"\r\n"
                + "\"tthc-1\",\"fee\",\"12500.50\"\r\n"
                + "\"r-access\",\"nguồn\",\"QĐ 1\"\r\n"
                + "\"r-access\",\"Access_Type\",\"ReadWrite\"\r\n"
                + "\"r-assoc\",\"Directed\",\"true\"\r\n"
                + "\"r-assoc2\",\"Directed\",\"false\"\r\n"
                + "\"r-infl\",\"Influence_Strength\",\"++\"");
  }

  @Test
  void write_ToAZip_WithAPrefix() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ArchiCsvWriter.write(snapshot(), metamodel, "tra-vinh-", zip);
    }

    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    assertThat(entries.keySet())
        .containsExactly(
            "tra-vinh-elements.csv", "tra-vinh-relations.csv", "tra-vinh-properties.csv");
    assertThat(elements(read(entries))).hasSize(7);
    assertThat(new ArrayList<>(relationships(read(entries)).keySet())).hasSize(6);
  }
}
