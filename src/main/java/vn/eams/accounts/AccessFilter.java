package vn.eams.accounts;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemMapper;

/**
 * Lets a request reach a resource method only when the caller's role holds the right the method's
 * {@link Access} names; a method without one is refused to everyone. Refusals are problem+json: 401
 * when signing in would help (pages redirect to the sign-in page instead), 403 when it would not.
 * An unsafe request that a session cookie authenticates must carry the session's CSRF token.
 */
public class AccessFilter {

  /** The header that carries the CSRF token of a browser session. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final CurrentIdentityAssociation identities;
  private final Accounts accounts;
  private final EamsConfig config;

  AccessFilter(CurrentIdentityAssociation identities, Accounts accounts, EamsConfig config) {
    this.identities = identities;
    this.accounts = accounts;
    this.config = config;
  }

  /** The rule of a resource method: its own, else its class's. */
  public static Optional<Access> rule(Method method, Class<?> type) {
    Access a = method.getAnnotation(Access.class);
    if (a == null) {
      a = type.getAnnotation(Access.class);
    }
    return Optional.ofNullable(a);
  }

  @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
  public Uni<Response> check(
      ContainerRequestContext request, ResourceInfo resource, RoutingContext routing) {
    Optional<Access> rule = rule(resource.getResourceMethod(), resource.getResourceClass());
    if (rule.isEmpty()) {
      return Uni.createFrom()
          .item(
              refuse(
                  403,
                  "no-access-rule",
                  "This endpoint has no access rule, so it is closed to everyone.",
                  "Report it: every endpoint must name the right it needs."));
    }
    // authentication is not proactive: this resolves the identity the mechanisms read from the
    // request, once, and makes it the request's identity for the resource and CurrentCaller
    return QuarkusHttpUser.getSecurityIdentity(routing, null)
        .onItemOrFailure()
        .transform(
            (identity, failure) -> {
              if (failure != null) {
                String why =
                    failure instanceof AuthenticationFailedException && failure.getMessage() != null
                        ? failure.getMessage()
                        : "The credentials were refused.";
                return unauthenticated(request, why);
              }
              if (identity != null) {
                identities.setIdentity(identity);
                QuarkusHttpUser.setIdentity(identity, routing);
              }
              return decide(request, rule.get(), identity);
            });
  }

  private Response decide(ContainerRequestContext request, Access rule, SecurityIdentity identity) {
    Caller caller =
        identity == null || identity.isAnonymous()
            ? null
            : identity.getAttribute(AccountIdentities.CALLER);
    if (rule.value() == Right.PUBLIC) {
      return null;
    }
    if (caller == null) {
      if (rule.value() == Right.PUBLISHED && config.security().anonymousRead()) {
        return null;
      }
      return unauthenticated(
          request, "Sign in, or send an API token: Authorization: Bearer <token>.");
    }
    if (!caller.may(rule.value())) {
      return refuse(
          403,
          "forbidden",
          "The role '"
              + caller.role().key()
              + "' of "
              + caller.username()
              + " may not do this (it needs the right "
              + rule.value().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + ").",
          "Ask an administrator for a role that may, or use an account that has one.");
    }
    if (!SAFE.contains(request.getMethod())
        && !rule.formCsrf()
        && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
      Cookie session = request.getCookies().get(EamsAuthentication.SESSION_COOKIE);
      String token = request.getHeaderString(CSRF_HEADER);
      if (session != null && !accounts.csrfMatches(session.getValue(), token)) {
        return refuse(
            403,
            "csrf",
            "A change sent with the session cookie must carry the session's CSRF token.",
            "Send the header "
                + CSRF_HEADER
                + " with the value of the page's <meta name=\"csrf-token\">, or use an API token.");
      }
    }
    return null;
  }

  private static Response unauthenticated(ContainerRequestContext request, String why) {
    String accept = request.getHeaderString(HttpHeaders.ACCEPT);
    if (request.getMethod().equals("GET")
        && accept != null
        && accept.contains("text/html")
        && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
      String path = request.getUriInfo().getRequestUri().getRawPath();
      String query = request.getUriInfo().getRequestUri().getRawQuery();
      String next = query == null ? path : path + "?" + query;
      return Response.seeOther(
              URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
          .build();
    }
    Response r =
        refuse(401, "unauthenticated", why, "Sign in at /login, or send a valid API token.");
    return Response.fromResponse(r)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"eams\"")
        .build();
  }

  private static Response refuse(int status, String slug, String detail, String fix) {
    String title = status == 401 ? "Sign-in required" : "Not allowed";
    return ProblemMapper.respond(
        new Problem(
            "urn:eams:problem:" + slug,
            title,
            status,
            detail,
            List.of(new Problem.Error(null, null, null, slug, fix)),
            null));
  }
}
