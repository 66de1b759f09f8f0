package vn.eams.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.neo4j.driver.TransactionContext;
import vn.eams.accounts.Access;
import vn.eams.accounts.Right;
import vn.eams.metamodel.ElementType;
import vn.eams.metamodel.Layer;
import vn.eams.metamodel.Metamodel;
import vn.eams.metamodel.PropertyDefinition;
import vn.eams.metamodel.Specialization;
import vn.eams.model.Element;
import vn.eams.model.ModelInfo;
import vn.eams.model.ModelQueries;
import vn.eams.model.Property;
import vn.eams.model.ViewDefinition;
import vn.eams.model.ViewStore;
import vn.eams.platform.Graph;

/**
 * The read-only pages: home, catalogue, element (and agency) pages, views as SVG, keyword search.
 * Server-rendered with Qute, Vietnamese by default ({@code ?lang=en} switches and is remembered in
 * a cookie); no JavaScript, except on the import page, which follows an import's progress, and the
 * impact-analysis page ({@link ImpactPage}).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class PagesResource {

  static final String LANG_COOKIE = PageSupport.LANG_COOKIE;
  static final int PAGE_SIZE = 50;

  @Location("pages/home.html")
  Template home;

  @Location("pages/catalogue.html")
  Template catalogue;

  @Location("pages/element.html")
  Template element;

  @Location("pages/view.html")
  Template view;

  @Location("pages/search.html")
  Template search;

  @Location("pages/import.html")
  Template importPage;

  private final Ui ui;
  private final PageQueries pages;
  private final ModelQueries queries;
  private final Metamodel metamodel;
  private final ViewStore views;
  private final Graph graph;
  private final PageSupport support;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final vn.eams.model.Views viewJson;

  PagesResource(
      Ui ui,
      PageQueries pages,
      ModelQueries queries,
      Metamodel metamodel,
      ViewStore views,
      Graph graph,
      PageSupport support,
      com.fasterxml.jackson.databind.ObjectMapper json,
      vn.eams.model.Views viewJson) {
    this.json = json;
    this.viewJson = viewJson;
    this.ui = ui;
    this.support = support;
    this.pages = pages;
    this.queries = queries;
    this.metamodel = metamodel;
    this.views = views;
    this.graph = graph;
  }

  // ---- page data (read by the templates) ------------------------------------------------------

  /** What every page's frame needs. */
  @TemplateData
  public record Frame(
      String lang,
      Map<String, String> t,
      String otherLangUrl,
      String title,
      String modelId,
      Session session) {}

  /**
   * Who is signed in, for the page header: name, whether an administrator, whether the role may
   * change models, and the CSRF token that the page's forms and scripts send back.
   */
  @TemplateData
  public record Session(
      String username, String displayName, boolean admin, boolean editor, String csrf) {

    /** Nobody signed in. */
    static final Session NONE = new Session("", "", false, false, "");

    /** Whether somebody is signed in. */
    public boolean signedIn() {
      return !username.isEmpty();
    }
  }

  /** A link with a label (and a secondary line). */
  @TemplateData
  public record Link(String href, String label, String note) {}

  /** A layer with its element count and its types. */
  @TemplateData
  public record LayerRow(String label, String href, long count, List<Link> types) {}

  /** A model on the home page. */
  @TemplateData
  public record ModelCard(
      String id,
      String name,
      String href,
      String summary,
      List<LayerRow> layers,
      List<Link> views,
      String agenciesHref,
      String impactHref) {}

  /** A catalogue row. */
  @TemplateData
  public record Row(String href, String name, String nameAlt, String type, String spec) {}

  /** A filter option. */
  @TemplateData
  public record Option(String value, String label, boolean selected) {}

  /** A labelled value; {@code href} set when the value is an element. */
  @TemplateData
  public record Field(String label, String value, String href) {}

  /** Relationships of one type. */
  @TemplateData
  public record RelGroup(String type, List<RelRow> rows) {}

  /** One relationship as seen from the element. */
  @TemplateData
  public record RelRow(String name, String href, String other, String otherType) {}

  /** A titled list of links (agency sections). */
  @TemplateData
  public record Section(String title, List<Link> links) {}

  /** A change-log row. */
  @TemplateData
  public record HistoryRow(long seq, String at, String actor, String op) {}

  // ---- pages -----------------------------------------------------------------------------------

  @GET
  @Access(Right.PUBLISHED)
  @Operation(summary = "Home page: the models and their layers with element counts")
  public Response home(
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    List<ModelCard> cards =
        graph.read(
            tx -> {
              long seq = queries.currentSequence(tx);
              List<ModelCard> c = new ArrayList<>();
              for (ModelInfo m : queries.models(tx)) {
                c.add(card(tx, seq, m, l));
              }
              return c;
            });
    TemplateInstance page =
        home.data("f", support.frame(l, uri, t.get("home_title"), ""))
            .data("models", cards)
            .data("message", null);
    return PageSupport.respond(page, lang);
  }

  private ModelCard card(TransactionContext tx, long seq, ModelInfo m, String l) {
    Map<String, Long> counts = pages.typeCounts(tx, m.id(), seq);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<LayerRow> layers = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      long n = 0;
      List<Link> types = new ArrayList<>();
      for (ElementType et : metamodel.elementTypes(layer)) {
        long c = counts.getOrDefault(et.name(), 0L);
        if (c > 0) {
          n += c;
          types.add(
              new Link(
                  "/models/" + enc(m.id()) + "/catalogue?type=" + enc(et.name()),
                  typeLabel(et.name(), l),
                  Long.toString(c)));
        }
      }
      if (n > 0) {
        layers.add(
            new LayerRow(
                ui.texts(l).get("layer_" + layer.token()),
                "/models/" + enc(m.id()) + "/catalogue?layer=" + layer.token(),
                n,
                types));
      }
    }
    List<Link> viewLinks =
        views.list(tx, m.id()).stream()
            .map(
                v ->
                    new Link(
                        "/models/" + enc(m.id()) + "/views/" + enc(str(v.get("id"))),
                        pick(l, str(v.get("name")), str(v.get("nameEn"))),
                        ""))
            .toList();
    String name = pick(l, m.data().name(), m.data().nameEn());
    return new ModelCard(
        m.id(),
        name,
        "/models/" + enc(m.id()) + "/catalogue",
        ui.format(l, "model_elements", total, m.relationshipCount()),
        layers,
        viewLinks,
        metamodel.specialization("Agency").isPresent()
            ? "/models/" + enc(m.id()) + "/catalogue?spec=Agency"
            : "",
        "/models/" + enc(m.id()) + "/impact");
  }

  @GET
  @Access(Right.PUBLISHED)
  @Path("models/{modelId}")
  @Operation(summary = "A model's page (its card of the home page)")
  public Response model(
      @PathParam("modelId") String modelId,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Optional<ModelCard> found =
        graph.read(
            tx -> queries.model(tx, modelId).map(m -> card(tx, queries.currentSequence(tx), m, l)));
    if (found.isEmpty()) {
      return support.notFound(l, uri);
    }
    ModelCard card = found.get();
    return PageSupport.respond(
        home.data("f", support.frame(l, uri, card.name(), modelId))
            .data("models", List.of(card))
            .data("message", support.done(l, done)),
        lang);
  }

  @GET
  @Access(Right.PUBLISHED)
  @Path("models/{modelId}/catalogue")
  @Operation(summary = "Catalogue of a model's elements with filters and sorting")
  public Response catalogue(
      @PathParam("modelId") String modelId,
      @QueryParam("layer") @DefaultValue("") String layer,
      @QueryParam("type") @DefaultValue("") String type,
      @QueryParam("spec") @DefaultValue("") String spec,
      @QueryParam("q") @DefaultValue("") String q,
      @QueryParam("sort") @DefaultValue("name") String sort,
      @QueryParam("dir") @DefaultValue("asc") String dir,
      @QueryParam("page") @DefaultValue("1") int pageNo,
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    Optional<Layer> chosenLayer = Layer.fromToken(layer);
    List<String> types = new ArrayList<>();
    if (metamodel.elementType(type).isPresent()) {
      types.add(type);
    } else if (chosenLayer.isPresent()) {
      metamodel.elementTypes(chosenLayer.get()).forEach(et -> types.add(et.name()));
    }
    String specId = metamodel.specialization(spec).isPresent() ? spec : "";
    String sortKey = List.of("name", "type", "specialization").contains(sort) ? sort : "name";
    boolean desc = dir.equals("desc");
    int page = Math.max(1, pageNo);
    record Read(ModelInfo model, Map<String, Long> counts, PageQueries.CataloguePage result) {}
    Read read =
        graph.read(
            tx -> {
              Optional<ModelInfo> model = queries.model(tx, modelId);
              if (model.isEmpty()) {
                return null;
              }
              return new Read(
                  model.get(),
                  pages.typeCounts(tx, modelId, queries.currentSequence(tx)),
                  pages.catalogue(
                      tx,
                      modelId,
                      types,
                      specId,
                      q,
                      sortKey,
                      desc,
                      (page - 1) * PAGE_SIZE,
                      PAGE_SIZE));
            });
    if (read == null) {
      return support.notFound(l, uri);
    }
    Optional<ModelInfo> m = Optional.of(read.model());
    PageQueries.CataloguePage result = read.result();
    List<Row> rows = new ArrayList<>();
    for (PageQueries.Item i : result.items()) {
      rows.add(row(i, l));
    }
    List<Option> layerOptions = new ArrayList<>();
    layerOptions.add(new Option("", t.get("layer_all"), chosenLayer.isEmpty()));
    for (Layer x : Layer.values()) {
      layerOptions.add(
          new Option(
              x.token(), t.get("layer_" + x.token()), chosenLayer.map(x::equals).orElse(false)));
    }
    Map<String, Long> counts = read.counts();
    List<Option> typeOptions = new ArrayList<>();
    typeOptions.add(new Option("", t.get("type_all"), types.size() != 1 || type.isEmpty()));
    for (String tn : counts.keySet()) {
      typeOptions.add(new Option(tn, typeLabel(tn, l), tn.equals(type)));
    }
    List<Option> specOptions = new ArrayList<>();
    specOptions.add(new Option("", t.get("specialization_all"), specId.isEmpty()));
    for (Specialization s : metamodel.specializations()) {
      specOptions.add(new Option(s.id(), pick(l, s.nameVi(), s.nameEn()), s.id().equals(specId)));
    }
    List<Option> sortOptions =
        List.of(
            new Option("name", t.get("catalogue_sort_name"), sortKey.equals("name")),
            new Option("type", t.get("catalogue_sort_type"), sortKey.equals("type")),
            new Option(
                "specialization",
                t.get("catalogue_sort_specialization"),
                sortKey.equals("specialization")));
    List<Option> dirOptions =
        List.of(
            new Option("asc", t.get("catalogue_asc"), !desc),
            new Option("desc", t.get("catalogue_desc"), desc));
    long from = result.total() == 0 ? 0 : (long) (page - 1) * PAGE_SIZE + 1;
    long to = Math.min(result.total(), (long) page * PAGE_SIZE);
    String shown = ui.format(l, "catalogue_shown", from, to, result.total());
    String prev = page > 1 ? pageUrl(uri, page - 1) : "";
    String next = to < result.total() ? pageUrl(uri, page + 1) : "";
    String title =
        t.get("catalogue_title") + " — " + pick(l, m.get().data().name(), m.get().data().nameEn());
    TemplateInstance ti =
        catalogue
            .data("f", support.frame(l, uri, title, modelId))
            .data("action", "/models/" + enc(modelId) + "/catalogue")
            .data("rows", rows)
            .data("layers", layerOptions)
            .data("types", typeOptions)
            .data("specs", specOptions)
            .data("sorts", sortOptions)
            .data("dirs", dirOptions)
            .data("q", q)
            .data("shown", shown)
            .data("prev", prev)
            .data("next", next);
    return PageSupport.respond(ti, lang);
  }

  @GET
  @Access(Right.PUBLISHED)
  @Path("models/{modelId}/elements/{id}")
  @Operation(summary = "An element's page: properties, relationships, views, history")
  public Response element(
      @PathParam("modelId") String modelId,
      @PathParam("id") String id,
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    ElementRead read = graph.read(tx -> readElement(tx, modelId, id));
    if (read == null) {
      return support.notFound(l, uri);
    }
    Element e = read.element();
    List<PageQueries.Link> links = read.links();
    Map<String, String> nameOf = new HashMap<>();
    for (PageQueries.Link k : links) {
      nameOf.put(k.other().id(), pick(l, k.other().name(), k.other().nameEn()));
    }
    // fields
    List<Field> head = new ArrayList<>();
    head.add(new Field(t.get("type"), typeLabel(e.data().type(), l), ""));
    Optional<Specialization> spec = metamodel.specialization(e.data().specialization());
    spec.ifPresent(
        s -> head.add(new Field(t.get("specialization"), pick(l, s.nameVi(), s.nameEn()), "")));
    String altName = l.equals("en") ? e.data().name() : e.data().nameEn();
    if (!altName.isBlank()) {
      head.add(new Field(l.equals("en") ? "Tên tiếng Việt" : t.get("name_en"), altName, ""));
    }
    head.add(new Field(t.get("element_id"), e.id(), ""));
    head.add(new Field(t.get("element_version"), Long.toString(e.version()), ""));
    head.add(new Field(t.get("element_updated"), e.updatedAt().toString(), ""));
    List<Field> profile = new ArrayList<>();
    String profileTitle = "";
    if (spec.isPresent()) {
      profileTitle =
          ui.format(
              l,
              "element_profile_properties",
              metamodel.profiles().stream()
                  .filter(p -> p.id().equals(spec.get().profileId()))
                  .map(p -> pick(l, p.nameVi(), p.nameEn()))
                  .findFirst()
                  .orElse(spec.get().profileId()));
      for (PropertyDefinition d : spec.get().properties()) {
        Object v = e.data().profile().get(d.name());
        if (v == null) {
          continue;
        }
        String label = pick(l, d.labelVi(), d.labelEn());
        String value = String.valueOf(v);
        String href = "";
        if (d.type() == vn.eams.metamodel.PropertyType.ELEMENT) {
          href = "/models/" + enc(modelId) + "/elements/" + enc(value);
          Element target = read.referenced().get(value);
          value = target == null ? value : pick(l, target.data().name(), target.data().nameEn());
        } else if (v instanceof Boolean b) {
          value = b ? t.get("yes") : t.get("no");
        }
        profile.add(new Field(label, value, href));
      }
    }
    List<Field> other = new ArrayList<>();
    for (Property p : e.data().properties()) {
      other.add(new Field(p.key(), p.value(), ""));
    }
    // relationships grouped by type, outgoing and incoming
    Map<String, List<RelRow>> out = new TreeMap<>();
    Map<String, List<RelRow>> in = new TreeMap<>();
    for (PageQueries.Link k : links) {
      RelRow r =
          new RelRow(
              k.name(),
              "/models/" + enc(modelId) + "/elements/" + enc(k.other().id()),
              pick(l, k.other().name(), k.other().nameEn()),
              typeLabel(k.other().type(), l));
      (k.outgoing() ? out : in)
          .computeIfAbsent(relationshipLabel(k.type(), l), x -> new ArrayList<>())
          .add(r);
    }
    List<RelGroup> outgoing =
        out.entrySet().stream().map(x -> new RelGroup(x.getKey(), x.getValue())).toList();
    List<RelGroup> incoming =
        in.entrySet().stream().map(x -> new RelGroup(x.getKey(), x.getValue())).toList();
    List<Link> inViews =
        read.views().stream()
            .map(
                v ->
                    new Link(
                        "/models/" + enc(modelId) + "/views/" + enc(str(v.get("id"))),
                        pick(l, str(v.get("name")), str(v.get("nameEn"))),
                        ""))
            .toList();
    List<HistoryRow> history =
        read.history().stream()
            .map(
                h ->
                    new HistoryRow(
                        h.seq(), h.at(), h.actor(), t.getOrDefault("op_" + h.op(), h.op())))
            .toList();
    List<Section> sections =
        e.data().specialization().equals("Agency") ? agencySections(read, l) : List.of();
    String name = pick(l, e.data().name(), e.data().nameEn());
    TemplateInstance ti =
        element
            .data("f", support.frame(l, uri, name, modelId))
            .data("name", name)
            .data("impactHref", "/models/" + enc(modelId) + "/impact?element=" + enc(e.id()))
            .data("documentation", pick(l, e.data().documentation(), e.data().documentationEn()))
            .data("head", head)
            .data("profileTitle", profileTitle)
            .data("profile", profile)
            .data("other", other)
            .data("sections", sections)
            .data("outgoing", outgoing)
            .data("incoming", incoming)
            .data("views", inViews)
            .data("history", history);
    return PageSupport.respond(ti, lang);
  }

  /** Everything the element page shows, read in one transaction. */
  record ElementRead(
      Element element,
      List<PageQueries.Link> links,
      List<Map<String, Object>> views,
      List<PageQueries.History> history,
      Map<String, Element> referenced,
      Map<String, List<PageQueries.Item>> referencing) {}

  private ElementRead readElement(TransactionContext tx, String modelId, String id) {
    Optional<Element> found = queries.element(tx, id).filter(x -> x.modelId().equals(modelId));
    if (found.isEmpty()) {
      return null;
    }
    Element e = found.get();
    Map<String, Element> referenced = new HashMap<>();
    metamodel
        .specialization(e.data().specialization())
        .ifPresent(
            sp ->
                sp.properties().stream()
                    .filter(d -> d.type() == vn.eams.metamodel.PropertyType.ELEMENT)
                    .map(d -> e.data().profile().get(d.name()))
                    .filter(v -> v != null)
                    .forEach(
                        v ->
                            queries
                                .element(tx, v.toString())
                                .ifPresent(x -> referenced.put(x.id(), x))));
    Map<String, List<PageQueries.Item>> referencing = new HashMap<>();
    if (e.data().specialization().equals("Agency")) {
      for (String prop : List.of("owner", "operator", "owningMinistry")) {
        referencing.put(prop, pages.referencing(tx, modelId, prop, id));
      }
    }
    return new ElementRead(
        e,
        pages.links(tx, id),
        views.viewsShowing(tx, id),
        pages.history(tx, modelId, id, 50),
        referenced,
        referencing);
  }

  /** The agency page's sections: domains, applications, databases, responsibilities, roadmap. */
  private List<Section> agencySections(ElementRead read, String l) {
    List<PageQueries.Link> links = read.links();
    Map<String, String> t = ui.texts(l);
    Map<String, List<Link>> by = new LinkedHashMap<>();
    for (String k :
        List.of(
            "agency_domains",
            "agency_applications",
            "agency_databases",
            "agency_responsibilities",
            "agency_roadmap")) {
      by.put(k, new ArrayList<>());
    }
    Set<String> seen = new HashSet<>();
    for (PageQueries.Link k : links) {
      PageQueries.Item o = k.other();
      String key =
          switch (o.spec()) {
            case "ServiceDomain" -> "agency_domains";
            case "Application", "Platform" -> "agency_applications";
            case "Database" -> "agency_databases";
            case "Responsibility" -> "agency_responsibilities";
            case "RoadmapTask", "RoadmapPhase" -> "agency_roadmap";
            default -> "";
          };
      if (!key.isEmpty() && k.outgoing() && seen.add(key + o.id())) {
        by.get(key).add(itemLink(o, l));
      }
    }
    for (String prop : List.of("owner", "operator")) {
      for (PageQueries.Item o : read.referencing().getOrDefault(prop, List.of())) {
        if (seen.add("agency_applications" + o.id())) {
          by.get("agency_applications").add(itemLink(o, l));
        }
      }
    }
    for (PageQueries.Item o : read.referencing().getOrDefault("owningMinistry", List.of())) {
      String key = o.spec().equals("Database") ? "agency_databases" : "agency_applications";
      if (seen.add(key + o.id())) {
        by.get(key).add(itemLink(o, l));
      }
    }
    List<Section> sections = new ArrayList<>();
    by.forEach((k, v) -> sections.add(new Section(t.get(k), v)));
    return sections;
  }

  @GET
  @Access(Right.PUBLISHED)
  @Path("models/{modelId}/views/{viewId}")
  @Operation(summary = "A view drawn as SVG in ArchiMate notation")
  public Response view(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    Optional<ViewDefinition> found =
        graph.read(
            tx ->
                queries.model(tx, modelId).isEmpty()
                    ? Optional.<ViewDefinition>empty()
                    : views.view(tx, viewId));
    if (found.isEmpty()) {
      return support.notFound(l, uri);
    }
    ViewDefinition v = found.get();
    Set<String> elementIds = new HashSet<>();
    v.nodes().stream()
        .filter(ViewDefinition.Node::isElement)
        .forEach(n -> elementIds.add(n.elementId()));
    Set<String> relIds = new HashSet<>();
    v.connections().forEach(c -> relIds.add(c.relationshipId()));
    Map<String, ViewSvg.Shown> shown = new HashMap<>();
    Map<String, String> relTypes = new HashMap<>();
    List<Link> elementLinks = new ArrayList<>();
    graph.read(
        tx -> {
          tx.run(
                  "MATCH (e:Element) WHERE e.id IN $ids RETURN e.id AS id, e.name AS name,"
                      + " e.nameEn AS nameEn, e.type AS type ORDER BY e.nameKey",
                  Map.of("ids", List.copyOf(elementIds)))
              .forEachRemaining(
                  r -> {
                    String name = pick(l, r.get("name").asString(""), r.get("nameEn").asString(""));
                    shown.put(
                        r.get("id").asString(), new ViewSvg.Shown(name, r.get("type").asString()));
                    elementLinks.add(
                        new Link(
                            "/models/" + enc(modelId) + "/elements/" + enc(r.get("id").asString()),
                            name,
                            typeLabel(r.get("type").asString(), l)));
                  });
          tx.run(
                  "MATCH ()-[r]->() WHERE r.modelId = $m AND r.id IN $ids RETURN r.id AS id,"
                      + " type(r) AS t",
                  Map.of("m", modelId, "ids", List.copyOf(relIds)))
              .forEachRemaining(r -> relTypes.put(r.get("id").asString(), r.get("t").asString()));
          return null;
        });
    String name = pick(l, v.name(), v.nameEn());
    String svg =
        new ViewSvg(metamodel)
            .render(
                v,
                shown,
                relTypes,
                ui.format(l, "view_diagram_label", name),
                id -> "/models/" + enc(modelId) + "/elements/" + enc(id));
    String viewpoint =
        metamodel
            .viewpoint(v.viewpoint())
            .map(vp -> pick(l, vp.nameVi(), vp.nameEn()))
            .orElse(t.get("view_no_viewpoint"));
    TemplateInstance ti =
        view.data("f", support.frame(l, uri, name, modelId))
            .data("name", name)
            .data("documentation", v.documentation())
            .data("viewpoint", viewpoint)
            .data("svg", svg)
            .data("elements", elementLinks)
            .data("editHref", "/models/" + enc(modelId) + "/views/" + enc(viewId) + "/edit")
            .data("deleteHref", "/models/" + enc(modelId) + "/views/" + enc(viewId) + "/delete")
            .data(
                "config",
                ModellerPage.config(
                    json,
                    metamodel,
                    t,
                    "view",
                    l,
                    modelId,
                    viewId,
                    v.viewpoint(),
                    support.session().username(),
                    support.session().editor(),
                    support.session().signedIn() ? null : viewJson.read(modelId, viewId)));
    return PageSupport.respond(ti, lang);
  }

  @GET
  @Access(Right.PUBLISHED)
  @Path("search")
  @Operation(summary = "Keyword search across names, documentation and properties")
  public Response search(
      @QueryParam("q") @DefaultValue("") String q,
      @QueryParam("model") @DefaultValue("") String model,
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    List<Row> rows = new ArrayList<>();
    String summary = "";
    if (!q.isBlank()) {
      for (PageQueries.Hit h : pages.search(q, model, 200)) {
        rows.add(row(h.item(), l));
      }
      summary =
          rows.isEmpty()
              ? ui.format(l, "search_none", q.strip())
              : ui.format(l, "search_results", rows.size(), q.strip());
    }
    List<Option> models = new ArrayList<>();
    models.add(new Option("", t.get("search_all_models"), model.isEmpty()));
    for (ModelInfo m : queries.models()) {
      models.add(
          new Option(m.id(), pick(l, m.data().name(), m.data().nameEn()), m.id().equals(model)));
    }
    TemplateInstance ti =
        search
            .data("f", support.frame(l, uri, t.get("search_title"), model))
            .data("q", q)
            .data("rows", rows)
            .data("models", models)
            .data("summary", summary);
    return PageSupport.respond(ti, lang);
  }

  @GET
  @Access(Right.MODEL_EDIT)
  @Path("import")
  @Operation(summary = "The upload page: import files with a progress bar (server-sent events)")
  public Response importPage(
      @QueryParam("model") @DefaultValue("") String model,
      @QueryParam("lang") String lang,
      @CookieParam(LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, String> t = ui.texts(l);
    return PageSupport.respond(
        importPage
            .data("f", support.frame(l, uri, t.get("import_title"), model))
            .data("modelId", model),
        lang);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static String pageUrl(UriInfo uri, int page) {
    StringBuilder url = new StringBuilder(uri.getPath()).append("?");
    uri.getQueryParameters(true)
        .forEach(
            (k, vs) -> {
              if (!k.equals("page") && !k.equals("lang")) {
                vs.forEach(v -> url.append(enc(k)).append('=').append(enc(v)).append('&'));
              }
            });
    return url.append("page=").append(page).toString();
  }

  private Row row(PageQueries.Item i, String l) {
    String name = pick(l, i.name(), i.nameEn());
    String alt = l.equals("en") ? i.name() : i.nameEn();
    return new Row(
        "/models/" + enc(i.modelId()) + "/elements/" + enc(i.id()),
        name,
        alt.equals(name) ? "" : alt,
        typeLabel(i.type(), l),
        metamodel.specialization(i.spec()).map(s -> pick(l, s.nameVi(), s.nameEn())).orElse(""));
  }

  private Link itemLink(PageQueries.Item o, String l) {
    return new Link(
        "/models/" + enc(o.modelId()) + "/elements/" + enc(o.id()),
        pick(l, o.name(), o.nameEn()),
        typeLabel(o.type(), l));
  }

  private String typeLabel(String type, String l) {
    return metamodel.elementType(type).map(et -> pick(l, et.nameVi(), et.nameEn())).orElse(type);
  }

  private String relationshipLabel(String type, String l) {
    return metamodel
        .relationshipType(type)
        .map(rt -> pick(l, rt.nameVi(), rt.nameEn()))
        .orElse(type);
  }

  /** The text in the page's language, falling back to the other. */
  static String pick(String l, String vi, String en) {
    if (l.equals("en")) {
      return en == null || en.isBlank() ? vi : en;
    }
    return vi == null || vi.isBlank() ? en : vi;
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
