package vn.eams.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Reads files sent for import, whatever their format, into an {@link ImportedModel}: an exchange
 * file, an Archi file, or CSV files (Archi's set or agency templates), one by one or zipped. The
 * format is detected from the first bytes and the names when not given. Used by the API and the
 * command line alike, under the server's limits ({@code eams.import.*}).
 */
@ApplicationScoped
public class ImportFiles {

  /** A file to read: the name it is known by (in messages) and where it is. */
  public record Source(String name, Path path) {}

  private final Metamodel metamodel;
  private final EamsConfig config;

  ImportFiles(Metamodel metamodel, EamsConfig config) {
    this.metamodel = metamodel;
    this.config = config;
  }

  /**
   * The files of a form upload, within the size limit; {@code keep} copies them (the uploads are
   * deleted when the request ends), for a job that outlives the request.
   */
  List<Source> sources(
      List<org.jboss.resteasy.reactive.multipart.FileUpload> uploads, boolean keep) {
    if (uploads == null || uploads.isEmpty()) {
      throw noFile();
    }
    List<Source> sources = new java.util.ArrayList<>();
    long total = 0;
    try {
      for (org.jboss.resteasy.reactive.multipart.FileUpload u : uploads) {
        total += u.size();
        if (total > maxBytes()) {
          throw tooLarge(maxBytes());
        }
        Path file = u.uploadedFile();
        if (keep) {
          file = Files.createTempFile("eams-job-", ".bin");
          Files.copy(u.uploadedFile(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        sources.add(new Source(u.fileName(), file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  long maxBytes() {
    return config.importing().maxBytes().asLongValue();
  }

  private ImportLimits limits() {
    return new ImportLimits(
        maxBytes(), config.importing().maxZipEntries(), config.importing().maxZipRatio());
  }

  /** Reads the files as the format says, or as detected from their first bytes. */
  public ImportedModel read(List<Source> uploads, String format) {
    return read(uploads, format, n -> {});
  }

  /**
   * As {@link #read(List, String)}, telling {@code progress} how many bytes of the file have been
   * read so far (for a progress bar).
   */
  public ImportedModel read(List<Source> uploads, String format, LongConsumer progress) {
    try {
      for (Source u : uploads) {
        if (Files.size(u.path()) == 0) {
          throw noFile();
        }
      }
      Source first = uploads.get(0);
      String kind =
          format.isBlank()
              ? (uploads.size() > 1 || first.name().toLowerCase(Locale.ROOT).endsWith(".csv")
                  ? "csv"
                  : detect(first.path()))
              : format.strip().toLowerCase(Locale.ROOT);
      if (uploads.size() > 1 && !kind.equals("csv")) {
        throw ProblemException.badRequest(
            "Several files were sent; only CSV files are imported together.",
            List.of(
                Problem.Error.field(
                    "file",
                    "several-files",
                    "Send one exchange or Archi file at a time, or only the CSV files of one"
                        + " set.")));
      }
      if (kind.equals("csv")) {
        return csv(uploads);
      }
      try (InputStream in =
          new BufferedInputStream(
              new CountingInputStream(Files.newInputStream(first.path()), every256k(progress)),
              1 << 16)) {
        return switch (kind) {
          case "exchange" -> ExchangeReader.read(in, first.name(), metamodel);
          case "archimate" -> ArchiFileReader.read(in, first.name(), metamodel, limits());
          default ->
              throw ProblemException.badRequest(
                  "Unknown import format '" + kind + "'.",
                  List.of(
                      Problem.Error.field(
                          "format",
                          "unknown-format",
                          "Use format=exchange (Open Exchange Format 3.x or 2.1), format=archimate"
                              + " (Archi's .archimate, plain or zipped) or format=csv (Archi CSV"
                              + " files), or leave it out to detect it.")));
        };
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Passes a running byte count on to {@code progress} at most once per 256 KiB. */
  private static LongConsumer every256k(LongConsumer progress) {
    long[] told = {0};
    return total -> {
      if (total - told[0] >= 256 * 1024) {
        told[0] = total;
        progress.accept(total);
      }
    };
  }

  /**
   * CSV files, sent one by one or zipped together: Archi's CSV set (files named *elements.csv,
   * *relations.csv, *properties.csv) or filled agency inventory templates.
   */
  private ImportedModel csv(List<Source> uploads) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Source u : uploads) {
      if (isZip(u.path())) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(u.path()))) {
          files.putAll(ZipFiles.read(in, u.name(), limits()));
        }
      } else {
        files.put(u.name(), Files.readAllBytes(u.path()));
      }
    }
    String source = uploads.size() == 1 ? uploads.get(0).name() : uploads.size() + " CSV files";
    boolean archi =
        files.keySet().stream()
            .map(n -> n.toLowerCase(Locale.ROOT))
            .anyMatch(
                n ->
                    n.endsWith("elements.csv")
                        || n.endsWith("relations.csv")
                        || n.endsWith("properties.csv"));
    return archi
        ? ArchiCsvReader.read(files, source, metamodel)
        : AgencyTemplateReader.read(files, source, metamodel);
  }

  static ProblemException noFile() {
    return ProblemException.badRequest(
        "The request has no file.",
        List.of(Problem.Error.field("body", "empty", "Send the file as the request body.")));
  }

  static ProblemException tooLarge(long max) {
    return ProblemException.tooLarge(
        "The file is larger than " + max + " bytes; nothing was imported.",
        List.of(
            Problem.Error.field(
                "body",
                "too-large",
                "Split the model, or raise eams.import.max-bytes on the server.")));
  }

  /**
   * "csv" for CSV text or a zip of CSV files, "archimate" for another zip or an Archi model,
   * "exchange" otherwise (the reader checks it).
   */
  private static String detect(Path file) throws IOException {
    if (isZip(file)) {
      try (java.util.zip.ZipInputStream zip =
          new java.util.zip.ZipInputStream(Files.newInputStream(file))) {
        java.util.zip.ZipEntry e;
        while ((e = zip.getNextEntry()) != null && e.isDirectory()) {
          // the first file tells
        }
        return e != null && e.getName().toLowerCase(Locale.ROOT).endsWith(".csv")
            ? "csv"
            : "archimate";
      } catch (java.util.zip.ZipException e) {
        return "archimate"; // its reader says what is wrong with the archive
      }
    }
    byte[] head = new byte[2048];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String text = new String(head, 0, n, StandardCharsets.UTF_8).replace("\uFEFF", "");
    String start = text.stripLeading();
    if (start.startsWith("\"ID\"") || start.matches("(?s)^ID[,;\t].*")) {
      return "csv";
    }
    return text.contains("http://www.archimatetool.com/archimate") ? "archimate" : "exchange";
  }

  private static boolean isZip(Path file) throws IOException {
    byte[] head = new byte[2];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, 2) == 2 && head[0] == 'P' && head[1] == 'K';
    }
  }
}
