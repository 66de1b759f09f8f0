package vn.eams.exchange;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Import of model files and export of models (ArchiMate exchange format, Archi files). */
@Path("/api/import")
@Tag(name = "Import and export")
public class ExchangeResource {

  private final ImportService imports;
  private final Metamodel metamodel;
  private final EamsConfig config;

  ExchangeResource(ImportService imports, Metamodel metamodel, EamsConfig config) {
    this.imports = imports;
    this.metamodel = metamodel;
    this.config = config;
  }

  @POST
  @Consumes({
    MediaType.APPLICATION_XML,
    MediaType.TEXT_XML,
    MediaType.APPLICATION_OCTET_STREAM,
    "application/zip",
    "text/csv"
  })
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import a model file: ArchiMate exchange format (3.x or 2.1), Archi's .archimate (plain"
              + " or zipped), Archi CSV (one file, or a zip of elements/relations/properties.csv);"
              + " all or nothing",
      description =
          "mode=create (a new model; the default for complete files), merge (into the model of"
              + " that id: new ids created, known ids updated, nothing deleted; the default for"
              + " CSV) or replace (the model becomes the file). dryRun=true checks everything and"
              + " reports what would be created, updated, unchanged and deleted.")
  public Response importFile(
      InputStream body,
      @QueryParam("format") @DefaultValue("") String format,
      @QueryParam("modelId") @DefaultValue("") String modelId,
      @QueryParam("mode") @DefaultValue("") String mode,
      @QueryParam("forbidden") @DefaultValue("skip") String forbidden,
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @QueryParam("fileName") @DefaultValue("upload") String fileName) {
    ImportService.Forbidden keep = forbidden(forbidden);
    ImportService.Mode given = mode(mode);
    java.nio.file.Path tmp = null;
    try {
      tmp = Files.createTempFile("eams-import-", ".bin");
      copy(body, tmp, maxBytes());
      ImportedModel model = read(List.of(new Upload(fileName, tmp)), format);
      return run(model, modelId, given, keep, dryRun);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(tmp);
    }
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import files sent as a form (the upload page): one model file, or the CSV files of a"
              + " set (Archi CSV, agency templates) together; same options as the body upload")
  public Response importForm(
      @RestForm("file") List<FileUpload> files,
      @QueryParam("format") @DefaultValue("") String format,
      @QueryParam("modelId") @DefaultValue("") String modelId,
      @QueryParam("mode") @DefaultValue("") String mode,
      @QueryParam("forbidden") @DefaultValue("skip") String forbidden,
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
    ImportService.Forbidden keep = forbidden(forbidden);
    ImportService.Mode given = mode(mode);
    if (files == null || files.isEmpty()) {
      throw noFile();
    }
    List<Upload> uploads = new ArrayList<>();
    long total = 0;
    for (FileUpload f : files) {
      total += f.size();
      if (total > maxBytes()) {
        throw tooLarge(maxBytes());
      }
      uploads.add(new Upload(f.fileName(), f.uploadedFile()));
    }
    ImportedModel model = read(uploads, format);
    return run(model, modelId, given, keep, dryRun);
  }

  private Response run(
      ImportedModel model,
      String modelId,
      ImportService.Mode given,
      ImportService.Forbidden keep,
      boolean dryRun) {
    ImportService.Mode mode =
        given != null
            ? given
            : model.partial() ? ImportService.Mode.MERGE : ImportService.Mode.CREATE;
    ImportService.Result r =
        imports.create(model, new ImportService.Options(modelId, mode, keep, dryRun), "anonymous");
    return Response.status(!dryRun && r.mode() == ImportService.Mode.CREATE ? 201 : 200)
        .entity(report(r))
        .build();
  }

  /** A file received: its name as sent and where it is on disk. */
  private record Upload(String name, java.nio.file.Path path) {}

  /** The JSON report of an import. */
  static Map<String, Object> report(ImportService.Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("modelId", r.modelId());
    out.put("format", r.format());
    out.put("mode", r.mode().name().toLowerCase(Locale.ROOT));
    out.put("dryRun", r.dryRun());
    if (!r.dryRun()) {
      out.put("seq", r.seq());
    }
    out.put(r.dryRun() ? "wouldCreate" : "created", r.created());
    out.put("changes", r.changes());
    out.put("skippedRelationships", r.skipped());
    out.put("warnings", r.warnings());
    return out;
  }

  /** The mode asked for, or null (the file's kind decides). */
  private static ImportService.Mode mode(String value) {
    return value.isBlank()
        ? null
        : option(
            ImportService.Mode.class,
            "mode",
            value,
            "Use mode=create (a new model), mode=merge (into the model of that id: new ids"
                + " created, known ids updated, nothing deleted) or mode=replace (the model"
                + " becomes the file).");
  }

  private static ImportService.Forbidden forbidden(String value) {
    return option(
        ImportService.Forbidden.class,
        "forbidden",
        value,
        "Use forbidden=skip (leave forbidden relationships out) or forbidden=keep (keep them"
            + " flagged "
            + ImportService.INVALID
            + ").");
  }

  /** The value of an option, or a 400 problem that says which values there are. */
  private static <E extends Enum<E>> E option(
      Class<E> type, String name, String value, String how) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "Unknown value " + name + "=" + value + ".",
          List.of(Problem.Error.field(name, "unknown-value", how)));
    }
  }

  private long maxBytes() {
    return config.importing().maxBytes().asLongValue();
  }

  private ImportLimits limits() {
    return new ImportLimits(
        maxBytes(), config.importing().maxZipEntries(), config.importing().maxZipRatio());
  }

  /** Reads the uploads as the format says, or as detected from their first bytes. */
  private ImportedModel read(List<Upload> uploads, String format) {
    try {
      for (Upload u : uploads) {
        if (Files.size(u.path()) == 0) {
          throw noFile();
        }
      }
      Upload first = uploads.get(0);
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
      try (InputStream in = new BufferedInputStream(Files.newInputStream(first.path()), 1 << 16)) {
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

  /**
   * CSV files, sent one by one or zipped together: Archi's CSV set (files named *elements.csv,
   * *relations.csv, *properties.csv) or filled agency inventory templates.
   */
  private ImportedModel csv(List<Upload> uploads) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Upload u : uploads) {
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

  private static ProblemException noFile() {
    return ProblemException.badRequest(
        "The request has no file.",
        List.of(Problem.Error.field("body", "empty", "Send the file as the request body.")));
  }

  private static ProblemException tooLarge(long max) {
    return ProblemException.tooLarge(
        "The file is larger than " + max + " bytes; nothing was imported.",
        List.of(
            Problem.Error.field(
                "body",
                "too-large",
                "Split the model, or raise eams.import.max-bytes on the server.")));
  }

  private static void delete(java.nio.file.Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover temporary file is removed by the system
      }
    }
  }

  private static long copy(InputStream in, java.nio.file.Path to, long max) throws IOException {
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(to)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > max) {
          throw tooLarge(max);
        }
        out.write(buf, 0, n);
      }
    }
    return total;
  }

  /**
   * "csv" for CSV text or a zip of CSV files, "archimate" for another zip or an Archi model,
   * "exchange" otherwise (the reader checks it).
   */
  private static String detect(java.nio.file.Path file) throws IOException {
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

  private static boolean isZip(java.nio.file.Path file) throws IOException {
    byte[] head = new byte[2];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(head, 0, 2) == 2 && head[0] == 'P' && head[1] == 'K';
    }
  }
}
