package vn.eams.appraisal.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads one use-case-point rule-set file; every missing or bad field is reported at once, with its
 * path, in a {@link CostRuleSetException}.
 */
final class UcpRuleSetReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> problems = new ArrayList<>();

  private UcpRuleSetReader() {}

  static UcpRuleSet read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CostRuleSetException(file.toString(), List.of("cannot be read: " + e.getMessage()));
    }
    return read(file.toString(), text);
  }

  /** Reads the rule-set {@code text}; messages name it {@code file}. */
  static UcpRuleSet read(String file, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CostRuleSetException(
          file,
          List.of(
              "not valid JSON at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ": "
                  + e.getOriginalMessage()));
    }
    UcpRuleSetReader r = new UcpRuleSetReader();
    UcpRuleSet set = r.ruleSet(root, file);
    if (!r.problems.isEmpty()) {
      throw new CostRuleSetException(file, r.problems);
    }
    return set;
  }

  private UcpRuleSet ruleSet(JsonNode root, String file) {
    if (root == null || !root.isObject()) {
      problems.add("the file must hold one JSON object");
      return null;
    }
    String id = text(root, "id", true);
    String version = text(root, "version", true);
    LocalDate from = date(root, "effectiveFrom", true);
    LocalDate to = date(root, "effectiveTo", false);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add("'effectiveTo' (" + to + ") is before 'effectiveFrom' (" + from + ")");
    }
    JsonNode scale = object(root, "ratingScale");
    Coefficient min = coefficient(scale, "ratingScale", "min", true);
    Coefficient max = coefficient(scale, "ratingScale", "max", true);
    Map<String, Coefficient> actors = named(root, "actorWeights", UcpRuleSet.ACTOR_KINDS);
    Map<String, Coefficient> classes = named(root, "useCaseClasses", UcpRuleSet.CLASSES);
    JsonNode tcf = object(root, "tcf");
    JsonNode ef = object(root, "ef");
    JsonNode effort = object(root, "effort");
    JsonNode markups = object(root, "markups");
    Coefficient denominator = coefficient(effort, "effort", "denominator", true);
    if (denominator != null && denominator.value().signum() == 0) {
      problems.add("'effort.denominator' must not be 0");
    }
    UcpRuleSet set =
        new UcpRuleSet(
            id,
            version,
            from,
            to,
            text(root, "titleVi", true),
            text(root, "titleEn", true),
            text(root, "basis", true),
            root.path("toBeConfirmed").asBoolean(false),
            text(root, "noteVi", false),
            text(root, "noteEn", false),
            min == null ? 0 : min.value().intValue(),
            max == null ? 0 : max.value().intValue(),
            actors,
            complexity(root),
            classes,
            factors(root, "technicalFactors"),
            coefficient(tcf, "tcf", "base", true),
            coefficient(tcf, "tcf", "perPoint", true),
            factors(root, "environmentalFactors"),
            coefficient(ef, "ef", "base", true),
            coefficient(ef, "ef", "perPoint", true),
            esBands(root),
            productivity(root),
            coefficient(effort, "effort", "numerator", true),
            denominator,
            coefficient(root, "", "valueFactor", true),
            coefficient(markups, "markups", "overhead", true),
            coefficient(markups, "markups", "preTaxIncome", true),
            coefficient(markups, "markups", "vat", false),
            file);
    if (min != null && max != null && min.value().compareTo(max.value()) >= 0) {
      problems.add("'ratingScale.min' must be below 'ratingScale.max'");
    }
    return set;
  }

  private String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add("'" + field + "' is missing: give it as a text");
      }
      return required ? null : "";
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problems.add("'" + field + "' must be a non-empty text");
      return null;
    }
    return v.asText();
  }

  private LocalDate date(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add("'" + field + "' is missing: give the date as YYYY-MM-DD");
      }
      return null;
    }
    try {
      return LocalDate.parse(v.asText());
    } catch (DateTimeParseException e) {
      problems.add(
          "'"
              + field
              + "' is not a date ("
              + v.asText()
              + "): write it as YYYY-MM-DD, e.g. 2024-04-26");
      return null;
    }
  }

  private JsonNode object(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isObject()) {
      problems.add("'" + field + "' is missing: give it as an object");
      return JSON.createObjectNode();
    }
    return v;
  }

  private static String path(String prefix, String field) {
    return prefix.isEmpty() ? field : prefix + "." + field;
  }

  /**
   * A coefficient: a number, or {"value": n, "confirmed": false}. A number inherits "confirmed"
   * from the object that holds it (default true).
   */
  private Coefficient coefficient(JsonNode holder, String prefix, String field, boolean required) {
    String path = path(prefix, field);
    JsonNode v = holder.get(field);
    boolean confirmed = holder.path("confirmed").asBoolean(true);
    if (v == null || v.isNull()) {
      if (required) {
        problems.add("coefficient '" + path + "' is missing: give it as a number");
      }
      return null;
    }
    if (v.isObject()) {
      confirmed = v.path("confirmed").asBoolean(true);
      v = v.get("value");
      if (v == null || !v.isNumber()) {
        problems.add("coefficient '" + path + ".value' is missing: give it as a number");
        return null;
      }
    }
    if (!v.isNumber()) {
      problems.add("coefficient '" + path + "' must be a number, not " + v);
      return null;
    }
    return new Coefficient(path, v.decimalValue(), confirmed);
  }

  private Map<String, Coefficient> named(JsonNode root, String field, List<String> keys) {
    JsonNode o = object(root, field);
    Map<String, Coefficient> m = new LinkedHashMap<>();
    for (String k : keys) {
      Coefficient c = coefficient(o, field, k, true);
      if (c != null) {
        m.put(k, c);
      }
    }
    return m;
  }

  private List<JsonNode> rows(JsonNode root, String field) {
    JsonNode v = root.get(field);
    if (v == null || !v.isArray() || v.isEmpty()) {
      problems.add("'" + field + "' is missing: give it as a non-empty array");
      return List.of();
    }
    List<JsonNode> rows = new ArrayList<>();
    v.forEach(rows::add);
    return rows;
  }

  private List<UcpRuleSet.Factor> factors(JsonNode root, String field) {
    List<UcpRuleSet.Factor> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<JsonNode> rows = rows(root, field);
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = field + "[" + i + "]";
      String id = row.path("id").asText("");
      if (id.isBlank()) {
        problems.add("'" + at + ".id' is missing");
      } else if (!ids.add(id)) {
        problems.add("'" + at + ".id' repeats the id " + id);
      }
      Coefficient w = coefficient(row, at, "weight", true);
      if (w != null) {
        out.add(
            new UcpRuleSet.Factor(
                id, row.path("nameVi").asText(id), row.path("nameEn").asText(id), w));
      }
    }
    return out;
  }

  private List<UcpRuleSet.ComplexityBand> complexity(JsonNode root) {
    List<UcpRuleSet.ComplexityBand> out = new ArrayList<>();
    List<JsonNode> rows = rows(root, "useCaseComplexity");
    int previous = 0;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = "useCaseComplexity[" + i + "]";
      boolean last = i == rows.size() - 1;
      Integer max = null;
      JsonNode m = row.get("maxTransactions");
      if (!last) {
        if (m == null || !m.canConvertToInt() || !m.isIntegralNumber() || m.asInt() <= previous) {
          problems.add(
              "'"
                  + at
                  + ".maxTransactions' must be a whole number above "
                  + previous
                  + " (only the last band has none)");
        } else {
          max = m.asInt();
          previous = max;
        }
      } else if (m != null) {
        problems.add("'" + at + ".maxTransactions' must be left out: the last band has no limit");
      }
      Coefficient w = coefficient(row, at, "weight", true);
      if (w != null) {
        out.add(new UcpRuleSet.ComplexityBand(row.path("id").asText("band" + i), max, w));
      }
    }
    return out;
  }

  private List<UcpRuleSet.EsBand> esBands(JsonNode root) {
    return bands(root, "experienceStability", "upTo", "score", UcpRuleSet.EsBand::new);
  }

  private List<UcpRuleSet.ProductivityBand> productivity(JsonNode root) {
    return bands(
        root, "productivity", "esBelow", "hoursPerPoint", UcpRuleSet.ProductivityBand::new);
  }

  /** Bands with ascending limits (the last has none) and a coefficient each. */
  private <T> List<T> bands(
      JsonNode root,
      String field,
      String limitField,
      String valueField,
      BiFunction<BigDecimal, Coefficient, T> band) {
    List<T> out = new ArrayList<>();
    List<JsonNode> rows = rows(root, field);
    BigDecimal previous = null;
    for (int i = 0; i < rows.size(); i++) {
      JsonNode row = rows.get(i);
      String at = field + "[" + i + "]";
      BigDecimal limit = limit(row, at, limitField, i == rows.size() - 1, previous);
      previous = limit == null ? previous : limit;
      Coefficient c = coefficient(row, at, valueField, true);
      if (c != null) {
        out.add(band.apply(limit, c));
      }
    }
    return out;
  }

  /** A band's limit: required and ascending except on the last band, which has none. */
  private BigDecimal limit(
      JsonNode row, String at, String field, boolean last, BigDecimal previous) {
    JsonNode v = row.get(field);
    if (last) {
      if (v != null) {
        problems.add("'" + at + "." + field + "' must be left out: the last band has no limit");
      }
      return null;
    }
    if (v == null || !v.isNumber()) {
      problems.add("'" + at + "." + field + "' is missing: give the band's limit as a number");
      return null;
    }
    if (previous != null && v.decimalValue().compareTo(previous) <= 0) {
      problems.add(
          "'" + at + "." + field + "' must be above the previous band's limit " + previous);
    }
    return v.decimalValue();
  }
}
