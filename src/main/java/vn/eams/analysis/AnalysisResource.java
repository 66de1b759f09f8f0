package vn.eams.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.Propagation.Change;
import vn.eams.metamodel.RelationshipType;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Impact analysis, derived relationships and the projection's status (issue #5). */
@Path("/api/models/{modelId}")
public class AnalysisResource {

  static final int MAX_STARTS = 100;
  static final int MAX_DEPTH = 50;
  static final int MAX_LIMIT = 100_000;
  static final int MAX_CHAIN = 6;

  /** How many affected elements an impact answer lists when the request does not say. */
  public static final int DEFAULT_LIMIT = 1000;

  private final ImpactService service;
  private final Metamodel metamodel;

  AnalysisResource(ImpactService service, Metamodel metamodel) {
    this.service = service;
    this.metamodel = metamodel;
  }

  /** What a change to the start elements affects; JSON, or CSV with {@code format=csv}. */
  @POST
  @Access(Right.READ)
  @Path("impact")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  public Response impact(
      @PathParam("modelId") String modelId,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept,
      JsonNode body) {
    ImpactService.ImpactRequest request = read(body);
    Map<String, Object> answer = service.impact(modelId, request);
    boolean csv =
        "csv".equals(format) || (format == null && accept != null && accept.startsWith("text/csv"));
    if (format != null && !format.equals("csv") && !format.equals("json")) {
      throw ProblemException.badRequest(
          "Unknown format '" + format + "'.",
          List.of(Problem.Error.field("format", "unknown", "Use json or csv.")));
    }
    if (csv) {
      return Response.ok(ImpactCsv.write(answer), "text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"impact-" + modelId + ".csv\"")
          .build();
    }
    return Response.ok(answer, MediaType.APPLICATION_JSON).build();
  }

  /** What relationships can be derived from one element to another, with their chains. */
  @GET
  @Access(Right.READ)
  @Path("derived")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> derived(
      @PathParam("modelId") String modelId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("potential") @DefaultValue("true") boolean potential,
      @QueryParam("maxLength") @DefaultValue("4") int maxLength) {
    List<Problem.Error> errors = new ArrayList<>();
    if (from == null || from.isBlank()) {
      errors.add(Problem.Error.field("from", "required", "Give the id of the source element."));
    }
    if (to == null || to.isBlank()) {
      errors.add(Problem.Error.field("to", "required", "Give the id of the target element."));
    }
    if (maxLength < 2 || maxLength > MAX_CHAIN) {
      errors.add(
          Problem.Error.field(
              "maxLength", "out-of-range", "Must be between 2 and " + MAX_CHAIN + "."));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The query cannot be answered as given.", errors);
    }
    return service.derived(modelId, from, to, maxLength, potential);
  }

  /** What the model's analysis projection holds and which change it reflects. */
  @GET
  @Access(Right.READ)
  @Path("projection")
  @Produces(MediaType.APPLICATION_JSON)
  public Projections.Status projection(@PathParam("modelId") String modelId) {
    return service.projection(modelId);
  }

  /**
   * An impact request read and checked as this resource reads its body (the GraphQL {@code impact}
   * field passes its arguments here).
   */
  public ImpactService.ImpactRequest request(JsonNode body) {
    return read(body);
  }

  private ImpactService.ImpactRequest read(JsonNode body) {
    List<Problem.Error> errors = new ArrayList<>();
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest(
          "The body must be a JSON object such as {\"start\": [\"<element id>\"]}.",
          List.of(Problem.Error.field("", "not-an-object", "Send a JSON object.")));
    }
    List<String> start = strings(body, "start", errors);
    if (!errors.isEmpty() || start.isEmpty()) {
      if (start.isEmpty() && errors.isEmpty()) {
        errors.add(Problem.Error.field("start", "required", "Give one or more element ids."));
      }
    } else if (start.size() > MAX_STARTS) {
      errors.add(
          Problem.Error.field(
              "start", "too-many", "At most " + MAX_STARTS + " start elements per request."));
    }
    Change change = Change.REMOVED;
    if (body.hasNonNull("change")) {
      change = Change.fromToken(body.get("change").asText()).orElse(null);
      if (change == null) {
        errors.add(
            Problem.Error.field("change", "unknown", "Use one of: " + Change.tokens() + "."));
        change = Change.REMOVED;
      }
    }
    boolean dependents = true;
    if (body.hasNonNull("direction")) {
      String d = body.get("direction").asText();
      if (d.equals("dependencies")) {
        dependents = false;
      } else if (!d.equals("dependents")) {
        errors.add(
            Problem.Error.field(
                "direction",
                "unknown",
                "Use dependents (what depends on the start elements) or dependencies (what they"
                    + " depend on)."));
      }
    }
    int maxDepth = integer(body, "maxDepth", 6, 1, MAX_DEPTH, errors);
    int limit = integer(body, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
    List<String> types = strings(body, "relationshipTypes", errors);
    for (int i = 0; i < types.size(); i++) {
      if (metamodel.relationshipType(types.get(i)).isEmpty()) {
        errors.add(
            Problem.Error.field(
                "relationshipTypes[" + i + "]",
                "unknown",
                "Unknown relationship type '"
                    + types.get(i)
                    + "'; use one of: "
                    + String.join(
                        ", ",
                        metamodel.relationshipTypes().stream().map(RelationshipType::name).toList())
                    + "."));
      }
    }
    List<Layer> layers = new ArrayList<>();
    List<String> layerNames = strings(body, "layers", errors);
    for (int i = 0; i < layerNames.size(); i++) {
      int at = i;
      Layer.fromToken(layerNames.get(i))
          .ifPresentOrElse(
              layers::add,
              () ->
                  errors.add(
                      Problem.Error.field(
                          "layers[" + at + "]",
                          "unknown",
                          "Unknown layer '"
                              + layerNames.get(at)
                              + "'; use one of: "
                              + Layer.tokens()
                              + ".")));
    }
    boolean potential = false;
    if (body.has("includePotential") && !body.get("includePotential").isNull()) {
      if (!body.get("includePotential").isBoolean()) {
        errors.add(Problem.Error.field("includePotential", "wrong-type", "Must be true or false."));
      } else {
        potential = body.get("includePotential").asBoolean();
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The impact request cannot be run as given.", errors);
    }
    return new ImpactService.ImpactRequest(
        start, change, dependents, maxDepth, types, layers, potential, limit);
  }

  private static List<String> strings(JsonNode body, String field, List<Problem.Error> errors) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (v.isTextual()) {
      return List.of(v.asText());
    }
    if (!v.isArray()) {
      errors.add(Problem.Error.field(field, "wrong-type", "Must be a list of strings."));
      return List.of();
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual() || v.get(i).asText().isBlank()) {
        errors.add(
            Problem.Error.field(
                field + "[" + i + "]", "wrong-type", "Must be a non-empty string."));
      } else {
        list.add(v.get(i).asText());
      }
    }
    return list;
  }

  private static int integer(
      JsonNode body, String field, int fallback, int min, int max, List<Problem.Error> errors) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
      errors.add(
          Problem.Error.field(
              field, "out-of-range", "Must be a whole number from " + min + " to " + max + "."));
      return fallback;
    }
    return v.asInt();
  }
}
