package vn.eams.appraisal.rules;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Working days of Vietnamese state agencies: Monday to Friday, less public holidays and
 * compensating days off, plus swapped working Saturdays — all from the calendar data.
 *
 * <p>Periods follow the Civil Code 2015: a period counts from the day after the day of receipt
 * (Điều 147); a period in days that ends on a non-working day ends on the next working day (Điều
 * 148). A period in working days counts working days only.
 */
public final class WorkingCalendar {

  private final Map<LocalDate, CalendarDay> days = new TreeMap<>();

  /** A calendar of these listed days. */
  public WorkingCalendar(Collection<CalendarDay> listed) {
    for (CalendarDay d : listed) {
      days.put(d.date(), d);
    }
  }

  /** The listed days, in date order. */
  public List<CalendarDay> days() {
    return List.copyOf(days.values());
  }

  /** The listed day of {@code date} (a holiday or swapped working day), if any. */
  public Optional<CalendarDay> listed(LocalDate date) {
    return Optional.ofNullable(days.get(date));
  }

  /** First year with listed days (0 when none). */
  public int firstYear() {
    return days.isEmpty() ? 0 : days.keySet().iterator().next().getYear();
  }

  /** Last year with listed days (0 when none). */
  public int lastYear() {
    return days.isEmpty() ? 0 : ((TreeMap<LocalDate, CalendarDay>) days).lastKey().getYear();
  }

  /** Whether the calendar lists the holidays of {@code date}'s year. */
  public boolean covers(LocalDate date) {
    return !days.isEmpty() && date.getYear() >= firstYear() && date.getYear() <= lastYear();
  }

  /** Whether state agencies work on {@code date}. */
  public boolean isWorkingDay(LocalDate date) {
    CalendarDay d = days.get(date);
    if (d != null) {
      return d.workday();
    }
    DayOfWeek w = date.getDayOfWeek();
    return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
  }

  /** The first working day on or after {@code date}. */
  public LocalDate onOrAfter(LocalDate date) {
    LocalDate d = date;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  /**
   * The last day of {@code deadline}'s period for a dossier received on {@code received}.
   *
   * <p>Calendar days: received + days, moved to the next working day when that is not one. Working
   * days: the days-th working day after the day of receipt.
   */
  public LocalDate deadline(LocalDate received, Deadline deadline) {
    return deadline(received, deadline.days(), deadline.kind());
  }

  /** The last day of a period of {@code n} days of {@code kind} from {@code received}. */
  public LocalDate deadline(LocalDate received, int n, DayKind kind) {
    if (n < 0) {
      throw new IllegalArgumentException("a period cannot be negative: " + n);
    }
    if (kind == DayKind.CALENDAR) {
      return onOrAfter(received.plusDays(n));
    }
    LocalDate d = received;
    int counted = 0;
    while (counted < n) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  /**
   * Days from {@code today} to {@code deadline}, counted as {@code kind}: 0 on the last day,
   * negative when it has passed (working days: the working days since it passed).
   */
  public long daysLeft(LocalDate today, LocalDate deadline, DayKind kind) {
    if (kind == DayKind.CALENDAR) {
      return ChronoUnit.DAYS.between(today, deadline);
    }
    if (!today.isAfter(deadline)) {
      return workingDaysAfter(today, deadline);
    }
    return -workingDaysAfter(deadline, today);
  }

  /** Working days in (from, to]. */
  private long workingDaysAfter(LocalDate from, LocalDate to) {
    long n = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }
}
