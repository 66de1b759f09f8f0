package vn.eams.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message of the catalogue with {@code {name}} placeholders, parsed once so that filling it in
 * for each of many findings is a few appends.
 */
final class MessageTemplate {

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

  private final String ruleId;
  private final String language;
  private final List<String> texts = new ArrayList<>(); // texts.get(i) comes before names.get(i)
  private final List<String> names = new ArrayList<>();
  private final String tail;

  /** The template {@code text} of the rule {@code ruleId} in {@code language} (vi or en). */
  MessageTemplate(String ruleId, String language, String text) {
    this.ruleId = ruleId;
    this.language = language;
    Matcher m = PLACEHOLDER.matcher(text);
    int at = 0;
    while (m.find()) {
      texts.add(text.substring(at, m.start()));
      names.add(m.group(1));
      at = m.end();
    }
    tail = text.substring(at);
  }

  /** The placeholder names of {@code text}, sorted. */
  static TreeSet<String> placeholders(String text) {
    TreeSet<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /**
   * The message with every {@code {name}} replaced by {@code args.get("name." + language)} or else
   * {@code args.get("name")}.
   *
   * @throws IllegalArgumentException when {@code args} has no value for a placeholder
   */
  String fill(Map<String, String> args) {
    StringBuilder out = new StringBuilder(128);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      String value = args.get(name + "." + language);
      if (value == null) {
        value = args.get(name);
      }
      if (value == null) {
        throw new IllegalArgumentException(
            "the check " + ruleId + " gave no value for {" + name + "} of its message");
      }
      out.append(texts.get(i)).append(value);
    }
    return out.append(tail).toString();
  }
}
