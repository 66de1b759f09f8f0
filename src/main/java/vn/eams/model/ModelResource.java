package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Models of the repository and their change logs. */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Models")
public class ModelResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private static final int MAX_CHANGES = 10_000;

  private final ModelService service;
  private final ModelQueries queries;

  ModelResource(ModelService service, ModelQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  @GET
  @Access(Right.READ)
  @Operation(summary = "List the models of the repository")
  public Map<String, Object> list() {
    return Map.of("items", queries.models().stream().map(ConceptJson::model).toList());
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "Create a model")
  public Response create(JsonNode body) {
    String[] id = new String[1];
    ModelData data =
        Requests.read(
            body,
            in -> {
              id[0] = in.text("id", "");
              return ConceptInput.model(in, new ModelData("", "", "", "", List.of()));
            });
    ModelInfo m = service.createModel(id[0], data, caller.actor());
    return Requests.created("/api/models/" + m.id(), ConceptJson.model(m), m.version());
  }

  @GET
  @Access(Right.READ)
  @Path("{modelId}")
  @Operation(summary = "Read a model with its element and relationship counts")
  public Response get(@PathParam("modelId") String modelId) {
    ModelInfo m =
        queries.model(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    return Requests.ok(ConceptJson.model(m), m.version());
  }

  @PATCH
  @Access(Right.MODEL_EDIT)
  @Path("{modelId}")
  @Operation(summary = "Rename or document a model (needs If-Match or version)")
  public Response patch(
      @PathParam("modelId") String modelId,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    ModelInfo current =
        queries.model(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    long[] bodyVersion = new long[1];
    ModelData data =
        Requests.read(
            body,
            in -> {
              bodyVersion[0] = in.version("version");
              Requests.sameId(in, modelId);
              return ConceptInput.model(in, current.data());
            });
    ModelInfo m =
        service.updateModel(
            modelId, Versions.expected(ifMatch, bodyVersion[0], modelId), data, caller.actor());
    return Requests.ok(ConceptJson.model(m), m.version());
  }

  @DELETE
  @Access(Right.MODEL_EDIT)
  @Path("{modelId}")
  @Operation(summary = "Delete a model and everything in it (needs If-Match)")
  public Map<String, Object> delete(
      @PathParam("modelId") String modelId, @HeaderParam("If-Match") String ifMatch) {
    return Requests.deleted(
        service.deleteModel(modelId, Versions.expected(ifMatch, -1, modelId), caller.actor()));
  }

  @GET
  @Access(Right.READ)
  @Path("{modelId}/changes")
  @Operation(summary = "The model's change log after a sequence number, in order")
  public Map<String, Object> changes(
      @PathParam("modelId") String modelId,
      @QueryParam("since") @DefaultValue("0") long since,
      @QueryParam("limit") @DefaultValue("1000") int limit) {
    requireChangeLog(queries, modelId);
    if (since < 0 || limit < 1 || limit > MAX_CHANGES) {
      throw ProblemException.badRequest(
          "since must be ≥ 0 and limit 1.." + MAX_CHANGES + ".",
          List.of(
              Problem.Error.field(
                  since < 0 ? "since" : "limit",
                  "out-of-range",
                  "Use since=<last seq you saw> and a limit up to " + MAX_CHANGES + ".")));
    }
    List<Change> changes = queries.changes(modelId, since, limit);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("items", changes.stream().map(ModelResource::change).toList());
    m.put("last", changes.isEmpty() ? since : changes.get(changes.size() - 1).seq());
    m.put("complete", changes.size() < limit);
    return m;
  }

  /** A 404 problem unless the model exists or has a change log (a deleted model has one). */
  static void requireChangeLog(ModelQueries queries, String modelId) {
    if (!queries.modelExists(modelId) && queries.changes(modelId, 0, 1).isEmpty()) {
      throw ProblemException.notFound("model", modelId);
    }
  }

  /** A change as the API shows it: the before and after states as JSON objects. */
  public static Map<String, Object> change(Change c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", c.seq());
    m.put("at", c.at().toString());
    m.put("actor", c.actor());
    m.put("op", c.op());
    m.put("kind", c.kind());
    m.put("modelId", c.modelId());
    m.put("targetId", c.targetId());
    if (!c.before().isEmpty()) {
      m.put("before", new RawJson(c.before()));
    }
    if (!c.after().isEmpty()) {
      m.put("after", new RawJson(c.after()));
    }
    if (!c.cause().isEmpty()) {
      m.put("cause", c.cause());
    }
    return m;
  }

  /** JSON text written as is (the change log stores states as JSON). */
  record RawJson(
      @com.fasterxml.jackson.annotation.JsonRawValue @com.fasterxml.jackson.annotation.JsonValue
          String json) {}
}
