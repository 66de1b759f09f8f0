package vn.eams.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.Right;
import vn.eams.metamodel.Metamodel;
import vn.eams.model.Views;
import vn.eams.platform.ProblemException;

/**
 * A new view from the pages (architects): a form (name, English name, viewpoint) that creates the
 * view and opens the modeller on it. Renaming and the viewpoint of an open view are in the
 * modeller's properties panel; deleting is {@link ViewDeletePage}.
 */
@Path("/models/{modelId}/views/new")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class ViewPages {

  @Location("pages/view-new.html")
  Template newPage;

  @jakarta.inject.Inject CurrentCaller caller;

  private final Ui ui;
  private final PageSupport support;
  private final Views views;
  private final Metamodel metamodel;
  private final Accounts accounts;

  ViewPages(Ui ui, PageSupport support, Views views, Metamodel metamodel, Accounts accounts) {
    this.ui = ui;
    this.support = support;
    this.views = views;
    this.metamodel = metamodel;
    this.accounts = accounts;
  }

  @GET
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "The form for a new view (architects)")
  public Response form(
      @PathParam("modelId") String modelId,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    return AccountPages.respond(newForm(l, uri, modelId, "", "", "", null), 200, lang);
  }

  @POST
  @Access(value = Right.MODEL_EDIT, formCsrf = true)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Create a view from the form and open the modeller on it")
  public Response create(
      @PathParam("modelId") String modelId,
      @FormParam("csrf") String csrf,
      @FormParam("name") String name,
      @FormParam("nameEn") String nameEn,
      @FormParam("viewpoint") String viewpoint,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    AccountPages.requireCsrf(accounts, session, csrf);
    String l = PageSupport.lang(null, langCookie);
    String n = name == null ? "" : name.strip();
    String en = nameEn == null ? "" : nameEn.strip();
    String vp = viewpoint == null ? "" : viewpoint.strip();
    try {
      Map<String, Object> v =
          views.create(modelId, "", new Views.ViewFields(n, en, "", vp, ""), caller.actor());
      return Response.seeOther(
              URI.create(
                  "/models/"
                      + PagesResource.enc(modelId)
                      + "/views/"
                      + PagesResource.enc((String) v.get("id"))
                      + "/edit"))
          .build();
    } catch (ProblemException e) {
      if (e.status() == 404) {
        return support.notFound(l, uri);
      }
      return AccountPages.respond(
          newForm(l, uri, modelId, n, en, vp, AccountPages.describe(e)), e.status(), null);
    }
  }

  private TemplateInstance newForm(
      String l,
      UriInfo uri,
      String modelId,
      String name,
      String nameEn,
      String viewpoint,
      String error) {
    List<PagesResource.Option> viewpoints = new ArrayList<>();
    viewpoints.add(
        new PagesResource.Option("", ui.texts(l).get("view_no_viewpoint"), viewpoint.isEmpty()));
    metamodel.viewpoints().stream()
        .map(
            vp ->
                new PagesResource.Option(
                    vp.id(),
                    PagesResource.pick(l, vp.nameVi(), vp.nameEn()),
                    vp.id().equals(viewpoint)))
        .sorted(java.util.Comparator.comparing(PagesResource.Option::label))
        .forEach(viewpoints::add);
    return newPage
        .data("f", support.frame(l, uri, ui.texts(l).get("view_new_title"), modelId))
        .data("action", "/models/" + PagesResource.enc(modelId) + "/views/new")
        .data("name", name)
        .data("nameEn", nameEn)
        .data("viewpoints", viewpoints)
        .data("error", error);
  }
}
