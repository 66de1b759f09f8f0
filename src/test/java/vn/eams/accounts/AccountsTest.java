package vn.eams.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts: sign-in and lock-out, sessions and CSRF, API tokens, the actor of changes. */
@QuarkusTest
public class AccountsTest {

  private static final Pattern META_CSRF =
      Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
  private static final Pattern FORM_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  @BeforeEach
  void users() {
    Roles.ensureUsers();
  }

  /** A new user of the role, with a unique name; answers the name. */
  static String newUser(String role, String password) {
    String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "username", name,
                "password", password,
                "role", role,
                "agencyId", role.equals("department") ? Roles.AGENCY : ""))
        .post("/api/users")
        .then()
        .statusCode(201);
    return name;
  }

  static RequestSpecification basic(String user, String password) {
    return given().auth().preemptive().basic(user, password).redirects().follow(false);
  }

  public static RequestSpecification anonymous() {
    return given().auth().none().redirects().follow(false);
  }

  /** Signs in through the form; answers the session cookie. */
  public static String signIn(String user, String password) {
    Response form = anonymous().get("/login");
    form.then().statusCode(200);
    String csrfCookie = form.cookie(AccountPages_LOGIN_CSRF);
    Matcher m = FORM_CSRF.matcher(form.asString());
    assertThat(m.find()).as("the sign-in form carries a CSRF token").isTrue();
    assertThat(m.group(1)).isEqualTo(csrfCookie);
    Response r =
        anonymous()
            .cookie(AccountPages_LOGIN_CSRF, csrfCookie)
            .contentType("application/x-www-form-urlencoded")
            .formParam("username", user)
            .formParam("password", password)
            .formParam("csrf", m.group(1))
            .formParam("next", "/account")
            .post("/login");
    r.then().statusCode(303).header("Location", containsString("/account"));
    String session = r.cookie(EamsAuthentication.SESSION_COOKIE);
    assertThat(session).isNotBlank();
    assertThat(r.headers().getValues("Set-Cookie"))
        .filteredOn(c -> c.startsWith(EamsAuthentication.SESSION_COOKIE + "="))
        .singleElement()
        .asString()
        .contains("HttpOnly")
        .contains("SameSite=Lax");
    return session;
  }

  static final String AccountPages_LOGIN_CSRF = "eams_login_csrf";

  /** The CSRF token a page shows the signed-in user. */
  public static String csrfOf(String session) {
    String page =
        anonymous()
            .cookie(EamsAuthentication.SESSION_COOKIE, session)
            .get("/account")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Matcher m = META_CSRF.matcher(page);
    assertThat(m.find()).as("signed-in pages carry the CSRF token").isTrue();
    return m.group(1);
  }

  @Test
  void signIn_LocksTheAccount_AfterFiveFailuresInARow_UntilAnAdministratorUnlocksIt() {
    String user = newUser("viewer", "right-password-1");
    for (int i = 0; i < 4; i++) {
      basic(user, "wrong-password")
          .get("/api/me")
          .then()
          .statusCode(401)
          .body("type", equalTo("urn:eams:problem:unauthenticated"))
          .body("detail", containsString("wrong"));
    }
    basic(user, "right-password-1").get("/api/me").then().statusCode(200);
    // a success resets the count: four more failures do not lock
    for (int i = 0; i < 4; i++) {
      basic(user, "wrong-password").get("/api/me").then().statusCode(401);
    }
    basic(user, "wrong-password")
        .get("/api/me")
        .then()
        .statusCode(401)
        .body("detail", containsString("locked"));
    // locked: even the right password is refused, and the form says so
    basic(user, "right-password-1")
        .get("/api/me")
        .then()
        .statusCode(401)
        .body("detail", containsString("locked"));
    given().get("/api/users/" + user).then().statusCode(200).body("lockedUntil", notNullValue());
    given()
        .get("/api/security-events?user=" + user + "&kind=locked-out")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].actor", equalTo(user));
    given()
        .contentType("application/json")
        .body(Map.of("unlock", true))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200)
        .body("lockedUntil", nullValue());
    basic(user, "right-password-1")
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user));
  }

  @Test
  void formSignIn_GivesASessionCookie_ThatPagesAndTheApiAccept_UntilSignOut() {
    String user = newUser("architect", "form-password-1");
    String session = signIn(user, "form-password-1");
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user))
        .body("role", equalTo("architect"))
        .body("rights", hasItem("model-edit"));
    String csrf = csrfOf(session);
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf", csrf)
        .post("/logout")
        .then()
        .statusCode(303)
        .header("Set-Cookie", containsString(EamsAuthentication.SESSION_COOKIE + "=;"));
    given()
        .get("/api/security-events?user=" + user)
        .then()
        .body("items.kind", hasItem("login"))
        .body("items.kind", hasItem("logout"));
  }

  @Test
  void signInForm_RefusesWrongPasswords_AndFormsWithoutTheirCsrfToken() {
    String user = newUser("viewer", "form-password-2");
    Response form = anonymous().get("/login");
    String cookie = form.cookie(AccountPages_LOGIN_CSRF);
    anonymous()
        .cookie(AccountPages_LOGIN_CSRF, cookie)
        .contentType("application/x-www-form-urlencoded")
        .formParam("username", user)
        .formParam("password", "not-the-password")
        .formParam("csrf", cookie)
        .post("/login")
        .then()
        .statusCode(401)
        .body(containsString("l-pass"));
    Response forged =
        anonymous()
            .contentType("application/x-www-form-urlencoded")
            .formParam("username", user)
            .formParam("password", "form-password-2")
            .formParam("csrf", "made-up")
            .post("/login");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.cookie(EamsAuthentication.SESSION_COOKIE)).isNull();
  }

  @Test
  void changesSentWithTheSessionCookie_AreRefused_WithoutTheSessionsCsrfToken() {
    String user = newUser("architect", "csrf-password-1");
    String session = signIn(user, "csrf-password-1");
    String model = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = Map.of("id", model, "name", "CSRF");
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .contentType("application/json")
        .body(body)
        .post("/api/models")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:eams:problem:csrf"))
        .body("detail", containsString("CSRF"));
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .header(AccessFilter.CSRF_HEADER, "forged-token")
        .contentType("application/json")
        .body(body)
        .post("/api/models")
        .then()
        .statusCode(403);
    given().get("/api/models/" + model).then().statusCode(404);
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .header(AccessFilter.CSRF_HEADER, csrfOf(session))
        .contentType("application/json")
        .body(body)
        .post("/api/models")
        .then()
        .statusCode(201);
    // forms check their own field: a password change without it changes nothing
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .contentType("application/x-www-form-urlencoded")
        .formParam("currentPassword", "csrf-password-1")
        .formParam("newPassword", "csrf-password-2")
        .post("/account/password")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:eams:problem:csrf"));
    basic(user, "csrf-password-1").get("/api/me").then().statusCode(200);
  }

  @Test
  void apiTokens_AreShownOnce_ActWithTheUsersRole_RecordLastUse_AndStopWhenRevoked() {
    String user = newUser("viewer", "token-password-1");
    Response created =
        basic(user, "token-password-1")
            .contentType("application/json")
            .body(Map.of("name", "nightly export", "expiresInDays", 30))
            .post("/api/tokens");
    created.then().statusCode(201).body("token", notNullValue()).body("expiresAt", notNullValue());
    String token = created.jsonPath().getString("token");
    long id = created.jsonPath().getLong("id");
    assertThat(token).startsWith("eams_").hasSizeGreaterThan(40);
    RequestSpecification bearer = given().auth().none().header("Authorization", "Bearer " + token);
    bearer
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo(user))
        .body("token", equalTo("nightly export"));
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + token)
        .get("/api/models")
        .then()
        .statusCode(200);
    // a viewer's token changes nothing
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + token)
        .contentType("application/json")
        .body(Map.of("id", "viewer-model", "name", "No"))
        .post("/api/models")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:eams:problem:forbidden"));
    // a token cannot make tokens
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + token)
        .contentType("application/json")
        .body(Map.of("name", "second"))
        .post("/api/tokens")
        .then()
        .statusCode(403);
    // the list never shows the token again, but when it was last used
    Response list = basic(user, "token-password-1").get("/api/tokens");
    list.then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].lastUsedAt", notNullValue())
        .body("items[0].prefix", equalTo(token.substring(0, 12)));
    assertThat(list.asString()).doesNotContain(token);
    basic(user, "token-password-1")
        .delete("/api/tokens/" + id)
        .then()
        .statusCode(200)
        .body("revokedAt", notNullValue());
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + token)
        .get("/api/me")
        .then()
        .statusCode(401)
        .body("detail", containsString("revoked"));
    // another user cannot revoke (or see) it
    String other = newUser("viewer", "token-password-2");
    basic(other, "token-password-2").delete("/api/tokens/" + id).then().statusCode(404);
    given()
        .get("/api/security-events?user=" + user)
        .then()
        .body("items.kind", hasItem("token-created"))
        .body("items.kind", hasItem("token-revoked"));
  }

  @Test
  void changes_RecordTheirAuthor_AsTheUserOrTheUsersToken() {
    String user = newUser("architect", "actor-password-1");
    String model = "actor-" + UUID.randomUUID().toString().substring(0, 8);
    basic(user, "actor-password-1")
        .contentType("application/json")
        .body(Map.of("id", model, "name", "Actors"))
        .post("/api/models")
        .then()
        .statusCode(201);
    String token =
        basic(user, "actor-password-1")
            .contentType("application/json")
            .body(Map.of("name", "modeller"))
            .post("/api/tokens")
            .jsonPath()
            .getString("token");
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + token)
        .contentType("application/json")
        .body(Map.of("id", "e1", "type", "ApplicationComponent", "name", "A"))
        .post("/api/models/" + model + "/elements")
        .then()
        .statusCode(201);
    List<String> actors =
        given().get("/api/models/" + model + "/changes").jsonPath().getList("items.actor");
    assertThat(actors).contains(user, user + " (token modeller)");
    String mutation =
        "mutation { createElement(model: \\\""
            + model
            + "\\\", input: {id: \\\"e2\\\", type: ApplicationService, name: \\\"S\\\"}) { seq } }";
    given()
        .auth()
        .none()
        .header("Authorization", "Bearer " + token)
        .contentType("application/json")
        .body("{\"query\": \"" + mutation + "\"}")
        .post("/graphql")
        .then()
        .statusCode(200)
        .body("errors", nullValue());
    List<String> after =
        given().get("/api/models/" + model + "/changes").jsonPath().getList("items.actor");
    assertThat(after).last().isEqualTo(user + " (token modeller)");
  }

  @Test
  void passwordChange_EndsTheUsersOtherSessions() {
    String user = newUser("viewer", "session-password-1");
    String session = signIn(user, "session-password-1");
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .get("/api/me")
        .then()
        .statusCode(200);
    basic(user, "session-password-1")
        .contentType("application/json")
        .body(Map.of("currentPassword", "session-password-1", "newPassword", "session-password-2"))
        .put("/api/me/password")
        .then()
        .statusCode(204);
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .get("/api/me")
        .then()
        .statusCode(401);
    anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .accept("text/html")
        .get("/account")
        .then()
        .statusCode(303)
        .header("Location", containsString("/login?next=%2Faccount"));
    basic(user, "session-password-2").get("/api/me").then().statusCode(200);
    basic(user, "session-password-1").get("/api/me").then().statusCode(401);
  }

  @Test
  void accounts_RefuseBadInput_WithEveryProblem() {
    given()
        .contentType("application/json")
        .body(Map.of("username", "x", "password", "short", "role", "chief"))
        .post("/api/users")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("invalid-username"))
        .body("errors.code", hasItem("weak-password"))
        .body("errors.code", hasItem("unknown-role"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "username",
                "dept-without-agency",
                "password",
                "long-enough-1",
                "role",
                "department"))
        .post("/api/users")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("agency-required"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "username", "dept-wrong-agency",
                "password", "long-enough-1",
                "role", "department",
                "agencyId", "tv-app-01"))
        .post("/api/users")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("unknown-agency"));
    given()
        .contentType("application/json")
        .body(Map.of("username", "admin", "password", "long-enough-1", "role", "viewer"))
        .post("/api/users")
        .then()
        .statusCode(409);
    given()
        .contentType("application/json")
        .body(Map.of("role", "viewer"))
        .patch("/api/users/admin")
        .then()
        .statusCode(422)
        .body("errors.code", hasItem("own-account"));
    given()
        .contentType("application/json")
        .body("{\"username\": 3, \"extra\": true}")
        .post("/api/users")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("extra"));
    given()
        .get("/api/security-events?from=yesterday")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("from"));
  }

  @Test
  void roleChanges_AreRecorded_AndTakeEffectAtOnce() {
    String user = newUser("viewer", "role-password-1");
    basic(user, "role-password-1").get("/api/users").then().statusCode(403);
    given()
        .contentType("application/json")
        .body(Map.of("role", "architect"))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200)
        .body("role", equalTo("architect"));
    basic(user, "role-password-1").get("/api/me").then().body("role", equalTo("architect"));
    given()
        .get("/api/security-events?kind=role-changed&user=" + user)
        .then()
        .body("items.size()", equalTo(1))
        .body("items[0].actor", equalTo("admin"))
        .body("items[0].detail", equalTo("viewer -> architect"));
    given()
        .contentType("application/json")
        .body(Map.of("enabled", false))
        .patch("/api/users/" + user)
        .then()
        .statusCode(200);
    basic(user, "role-password-1")
        .get("/api/me")
        .then()
        .statusCode(401)
        .body("detail", containsString("disabled"));
  }

  @Test
  void audit_FindsChangesAcrossModels_ByUserModelElementAndTime_NewestFirst() {
    String user = newUser("architect", "audit-password-1");
    String model = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    basic(user, "audit-password-1")
        .contentType("application/json")
        .body(Map.of("id", model, "name", "Audit"))
        .post("/api/models")
        .then()
        .statusCode(201);
    for (String id : List.of("a1", "a2", "a3")) {
      basic(user, "audit-password-1")
          .contentType("application/json")
          .body(Map.of("id", model + "-" + id, "type", "ApplicationComponent", "name", id))
          .post("/api/models/" + model + "/elements")
          .then()
          .statusCode(201);
    }
    // another user's change in the same model is not the user's
    given()
        .contentType("application/json")
        .body(Map.of("id", model + "-b", "type", "ApplicationComponent", "name", "b"))
        .post("/api/models/" + model + "/elements")
        .then()
        .statusCode(201);
    Response mine = given().get("/api/changes?user=" + user);
    mine.then().statusCode(200).body("items.size()", equalTo(4));
    List<Integer> seqs = mine.jsonPath().getList("items.seq");
    assertThat(seqs).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(mine.jsonPath().getList("items.actor", String.class)).containsOnly(user);
    given()
        .get("/api/changes?model=" + model + "&element=" + model + "-a2")
        .then()
        .body("items.size()", equalTo(1))
        .body("items[0].targetId", equalTo(model + "-a2"))
        .body("items[0].actor", equalTo(user));
    // paging: two at a time, the second page starts below the first
    Response first = given().get("/api/changes?model=" + model + "&limit=2");
    first.then().body("items.size()", equalTo(2)).body("nextBefore", notNullValue());
    long next = first.jsonPath().getLong("nextBefore");
    given()
        .get("/api/changes?model=" + model + "&limit=10&before=" + next)
        .then()
        .body("items.size()", equalTo(3))
        .body("nextBefore", nullValue());
    given()
        .get("/api/changes?model=" + model + "&to=2000-01-01")
        .then()
        .body("items.size()", equalTo(0));
    given()
        .get("/api/changes?model=" + model + "&from=" + java.time.LocalDate.now())
        .then()
        .body("items.size()", equalTo(5));
    given()
        .get("/api/changes?from=last-week&limit=0")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("from"))
        .body("errors.field", hasItem("limit"));
    // the page shows the same, with a link to each element's history
    given()
        .accept("text/html")
        .get("/audit?user=" + user)
        .then()
        .statusCode(200)
        .body(containsString(model + "-a3"))
        .body(containsString("/audit?model=" + model + "&amp;element=" + model + "-a1"));
  }

  @Test
  void metrics_AreForAdministrators_HealthIsForEveryone() {
    anonymous().get("/q/metrics").then().statusCode(401);
    basic(Roles.username(Role.VIEWER), Roles.password(Role.VIEWER))
        .get("/q/metrics")
        .then()
        .statusCode(403);
    given().get("/q/metrics").then().statusCode(200);
    anonymous().get("/q/health/live").then().statusCode(200);
  }
}
