package vn.eams.appraisal.rules;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.eams.appraisal.portfolio.PortfolioScoring;
import vn.eams.appraisal.portfolio.ScoreWeights;
import vn.eams.metamodel.MetamodelException;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The appraisal rule-sets: routes ({@code routes/*.json}), the checklist ({@code
 * routes/checklist.json}), the holiday calendar ({@code calendar/*.tsv}) and the portfolio weights
 * ({@code portfolio/*.json}) of the folder {@code eams.appraisal.rulesets-directory} (default
 * {@code metamodel/rulesets}; when that folder does not exist, the copies shipped on the
 * classpath). Read once at start; a wrong file stops the start with {@code file: field: what is
 * wrong} (TSV: {@code file:line}).
 */
@ApplicationScoped
public class AppraisalRuleSets {

  private static final Logger LOG = Logger.getLogger(AppraisalRuleSets.class);

  /** The checklist's file, beside the route rule-sets. */
  static final String CHECKLIST = "routes/checklist.json";

  private static final String HEADER = "date\tkind\tname_vi\tname_en\tconfirmed";

  private final List<RouteRuleSet> routeSets;
  private final Checklist checklist;
  private final WorkingCalendar calendar;
  private final List<ScoreWeights> scoreSets;
  private final String source;

  @Inject
  AppraisalRuleSets(EamsConfig config) {
    this(Path.of(config.appraisal().rulesetsDirectory()), true);
  }

  /** The rule-sets of {@code directory}, which must exist (tests). */
  public AppraisalRuleSets(Path directory) {
    this(directory, false);
  }

  /** The rule-sets of {@code directory}; when it does not exist and allowed, the shipped ones. */
  AppraisalRuleSets(Path directory, boolean classpathWhenMissing) {
    RuleSetSource src = RuleSetSource.of(directory, classpathWhenMissing);
    if (src.isShipped()) {
      LOG.infof("Appraisal rule-sets: %s does not exist, the shipped ones are used", directory);
    }
    this.source = src.describe("");
    this.checklist = checklist(src.read(CHECKLIST), src.describe(CHECKLIST));
    List<RouteRuleSet> sets = new ArrayList<>();
    for (String name : src.names("routes", ".json")) {
      if (!name.equals(CHECKLIST)) {
        sets.add(routeRuleSet(JsonFields.parse(src.describe(name), src.read(name))));
      }
    }
    this.routeSets = checkedSets(sets, "routes");
    List<CalendarDay> days = new ArrayList<>();
    Map<LocalDate, String> seen = new HashMap<>();
    for (String name : src.names("calendar", ".tsv")) {
      days.addAll(calendarDays(src.describe(name), src.read(name), seen));
    }
    this.calendar = new WorkingCalendar(days);
    List<ScoreWeights> weights = new ArrayList<>();
    for (String name : src.names("portfolio", ".json")) {
      weights.add(scoreWeights(JsonFields.parse(src.describe(name), src.read(name))));
    }
    weights.sort(Comparator.comparing(ScoreWeights::effectiveFrom));
    this.scoreSets = List.copyOf(weights);
    if (routeSets.isEmpty()) {
      throw new MetamodelException(src.describe("routes"), "holds no route rule-set");
    }
    if (days.isEmpty()) {
      throw new MetamodelException(src.describe("calendar"), "holds no holiday calendar");
    }
    if (scoreSets.isEmpty()) {
      throw new MetamodelException(src.describe("portfolio"), "holds no portfolio weights");
    }
  }

  void loadAtStart(@Observes StartupEvent event) {
    LOG.infof(
        "Appraisal rule-sets: %d route rule-set(s), %d checklist items, holidays %d–%d, from %s",
        routeSets.size(),
        checklist.items().size(),
        calendar.firstYear(),
        calendar.lastYear(),
        source);
  }

  /** Where the rule-sets were read from. */
  public String source() {
    return source;
  }

  /** Every route rule-set, oldest first. */
  public List<RouteRuleSet> all() {
    return routeSets;
  }

  /** The route rule-set of this id. */
  public Optional<RouteRuleSet> byId(String id) {
    return routeSets.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The newest route rule-set in force on {@code day}, if any. */
  public Optional<RouteRuleSet> find(LocalDate day) {
    RouteRuleSet found = null;
    for (RouteRuleSet r : routeSets) {
      if (r.inForceOn(day)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The newest route rule-set in force on {@code day}.
   *
   * @throws ProblemException 422 (field {@code on}) when none is
   */
  public RouteRuleSet effectiveOn(LocalDate day) {
    return find(day)
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "No appraisal route rule-set is in force on " + day + ".",
                    List.of(
                        Problem.Error.field(
                            "on",
                            "no-ruleset",
                            "The route rule-sets are in force from "
                                + routeSets.get(0).effectiveFrom()
                                + "; choose a later day or add a rule-set for it"
                                + " (metamodel/rulesets/routes/README.md)."))));
  }

  /** The checklist (all items). */
  public Checklist checklist() {
    return checklist;
  }

  /**
   * The checklist items of a route of the rule-set in force today (else the newest one): those it
   * lists plus those that apply to all routes, by number.
   *
   * @throws ProblemException 404 for an unknown route
   */
  public List<ChecklistItem> checklist(String routeId) {
    RouteRuleSet set = find(LocalDate.now()).orElse(routeSets.get(routeSets.size() - 1));
    return checklist(set, routeId);
  }

  /** The checklist items of a route of {@code set}. */
  public List<ChecklistItem> checklist(RouteRuleSet set, String routeId) {
    Route route = set.route(routeId).orElseThrow(() -> ProblemException.notFound("route", routeId));
    return checklist.items().stream()
        .filter(i -> i.allRoutes() || route.checklist().contains(i.id()))
        .sorted(Comparator.comparingInt(ChecklistItem::number))
        .toList();
  }

  /** The working-day calendar. */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /** Every portfolio weights rule-set, oldest first. */
  public List<ScoreWeights> scoreWeights() {
    return scoreSets;
  }

  /** The portfolio scoring in force on {@code day} (else the oldest one, for earlier days). */
  public PortfolioScoring scoring(LocalDate day) {
    ScoreWeights found = scoreSets.get(0);
    for (ScoreWeights w : scoreSets) {
      if (w.inForceOn(day)) {
        found = w;
      }
    }
    return new PortfolioScoring(found);
  }

  // ---- reading
  // -----------------------------------------------------------------------------------

  private List<RouteRuleSet> checkedSets(List<RouteRuleSet> sets, String what) {
    sets.sort(Comparator.comparing(RouteRuleSet::effectiveFrom));
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < sets.size(); i++) {
      RouteRuleSet s = sets.get(i);
      if (!ids.add(s.id())) {
        throw new MetamodelException(s.file(), "id: '" + s.id() + "' is used by another file");
      }
      if (i > 0 && sets.get(i - 1).effectiveFrom().equals(s.effectiveFrom())) {
        throw new MetamodelException(
            s.file(),
            "effectiveFrom: "
                + s.effectiveFrom()
                + " is also the start of "
                + sets.get(i - 1).file()
                + " (give each version of the "
                + what
                + " its own start day)");
      }
    }
    return List.copyOf(sets);
  }

  private static Checklist checklist(String text, String file) {
    JsonFields f = JsonFields.parse(file, text);
    List<ChecklistItem> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<Integer> numbers = new HashSet<>();
    for (JsonFields i : f.objects("items")) {
      String judge = i.text("judge");
      ChecklistItem item =
          new ChecklistItem(
              i.text("id"),
              (int) i.wholeNumber("number", 1),
              i.text("titleVi"),
              i.text("titleEn"),
              i.text("basis"),
              Judge.byKey(judge)
                  .orElseThrow(
                      () ->
                          i.error(
                              "judge",
                              "'"
                                  + judge
                                  + "' is not one of auto-conformance, auto-connection,"
                                  + " auto-security, auto-duplication, auto-dossier, reviewer")),
              i.bool("allRoutes"));
      if (!ids.add(item.id())) {
        throw i.error("id", "'" + item.id() + "' is listed twice");
      }
      if (!numbers.add(item.number())) {
        throw i.error("number", item.number() + " is used twice");
      }
      items.add(item);
    }
    return new Checklist(f.text("id"), f.text("version"), f.date("effectiveFrom"), items);
  }

  private RouteRuleSet routeRuleSet(JsonFields f) {
    LocalDate from = f.date("effectiveFrom");
    Optional<LocalDate> to = f.optionalDate("effectiveTo");
    if (to.isPresent() && to.get().isBefore(from)) {
      throw f.error("effectiveTo", to.get() + " is before effectiveFrom " + from);
    }
    List<FundingKind> kinds = new ArrayList<>();
    for (JsonFields k : f.objects("fundingKinds")) {
      String key = k.text("key");
      Funding funding =
          Funding.byKey(key)
              .orElseThrow(
                  () ->
                      k.error(
                          "key",
                          "'" + key + "' is not one of investment, recurrent, lease, security"));
      if (kinds.stream().anyMatch(x -> x.funding() == funding)) {
        throw k.error("key", "'" + key + "' is listed twice");
      }
      kinds.add(new FundingKind(funding, k.text("titleVi"), k.text("titleEn"), k.text("basis")));
    }
    for (Funding fu : Funding.values()) {
      if (kinds.stream().noneMatch(x -> x.funding() == fu)) {
        throw f.error("fundingKinds", "the funding kind '" + fu.key() + "' is missing");
      }
    }
    Thresholds t = thresholds(f.object("thresholds"));
    List<Route> routes = new ArrayList<>();
    for (JsonFields r : f.objects("routes")) {
      Route route = route(r);
      if (routes.stream().anyMatch(x -> x.id().equals(route.id()))) {
        throw r.error("id", "'" + route.id() + "' is listed twice");
      }
      routes.add(route);
    }
    for (String required : Route.REQUIRED) {
      if (routes.stream().noneMatch(r -> r.id().equals(required))) {
        throw f.error("routes", "the route '" + required + "' is missing");
      }
    }
    needGroups(f, routes, Route.INVESTMENT_PROJECT, List.of("A", "B", "C"));
    needGroups(f, routes, Route.SECURITY_DOSSIER, List.of("3", "4", "5"));
    return new RouteRuleSet(
        f.text("id"),
        f.text("version"),
        from,
        to,
        f.text("titleVi"),
        f.text("titleEn"),
        f.texts("basis"),
        kinds,
        t,
        routes,
        f.file());
  }

  private static void needGroups(
      JsonFields f, List<Route> routes, String routeId, List<String> groups) {
    Route r = routes.stream().filter(x -> x.id().equals(routeId)).findFirst().orElseThrow();
    for (String g : groups) {
      if (r.deadline("appraisal", g).isEmpty()) {
        throw f.error(
            "routes",
            "the route '"
                + routeId
                + "' has no appraisal deadline for '"
                + g
                + "' (add it to groups)");
      }
    }
  }

  private static Thresholds thresholds(JsonFields t) {
    long a = t.wholeNumber("groupAMinVnd", 1);
    long b = t.wholeNumber("groupBMinVnd", 1);
    if (b >= a) {
      throw t.error("groupBMinVnd", b + " must be below groupAMinVnd " + a);
    }
    long procurement = t.wholeNumber("recurrentProcurementMaxVnd", 0);
    long outline = t.wholeNumber("recurrentOutlineMaxVnd", 1);
    if (procurement >= outline) {
      throw t.error(
          "recurrentProcurementMaxVnd",
          procurement + " must be below recurrentOutlineMaxVnd " + outline);
    }
    return new Thresholds(
        a,
        t.text("groupAMinBasis"),
        b,
        t.text("groupBMinBasis"),
        t.wholeNumber("oneStepMaxVnd", 0),
        t.text("oneStepMaxBasis"),
        procurement,
        t.text("recurrentProcurementMaxBasis"),
        outline,
        t.text("recurrentOutlineMaxBasis"));
  }

  private Route route(JsonFields r) {
    List<Deadline> deadlines = new ArrayList<>();
    for (JsonFields d : r.objects("deadlines")) {
      String step = d.text("step");
      if (!step.equals("appraisal") && !step.equals("approval")) {
        throw d.error("step", "'" + step + "' is not appraisal or approval");
      }
      String kind = d.text("kind");
      DayKind k;
      try {
        k = DayKind.valueOf(kind);
      } catch (IllegalArgumentException e) {
        throw d.error("kind", "'" + kind + "' is not CALENDAR or WORKING");
      }
      deadlines.add(
          new Deadline(
              step, d.texts("groups"), (int) d.wholeNumber("days", 1), k, d.text("basis")));
    }
    List<DocumentSlot> documents = new ArrayList<>();
    for (JsonFields d : r.objects("documents")) {
      DocumentSlot slot =
          new DocumentSlot(
              d.text("id"),
              d.text("titleVi"),
              d.text("titleEn"),
              d.bool("required"),
              d.texts("fileTypes"),
              d.wholeNumber("maxBytes", 1));
      if (slot.fileTypes().isEmpty()) {
        throw d.error("fileTypes", "name at least one accepted file type");
      }
      if (documents.stream().anyMatch(x -> x.id().equals(slot.id()))) {
        throw d.error("id", "'" + slot.id() + "' is listed twice");
      }
      documents.add(slot);
    }
    List<String> items = r.texts("checklist");
    for (int i = 0; i < items.size(); i++) {
      if (checklist.item(items.get(i)).isEmpty()) {
        throw r.error(
            "checklist[" + i + "]", "'" + items.get(i) + "' is not an item of " + CHECKLIST);
      }
    }
    return new Route(
        r.text("id"),
        r.text("titleVi"),
        r.text("titleEn"),
        r.text("basis"),
        deadlines,
        documents,
        items);
  }

  private static ScoreWeights scoreWeights(JsonFields f) {
    JsonFields w = f.object("weights");
    Map<String, Double> weights = new LinkedHashMap<>();
    for (String name : w.names()) {
      if (!ScoreWeights.COMPONENTS.contains(name)) {
        throw w.error(name, "is not one of " + String.join(", ", ScoreWeights.COMPONENTS));
      }
    }
    double sum = 0;
    for (String k : ScoreWeights.COMPONENTS) {
      double v = w.number(k, 0, 1000);
      weights.put(k, v);
      sum += v;
    }
    if (sum <= 0) {
      throw f.error("weights", "at least one weight must be above 0");
    }
    JsonFields phases = f.object("phaseValues");
    Map<Integer, Double> phaseValues = new HashMap<>();
    for (String name : phases.names()) {
      int phase;
      try {
        phase = Integer.parseInt(name);
      } catch (NumberFormatException e) {
        throw phases.error(name, "a roadmap phase is a whole number");
      }
      phaseValues.put(phase, phases.number(name, 0, 1));
    }
    LocalDate from = f.date("effectiveFrom");
    Optional<LocalDate> to = f.optionalDate("effectiveTo");
    if (to.isPresent() && to.get().isBefore(from)) {
      throw f.error("effectiveTo", to.get() + " is before effectiveFrom " + from);
    }
    return new ScoreWeights(
        f.text("id"),
        f.text("version"),
        from,
        to,
        weights,
        f.number("bcrForFullBenefit", 1e-9, 1e9),
        phaseValues);
  }

  private static List<CalendarDay> calendarDays(
      String file, String text, Map<LocalDate, String> seen) {
    List<CalendarDay> out = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    boolean header = false;
    for (int n = 1; n <= lines.length; n++) {
      String line = lines[n - 1];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (!header) {
        if (!line.equals(HEADER)) {
          throw new MetamodelException(
              file, n, "the header must be '" + HEADER.replace("\t", "<TAB>") + "'");
        }
        header = true;
        continue;
      }
      String[] c = line.split("\t", -1);
      if (c.length != 5) {
        throw new MetamodelException(
            file,
            n,
            "5 tab-separated columns expected (date, kind, name_vi, name_en, confirmed), found "
                + c.length);
      }
      LocalDate date;
      try {
        date = LocalDate.parse(c[0].trim());
      } catch (DateTimeParseException e) {
        throw new MetamodelException(file, n, "column 'date': '" + c[0] + "' is not YYYY-MM-DD");
      }
      String kind = c[1].trim();
      if (!kind.equals("holiday") && !kind.equals("workday")) {
        throw new MetamodelException(
            file, n, "column 'kind': '" + kind + "' is not holiday or workday");
      }
      boolean weekend =
          date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (kind.equals("holiday") && weekend) {
        throw new MetamodelException(
            file,
            n,
            "column 'date': "
                + date
                + " is a "
                + date.getDayOfWeek()
                + "; list the compensating day off (a weekday) instead");
      }
      if (kind.equals("workday") && !weekend) {
        throw new MetamodelException(
            file,
            n,
            "column 'date': "
                + date
                + " is a weekday; a swapped working day is a Saturday or Sunday");
      }
      if (c[2].isBlank() || c[3].isBlank()) {
        throw new MetamodelException(file, n, "columns 'name_vi' and 'name_en' must not be empty");
      }
      String confirmed = c[4].trim();
      if (!confirmed.equals("yes") && !confirmed.equals("no")) {
        throw new MetamodelException(
            file, n, "column 'confirmed': '" + confirmed + "' is not yes or no");
      }
      String previous = seen.put(date, file + ":" + n);
      if (previous != null) {
        throw new MetamodelException(
            file, n, "column 'date': " + date + " is already listed at " + previous);
      }
      out.add(
          new CalendarDay(
              date, kind.equals("workday"), c[2].trim(), c[3].trim(), confirmed.equals("yes")));
    }
    if (!header) {
      throw new MetamodelException(
          file, "has no header line '" + HEADER.replace("\t", "<TAB>") + "'");
    }
    return out;
  }
}
