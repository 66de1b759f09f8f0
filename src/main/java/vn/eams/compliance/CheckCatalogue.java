package vn.eams.compliance;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.eams.metamodel.MetamodelException;
import vn.eams.metamodel.TsvData;

/**
 * The catalogue of model checks, {@code metamodel/rules/checks.tsv}: per check its id, default
 * severity, titles, message templates, fix hints and basis (format in metamodel/README.md). A bad
 * row fails the load with {@code file:line}.
 */
public final class CheckCatalogue {

  /** Where the application finds the catalogue on the classpath. */
  public static final String RESOURCE = "metamodel/rules/checks.tsv";

  static final List<String> COLUMNS =
      List.of(
          "id",
          "severity",
          "title_vi",
          "title_en",
          "message_vi",
          "message_en",
          "hint_vi",
          "hint_en",
          "basis");

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
  private static final String HINT = "the catalogue of model checks";

  /**
   * One row: the rule (kind CHECK) and its message templates.
   *
   * @param line the row's 1-based line in {@link CheckCatalogue#source()}
   */
  public record Entry(Rule rule, String messageVi, String messageEn, int line) {}

  private final String source;
  private final Map<String, Entry> entries;

  private CheckCatalogue(String source, Map<String, Entry> entries) {
    this.source = source;
    this.entries = entries;
  }

  /** The catalogue the application ships, read from the classpath ({@link #RESOURCE}). */
  public static CheckCatalogue fromClasspath(ClassLoader loader) {
    return of(RESOURCE, TsvData.fromClasspath(loader, RESOURCE, COLUMNS, HINT));
  }

  /** A catalogue file on disk, e.g. {@code Path.of("metamodel/rules/checks.tsv")} in tests. */
  public static CheckCatalogue fromFile(Path file) {
    return of(file.toString(), TsvData.fromFile(file, COLUMNS, HINT));
  }

  /** A catalogue from the lines of a file called {@code name} in errors. */
  public static CheckCatalogue parse(String name, List<String> lines) {
    return of(name, TsvData.parse(name, lines, COLUMNS));
  }

  private static CheckCatalogue of(String source, List<TsvData.Row> rows) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (TsvData.Row row : rows) {
      Entry e = entry(row);
      Entry first = entries.putIfAbsent(e.rule().id(), e);
      if (first != null) {
        throw row.error(
            "id",
            "'"
                + e.rule().id()
                + "' is already the id of line "
                + first.line()
                + " (every check has one row)");
      }
    }
    return new CheckCatalogue(source, entries);
  }

  private static Entry entry(TsvData.Row row) {
    String id = row.get("id");
    if (!ID.matcher(id).matches()) {
      throw row.error(
          "id",
          "'"
              + id
              + "' is not a dotted id (lower-case words joined by '.', e.g."
              + " archimate.empty-view)");
    }
    Severity severity =
        Severity.of(row.get("severity"))
            .orElseThrow(
                () ->
                    row.error(
                        "severity",
                        "unknown severity '"
                            + row.get("severity")
                            + "' (use one of: error, warning, info)"));
    for (String column : List.of("title_vi", "title_en", "message_vi", "message_en")) {
      if (row.get(column).equals("-")) {
        throw row.error(column, "is required (write the text)");
      }
    }
    TreeSet<String> vi = MessageTemplate.placeholders(row.get("message_vi"));
    TreeSet<String> en = MessageTemplate.placeholders(row.get("message_en"));
    if (!vi.equals(en)) {
      throw row.error(
          "message_en",
          "uses the placeholders "
              + en
              + " but message_vi uses "
              + vi
              + " (both messages must use the same ones)");
    }
    Rule rule =
        new Rule(
            id,
            Rule.Kind.CHECK,
            severity,
            row.get("title_vi"),
            row.get("title_en"),
            orEmpty(row.get("hint_vi")),
            orEmpty(row.get("hint_en")),
            orEmpty(row.get("basis")));
    return new Entry(rule, row.get("message_vi"), row.get("message_en"), row.line());
  }

  private static String orEmpty(String cell) {
    return cell.equals("-") ? "" : cell;
  }

  /** Where the catalogue was read from, for messages. */
  public String source() {
    return source;
  }

  /** The rows in file order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The row of the check {@code id}. */
  public Optional<Entry> entry(String id) {
    return Optional.ofNullable(entries.get(id));
  }

  /** A problem of the catalogue as a whole, e.g. a check without a row. */
  MetamodelException error(String message) {
    return new MetamodelException(source, message);
  }

  /** A problem with the row of {@code entry}. */
  MetamodelException error(Entry entry, String message) {
    return new MetamodelException(source, entry.line(), message);
  }
}
