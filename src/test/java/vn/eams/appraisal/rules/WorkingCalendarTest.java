package vn.eams.appraisal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statutory deadlines over the shipped holiday calendar; each date is worked out in a comment. */
class WorkingCalendarTest {

  static WorkingCalendar cal;

  static final Deadline GROUP_C = new Deadline("appraisal", List.of("C"), 10, DayKind.CALENDAR, "");
  static final Deadline OUTLINE = new Deadline("appraisal", List.of(), 15, DayKind.WORKING, "");

  @BeforeAll
  static void load() {
    cal = new AppraisalRuleSets(Path.of("metamodel/rulesets")).calendar();
  }

  static LocalDate d(int y, int m, int day) {
    return LocalDate.of(y, m, day);
  }

  @Test
  void calendarDays_CountFromTheNextDay_AndEndOnAWorkingDay() {
    // received Mon 3 Mar 2025; day 1 = Tue 4 Mar; day 15 = Tue 18 Mar (a working day)
    assertThat(cal.deadline(d(2025, 3, 3), 15, DayKind.CALENDAR)).isEqualTo(d(2025, 3, 18));
    // received Wed 12 Mar 2025 + 10 days = Sat 22 Mar → next working day Mon 24 Mar (BLDS Đ148)
    assertThat(cal.deadline(d(2025, 3, 12), 10, DayKind.CALENDAR)).isEqualTo(d(2025, 3, 24));
  }

  @Test
  void calendarDays_EndingInTet_MoveToAfterTet() {
    // group C, received Fri 17 Jan 2025: +10 days = Mon 27 Jan 2025, a Tết day; 27–31 Jan are
    // Tết, 1–2 Feb a weekend → Mon 3 Feb 2025
    assertThat(cal.deadline(d(2025, 1, 17), GROUP_C)).isEqualTo(d(2025, 2, 3));
  }

  @Test
  void workingDays_SkipTetAndWeekends() {
    // outline, received Thu 23 Jan 2025: Fri 24 (1); 27–31 Jan Tết; 1–2 Feb weekend;
    // 3–7 Feb (2–6); 10–14 Feb (7–11); 17, 18, 19, 20 Feb (12–15) → Thu 20 Feb 2025
    assertThat(cal.deadline(d(2025, 1, 23), OUTLINE)).isEqualTo(d(2025, 2, 20));
    // Tết 2024: received Wed 7 Feb 2024; 8–9 Feb off, 10–11 weekend, 12–14 off →
    // Thu 15 (1), Fri 16 (2), Mon 19 (3) for 3 working days
    assertThat(cal.deadline(d(2024, 2, 7), 3, DayKind.WORKING)).isEqualTo(d(2024, 2, 19));
  }

  @Test
  void workingDays_CountASwappedSaturday_AndSkipTheSwappedDayOff() {
    // 2025: Sat 26 Apr is a working day (swapped with Fri 2 May).
    // received Thu 24 Apr 2025: Fri 25 (1), Sat 26 (2), Mon 28 (3)
    assertThat(cal.isWorkingDay(d(2025, 4, 26))).isTrue();
    assertThat(cal.deadline(d(2025, 4, 24), 3, DayKind.WORKING)).isEqualTo(d(2025, 4, 28));
    // received Mon 28 Apr 2025: Tue 29 (1); 30 Apr, 1 May, 2 May off; 3–4 weekend; Mon 5 May (2)
    assertThat(cal.isWorkingDay(d(2025, 5, 2))).isFalse();
    assertThat(cal.deadline(d(2025, 4, 28), 2, DayKind.WORKING)).isEqualTo(d(2025, 5, 5));
  }

  @Test
  void receivedOnAHoliday_CountsFromTheNextDay() {
    // received Wed 1 Jan 2025 (holiday): working days Thu 2 (1), Fri 3 (2)
    assertThat(cal.deadline(d(2025, 1, 1), 2, DayKind.WORKING)).isEqualTo(d(2025, 1, 3));
  }

  @Test
  void daysLeft_CalendarAndWorking_NegativeWhenOverdue() {
    // 17 Jan → 3 Feb 2025: 14 days in January after the 17th + 3 = 17 calendar days
    assertThat(cal.daysLeft(d(2025, 1, 17), d(2025, 2, 3), DayKind.CALENDAR)).isEqualTo(17);
    // Fri 24 Jan → Thu 20 Feb 2025: working days 3–7, 10–14, 17–20 Feb = 5 + 5 + 4 = 14
    assertThat(cal.daysLeft(d(2025, 1, 24), d(2025, 2, 20), DayKind.WORKING)).isEqualTo(14);
    // on the last day: 0
    assertThat(cal.daysLeft(d(2025, 2, 20), d(2025, 2, 20), DayKind.WORKING)).isZero();
    // Wed 5 Feb, deadline Mon 3 Feb: 2 calendar days late; working days Tue 4, Wed 5 → −2
    assertThat(cal.daysLeft(d(2025, 2, 5), d(2025, 2, 3), DayKind.CALENDAR)).isEqualTo(-2);
    assertThat(cal.daysLeft(d(2025, 2, 5), d(2025, 2, 3), DayKind.WORKING)).isEqualTo(-2);
  }

  @Test
  void weekendsAndListedDays() {
    assertThat(cal.isWorkingDay(d(2025, 3, 8))).isFalse(); // Saturday
    assertThat(cal.isWorkingDay(d(2025, 9, 1))).isFalse(); // Quốc khánh, adjacent day
    assertThat(cal.isWorkingDay(d(2026, 2, 17))).isFalse(); // mùng 1 Tết Bính Ngọ
    assertThat(cal.covers(d(2027, 12, 31))).isTrue();
    assertThat(cal.covers(d(2028, 1, 1))).isFalse();
    assertThat(cal.firstYear()).isEqualTo(2024);
  }
}
