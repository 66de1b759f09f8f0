package vn.eams.compliance;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The policy rules in force: the shipped ones plus those of the configured rules folder, loaded at
 * start (a broken shipped rule stops the start) and reloaded by an administrator, all or nothing.
 */
@ApplicationScoped
public class PolicyRuleSet {

  private static final Logger LOG = Logger.getLogger(PolicyRuleSet.class);

  private final Optional<Path> directory;
  private final Map<String, Severity> overrides;
  private final AtomicReference<Loaded> loaded = new AtomicReference<>();

  private record Loaded(PolicyRules rules, long generation) {}

  @Inject
  PolicyRuleSet(EamsConfig config) {
    this(
        config.compliance().rulesDirectory().map(Path::of),
        Severities.parse(config.compliance().severity()));
  }

  /** The shipped rules plus those of {@code directory}, with the given severities. */
  PolicyRuleSet(Optional<Path> directory, Map<String, Severity> overrides) {
    this.directory = directory;
    this.overrides = overrides;
  }

  void loadAtStart(@Observes StartupEvent event) {
    current();
  }

  /** The rules in force, loaded at the first call. */
  public PolicyRules current() {
    Loaded l = loaded.get();
    if (l == null) {
      synchronized (this) {
        l = loaded.get();
        if (l == null) {
          l = new Loaded(load(), 1);
          loaded.set(l);
          LOG.infof("Policy rules: %d loaded", l.rules().rules().size());
        }
      }
    }
    return l.rules();
  }

  /** Increases with every reload, so that reports made under older rules are made again. */
  public long generation() {
    current();
    return loaded.get().generation();
  }

  /**
   * Reads the rules again; when any file is wrong nothing changes and the problem says where.
   *
   * @throws ProblemException 422 naming the file and the shape at fault
   */
  public synchronized PolicyRules reload() {
    PolicyRules fresh;
    try {
      fresh = load();
    } catch (PolicyRulesException e) {
      List<Problem.Error> errors = new java.util.ArrayList<>();
      e.problems().forEach(p -> errors.add(Problem.Error.field("rules", "invalid-rule", p)));
      throw ProblemException.invalid(
          "The policy rules were not reloaded; the rules in force are unchanged.", errors);
    }
    long next = loaded.get() == null ? 1 : loaded.get().generation() + 1;
    loaded.set(new Loaded(fresh, next));
    LOG.infof("Policy rules reloaded: %d", fresh.rules().size());
    return fresh;
  }

  private PolicyRules load() {
    return PolicyRules.load(Thread.currentThread().getContextClassLoader(), directory, overrides);
  }
}
