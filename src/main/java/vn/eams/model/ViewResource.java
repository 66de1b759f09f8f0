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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Caller;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.Right;
import vn.eams.platform.Graph;

/**
 * Views (diagrams) of a model, as the web modeller reads and edits them: every edit is saved at
 * once, all or nothing, with per-object versions (docs/api/views.md).
 */
@Path("/api/models/{modelId}/views")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Views")
public class ViewResource {

  @jakarta.inject.Inject CurrentCaller caller;

  private final ViewEditor editor;
  private final Views views;
  private final ViewStore viewStore;
  private final ViewPresences presences;
  private final Graph graph;
  private final ModelStore store;

  ViewResource(
      ViewEditor editor,
      Views views,
      ViewStore viewStore,
      ViewPresences presences,
      Graph graph,
      ModelStore store) {
    this.editor = editor;
    this.views = views;
    this.viewStore = viewStore;
    this.presences = presences;
    this.graph = graph;
    this.store = store;
  }

  @GET
  @Access(Right.READ)
  @Operation(summary = "List the views of a model (without layout), by name")
  public Map<String, Object> list(@PathParam("modelId") String modelId) {
    List<Map<String, Object>> items =
        graph.read(
            tx -> {
              if (!store.modelExists(tx, modelId)) {
                throw vn.eams.platform.ProblemException.notFound("model", modelId);
              }
              return viewStore.list(tx, modelId);
            });
    return Map.of("items", items);
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "Create an empty view (name, nameEn, documentation, viewpoint, folderId)")
  public Response create(@PathParam("modelId") String modelId, JsonNode body) {
    String[] id = new String[1];
    Views.ViewFields f =
        Requests.read(
            body,
            in -> {
              id[0] = in.text("id", "").strip();
              return Views.readFields(in, new Views.ViewFields("", "", "", "", ""));
            });
    Map<String, Object> view = views.create(modelId, id[0], f, caller.actor());
    return Requests.created(
        "/api/models/" + modelId + "/views/" + view.get("id"), view, (Long) view.get("version"));
  }

  @GET
  @Access(Right.READ)
  @Path("{viewId}")
  @Operation(
      summary = "Read a view with its layout, object versions and the concepts it shows (ETag)")
  public Response get(@PathParam("modelId") String modelId, @PathParam("viewId") String viewId) {
    Map<String, Object> view = views.read(modelId, viewId);
    return Requests.ok(view, (Long) view.get("version"));
  }

  @PATCH
  @Access(Right.MODEL_EDIT)
  @Path("{viewId}")
  @Operation(
      summary = "Rename a view, or change its documentation, viewpoint or folder (needs If-Match)")
  public Response patch(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    long[] bodyVersion = new long[1];
    JsonNode[] raw = {body};
    Requests.read(
        body,
        in -> {
          Requests.sameId(in, viewId);
          bodyVersion[0] = in.version("version");
          return Views.readFields(in, new Views.ViewFields("", "", "", "", ""));
        });
    long expected = Versions.expected(ifMatch, bodyVersion[0], viewId);
    Map<String, Object> view =
        views.update(
            modelId,
            viewId,
            expected,
            current -> Requests.read(raw[0], in -> Views.readFields(in, current)),
            caller.actor());
    return Requests.ok(view, (Long) view.get("version"));
  }

  @DELETE
  @Access(Right.MODEL_EDIT)
  @Path("{viewId}")
  @Operation(summary = "Delete a view; the model's elements stay (needs If-Match)")
  public Map<String, Object> delete(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @HeaderParam("If-Match") String ifMatch) {
    long expected = Versions.expected(ifMatch, -1, viewId);
    long seq = views.delete(modelId, viewId, expected, caller.actor());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deleted", List.of(viewId));
    m.put("seq", seq);
    return m;
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Path("{viewId}/edits")
  @Operation(
      summary = "Apply diagram edits to a view, all or nothing",
      description =
          "Operations: createElement, addNode, updateNode, removeNode, createRelationship,"
              + " addConnection, updateConnection, removeConnection (docs/api/views.md). Logged"
              + " as one change; 409 with the current state of stale objects, 422 for broken"
              + " rules.")
  public Map<String, Object> edit(
      @PathParam("modelId") String modelId, @PathParam("viewId") String viewId, JsonNode body) {
    List<ViewEdits.Edit> edits = new java.util.ArrayList<>(ViewEdits.read(body));
    return editor.apply(modelId, viewId, edits, caller.actor()).toMap();
  }

  @POST
  @Access(Right.READ)
  @Consumes(MediaType.WILDCARD)
  @Path("{viewId}/presence")
  @Operation(summary = "Tell the server you have the view open (every 10 s); returns who else has")
  public Map<String, Object> present(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @QueryParam("editing") boolean editing) {
    views.read(modelId, viewId); // 404 for a view that does not exist
    String user = caller.get().map(Caller::username).orElse("");
    return Map.of("viewers", presences.beat(viewId, user, editing));
  }

  @DELETE
  @Access(Right.READ)
  @Path("{viewId}/presence")
  @Operation(summary = "Tell the server you closed the view")
  public Response leave(@PathParam("modelId") String modelId, @PathParam("viewId") String viewId) {
    presences.leave(viewId, caller.get().map(Caller::username).orElse(""));
    return Response.noContent().build();
  }
}
