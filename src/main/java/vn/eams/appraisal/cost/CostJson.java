package vn.eams.appraisal.cost;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads estimate requests (every bad field named: a wrong JSON type or an unknown field is a 400, a
 * value that breaks a rule a 422) and writes estimates as JSON maps.
 */
@ApplicationScoped
public class CostJson {

  /** Most use cases one estimate takes. */
  public static final int MAX_USE_CASES = 5000;

  /** Most years one lifecycle takes. */
  public static final int MAX_YEARS = 100;

  private static final Set<String> UCP_FIELDS =
      Set.of(
          "ruleSetId",
          "actors",
          "useCases",
          "technicalFactors",
          "environmentalFactors",
          "hourlyCostVnd");
  private static final Set<String> USE_CASE_FIELDS = Set.of("name", "class", "transactions");
  private static final Set<String> LIFECYCLE_FIELDS = Set.of("years", "discountRate");
  private static final Set<String> YEAR_FIELDS =
      Set.of("year", "capexVnd", "opexVnd", "benefitVnd");

  private final CostRuleSets ruleSets;

  public CostJson(CostRuleSets ruleSets) {
    this.ruleSets = ruleSets;
  }

  /** The errors found so far: unreadable (400) and rule-breaking (422). */
  private static final class Errors {
    final List<Problem.Error> unreadable = new ArrayList<>();
    final List<Problem.Error> invalid = new ArrayList<>();

    void unreadable(String field, String code, String message) {
      unreadable.add(Problem.Error.field(field, code, message));
    }

    void invalid(String field, String code, String message) {
      invalid.add(Problem.Error.field(field, code, message));
    }

    void throwIfAny(String what) {
      if (!unreadable.isEmpty()) {
        List<Problem.Error> all = new ArrayList<>(unreadable);
        all.addAll(invalid);
        throw ProblemException.badRequest(
            "The " + what + " cannot be read: " + all.size() + " field(s) to fix.", all);
      }
      if (!invalid.isEmpty()) {
        throw ProblemException.invalid(
            "The " + what + " breaks " + invalid.size() + " rule(s).", invalid);
      }
    }

    void allowOnly(JsonNode object, String prefix, Set<String> fields) {
      Iterator<String> names = object.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!fields.contains(n)) {
          unreadable(
              prefix + n,
              "unknown-field",
              "Remove '" + n + "'; the fields are " + new TreeSet<>(fields) + ".");
        }
      }
    }

    /** A whole number at the field, or null when absent (and then {@code missing} decides). */
    Long whole(JsonNode holder, String field, String path, boolean required) {
      JsonNode v = holder.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          invalid(path, "required", "Give '" + path + "' as a whole number.");
        }
        return null;
      }
      if (!v.isIntegralNumber() || !v.canConvertToLong()) {
        unreadable(
            path, "not-a-whole-number", "Give '" + path + "' as a whole number, not " + v + ".");
        return null;
      }
      return v.asLong();
    }
  }

  private static JsonNode root(JsonNode body, Errors errors, String what) {
    if (body == null || !body.isObject()) {
      errors.unreadable("", "not-an-object", "Send the " + what + " as one JSON object.");
      errors.throwIfAny(what);
    }
    return body;
  }

  /** The use-case-point request; without a ruleSetId, the rule-set in force today. */
  public UcpInput ucpInput(JsonNode body) {
    return ucpInput(body, LocalDate.now());
  }

  /** The use-case-point request; without a ruleSetId, the rule-set in force on the day. */
  public UcpInput ucpInput(JsonNode body, LocalDate today) {
    Errors e = new Errors();
    String what = "use-case-point request";
    root(body, e, what);
    e.allowOnly(body, "", UCP_FIELDS);
    UcpRuleSet rules = ruleSet(body.get("ruleSetId"), today, e);
    JsonNode actors = body.get("actors");
    int[] counts = new int[3];
    if (actors != null && !actors.isNull()) {
      if (!actors.isObject()) {
        e.unreadable(
            "actors",
            "not-an-object",
            "Give 'actors' as {\"simple\": n, \"average\": n, \"complex\": n}.");
      } else {
        e.allowOnly(actors, "actors.", Set.copyOf(UcpRuleSet.ACTOR_KINDS));
        for (int i = 0; i < 3; i++) {
          String kind = UcpRuleSet.ACTOR_KINDS.get(i);
          Long n = e.whole(actors, kind, "actors." + kind, false);
          if (n != null && (n < 0 || n > 100_000)) {
            e.invalid("actors." + kind, "out-of-range", "Give a count from 0 to 100000.");
          } else if (n != null) {
            counts[i] = n.intValue();
          }
        }
      }
    }
    List<UcpInput.UseCase> useCases = useCases(body.get("useCases"), rules, e);
    Map<String, Integer> technical =
        ratings(
            body.get("technicalFactors"),
            "technicalFactors",
            rules == null ? null : rules.technicalFactors(),
            rules,
            e);
    Map<String, Integer> environmental =
        ratings(
            body.get("environmentalFactors"),
            "environmentalFactors",
            rules == null ? null : rules.environmentalFactors(),
            rules,
            e);
    Long h = e.whole(body, "hourlyCostVnd", "hourlyCostVnd", true);
    if (h != null && (h <= 0 || h > 100_000_000L)) {
      e.invalid(
          "hourlyCostVnd",
          "out-of-range",
          "Give the labour cost of one person-hour in VND, from 1 to 100000000.");
    }
    e.throwIfAny(what);
    return new UcpInput(
        rules.id(), counts[0], counts[1], counts[2], useCases, technical, environmental, h);
  }

  private UcpRuleSet ruleSet(JsonNode id, LocalDate today, Errors e) {
    if (id == null || id.isNull()) {
      try {
        return ruleSets.effectiveOn(today);
      } catch (NoSuchElementException x) {
        e.invalid("ruleSetId", "no-ruleset-in-force", x.getMessage() + ". Name a rule-set.");
        return null;
      }
    }
    if (!id.isTextual()) {
      e.unreadable("ruleSetId", "not-a-text", "Give 'ruleSetId' as a text.");
      return null;
    }
    return ruleSets
        .byId(id.asText())
        .orElseGet(
            () -> {
              e.invalid(
                  "ruleSetId",
                  "unknown-ruleset",
                  "No cost rule-set '"
                      + id.asText()
                      + "'; the rule-sets are "
                      + ruleSets.all().stream().map(UcpRuleSet::id).toList()
                      + ".");
              return null;
            });
  }

  private static List<UcpInput.UseCase> useCases(JsonNode node, UcpRuleSet rules, Errors e) {
    List<UcpInput.UseCase> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      e.invalid(
          "useCases", "required", "Give 'useCases' as an array of {name, class, transactions}.");
      return out;
    }
    if (!node.isArray()) {
      e.unreadable(
          "useCases",
          "not-an-array",
          "Give 'useCases' as an array of {name, class, transactions}.");
      return out;
    }
    if (node.isEmpty()) {
      e.invalid("useCases", "empty", "Give at least one use case.");
    } else if (node.size() > MAX_USE_CASES) {
      e.invalid("useCases", "too-many", "Give at most " + MAX_USE_CASES + " use cases.");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      String at = "useCases[" + i + "]";
      JsonNode u = node.get(i);
      if (!u.isObject()) {
        e.unreadable(at, "not-an-object", "Give each use case as {name, class, transactions}.");
        continue;
      }
      e.allowOnly(u, at + ".", USE_CASE_FIELDS);
      JsonNode name = u.get("name");
      if (name == null || !name.isTextual() || name.asText().isBlank()) {
        e.invalid(at + ".name", "required", "Give the use case a name.");
      }
      JsonNode cls = u.get("class");
      List<String> classes =
          rules == null ? UcpRuleSet.CLASSES : List.copyOf(rules.useCaseClasses().keySet());
      if (cls == null || !cls.isTextual() || !classes.contains(cls.asText())) {
        e.invalid(at + ".class", "unknown-class", "Give the class as one of " + classes + ".");
      }
      Long t = e.whole(u, "transactions", at + ".transactions", true);
      if (t != null && (t < 1 || t > 10_000)) {
        e.invalid(
            at + ".transactions",
            "out-of-range",
            "Give the number of transactions, from 1 to 10000.");
      }
      if (name != null && cls != null && t != null) {
        out.add(new UcpInput.UseCase(name.asText(), cls.asText(), t.intValue()));
      }
    }
    return out;
  }

  private static Map<String, Integer> ratings(
      JsonNode node, String field, List<UcpRuleSet.Factor> factors, UcpRuleSet rules, Errors e) {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      e.invalid(
          field, "required", "Rate every factor of the rule-set: {\"<factor id>\": rating, …}.");
      return out;
    }
    if (!node.isObject()) {
      e.unreadable(field, "not-an-object", "Give '" + field + "' as {\"<factor id>\": rating, …}.");
      return out;
    }
    if (factors == null) {
      return out;
    }
    List<String> ids = factors.stream().map(UcpRuleSet.Factor::id).toList();
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String id = names.next();
      if (!ids.contains(id)) {
        e.invalid(
            field + "." + id,
            "unknown-factor",
            "Rule-set " + rules.id() + " has no factor " + id + "; its factors are " + ids + ".");
      }
    }
    for (String id : ids) {
      String at = field + "." + id;
      if (!node.hasNonNull(id)) {
        e.invalid(
            at,
            "required",
            "Rate factor "
                + id
                + " from "
                + rules.ratingMin()
                + " to "
                + rules.ratingMax()
                + " (0 when it does not apply).");
        continue;
      }
      Long r = e.whole(node, id, at, true);
      if (r != null && (r < rules.ratingMin() || r > rules.ratingMax())) {
        e.invalid(
            at,
            "out-of-range",
            "Rate the factor from " + rules.ratingMin() + " to " + rules.ratingMax() + ".");
      } else if (r != null) {
        out.put(id, r.intValue());
      }
    }
    return out;
  }

  /** The lifecycle request. */
  public LifecycleInput lifecycleInput(JsonNode body) {
    Errors e = new Errors();
    String what = "lifecycle request";
    root(body, e, what);
    e.allowOnly(body, "", LIFECYCLE_FIELDS);
    BigDecimal rate = null;
    JsonNode r = body.get("discountRate");
    if (r == null || r.isNull()) {
      e.invalid(
          "discountRate", "required", "Give the yearly discount rate as a fraction: 0.08 for 8 %.");
    } else if (!r.isNumber()) {
      e.unreadable(
          "discountRate", "not-a-number", "Give the discount rate as a number: 0.08 for 8 %.");
    } else if (r.decimalValue().signum() < 0 || r.decimalValue().compareTo(BigDecimal.ONE) > 0) {
      e.invalid(
          "discountRate",
          "out-of-range",
          "Give the rate as a fraction from 0 to 1: 0.08 for 8 %, not 8.");
    } else {
      rate = r.decimalValue();
    }
    List<LifecycleInput.Year> years = new ArrayList<>();
    JsonNode ys = body.get("years");
    if (ys == null || ys.isNull()) {
      e.invalid(
          "years",
          "required",
          "Give 'years' as an array of {year, capexVnd, opexVnd, benefitVnd}.");
    } else if (!ys.isArray()) {
      e.unreadable(
          "years",
          "not-an-array",
          "Give 'years' as an array of {year, capexVnd, opexVnd, benefitVnd}.");
    } else if (ys.isEmpty() || ys.size() > MAX_YEARS) {
      e.invalid("years", "out-of-range", "Give from 1 to " + MAX_YEARS + " years.");
    } else {
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < ys.size(); i++) {
        LifecycleInput.Year y = year(ys.get(i), "years[" + i + "]", e);
        if (y != null) {
          years.add(y);
          at.add(i);
        }
      }
      contiguous(years, at, e);
    }
    e.throwIfAny(what);
    return new LifecycleInput(years, rate);
  }

  private static LifecycleInput.Year year(JsonNode y, String at, Errors e) {
    if (!y.isObject()) {
      e.unreadable(at, "not-an-object", "Give each year as {year, capexVnd, opexVnd, benefitVnd}.");
      return null;
    }
    e.allowOnly(y, at + ".", YEAR_FIELDS);
    Long index = e.whole(y, "year", at + ".year", true);
    if (index != null && (index < 0 || index > MAX_YEARS)) {
      e.invalid(
          at + ".year", "out-of-range", "Give the year index from 0 (today) to " + MAX_YEARS + ".");
      index = null;
    }
    long[] amounts = new long[3];
    String[] fields = {"capexVnd", "opexVnd", "benefitVnd"};
    for (int k = 0; k < 3; k++) {
      Long v = e.whole(y, fields[k], at + "." + fields[k], false);
      if (v != null && (v < 0 || v > 1_000_000_000_000_000L)) {
        e.invalid(at + "." + fields[k], "out-of-range", "Give an amount in VND from 0 to 10^15.");
      } else if (v != null) {
        amounts[k] = v;
      }
    }
    return index != null
        ? new LifecycleInput.Year(index.intValue(), amounts[0], amounts[1], amounts[2])
        : null;
  }

  private static void contiguous(List<LifecycleInput.Year> years, List<Integer> at, Errors e) {
    TreeSet<Integer> seen = new TreeSet<>();
    for (int i = 0; i < years.size(); i++) {
      if (!seen.add(years.get(i).year())) {
        e.invalid(
            "years[" + at.get(i) + "].year",
            "duplicate",
            "Year " + years.get(i).year() + " is given twice.");
      }
    }
    if (!seen.isEmpty() && (seen.first() > 1 || seen.last() - seen.first() + 1 != seen.size())) {
      e.invalid(
          "years",
          "not-contiguous",
          "Give every year from 0 (or 1) to the last one without gaps; a year without flows has"
              + " amounts 0.");
    }
  }

  // ---- output

  /** The estimate with every intermediate value. */
  public static Map<String, Object> json(UcpEstimate x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "use-case-points");
    Map<String, Object> rs = new LinkedHashMap<>();
    rs.put("id", x.ruleSetId());
    rs.put("version", x.ruleSetVersion());
    rs.put("toBeConfirmed", x.toBeConfirmed());
    rs.put("unconfirmedCoefficients", x.unconfirmed());
    m.put("ruleSet", rs);
    if (x.toBeConfirmed() || !x.unconfirmed().isEmpty()) {
      m.put(
          "warningVi",
          "Bộ hệ số này còn chờ xác nhận từ văn bản pháp lý; kết quả chỉ để tham khảo.");
      m.put(
          "warningEn",
          "This rule-set's coefficients are still to be confirmed from the legal text; the result"
              + " is indicative only.");
    }
    List<Map<String, Object>> actors = new ArrayList<>();
    for (UcpEstimate.ActorRow a : x.actors()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("kind", a.kind());
      r.put("count", a.count());
      r.put("weight", a.weight());
      r.put("points", a.points());
      actors.add(r);
    }
    m.put("actors", actors);
    m.put("taw", x.taw());
    List<Map<String, Object>> useCases = new ArrayList<>();
    for (UcpEstimate.UseCaseRow u : x.useCases()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("name", u.name());
      r.put("class", u.useCaseClass());
      r.put("transactions", u.transactions());
      r.put("complexity", u.complexity());
      r.put("baseWeight", u.baseWeight());
      r.put("classMultiplier", u.classMultiplier());
      r.put("weight", u.weight());
      useCases.add(r);
    }
    m.put("useCases", useCases);
    m.put("tbf", x.tbf());
    m.put("uucp", x.uucp());
    m.put("technicalFactors", factors(x.technical()));
    m.put("tfw", x.tfw());
    m.put("tcf", x.tcf());
    m.put("environmentalFactors", factors(x.environmental()));
    m.put("efw", x.efw());
    m.put("ef", x.ef());
    m.put("aucp", x.aucp());
    m.put("es", x.es());
    m.put("p", x.p());
    m.put("e", x.effort());
    m.put("hourlyCostVnd", x.hourlyCostVnd());
    m.put("g", x.g());
    m.put("c", x.overhead());
    m.put("tl", x.preTaxIncome());
    m.put("gpm", x.gpm());
    if (x.vat() != null) {
      m.put("vat", x.vat());
    }
    m.put("totalVnd", x.total());
    m.put(
        "rounding",
        "TAW, TBF, UUCP, TFW, TCF, EFW, EF, AUCP and ES are exact; E is shown to "
            + UcpEstimator.EFFORT_SCALE
            + " decimals and G uses the unrounded E; G, C, TL and VAT are rounded half up to whole"
            + " đồng in turn.");
    return m;
  }

  private static List<Map<String, Object>> factors(List<UcpEstimate.FactorRow> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (UcpEstimate.FactorRow f : rows) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", f.id());
      r.put("nameVi", f.nameVi());
      r.put("nameEn", f.nameEn());
      r.put("weight", f.weight());
      r.put("rating", f.rating());
      r.put("value", f.value());
      if (f.esScore() != null) {
        r.put("esScore", f.esScore());
      }
      out.add(r);
    }
    return out;
  }

  /** The lifecycle measures with every row. */
  public static Map<String, Object> json(LifecycleResult x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", "lifecycle");
    m.put("discountRate", x.discountRate());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LifecycleResult.Row y : x.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("year", y.year());
      r.put("capexVnd", y.capexVnd());
      r.put("opexVnd", y.opexVnd());
      r.put("costVnd", y.costVnd());
      r.put("benefitVnd", y.benefitVnd());
      r.put("netVnd", y.netVnd());
      r.put("cumulativeNetVnd", y.cumulativeNetVnd());
      r.put("discountFactor", y.discountFactor());
      r.put("pvCostVnd", y.pvCostVnd());
      r.put("pvBenefitVnd", y.pvBenefitVnd());
      r.put("pvNetVnd", y.pvNetVnd());
      r.put("cumulativePvNetVnd", y.cumulativePvNetVnd());
      rows.add(r);
    }
    m.put("years", rows);
    m.put("tcoVnd", x.tcoVnd());
    m.put("totalBenefitVnd", x.totalBenefitVnd());
    m.put("pvCostsVnd", x.pvCostsVnd());
    m.put("pvBenefitsVnd", x.pvBenefitsVnd());
    m.put("npvVnd", x.npvVnd());
    m.put("bcr", x.bcr());
    m.put("simplePaybackYears", x.simplePaybackYears());
    m.put("discountedPaybackYears", x.discountedPaybackYears());
    m.put(
        "rounding",
        "Present values are rounded half up to whole đồng per year and the totals add the years;"
            + " the discount factor is shown to "
            + Lifecycle.FACTOR_SCALE
            + " decimals but used unrounded; BCR to "
            + Lifecycle.BCR_SCALE
            + " decimals; paybacks to "
            + Lifecycle.PAYBACK_SCALE
            + " decimals (linear within the year), null when never reached.");
    return m;
  }

  /** A rule-set with all its coefficients, for the list of rule-sets. */
  public static Map<String, Object> json(UcpRuleSet s, boolean inForceToday) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("version", s.version());
    m.put("effectiveFrom", s.effectiveFrom().toString());
    m.put("effectiveTo", s.effectiveTo() == null ? null : s.effectiveTo().toString());
    m.put("titleVi", s.titleVi());
    m.put("titleEn", s.titleEn());
    m.put("basis", s.basis());
    m.put("toBeConfirmed", s.toBeConfirmed());
    m.put("default", inForceToday);
    m.put("noteVi", s.noteVi());
    m.put("noteEn", s.noteEn());
    m.put("ratingScale", Map.of("min", s.ratingMin(), "max", s.ratingMax()));
    Map<String, Object> coefficients = new LinkedHashMap<>();
    for (Coefficient c : s.coefficients()) {
      coefficients.put(c.path(), Map.of("value", c.value(), "confirmed", c.confirmed()));
    }
    m.put("coefficients", coefficients);
    m.put("technicalFactors", factorList(s.technicalFactors()));
    m.put("environmentalFactors", factorList(s.environmentalFactors()));
    m.put("useCaseClasses", List.copyOf(s.useCaseClasses().keySet()));
    m.put("unconfirmedCoefficients", s.unconfirmed());
    return m;
  }

  private static List<Map<String, Object>> factorList(List<UcpRuleSet.Factor> factors) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (UcpRuleSet.Factor f : factors) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", f.id());
      r.put("nameVi", f.nameVi());
      r.put("nameEn", f.nameEn());
      r.put("weight", f.weight().value());
      out.add(r);
    }
    return out;
  }
}
