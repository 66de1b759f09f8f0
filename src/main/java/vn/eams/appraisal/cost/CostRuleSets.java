package vn.eams.appraisal.cost;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.eams.appraisal.rules.RuleSetSource;

/**
 * The use-case-point rule-sets: every {@code *.json} of {@code <rulesets-directory>/cost}, read at
 * start (the shipped copies when the rule-sets folder does not exist, {@link RuleSetSource}). A
 * broken file stops the start with a message naming the file and every bad field.
 */
@ApplicationScoped
@Startup
public class CostRuleSets {

  private static final Logger LOG = Logger.getLogger(CostRuleSets.class);

  private final List<UcpRuleSet> all;

  @Inject
  CostRuleSets(
      @ConfigProperty(
              name = "eams.appraisal.rulesets-directory",
              defaultValue = "metamodel/rulesets")
          String directory) {
    this(RuleSetSource.of(Path.of(directory), true));
  }

  /** Reads the rule-sets of {@code directory/cost} (tests). */
  public CostRuleSets(Path directory) {
    this(RuleSetSource.directory(directory));
  }

  /** Reads the rule-sets of the source's {@code cost} folder. */
  public CostRuleSets(RuleSetSource source) {
    this.all = load(source);
  }

  private static List<UcpRuleSet> load(RuleSetSource source) {
    if (!source.has("cost")) {
      LOG.warnf("No cost rule-sets: the folder %s does not exist", source.describe("cost"));
      return List.of();
    }
    List<UcpRuleSet> sets = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (String name : source.names("cost", ".json")) {
      String f = source.describe(name);
      UcpRuleSet set = UcpRuleSetReader.read(f, source.read(name));
      String other = seen.putIfAbsent(set.id(), f);
      if (other != null) {
        throw new CostRuleSetException(
            f.toString(),
            List.of(
                "'id' "
                    + set.id()
                    + " is already used by "
                    + other
                    + ": give each file its own id"));
      }
      sets.add(set);
    }
    sets.sort(Comparator.comparing(UcpRuleSet::effectiveFrom).thenComparing(UcpRuleSet::id));
    return List.copyOf(sets);
  }

  /** Every rule-set, oldest first. */
  public List<UcpRuleSet> all() {
    return all;
  }

  /** The rule-set with the id. */
  public Optional<UcpRuleSet> byId(String id) {
    return all.stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /**
   * The newest confirmed rule-set in force on the day: the one with the latest effectiveFrom among
   * those that are not to be confirmed and whose period contains the day.
   *
   * @throws NoSuchElementException when none is
   */
  public UcpRuleSet effectiveOn(LocalDate day) {
    return all.stream()
        .filter(s -> !s.toBeConfirmed() && s.inForceOn(day))
        .max(Comparator.comparing(UcpRuleSet::effectiveFrom))
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "No confirmed cost rule-set is in force on "
                        + day
                        + "; rule-sets: "
                        + all.stream().map(UcpRuleSet::id).toList()));
  }
}
