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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.Right;
import vn.eams.platform.ProblemException;
import vn.eams.webhooks.WebhookDispatcher;
import vn.eams.webhooks.Webhooks;

/** The administrators' pages of webhooks and their delivery log. */
@Path("/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class WebhookPages {

  @Location("pages/webhooks.html")
  Template list;

  @Location("pages/webhook.html")
  Template one;

  private final Ui ui;
  private final PageSupport support;
  private final Accounts accounts;
  private final Webhooks webhooks;
  private final CurrentCaller caller;

  WebhookPages(
      Ui ui, PageSupport support, Accounts accounts, Webhooks webhooks, CurrentCaller caller) {
    this.ui = ui;
    this.support = support;
    this.accounts = accounts;
    this.webhooks = webhooks;
    this.caller = caller;
  }

  @GET
  @Access(Right.ADMIN)
  @Operation(summary = "Webhooks (administrators)")
  public Response listPage(
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    return listView(l, uri, support.done(l, done), null, null, 200, lang);
  }

  @POST
  @Access(value = Right.ADMIN, formCsrf = true)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Register a webhook (administrators); the page shows its secret once")
  public Response create(
      @FormParam("csrf") String csrf,
      @FormParam("url") String url,
      @FormParam("modelId") String modelId,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    AccountPages.requireCsrf(accounts, session, csrf);
    String l = PageSupport.lang(null, langCookie);
    try {
      Map<String, Object> w =
          webhooks.create(
              new Webhooks.Input(
                  Optional.ofNullable(url),
                  Optional.empty(),
                  Optional.of(List.of(WebhookDispatcher.MODEL_CHANGED)),
                  Optional.ofNullable(modelId),
                  Optional.of(true)),
              caller.actor());
      return listView(
          l,
          uri,
          ui.texts(l).get("done_webhook_created"),
          (String) w.get("secret"),
          null,
          201,
          null);
    } catch (ProblemException e) {
      return listView(l, uri, null, null, AccountPages.describe(e), e.status(), null);
    }
  }

  @GET
  @Path("{id}")
  @Access(Right.ADMIN)
  @Operation(summary = "One webhook and its delivery log (administrators)")
  public Response page(
      @PathParam("id") long id,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    Map<String, Object> hook = webhooks.get(id);
    TemplateInstance page =
        one.data("f", support.frame(l, uri, (String) hook.get("url"), ""))
            .data("hook", hook)
            .data("deliveries", webhooks.deliveries(id, 100))
            .data("message", support.done(l, done));
    return AccountPages.respond(page, 200, lang);
  }

  @POST
  @Path("{id}")
  @Access(value = Right.ADMIN, formCsrf = true)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Enable, disable or remove a webhook, or send a delivery again")
  public Response act(
      @PathParam("id") long id,
      @FormParam("csrf") String csrf,
      @FormParam("action") String action,
      @FormParam("delivery") Long delivery,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session) {
    AccountPages.requireCsrf(accounts, session, csrf);
    String done;
    switch (action == null ? "" : action) {
      case "enable", "disable" -> {
        webhooks.update(
            id,
            new Webhooks.Input(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(action.equals("enable"))));
        done = "webhook-saved";
      }
      case "delete" -> {
        webhooks.delete(id);
        return Response.seeOther(URI.create("/admin/webhooks?done=webhook-deleted")).build();
      }
      case "redeliver" -> {
        webhooks.redeliver(id, delivery == null ? -1 : delivery);
        done = "webhook-redelivered";
      }
      default ->
          throw ProblemException.badRequest(
              "Unknown action '" + action + "'.",
              List.of(
                  vn.eams.platform.Problem.Error.field(
                      "action", "unknown-action", "Use enable, disable, delete or redeliver.")));
    }
    return Response.seeOther(URI.create("/admin/webhooks/" + id + "?done=" + done)).build();
  }

  private Response listView(
      String l, UriInfo uri, String message, String secret, String error, int status, String lang) {
    TemplateInstance page =
        list.data("f", support.frame(l, uri, ui.texts(l).get("webhooks_title"), ""))
            .data("hooks", webhooks.list())
            .data("message", message)
            .data("secret", secret)
            .data("error", error);
    return AccountPages.respond(page, status, lang);
  }
}
