package vn.eams.appraisal.rules;

import java.util.Optional;

/** Who judges a checklist item: the EAMS from what it knows, or the reviewer. */
public enum Judge {
  AUTO_CONFORMANCE("auto-conformance"),
  AUTO_CONNECTION("auto-connection"),
  AUTO_SECURITY("auto-security"),
  AUTO_DUPLICATION("auto-duplication"),
  AUTO_DOSSIER("auto-dossier"),
  REVIEWER("reviewer");

  private final String key;

  Judge(String key) {
    this.key = key;
  }

  /** The key used in data files and the API. */
  public String key() {
    return key;
  }

  /** Whether the EAMS fills the item in itself. */
  public boolean automatic() {
    return this != REVIEWER;
  }

  /** The judge of a key, or empty. */
  public static Optional<Judge> byKey(String key) {
    for (Judge j : values()) {
      if (j.key.equals(key)) {
        return Optional.of(j);
      }
    }
    return Optional.empty();
  }
}
