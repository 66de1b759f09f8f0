package vn.eams.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.eams.accounts.Access;
import vn.eams.accounts.Accounts;
import vn.eams.accounts.AgencyCheck;
import vn.eams.accounts.Caller;
import vn.eams.accounts.CurrentCaller;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.Right;
import vn.eams.accounts.Role;
import vn.eams.accounts.SecurityLog;
import vn.eams.accounts.SsoClaims;
import vn.eams.model.AuditResource;
import vn.eams.model.Change;
import vn.eams.model.ChangeLog;
import vn.eams.model.ModelQueries;
import vn.eams.model.ModelResource;
import vn.eams.platform.EamsConfig;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * The pages of accounts: sign-in and sign-out, the user's own account (password, API tokens), and
 * for administrators the users, their roles and the security log. Every form carries a CSRF token:
 * the session's, or before sign-in a random one that must match a cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages")
public class AccountPages {

  /** The cookie that holds the sign-in form's CSRF token. */
  static final String LOGIN_CSRF_COOKIE = "eams_login_csrf";

  private static final SecureRandom RANDOM = new SecureRandom();

  @Location("pages/login.html")
  Template login;

  @Location("pages/account.html")
  Template account;

  @Location("pages/admin-users.html")
  Template adminUsers;

  @Location("pages/admin-user.html")
  Template adminUser;

  @Location("pages/security-events.html")
  Template securityEvents;

  @Location("pages/audit.html")
  Template audit;

  private final Ui ui;
  private final PageSupport support;
  private final Accounts accounts;
  private final CurrentCaller current;
  private final SecurityLog log;
  private final EamsConfig config;
  private final ModelQueries queries;
  private final CurrentIdentityAssociation identities;
  private final boolean ssoEnabled;
  private final AgencyCheck agencies;

  AccountPages(
      AgencyCheck agencies,
      CurrentIdentityAssociation identities,
      @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
          boolean ssoEnabled,
      Ui ui,
      PageSupport support,
      Accounts accounts,
      CurrentCaller current,
      SecurityLog log,
      EamsConfig config,
      ModelQueries queries) {
    this.queries = queries;
    this.identities = identities;
    this.agencies = agencies;
    this.ssoEnabled = ssoEnabled;
    this.ui = ui;
    this.support = support;
    this.accounts = accounts;
    this.current = current;
    this.log = log;
    this.config = config;
  }

  // ---- sign-in, sign-out ------------------------------------------------------------------------

  @GET
  @Path("login")
  @Access(Right.PUBLIC)
  @Operation(summary = "The sign-in page")
  public Response loginPage(
      @QueryParam("next") String next,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @CookieParam(LOGIN_CSRF_COOKIE) String csrfCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    return loginForm(l, uri, next, "", null, csrfCookie, 200, lang);
  }

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.PUBLIC, formCsrf = true)
  @Operation(summary = "Sign in with user name and password; sets the session cookie")
  public Response signIn(
      @FormParam("username") String username,
      @FormParam("password") String password,
      @FormParam("next") String next,
      @FormParam("csrf") String csrf,
      @CookieParam(LOGIN_CSRF_COOKIE) String csrfCookie,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    String l = PageSupport.lang(null, langCookie);
    Map<String, String> t = ui.texts(l);
    if (csrfCookie == null || csrf == null || !csrfCookie.equals(csrf)) {
      return loginForm(l, uri, next, username, t.get("login_expired_form"), null, 403, null);
    }
    Accounts.Login result = accounts.signIn(username, password, address(http), "form");
    if (result.outcome() != Accounts.Outcome.OK) {
      String message =
          switch (result.outcome()) {
            case LOCKED -> t.get("login_locked");
            case DISABLED -> t.get("login_disabled");
            default -> t.get("login_wrong");
          };
      return loginForm(l, uri, next, username, message, csrfCookie, 401, null);
    }
    return Response.seeOther(URI.create(localPath(next)))
        .cookie(sessionCookie(result.session().orElseThrow()), expire(LOGIN_CSRF_COOKIE))
        .build();
  }

  @GET
  @Path("login/sso")
  @Access(Right.PUBLIC)
  @Operation(
      summary = "Sign in through the province's identity provider (OpenID Connect)",
      description =
          "The provider signs the user in and sends them back here; the claims give the user name,"
              + " role and agency (docs/operations/security.md).")
  public Response signInSso(
      @QueryParam("next") String next,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    String l = PageSupport.lang(null, langCookie);
    Map<String, String> t = ui.texts(l);
    if (!ssoEnabled) {
      return loginForm(l, uri, next, "", t.get("login_sso_off"), null, 404, null);
    }
    SecurityIdentity identity = identities.getIdentity();
    if (identity == null
        || identity.isAnonymous()
        || !(identity.getPrincipal() instanceof JsonWebToken token)) {
      return loginForm(l, uri, next, "", t.get("login_sso_failed"), null, 401, null);
    }
    SsoClaims.Account claims = SsoClaims.read(config.sso(), token::getClaim);
    String refusal = null;
    if (claims.username().isEmpty()) {
      refusal = t.get("login_sso_no_username").replace("{0}", config.sso().usernameClaim());
    } else if (claims.role().isEmpty()) {
      refusal =
          t.get("login_sso_no_role")
              .replace("{0}", config.sso().roleClaim())
              .replace("{1}", String.join(", ", claims.values()));
    } else if (claims.role().get() == Role.DEPARTMENT && claims.agencyId().isEmpty()) {
      refusal = t.get("login_sso_no_agency").replace("{0}", config.sso().agencyClaim());
    } else if (claims.role().get() == Role.DEPARTMENT) {
      refusal = agencies.problem(claims.agencyId().get()).orElse(null);
    }
    if (refusal != null) {
      accounts.ssoRefused(claims.username().orElse("?"), refusal, address(http));
      return expireProviderSession(loginForm(l, uri, next, "", refusal, null, 403, null));
    }
    Accounts.Login result = accounts.ssoSignIn(claims, address(http));
    if (result.outcome() != Accounts.Outcome.OK) {
      return expireProviderSession(
          loginForm(l, uri, next, "", t.get("login_disabled"), null, 403, null));
    }
    return expireProviderSession(
        Response.seeOther(URI.create(localPath(next)))
            .cookie(sessionCookie(result.session().orElseThrow()))
            .build());
  }

  /**
   * Ends the identity provider's session cookie here: after single sign-on the EAMS session cookie
   * alone says who the user is.
   */
  private static Response expireProviderSession(Response r) {
    return Response.fromResponse(r).cookie(expire("q_session")).build();
  }

  @POST
  @Path("logout")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.SIGNED_IN, formCsrf = true)
  @Operation(summary = "Sign out: ends the session cookie")
  public Response signOut(
      @FormParam("csrf") String csrf,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @Context HttpServerRequest http) {
    requireCsrf(session, csrf);
    current.get().ifPresent(c -> accounts.signedOut(c, address(http)));
    return Response.seeOther(URI.create("/"))
        .cookie(expire(EamsAuthentication.SESSION_COOKIE))
        .build();
  }

  // ---- own account ------------------------------------------------------------------------------

  @GET
  @Path("account")
  @Access(Right.SIGNED_IN)
  @Operation(summary = "The user's own account: password and API tokens")
  public Response accountPage(
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    String message = support.done(l, done);
    return accountView(l, uri, message, null, null, 200, lang);
  }

  @POST
  @Path("account/password")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.SIGNED_IN, formCsrf = true)
  @Operation(summary = "Change the user's own password (ends the user's other sessions)")
  public Response changePassword(
      @FormParam("csrf") String csrf,
      @FormParam("currentPassword") String currentPassword,
      @FormParam("newPassword") String newPassword,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    requireCsrf(session, csrf);
    Caller c = caller();
    String l = PageSupport.lang(null, langCookie);
    try {
      accounts.changePassword(c, currentPassword, newPassword, address(http));
    } catch (ProblemException e) {
      return accountView(l, uri, null, describe(e), null, 422, null);
    }
    return Response.seeOther(URI.create("/account?done=password-changed"))
        .cookie(sessionCookie(accounts.newSession(c.userId())))
        .build();
  }

  @POST
  @Path("account/tokens")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.SIGNED_IN, formCsrf = true)
  @Operation(summary = "Create an API token; the page shows it once")
  public Response createToken(
      @FormParam("csrf") String csrf,
      @FormParam("name") String name,
      @FormParam("expiresInDays") String days,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    requireCsrf(session, csrf);
    String l = PageSupport.lang(null, langCookie);
    try {
      Integer d = days == null || days.isBlank() ? null : parseDays(days);
      Map<String, Object> t = accounts.createToken(caller(), name, d, address(http));
      return accountView(l, uri, null, null, (String) t.get("token"), 201, null);
    } catch (ProblemException e) {
      return accountView(l, uri, null, describe(e), null, 422, null);
    }
  }

  @POST
  @Path("account/tokens/{id}/revoke")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.SIGNED_IN, formCsrf = true)
  @Operation(summary = "Revoke an API token")
  public Response revokeToken(
      @PathParam("id") long id,
      @FormParam("csrf") String csrf,
      @FormParam("back") String back,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @Context HttpServerRequest http) {
    requireCsrf(session, csrf);
    accounts.revokeToken(caller(), id, address(http));
    String to = back != null && back.startsWith("/admin/users/") ? localPath(back) : "/account";
    return Response.seeOther(URI.create(to + "?done=token-revoked")).build();
  }

  // ---- administration ---------------------------------------------------------------------------

  @GET
  @Path("admin/users")
  @Access(Right.ADMIN)
  @Operation(summary = "Users and roles (administrators)")
  public Response usersPage(
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    String message = support.done(l, done);
    return usersView(l, uri, message, null, 200, lang);
  }

  @POST
  @Path("admin/users")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.ADMIN, formCsrf = true)
  @Operation(summary = "Create a user (administrators)")
  public Response createUser(
      @FormParam("csrf") String csrf,
      @FormParam("username") String username,
      @FormParam("displayName") String displayName,
      @FormParam("role") String role,
      @FormParam("agencyId") String agencyId,
      @FormParam("password") String password,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    requireCsrf(session, csrf);
    String l = PageSupport.lang(null, langCookie);
    try {
      accounts.createUser(
          caller(),
          new Accounts.UserInput(
              Optional.ofNullable(username),
              Optional.ofNullable(displayName),
              Optional.ofNullable(password),
              Optional.ofNullable(role),
              Optional.ofNullable(agencyId),
              Optional.of(true),
              Optional.empty()),
          address(http));
    } catch (ProblemException e) {
      return usersView(l, uri, null, describe(e), e.status(), null);
    }
    return Response.seeOther(URI.create("/admin/users?done=user-created")).build();
  }

  @GET
  @Path("admin/users/{username}")
  @Access(Right.ADMIN)
  @Operation(summary = "One user's account, role and tokens (administrators)")
  public Response userPage(
      @PathParam("username") String username,
      @QueryParam("done") String done,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    String message = support.done(l, done);
    return userView(l, uri, username, message, null, 200, lang);
  }

  @POST
  @Path("admin/users/{username}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Access(value = Right.ADMIN, formCsrf = true)
  @Operation(summary = "Change a user's name, role, agency, state or password (administrators)")
  public Response updateUser(
      @PathParam("username") String username,
      @FormParam("csrf") String csrf,
      @FormParam("displayName") String displayName,
      @FormParam("role") String role,
      @FormParam("agencyId") String agencyId,
      @FormParam("enabled") String enabled,
      @FormParam("unlock") String unlock,
      @FormParam("password") String password,
      @CookieParam(EamsAuthentication.SESSION_COOKIE) String session,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri,
      @Context HttpServerRequest http) {
    requireCsrf(session, csrf);
    String l = PageSupport.lang(null, langCookie);
    try {
      accounts.updateUser(
          caller(),
          username,
          new Accounts.UserInput(
              Optional.empty(),
              Optional.ofNullable(displayName),
              Optional.ofNullable(password).filter(p -> !p.isEmpty()),
              Optional.ofNullable(role),
              Optional.of(agencyId == null ? "" : agencyId),
              Optional.of("true".equals(enabled)),
              Optional.of("true".equals(unlock))),
          address(http));
    } catch (ProblemException e) {
      return userView(l, uri, username, null, describe(e), e.status(), null);
    }
    return Response.seeOther(
            URI.create(
                "/admin/users/"
                    + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "?done=user-saved"))
        .build();
  }

  @GET
  @Path("admin/security-events")
  @Access(Right.ADMIN)
  @Operation(summary = "The security log: sign-ins, lock-outs, account and token changes")
  public Response securityEventsPage(
      @QueryParam("user") String user,
      @QueryParam("kind") String kind,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    SecurityLog.Filter filter = new SecurityLog.Filter(user, kind, from, to, null);
    List<Map<String, Object>> events;
    String error = null;
    int status = 200;
    try {
      events = log.find(filter);
    } catch (ProblemException e) {
      events = List.of();
      error = describe(e);
      status = e.status();
    }
    TemplateInstance page =
        securityEvents
            .data("f", support.frame(l, uri, ui.texts(l).get("security_title"), ""))
            .data("filter", filter)
            .data("events", events)
            .data("error", error);
    return respond(page, status, lang);
  }

  @GET
  @Path("audit")
  @Access(Right.READ)
  @Operation(summary = "The audit of model changes: who changed what, when")
  public Response auditPage(
      @QueryParam("user") String user,
      @QueryParam("model") String model,
      @QueryParam("element") String element,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("before") Long before,
      @QueryParam("lang") String lang,
      @CookieParam(PageSupport.LANG_COOKIE) String langCookie,
      @Context UriInfo uri) {
    String l = PageSupport.lang(lang, langCookie);
    Map<String, String> filter = new java.util.HashMap<>();
    filter.put("user", user);
    filter.put("model", model);
    filter.put("element", element);
    filter.put("from", from);
    filter.put("to", to);
    List<Change> changes = List.of();
    String error = null;
    int status = 200;
    String next = null;
    try {
      ChangeLog.AuditFilter f = AuditResource.filter(user, model, element, from, to, before, 100);
      changes = queries.audit(f);
      if (changes.size() == f.limit()) {
        StringBuilder b = new StringBuilder("/audit?");
        filter.forEach(
            (k, v) -> {
              if (v != null && !v.isBlank()) {
                b.append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                    .append('&');
              }
            });
        next = b.append("before=").append(changes.get(changes.size() - 1).seq()).toString();
      }
    } catch (ProblemException e) {
      error = describe(e);
      status = e.status();
    }
    TemplateInstance page =
        audit
            .data("f", support.frame(l, uri, ui.texts(l).get("audit_title"), ""))
            .data("filter", filter)
            .data("changes", changes.stream().map(ModelResource::change).toList())
            .data("next", next)
            .data("error", error);
    return respond(page, status, lang);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private Response loginForm(
      String l,
      UriInfo uri,
      String next,
      String username,
      String error,
      String csrfCookie,
      int status,
      String lang) {
    String csrf =
        csrfCookie != null && csrfCookie.length() >= 20 && csrfCookie.length() <= 100
            ? csrfCookie
            : randomToken();
    TemplateInstance page =
        login
            .data("f", support.frame(l, uri, ui.texts(l).get("login_title"), ""))
            .data("next", localPath(next))
            .data("username", username == null ? "" : username)
            .data("error", error)
            .data("csrf", csrf)
            .data("sso", ssoEnabled);
    Response r = respond(page, status, lang);
    return Response.fromResponse(r)
        .cookie(
            new NewCookie.Builder(LOGIN_CSRF_COOKIE)
                .value(csrf)
                .path("/login")
                .httpOnly(true)
                .secure(config.security().secureCookie())
                .sameSite(NewCookie.SameSite.STRICT)
                .build())
        .build();
  }

  private Response accountView(
      String l,
      UriInfo uri,
      String message,
      String error,
      String newToken,
      int status,
      String lang) {
    Caller c = caller();
    TemplateInstance page =
        account
            .data("f", support.frame(l, uri, ui.texts(l).get("account_title"), ""))
            .data("user", accounts.user(c.username()))
            .data("tokens", accounts.tokens(c.userId()))
            .data("message", message)
            .data("error", error)
            .data("newToken", newToken);
    return respond(page, status, lang);
  }

  private Response usersView(
      String l, UriInfo uri, String message, String error, int status, String lang) {
    TemplateInstance page =
        adminUsers
            .data("f", support.frame(l, uri, ui.texts(l).get("users_title"), ""))
            .data("users", accounts.users())
            .data("roles", roleKeys())
            .data("message", message)
            .data("error", error);
    return respond(page, status, lang);
  }

  private Response userView(
      String l,
      UriInfo uri,
      String username,
      String message,
      String error,
      int status,
      String lang) {
    Map<String, Object> user = accounts.user(username);
    TemplateInstance page =
        adminUser
            .data("f", support.frame(l, uri, username, ""))
            .data("user", user)
            .data("tokens", accounts.tokens(((Number) user.get("id")).longValue()))
            .data("roles", roleKeys())
            .data("message", message)
            .data("error", error);
    return respond(page, status, lang);
  }

  private static List<String> roleKeys() {
    return Arrays.stream(Role.values()).map(Role::key).toList();
  }

  static Response respond(TemplateInstance page, int status, String lang) {
    Response r = PageSupport.respond(page, lang);
    return status == 200 ? r : Response.fromResponse(r).status(status).build();
  }

  private Caller caller() {
    return current
        .get()
        .orElseThrow(() -> new IllegalStateException("AccessFilter let an anonymous call pass"));
  }

  private void requireCsrf(String session, String csrf) {
    requireCsrf(accounts, session, csrf);
  }

  /** 403 unless the form's CSRF token belongs to the session. */
  static void requireCsrf(Accounts accounts, String session, String csrf) {
    if (!accounts.csrfMatches(session, csrf)) {
      throw new ProblemException(
          403,
          "csrf",
          "Not allowed",
          "The form's CSRF token does not belong to your session; nothing was changed.",
          List.of(
              Problem.Error.field(
                  "csrf", "csrf", "Reload the page and send the form again from it.")),
          null);
    }
  }

  private NewCookie sessionCookie(String value) {
    return new NewCookie.Builder(EamsAuthentication.SESSION_COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(config.security().secureCookie())
        .sameSite(NewCookie.SameSite.LAX)
        .maxAge((int) config.security().sessionLifetime().toSeconds())
        .build();
  }

  private static NewCookie expire(String name) {
    return new NewCookie.Builder(name)
        .value("")
        .path(name.equals(LOGIN_CSRF_COOKIE) ? "/login" : "/")
        .maxAge(0)
        .build();
  }

  /** Where to go after signing in: a path of this server, never another site. */
  static String localPath(String next) {
    if (next == null
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.contains("\r")
        || next.contains("\n")
        || next.startsWith("/login")) {
      return "/";
    }
    return next;
  }

  private static Integer parseDays(String days) {
    try {
      return Integer.valueOf(days.strip());
    } catch (NumberFormatException e) {
      throw ProblemException.invalid(
          "The number of days is not a number.",
          List.of(Problem.Error.field("expiresInDays", "not-a-number", "Give e.g. 90.")));
    }
  }

  static String describe(ProblemException e) {
    Problem p = e.toProblem();
    String details =
        p.errors() == null
            ? ""
            : p.errors().stream().map(Problem.Error::message).collect(Collectors.joining(" "));
    return details.isEmpty() ? p.detail() : p.detail() + " " + details;
  }

  private static String address(HttpServerRequest http) {
    return http == null || http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
  }

  private static String randomToken() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
