package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.eams.metamodel.Breakage.append;
import static vn.eams.metamodel.Breakage.replaceRow;
import static vn.eams.metamodel.BrokenData.PROPERTIES;
import static vn.eams.metamodel.BrokenData.SPECIALIZATIONS;
import static vn.eams.metamodel.BrokenData.broken;

import java.io.IOException;
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
 * Every kind of bad row in a profile (specializations.tsv, properties.tsv) fails the load with
 * {@code file:line: what (fix)}; each case breaks one line of a copy of the fixture profile.
 */
class ProfileLoaderErrorTest {

  @TempDir Path root;

  @BeforeEach
  void copyValidData() {
    BrokenData.prepare(root);
  }

  static Stream<Arguments> brokenRows() {
    return Stream.of(
        broken(
            SPECIALIZATIONS,
            "unknown element type",
            replaceRow("DataCenter\t", r -> r.replace("\tNode\t", "\tServer\t")),
            "column 'element_type': unknown element type 'Server'"),
        broken(
            SPECIALIZATIONS,
            "junction as element type",
            replaceRow("DataCenter\t", r -> r.replace("\tNode\t", "\tAndJunction\t")),
            "unknown element type 'AndJunction'"),
        broken(
            SPECIALIZATIONS,
            "duplicate id",
            append("DataCenter\tDevice\tTrung tâm\tCentre\t-"),
            "duplicate specialization id 'DataCenter'"),
        // profile: properties.tsv
        broken(
            PROPERTIES,
            "unknown type",
            replaceRow(
                "InformationSystem\tsecurityLevel", r -> r.replace("\tinteger\t", "\tint\t")),
            "column 'type': unknown type 'int'"),
        broken(
            PROPERTIES,
            "bad range",
            replaceRow("InformationSystem\tsecurityLevel", r -> r.replace("1..5", "1..five")),
            "bound 'five'"),
        broken(
            PROPERTIES,
            "inverted range",
            replaceRow("InformationSystem\tsecurityLevel", r -> r.replace("1..5", "5..1")),
            "min greater than max"),
        broken(
            PROPERTIES,
            "fractional integer bound",
            replaceRow("InformationSystem\tsecurityLevel", r -> r.replace("1..5", "1.5..5")),
            "not a whole number"),
        broken(
            PROPERTIES,
            "enum without values",
            replaceRow(
                "InformationSystem\thostingModel",
                r -> r.replace("onPremise|dataCenter|cloud", "-")),
            "enum needs its values"),
        broken(
            PROPERTIES,
            "empty enum value",
            replaceRow(
                "InformationSystem\thostingModel", r -> r.replace("onPremise|", "onPremise||")),
            "empty value"),
        broken(
            PROPERTIES,
            "bad max length",
            replaceRow("InformationSystem\towner", r -> r.replace("..100", "100")),
            "not a maximum length"),
        broken(
            PROPERTIES,
            "constraint on boolean",
            replaceRow("InformationSystem\tisShared", r -> r.replace("\t-\t", "\ttrue\t")),
            "takes no constraint"),
        broken(
            PROPERTIES,
            "unknown element in constraint",
            replaceRow("InformationSystem\trunsOn", r -> r.replace("|Device|", "|Server|")),
            "column 'constraint': unknown element type 'Server'"),
        broken(
            PROPERTIES,
            "core field name",
            replaceRow("InformationSystem\towner", r -> r.replace("\towner\t", "\tname\t")),
            "clashes with a core element field"),
        broken(
            PROPERTIES,
            "duplicate property",
            append("InformationSystem\towner\tstring\tfalse\t-\tChủ quản\tOwner"),
            "'owner' is defined twice"),
        broken(
            PROPERTIES,
            "not lowerCamelCase",
            replaceRow("InformationSystem\towner", r -> r.replace("\towner\t", "\tOwner_name\t")),
            "lowerCamelCase"),
        broken(
            PROPERTIES,
            "required not boolean",
            replaceRow("InformationSystem\towner", r -> r.replace("\ttrue\t", "\tyes\t")),
            "'yes' is not a boolean"),
        broken(
            PROPERTIES,
            "unknown specialization",
            append("Server\tcores\tinteger\tfalse\t1..\tSố lõi\tCores"),
            "unknown specialization 'Server'"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenRows")
  void fromDirectory_ThrowsWithFileAndLine_WhenRowIsBroken(
      String file, String what, Breakage breakage, String expected) throws IOException {
    BrokenData.assertLoadFailsAt(root, file, what, breakage, expected);
  }

  @Test
  void fromDirectory_ReportsTheSecondCopy_WhenTheSameProfileIsLoadedTwice(@TempDir Path other) {
    TestSupport.copyFixtureProfileTo(other);

    assertThatThrownBy(() -> MetamodelLoader.fromDirectory(root, List.of(other)))
        .isInstanceOf(MetamodelException.class)
        .hasMessageStartingWith(other.resolve("profile.tsv") + ":")
        .hasMessageContaining("duplicate profile id 'test-profile', already defined at");
  }
}
