package vn.eams.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The files of a zip archive sent for import (a set of CSV files), unpacked under the server's
 * limits: number of entries, bytes unpacked in all, and unpacked size against the compressed bytes
 * actually read (the sizes in the zip headers are not trusted). A refusal is a 413 problem and
 * nothing is kept.
 */
final class ZipFiles {

  /** Bytes unpacked before the compression ratio is judged (small files compress a lot). */
  private static final long RATIO_GRACE = 1 << 20;

  private ZipFiles() {}

  /** The archive's files (no folders), by entry name, in archive order. */
  static Map<String, byte[]> read(InputStream in, String source, ImportLimits limits)
      throws IOException {
    CountingInputStream compressed = new CountingInputStream(in);
    Map<String, byte[]> files = new LinkedHashMap<>();
    long total = 0;
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(compressed)) {
      ZipEntry e;
      byte[] buffer = new byte[1 << 16];
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > limits.maxZipEntries()) {
          throw refused(
              source + " has more than " + limits.maxZipEntries() + " entries.",
              "max-zip-entries",
              "eams.import.max-zip-entries");
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int n;
        while ((n = zip.read(buffer)) > 0) {
          total += n;
          if (total > limits.maxBytes()) {
            throw refused(
                source + " unpacks to more than " + limits.maxBytes() + " bytes.",
                "max-bytes",
                "eams.import.max-bytes");
          }
          if (total > RATIO_GRACE && total > compressed.count() * limits.maxZipRatio()) {
            throw refused(
                source
                    + " unpacks to more than "
                    + limits.maxZipRatio()
                    + " times its compressed size, which is how zip bombs work.",
                "max-zip-ratio",
                "eams.import.max-zip-ratio");
          }
          if (!e.isDirectory()) {
            out.write(buffer, 0, n);
          }
        }
        if (!e.isDirectory()) {
          files.put(e.getName(), out.toByteArray());
        }
      }
    } catch (ZipException e) {
      throw ProblemException.badRequest(
          source + " starts like a zip archive but cannot be unpacked (" + e.getMessage() + ").",
          List.of(
              Problem.Error.field("file", "zip", "Pack the files again and send the archive.")));
    }
    return files;
  }

  private static ProblemException refused(String what, String code, String key) {
    return ProblemException.tooLarge(
        "The archive " + what + " Nothing was imported.",
        List.of(
            Problem.Error.field(
                "file", code, "Send a smaller archive, or raise " + key + " on the server.")));
  }
}
