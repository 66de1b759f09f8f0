package vn.eams.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;

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

  PageSupport(Ui ui) {
    this.ui = ui;
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
    return new PagesResource.Frame(l, ui.texts(l), url.toString(), title, modelId);
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
