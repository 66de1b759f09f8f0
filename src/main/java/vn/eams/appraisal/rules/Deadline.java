package vn.eams.appraisal.rules;

import java.util.List;

/**
 * A statutory time limit of one step of a route.
 *
 * @param step {@code appraisal} or {@code approval}
 * @param groups the project groups ({@code A}, {@code B}, {@code C}) or security levels ({@code 3},
 *     {@code 4}, {@code 5}) it applies to; empty: all
 * @param days length of the period
 * @param kind calendar or working days
 * @param basis the article that sets it
 */
public record Deadline(String step, List<String> groups, int days, DayKind kind, String basis) {

  public Deadline {
    groups = List.copyOf(groups);
  }

  /** Whether it applies to {@code group} (any group when {@link #groups()} is empty). */
  public boolean appliesTo(String group) {
    return groups.isEmpty() || groups.contains(group);
  }
}
