package vn.eams.appraisal.rules;

import java.util.Locale;
import java.util.Optional;

/** How a proposal is paid for: decides which appraisal route applies. */
public enum Funding {
  /** Development investment (chi đầu tư phát triển): a project under the Public Investment Law. */
  INVESTMENT("investment"),
  /** Recurrent budget (chi thường xuyên). */
  RECURRENT("recurrent"),
  /** IT service lease to bespoke requirements (thuê dịch vụ CNTT). */
  LEASE("lease"),
  /** An information-security level dossier (hồ sơ đề xuất cấp độ). */
  SECURITY("security");

  private final String key;

  Funding(String key) {
    this.key = key;
  }

  /** The key used in data files and the API. */
  public String key() {
    return key;
  }

  /** The funding kind of a key (case-insensitive), or empty. */
  public static Optional<Funding> byKey(String key) {
    if (key == null) {
      return Optional.empty();
    }
    String k = key.trim().toLowerCase(Locale.ROOT);
    for (Funding f : values()) {
      if (f.key.equals(k)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
