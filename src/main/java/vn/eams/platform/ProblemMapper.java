package vn.eams.platform;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/** The one place where failures become RFC 9457 problem+json responses. */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e) {
    return respond(e.toProblem());
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    return respond(jsonProblem(e));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return respond(jsonProblem(json));
    }
    int status = e.getResponse().getStatus();
    String title =
        Response.Status.fromStatusCode(status) == null
            ? "HTTP " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "There is no resource at this address. The API is described at /q/openapi.";
          case 405 ->
              "This address does not accept that method. See /q/openapi for the allowed ones.";
          case 406 -> "This resource is available as application/json only.";
          case 413 ->
              "The request body is larger than the server accepts. Split it into smaller batches.";
          case 415 -> "Send the body as application/json (Content-Type: application/json).";
          default -> e.getMessage() == null ? title : e.getMessage();
        };
    return respond(
        new Problem("urn:eams:problem:http-" + status, title, status, detail, List.of(), null));
  }

  @ServerExceptionMapper
  public Response unavailable(ServiceUnavailableException e) {
    return graphUnavailable(e);
  }

  @ServerExceptionMapper
  public Response expired(SessionExpiredException e) {
    return graphUnavailable(e);
  }

  @ServerExceptionMapper
  public Response graphClient(ClientException e) {
    if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
      return respond(
          new Problem(
              "urn:eams:problem:duplicate-id",
              "Duplicate id",
              409,
              "Another concept was stored with the same id at the same time. Reload and retry.",
              List.of(),
              null));
    }
    return unexpected(e);
  }

  @ServerExceptionMapper(priority = 10_000)
  public Response unexpected(Throwable e) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure, incident %s", incident);
    return respond(
        new Problem(
            "urn:eams:problem:internal",
            "Internal error",
            500,
            "The server failed unexpectedly; nothing was changed. Report incident "
                + incident
                + ".",
            List.of(),
            null));
  }

  private Response graphUnavailable(Exception e) {
    LOG.warnf("Graph store unavailable: %s", e.getMessage());
    return respond(
        new Problem(
            "urn:eams:problem:graph-unavailable",
            "Graph store unavailable",
            503,
            "The Neo4j graph store does not answer; nothing was changed. Retry shortly.",
            List.of(),
            null));
  }

  static Problem jsonProblem(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    String line = loc == null ? null : loc.getLineNr() + ":" + loc.getColumnNr();
    String field = null;
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String message = e.getOriginalMessage();
    return new Problem(
        "urn:eams:problem:malformed-json",
        "Malformed JSON",
        400,
        "The body is not valid JSON for this request"
            + (line == null ? "" : " (line:column " + line + ")")
            + ": "
            + message,
        List.of(new Problem.Error(field, null, line, "malformed-json", message)),
        null);
  }

  public static Response respond(Problem p) {
    return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
  }
}
