package vn.eams.compliance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a message template's placeholders; a value may differ per language, given as {@code
 * name.vi} and {@code name.en}.
 */
final class Args {

  private final Map<String, String> values = new LinkedHashMap<>();

  /** The same value in every language. */
  Args put(String name, String value) {
    values.put(name, value);
    return this;
  }

  /** One value per language. */
  Args put(String name, String vi, String en) {
    values.put(name + ".vi", vi);
    values.put(name + ".en", en);
    return this;
  }

  Map<String, String> map() {
    return values;
  }
}
