package vn.eams.appraisal.duplication;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data of the duplicated-investment search: weights of each kind of overlap, the generic words
 * left out of names, when to suggest reuse, extension or integration, and what share of the build
 * cost each suggestion saves ({@code metamodel/rulesets/duplication/README.md}).
 *
 * @param weights weight of each reason code (name, referenceCode, dataSubject, sharedDatabase,
 *     owner, domain, agency), each in 0..1
 * @param tokenShare share of the token (syllable) similarity in the name similarity; the rest is
 *     the character-trigram similarity
 * @param minNameSimilarity below this a name similarity is no reason
 * @param minScore matches scoring below this are not reported
 * @param genericVi Vietnamese generic words and phrases as lower-case word lists with diacritics,
 *     longest first
 * @param genericEn English generic words and phrases likewise
 * @param suggestions rules in file order; the first of the candidate's kind whose minScore the
 *     score reaches applies
 * @param savingShares share of the build cost saved, by suggestion
 * @param excludedStatuses statuses of other proposals that are left out
 */
public record DuplicationRuleSet(
    String id,
    String version,
    LocalDate effectiveFrom,
    Optional<LocalDate> effectiveTo,
    boolean toBeConfirmed,
    Map<String, Double> weights,
    double tokenShare,
    double minNameSimilarity,
    double minScore,
    List<List<String>> genericVi,
    List<List<String>> genericEn,
    List<SuggestionRule> suggestions,
    Map<String, Double> savingShares,
    List<String> excludedStatuses) {

  /** The reason codes, in the order reasons are listed. */
  public static final List<String> REASONS =
      List.of(
          "referenceCode", "dataSubject", "sharedDatabase", "name", "owner", "domain", "agency");

  /** The suggestions a rule may give. */
  public static final List<String> SUGGESTIONS = List.of("reuse", "extend", "integrate");

  /** The candidate kinds. */
  public static final List<String> KINDS = List.of("application", "database", "proposal");

  public DuplicationRuleSet {
    weights = Map.copyOf(weights);
    genericVi = List.copyOf(genericVi);
    genericEn = List.copyOf(genericEn);
    suggestions = List.copyOf(suggestions);
    savingShares = Map.copyOf(savingShares);
    excludedStatuses = List.copyOf(excludedStatuses);
  }

  /** One suggestion rule: for a candidate of {@code kind} scoring at least {@code minScore}. */
  public record SuggestionRule(String kind, double minScore, String suggestion) {}

  public double weight(String reason) {
    return weights.getOrDefault(reason, 0.0);
  }

  /** The suggestion for a candidate of {@code kind} with {@code score}. */
  public String suggestion(String kind, double score) {
    for (SuggestionRule r : suggestions) {
      if (r.kind().equals(kind) && score >= r.minScore()) {
        return r.suggestion();
      }
    }
    return "integrate";
  }

  /** Whether the rule-set is in force on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return !effectiveFrom.isAfter(day) && effectiveTo.map(t -> !t.isBefore(day)).orElse(true);
  }
}
