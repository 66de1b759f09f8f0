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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.Right;
import vn.eams.model.Views;
import vn.eams.platform.ProblemException;

/** Deleting a view from the pages (architects), after a confirmation; its elements stay. */
@Path("/models/{modelId}/views/{viewId}/delete")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class ViewDeletePage {

  @Location("pages/view-delete.html")
  Template deletePage;

  @jakarta.inject.Inject CurrentCaller caller;

  private final Ui ui;
  private final PageSupport support;
  private final Views views;
  private final Accounts accounts;

  ViewDeletePage(Ui ui, PageSupport support, Views views, Accounts accounts) {
    this.ui = ui;
    this.support = support;
    this.views = views;
    this.accounts = accounts;
  }

  @GET
  @Access(Right.MODEL_EDIT)
  @Operation(summary = "Confirm deleting a view (architects)")
  public Response confirm(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String cookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, cookie);
    Map<String, Object> v;
    try {
      v = views.read(modelId, viewId);
    } catch (ProblemException e) {
      return support.notFound(l, uri);
    }
    String name = PagesResource.pick(l, (String) v.get("name"), (String) v.get("nameEn"));
    TemplateInstance page =
        deletePage
            .data("f", support.frame(l, uri, ui.format(l, "view_delete_title", name), modelId))
            .data("name", name)
            .data("version", v.get("version"))
            .data("nodes", ((List<?>) v.get("nodes")).size())
            .data(
                "action",
                "/models/"
                    + PagesResource.enc(modelId)
                    + "/views/"
                    + PagesResource.enc(viewId)
                    + "/delete")
            .data(
                "back",
                "/models/" + PagesResource.enc(modelId) + "/views/" + PagesResource.enc(viewId));
    return AccountPages.respond(page, 200, lang);
  }

  @POST
  @Access(value = Right.MODEL_EDIT, formCsrf = true)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Delete a view (its elements stay in the model)")
  public Response delete(
      @PathParam("modelId") String modelId,
      @PathParam("viewId") String viewId,
      @FormParam("csrf") String csrf,
      @FormParam("version") long version,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session) {
    AccountPages.requireCsrf(accounts, session, csrf);
    views.delete(modelId, viewId, version, caller.actor());
    return Response.seeOther(
            URI.create("/models/" + PagesResource.enc(modelId) + "?done=view-deleted"))
        .build();
  }
}
