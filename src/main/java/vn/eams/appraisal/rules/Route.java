package vn.eams.appraisal.rules;

import java.util.List;
import java.util.Optional;

/**
 * An appraisal route: its statutory deadlines, dossier documents and checklist items.
 *
 * @param checklist ids of the checklist items the route lists (items that apply to all routes come
 *     on top: {@link AppraisalRuleSets#checklist(String)})
 */
public record Route(
    String id,
    String titleVi,
    String titleEn,
    String basis,
    List<Deadline> deadlines,
    List<DocumentSlot> documents,
    List<String> checklist) {

  /** The investment project route (groups A, B, C). */
  public static final String INVESTMENT_PROJECT = "investment-project";

  /** The recurrent-budget outline and detailed estimate route (TT 03/2020). */
  public static final String RECURRENT_OUTLINE = "recurrent-outline";

  /** The IT service lease plan route. */
  public static final String LEASE_PLAN = "lease-plan";

  /** The security-level dossier route. */
  public static final String SECURITY_DOSSIER = "security-dossier";

  /** Ordinary procurement (no appraisal of a project or outline). */
  public static final String PROCUREMENT = "procurement";

  /** Every route a rule-set must define. */
  public static final List<String> REQUIRED =
      List.of(INVESTMENT_PROJECT, RECURRENT_OUTLINE, LEASE_PLAN, SECURITY_DOSSIER, PROCUREMENT);

  public Route {
    deadlines = List.copyOf(deadlines);
    documents = List.copyOf(documents);
    checklist = List.copyOf(checklist);
  }

  /** The deadline of {@code step} for {@code group} (empty group: a deadline for all groups). */
  public Optional<Deadline> deadline(String step, String group) {
    return deadlines.stream()
        .filter(d -> d.step().equals(step) && d.appliesTo(group == null ? "" : group))
        .findFirst();
  }

  /** The groups this route's deadlines distinguish (empty when one deadline fits all). */
  public List<String> groups() {
    return deadlines.stream().flatMap(d -> d.groups().stream()).distinct().toList();
  }
}
