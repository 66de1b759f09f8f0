package vn.eams.appraisal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a reviewer decides on a case. */
public enum Decision {
  APPROVE(CaseStatus.APPROVED),
  APPROVE_WITH_CONDITIONS(CaseStatus.APPROVED_WITH_CONDITIONS),
  REJECT(CaseStatus.REJECTED);

  private final CaseStatus status;

  Decision(CaseStatus status) {
    this.status = status;
  }

  /** The case's status after the decision. */
  public CaseStatus status() {
    return status;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<Decision> of(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String k = key.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(s -> s.name().equals(k)).findFirst();
  }
}
