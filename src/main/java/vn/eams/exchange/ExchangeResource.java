package vn.eams.exchange;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.compliance.ComplianceService;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Import of model files and export of models (ArchiMate exchange format, Archi files). */
@Path("/api/import")
@Tag(name = "Import and export")
public class ExchangeResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private final ImportService imports;
  private final ImportFiles files;
  private final ComplianceService compliance;

  ExchangeResource(ImportService imports, ImportFiles files, ComplianceService compliance) {
    this.imports = imports;
    this.files = files;
    this.compliance = compliance;
  }

  @POST
  @Access(Right.MODEL_EDIT)
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
      @BeanParam ImportParams params,
      @QueryParam("fileName") @DefaultValue("upload") String fileName) {
    ImportService.Forbidden keep = params.forbidden();
    ImportService.Mode given = params.mode();
    java.nio.file.Path tmp = null;
    try {
      tmp = Files.createTempFile("eams-import-", ".bin");
      copy(body, tmp, files.maxBytes());
      ImportedModel model =
          files.read(List.of(new ImportFiles.Source(fileName, tmp)), params.format);
      return run(model, params.modelId, given, keep, params.dryRun);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(tmp);
    }
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import files sent as a form (the upload page): one model file, or the CSV files of a"
              + " set (Archi CSV, agency templates) together; same options as the body upload")
  public Response importForm(
      @RestForm("file") List<FileUpload> uploads, @BeanParam ImportParams params) {
    ImportService.Forbidden keep = params.forbidden();
    ImportService.Mode given = params.mode();
    List<ImportFiles.Source> sources = files.sources(uploads, false);
    ImportedModel model = files.read(sources, params.format);
    return run(model, params.modelId, given, keep, params.dryRun);
  }

  private Response run(
      ImportedModel model,
      String modelId,
      ImportService.Mode given,
      ImportService.Forbidden keep,
      boolean dryRun) {
    ImportService.Mode mode = ImportService.Mode.of(given, model);
    ImportService.Result r =
        imports.create(
            model, new ImportService.Options(modelId, mode, keep, dryRun), caller.actor());
    Map<String, Object> out = report(r);
    if (!dryRun) {
      out.put("validation", compliance.summary(r.modelId()));
    }
    return Response.status(!dryRun && r.mode() == ImportService.Mode.CREATE ? 201 : 200)
        .entity(out)
        .build();
  }

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
  static ImportService.Mode mode(String value) {
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

  static ImportService.Forbidden forbidden(String value) {
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

  private static long copy(InputStream in, java.nio.file.Path to, long max) throws IOException {
    long total = 0;
    byte[] buf = new byte[1 << 16];
    try (OutputStream out = Files.newOutputStream(to)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > max) {
          throw ImportFiles.tooLarge(max);
        }
        out.write(buf, 0, n);
      }
    }
    return total;
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
}
