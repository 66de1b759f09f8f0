package vn.eams.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;

/**
 * The GraphQL endpoint: {@code POST /graphql} with {@code {query, variables, operationName}}, and
 * {@code GET /graphql?query=...} for queries only (a mutation over GET is refused with 405).
 */
@Path("/graphql")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "GraphQL")
public class GraphQlResource {

  @jakarta.inject.Inject vn.eams.accounts.CurrentCaller caller;

  private final GraphQlEngine engine;
  private final ObjectMapper json;

  GraphQlResource(GraphQlEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @POST
  @Access(Right.READ)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Run a GraphQL query or mutation (docs/graphql.md)")
  public Response post(byte[] bytes) {
    JsonNode body;
    try {
      body = bytes == null || bytes.length == 0 ? null : json.readTree(bytes);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      return error(
          400,
          "bad-request",
          "The body is not JSON"
              + where
              + " ("
              + e.getOriginalMessage()
              + "). Send a JSON object with a 'query' string.");
    } catch (IOException e) {
      return error(
          400,
          "bad-request",
          "The body could not be read. Send a JSON object with a 'query' string.");
    }
    if (body == null || !body.isObject() || !body.path("query").isTextual()) {
      return error(400, "bad-request", "Send a JSON object with a 'query' string.");
    }
    JsonNode variables = body.get("variables");
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      return error(400, "bad-request", "'variables' must be a JSON object.");
    }
    JsonNode op = body.get("operationName");
    return run(
        body.get("query").asText(),
        variables == null || variables.isNull() ? Map.of() : toMap(variables),
        op == null || op.isNull() ? null : op.asText());
  }

  @GET
  @Access(Right.READ)
  @Operation(summary = "Run a GraphQL query (no mutations over GET)")
  public Response get(
      @QueryParam("query") String query,
      @QueryParam("variables") String variables,
      @QueryParam("operationName") String operationName) {
    if (query == null || query.isBlank()) {
      return error(400, "bad-request", "Give the query as ?query=...");
    }
    if (isMutation(query, operationName)) {
      return error(
          405, "mutation-over-get", "Mutations are only accepted over POST, never over GET.");
    }
    Map<String, Object> vars = Map.of();
    if (variables != null && !variables.isBlank()) {
      try {
        vars = toMap(json.readTree(variables));
      } catch (JsonProcessingException | IllegalArgumentException e) {
        return error(400, "bad-request", "'variables' must be a JSON object.");
      }
    }
    return run(query, vars, operationName);
  }

  /**
   * Runs the request and writes its answer as JSON bytes here: the body is read as bytes and the
   * answer written as bytes, so that the REST layer does not look for a reader and a writer by type
   * on every request (a third of the request thread's time for a small query).
   */
  private Response run(String query, Map<String, Object> variables, String operationName) {
    Map<String, Object> answer =
        engine
            .execute(new GraphQlEngine.Request(query, variables, operationName), caller.get())
            .toSpecification();
    try {
      return Response.ok(json.writeValueAsBytes(answer), MediaType.APPLICATION_JSON_TYPE).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a GraphQL answer could not be written as JSON", e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> toMap(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    return json.convertValue(node, Map.class);
  }

  private static boolean isMutation(String query, String operationName) {
    Document doc;
    try {
      doc = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      return false; // the engine reports the syntax error
    }
    return doc.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(o -> operationName == null || operationName.equals(o.getName()))
        .anyMatch(o -> o.getOperation() == OperationDefinition.Operation.MUTATION);
  }

  private static Response error(int status, String code, String message) {
    return Response.status(status)
        .entity(
            Map.of(
                "errors",
                List.of(
                    Map.of(
                        "message", message, "extensions", Map.of("code", code, "status", status)))))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
