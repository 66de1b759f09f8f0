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
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.RelationshipType;
import vn.eams.metamodel.Specialization;
import vn.eams.model.Element;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelQueries;
import vn.eams.platform.Graph;

/**
 * The impact-analysis page: pick start elements and options, run {@code POST
 * /api/models/{modelId}/impact} and read the result as a layered graph and a table. The form is
 * rendered here; the script built from {@code src/main/webui} runs the analysis and draws the
 * result, reading the page texts and the layer colours from the {@code data-config} attribute.
 */
@Path("/models/{modelId}/impact")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class ImpactPage {

  /** Change kinds of the impact API, the default first. */
  static final List<String> CHANGES = List.of("removed", "changed", "unavailable");

  /** Directions of the impact API, the default first. */
  static final List<String> DIRECTIONS = List.of("dependents", "dependencies");

  /** The API's default and largest traversal depth. */
  static final int DEFAULT_DEPTH = 6;

  static final int MAX_DEPTH = 50;

  @Location("pages/impact.html")
  Template page;

  private final Ui ui;
  private final PageSupport support;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final Graph graph;
  private final ObjectMapper json;

  ImpactPage(
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

  /** A start element chosen in the address ({@code ?element=}). */
  public record Start(String id, String name, String type) {}

  @GET
  @Access(Right.READ)
  @Operation(
      summary = "Impact-analysis page of a model (?element= preselects start elements)",
      description =
          "The page runs POST /api/models/{modelId}/impact and shows the result as a layered graph"
              + " and a table, with downloads as CSV and JSON.")
  public Response impact(
      @PathParam("modelId") String modelId,
      @QueryParam("element") List<String> elementIds,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    record Read(ModelInfo model, List<Element> starts) {}
    Read read =
        graph.read(
            tx -> {
              Optional<ModelInfo> model = queries.model(tx, modelId);
              if (model.isEmpty()) {
                return null;
              }
              List<Element> starts = new ArrayList<>();
              for (String id : elementIds == null ? List.<String>of() : elementIds) {
                queries
                    .element(tx, id)
                    .filter(e -> e.modelId().equals(modelId))
                    .filter(e -> starts.stream().noneMatch(s -> s.id().equals(e.id())))
                    .ifPresent(starts::add);
              }
              return new Read(model.get(), starts);
            });
    if (read == null) {
      return support.notFound(l, uri);
    }
    Map<String, String> t = ui.texts(l);
    String modelName =
        PagesResource.pick(l, read.model().data().name(), read.model().data().nameEn());
    List<Start> starts =
        read.starts().stream()
            .map(
                e ->
                    new Start(
                        e.id(),
                        PagesResource.pick(l, e.data().name(), e.data().nameEn()),
                        e.data().type()))
            .toList();
    return PageSupport.respond(
        page.data("f", support.frame(l, uri, t.get("impact_title") + " — " + modelName, modelId))
            .data("modelName", modelName)
            .data("changes", options(CHANGES, "impact_change_", t))
            .data("directions", options(DIRECTIONS, "impact_direction_", t))
            .data("defaultDepth", DEFAULT_DEPTH)
            .data("maxDepth", MAX_DEPTH)
            .data("relationshipTypes", relationshipOptions(l))
            .data("layers", layerOptions(t))
            .data("config", config(l, modelId, starts)),
        lang);
  }

  private static List<PagesResource.Option> options(
      List<String> values, String keyPrefix, Map<String, String> t) {
    return values.stream()
        .map(v -> new PagesResource.Option(v, t.get(keyPrefix + v), v.equals(values.get(0))))
        .toList();
  }

  private List<PagesResource.Option> relationshipOptions(String l) {
    return metamodel.relationshipTypes().stream()
        .map(rt -> new PagesResource.Option(rt.name(), label(rt, l), true))
        .toList();
  }

  private static List<PagesResource.Option> layerOptions(Map<String, String> t) {
    List<PagesResource.Option> layers = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      layers.add(new PagesResource.Option(layer.token(), t.get("layer_" + layer.token()), true));
    }
    return layers;
  }

  /**
   * What the script needs besides the form, as JSON: the texts it writes, the labels and colours of
   * element types (the colours of the diagrams, {@link ViewSvg#fill}), the labels of relationship
   * types, layers and specializations, and the start elements.
   */
  private String config(String l, String modelId, List<Start> starts) {
    Map<String, String> t = ui.texts(l);
    Map<String, String> texts = new LinkedHashMap<>();
    t.forEach(
        (k, v) -> {
          if (k.startsWith("impact_js_")) {
            texts.put(k.substring("impact_js_".length()), v);
          }
        });
    Map<String, String> layers = new LinkedHashMap<>();
    for (Layer layer : Layer.values()) {
      layers.put(layer.token(), t.get("layer_" + layer.token()));
    }
    Map<String, Map<String, String>> types = new LinkedHashMap<>();
    for (ElementType et : metamodel.elementTypes()) {
      types.put(
          et.name(),
          Map.of(
              "label",
              PagesResource.pick(l, et.nameVi(), et.nameEn()),
              "fill",
              ViewSvg.fill(et.name(), et.layer())));
    }
    Map<String, String> relationships = new LinkedHashMap<>();
    for (RelationshipType rt : metamodel.relationshipTypes()) {
      relationships.put(rt.name(), label(rt, l));
    }
    Map<String, String> specializations = new LinkedHashMap<>();
    for (Specialization s : metamodel.specializations()) {
      specializations.put(s.id(), PagesResource.pick(l, s.nameVi(), s.nameEn()));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("modelId", modelId);
    config.put("lang", l);
    config.put("texts", texts);
    config.put("layers", layers);
    config.put("types", types);
    config.put("relationships", relationships);
    config.put("specializations", specializations);
    config.put("start", starts);
    try {
      return json.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String label(RelationshipType rt, String l) {
    return PagesResource.pick(l, rt.nameVi(), rt.nameEn());
  }
}
