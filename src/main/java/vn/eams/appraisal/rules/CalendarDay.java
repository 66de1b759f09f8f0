package vn.eams.appraisal.rules;

import java.time.LocalDate;

/**
 * A day of the holiday calendar ({@code metamodel/rulesets/calendar/holidays-vn.tsv}).
 *
 * @param workday true for a swapped working Saturday (or Sunday), false for a day off
 * @param confirmed whether the date comes from an issued decision or notice (false: the expected
 *     date, to be confirmed)
 */
public record CalendarDay(
    LocalDate date, boolean workday, String nameVi, String nameEn, boolean confirmed) {}
