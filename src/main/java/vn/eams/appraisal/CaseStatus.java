package vn.eams.appraisal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a case stands. Open cases count against their statutory deadline. */
public enum CaseStatus {
  /** Received by the DIC, not yet taken up by a reviewer. */
  RECEIVED(true),
  /** A reviewer is appraising it. */
  IN_REVIEW(true),
  APPROVED(false),
  APPROVED_WITH_CONDITIONS(false),
  REJECTED(false),
  /** The agency withdrew it, or the DIC closed it without a decision. */
  WITHDRAWN(false);

  private final boolean open;

  CaseStatus(boolean open) {
    this.open = open;
  }

  public boolean open() {
    return open;
  }

  /** Approved, with or without conditions. */
  public boolean approved() {
    return this == APPROVED || this == APPROVED_WITH_CONDITIONS;
  }

  /** The status's name in the API and the database: {@code in-review}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<CaseStatus> of(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String k = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(s -> s.name().equals(k)).findFirst();
  }

  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(CaseStatus::key).toList());
  }
}
