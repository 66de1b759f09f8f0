package vn.eams.model;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Text rules shared by the model: names, search keys, ids. */
public final class Text {

  /** Longest accepted name (vi or en), in characters. */
  public static final int MAX_NAME = 500;

  /** Longest accepted id. */
  public static final int MAX_ID = 128;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private Text() {}

  /**
   * The search key of a text: lower case, Vietnamese diacritics removed (đ → d), so that "Sở Thông
   * tin" and "so thong tin" match.
   */
  public static String foldKey(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String stripped = MARKS.matcher(decomposed).replaceAll("");
    return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(java.util.Locale.ROOT);
  }

  /** True when the id can be used as an XML NCName (exchange format) and in URLs. */
  public static boolean isValidId(String id) {
    return id != null && id.length() <= MAX_ID && ID.matcher(id).matches();
  }

  /** A new id in Archi's style: "id-" and 32 hex digits. */
  public static String newId() {
    return "id-" + java.util.UUID.randomUUID().toString().replace("-", "");
  }

  /** Null-safe empty string. */
  static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
