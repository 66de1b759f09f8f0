package vn.eams.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The account API: who am I, my password, my API tokens; for administrators, users and roles and
 * the security log (docs/operations/security.md).
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

  private final Accounts accounts;
  private final CurrentCaller current;
  private final SecurityLog log;

  AccountsResource(Accounts accounts, CurrentCaller current, SecurityLog log) {
    this.accounts = accounts;
    this.current = current;
    this.log = log;
  }

  /** The signed-in user, role, rights and agency. */
  @GET
  @Path("me")
  @Access(Right.SIGNED_IN)
  public Map<String, Object> me() {
    Caller c = caller();
    Map<String, Object> m = new LinkedHashMap<>(accounts.user(c.username()));
    m.put(
        "rights",
        c.role().rights().stream()
            .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
            .sorted()
            .toList());
    m.put("token", c.tokenName().orElse(null));
    return m;
  }

  /** Changes the caller's password: {@code {"currentPassword": ..., "newPassword": ...}}. */
  @PUT
  @Path("me/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Right.SIGNED_IN)
  public Response password(JsonNode body, @Context HttpServerRequest http) {
    Map<String, JsonNode> in = fields(body, Set.of("currentPassword", "newPassword"));
    accounts.changePassword(
        caller(), text(in, "currentPassword", true), text(in, "newPassword", true), address(http));
    return Response.noContent().build();
  }

  /** The caller's API tokens, newest first (without the tokens themselves). */
  @GET
  @Path("tokens")
  @Access(Right.SIGNED_IN)
  public Map<String, Object> tokens() {
    return Map.of("items", accounts.tokens(caller().userId()));
  }

  /**
   * A new API token for the caller: {@code {"name": ..., "expiresInDays": 90}}. The answer holds
   * the token, once. A request authenticated by a token cannot make another.
   */
  @POST
  @Path("tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Right.SIGNED_IN)
  public Response createToken(JsonNode body, @Context HttpServerRequest http) {
    Caller c = caller();
    if (c.tokenName().isPresent()) {
      throw new ProblemException(
          403,
          "token-cannot-create-token",
          "Not allowed",
          "An API token cannot create another token.",
          List.of(
              Problem.Error.field(
                  "Authorization",
                  "token-cannot-create-token",
                  "Send your user name and password (Basic), or create it at /account.")),
          null);
    }
    Map<String, JsonNode> in = fields(body, Set.of("name", "expiresInDays"));
    Integer days = null;
    JsonNode d = in.get("expiresInDays");
    if (d != null && !d.isNull()) {
      if (!d.canConvertToInt() || !d.isIntegralNumber()) {
        throw ProblemException.badRequest(
            "expiresInDays must be a whole number of days.",
            List.of(Problem.Error.field("expiresInDays", "not-a-number", "Send e.g. 90.")));
      }
      days = d.intValue();
    }
    Map<String, Object> t = accounts.createToken(c, text(in, "name", true), days, address(http));
    return Response.created(URI.create("/api/tokens/" + t.get("id"))).entity(t).build();
  }

  /** Revokes one of the caller's tokens (administrators: anyone's). */
  @DELETE
  @Path("tokens/{id}")
  @Access(Right.SIGNED_IN)
  public Map<String, Object> revoke(@PathParam("id") String id, @Context HttpServerRequest http) {
    long tokenId;
    try {
      tokenId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("API token", id);
    }
    return accounts.revokeToken(caller(), tokenId, address(http));
  }

  /** Every account. */
  @GET
  @Path("users")
  @Access(Right.ADMIN)
  public Map<String, Object> users() {
    return Map.of("items", accounts.users());
  }

  /** Creates an account. */
  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Right.ADMIN)
  public Response createUser(JsonNode body, @Context HttpServerRequest http) {
    Map<String, Object> u = accounts.createUser(caller(), userInput(body), address(http));
    return Response.created(URI.create("/api/users/" + u.get("username"))).entity(u).build();
  }

  /** One account. */
  @GET
  @Path("users/{username}")
  @Access(Right.ADMIN)
  public Map<String, Object> user(@PathParam("username") String username) {
    return accounts.user(username);
  }

  /** Changes an account: display name, role, agency, enabled, password, unlock. */
  @PATCH
  @Path("users/{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Right.ADMIN)
  public Map<String, Object> updateUser(
      @PathParam("username") String username, JsonNode body, @Context HttpServerRequest http) {
    return accounts.updateUser(caller(), username, userInput(body), address(http));
  }

  /** Another user's API tokens. */
  @GET
  @Path("users/{username}/tokens")
  @Access(Right.ADMIN)
  public Map<String, Object> userTokens(@PathParam("username") String username) {
    Object id = accounts.user(username).get("id");
    return Map.of("items", accounts.tokens(((Number) id).longValue()));
  }

  /** The security log: sign-ins, lock-outs, account, role and token changes, newest first. */
  @GET
  @Path("security-events")
  @Access(Right.ADMIN)
  public Map<String, Object> events(
      @QueryParam("user") String user,
      @QueryParam("kind") String kind,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") Integer limit) {
    return Map.of("items", log.find(new SecurityLog.Filter(user, kind, from, to, limit)));
  }

  private Caller caller() {
    return current
        .get()
        .orElseThrow(() -> new IllegalStateException("AccessFilter let an anonymous call pass"));
  }

  static String address(HttpServerRequest http) {
    return http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
  }

  private static Accounts.UserInput userInput(JsonNode body) {
    Map<String, JsonNode> in =
        fields(
            body,
            Set.of("username", "displayName", "password", "role", "agencyId", "enabled", "unlock"));
    return new Accounts.UserInput(
        Optional.ofNullable(text(in, "username", false)),
        Optional.ofNullable(text(in, "displayName", false)),
        Optional.ofNullable(text(in, "password", false)),
        Optional.ofNullable(text(in, "role", false)),
        in.containsKey("agencyId")
            ? Optional.of(in.get("agencyId").isNull() ? "" : text(in, "agencyId", false))
            : Optional.empty(),
        Optional.ofNullable(bool(in, "enabled")),
        Optional.ofNullable(bool(in, "unlock")));
  }

  /** The body's fields; 400 listing unknown fields when the body is not an object of them. */
  private static Map<String, JsonNode> fields(JsonNode body, Set<String> allowed) {
    if (body == null || !body.isObject()) {
      throw ProblemException.badRequest(
          "The body must be a JSON object.",
          List.of(
              Problem.Error.field(
                  "", "not-an-object", "Send an object with: " + String.join(", ", allowed))));
    }
    Map<String, JsonNode> m = new LinkedHashMap<>();
    List<Problem.Error> errors = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!allowed.contains(e.getKey())) {
        errors.add(
            Problem.Error.field(
                e.getKey(),
                "unknown-field",
                "Leave it out; the fields are: "
                    + String.join(", ", allowed.stream().sorted().toList())));
      } else {
        m.put(e.getKey(), e.getValue());
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          "The body has unknown fields; nothing was changed.", errors);
    }
    return m;
  }

  private static String text(Map<String, JsonNode> in, String field, boolean required) {
    JsonNode n = in.get(field);
    if (n == null || n.isNull()) {
      if (required) {
        throw ProblemException.badRequest(
            "The field '" + field + "' is missing.",
            List.of(Problem.Error.field(field, "required", "Send '" + field + "' as text.")));
      }
      return null;
    }
    if (!n.isTextual()) {
      throw ProblemException.badRequest(
          "The field '" + field + "' must be text.",
          List.of(Problem.Error.field(field, "not-text", "Send '" + field + "' as a string.")));
    }
    return n.textValue();
  }

  private static Boolean bool(Map<String, JsonNode> in, String field) {
    JsonNode n = in.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw ProblemException.badRequest(
          "The field '" + field + "' must be true or false.",
          List.of(Problem.Error.field(field, "not-boolean", "Send true or false.")));
    }
    return n.booleanValue();
  }
}
