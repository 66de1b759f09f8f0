package vn.eams.metamodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** One way to break a copy of a data file; returns the 1-based line the loader must report. */
@FunctionalInterface
interface Breakage {

  int apply(Path file) throws IOException;

  private static List<String> read(Path file) throws IOException {
    return new ArrayList<>(Files.readAllLines(file));
  }

  private static int indexOfRow(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix);
  }

  private static int headerIndex(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank() && !lines.get(i).startsWith("#")) {
        return i;
      }
    }
    throw new AssertionError("no header");
  }

  static Breakage replaceRow(String prefix, UnaryOperator<String> change) {
    return file -> {
      List<String> lines = read(file);
      int i = indexOfRow(lines, prefix);
      String changed = change.apply(lines.get(i));
      assertThat(changed).as("the breakage changes the row").isNotEqualTo(lines.get(i));
      lines.set(i, changed);
      Files.write(file, lines);
      return i + 1;
    };
  }

  static Breakage append(String row) {
    return file -> {
      List<String> lines = read(file);
      lines.add(row);
      Files.write(file, lines);
      return lines.size();
    };
  }

  static Breakage duplicateRow(String prefix) {
    return file -> {
      List<String> lines = read(file);
      lines.add(lines.get(indexOfRow(lines, prefix)));
      Files.write(file, lines);
      return lines.size();
    };
  }

  static Breakage removeRowReportHeader(String prefix) {
    return file -> {
      List<String> lines = read(file);
      lines.remove(indexOfRow(lines, prefix));
      Files.write(file, lines);
      return headerIndex(lines) + 1;
    };
  }

  static Breakage removeColumn(String concept) {
    return file -> {
      List<String> lines = read(file);
      int header = headerIndex(lines);
      int column = Arrays.asList(lines.get(header).split("\t")).indexOf(concept);
      for (int i = header; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split("\t", -1)));
          cells.remove(column);
          lines.set(i, String.join("\t", cells));
        }
      }
      Files.write(file, lines);
      return header + 1;
    };
  }

  static Breakage replaceCell(String source, String target, String letters) {
    return file -> {
      List<String> lines = read(file);
      int column = Arrays.asList(lines.get(headerIndex(lines)).split("\t")).indexOf(target);
      return replaceRow(
              source + "\t",
              row -> {
                String[] cells = row.split("\t", -1);
                cells[column] = letters;
                return Arrays.stream(cells).collect(Collectors.joining("\t"));
              })
          .apply(file);
    };
  }
}
