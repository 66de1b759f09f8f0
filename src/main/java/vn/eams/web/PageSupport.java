package vn.eams.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Optional;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.Caller;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.Right;

/**
 * What every page resource shares: the language choice (parameter, then cookie), the page frame
 * with the language switch, the not-found page, and the response that remembers the language.
 */
@ApplicationScoped
class PageSupport {

  static final String LANG_COOKIE = "eams-lang";

  @Location("pages/not-found.html")
  Template notFound;

  private final Ui ui;
  private final CurrentCaller caller;
  private final Accounts accounts;
  private final CurrentVertxRequest request;

  PageSupport(Ui ui, CurrentCaller caller, Accounts accounts, CurrentVertxRequest request) {
    this.ui = ui;
    this.caller = caller;
    this.accounts = accounts;
    this.request = request;
  }

  /** Who is signed in (through the session cookie) and the CSRF token of the session. */
  PagesResource.Session session() {
    Optional<Caller> c = caller.get();
    if (c.isEmpty()) {
      return PagesResource.Session.NONE;
    }
    Cookie cookie =
        request.getCurrent() == null
            ? null
            : request.getCurrent().request().getCookie(EamsAuthentication.SESSION_COOKIE);
    String csrf = cookie == null ? "" : accounts.csrfToken(cookie.getValue());
    return new PagesResource.Session(
        c.get().username(),
        c.get().username(),
        c.get().may(Right.ADMIN),
        c.get().may(Right.MODEL_EDIT),
        csrf);
  }

  /** The page language: the {@code lang} parameter, else the remembered one, else Vietnamese. */
  static String lang(String param, String cookie) {
    return Ui.language(param != null && !param.isBlank() ? param : cookie);
  }

  /** The frame of a page: texts, title, current model and the link to the other language. */
  PagesResource.Frame frame(String l, UriInfo uri, String title, String modelId) {
    String other = l.equals("vi") ? "en" : "vi";
    StringBuilder url = new StringBuilder(uri.getPath()).append("?");
    uri.getQueryParameters(true)
        .forEach(
            (k, vs) -> {
              if (!k.equals("lang")) {
                vs.forEach(
                    v ->
                        url.append(PagesResource.enc(k))
                            .append('=')
                            .append(PagesResource.enc(v))
                            .append('&'));
              }
            });
    url.append("lang=").append(other);
    return new PagesResource.Frame(l, ui.texts(l), url.toString(), title, modelId, session());
  }

  /** The message that confirms a finished form action ({@code ?done=user-created}), if any. */
  String done(String l, String done) {
    return done == null ? null : ui.texts(l).get("done_" + done.replace('-', '_'));
  }

  /** The 404 page in the page language. */
  Response notFound(String l, UriInfo uri) {
    Map<String, String> t = ui.texts(l);
    return Response.status(404)
        .entity(notFound.data("f", frame(l, uri, t.get("not_found_title"), "")))
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .build();
  }

  /** 200 with the page; remembers an explicitly requested language in a cookie. */
  static Response respond(TemplateInstance page, String requestedLang) {
    Response.ResponseBuilder b =
        Response.ok(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    if (requestedLang != null && !requestedLang.isBlank()) {
      b.cookie(
          new NewCookie.Builder(LANG_COOKIE)
              .value(Ui.language(requestedLang))
              .path("/")
              .maxAge(365 * 24 * 3600)
              .sameSite(NewCookie.SameSite.LAX)
              .build());
    }
    return b.build();
  }
}
