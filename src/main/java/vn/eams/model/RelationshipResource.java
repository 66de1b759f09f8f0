package vn.eams.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Relationships of a model, including relationships whose endpoint is another relationship. */
@Path("/api/models/{modelId}/relationships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Relationships")
public class RelationshipResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private final ModelService service;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final EamsConfig config;

  RelationshipResource(
      ModelService service, ModelQueries queries, Metamodel metamodel, EamsConfig config) {
    this.service = service;
    this.queries = queries;
    this.metamodel = metamodel;
    this.config = config;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "List relationships",
      description =
          "Filters: type (comma-separated), source, target, property (key or key=value). Cursor pagination in id order.")
  public Map<String, Object> list(
      @PathParam("modelId") String modelId,
      @QueryParam("type") String type,
      @QueryParam("source") String source,
      @QueryParam("target") String target,
      @QueryParam("property") String property,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    queries.requireModel(modelId);
    List<String> types = Requests.csv(type);
    for (String t : types) {
      if (metamodel.relationshipType(t).isEmpty()) {
        throw ProblemException.badRequest(
            "Unknown relationship type '" + t + "'.",
            List.of(
                Problem.Error.field(
                    "type",
                    "unknown-type",
                    "Use ArchiMate names such as Serving, Realization, Access.")));
      }
    }
    String[] prop = Requests.property(property);
    ModelQueries.RelationshipFilter filter =
        new ModelQueries.RelationshipFilter(
            types, Text.orEmpty(source), Text.orEmpty(target), prop[0], prop[1]);
    return Requests.page(
        queries.relationships(modelId, filter, cursor, Requests.limit(limit, config)),
        ConceptJson::relationship);
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Operation(
      summary = "Create a relationship (checked against the ArchiMate 3.2 relationship table)")
  public Response create(@PathParam("modelId") String modelId, JsonNode body) {
    String[] id = new String[1];
    RelationshipData data =
        Requests.read(
            body,
            in -> {
              id[0] = in.text("id", "");
              return ConceptInput.relationship(in, RelationshipData.of("", "", ""));
            });
    ChangeResult r =
        service.apply(
            modelId,
            List.of(new ModelOperation.CreateRelationship(id[0], data)),
            caller.actor(),
            true,
            false);
    String newId = r.applied().get(0).id();
    Relationship rel = queries.relationship(newId).orElseThrow();
    return Requests.created(
        "/api/models/" + modelId + "/relationships/" + newId,
        ConceptJson.relationship(rel),
        rel.version());
  }

  @GET
  @Access(Right.READ)
  @Path("{id}")
  @Operation(summary = "Read a relationship (ETag = version)")
  public Response get(@PathParam("modelId") String modelId, @PathParam("id") String id) {
    Relationship r = find(modelId, id);
    return Requests.ok(ConceptJson.relationship(r), r.version());
  }

  @PUT
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(summary = "Replace a relationship's content (needs If-Match or version)")
  public Response replace(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    Relationship current = find(modelId, id);
    return update(modelId, id, ifMatch, body, ConceptInput.emptyRelationship(current.data()));
  }

  @PATCH
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(
      summary =
          "Change some fields of a relationship (JSON merge patch; needs If-Match or version)")
  public Response patch(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    Relationship current = find(modelId, id);
    return update(modelId, id, ifMatch, body, current.data());
  }

  @DELETE
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(
      summary =
          "Delete a relationship with relationships attached to it and its diagram references (needs If-Match)")
  public Map<String, Object> delete(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    long version = Versions.expected(ifMatch, -1, id);
    return Requests.deleted(
        service.apply(
            modelId,
            List.of(new ModelOperation.Delete(ConceptKind.RELATIONSHIP, id, version)),
            caller.actor(),
            true,
            false));
  }

  private Response update(
      String modelId, String id, String ifMatch, JsonNode body, RelationshipData base) {
    long[] bodyVersion = new long[1];
    RelationshipData data =
        Requests.read(
            body,
            in -> {
              bodyVersion[0] = in.version("version");
              Requests.sameId(in, id);
              return ConceptInput.relationship(in, base);
            });
    long expected = Versions.expected(ifMatch, bodyVersion[0], id);
    service.apply(
        modelId,
        List.of(new ModelOperation.UpdateRelationship(id, expected, data)),
        caller.actor(),
        true,
        false);
    Relationship r = queries.relationship(id).orElseThrow();
    return Requests.ok(ConceptJson.relationship(r), r.version());
  }

  private Relationship find(String modelId, String id) {
    queries.requireModel(modelId);
    return queries
        .relationship(id)
        .filter(r -> r.modelId().equals(modelId))
        .orElseThrow(() -> ProblemException.notFound("relationship", id));
  }
}
