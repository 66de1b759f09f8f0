package vn.eams.accounts;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/** Turns the credentials {@link EamsAuthentication} read into the caller's identity. */
final class AccountIdentities {

  /** The identity attribute that holds the {@link Caller}. */
  static final String CALLER = "eams.caller";

  private AccountIdentities() {}

  static SecurityIdentity identity(Caller c) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(c.username()))
        .addRole(c.role().key())
        .addAttribute(CALLER, c)
        .build();
  }

  static String address(AuthenticationRequest request) {
    RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
    return rc == null || rc.request().remoteAddress() == null
        ? null
        : rc.request().remoteAddress().hostAddress();
  }

  /**
   * The identity from what the node has cached, answered on the calling (I/O) thread; else the
   * work, run off it (it may read the account store or check a bcrypt hash).
   */
  private static Uni<SecurityIdentity> cachedOrBlocking(
      Optional<Caller> cached,
      AuthenticationRequestContext context,
      Supplier<SecurityIdentity> work) {
    if (cached.isPresent()) {
      return Uni.createFrom().item(identity(cached.get()));
    }
    return context.runBlocking(work);
  }

  /** API tokens. */
  @ApplicationScoped
  static class Tokens implements IdentityProvider<Credentials.Token> {
    private final Accounts accounts;

    Tokens(Accounts accounts) {
      this.accounts = accounts;
    }

    @Override
    public Class<Credentials.Token> getRequestType() {
      return Credentials.Token.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        Credentials.Token request, AuthenticationRequestContext context) {
      return cachedOrBlocking(
          accounts.cachedToken(request.token),
          context,
          () ->
              accounts
                  .token(request.token)
                  .map(AccountIdentities::identity)
                  .orElseThrow(
                      () ->
                          new AuthenticationFailedException(
                              "The API token is unknown, revoked or expired, or its user is"
                                  + " disabled. Create a new token at /account.")));
    }
  }

  /** Session cookies. */
  @ApplicationScoped
  static class Sessions implements IdentityProvider<Credentials.Session> {
    private final Accounts accounts;

    Sessions(Accounts accounts) {
      this.accounts = accounts;
    }

    @Override
    public Class<Credentials.Session> getRequestType() {
      return Credentials.Session.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        Credentials.Session request, AuthenticationRequestContext context) {
      return cachedOrBlocking(
          accounts.cachedSession(request.cookie),
          context,
          () ->
              accounts
                  .session(request.cookie)
                  .map(AccountIdentities::identity)
                  .orElseThrow(() -> new AuthenticationFailedException("The session ended.")));
    }
  }

  /** User names and passwords (HTTP Basic). */
  @ApplicationScoped
  static class Passwords implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final Accounts accounts;

    Passwords(Accounts accounts) {
      this.accounts = accounts;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
      return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
        UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
      String address = address(request);
      String password = new String(request.getPassword().getPassword());
      return cachedOrBlocking(
          accounts.cachedBasic(request.getUsername(), password),
          context,
          () -> {
            Accounts.Login login = accounts.basic(request.getUsername(), password, address);
            Optional<Caller> c = login.caller();
            if (c.isPresent()) {
              return identity(c.get());
            }
            throw new AuthenticationFailedException(
                switch (login.outcome()) {
                  case LOCKED ->
                      "The account is locked after repeated failed sign-ins; try again later or"
                          + " ask an administrator to unlock it.";
                  case DISABLED -> "The account is disabled; ask an administrator.";
                  default -> "The user name or password is wrong.";
                });
          });
    }
  }
}
