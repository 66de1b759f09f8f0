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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
    "application/zip"
  })
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Import a model file as a new model: ArchiMate exchange format (3.x or 2.1) or Archi's"
              + " .archimate (plain or zipped); all or nothing")
  public Response importFile(
      InputStream body,
      @QueryParam("format") @DefaultValue("") String format,
      @QueryParam("modelId") @DefaultValue("") String modelId,
      @QueryParam("forbidden") @DefaultValue("skip") String forbidden,
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @QueryParam("fileName") @DefaultValue("upload") String fileName) {
    ImportService.Forbidden mode = forbidden(forbidden);
    ImportedModel model = read(body, format, fileName);
    ImportService.Result r =
        imports.create(model, new ImportService.Options(modelId, mode, dryRun), "anonymous");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("modelId", r.modelId());
    out.put("format", r.format());
    out.put("dryRun", r.dryRun());
    if (!r.dryRun()) {
      out.put("seq", r.seq());
    }
    out.put(r.dryRun() ? "wouldCreate" : "created", r.created());
    out.put("skippedRelationships", r.skipped());
    out.put("warnings", r.warnings());
    return Response.status(dryRun ? 200 : 201).entity(out).build();
  }

  private static ImportService.Forbidden forbidden(String value) {
    try {
      return ImportService.Forbidden.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "Unknown value forbidden=" + value + ".",
          List.of(
              Problem.Error.field(
                  "forbidden",
                  "unknown-value",
                  "Use forbidden=skip (leave forbidden relationships out) or forbidden=keep"
                      + " (keep them flagged "
                      + ImportService.INVALID
                      + ").")));
    }
  }

  /** Copies the upload to a temporary file (within the size limit), detects and reads it. */
  private ImportedModel read(InputStream body, String format, String fileName) {
    long max = config.importing().maxBytes().asLongValue();
    java.nio.file.Path tmp = null;
    try {
      tmp = Files.createTempFile("eams-import-", ".bin");
      long size = copy(body, tmp, max);
      if (size == 0) {
        throw ProblemException.badRequest(
            "The request has no file.",
            List.of(Problem.Error.field("body", "empty", "Send the file as the request body.")));
      }
      String kind = format.isBlank() ? detect(tmp) : format.strip().toLowerCase(Locale.ROOT);
      ImportLimits limits =
          new ImportLimits(
              max, config.importing().maxZipEntries(), config.importing().maxZipRatio());
      try (InputStream in = new BufferedInputStream(Files.newInputStream(tmp), 1 << 16)) {
        return switch (kind) {
          case "exchange" -> ExchangeReader.read(in, fileName, metamodel);
          case "archimate" -> ArchiFileReader.read(in, fileName, metamodel, limits);
          default ->
              throw ProblemException.badRequest(
                  "Unknown import format '" + kind + "'.",
                  List.of(
                      Problem.Error.field(
                          "format",
                          "unknown-format",
                          "Use format=exchange (Open Exchange Format 3.x or 2.1) or"
                              + " format=archimate (Archi's .archimate, plain or zipped), or leave"
                              + " it out to detect it.")));
        };
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover temporary file is removed by the system
        }
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
          throw ProblemException.tooLarge(
              "The file is larger than " + max + " bytes; nothing was imported.",
              List.of(
                  Problem.Error.field(
                      "body",
                      "too-large",
                      "Split the model, or raise eams.import.max-bytes on the server.")));
        }
        out.write(buf, 0, n);
      }
    }
    return total;
  }

  /** "archimate" for a zip or an Archi model, "exchange" otherwise (the reader checks it). */
  private static String detect(java.nio.file.Path file) throws IOException {
    byte[] head = new byte[2048];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
      return "archimate";
    }
    String text = new String(head, 0, n, StandardCharsets.UTF_8);
    return text.contains("http://www.archimatetool.com/archimate") ? "archimate" : "exchange";
  }
}
