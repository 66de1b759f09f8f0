package vn.eams.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the CSV files of Archi and of EAMS model packages.
 *
 * <p>Fields are separated by one delimiter character ({@code ,}, {@code ;} or TAB); a field may be
 * quoted with {@code "}, and a quote inside a quoted field is doubled. Quoted fields may span
 * lines; spaces or tabs between a closing quote and the next delimiter are ignored, as Archi's
 * parser ignores them. Records end with LF, CRLF or CR. A leading UTF-8 byte order mark is skipped.
 * Lines whose first character is {@code #} outside a quoted field are comments (Archi accepts them
 * too). Every record remembers the line it starts on, for error messages.
 */
public final class Csv {

  /** One record and the 1-based line it starts on. */
  public record Row(int line, List<String> fields) {

    /** The field at {@code i}, or "" when the record is shorter. */
    public String get(int i) {
      return i < fields.size() ? fields.get(i) : "";
    }
  }

  /** A syntax error at a line. */
  public static final class CsvException extends RuntimeException {
    private final int line;

    CsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    /** The 1-based line of the error. */
    public int line() {
      return line;
    }
  }

  private Csv() {}

  /** One CSV record: every field quoted (quotes doubled), separated by commas, no line end. */
  public static String quoted(List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(fields.get(i).replace("\"", "\"\"")).append('"');
    }
    return b.toString();
  }

  /** Guesses the delimiter from the header line: the most frequent of {@code , ; TAB}. */
  public static char sniffDelimiter(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    int commas = count(header, ',');
    int semis = count(header, ';');
    int tabs = count(header, '\t');
    if (tabs > commas && tabs > semis) {
      return '\t';
    }
    return semis > commas ? ';' : ',';
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** Parses the whole text into records; blank lines and comment lines are skipped. */
  public static List<Row> parse(String text, char delimiter) {
    List<Row> rows = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int n = text.length();
    int line = 1;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        i = skipNewline(text, i);
        line++;
        continue;
      }
      if (c == '#') {
        while (i < n && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      int startLine = line;
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean recordDone = false;
      while (!recordDone) {
        field.setLength(0);
        if (i < n && text.charAt(i) == '"') {
          i++;
          while (true) {
            if (i >= n) {
              throw new CsvException(startLine, "A quoted field is not closed before the end.");
            }
            char q = text.charAt(i);
            if (q == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                field.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            if (q == '\n' || (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
              line++;
            }
            field.append(q);
            i++;
          }
          while (i < n && isBlank(text.charAt(i), delimiter)) {
            i++; // Archi's parser (Commons CSV) ignores blanks after a closing quote
          }
          if (i < n
              && text.charAt(i) != delimiter
              && text.charAt(i) != '\r'
              && text.charAt(i) != '\n') {
            throw new CsvException(
                line,
                "Text follows the closing quote of a field; double the quote (\"\") to write one.");
          }
        } else {
          while (i < n) {
            char u = text.charAt(i);
            if (u == delimiter || u == '\r' || u == '\n') {
              break;
            }
            if (u == '"') {
              throw new CsvException(
                  line, "A quote inside an unquoted field; quote the whole field and double it.");
            }
            field.append(u);
            i++;
          }
        }
        fields.add(field.toString());
        if (i < n && text.charAt(i) == delimiter) {
          i++;
        } else {
          recordDone = true;
        }
      }
      rows.add(new Row(startLine, List.copyOf(fields)));
      if (i < n) {
        i = skipNewline(text, i);
        line++;
      }
    }
    return rows;
  }

  private static boolean isBlank(char c, char delimiter) {
    return (c == ' ' || c == '\t') && c != delimiter;
  }

  private static int skipNewline(String text, int i) {
    if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
      return i + 2;
    }
    return i + 1;
  }
}
