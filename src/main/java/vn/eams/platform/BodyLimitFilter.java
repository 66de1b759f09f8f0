package vn.eams.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} before it is read, with a
 * problem+json document (the HTTP layer's own refusal has no body).
 */
@Singleton
public class BodyLimitFilter {

  private final long limit;

  BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
    this.limit = limit.asLongValue();
  }

  void register(@Observes Filters filters) {
    filters.register(this::check, 100);
  }

  void check(RoutingContext rc) {
    String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        long size = Long.parseLong(length.strip());
        if (size > limit) {
          rc.response()
              .setStatusCode(413)
              .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
              .putHeader(HttpHeaders.CONNECTION, "close")
              .end(
                  "{\"type\":\"urn:eams:problem:body-too-large\",\"title\":\"Body too large\",\"status\":413,"
                      + "\"detail\":\"The body has "
                      + size
                      + " bytes; this server accepts at most "
                      + limit
                      + ". Split the request into smaller batches; nothing was changed.\"}");
          return;
        }
      } catch (NumberFormatException e) {
        // the HTTP layer rejects a malformed Content-Length itself
      }
    }
    rc.next();
  }
}
