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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Metamodel;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Elements of a model. */
@Path("/api/models/{modelId}/elements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Elements")
public class ElementResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  @jakarta.inject.Inject Views views;

  private final ModelService service;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final EamsConfig config;

  ElementResource(
      ModelService service, ModelQueries queries, Metamodel metamodel, EamsConfig config) {
    this.service = service;
    this.queries = queries;
    this.metamodel = metamodel;
    this.config = config;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "List elements",
      description =
          "Filters: type (comma-separated), layer, name (contains, ignores case and diacritics), specialization, property (key or key=value). Cursor pagination in name order.")
  public Map<String, Object> list(
      @PathParam("modelId") String modelId,
      @QueryParam("type") String type,
      @QueryParam("layer") String layer,
      @QueryParam("name") String name,
      @QueryParam("specialization") String specialization,
      @QueryParam("property") String property,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") Integer limit) {
    queries.requireModel(modelId);
    List<String> types = new ArrayList<>(Requests.csv(type));
    List<Problem.Error> errors = new ArrayList<>();
    for (String t : types) {
      if (metamodel.elementType(t).isEmpty()) {
        errors.add(
            Problem.Error.field("type", "unknown-type", "Unknown element type '" + t + "'."));
      }
    }
    List<String> layers = Requests.csv(layer);
    if (!layers.isEmpty()) {
      List<String> ofLayers =
          metamodel.elementTypes().stream()
              .filter(e -> layers.contains(e.layer().token()))
              .map(ElementType::name)
              .toList();
      for (String l : layers) {
        if (metamodel.elementTypes().stream().noneMatch(e -> e.layer().token().equals(l))) {
          errors.add(
              Problem.Error.field(
                  "layer",
                  "unknown-layer",
                  "Unknown layer '"
                      + l
                      + "'. Layers: Strategy, Business, Application, Technology, Physical, Motivation, ImplementationMigration, Other."));
        }
      }
      types =
          types.isEmpty()
              ? new ArrayList<>(ofLayers)
              : new ArrayList<>(types.stream().filter(ofLayers::contains).toList());
      if (types.isEmpty()) {
        types = List.of("-none-");
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The filter names unknown types or layers.", errors);
    }
    String[] prop = Requests.property(property);
    ModelQueries.ElementFilter filter =
        new ModelQueries.ElementFilter(
            types, Text.orEmpty(name), Text.orEmpty(specialization), prop[0], prop[1]);
    return Requests.page(
        queries.elements(modelId, filter, cursor, Requests.limit(limit, config)),
        e -> ConceptJson.element(e, metamodel));
  }

  @POST
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "Create an element")
  public Response create(@PathParam("modelId") String modelId, JsonNode body) {
    String[] id = new String[1];
    ElementData data =
        Requests.read(
            body,
            in -> {
              id[0] = in.text("id", "");
              return ConceptInput.element(in, ConceptInput.emptyElement(""));
            });
    ChangeResult r =
        service.apply(
            modelId,
            List.of(new ModelOperation.CreateElement(id[0], data)),
            caller.actor(),
            true,
            false);
    String newId = r.applied().get(0).id();
    Element e = queries.element(newId).orElseThrow();
    return Requests.created(
        "/api/models/" + modelId + "/elements/" + newId,
        ConceptJson.element(e, metamodel),
        e.version());
  }

  @GET
  @Access(Right.READ)
  @Path("{id}")
  @Operation(summary = "Read an element (ETag = version)")
  public Response get(@PathParam("modelId") String modelId, @PathParam("id") String id) {
    Element e = find(modelId, id);
    return Requests.ok(ConceptJson.element(e, metamodel), e.version());
  }

  @GET
  @Access(Right.READ)
  @Path("{id}/views")
  @Operation(summary = "The views that show an element (what deleting it from the model touches)")
  public Map<String, Object> views(
      @PathParam("modelId") String modelId, @PathParam("id") String id) {
    find(modelId, id);
    return Map.of("items", views.showing(id));
  }

  @PUT
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(summary = "Replace an element's content (needs If-Match or version)")
  public Response replace(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    Element current = find(modelId, id);
    return update(modelId, id, ifMatch, body, ConceptInput.emptyElement(current.type()));
  }

  @PATCH
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(
      summary = "Change some fields of an element (JSON merge patch; needs If-Match or version)")
  public Response patch(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      JsonNode body) {
    Element current = find(modelId, id);
    return update(modelId, id, ifMatch, body, current.data());
  }

  @DELETE
  @Access(Right.MODEL_EDIT)
  @Path("{id}")
  @Operation(
      summary = "Delete an element with its relationships and diagram references (needs If-Match)")
  public Map<String, Object> delete(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch) {
    long version = Versions.expected(ifMatch, -1, id);
    ChangeResult r =
        service.apply(
            modelId,
            List.of(new ModelOperation.Delete(ConceptKind.ELEMENT, id, version)),
            caller.actor(),
            true,
            false);
    return Requests.deleted(r);
  }

  private Response update(
      String modelId, String id, String ifMatch, JsonNode body, ElementData base) {
    long[] bodyVersion = new long[1];
    ElementData data =
        Requests.read(
            body,
            in -> {
              bodyVersion[0] = in.version("version");
              Requests.sameId(in, id);
              return ConceptInput.element(in, base);
            });
    long expected = Versions.expected(ifMatch, bodyVersion[0], id);
    service.apply(
        modelId,
        List.of(new ModelOperation.UpdateElement(id, expected, data)),
        caller.actor(),
        true,
        false);
    Element e = queries.element(id).orElseThrow();
    return Requests.ok(ConceptJson.element(e, metamodel), e.version());
  }

  private Element find(String modelId, String id) {
    queries.requireModel(modelId);
    return queries
        .element(id)
        .filter(e -> e.modelId().equals(modelId))
        .orElseThrow(() -> ProblemException.notFound("element", id));
  }
}
