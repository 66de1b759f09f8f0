package vn.eams.compliance;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the configured severity overrides. */
final class Severities {

  private Severities() {}

  /**
   * The overrides by rule id.
   *
   * @throws IllegalArgumentException naming the rule whose value is not a severity
   */
  static Map<String, Severity> parse(Map<String, String> configured) {
    Map<String, Severity> m = new LinkedHashMap<>();
    configured.forEach(
        (id, value) ->
            m.put(
                id,
                Severity.of(value)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "eams.compliance.severity.\""
                                    + id
                                    + "\" is '"
                                    + value
                                    + "'; write error, warning or info."))));
    return Map.copyOf(m);
  }
}
