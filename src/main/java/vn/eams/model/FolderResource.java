package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.platform.ProblemException;

/** Folders (the exchange format's organizations) of a model. */
@Path("/api/models/{modelId}/folders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Folders")
public class FolderResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private final ModelService service;
  private final ModelQueries queries;

  FolderResource(ModelService service, ModelQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  @GET
  @Access(Right.READ)
  @Operation(summary = "List the folders of a model")
  public Map<String, Object> list(@PathParam("modelId") String modelId) {
    queries.requireModel(modelId);
    return Map.of("items", queries.folders(modelId).stream().map(ConceptJson::folder).toList());
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "Create a folder (parentId nests it)")
  public Response create(@PathParam("modelId") String modelId, JsonNode body) {
    String[] id = new String[1];
    FolderData data =
        Requests.read(
            body,
            in -> {
              id[0] = in.text("id", "");
              return ConceptInput.folder(in, new FolderData("", "", "", ""));
            });
    ChangeResult r =
        service.apply(
            modelId,
            List.of(new ModelOperation.CreateFolder(id[0], data)),
            caller.actor(),
            true,
            false);
    Folder f = queries.folder(r.applied().get(0).id()).orElseThrow();
    return Requests.created(
        "/api/models/" + modelId + "/folders/" + f.id(), ConceptJson.folder(f), f.version());
  }

  @GET
  @Access(Right.READ)
  @Path("{id}")
  @Operation(summary = "Read a folder")
  public Response get(@PathParam("modelId") String modelId, @PathParam("id") String id) {
    Folder f = find(modelId, id);
    return Requests.ok(ConceptJson.folder(f), f.version());
  }

  @PATCH
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(summary = "Rename or move a folder (needs If-Match or version)")
  public Response patch(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    Folder current = find(modelId, id);
    long[] bodyVersion = new long[1];
    FolderData data =
        Requests.read(
            body,
            in -> {
              bodyVersion[0] = in.version("version");
              Requests.sameId(in, id);
              return ConceptInput.folder(in, current.data());
            });
    long expected = Versions.expected(ifMatch, bodyVersion[0], id);
    service.apply(
        modelId,
        List.of(new ModelOperation.UpdateFolder(id, expected, data)),
        caller.actor(),
        true,
        false);
    Folder f = queries.folder(id).orElseThrow();
    return Requests.ok(ConceptJson.folder(f), f.version());
  }

  @DELETE
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(summary = "Delete an empty folder (needs If-Match)")
  public Map<String, Object> delete(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    long version = Versions.expected(ifMatch, -1, id);
    return Requests.deleted(
        service.apply(
            modelId,
            List.of(new ModelOperation.Delete(ConceptKind.FOLDER, id, version)),
            caller.actor(),
            true,
            false));
  }

  private Folder find(String modelId, String id) {
    queries.requireModel(modelId);
    return queries
        .folder(id)
        .filter(f -> f.modelId().equals(modelId))
        .orElseThrow(() -> ProblemException.notFound("folder", id));
  }
}
