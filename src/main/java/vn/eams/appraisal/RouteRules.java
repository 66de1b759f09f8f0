package vn.eams.appraisal;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import vn.eams.appraisal.rules.AppraisalRuleSets;
import vn.eams.appraisal.rules.ChecklistItem;
import vn.eams.appraisal.rules.DayKind;
import vn.eams.appraisal.rules.Deadline;
import vn.eams.appraisal.rules.DocumentSlot;
import vn.eams.appraisal.rules.Funding;
import vn.eams.appraisal.rules.Route;
import vn.eams.appraisal.rules.RouteRuleSet;
import vn.eams.appraisal.rules.RouteSuggestion;
import vn.eams.appraisal.rules.Thresholds;
import vn.eams.platform.Problem;

/**
 * What the route rule-sets say about a case: the route, group and statutory deadline when it is
 * opened, and later its checklist items and document slots — always from the rule-set the case was
 * opened under (recorded as {@code id@version}), so a newer rule-set does not change a case already
 * running.
 */
@ApplicationScoped
public class RouteRules {

  private final AppraisalRuleSets sets;

  RouteRules(AppraisalRuleSets sets) {
    this.sets = sets;
  }

  /** A checklist item of a case's route. */
  public record Item(
      String id, int number, String titleVi, String titleEn, String basis, String judge) {}

  /** A document slot of a case's route. */
  public record Slot(
      String id,
      String titleVi,
      String titleEn,
      boolean required,
      List<String> types,
      long maxBytes) {}

  /** The route's name and legal basis. */
  public record RouteInfo(String titleVi, String titleEn, String basis) {}

  /** The route chosen when a case is opened, with its deadline, or what is wrong. */
  public record Choice(
      String routeId,
      String suggestedRouteId,
      String group,
      boolean oneStep,
      String ruleset,
      Optional<LocalDate> deadline,
      OptionalInt days,
      Optional<String> dayKind,
      Optional<String> deadlineBasis,
      String noteVi,
      List<Problem.Error> errors) {}

  Choice choose(
      Funding funding,
      long total,
      OptionalInt level,
      LocalDate received,
      Optional<String> routeId) {
    List<Problem.Error> errors = new ArrayList<>();
    Optional<RouteRuleSet> found = sets.find(received);
    if (found.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "receivedOn",
              "no-ruleset",
              "No route rule-set is in force on "
                  + received
                  + "; an administrator adds one to metamodel/rulesets/routes."));
      return failed(errors);
    }
    RouteRuleSet rs = found.get();
    if (funding == Funding.SECURITY && level.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "securityLevel",
              "required",
              "A security-level dossier needs the proposed level (1..5): give securityLevel, or"
                  + " declare securityLevel on the application the proposal builds."));
      return failed(errors);
    }
    RouteSuggestion s = rs.suggest(funding, total, level, received);
    String chosen = routeId.map(String::strip).filter(x -> !x.isEmpty()).orElse(s.routeId());
    Optional<Route> route = rs.route(chosen);
    if (route.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "routeId",
              "unknown-route",
              "Rule-set "
                  + rs.id()
                  + " has no route '"
                  + chosen
                  + "'; use one of "
                  + String.join(", ", rs.routes().stream().map(Route::id).toList())
                  + ", or leave it out for the suggestion ("
                  + s.routeId()
                  + ")."));
      return failed(errors);
    }
    // The project group matters on the investment-project route only; a security dossier's
    // deadline depends on the level instead.
    String group = "";
    if (Route.INVESTMENT_PROJECT.equals(chosen)) {
      group =
          chosen.equals(s.routeId()) && !s.group().isEmpty()
              ? s.group()
              : group(rs.thresholds(), total);
    }
    Optional<Deadline> deadline;
    if (chosen.equals(s.routeId())) {
      deadline = s.deadline();
    } else if (Route.SECURITY_DOSSIER.equals(chosen)) {
      deadline =
          level.isPresent()
              ? route.get().deadline("appraisal", Integer.toString(level.getAsInt()))
              : Optional.empty();
    } else {
      deadline = route.get().deadline("appraisal", group);
    }
    if (Route.SECURITY_DOSSIER.equals(chosen) && level.isEmpty()) {
      errors.add(
          Problem.Error.field(
              "securityLevel",
              "required",
              "A security-level dossier needs the proposed level (1..5); its deadline depends on it."));
    }
    Optional<LocalDate> due = Optional.empty();
    if (deadline.isPresent()) {
      if (!sets.calendar().covers(received)) {
        errors.add(
            Problem.Error.field(
                "receivedOn",
                "outside-calendar",
                "The holiday calendar (metamodel/rulesets/calendar) does not cover "
                    + received.getYear()
                    + "; an administrator adds that year's holidays."));
      } else {
        due = Optional.of(sets.calendar().deadline(received, deadline.get()));
      }
    }
    String note =
        String.join(" ", s.reasonsVi())
            + (chosen.equals(s.routeId()) ? "" : " Người mở hồ sơ chọn trình tự " + chosen + ".");
    return new Choice(
        chosen,
        s.routeId(),
        group,
        s.oneStep() && Route.INVESTMENT_PROJECT.equals(chosen),
        rs.id() + "@" + rs.version(),
        due,
        deadline.map(d -> OptionalInt.of(d.days())).orElse(OptionalInt.empty()),
        deadline.map(d -> d.kind().name().toLowerCase(java.util.Locale.ROOT)),
        deadline.map(Deadline::basis),
        note,
        errors);
  }

  private static String group(Thresholds t, long total) {
    if (total >= t.groupAMinVnd()) {
      return "A";
    }
    return total >= t.groupBMinVnd() ? "B" : "C";
  }

  private static Choice failed(List<Problem.Error> errors) {
    return new Choice(
        "",
        "",
        "",
        false,
        "",
        Optional.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        errors);
  }

  /** The rule-set the case was opened under. */
  RouteRuleSet ruleSet(AppraisalCase k) {
    for (RouteRuleSet rs : sets.all()) {
      if ((rs.id() + "@" + rs.version()).equals(k.ruleset)) {
        return rs;
      }
    }
    return sets.effectiveOn(k.receivedOn);
  }

  Optional<Route> routeOf(AppraisalCase k) {
    return ruleSet(k).route(k.routeId);
  }

  public RouteInfo route(AppraisalCase k) {
    return routeOf(k)
        .map(r -> new RouteInfo(r.titleVi(), r.titleEn(), r.basis()))
        .orElse(new RouteInfo(k.routeId, k.routeId, ""));
  }

  public List<Item> checklist(AppraisalCase k) {
    List<Item> out = new ArrayList<>();
    for (ChecklistItem i : sets.checklist(ruleSet(k), k.routeId)) {
      out.add(new Item(i.id(), i.number(), i.titleVi(), i.titleEn(), i.basis(), i.judge().key()));
    }
    return out;
  }

  Optional<Item> checklistItem(AppraisalCase k, String itemId) {
    return checklist(k).stream().filter(i -> i.id().equals(itemId)).findFirst();
  }

  public List<Slot> slots(AppraisalCase k) {
    List<Slot> out = new ArrayList<>();
    for (DocumentSlot d : routeOf(k).map(Route::documents).orElse(List.of())) {
      out.add(
          new Slot(d.id(), d.titleVi(), d.titleEn(), d.required(), d.fileTypes(), d.maxBytes()));
    }
    return out;
  }

  Optional<Slot> slot(AppraisalCase k, String slotId) {
    return slots(k).stream().filter(s -> s.id().equals(slotId)).findFirst();
  }

  /** Days (calendar or working, as the deadline counts) from today to the deadline; < 0 overdue. */
  long daysLeft(AppraisalCase k, LocalDate today) {
    DayKind kind = "working".equals(k.deadlineKind) ? DayKind.WORKING : DayKind.CALENDAR;
    return sets.calendar().daysLeft(today, k.deadlineOn, kind);
  }
}
