package vn.eams.exchange;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.platform.ProblemException;

/**
 * Imports in the background with their progress as server-sent events, for the upload page and for
 * clients that send large files.
 */
@Path("/api/import/jobs")
@Tag(name = "Import and export")
public class ImportJobResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private final ImportJobs jobs;
  private final ImportFiles files;

  ImportJobResource(ImportJobs jobs, ImportFiles files) {
    this.jobs = jobs;
    this.files = files;
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Start an import in the background (same files and options as POST /api/import); 202"
              + " with the job's address and the address of its progress events")
  public Response start(
      @RestForm("file") List<FileUpload> uploads, @BeanParam ImportParams params) {
    ImportService.Mode m = params.mode();
    ImportService.Forbidden f = params.forbidden();
    List<ImportFiles.Source> sources = files.sources(uploads, true);
    ImportJobs.Job job =
        jobs.start(sources, params.format, params.modelId, m, f, params.dryRun, caller.actor());
    Map<String, Object> body = new LinkedHashMap<>(job.state());
    body.put("status", "/api/import/jobs/" + job.id());
    body.put("events", "/api/import/jobs/" + job.id() + "/events");
    return Response.accepted(body).location(URI.create("/api/import/jobs/" + job.id())).build();
  }

  @GET
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Where an import job is: phase, bytes read, percent, report or problem")
  public Map<String, Object> status(@PathParam("id") String id) {
    return find(id).state();
  }

  @GET
  @Access(Right.MODEL_EDIT)
  @Path("{id}/events")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RestStreamElementType(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "The job's state as server-sent events, each time it changes; the stream ends with the"
              + " report (phase done) or the problem (phase failed)")
  public Multi<Map<String, Object>> events(@PathParam("id") String id) {
    return jobs.events(find(id));
  }

  private ImportJobs.Job find(String id) {
    return jobs.job(id).orElseThrow(() -> ProblemException.notFound("import job", id));
  }
}
