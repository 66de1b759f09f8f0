package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Known cells of Appendix B (tests/fixtures/metamodel/known-cells.tsv); needs no corpus. */
class KnownCellsTest {

  static Stream<Arguments> knownCells() throws IOException {
    Path file = TestSupport.fixtures().resolve("known-cells.tsv");
    List<String> lines = Files.readAllLines(file);
    TsvFile tsv =
        TsvFile.parse(
            file.toString(), lines, List.of("relationship", "source", "target", "allowed"));
    return tsv.rows().stream()
        .map(
            r ->
                Arguments.of(
                    r.get("relationship"),
                    r.get("source"),
                    r.get("target"),
                    Boolean.parseBoolean(r.get("allowed")),
                    r.line()));
  }

  @ParameterizedTest(name = "{0} {1} -> {2} allowed={3} (line {4})")
  @MethodSource("knownCells")
  void isAllowed_MatchesTheSpecification_ForKnownCell(
      String relationship, String source, String target, boolean allowed, int line) {
    assertThat(TestSupport.shipped().isAllowed(relationship, source, target))
        .as("known-cells.tsv:%d %s %s -> %s", line, relationship, source, target)
        .isEqualTo(allowed);
  }
}
