package vn.eams.compliance;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Element;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelKind;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.model.Relationship;
import vn.eams.model.ViewDefinition;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;
import vn.eams.rdf.RdfMapping;
import vn.eams.rdf.Vocabulary;

/**
 * Runs every model check and policy rule over a model, or over a proposal laid on its baseline, and
 * keeps the last report of each model until the repository changes.
 */
@ApplicationScoped
public class ComplianceService {

  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(ComplianceService.class);

  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final ModelChecks checks;
  private final PolicyRuleSet policies;
  private final Map<String, Cached> reports = new ConcurrentHashMap<>();
  private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

  /** A report and the repository's change sequence number and rules generation before it ran. */
  private record Cached(long seq, long generation, ComplianceReport report) {}

  private final Set<String> overridden;

  ComplianceService(
      ModelQueries queries,
      Metamodel metamodel,
      ModelChecks checks,
      PolicyRuleSet policies,
      EamsConfig config) {
    this.queries = queries;
    this.metamodel = metamodel;
    this.checks = checks;
    this.policies = policies;
    this.overridden = Set.copyOf(config.compliance().severity().keySet());
  }

  /** A severity configured for a rule that does not exist is a typo: the start stops on it. */
  void checkOverrides(@Observes StartupEvent event) {
    Set<String> ids = new java.util.HashSet<>();
    rules().forEach(r -> ids.add(r.id()));
    for (String id : overridden) {
      if (!ids.contains(id)) {
        throw new IllegalStateException(
            "eams.compliance.severity.\""
                + id
                + "\" names no rule; the rules are listed at GET /api/compliance/rules"
                + " (fix the id or remove the setting)");
      }
    }
  }

  /** Every rule that runs, model checks first, then policy rules. */
  public List<Rule> rules() {
    List<Rule> all = new ArrayList<>(checks.rules());
    all.add(ProposalOverlay.REFERENCE_RULE);
    all.addAll(policies.current().rules());
    return all;
  }

  /**
   * The report of the model as it is now: a validation of an architecture, a compliance check of a
   * proposal against its baseline. Made again only when the repository changed since the last one.
   *
   * @throws ProblemException 404 for an unknown model
   */
  public ComplianceReport report(String modelId) {
    long seq = queries.currentSequence();
    long generation = policies.generation();
    Cached last = reports.get(modelId);
    if (last != null && last.seq() == seq && last.generation() == generation) {
      return last.report();
    }
    ComplianceReport fresh = check(modelId);
    reports.put(modelId, new Cached(seq, generation, fresh));
    return fresh;
  }

  /** Checks the model now, whatever the last report says, and keeps the report. */
  public ComplianceReport recheck(String modelId) {
    long seq = queries.currentSequence();
    long generation = policies.generation();
    ComplianceReport fresh = check(modelId);
    reports.put(modelId, new Cached(seq, generation, fresh));
    return fresh;
  }

  private ComplianceReport check(String modelId) {
    Timings t = new Timings();
    ModelSnapshot snapshot =
        queries.snapshot(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    if (!ModelKind.isProposal(snapshot.model().data())) {
      t.lap("read");
      return checkArchitecture(snapshot, t);
    }
    String baselineId = ModelKind.baseline(snapshot.model().data()).orElse("");
    Baseline baseline = baseline(baselineId);
    t.lap("read");
    return checkProposal(baseline, snapshot, t);
  }

  /**
   * A baseline as proposals are checked against it: its snapshot and how many findings of each rule
   * it has itself, kept until the baseline changes or the rules are reloaded (editing a proposal
   * does not change its baseline, so checking it again does not validate the baseline again).
   */
  private record Baseline(ModelSnapshot snapshot, long generation, Map<String, Integer> counts) {}

  private Baseline baseline(String baselineId) {
    long generation = policies.generation();
    Baseline b = baselines.get(baselineId);
    if (b != null
        && b.generation() == generation
        && queries.changes(baselineId, b.snapshot().seq(), 1).isEmpty()) {
      return b;
    }
    ModelSnapshot snapshot =
        queries
            .snapshot(baselineId)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "The proposal's baseline is gone; it cannot be checked.",
                        List.of(
                            Problem.Error.field(
                                "properties",
                                "unknown-baseline",
                                "No model '"
                                    + baselineId
                                    + "' exists; set "
                                    + ModelKind.BASELINE
                                    + " to the architecture the project changes."))));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Finding f : checkArchitecture(snapshot, new Timings()).findings()) {
      counts.merge(f.rule().id(), 1, Integer::sum);
    }
    Baseline fresh = new Baseline(snapshot, generation, Map.copyOf(counts));
    baselines.put(baselineId, fresh);
    return fresh;
  }

  /** Validates an architecture model. */
  public ComplianceReport checkArchitecture(ModelSnapshot s, Timings t) {
    List<Finding> findings = new ArrayList<>(checks.run(s));
    t.lap("checks");
    Model rdf = rdf(s, Set.of());
    t.lap("rdf");
    findings.addAll(policies.current().validate(rdf));
    t.lap("policies");
    findings.sort(ORDER);
    Agencies agencies = new Agencies(s);
    return new ComplianceReport(
        s.model(),
        false,
        Optional.empty(),
        s.seq(),
        Instant.now(),
        t.total(),
        t.laps(),
        rules(),
        findings,
        Map.of(),
        List.of(),
        concepts(s, findings, List.of(), Set.of(), agencies),
        policies.generation());
  }

  /**
   * Checks a proposal laid over its baseline. Model checks run over the whole; policy rules run
   * where the proposal can change their outcome (within their declared reach of what it builds or
   * changes, {@link PolicyRules#validateNear}); the findings that name something of the proposal
   * are its report, the baseline's own are counted from the baseline's validation.
   */
  private ComplianceReport checkProposal(Baseline base, ModelSnapshot proposal, Timings t) {
    ModelSnapshot baseline = base.snapshot();
    ProposalOverlay overlay = ProposalOverlay.of(baseline, proposal);
    ModelSnapshot combined = overlay.combined();
    t.lap("overlay");
    List<Finding> all = new ArrayList<>(checks.run(combined));
    t.lap("checks");
    Model rdf = rdf(combined, overlay.proposed());
    t.lap("rdf");
    PolicyRules rules = policies.current();
    all.addAll(
        rules.validateNear(rdf, distances(combined, overlay.proposed(), rules.maxDeclaredReach())));
    t.lap("policies");
    List<Finding> findings = new ArrayList<>(overlay.problems());
    for (Finding f : all) {
      if (f.conceptIds().stream().anyMatch(overlay.proposed()::contains)) {
        findings.add(f);
      }
    }
    Map<String, Integer> before = base.counts();
    findings.sort(ORDER);
    List<ComplianceReport.Use> uses = uses(baseline, proposal, overlay);
    Agencies agencies = new Agencies(combined);
    return new ComplianceReport(
        proposal.model(),
        true,
        Optional.of(baseline.model()),
        Math.max(baseline.seq(), proposal.seq()),
        Instant.now(),
        t.total(),
        t.laps(),
        rules(),
        findings,
        before,
        uses,
        concepts(combined, findings, uses, overlay.proposed(), agencies),
        policies.generation());
  }

  /** How long each phase of a check took, in milliseconds. */
  public static final class Timings {
    private final long started = System.nanoTime();
    private long last = started;
    private final Map<String, Long> laps = new LinkedHashMap<>();

    /** Ends the phase called {@code name}. */
    public void lap(String name) {
      long now = System.nanoTime();
      laps.merge(name, (now - last) / 1_000_000, Long::sum);
      last = now;
    }

    long total() {
      return (System.nanoTime() - started) / 1_000_000;
    }

    Map<String, Long> laps() {
      return Map.copyOf(laps);
    }
  }

  /**
   * How many relationships separate each element (and relationship) from what the proposal builds
   * or changes, up to {@code reach}: the proposal's own concepts and the ends of its relationships
   * are at 0, a relationship is as near as its nearer end.
   */
  static Map<Node, Integer> distances(ModelSnapshot s, Set<String> proposed, int reach) {
    Map<String, List<String>> next = new HashMap<>();
    Map<String, Integer> d = new HashMap<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    for (Relationship r : s.relationships()) {
      String a = r.data().sourceId();
      String b = r.data().targetId();
      next.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
      next.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
      if (proposed.contains(r.id())) {
        for (String end : List.of(a, b)) {
          if (d.putIfAbsent(end, 0) == null) {
            queue.add(end);
          }
        }
      }
    }
    for (Element e : s.elements()) {
      if (proposed.contains(e.id()) && d.putIfAbsent(e.id(), 0) == null) {
        queue.add(e.id());
      }
    }
    while (!queue.isEmpty()) {
      String id = queue.poll();
      int k = d.get(id);
      if (k >= reach) {
        continue;
      }
      for (String n : next.getOrDefault(id, List.of())) {
        if (d.putIfAbsent(n, k + 1) == null) {
          queue.add(n);
        }
      }
    }
    Map<Node, Integer> out = new HashMap<>();
    d.forEach((id, k) -> out.put(NodeFactory.createURI(Vocabulary.CONCEPT + id), k));
    for (Relationship r : s.relationships()) {
      int k =
          proposed.contains(r.id())
              ? 0
              : Math.min(
                  d.getOrDefault(r.data().sourceId(), PolicyRules.UNBOUNDED),
                  d.getOrDefault(r.data().targetId(), PolicyRules.UNBOUNDED));
      if (k <= reach) {
        out.put(NodeFactory.createURI(Vocabulary.CONCEPT + r.id()), k);
      }
    }
    return out;
  }

  private Model rdf(ModelSnapshot s, Set<String> proposed) {
    return RdfMapping.toRdf(s, metamodel, proposed);
  }

  private static List<ComplianceReport.Use> uses(
      ModelSnapshot baseline, ModelSnapshot proposal, ProposalOverlay overlay) {
    Map<String, String> useOf = new LinkedHashMap<>(overlay.uses());
    Map<String, String> remap = new HashMap<>();
    overlay.references().stream()
        .filter(r -> r.baseline().isPresent())
        .forEach(r -> remap.put(r.elementId(), r.baselineId()));
    Set<String> baseIds = new java.util.HashSet<>();
    baseline.elements().forEach(e -> baseIds.add(e.id()));
    Map<String, List<String>> via = new LinkedHashMap<>();
    useOf.keySet().forEach(id -> via.put(id, new ArrayList<>()));
    for (Relationship r : proposal.relationships()) {
      for (String end : List.of(r.data().sourceId(), r.data().targetId())) {
        String id = remap.getOrDefault(end, end);
        if (baseIds.contains(id)) {
          useOf.putIfAbsent(id, "integrate");
          via.computeIfAbsent(id, k -> new ArrayList<>()).add(r.id());
        }
      }
    }
    List<ComplianceReport.Use> uses = new ArrayList<>();
    useOf.forEach((id, use) -> uses.add(new ComplianceReport.Use(id, use, via.get(id))));
    return uses;
  }

  private static Map<String, ComplianceReport.Concept> concepts(
      ModelSnapshot s,
      List<Finding> findings,
      List<ComplianceReport.Use> uses,
      Set<String> proposed,
      Agencies agencies) {
    Set<String> wanted = new java.util.HashSet<>();
    findings.forEach(f -> wanted.addAll(f.conceptIds()));
    uses.forEach(u -> wanted.add(u.baselineId()));
    Map<String, ComplianceReport.Concept> out = new LinkedHashMap<>();
    Map<String, Element> elements = new HashMap<>();
    s.elements().forEach(e -> elements.put(e.id(), e));
    for (Element e : s.elements()) {
      if (wanted.contains(e.id())) {
        out.put(e.id(), concept(e, proposed, agencies));
      }
    }
    for (Relationship r : s.relationships()) {
      if (wanted.contains(r.id())) {
        String name = r.data().name();
        if (name.isEmpty()) {
          name =
              nameOf(elements, r.data().sourceId()) + " → " + nameOf(elements, r.data().targetId());
        }
        out.put(
            r.id(),
            new ComplianceReport.Concept(
                r.id(),
                r.modelId(),
                r.type(),
                name,
                r.data().nameEn(),
                agencies.of(r.id()),
                proposed.contains(r.id())));
      }
    }
    for (ViewDefinition v : s.views()) {
      if (wanted.contains(v.id())) {
        out.put(
            v.id(),
            new ComplianceReport.Concept(
                v.id(),
                s.model().id(),
                "View",
                v.name(),
                v.nameEn(),
                "",
                proposed.contains(v.id())));
      }
    }
    // agencies named by the grouping, so that pages can show their names
    for (ComplianceReport.Concept c : List.copyOf(out.values())) {
      Element a = elements.get(c.agencyId());
      if (a != null && !out.containsKey(a.id())) {
        out.put(a.id(), concept(a, proposed, agencies));
      }
    }
    return out;
  }

  private static ComplianceReport.Concept concept(
      Element e, Set<String> proposed, Agencies agencies) {
    return new ComplianceReport.Concept(
        e.id(),
        e.modelId(),
        e.type(),
        e.data().name(),
        e.data().nameEn(),
        agencies.of(e.id()),
        proposed.contains(e.id()));
  }

  private static String nameOf(Map<String, Element> elements, String id) {
    Element e = elements.get(id);
    return e == null ? id : e.data().name();
  }

  /** Errors first, then warnings, then information; by rule; by the first concept. */
  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> f.rule().id())
          .thenComparing(f -> f.conceptIds().isEmpty() ? "" : f.conceptIds().get(0));

  /**
   * The counts of a fresh report, for the answer of an import: the import is written whatever the
   * checks find, so a check that fails is reported, not thrown.
   */
  public Map<String, Object> summary(String modelId) {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      ComplianceReport r = recheck(modelId);
      for (Severity sev : Severity.values()) {
        out.put(sev.code(), r.count(sev));
      }
      out.put("total", r.findings().size());
    } catch (RuntimeException e) {
      LOG.warn("Checking model " + modelId + " after its import failed", e);
      out.put("failed", String.valueOf(e.getMessage()));
    }
    out.put("report", "/api/models/" + modelId + "/compliance");
    out.put("page", "/models/" + modelId + "/compliance");
    return out;
  }

  /** The model the report is about (for callers holding only an id). */
  public Optional<ModelInfo> model(String modelId) {
    return queries.model(modelId);
  }
}
