package vn.eams.metamodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads relationship-table.tsv, the Appendix B matrix, into a {@link RelationshipTable}. */
final class RelationshipTableReader {

  static final String FILE = "relationship-table.tsv";
  static final String SOURCE_COLUMN = "source";

  private RelationshipTableReader() {}

  static RelationshipTable read(
      TsvFile file, List<ElementType> elements, List<RelationshipType> relationshipTypes) {
    List<String> concepts = new ArrayList<>();
    elements.stream().filter(e -> !e.isJunction()).forEach(e -> concepts.add(e.name()));
    concepts.add(Metamodel.JUNCTION);
    concepts.add(Metamodel.RELATIONSHIP);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < concepts.size(); i++) {
      index.put(concepts.get(i), i);
    }
    Map<Character, Integer> bits = new HashMap<>();
    for (int i = 0; i < relationshipTypes.size(); i++) {
      bits.put(relationshipTypes.get(i).letter(), i);
    }
    int n = concepts.size();
    int[] columns = columns(file, concepts, index, elements);
    int[] cells = new int[n * n];
    Map<Integer, Integer> rowLines = new HashMap<>();
    for (TsvFile.Row row : file.rows()) {
      String source = row.get(0);
      Integer s = index.get(source);
      if (s == null) {
        throw row.error(SOURCE_COLUMN, notAConcept(source, elements));
      }
      Integer first = rowLines.putIfAbsent(s, row.line());
      if (first != null) {
        throw row.error(
            SOURCE_COLUMN,
            "second row for '" + source + "', first on line " + first + " (merge them into one)");
      }
      for (int c = 1; c < row.cells().size(); c++) {
        cells[s * n + columns[c]] = mask(row, c, bits, relationshipTypes);
      }
    }
    for (int i = 0; i < n; i++) {
      if (!rowLines.containsKey(i)) {
        throw file.error(
            file.headerLine(),
            "no row for concept '"
                + concepts.get(i)
                + "' (add a row; every concept needs a row and a column)");
      }
    }
    for (ElementType e : elements) {
      if (e.isJunction()) {
        index.put(e.name(), index.get(Metamodel.JUNCTION));
      }
    }
    return new RelationshipTable(concepts, index, cells);
  }

  /** Maps each header column to its concept position, checking that every concept has one. */
  private static int[] columns(
      TsvFile file, List<String> concepts, Map<String, Integer> index, List<ElementType> elements) {
    List<String> header = file.header();
    if (!header.get(0).equals(SOURCE_COLUMN)) {
      throw file.error(
          file.headerLine(),
          "first header column is '" + header.get(0) + "' (it must be 'source')");
    }
    int[] columns = new int[header.size()];
    boolean[] seen = new boolean[index.size()];
    for (int c = 1; c < header.size(); c++) {
      Integer t = index.get(header.get(c));
      if (t == null) {
        throw file.error(
            file.headerLine(),
            "column '" + header.get(c) + "': " + notAConcept(header.get(c), elements));
      }
      columns[c] = t;
      seen[t] = true;
    }
    for (int i = 0; i < concepts.size(); i++) {
      if (!seen[i]) {
        throw file.error(
            file.headerLine(),
            "no column for concept '"
                + concepts.get(i)
                + "' (add a column; every concept needs a row and a column)");
      }
    }
    return columns;
  }

  private static String notAConcept(String name, List<ElementType> elements) {
    boolean junction = elements.stream().anyMatch(e -> e.isJunction() && e.name().equals(name));
    return junction
        ? "'" + name + "' is a junction (junctions share the concept '" + Metamodel.JUNCTION + "')"
        : "unknown concept '"
            + name
            + "' (use an element type from elements.tsv, '"
            + Metamodel.JUNCTION
            + "' or '"
            + Metamodel.RELATIONSHIP
            + "')";
  }

  private static int mask(
      TsvFile.Row row, int c, Map<Character, Integer> bits, List<RelationshipType> types) {
    String cell = row.get(c);
    if (cell.equals("-")) {
      return 0;
    }
    int mask = 0;
    for (char letter : cell.toCharArray()) {
      Integer bit = bits.get(letter);
      if (bit == null) {
        String known =
            types.stream().map(t -> String.valueOf(t.letter())).collect(Collectors.joining(" "));
        throw row.error(
            row.header().get(c),
            "unknown relationship letter '"
                + letter
                + "' in '"
                + cell
                + "' (use letters from relationship-types.tsv: "
                + known
                + ", or '-' for none)");
      }
      if ((mask & (1 << bit)) != 0) {
        throw row.error(
            row.header().get(c), "letter '" + letter + "' twice in '" + cell + "' (keep one)");
      }
      mask |= 1 << bit;
    }
    return mask;
  }
}
