package vn.eams.platform;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Security headers on every answer: the browser may run only the application's own scripts, load
 * only its own resources and send forms only to it (Content-Security-Policy); no other site may
 * frame its pages (frame-ancestors, X-Frame-Options); answers are not sniffed for another type; the
 * full address of a page is not sent to other sites (Referrer-Policy); and pages may not use the
 * camera, microphone or location. Styles may be inline, because the GraphiQL page's editor and the
 * impact page's graph write their own (BrowserTest fails on anything the policy refuses). The tools
 * of Quarkus under {@code /q/} (Swagger UI, which runs an inline script) get every header but the
 * content policy.
 */
@Singleton
public class SecurityHeaders {

  /** The content policy of every page and answer outside {@code /q/}. */
  public static final String CONTENT_SECURITY_POLICY =
      String.join(
          "; ",
          "default-src 'self'",
          "script-src 'self'",
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' data: blob:",
          "font-src 'self' data:",
          "connect-src 'self'",
          "worker-src 'self' blob:",
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  void register(@Observes Filters filters) {
    // before the body limit (100), so that its refusals carry the headers too
    filters.register(this::add, 200);
  }

  void add(RoutingContext rc) {
    String path = rc.normalizedPath();
    rc.addHeadersEndHandler(
        v -> {
          MultiMap h = rc.response().headers();
          h.set("X-Content-Type-Options", "nosniff");
          h.set("X-Frame-Options", "DENY");
          h.set("Referrer-Policy", "same-origin");
          h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
          if (path == null || !path.startsWith("/q/")) {
            h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
          }
        });
    rc.next();
  }
}
