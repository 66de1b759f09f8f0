package vn.eams.appraisal.rules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** The appraisal rule-sets, route suggestions and statutory deadlines (docs/appraisal-rules.md). */
@Path("/api/appraisal")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appraisal")
public class RulesetResource {

  private final AppraisalRuleSets rules;

  RulesetResource(AppraisalRuleSets rules) {
    this.rules = rules;
  }

  @GET
  @Path("rulesets")
  @Access(Right.READ)
  @Operation(summary = "The route rule-sets, checklist, holiday calendar and portfolio weights")
  public Map<String, Object> rulesets() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("routes", rules.all().stream().map(RulesJson::json).toList());
    out.put("checklist", RulesJson.json(rules.checklist()));
    out.put("calendar", RulesJson.json(rules.calendar()));
    out.put("portfolio", rules.scoreWeights().stream().map(RulesJson::json).toList());
    return out;
  }

  @GET
  @Path("route")
  @Access(Right.READ)
  @Operation(
      summary = "The route, project group, one-step flag and deadline of a proposal",
      description =
          "funding: investment | recurrent | lease | security; total: VND; securityLevel: 1–5"
              + " (for security); on: the day (default today).")
  public Map<String, Object> route(
      @QueryParam("funding") String funding,
      @QueryParam("total") String total,
      @QueryParam("securityLevel") String securityLevel,
      @QueryParam("on") String on) {
    List<Problem.Error> bad = new ArrayList<>();
    Optional<Funding> f = Optional.empty();
    if (funding == null || funding.isBlank()) {
      bad.add(required("funding", "Give funding=investment, recurrent, lease or security."));
    } else {
      f = Funding.byKey(funding);
      if (f.isEmpty()) {
        bad.add(
            Problem.Error.field(
                "funding",
                "unknown",
                "'"
                    + funding
                    + "' is not a funding kind: use investment, recurrent, lease or security."));
      }
    }
    Long amount = null;
    if (total == null || total.isBlank()) {
      bad.add(
          required("total", "Give the total in VND as a whole number, e.g. total=15000000000."));
    } else {
      amount = wholeNumber("total", total, bad);
    }
    Integer level = null;
    if (securityLevel != null && !securityLevel.isBlank()) {
      Long l = wholeNumber("securityLevel", securityLevel, bad);
      level = l == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    }
    LocalDate day = date("on", on, bad);
    if (!bad.isEmpty()) {
      throw ProblemException.badRequest("The route query cannot be read.", bad);
    }
    if (amount < 0) {
      bad.add(Problem.Error.field("total", "negative", "The total must not be negative."));
    }
    if (f.get() == Funding.SECURITY && level == null) {
      bad.add(
          Problem.Error.field(
              "securityLevel", "required", "A security dossier needs securityLevel=1..5."));
    }
    if (level != null && (level < 1 || level > 5)) {
      bad.add(
          Problem.Error.field(
              "securityLevel", "out-of-range", "The security level is 1 to 5 (NĐ 85/2016)."));
    }
    if (!bad.isEmpty()) {
      throw ProblemException.invalid("The route query breaks a rule.", bad);
    }
    RouteRuleSet set = rules.effectiveOn(day);
    RouteSuggestion s =
        set.suggest(
            f.get(), amount, level == null ? OptionalInt.empty() : OptionalInt.of(level), day);
    Map<String, Object> out = RulesJson.json(s, set.route(s.routeId()).orElseThrow());
    // the items that apply: those the route lists plus those of every route (province policy)
    out.put(
        "checklist", rules.checklist(set, s.routeId()).stream().map(ChecklistItem::id).toList());
    return out;
  }

  @GET
  @Path("deadline")
  @Access(Right.READ)
  @Operation(
      summary = "The statutory deadline of a dossier received on a day, and the days left",
      description =
          "received: YYYY-MM-DD; route: a route id; group: A|B|C for projects, 3|4|5 for security"
              + " dossiers; step: appraisal (default) or approval; today: default today.")
  public Map<String, Object> deadline(
      @QueryParam("received") String received,
      @QueryParam("route") String route,
      @QueryParam("group") String group,
      @QueryParam("step") String step,
      @QueryParam("today") String today) {
    List<Problem.Error> bad = new ArrayList<>();
    if (received == null || received.isBlank()) {
      bad.add(required("received", "Give the day the dossier was received: received=YYYY-MM-DD."));
    }
    LocalDate from = date("received", received, bad);
    LocalDate now = date("today", today, bad);
    if (route == null || route.isBlank()) {
      bad.add(required("route", "Give the route id, e.g. route=investment-project."));
    }
    if (!bad.isEmpty()) {
      throw ProblemException.badRequest("The deadline query cannot be read.", bad);
    }
    String g = group == null ? "" : group.trim().toUpperCase(java.util.Locale.ROOT);
    String st = step == null || step.isBlank() ? "appraisal" : step.trim();
    RouteRuleSet set = rules.effectiveOn(from);
    Route r =
        set.route(route)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "No route '" + route + "' in rule-set " + set.id() + ".",
                        List.of(
                            Problem.Error.field(
                                "route",
                                "unknown",
                                "Use one of "
                                    + String.join(
                                        ", ", set.routes().stream().map(Route::id).toList())
                                    + "."))));
    Deadline d =
        r.deadline(st, g)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "The route '" + route + "' sets no " + st + " deadline for this group.",
                        List.of(
                            r.groups().isEmpty() || !st.equals("appraisal")
                                ? Problem.Error.field(
                                    "step",
                                    "no-deadline",
                                    "The law sets no "
                                        + st
                                        + " time limit for this route; steps with one: "
                                        + String.join(
                                            ", ",
                                            r.deadlines().stream()
                                                .map(Deadline::step)
                                                .distinct()
                                                .toList())
                                        + ".")
                                : Problem.Error.field(
                                    "group",
                                    g.isEmpty() ? "required" : "unknown",
                                    "Give group= one of " + String.join(", ", r.groups()) + "."))));
    WorkingCalendar cal = rules.calendar();
    LocalDate end = cal.deadline(from, d);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ruleSetId", set.id());
    out.put("ruleSetVersion", set.version());
    out.put("route", r.id());
    out.put("group", g);
    out.put("step", d.step());
    out.put("days", d.days());
    out.put("kind", d.kind().name());
    out.put("basis", d.basis());
    out.put("received", from.toString());
    out.put("deadline", end.toString());
    out.put("today", now.toString());
    out.put("daysLeft", cal.daysLeft(now, end, d.kind()));
    List<Object> skipped = new ArrayList<>();
    for (LocalDate x = from.plusDays(1); !x.isAfter(end); x = x.plusDays(1)) {
      cal.listed(x).ifPresent(c -> skipped.add(RulesJson.json(c)));
    }
    out.put("calendarDays", skipped);
    boolean covered = cal.covers(from) && cal.covers(end);
    out.put("calendarCovers", covered);
    if (!covered) {
      out.put(
          "warningVi",
          "Lịch nghỉ lễ chưa có năm " + end.getYear() + ": chỉ trừ thứ Bảy, Chủ nhật.");
      out.put(
          "warningEn",
          "The holiday calendar does not list " + end.getYear() + ": only weekends are skipped.");
    }
    return out;
  }

  private static Problem.Error required(String field, String howToFix) {
    return Problem.Error.field(field, "required", howToFix);
  }

  private static Long wholeNumber(String field, String value, List<Problem.Error> bad) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      bad.add(
          Problem.Error.field(
              field,
              "not-a-number",
              "'" + value + "' is not a whole number (digits only, no dots)."));
      return null;
    }
  }

  private static LocalDate date(String field, String value, List<Problem.Error> bad) {
    if (value == null || value.isBlank()) {
      return LocalDate.now();
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      bad.add(
          Problem.Error.field(field, "not-a-date", "'" + value + "' is not a date YYYY-MM-DD."));
      return LocalDate.now();
    }
  }
}
