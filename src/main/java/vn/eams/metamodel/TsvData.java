package vn.eams.metamodel;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a TSV data file kept beside the metamodel (for example {@code metamodel/rules/checks.tsv})
 * with the conventions of metamodel/README.md: TAB separated, {@code #} comments, {@code -} for
 * none, the exact header required, and every error as a {@link MetamodelException} naming {@code
 * file:line}.
 */
public final class TsvData {

  private TsvData() {}

  /** One data row with the file it came from and its 1-based line number. */
  public record Row(String file, int line, List<String> header, List<String> cells) {

    public Row {
      header = List.copyOf(header);
      cells = List.copyOf(cells);
    }

    /** The trimmed cell of {@code column}. */
    public String get(String column) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return cells.get(i);
    }

    /** A problem with this row's cell in {@code column}: {@code file:line: column 'c': message}. */
    public MetamodelException error(String column, String message) {
      return new MetamodelException(file, line, "column '" + column + "': " + message);
    }
  }

  /**
   * The rows of the classpath resource {@code resource} (e.g. {@code metamodel/rules/checks.tsv});
   * {@code hint} says why the file is needed, for the not-found message.
   */
  public static List<Row> fromClasspath(
      ClassLoader loader, String resource, List<String> columns, String hint) {
    return rows(TsvFile.read(MetamodelSource.classpath(loader, ""), resource, columns, hint));
  }

  /** The rows of the file {@code file} on disk. */
  public static List<Row> fromFile(Path file, List<String> columns, String hint) {
    Path parent = file.getParent() == null ? Path.of("") : file.getParent();
    MetamodelSource dir = MetamodelSource.directory(parent);
    return rows(TsvFile.read(dir, file.getFileName().toString(), columns, hint));
  }

  /** The rows of {@code lines}, named {@code name} in errors. */
  public static List<Row> parse(String name, List<String> lines, List<String> columns) {
    return rows(TsvFile.parse(name, lines, columns));
  }

  private static List<Row> rows(TsvFile file) {
    return file.rows().stream()
        .map(r -> new Row(r.file(), r.line(), r.header(), r.cells()))
        .toList();
  }
}
