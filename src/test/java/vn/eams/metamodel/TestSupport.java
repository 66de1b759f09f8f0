package vn.eams.metamodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locations shared by the metamodel tests and copies of the shipped data for broken variants. */
final class TestSupport {

  /** The shipped data files, relative to the metamodel root. */
  static final List<String> SHIPPED_FILES =
      List.of(
          "manifest.tsv",
          "archimate-3.2/elements.tsv",
          "archimate-3.2/relationship-types.tsv",
          "archimate-3.2/relationship-table.tsv",
          "archimate-3.2/viewpoints.tsv",
          "archimate-3.2/propagation.tsv",
          "profiles/vn-egov/profile.tsv",
          "profiles/vn-egov/specializations.tsv",
          "profiles/vn-egov/properties.tsv");

  static final List<String> PROFILE_FILES =
      List.of("profile.tsv", "specializations.tsv", "properties.tsv");

  private static Metamodel shipped;

  private TestSupport() {}

  /** The reference corpus folder ({@code test.shared.dir}, default {@code ../shared}). */
  static Path sharedDir() {
    return Path.of(System.getProperty("test.shared.dir", "../shared"));
  }

  /** The project's tests folder ({@code test.tests.dir}, default {@code tests}). */
  static Path testsDir() {
    return Path.of(System.getProperty("test.tests.dir", "tests"));
  }

  /** Our own fixtures for the metamodel tests. */
  static Path fixtures() {
    return testsDir().resolve("fixtures/metamodel");
  }

  static Path fixtureProfile() {
    return fixtures().resolve("profiles/test-profile");
  }

  /** The shipped metamodel, loaded once from the classpath folder {@code metamodel}. */
  static synchronized Metamodel shipped() {
    if (shipped == null) {
      shipped = MetamodelLoader.fromClasspath(classLoader(), "metamodel", List.of());
    }
    return shipped;
  }

  static ClassLoader classLoader() {
    return TestSupport.class.getClassLoader();
  }

  /** Copies the shipped data files from the classpath into {@code root}. */
  static void copyShippedTo(Path root) {
    for (String file : SHIPPED_FILES) {
      try (InputStream in = classLoader().getResourceAsStream("metamodel/" + file)) {
        if (in == null) {
          throw new IllegalStateException("metamodel/" + file + " is not on the test classpath");
        }
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.write(target, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Copies the fixture profile into {@code target}. */
  static void copyFixtureProfileTo(Path target) {
    try {
      Files.createDirectories(target);
      for (String file : PROFILE_FILES) {
        Files.copy(fixtureProfile().resolve(file), target.resolve(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
