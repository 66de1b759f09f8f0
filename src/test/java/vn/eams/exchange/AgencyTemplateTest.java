package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.ElementData;
import vn.eams.model.ModelOperation;
import vn.eams.model.RelationshipData;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

class AgencyTemplateTest {

  private static final String GENERATED_ID = "id-[0-9a-f]{32}";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private static Metamodel metamodel;

  @BeforeAll
  static void load() {
    metamodel = MetamodelLoader.fromDirectory(Path.of("metamodel"), List.of());
  }

  private static Path templates() {
    return Path.of("import/templates");
  }

  private static Path fixtures() {
    return Path.of(System.getProperty("test.tests.dir", "tests")).resolve("fixtures/templates");
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImportedModel read(Path dir, String... names) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : names) {
      files.put(name, bytes(dir.resolve(name)));
    }
    return AgencyTemplateReader.read(files, "test", metamodel);
  }

  private static List<ModelOperation.CreateElement> elements(ImportedModel m) {
    return m.operations().stream()
        .filter(ModelOperation.CreateElement.class::isInstance)
        .map(ModelOperation.CreateElement.class::cast)
        .toList();
  }

  private static List<RelationshipData> relationships(ImportedModel m) {
    return m.operations().stream()
        .filter(ModelOperation.CreateRelationship.class::isInstance)
        .map(o -> ((ModelOperation.CreateRelationship) o).data())
        .toList();
  }

  private static ElementData only(ImportedModel m) {
    List<ModelOperation.CreateElement> elements = elements(m);
    assertThat(elements).hasSize(1);
    assertThat(elements.get(0).id()).matches(GENERATED_ID);
    ElementData e = elements.get(0).data();
    assertThat(metamodel.specialization(e.specialization()).orElseThrow().validate(e.profile()))
        .as("the typed values pass the profile's own validation")
        .isEmpty();
    return e;
  }

  private static List<Problem.Error> problems(Path dir, String... names) {
    try {
      read(dir, names);
    } catch (ProblemException e) {
      assertThat(e.status()).isEqualTo(422);
      return e.toProblem().errors();
    }
    throw new AssertionError("expected a problem");
  }

  // ---- the shipped templates ----------------------------------------------------------------

  @Test
  void everyShippedTemplateIsSpreadsheetFriendlyAndHasTheReadersHeaders() {
    for (AgencyTemplate t : AgencyTemplate.ALL) {
      byte[] content = bytes(templates().resolve(t.fileName()));
      assertThat(Arrays.copyOf(content, 3)).as(t.fileName() + " starts with a BOM").isEqualTo(BOM);
      String text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
      assertThat(text.replace("\r\n", "")).as(t.fileName() + " uses CRLF").doesNotContain("\n");
      String[] lines = text.split("\r\n");
      assertThat(lines).as(t.fileName()).hasSize(3);
      List<String> header =
          Csv.parse(lines[0], ',').get(0).fields().stream().map(String::strip).toList();
      assertThat(header).as(t.fileName()).isEqualTo(t.headers());
      assertThat(lines[1]).as("comment row of " + t.fileName()).startsWith("# ");
      assertThat(Csv.parse(lines[2], ',').get(0).fields()).hasSize(header.size());
    }
  }

  @Test
  void applicationTemplateGivesAnApplicationComponentWithTypedValues() {
    ImportedModel m = read(templates(), "ung-dung.csv");

    assertThat(m.format()).isEqualTo(AgencyTemplateReader.FORMAT);
    assertThat(m.partial()).isTrue();
    assertThat(m.locations()).containsExactly("ung-dung.csv:3");
    ElementData e = only(m);
    assertThat(e.type()).isEqualTo("ApplicationComponent");
    assertThat(e.specialization()).isEqualTo("Application");
    assertThat(e.name()).isEqualTo("Hệ thống quản lý hồ sơ người có công");
    assertThat(e.nameEn()).isEqualTo("Information system for people with meritorious services");
    assertThat(e.documentation()).startsWith("Quản lý hồ sơ, chế độ trợ cấp");
    assertThat(e.profile())
        .containsEntry("applicationGroup", "sectoral")
        .containsEntry("owner", "tv-agency-so-ldtbxh")
        .containsEntry("operator", "tv-agency-so-tttt")
        .containsEntry("securityLevel", 2L)
        .containsEntry("securityApprovalDecision", "125/QĐ-SLĐTBXH")
        .containsEntry("securityApprovalDate", "2023-03-15")
        .containsEntry("ssoIntegrated", true)
        .containsEntry("lgspIntegrated", true)
        .containsEntry("lifecycle", "current")
        .containsEntry("sourcing", "invest")
        .containsEntry("armCode", "ARM.02.05")
        .containsEntry("vendor", "Công ty Cổ phần Phần mềm Ví dụ")
        .containsEntry("ipv6Ready", false)
        .containsEntry("goLiveDate", "2021-07-01")
        .doesNotContainKey("catalogueNumber");
    assertThat(relationships(m)).as("the owner is the profile property 'owner'").isEmpty();
  }

  @Test
  void databaseTemplateGivesADataObjectOwnedThroughAnAssociation() {
    ImportedModel m = read(templates(), "co-so-du-lieu.csv");

    ElementData e = only(m);
    assertThat(e.type()).isEqualTo("DataObject");
    assertThat(e.specialization()).isEqualTo("Database");
    assertThat(e.profile())
        .containsEntry("databaseClass", "sectoral")
        .containsEntry("masterData", false)
        .containsEntry("drmCode", "DRM001.004")
        .containsEntry("recordCount", 125000L)
        .containsKey("updateMechanism")
        .doesNotContainKey("owningMinistry");
    assertOwnedBy(m, "tv-agency-so-tu-phap");
  }

  @Test
  void sharingServiceTemplateGivesAnApplicationService() {
    ImportedModel m = read(templates(), "dich-vu-chia-se.csv");

    ElementData e = only(m);
    assertThat(e.type()).isEqualTo("ApplicationService");
    assertThat(e.specialization()).isEqualTo("SharingService");
    assertThat(e.profile())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "sharingClass", "default",
                "route", "lgsp",
                "protocol", "rest",
                "dataFormat", "json",
                "registeredNationally", true));
    assertOwnedBy(m, "tv-agency-so-tu-phap");
  }

  @Test
  void infrastructureTemplateGivesACommunicationNetwork() {
    ImportedModel m = read(templates(), "ha-tang.csv");

    ElementData e = only(m);
    assertThat(e.type()).isEqualTo("CommunicationNetwork");
    assertThat(e.specialization()).isEqualTo("Network");
    assertThat(e.profile())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "networkKind", "specialisedDataNetwork",
                "bandwidth", "100 Mbps",
                "provider", "Cục Bưu điện Trung ương"));
    assertOwnedBy(m, "tv-agency-so-tttt");
  }

  private static void assertOwnedBy(ImportedModel m, String agency) {
    String elementId = elements(m).get(0).id();
    assertThat(relationships(m))
        .extracting(
            RelationshipData::type,
            RelationshipData::sourceId,
            RelationshipData::targetId,
            RelationshipData::name)
        .containsExactly(tuple("Association", agency, elementId, "chủ quản"));
    String targetType = elements(m).get(0).data().type();
    assertThat(metamodel.isAllowed("Association", "BusinessActor", targetType)).isTrue();
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void allTemplatesReadTogether() {
    ImportedModel m =
        read(
            templates(), "ung-dung.csv", "co-so-du-lieu.csv", "dich-vu-chia-se.csv", "ha-tang.csv");

    assertThat(elements(m))
        .extracting(c -> c.data().specialization())
        .containsExactlyInAnyOrder("Application", "Database", "SharingService", "Network");
    assertThat(relationships(m)).hasSize(3);
  }

  @Test
  void aTemplateIsRecognisedByItsHeaderWhateverItsFileName() {
    Map<String, byte[]> files =
        Map.of("kê khai 2025 (1).csv", bytes(templates().resolve("dich-vu-chia-se.csv")));

    ImportedModel m = AgencyTemplateReader.read(files, "test", metamodel);

    assertThat(only(m).specialization()).isEqualTo("SharingService");
    assertThat(m.locations())
        .as("the element and its owner Association")
        .containsExactly("kê khai 2025 (1).csv:3", "kê khai 2025 (1).csv:3");
  }

  // ---- encodings and delimiters -------------------------------------------------------------

  @Test
  void aFileWithoutBomReadsTheSame() {
    byte[] withBom = bytes(templates().resolve("ung-dung.csv"));
    byte[] withoutBom = Arrays.copyOfRange(withBom, 3, withBom.length);

    ElementData a =
        only(AgencyTemplateReader.read(Map.of("ung-dung.csv", withBom), "bom", metamodel));
    ElementData b =
        only(AgencyTemplateReader.read(Map.of("ung-dung.csv", withoutBom), "no-bom", metamodel));

    assertThat(b).isEqualTo(a);
    assertThat(a.profile()).containsEntry("applicationGroup", "sectoral");
  }

  @Test
  void semicolonDelimitedFileAsSavedByExcelInVietnameseLocale() {
    ImportedModel m = read(fixtures(), "co-so-du-lieu-cham-phay.csv");

    List<ModelOperation.CreateElement> elements = elements(m);
    assertThat(elements)
        .extracting(ModelOperation.CreateElement::id)
        .containsExactly("csdl-ho-tich");
    ElementData e = elements.get(0).data();
    assertThat(e.documentation()).isEqualTo("Bản sao điện tử; sổ hộ tịch");
    assertThat(e.profile())
        .containsEntry("databaseClass", "national")
        .containsEntry("owningMinistry", "tv-agency-bo-tu-phap")
        .containsEntry("masterData", true)
        .containsEntry("recordCount", 1_250_000L)
        .containsEntry("updateMechanism", "Cán bộ tư pháp cấp xã cập nhật, Sở Tư pháp rà soát");
    assertThat(relationships(m))
        .extracting(RelationshipData::sourceId, RelationshipData::targetId)
        .containsExactly(tuple("tv-agency-so-tu-phap", "csdl-ho-tich"));
  }

  @Test
  void tabDelimitedFileReads() {
    String text =
        "Mã\tTên\tLoại hạ tầng\tCấp Tier\tCơ quan chủ quản\r\n"
            + "tt-du-lieu\tTrung tâm tích hợp dữ liệu\tdatacentre\t3\ttv-agency-so-tttt\r\n";

    ImportedModel m =
        AgencyTemplateReader.read(
            Map.of("ha-tang.tsv", text.getBytes(StandardCharsets.UTF_8)), "tab", metamodel);

    ElementData e = elements(m).get(0).data();
    assertThat(e.type()).isEqualTo("Facility");
    assertThat(e.specialization()).isEqualTo("DataCentre");
    assertThat(e.profile())
        .containsEntry("tier", 3L)
        .as("DataCentre has the profile property 'owner'")
        .containsEntry("owner", "tv-agency-so-tttt");
    assertThat(relationships(m)).isEmpty();
  }

  @Test
  void invalidUtf8IsRejectedWithItsLine() {
    String header = "Mã,Tên,Nhóm ứng dụng\r\n# ghi chú\r\n";
    byte[] utf8 = header.getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = "ud-1,Café,business\r\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] mixed = Arrays.copyOf(utf8, utf8.length + latin1.length);
    System.arraycopy(latin1, 0, mixed, utf8.length, latin1.length);

    List<Problem.Error> errors = problemsOf(Map.of("ung-dung.csv", mixed));

    assertThat(errors)
        .extracting(Problem.Error::line, Problem.Error::code)
        .containsExactly(tuple("ung-dung.csv:3", "encoding"));
    assertThat(errors.get(0).message()).contains("UTF-8", "0xE9", "CSV UTF-8");
  }

  @Test
  void utf16IsRejected() {
    byte[] utf16 = "Mã,Tên\r\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);

    assertThat(problemsOf(Map.of("ung-dung.csv", withBom)))
        .extracting(Problem.Error::code, e -> e.message().contains("UTF-16"))
        .containsExactly(tuple("encoding", true));
  }

  // ---- every problem at once ----------------------------------------------------------------

  @Test
  void everyProblemOfEveryRowIsReportedAtOnce() {
    List<Problem.Error> errors = problems(fixtures(), "ung-dung-loi.csv", "ha-tang-loi.csv");

    assertThat(errors)
        .extracting(Problem.Error::line, Problem.Error::field, Problem.Error::code)
        .as("sorted by file, then line")
        .containsExactly(
            tuple("ha-tang-loi.csv:2", "Cấp Tier", "not-applicable"),
            tuple("ha-tang-loi.csv:3", "Loại hạ tầng", "enum"),
            tuple("ha-tang-loi.csv:4", "Cấp Tier", "range"),
            tuple("ha-tang-loi.csv:4", "Cơ quan chủ quản", "reference"),
            tuple("ung-dung-loi.csv:1", "Ghi chú", "unknown-column"),
            tuple("ung-dung-loi.csv:3", "Tên", "required"),
            tuple("ung-dung-loi.csv:4", "Nhóm ứng dụng", "enum"),
            tuple("ung-dung-loi.csv:5", "Cấp độ an toàn", "range"),
            tuple("ung-dung-loi.csv:6", "Ngày đưa vào vận hành", "date"),
            tuple("ung-dung-loi.csv:7", null, "csv-syntax"),
            tuple("ung-dung-loi.csv:8", "Cơ quan chủ quản", "reference"),
            tuple("ung-dung-loi.csv:9", "Mã", "duplicate-id"),
            tuple("ung-dung-loi.csv:10", "Cấp độ an toàn", "integer"),
            tuple("ung-dung-loi.csv:12", "Nhóm ứng dụng", "required"));
  }

  @Test
  void messagesNameTheColumnAndTheAllowedValues() {
    Map<String, String> messages = new LinkedHashMap<>();
    for (Problem.Error e : problems(fixtures(), "ung-dung-loi.csv", "ha-tang-loi.csv")) {
      messages.put(e.line() + " " + e.field(), e.message());
    }

    assertThat(messages.get("ung-dung-loi.csv:1 Ghi chú"))
        .contains("Các cột cho phép: Mã, Tên, Tên tiếng Anh", "Ngày đưa vào vận hành");
    assertThat(messages.get("ung-dung-loi.csv:3 Tên")).contains("bắt buộc", "required");
    assertThat(messages.get("ung-dung-loi.csv:4 Nhóm ứng dụng"))
        .contains("'nghiep-vu'", "một trong business, commonTechnical, sectoral")
        .contains("Allowed: one of business, commonTechnical, sectoral");
    assertThat(messages.get("ung-dung-loi.csv:5 Cấp độ an toàn"))
        .contains("'9'", "số nguyên từ 1 đến 5", "a whole number from 1 to 5");
    assertThat(messages.get("ung-dung-loi.csv:6 Ngày đưa vào vận hành"))
        .contains("'31/02/2021'", "dd/MM/yyyy", "yyyy-MM-dd");
    assertThat(messages.get("ung-dung-loi.csv:7 null")).contains("ngoặc kép", "quot");
    assertThat(messages.get("ung-dung-loi.csv:8 Cơ quan chủ quản"))
        .contains("'Sở Tư pháp'", "BusinessActor", "tv-agency-so-tttt");
    assertThat(messages.get("ung-dung-loi.csv:9 Mã")).contains("ung-dung-loi.csv:3");
    assertThat(messages.get("ung-dung-loi.csv:12 Nhóm ứng dụng"))
        .contains("bắt buộc", "business, commonTechnical, sectoral");
    assertThat(messages.get("ha-tang-loi.csv:2 Cấp Tier")).contains("DataCentre", "Network");
    assertThat(messages.get("ha-tang-loi.csv:3 Loại hạ tầng"))
        .contains(
            "'Server'",
            "Network, DataCentre, ServerRoom, EndUserEquipment, Node, Device, SystemSoftware");
    assertThat(messages.get("ha-tang-loi.csv:4 Cơ quan chủ quản"))
        .contains("ud-loi-09", "ApplicationComponent", "ung-dung-loi.csv:11");
  }

  @Test
  void theProblemCarriesTheRowsIdAndSaysNothingWasImported() {
    ProblemException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProblemException.class, () -> read(fixtures(), "ung-dung-loi.csv"));

    assertThat(e.getMessage()).contains("10 lỗi", "nothing was imported");
    assertThat(e.toProblem().errors())
        .filteredOn(p -> "ung-dung-loi.csv:5".equals(p.line()))
        .extracting(Problem.Error::id)
        .containsExactly("ud-loi-03");
  }

  @Test
  void missingRequiredColumnsAndAnUnrecognisedFileAreReported() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "ung-dung.csv",
        "Mã,Tên tiếng Anh,Cấp độ an toàn\r\nx,App,2\r\n".getBytes(StandardCharsets.UTF_8));
    files.put(
        "danh-sach.csv", "STT,Họ và tên\r\n1,Nguyễn Văn A\r\n".getBytes(StandardCharsets.UTF_8));

    assertThat(problemsOf(files))
        .extracting(Problem.Error::line, Problem.Error::field, Problem.Error::code)
        .containsExactlyInAnyOrder(
            tuple("danh-sach.csv:1", null, "unknown-template"),
            tuple("ung-dung.csv:1", "Tên", "missing-column"),
            tuple("ung-dung.csv:1", "Nhóm ứng dụng", "missing-column"));
  }

  @Test
  void noFileIsAProblem() {
    assertThatThrownBy(() -> AgencyTemplateReader.read(Map.of(), "empty", metamodel))
        .isInstanceOf(ProblemException.class)
        .extracting(e -> ((ProblemException) e).toProblem().errors().get(0).code())
        .isEqualTo("no-files");
  }

  private static List<Problem.Error> problemsOf(Map<String, byte[]> files) {
    try {
      AgencyTemplateReader.read(files, "test", metamodel);
    } catch (ProblemException e) {
      return e.toProblem().errors();
    }
    throw new AssertionError("expected a problem");
  }
}
