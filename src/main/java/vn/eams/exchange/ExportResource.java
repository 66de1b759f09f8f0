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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
  @Operation(summary = "Export a model as an ArchiMate exchange file (3.1, XSD-valid)")
  public Response export(
      @PathParam("modelId") String modelId,
      @QueryParam("format") @DefaultValue("exchange") String format) {
    if (!format.equals("exchange")) {
      throw ProblemException.badRequest(
          "Unknown export format '" + format + "'.",
          List.of(Problem.Error.field("format", "unknown-format", "Use format=exchange.")));
    }
    ModelSnapshot s =
        queries.snapshot(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    StreamingOutput out = (OutputStream o) -> ExchangeWriter.write(s, metamodel, o);
    return Response.ok(out, MediaType.APPLICATION_XML + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + modelId + ".xml\"")
        .build();
  }
}
