package vn.eams.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.MetamodelLoader;
import vn.eams.model.ModelOperation;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

class ModelPackageTest {

  private static Metamodel metamodel;

  @BeforeAll
  static void load() {
    Path tests = Path.of(System.getProperty("test.tests.dir", "tests"));
    metamodel =
        MetamodelLoader.fromDirectory(
            Path.of("metamodel"),
            List.of(tests.resolve("fixtures/metamodel/profiles/test-profile")));
  }

  private static Function<String, Optional<String>> small() {
    Path tests = Path.of(System.getProperty("test.tests.dir", "tests"));
    return ModelLoader.folder(tests.resolve("fixtures/model-package/small"));
  }

  @Test
  void read_SmallPackage_ModelRowElementsEnglishNamesAndRelationshipOrder() {
    ModelPackage p = ModelPackage.read("small", small(), metamodel);
    assertThat(p.modelId()).isEqualTo("small");
    assertThat(p.model().name()).isEqualTo("Mô hình nhỏ");
    assertThat(p.model().documentation()).isEqualTo("Tài liệu \"mẫu\"\nhai dòng");
    assertThat(p.model().nameEn()).isEqualTo("Small model");
    assertThat(p.model().properties()).extracting(x -> x.key()).containsExactly("Nguồn");
    List<String> ids = p.operations().stream().map(ModelOperation::id).toList();
    // r2 ends on r1, so r1 comes first although the file lists r2 first
    assertThat(ids).containsExactly("a1", "c1", "s1", "r1", "r2");
    ModelOperation.CreateElement a1 = (ModelOperation.CreateElement) p.operations().get(0);
    assertThat(a1.data().nameEn()).isEqualTo("Department of Justice");
    assertThat(a1.data().properties()).extracting(x -> x.value()).containsExactly("000.00.01.H60");
    ModelOperation.CreateRelationship r2 =
        (ModelOperation.CreateRelationship) p.operations().get(4);
    assertThat(r2.data().type()).isEqualTo("Association");
    assertThat(r2.data().directed()).isTrue();
    assertThat(r2.data().properties()).isEmpty();
  }

  @Test
  void read_TypedProfileProperties_AreConvertedToTheirDeclaredTypes() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "elements.csv",
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\n"
            + "\"m\",\"ArchimateModel\",\"M\",\"\",\"\"\n"
            + "\"is\",\"ApplicationComponent\",\"Một cửa\",\"\",\"InformationSystem\"\n");
    files.put(
        "properties.csv",
        "\"ID\",\"Key\",\"Value\"\n"
            + "\"is\",\"securityLevel\",\"3\"\n"
            + "\"is\",\"annualCost\",\"12.5\"\n"
            + "\"is\",\"isShared\",\"true\"\n"
            + "\"is\",\"owner\",\"Sở TT&TT\"\n"
            + "\"is\",\"free\",\"x\"\n");
    ModelPackage p = ModelPackage.read("mem", n -> Optional.ofNullable(files.get(n)), metamodel);
    ModelOperation.CreateElement is = (ModelOperation.CreateElement) p.operations().get(0);
    assertThat(is.data().profile())
        .containsEntry("securityLevel", 3L)
        .containsEntry("annualCost", new BigDecimal("12.5"))
        .containsEntry("isShared", true)
        .containsEntry("owner", "Sở TT&TT");
    assertThat(is.data().properties()).extracting(x -> x.key()).containsExactly("free");
  }

  @Test
  void read_BrokenPackage_ReportsEveryProblemWithFileAndLine() {
    Map<String, String> files = new HashMap<>();
    files.put(
        "elements.csv",
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\n"
            + "\"m\",\"ArchimateModel\",\"M\",\"\",\"\"\n"
            + "\"a\",\"BusinessActorr\",\"A\",\"\",\"\"\n"
            + "\"b\",\"BusinessActor\",\"B\",\"\",\"NoSuchKind\"\n"
            + "\"c\",\"BusinessActor\",\"C\",\"\",\"\"\n"
            + "\"c\",\"BusinessActor\",\"C2\",\"\",\"\"\n");
    files.put(
        "relations.csv",
        "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Source\",\"Target\",\"Specialization\"\n"
            + "\"r\",\"ServingRelationship\",\"\",\"\",\"c\",\"nowhere\",\"\"\n"
            + "\"q\",\"UsedByRelationship\",\"\",\"\",\"c\",\"c\",\"\"\n");
    files.put("properties.csv", "\"ID\",\"Key\"\n");
    assertThatThrownBy(
            () -> ModelPackage.read("mem", n -> Optional.ofNullable(files.get(n)), metamodel))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              List<Problem.Error> errors = ((ProblemException) e).toProblem().errors();
              assertThat(errors)
                  .extracting(Problem.Error::line)
                  .containsExactlyInAnyOrder(
                      "properties.csv:1",
                      "elements.csv:3",
                      "elements.csv:4",
                      "elements.csv:6",
                      "relations.csv:3",
                      "relations.csv:2");
              assertThat(errors)
                  .extracting(Problem.Error::code)
                  .contains(
                      "header",
                      "unknown-type",
                      "unknown-specialization",
                      "duplicate-id",
                      "unknown-endpoint");
            });
  }

  @Test
  void read_MissingElementsFileOrModelRow_IsRefused() {
    assertThatThrownBy(() -> ModelPackage.read("empty", n -> Optional.empty(), metamodel))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("nothing was loaded");
    assertThatThrownBy(
            () ->
                ModelPackage.read(
                    "norow",
                    n ->
                        n.equals("elements.csv")
                            ? Optional.of(
                                "\"ID\",\"Type\",\"Name\",\"Documentation\",\"Specialization\"\n"
                                    + "\"a\",\"BusinessActor\",\"A\",\"\",\"\"\n")
                            : Optional.empty(),
                    metamodel))
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e ->
                assertThat(((ProblemException) e).toProblem().errors())
                    .extracting(Problem.Error::code)
                    .containsExactly("model-row"));
  }
}
