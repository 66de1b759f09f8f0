package vn.eams.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelQueries;
import vn.eams.platform.Graph;

/**
 * The web modeller: a view edited in the browser (diagram-js with the EAMS notation, built from
 * {@code src/main/webui}). The page carries what the script needs in {@code data-config}: the view,
 * the notation ({@link ViewSvg#notation}), the texts; the script reads the view and saves every
 * edit through {@code /api/models/{modelId}/views/{viewId}}.
 */
@Path("/models/{modelId}/views/{viewId}/edit")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class ModellerPage {

  /** Prefix of the page texts the script reads. */
  static final String TEXTS = "modeller_js_";

  @Location("pages/modeller.html")
  Template page;

  private final Ui ui;
  private final PageSupport support;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final Graph graph;
  private final ObjectMapper json;

  ModellerPage(
      Ui ui,
      PageSupport support,
      ModelQueries queries,
      Metamodel metamodel,
      Graph graph,
      ObjectMapper json) {
    this.ui = ui;
    this.support = support;
    this.queries = queries;
    this.metamodel = metamodel;
    this.graph = graph;
    this.json = json;
  }

  @GET
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "The web modeller for a view (architects)")
  public Response edit(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    record Read(ModelInfo model, Map<String, Object> view) {}
    Read read =
        graph.read(
            tx -> {
              Optional<ModelInfo> model = queries.model(tx, modelId);
              if (model.isEmpty()) {
                return null;
              }
              List<Map<String, Object>> v =
                  tx.run(
                          "MATCH (v:View {id: $v, modelId: $m}) RETURN v.name AS name,"
                              + " v.nameEn AS nameEn, v.viewpoint AS viewpoint",
                          Map.of("v", viewId, "m", modelId))
                      .list(r -> r.asMap());
              return v.isEmpty() ? null : new Read(model.get(), v.get(0));
            });
    if (read == null) {
      return support.notFound(l, uri);
    }
    String name = PagesResource.pick(l, str(read.view(), "name"), str(read.view(), "nameEn"));
    Map<String, String> t = ui.texts(l);
    PagesResource.Frame f = support.frame(l, uri, t.get("modeller_title") + " — " + name, modelId);
    return PageSupport.respond(
        page.data("f", f)
            .data("name", name)
            .data(
                "viewHref",
                "/models/" + PagesResource.enc(modelId) + "/views/" + PagesResource.enc(viewId))
            .data(
                "config",
                config(
                    json,
                    metamodel,
                    t,
                    "edit",
                    l,
                    modelId,
                    viewId,
                    str(read.view(), "viewpoint"),
                    f.session().username(),
                    true,
                    null)),
        lang);
  }

  /**
   * The {@code data-config} of the modeller and the viewer: mode, ids, language, user, the script's
   * texts (keys {@value #TEXTS}… without the prefix), the notation and the links it makes; {@code
   * view} (the API's JSON of the view) when the reader cannot read it through the API.
   */
  static String config(
      ObjectMapper json,
      Metamodel metamodel,
      Map<String, String> t,
      String mode,
      String l,
      String modelId,
      String viewId,
      String viewpoint,
      String user,
      boolean canEdit,
      Map<String, Object> view) {
    Map<String, String> texts = new LinkedHashMap<>();
    t.forEach(
        (k, v) -> {
          if (k.startsWith(TEXTS)) {
            texts.put(k.substring(TEXTS.length()), v);
          }
        });
    String base = "/models/" + PagesResource.enc(modelId);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("mode", mode);
    c.put("modelId", modelId);
    c.put("viewId", viewId);
    c.put("lang", l);
    c.put("user", user);
    c.put("canEdit", canEdit);
    c.put("texts", texts);
    c.put("notation", ViewSvg.notation(metamodel, viewpoint));
    c.put("elementHref", base + "/elements/");
    c.put("viewsHref", base + "/views/");
    c.put("editHref", base + "/views/" + PagesResource.enc(viewId) + "/edit");
    if (view != null) {
      // for a reader without an account, who may see the page but not call the API
      c.put("view", view);
    }
    try {
      return json.writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the modeller's configuration", e);
    }
  }

  private static String str(Map<String, Object> m, String k) {
    Object v = m.get(k);
    return v == null ? "" : v.toString();
  }
}
