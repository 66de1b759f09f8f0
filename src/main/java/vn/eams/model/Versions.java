package vn.eams.model;

import java.util.List;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Reads the version a client read, from If-Match or the body. */
final class Versions {

  private Versions() {}

  /**
   * The expected version: the If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}) or else the
   * body's {@code version}; 428 when neither is given, 400 when they disagree.
   */
  static long expected(String ifMatch, long bodyVersion, String id) {
    long header = -1;
    if (ifMatch != null && !ifMatch.isBlank()) {
      String v = ifMatch.strip();
      if (v.startsWith("W/")) {
        v = v.substring(2);
      }
      v = v.replace("\"", "");
      try {
        header = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw ProblemException.badRequest(
            "If-Match must carry the version you read, e.g. If-Match: \"3\".",
            List.of(
                Problem.Error.field(
                    "If-Match", "invalid-version", "Use the ETag of the resource you read.")));
      }
    }
    if (header >= 0 && bodyVersion >= 0 && header != bodyVersion) {
      throw ProblemException.badRequest(
          "If-Match (" + header + ") and the body's version (" + bodyVersion + ") disagree.",
          List.of(
              Problem.Error.field(
                  "version", "version-mismatch", "Send one version, the one you read.")));
    }
    long v = header >= 0 ? header : bodyVersion;
    if (v < 0) {
      throw ProblemException.versionRequired(id);
    }
    return v;
  }
}
