package vn.eams.compliance;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters; written in lower case in files and JSON. */
public enum Severity {
  /** Breaks the law, the architecture or the language: must be fixed before approval. */
  ERROR,
  /** Should be fixed or justified. */
  WARNING,
  /** Worth knowing. */
  INFO;

  /** The lower-case name used in files and JSON. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity called {@code code} (case-insensitive), if any. */
  public static Optional<Severity> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (Severity s : values()) {
      if (s.code().equalsIgnoreCase(code.strip())) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
