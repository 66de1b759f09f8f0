package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.platform.Problem;

/**
 * Reads request JSON field by field and collects every type error with its path, so that a client
 * learns all that is wrong with a body at once.
 */
final class JsonInput {

  private final JsonNode node;
  private final String path;
  private final List<Problem.Error> errors;

  JsonInput(JsonNode node, String path, List<Problem.Error> errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  /** Reads a JSON object at the root, reporting a non-object. */
  static JsonInput root(JsonNode node, List<Problem.Error> errors) {
    if (node == null || !node.isObject()) {
      errors.add(Problem.Error.field("", "not-an-object", "The body must be a JSON object."));
    }
    return new JsonInput(node, "", errors);
  }

  boolean has(String field) {
    return node != null && node.has(field);
  }

  JsonNode raw(String field) {
    return node == null ? null : node.get(field);
  }

  JsonInput object(String field) {
    JsonNode v = raw(field);
    if (v != null && !v.isNull() && !v.isObject()) {
      error(field, "wrong-type", "must be a JSON object");
    }
    return new JsonInput(v != null && v.isObject() ? v : null, where(field), errors);
  }

  String text(String field, String fallback) {
    JsonNode v = raw(field);
    if (v == null) {
      return fallback;
    }
    if (v.isNull()) {
      return "";
    }
    if (!v.isTextual()) {
      error(field, "wrong-type", "must be a string");
      return fallback;
    }
    return v.asText();
  }

  boolean bool(String field, boolean fallback) {
    JsonNode v = raw(field);
    if (v == null) {
      return fallback;
    }
    if (v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      error(field, "wrong-type", "must be true or false");
      return fallback;
    }
    return v.asBoolean();
  }

  /** A non-negative integer, or -1 when absent. */
  long version(String field) {
    JsonNode v = raw(field);
    if (v == null || v.isNull()) {
      return -1;
    }
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
      error(field, "wrong-type", "must be a non-negative integer (the version you read)");
      return -1;
    }
    return v.asLong();
  }

  Optional<LocalDate> date(String field, Optional<LocalDate> fallback) {
    JsonNode v = raw(field);
    if (v == null) {
      return fallback;
    }
    if (v.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(v.asText()));
    } catch (DateTimeParseException e) {
      error(field, "wrong-type", "must be a date written YYYY-MM-DD");
      return fallback;
    }
  }

  List<Property> properties(String field, List<Property> fallback) {
    JsonNode v = raw(field);
    if (v == null) {
      return fallback;
    }
    if (v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      error(field, "wrong-type", "must be an array of {\"key\": ..., \"value\": ...}");
      return fallback;
    }
    List<Property> result = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode p = v.get(i);
      String at = field + "[" + i + "]";
      if (!p.isObject()
          || !p.path("key").isTextual()
          || !(p.path("value").isTextual()
              || p.path("value").isMissingNode()
              || p.path("value").isNull())) {
        error(at, "wrong-type", "must be an object with a string 'key' and a string 'value'");
        continue;
      }
      Iterator<String> names = p.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!n.equals("key") && !n.equals("value")) {
          error(at + "." + n, "unknown-field", "a property has only 'key' and 'value'");
        }
      }
      result.add(
          new Property(
              p.get("key").asText(), p.path("value").isTextual() ? p.get("value").asText() : ""));
    }
    return result;
  }

  /** Typed profile values: an object of scalars (numbers, strings, booleans). */
  Map<String, Object> profile(String field, Map<String, Object> fallback) {
    JsonNode v = raw(field);
    if (v == null) {
      return fallback;
    }
    if (v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      error(field, "wrong-type", "must be an object of typed property values");
      return fallback;
    }
    Map<String, Object> result = new LinkedHashMap<>(fallback);
    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> en = it.next();
      JsonNode x = en.getValue();
      if (x.isNull()) {
        result.remove(en.getKey());
      } else if (x.isIntegralNumber()) {
        result.put(en.getKey(), x.asLong());
      } else if (x.isNumber()) {
        result.put(en.getKey(), new BigDecimal(x.asText()));
      } else if (x.isBoolean()) {
        result.put(en.getKey(), x.asBoolean());
      } else if (x.isTextual()) {
        result.put(en.getKey(), x.asText());
      } else {
        error(field + "." + en.getKey(), "wrong-type", "must be a number, string or boolean");
      }
    }
    return result;
  }

  /** An integer in [min, max], or null when absent; a wrong value is reported. */
  Integer integer(String field, int min, int max) {
    JsonNode v = raw(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
      error(field, "out-of-range", "must be a whole number from " + min + " to " + max);
      return null;
    }
    return v.asInt();
  }

  /** Points {@code [{"x": 1, "y": 2}, ...]} with coordinates in [min, max], or null when absent. */
  List<int[]> points(String field, int min, int max) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      error(field, "wrong-type", "must be an array of points {\"x\": …, \"y\": …}");
      return null;
    }
    List<int[]> result = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonInput p = new JsonInput(v.get(i), where(field) + "[" + i + "]", errors);
      if (!v.get(i).isObject()) {
        p.fail("", "wrong-type", "must be a point {\"x\": …, \"y\": …}");
        continue;
      }
      p.allowOnly(Set.of("x", "y"));
      Integer x = p.integer("x", min, max);
      Integer y = p.integer("y", min, max);
      if (x == null || y == null) {
        if (!p.has("x") || !p.has("y")) {
          p.fail("", "required", "needs both x and y");
        }
        continue;
      }
      result.add(new int[] {x, y});
    }
    return result;
  }

  /** The JSON object at {@code field} as a plain map (for styles), or null when absent. */
  Map<String, Object> plainObject(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      return null;
    }
    if (v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      error(field, "wrong-type", "must be a JSON object");
      return null;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = v.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> en = it.next();
      JsonNode x = en.getValue();
      result.put(en.getKey(), x.isNumber() ? (Object) x.numberValue() : x.asText());
    }
    return result;
  }

  /** Reports a problem with {@code field} ("" for this object itself). */
  void fail(String field, String code, String message) {
    String f = field.isEmpty() ? path : where(field);
    errors.add(Problem.Error.field(f, code, "'" + f + "' " + message + "."));
  }

  /** Where this object is in the request. */
  String path() {
    return path;
  }

  /** Reports fields that this kind of body does not have. */
  void allowOnly(Set<String> allowed) {
    if (node == null || !node.isObject()) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!allowed.contains(n)) {
        error(
            n,
            "unknown-field",
            "is not a field of this request; allowed: "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private void error(String field, String code, String message) {
    String f = where(field);
    errors.add(Problem.Error.field(f, code, "'" + f + "' " + message + "."));
  }

  private String where(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }
}
