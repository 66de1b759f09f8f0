package vn.eams.appraisal.cost;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The use-case-point rule-sets: every {@code *.json} of {@code <rulesets-directory>/cost}, read at
 * start. A broken file stops the start with a message naming the file and every bad field.
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
    this(Path.of(directory));
  }

  /** Reads the rule-sets of {@code directory/cost} (tests). */
  public CostRuleSets(Path directory) {
    this.all = load(directory.resolve("cost"));
  }

  private static List<UcpRuleSet> load(Path dir) {
    if (!Files.isDirectory(dir)) {
      LOG.warnf("No cost rule-sets: the folder %s does not exist", dir.toAbsolutePath());
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the cost rule-sets in " + dir, e);
    }
    List<UcpRuleSet> sets = new ArrayList<>();
    Map<String, Path> seen = new HashMap<>();
    for (Path f : files) {
      UcpRuleSet set = UcpRuleSetReader.read(f);
      Path other = seen.putIfAbsent(set.id(), f);
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
