package vn.eams.appraisal.duplication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.eams.appraisal.rules.RuleSetSource;

/**
 * Every duplication rule-set, read once from {@code <rulesets-directory>/duplication/*.json}. A
 * file that cannot be used stops the start with a message naming the file and the field.
 */
@ApplicationScoped
public class DuplicationRuleSets {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<DuplicationRuleSet> all;

  @Inject
  DuplicationRuleSets(
      @ConfigProperty(
              name = "eams.appraisal.rulesets-directory",
              defaultValue = "metamodel/rulesets")
          String directory) {
    this(RuleSetSource.of(Path.of(directory), true));
  }

  /** Reads the rule-sets under {@code rulesets/duplication}. */
  public DuplicationRuleSets(Path rulesets) {
    this(RuleSetSource.directory(rulesets));
  }

  /** Reads the rule-sets of the source's {@code duplication} folder. */
  public DuplicationRuleSets(RuleSetSource source) {
    String dir = source.describe("duplication");
    List<DuplicationRuleSet> read = new ArrayList<>();
    if (!source.has("duplication")) {
      throw new DuplicationRuleSetException(
          dir + ": no such directory; the duplication rule-sets are looked for there");
    }
    for (String name : source.names("duplication", ".json")) {
      read.add(read(source.describe(name), source.read(name)));
    }
    if (read.isEmpty()) {
      throw new DuplicationRuleSetException(dir + ": holds no rule-set (*.json)");
    }
    Map<String, DuplicationRuleSet> byId = new LinkedHashMap<>();
    for (DuplicationRuleSet r : read) {
      if (byId.put(r.id(), r) != null) {
        throw new DuplicationRuleSetException(dir + ": two rule-sets have the id '" + r.id() + "'");
      }
    }
    read.sort(Comparator.comparing(DuplicationRuleSet::effectiveFrom));
    this.all = List.copyOf(read);
  }

  /** Every rule-set, oldest effectiveFrom first. */
  public List<DuplicationRuleSet> all() {
    return all;
  }

  public Optional<DuplicationRuleSet> byId(String id) {
    return all.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The newest rule-set in force on {@code day}, or the oldest when none is yet. */
  public DuplicationRuleSet effectiveOn(LocalDate day) {
    DuplicationRuleSet found = null;
    for (DuplicationRuleSet r : all) {
      if (r.inForceOn(day)) {
        found = r;
      }
    }
    return found != null ? found : all.get(0);
  }

  /** Reads one rule-set file. */
  public static DuplicationRuleSet read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new DuplicationRuleSetException(file + ": cannot be read: " + e.getMessage());
    }
    return read(file.toString(), text);
  }

  /** Reads the rule-set {@code text}; messages name it {@code file}. */
  public static DuplicationRuleSet read(String file, String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new DuplicationRuleSetException(file + ": not valid JSON: " + e.getMessage());
    }
    Reader r = new Reader(file, root);
    String id = r.text(root, "id");
    String version = r.text(root, "version");
    LocalDate from = r.date(root, "effectiveFrom");
    Optional<LocalDate> to =
        root.hasNonNull("effectiveTo")
            ? Optional.of(r.date(root, "effectiveTo"))
            : Optional.empty();
    if (to.isPresent() && to.get().isBefore(from)) {
      throw r.error("effectiveTo", "is before effectiveFrom");
    }
    JsonNode w = r.object(root, "weights");
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String code : DuplicationRuleSet.REASONS) {
      weights.put(code, r.share(w, code, "weights." + code));
    }
    JsonNode name = r.object(root, "name");
    double tokenShare = r.share(name, "tokenShare", "name.tokenShare");
    double minName = r.share(name, "minSimilarity", "name.minSimilarity");
    double minScore = r.share(root, "minScore", "minScore");
    JsonNode generic = r.object(root, "genericWords");
    List<List<String>> vi = phrases(r.strings(generic, "vi", "genericWords.vi"));
    List<List<String>> en = phrases(r.strings(generic, "en", "genericWords.en"));
    JsonNode sugg = root.get("suggestions");
    if (sugg == null || !sugg.isArray() || sugg.isEmpty()) {
      throw r.error("suggestions", "is missing or not a non-empty array");
    }
    List<DuplicationRuleSet.SuggestionRule> rules = new ArrayList<>();
    for (int i = 0; i < sugg.size(); i++) {
      String at = "suggestions[" + i + "]";
      JsonNode s = sugg.get(i);
      String kind = r.text(s, "kind", at + ".kind");
      if (!DuplicationRuleSet.KINDS.contains(kind)) {
        throw r.error(at + ".kind", "is '" + kind + "'; write one of " + DuplicationRuleSet.KINDS);
      }
      String what = r.text(s, "suggestion", at + ".suggestion");
      if (!DuplicationRuleSet.SUGGESTIONS.contains(what)) {
        throw r.error(
            at + ".suggestion",
            "is '" + what + "'; write one of " + DuplicationRuleSet.SUGGESTIONS);
      }
      rules.add(
          new DuplicationRuleSet.SuggestionRule(
              kind, r.share(s, "minScore", at + ".minScore"), what));
    }
    JsonNode shares = r.object(root, "savingShares");
    Map<String, Double> saving = new LinkedHashMap<>();
    for (String s : DuplicationRuleSet.SUGGESTIONS) {
      saving.put(s, r.share(shares, s, "savingShares." + s));
    }
    List<String> excluded = r.strings(root, "excludedStatuses", "excludedStatuses");
    return new DuplicationRuleSet(
        id,
        version,
        from,
        to,
        root.path("toBeConfirmed").asBoolean(false),
        weights,
        tokenShare,
        minName,
        minScore,
        vi,
        en,
        rules,
        saving,
        excluded);
  }

  /**
   * Phrases as lower-case word lists with diacritics, longest first (so "hệ thống thông tin" goes
   * before "hệ thống").
   */
  private static List<List<String>> phrases(List<String> words) {
    List<List<String>> out = new ArrayList<>();
    for (String w : words) {
      List<String> tokens = NameSimilarity.words(w);
      if (!tokens.isEmpty()) {
        out.add(tokens);
      }
    }
    out.sort(Comparator.comparingInt((List<String> p) -> p.size()).reversed());
    return out;
  }

  /** Field readers that name the file and field of what is wrong. */
  private record Reader(String file, JsonNode root) {

    DuplicationRuleSetException error(String field, String what) {
      return new DuplicationRuleSetException(file + ": field '" + field + "' " + what);
    }

    String text(JsonNode node, String field) {
      return text(node, field, field);
    }

    String text(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (v == null || !v.isTextual() || v.asText().isBlank()) {
        throw error(at, "is missing or not a non-empty text");
      }
      return v.asText().strip();
    }

    LocalDate date(JsonNode node, String field) {
      String s = text(node, field);
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw error(field, "is '" + s + "', not a date YYYY-MM-DD");
      }
    }

    JsonNode object(JsonNode node, String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isObject()) {
        throw error(field, "is missing or not an object");
      }
      return v;
    }

    double share(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (v == null || !v.isNumber()) {
        throw error(at, "is missing or not a number");
      }
      double d = v.asDouble();
      if (d < 0 || d > 1) {
        throw error(at, "is " + d + "; give a number from 0 to 1");
      }
      return d;
    }

    List<String> strings(JsonNode node, String field, String at) {
      JsonNode v = node.get(field);
      if (v == null || !v.isArray()) {
        throw error(at, "is missing or not an array of texts");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode s : v) {
        if (!s.isTextual()) {
          throw error(at, "holds " + s + ", not a text");
        }
        out.add(s.asText());
      }
      return out;
    }
  }
}
