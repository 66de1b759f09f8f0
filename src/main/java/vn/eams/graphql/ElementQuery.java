package vn.eams.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.GraphMapping;
import vn.eams.model.Text;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * One page of elements (the {@code elements} and {@code search} fields) as one Cypher statement:
 * the filter, its total count and the page in the requested order. The statement's text is made of
 * fixed fragments only; every value the client gives is a parameter.
 */
final class ElementQuery {

  private final Map<String, Object> params = new HashMap<>();
  private final StringBuilder where = new StringBuilder("true");
  private final List<Problem.Error> errors = new ArrayList<>();
  private int conditions;

  /** The result: the page (ascending, with at most one extra item) and the total. */
  record Result(List<Element> rows, long total) {}

  /** Adds the {@code ElementFilter} input (may be null). */
  @SuppressWarnings("unchecked")
  ElementQuery filter(Map<String, Object> filter, Metamodel metamodel) {
    if (filter == null) {
      return this;
    }
    List<String> types = (List<String>) filter.get("types");
    List<String> layers = (List<String>) filter.get("layers");
    if (layers != null) {
      List<String> ofLayers =
          metamodel.elementTypes().stream()
              .filter(t -> layers.contains(t.layer().token()))
              .map(ElementType::name)
              .toList();
      types = types == null ? ofLayers : types.stream().filter(ofLayers::contains).toList();
    }
    if (types != null) {
      where.append(" AND e.type IN $types");
      params.put("types", types);
    }
    text(filter, "specialization", " AND e.specialization = $spec", "spec", false);
    text(filter, "nameContains", " AND e.searchKey CONTAINS $q", "q", true);
    if (filter.get("agency") != null) {
      where.append(
          " AND (any(p IN keys(e) WHERE p STARTS WITH 'p_' AND e[p] = $agency)"
              + " OR EXISTS { MATCH (e)--(:Element {id: $agency}) })");
      params.put("agency", filter.get("agency"));
    }
    Map<String, Object> condition = (Map<String, Object>) filter.get("where");
    if (condition != null) {
      where.append(" AND ").append(condition(condition, "filter.where"));
    }
    return this;
  }

  /** Keeps only elements whose names contain {@code text} (ignoring case and diacritics). */
  ElementQuery nameContains(String text) {
    where.append(" AND e.searchKey CONTAINS $q");
    params.put("q", Text.foldKey(text));
    return this;
  }

  private void text(Map<String, Object> f, String field, String clause, String p, boolean fold) {
    Object v = f.get(field);
    if (v instanceof String s && !s.isEmpty()) {
      where.append(clause);
      params.put(p, fold ? Text.foldKey(s) : s);
    }
  }

  @SuppressWarnings("unchecked")
  private String condition(Map<String, Object> c, String at) {
    List<Map<String, Object>> and = (List<Map<String, Object>>) c.get("and");
    List<Map<String, Object>> or = (List<Map<String, Object>>) c.get("or");
    String key = (String) c.get("key");
    int given = (and == null ? 0 : 1) + (or == null ? 0 : 1) + (key == null ? 0 : 1);
    if (given != 1) {
      errors.add(
          Problem.Error.field(
              at, "invalid-condition", "Give exactly one of key (with op and value), and, or."));
      return "true";
    }
    if (and != null || or != null) {
      List<Map<String, Object>> parts = and != null ? and : or;
      List<String> sql = new ArrayList<>();
      for (int i = 0; i < parts.size(); i++) {
        sql.add(condition(parts.get(i), at + (and != null ? ".and[" : ".or[") + i + "]"));
      }
      return sql.isEmpty() ? "true" : "(" + String.join(and != null ? " AND " : " OR ", sql) + ")";
    }
    return leaf(key, String.valueOf(c.getOrDefault("op", "EQ")), (String) c.get("value"), at);
  }

  private String leaf(String key, String op, String value, String at) {
    int n = conditions++;
    String k = "$k" + n;
    String f = "$f" + n;
    String v = "$v" + n;
    params.put("k" + n, "p_" + key);
    params.put("f" + n, key);
    params.put("v" + n, value);
    String free =
        "any(i IN range(0, size(coalesce(e.propKeys, [])) - 1) WHERE e.propKeys[i] = " + f;
    if (op.equals("EXISTS")) {
      return "(e[" + k + "] IS NOT NULL OR " + f + " IN coalesce(e.propKeys, []))";
    }
    if (value == null) {
      errors.add(Problem.Error.field(at + ".value", "required", "Give a value for op " + op + "."));
      return "true";
    }
    String equals =
        "(toString(e[" + k + "]) = " + v + " OR " + free + " AND e.propValues[i] = " + v + "))";
    return switch (op) {
      case "EQ" -> equals;
      case "NE" -> "NOT " + equals;
      case "CONTAINS" ->
          "(toLower(toString(e["
              + k
              + "])) CONTAINS toLower("
              + v
              + ") OR "
              + free
              + " AND toLower(e.propValues[i]) CONTAINS toLower("
              + v
              + ")))";
      default -> compare(op, k, v, n, value);
    };
  }

  /** GT, GTE, LT, LTE: numbers compare as numbers, other values (ISO dates) as text. */
  private String compare(String op, String k, String v, int n, String value) {
    String sign =
        switch (op) {
          case "GT" -> ">";
          case "GTE" -> ">=";
          case "LT" -> "<";
          default -> "<=";
        };
    if (isNumber(value)) {
      params.put("v" + n, Double.parseDouble(value));
      return "(e[" + k + "] IS NOT NULL AND toFloat(e[" + k + "]) " + sign + " " + v + ")";
    }
    return "(e[" + k + "] IS NOT NULL AND toString(e[" + k + "]) " + sign + " " + v + ")";
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Runs the query: the elements of {@code modelId} (all models when null) in {@code sort} order
   * (NAME or ID), the page {@code page}, with the total count when {@code withTotal}, within the
   * request's time limit.
   */
  Result run(
      GraphQlReads reads,
      TimeLimit time,
      String modelId,
      String sort,
      PageArgs page,
      boolean withTotal) {
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The filter cannot be read as given.", errors);
    }
    String key = sort.equals("ID") ? "e.id" : "e.nameKey";
    String[] after = Cursors.decode(page.after(), 2, "after");
    String[] before = Cursors.decode(page.before(), 2, "before");
    StringBuilder window = new StringBuilder(where);
    if (after != null) {
      window.append(" AND (" + key + " > $ak OR (" + key + " = $ak AND e.id > $ai))");
      params.put("ak", after[0]);
      params.put("ai", after[1]);
    }
    if (before != null) {
      window.append(" AND (" + key + " < $bk OR (" + key + " = $bk AND e.id < $bi))");
      params.put("bk", before[0]);
      params.put("bi", before[1]);
    }
    String dir = page.backward() ? " DESC" : "";
    String match = modelId == null ? "MATCH (e:Element)" : "MATCH (e:Element {modelId: $m})";
    params.put("m", modelId);
    params.put("withTotal", withTotal);
    params.put("l", page.size() + 1);
    String cypher =
        "CALL { "
            + match
            + " WHERE $withTotal AND "
            + where
            + " RETURN count(e) AS total } CALL { "
            + match
            + " WHERE "
            + window
            + " WITH e ORDER BY "
            + key
            + dir
            + ", e.id"
            + dir
            + " LIMIT $l RETURN collect(properties(e)) AS rows } RETURN total, rows";
    Result r =
        reads
            .list(
                time,
                cypher,
                params,
                rec ->
                    new Result(
                        rec.get("rows").asList(v -> GraphMapping.element(v.asMap())),
                        rec.get("total").asLong()))
            .get(0);
    if (!page.backward()) {
      return r;
    }
    List<Element> ascending = new ArrayList<>(r.rows());
    Collections.reverse(ascending);
    return new Result(ascending, r.total());
  }

  /** The cursor of an element in the given sort order. */
  static String cursor(Element e, String sort) {
    return Cursors.encode(sort.equals("ID") ? e.id() : Text.foldKey(e.data().name()), e.id());
  }
}
