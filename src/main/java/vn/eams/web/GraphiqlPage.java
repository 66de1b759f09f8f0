package vn.eams.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;

/**
 * The GraphiQL page: an in-browser editor for {@code POST /graphql} of the same server, with
 * completion and documentation from the schema's introspection. The page is a thin header (name,
 * home link, help, language switch) over the whole viewport; the script built from {@code
 * src/main/webui} ({@code graphiql.js}) mounts GraphiQL and reads the endpoint and the first query
 * from the {@code data-config} attribute. When the endpoint does not answer, GraphiQL shows the
 * fetch error in its result pane.
 */
@Path("/graphiql")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class GraphiqlPage {

  /** The GraphQL endpoint the page queries, on the same origin. */
  static final String ENDPOINT = "/graphql";

  /** The query shown on a first visit (GraphiQL keeps the last one in the browser after that). */
  static final String QUERY = "{\n  models {\n    id\n    name\n  }\n}\n";

  @Location("pages/graphiql.html")
  Template page;

  private final Ui ui;
  private final PageSupport support;
  private final ObjectMapper json;

  GraphiqlPage(Ui ui, PageSupport support, ObjectMapper json) {
    this.ui = ui;
    this.support = support;
    this.json = json;
  }

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "GraphiQL page: write and run GraphQL queries against POST /graphql",
      description = "Completion and documentation come from the schema's introspection.")
  public Response graphiql(
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    return PageSupport.respond(
        page.data("f", support.frame(l, uri, t.get("graphiql_title"), ""))
            .data("config", config(t)),
        lang);
  }

  /** The endpoint and the first query, whose comment lines are in the page language. */
  private String config(Map<String, String> t) {
    StringBuilder query = new StringBuilder();
    for (String line : t.get("graphiql_query_comment").split("\\|")) {
      query.append("# ").append(line.strip()).append('\n');
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("endpoint", ENDPOINT);
    config.put("defaultQuery", query.append(QUERY).toString());
    try {
      return json.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
