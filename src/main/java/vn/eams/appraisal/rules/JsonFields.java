package vn.eams.appraisal.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.eams.metamodel.MetamodelException;

/**
 * A JSON object of a rule-set file with its place ({@code routes[2].deadlines[0]}), so that every
 * error names the file and the field: {@code file: routes[2].deadlines[0].days: what is wrong}.
 */
final class JsonFields {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String file;
  private final String path;
  private final JsonNode node;

  private JsonFields(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  /** The top-level object of {@code text}; a syntax error names its line. */
  static JsonFields parse(String file, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new MetamodelException(
          file, Math.max(line, 1), "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MetamodelException(file, "must hold one JSON object");
    }
    return new JsonFields(file, "", root);
  }

  String file() {
    return file;
  }

  private String at(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  MetamodelException error(String field, String message) {
    return new MetamodelException(file, at(field) + ": " + message);
  }

  private JsonNode required(String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw error(field, "missing (" + what + ")");
    }
    return v;
  }

  String text(String field) {
    JsonNode v = required(field, "a text");
    if (!v.isTextual() || v.asText().isBlank()) {
      throw error(field, "must be a non-empty text");
    }
    return v.asText();
  }

  Optional<String> optionalText(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    return Optional.of(text(field));
  }

  long wholeNumber(String field, long min) {
    JsonNode v = required(field, "a whole number");
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw error(field, "must be a whole number, not " + v);
    }
    if (v.asLong() < min) {
      throw error(field, "must be at least " + min + ", not " + v.asLong());
    }
    return v.asLong();
  }

  double number(String field, double min, double max) {
    JsonNode v = required(field, "a number");
    if (!v.isNumber()) {
      throw error(field, "must be a number, not " + v);
    }
    double d = v.asDouble();
    if (d < min || d > max) {
      throw error(field, "must be between " + min + " and " + max + ", not " + d);
    }
    return d;
  }

  boolean bool(String field) {
    JsonNode v = required(field, "true or false");
    if (!v.isBoolean()) {
      throw error(field, "must be true or false, not " + v);
    }
    return v.asBoolean();
  }

  LocalDate date(String field) {
    String t = text(field);
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw error(field, "must be a date YYYY-MM-DD, not '" + t + "'");
    }
  }

  Optional<LocalDate> optionalDate(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(date(field));
  }

  JsonFields object(String field) {
    JsonNode v = required(field, "an object");
    if (!v.isObject()) {
      throw error(field, "must be an object");
    }
    return new JsonFields(file, at(field), v);
  }

  List<JsonFields> objects(String field) {
    JsonNode v = required(field, "a list");
    if (!v.isArray()) {
      throw error(field, "must be a list");
    }
    List<JsonFields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      String p = at(field) + "[" + i + "]";
      if (!v.get(i).isObject()) {
        throw new MetamodelException(file, p + ": must be an object");
      }
      out.add(new JsonFields(file, p, v.get(i)));
    }
    return out;
  }

  List<String> texts(String field) {
    JsonNode v = required(field, "a list of texts");
    if (!v.isArray()) {
      throw error(field, "must be a list of texts");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
        throw error(field + "[" + i + "]", "must be a non-empty text");
      }
      out.add(v.get(i).asText());
    }
    return out;
  }

  /** The field names of an object field, in file order. */
  List<String> names() {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
