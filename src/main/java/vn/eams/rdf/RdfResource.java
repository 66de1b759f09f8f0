package vn.eams.rdf;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelSnapshot;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The models as RDF and the read-only SPARQL endpoint (docs/rdf.md). The class has no path prefix
 * of its own (each method names its full path), so that it never shadows another resource's paths.
 */
@Path("/")
@Tag(name = "RDF and SPARQL")
public class RdfResource {

  /** The media type of a SPARQL query sent as the body. */
  public static final String SPARQL_QUERY = "application/sparql-query";

  /** The media type of a SPARQL update, which is refused. */
  public static final String SPARQL_UPDATE = "application/sparql-update";

  /** The header with the row limit of the SPARQL endpoint. */
  public static final String MAX_ROWS = "EAMS-Max-Rows";

  /** The header present, {@code true}, when rows or triples beyond the limit were left out. */
  public static final String TRUNCATED = "EAMS-Truncated";

  private static final String FORM = "application/x-www-form-urlencoded";

  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final RdfDataset dataset;
  private final SparqlEngine engine;

  RdfResource(ModelQueries queries, Metamodel metamodel, RdfDataset dataset, SparqlConfig config) {
    this.queries = queries;
    this.metamodel = metamodel;
    this.dataset = dataset;
    this.engine = new SparqlEngine(config.timeout(), config.maxRows());
  }

  @GET
  @Path("rdf/models/{modelId}")
  @Access(Right.READ)
  @Operation(
      summary =
          "A model as RDF: Turtle (default), JSON-LD (Accept: application/ld+json or"
              + " ?format=jsonld) or N-Triples")
  public Response model(
      @PathParam("modelId") String modelId,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    RdfFormat f = RdfFormat.choose(RdfFormat.GRAPH, format, accept);
    ModelSnapshot s =
        queries.snapshot(modelId).orElseThrow(() -> ProblemException.notFound("model", modelId));
    Model rdf = RdfMapping.toRdf(s, metamodel);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, rdf, f.graphFormat());
    return Response.ok(out.toByteArray(), f.contentType())
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .header(HttpHeaders.ETAG, "\"" + s.seq() + "\"")
        .build();
  }

  @GET
  @Path("rdf/sparql")
  @Access(Right.READ)
  @Operation(
      summary =
          "Run a read-only SPARQL 1.1 query (?query=): one named graph per model, their union as"
              + " the default graph")
  public Response sparqlGet(
      @QueryParam("query") String query,
      @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return run(query, format, accept);
  }

  @POST
  @Path("rdf/sparql")
  @Access(Right.READ)
  @Consumes({FORM, SPARQL_QUERY, SPARQL_UPDATE, "*/*"})
  @Operation(
      summary =
          "Run a read-only SPARQL 1.1 query: form field 'query', or the query as the body"
              + " (application/sparql-query)")
  public Response sparqlPost(
      String body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @QueryParam("query") String queryParam,
      @QueryParam("format") String formatParam,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    String text = body == null ? "" : body;
    if (type.startsWith(SPARQL_UPDATE)) {
      throw SparqlEngine.updateRefused();
    }
    if (type.startsWith(SPARQL_QUERY)) {
      return run(text, formatParam, accept);
    }
    if (!type.isEmpty() && !type.startsWith(FORM)) {
      throw new ProblemException(
          415,
          "http-415",
          "Unsupported Media Type",
          "A SPARQL query is sent as a form (Content-Type: "
              + FORM
              + ", field 'query') or as the"
              + " body with Content-Type: "
              + SPARQL_QUERY
              + "; "
              + contentType
              + " is neither.",
          List.of(
              Problem.Error.field(
                  "Content-Type",
                  "unsupported-media-type",
                  "Send " + FORM + " or " + SPARQL_QUERY)),
          null);
    }
    String query = queryParam;
    String format = formatParam;
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (key.equals("query")) {
        query = value;
      } else if (key.equals("format")) {
        format = value;
      } else if (key.equals("update")) {
        throw SparqlEngine.updateRefused();
      }
    }
    return run(query, format, accept);
  }

  private Response run(String query, String format, String accept) {
    SparqlEngine.Answer a = engine.run(dataset.current(), query, format, accept);
    Response.ResponseBuilder r =
        Response.ok(a.body(), a.format().contentType())
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
            .header(MAX_ROWS, engine.maxRows());
    if (a.truncated()) {
      r.header(TRUNCATED, "true");
    }
    return r.build();
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "The form body is not URL-encoded.",
          List.of(
              Problem.Error.field(
                  "query",
                  "malformed-form",
                  "Encode the form fields (application/x-www-form-urlencoded), or send the query"
                      + " as the body with Content-Type: application/sparql-query.")));
    }
  }
}
