package vn.eams.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.eams.accounts.Access;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.Right;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/** Webhooks and their delivery log, for administrators (docs/operations/security.md). */
@Path("/api/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

  private static final Set<String> FIELDS = Set.of("url", "secret", "events", "modelId", "enabled");

  private final Webhooks webhooks;
  private final CurrentCaller caller;

  WebhookResource(Webhooks webhooks, CurrentCaller caller) {
    this.webhooks = webhooks;
    this.caller = caller;
  }

  @GET
  @Access(Right.ADMIN)
  @Operation(summary = "Every webhook")
  public Map<String, Object> list() {
    return Map.of("items", webhooks.list());
  }

  @POST
  @Access(Right.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Register a webhook: {url, events?, modelId?, secret?, enabled?}",
      description = "The answer holds the signing secret, which is not shown again.")
  public Response create(JsonNode body) {
    Map<String, Object> w = webhooks.create(input(body), caller.actor());
    return Response.created(URI.create("/api/webhooks/" + w.get("id"))).entity(w).build();
  }

  @GET
  @Path("{id}")
  @Access(Right.ADMIN)
  @Operation(summary = "One webhook")
  public Map<String, Object> get(@PathParam("id") String id) {
    return webhooks.get(id(id));
  }

  @PATCH
  @Path("{id}")
  @Access(Right.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a webhook's URL, secret, events, model or enabled state")
  public Map<String, Object> update(@PathParam("id") String id, JsonNode body) {
    return webhooks.update(id(id), input(body));
  }

  @DELETE
  @Path("{id}")
  @Access(Right.ADMIN)
  @Operation(summary = "Remove a webhook and its delivery log")
  public Response delete(@PathParam("id") String id) {
    webhooks.delete(id(id));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/deliveries")
  @Access(Right.ADMIN)
  @Operation(summary = "The webhook's latest deliveries, newest first, with their attempts")
  public Map<String, Object> deliveries(
      @PathParam("id") String id, @QueryParam("limit") Integer limit) {
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > 1000) {
      throw ProblemException.badRequest(
          "limit must be 1..1000.",
          List.of(Problem.Error.field("limit", "out-of-range", "Use 1..1000.")));
    }
    return Map.of("items", webhooks.deliveries(id(id), n));
  }

  @POST
  @Path("{id}/deliveries/{deliveryId}/redeliver")
  @Access(Right.ADMIN)
  @Operation(summary = "Send a delivery again")
  public Map<String, Object> redeliver(
      @PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
    return webhooks.redeliver(id(id), id(deliveryId));
  }

  private static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("webhook", id);
    }
  }

  static Webhooks.Input input(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest(
          "The body must be a JSON object.",
          List.of(
              Problem.Error.field("", "not-an-object", "Send {\"url\": ..., \"events\": [...]}.")));
    }
    List<Problem.Error> errors = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        errors.add(
            Problem.Error.field(
                f,
                "unknown-field",
                "Leave it out; the fields are: "
                    + String.join(", ", FIELDS.stream().sorted().toList())));
      }
    }
    Optional<List<String>> events = Optional.empty();
    JsonNode e = body.get("events");
    if (e != null && !e.isNull()) {
      if (!e.isArray()) {
        errors.add(
            Problem.Error.field("events", "not-a-list", "Send a list, e.g. [\"model.changed\"]."));
      } else {
        List<String> list = new ArrayList<>();
        e.forEach(x -> list.add(x.asText()));
        events = Optional.of(list);
      }
    }
    JsonNode enabled = body.get("enabled");
    if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
      errors.add(Problem.Error.field("enabled", "not-boolean", "Send true or false."));
    }
    for (String f : List.of("url", "secret", "modelId")) {
      JsonNode n = body.get(f);
      if (n != null && !n.isNull() && !n.isTextual()) {
        errors.add(Problem.Error.field(f, "not-text", "Send '" + f + "' as a string."));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("The body cannot be read; nothing was changed.", errors);
    }
    return new Webhooks.Input(
        text(body, "url"),
        text(body, "secret"),
        events,
        text(body, "modelId"),
        enabled == null || enabled.isNull()
            ? Optional.empty()
            : Optional.of(enabled.booleanValue()));
  }

  private static Optional<String> text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n.textValue());
  }
}
