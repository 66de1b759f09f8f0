package vn.eams.exchange;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Export of a model as a file another ArchiMate tool reads. */
@Path("/api/models/{modelId}/export")
@Tag(name = "Import and export")
public class ExportResource {

  private final ModelQueries queries;
  private final Metamodel metamodel;

  ExportResource(ModelQueries queries, Metamodel metamodel) {
    this.queries = queries;
    this.metamodel = metamodel;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary =
          "Export a model: format=exchange (ArchiMate exchange file 3.1, XSD-valid, with views) or"
              + " format=csv (a zip of Archi's elements.csv, relations.csv and properties.csv)")
  public Response export(
      @PathParam("modelId") String modelId,
      @QueryParam("format") @DefaultValue("exchange") String format) {
    if (!format.equals("exchange") && !format.equals("csv")) {
      throw ProblemException.badRequest(
          "Unknown export format '" + format + "'.",
          List.of(
              Problem.Error.field(
                  "format", "unknown-format", "Use format=exchange or format=csv.")));
    }
    ModelSnapshot s =
        queries.snapshot(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    if (format.equals("csv")) {
      StreamingOutput zip =
          (OutputStream o) -> {
            try (ZipOutputStream z = new ZipOutputStream(o)) {
              ArchiCsvWriter.write(s, metamodel, modelId + "-", z);
            }
          };
      return Response.ok(zip, "application/zip")
          .header("Content-Disposition", "attachment; filename=\"" + modelId + "-csv.zip\"")
          .build();
    }
    StreamingOutput out = (OutputStream o) -> ExchangeWriter.write(s, metamodel, o);
    return Response.ok(out, MediaType.APPLICATION_XML + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + modelId + ".xml\"")
        .build();
  }
}
