package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.eams.metamodel.Breakage.append;
import static vn.eams.metamodel.Breakage.duplicateRow;
import static vn.eams.metamodel.Breakage.removeColumn;
import static vn.eams.metamodel.Breakage.removeRowReportHeader;
import static vn.eams.metamodel.Breakage.replaceCell;
import static vn.eams.metamodel.Breakage.replaceRow;
import static vn.eams.metamodel.BrokenData.ELEMENTS;
import static vn.eams.metamodel.BrokenData.MANIFEST;
import static vn.eams.metamodel.BrokenData.PROPAGATION;
import static vn.eams.metamodel.BrokenData.RELATIONSHIPS;
import static vn.eams.metamodel.BrokenData.TABLE;
import static vn.eams.metamodel.BrokenData.VIEWPOINTS;
import static vn.eams.metamodel.BrokenData.broken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad row in the ArchiMate files and the manifest fails the load with {@code
 * file:line: what (fix)}; each case breaks one line of a valid copy.
 */
class LoaderErrorTest {

  @TempDir Path root;

  @BeforeEach
  void copyValidData() {
    BrokenData.prepare(root);
  }

  static Stream<Arguments> brokenRows() {
    return Stream.of(
        // elements.tsv
        broken(
            ELEMENTS,
            "unknown layer",
            replaceRow("Node\t", r -> r.replace("Technology", "Technolgy")),
            "unknown layer 'Technolgy'"),
        broken(
            ELEMENTS,
            "unknown aspect",
            replaceRow("Node\t", r -> r.replace("ActiveStructure", "Active")),
            "unknown aspect 'Active'"),
        broken(
            ELEMENTS,
            "duplicate type",
            append("Node\tTechnology\tActiveStructure\tNút\tNode"),
            "duplicate type 'Node'"),
        broken(
            ELEMENTS,
            "missing column",
            replaceRow("Node\t", r -> r.substring(0, r.lastIndexOf('\t'))),
            "expected 5 columns"),
        broken(
            ELEMENTS,
            "reserved name",
            append("Junction\tOther\tConnector\tĐiểm nối\tJunction"),
            "'Junction' is reserved"),
        broken(
            ELEMENTS,
            "wrong header",
            replaceRow("type\t", r -> r.replace("type", "kind")),
            "header is"),
        // relationship-types.tsv
        broken(
            RELATIONSHIPS,
            "unknown category",
            replaceRow("Flow\t", r -> r.replace("Dynamic", "Dynamics")),
            "unknown category 'Dynamics'"),
        broken(
            RELATIONSHIPS,
            "duplicate letter",
            replaceRow("Flow\t", r -> r.replace("\tf\t", "\tt\t")),
            "letter 't' is already used on line"),
        broken(
            RELATIONSHIPS,
            "duplicate type",
            append("Flow\tx\tDynamic\tLuồng\tFlow\t-"),
            "duplicate type 'Flow'"),
        broken(
            RELATIONSHIPS,
            "unknown attribute type",
            replaceRow("Association\t", r -> r.replace(":boolean", ":bool")),
            "unknown type 'bool'"),
        broken(
            RELATIONSHIPS,
            "bad attribute default",
            replaceRow("Access\t", r -> r.replace("=Access", "=Delete")),
            "bad default 'Delete'"),
        // relationship-table.tsv
        broken(
            TABLE,
            "unknown letter",
            replaceCell("Node", "Device", "cgx"),
            "column 'Device': unknown relationship letter 'x'"),
        broken(TABLE, "repeated letter", replaceCell("Node", "Device", "cc"), "letter 'c' twice"),
        broken(
            TABLE,
            "unknown row concept",
            replaceRow("Node\t", r -> "Nodes" + r.substring(4)),
            "unknown concept 'Nodes'"),
        broken(
            TABLE,
            "unknown column concept",
            replaceRow("source\t", r -> r.replace("\tNode\t", "\tNodes\t")),
            "unknown concept 'Nodes'"),
        broken(
            TABLE,
            "junction column",
            replaceRow("source\t", r -> r.replace("\tJunction\t", "\tAndJunction\t")),
            "'AndJunction' is a junction"),
        broken(TABLE, "missing row", removeRowReportHeader("Gap\t"), "no row for concept 'Gap'"),
        broken(TABLE, "missing column", removeColumn("Gap"), "no column for concept 'Gap'"),
        broken(TABLE, "second row", duplicateRow("Node\t"), "second row for 'Node'"),
        broken(TABLE, "wrong cell count", replaceRow("Node\t", r -> r + "\to"), "columns"),
        // viewpoints.tsv
        broken(
            VIEWPOINTS,
            "unknown element type",
            replaceRow("Organization\t", r -> r.replace("BusinessActor", "BusinesActor")),
            "unknown element type 'BusinesActor'"),
        broken(
            VIEWPOINTS,
            "unknown token",
            replaceRow("ApplicationCooperation\t", r -> r.replace("@Application", "@Aplication")),
            "unknown token '@Aplication'"),
        broken(
            VIEWPOINTS,
            "unknown category",
            replaceRow("Organization\t", r -> r.replace("Composition", "Compositon")),
            "unknown category 'Compositon'"),
        broken(
            VIEWPOINTS,
            "duplicate id",
            append("Organization\tComposition\tTổ chức 2\tOrganization 2\tBusinessActor"),
            "duplicate viewpoint id 'Organization'"),
        // propagation.tsv
        broken(
            PROPAGATION,
            "unknown relationship type",
            replaceRow("Serving\tremoved", r -> r.replace("Serving", "Serves")),
            "unknown relationship type 'Serves'"),
        broken(
            PROPAGATION,
            "unknown change",
            replaceRow("Serving\tremoved", r -> r.replace("removed", "deleted")),
            "unknown change 'deleted'"),
        broken(
            PROPAGATION,
            "unknown reach",
            replaceRow("Serving\tremoved", r -> r.replace("valid", "vaild")),
            "unknown reach 'vaild'"),
        broken(
            PROPAGATION,
            "duplicate row",
            duplicateRow("Serving\tremoved"),
            "duplicate row for Serving / removed"),
        broken(
            PROPAGATION,
            "missing row",
            removeRowReportHeader("Serving\tremoved"),
            "no row for Serving / removed"),
        // manifest.tsv
        broken(MANIFEST, "unknown kind", append("plugin\tplugins/x"), "unknown kind 'plugin'"),
        broken(
            MANIFEST,
            "second archimate row",
            append("archimate\tarchimate-3.1"),
            "second archimate row"),
        broken(
            MANIFEST,
            "path escaping the root",
            append("profile\t../elsewhere"),
            "is not a relative folder path"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenRows")
  void fromDirectory_ThrowsWithFileAndLine_WhenRowIsBroken(
      String file, String what, Breakage breakage, String expected) throws IOException {
    BrokenData.assertLoadFailsAt(root, file, what, breakage, expected);
  }

  @Test
  void fromDirectory_NamesTheManifestLine_WhenProfileFolderIsMissing() throws IOException {
    int line = append("profile\tprofiles/missing").apply(root.resolve(MANIFEST));

    assertThatThrownBy(() -> MetamodelLoader.fromDirectory(root, List.of()))
        .isInstanceOf(MetamodelException.class)
        .hasMessageStartingWith(root.resolve("profiles/missing/profile.tsv") + ": file not found")
        .hasMessageContaining(root.resolve(MANIFEST) + ":" + line);
  }

  @Test
  void fromDirectory_Throws_WhenManifestIsMissing() throws IOException {
    Files.delete(root.resolve(MANIFEST));

    assertThatThrownBy(() -> MetamodelLoader.fromDirectory(root, List.of()))
        .isInstanceOf(MetamodelException.class)
        .hasMessageContaining("manifest.tsv: file not found");
  }

  @Test
  void fromDirectory_Throws_WhenFileIsNotUtf8() throws IOException {
    Path elements = root.resolve(ELEMENTS);
    byte[] latin1 = Files.readString(elements).getBytes(StandardCharsets.ISO_8859_1);
    Files.write(elements, latin1);

    assertThatThrownBy(() -> MetamodelLoader.fromDirectory(root, List.of()))
        .isInstanceOf(MetamodelException.class)
        .hasMessageStartingWith(elements + ": is not valid UTF-8");
  }

  @Test
  void fromDirectory_Loads_WhenFilesHaveWindowsLineEndingsAndBom() throws IOException {
    for (String file : List.of(ELEMENTS, TABLE)) {
      Path path = root.resolve(file);
      Files.writeString(path, "\uFEFF" + Files.readString(path).replace("\n", "\r\n"));
    }

    Metamodel metamodel = MetamodelLoader.fromDirectory(root, List.of());

    assertThat(metamodel.elementTypes()).hasSize(62);
    assertThat(metamodel.isAllowed("Serving", "ApplicationComponent", "BusinessProcess")).isTrue();
    assertThat(metamodel.specializations())
        .extracting(Specialization::id)
        .contains("InformationSystem", "DataCenter", "SharedService", "Agency");
  }
}
