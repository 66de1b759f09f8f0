package vn.eams.accounts;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * Reads who sends a request: an API token ({@code Authorization: Bearer eams_...}), a user name and
 * password ({@code Authorization: Basic}, for scripts), or the session cookie of a signed-in
 * browser. A request with none of them is anonymous; one whose Authorization header is refused
 * fails (401); an expired or tampered session cookie counts as none.
 */
@ApplicationScoped
public class EamsAuthentication implements HttpAuthenticationMechanism {

  /** The session cookie's name. */
  public static final String SESSION_COOKIE = "eams_session";

  /** The request attribute that says how the caller was authenticated. */
  static final String VIA = "eams.via";

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String header = context.request().getHeader("Authorization");
    if (header != null && !header.isBlank()) {
      AuthenticationRequest request = fromHeader(header.strip());
      if (request == null) {
        return Uni.createFrom()
            .failure(
                new AuthenticationFailedException(
                    "The Authorization header is neither 'Bearer <API token>' nor 'Basic"
                        + " <user:password>'."));
      }
      context.put(VIA, request instanceof Credentials.Token ? "token" : "password");
      HttpSecurityUtils.setRoutingContextAttribute(request, context);
      return identityProviderManager.authenticate(request);
    }
    Cookie session = context.request().getCookie(SESSION_COOKIE);
    if (session != null && !session.getValue().isBlank()) {
      context.put(VIA, "session");
      Credentials.Session request = new Credentials.Session(session.getValue());
      HttpSecurityUtils.setRoutingContextAttribute(request, context);
      // an ended session is no session: the request goes on as anonymous
      return identityProviderManager.authenticate(request).onFailure().recoverWithNull();
    }
    return Uni.createFrom().nullItem();
  }

  private static AuthenticationRequest fromHeader(String header) {
    int space = header.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = header.substring(0, space);
    String value = header.substring(space + 1).strip();
    if (scheme.equalsIgnoreCase("Bearer") && !value.isEmpty()) {
      return new Credentials.Token(value);
    }
    if (scheme.equalsIgnoreCase("Basic")) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      return new UsernamePasswordAuthenticationRequest(
          decoded.substring(0, colon),
          new PasswordCredential(decoded.substring(colon + 1).toCharArray()));
    }
    return null;
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom()
        .item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"eams\""));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(
        Credentials.Token.class,
        Credentials.Session.class,
        UsernamePasswordAuthenticationRequest.class);
  }
}
