package vn.eams.metamodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed TSV data file: comment lines ({@code #}) and blank lines skipped, the first other line
 * is the header, every row has exactly the header's columns and no empty cell.
 */
record TsvFile(String name, int headerLine, List<String> header, List<Row> rows) {

  TsvFile {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** One data row with its 1-based line number. */
  record Row(String file, int line, List<String> header, List<String> cells) {

    String get(String column) {
      int i = header.indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException("no column " + column);
      }
      return cells.get(i);
    }

    String get(int index) {
      return cells.get(index);
    }

    MetamodelException error(String message) {
      return new MetamodelException(file, line, message);
    }

    MetamodelException error(String column, String message) {
      return new MetamodelException(file, line, "column '" + column + "': " + message);
    }

    /** "unknown {what} '{cell}' (use one of: {allowed})" for the cell of {@code column}. */
    MetamodelException unknown(String column, String what, String allowed) {
      return error(
          column, "unknown " + what + " '" + get(column) + "' (use one of: " + allowed + ")");
    }
  }

  MetamodelException error(int line, String message) {
    return new MetamodelException(name, line, message);
  }

  /**
   * Reads and parses {@code relative} from {@code source}; {@code expected} is the exact header, or
   * empty to accept any; {@code hint} says why the file is needed, for the not-found message.
   */
  static TsvFile read(MetamodelSource source, String relative, List<String> expected, String hint) {
    String name = source.describe(relative);
    List<String> lines =
        source
            .lines(relative)
            .orElseThrow(() -> new MetamodelException(name, "file not found (" + hint + ")"));
    return expected.isEmpty() ? parse(name, lines) : parse(name, lines, expected);
  }

  /** Parses {@code lines} and checks that the header is exactly {@code expected}. */
  static TsvFile parse(String name, List<String> lines, List<String> expected) {
    TsvFile file = parse(name, lines);
    if (!file.header.equals(expected)) {
      throw file.error(
          file.headerLine,
          "header is '"
              + String.join("<TAB>", file.header)
              + "' (it must be '"
              + String.join("<TAB>", expected)
              + "', columns separated by one TAB)");
    }
    return file;
  }

  /** Parses {@code lines}; the header is whatever the first non-comment line says. */
  static TsvFile parse(String name, List<String> lines) {
    List<String> header = null;
    int headerLine = 0;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String raw = i == 0 ? stripBom(lines.get(i)) : lines.get(i);
      if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> cells = split(raw);
      int line = i + 1;
      if (header == null) {
        header = cells;
        headerLine = line;
        checkHeader(name, line, header);
        continue;
      }
      if (cells.size() != header.size()) {
        throw new MetamodelException(
            name,
            line,
            "expected "
                + header.size()
                + " columns ("
                + String.join(", ", header)
                + ") but found "
                + cells.size()
                + " (separate columns with exactly one TAB; write '-' for an empty value)");
      }
      for (int c = 0; c < cells.size(); c++) {
        if (cells.get(c).isEmpty()) {
          throw new MetamodelException(
              name, line, "column '" + header.get(c) + "' is empty (write '-' for no value)");
        }
      }
      rows.add(new Row(name, line, header, cells));
    }
    if (header == null) {
      throw new MetamodelException(
          name, Math.max(1, lines.size()), "has no header line (add the column names first)");
    }
    return new TsvFile(name, headerLine, header, rows);
  }

  private static void checkHeader(String name, int line, List<String> header) {
    Map<String, Integer> seen = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      String column = header.get(c);
      if (column.isEmpty()) {
        throw new MetamodelException(
            name, line, "header column " + (c + 1) + " is empty (remove the extra TAB)");
      }
      if (seen.putIfAbsent(column, c) != null) {
        throw new MetamodelException(
            name, line, "column '" + column + "' appears twice in the header (keep one)");
      }
    }
  }

  private static List<String> split(String raw) {
    List<String> cells = new ArrayList<>();
    for (String cell : raw.split("\t", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
