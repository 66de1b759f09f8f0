package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** A valid copy of the shipped data plus the fixture profile, to be broken one row at a time. */
final class BrokenData {

  static final String MANIFEST = "manifest.tsv";
  static final String ELEMENTS = "archimate-3.2/elements.tsv";
  static final String RELATIONSHIPS = "archimate-3.2/relationship-types.tsv";
  static final String TABLE = "archimate-3.2/relationship-table.tsv";
  static final String VIEWPOINTS = "archimate-3.2/viewpoints.tsv";
  static final String PROPAGATION = "archimate-3.2/propagation.tsv";
  static final String PROFILE_DIR = "profiles/test-profile";
  static final String SPECIALIZATIONS = PROFILE_DIR + "/specializations.tsv";
  static final String PROPERTIES = PROFILE_DIR + "/properties.tsv";

  private BrokenData() {}

  /** Fills {@code root} with the shipped data and the fixture profile listed in the manifest. */
  static void prepare(Path root) {
    TestSupport.copyShippedTo(root);
    TestSupport.copyFixtureProfileTo(root.resolve(PROFILE_DIR));
    try {
      Files.writeString(
          root.resolve(MANIFEST), "profile\t" + PROFILE_DIR + "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One parameterized case: which file, what is wrong, how to break it, what to expect. */
  static Arguments broken(String file, String what, Breakage breakage, String expected) {
    return Arguments.of(file, what, breakage, expected);
  }

  /** Breaks {@code file} and asserts the load fails at exactly that file and line. */
  static void assertLoadFailsAt(
      Path root, String file, String what, Breakage breakage, String expected) throws IOException {
    Path path = root.resolve(file);
    int line = breakage.apply(path);

    MetamodelException e =
        catchThrowableOfType(
            MetamodelException.class, () -> MetamodelLoader.fromDirectory(root, List.of()));

    assertThat(e).as(what).isNotNull();
    assertThat(e.getMessage()).startsWith(path + ":" + line + ": ").contains(expected);
    assertThat(e.file()).isEqualTo(path.toString());
    assertThat(e.line()).isEqualTo(line);
  }
}
