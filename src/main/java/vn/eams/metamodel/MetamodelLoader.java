package vn.eams.metamodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the metamodel from its data files (listed in {@code manifest.tsv}), failing fast with a
 * {@link MetamodelException} that names {@code file:line} for any bad row.
 */
public final class MetamodelLoader {

  /** The manifest file name, at the metamodel root. */
  public static final String MANIFEST = "manifest.tsv";

  static final List<String> MANIFEST_COLUMNS = List.of("kind", "path");

  private static final Pattern ARCHIMATE_DIR = Pattern.compile("archimate-([0-9]+(\\.[0-9]+)*)");
  private static final Pattern RELATIVE_PATH =
      Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  private MetamodelLoader() {}

  /**
   * Loads from the classpath folder {@code root} (e.g. {@code "metamodel"}), then each profile
   * folder of {@code extraProfileDirs} (filesystem paths, may be empty).
   */
  public static Metamodel fromClasspath(
      ClassLoader loader, String root, List<String> extraProfileDirs) {
    return load(
        MetamodelSource.classpath(loader, root), extraProfileDirs.stream().map(Path::of).toList());
  }

  /**
   * Loads from the directory {@code root}, then each profile folder of {@code extraProfileDirs}.
   */
  public static Metamodel fromDirectory(Path root, List<Path> extraProfileDirs) {
    return load(MetamodelSource.directory(root), extraProfileDirs);
  }

  private static Metamodel load(MetamodelSource root, List<Path> extraProfileDirs) {
    Manifest manifest = Manifest.read(root);
    TsvFile.Row archimate = manifest.archimate();
    Matcher version =
        ARCHIMATE_DIR.matcher(Path.of(archimate.get("path")).getFileName().toString());
    if (!version.matches()) {
      throw archimate.error("path", "folder name must be archimate-<version>, e.g. archimate-3.2");
    }
    MetamodelSource dir = root.resolve(archimate.get("path"));
    String hint = "listed in " + archimate.file() + ":" + archimate.line();
    List<ElementType> elements =
        ArchimateReader.elements(
            TsvFile.read(dir, ArchimateReader.ELEMENTS, ArchimateReader.ELEMENT_COLUMNS, hint));
    List<RelationshipType> relationshipTypes =
        ArchimateReader.relationshipTypes(
            TsvFile.read(
                dir,
                ArchimateReader.RELATIONSHIP_TYPES,
                ArchimateReader.RELATIONSHIP_COLUMNS,
                hint));
    RelationshipTable table =
        RelationshipTableReader.read(
            TsvFile.read(dir, RelationshipTableReader.FILE, List.of(), hint),
            elements,
            relationshipTypes);
    List<Viewpoint> viewpoints =
        ViewpointReader.read(
            TsvFile.read(dir, ViewpointReader.FILE, ViewpointReader.COLUMNS, hint), elements);

    ProfileReader profileReader = new ProfileReader(elements);
    List<ProfileReader.Loaded> loaded = new ArrayList<>();
    for (TsvFile.Row row : manifest.profiles()) {
      loaded.add(
          profileReader.read(
              root.resolve(row.get("path")), "listed in " + row.file() + ":" + row.line()));
    }
    for (Path extra : extraProfileDirs) {
      loaded.add(
          profileReader.read(MetamodelSource.directory(extra), "extra profile folder " + extra));
    }
    return new Metamodel(
        version.group(1),
        elements,
        relationshipTypes,
        table,
        viewpoints,
        loaded.stream().map(ProfileReader.Loaded::profile).toList(),
        loaded.stream().flatMap(l -> l.specializations().stream()).toList(),
        PropagationReader.read(
            TsvFile.read(dir, PropagationReader.FILE, PropagationReader.COLUMNS, hint),
            relationshipTypes));
  }

  /** The rows of manifest.tsv: exactly one archimate folder and the profile folders in order. */
  private record Manifest(TsvFile.Row archimate, List<TsvFile.Row> profiles) {

    static Manifest read(MetamodelSource root) {
      TsvFile file =
          TsvFile.read(
              root, MANIFEST, MANIFEST_COLUMNS, "the metamodel root must contain " + MANIFEST);
      Optional<TsvFile.Row> archimate = Optional.empty();
      List<TsvFile.Row> profiles = new ArrayList<>();
      Map<String, Integer> paths = new HashMap<>();
      for (TsvFile.Row row : file.rows()) {
        String path = row.get("path");
        if (!RELATIVE_PATH.matcher(path).matches() || path.contains("..")) {
          throw row.error(
              "path", "'" + path + "' is not a relative folder path (e.g. profiles/vn-egov)");
        }
        Integer first = paths.putIfAbsent(path, row.line());
        if (first != null) {
          throw row.error(
              "path", "'" + path + "' is already listed on line " + first + " (remove this row)");
        }
        switch (row.get("kind")) {
          case "archimate" -> {
            if (archimate.isPresent()) {
              throw row.error(
                  "kind",
                  "second archimate row, first on line "
                      + archimate.get().line()
                      + " (list exactly one)");
            }
            archimate = Optional.of(row);
          }
          case "profile" -> profiles.add(row);
          default -> throw row.unknown("kind", "kind", "archimate, profile");
        }
      }
      TsvFile.Row row =
          archimate.orElseThrow(
              () ->
                  file.error(
                      file.headerLine(), "no archimate row (add: archimate<TAB>archimate-3.2)"));
      return new Manifest(row, profiles);
    }
  }
}
