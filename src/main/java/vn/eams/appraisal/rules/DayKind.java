package vn.eams.appraisal.rules;

/** How the days of a statutory period are counted. */
public enum DayKind {
  /** Every day counts; a period ending on a non-working day ends on the next working day. */
  CALENDAR,
  /** Only working days count: weekends and public holidays are skipped. */
  WORKING
}
