package vn.eams.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a local OpenID Connect provider (Quarkus's WireMock-based test server):
 * the authorization code flow, then the ID token's claims mapped to an EAMS account and role.
 */
@QuarkusTest
@TestProfile(SsoTest.Enabled.class)
class SsoTest {

  /** SSO on, against the test provider; its user alice is in the groups user and admin. */
  public static class Enabled implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Map<String, String> m = new HashMap<>();
      m.put("quarkus.oidc.tenant-enabled", "true");
      m.put("quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/");
      m.put("quarkus.oidc.client-id", "eams");
      m.put("quarkus.oidc.credentials.secret", "the-client-secret-of-eams-at-the-provider");
      m.put("eams.sso.roles.admin", "architect");
      m.put("eams.sso.roles.user", "viewer");
      return m;
    }

    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
    }
  }

  @Test
  void signingInAtTheProvider_GivesAnEamsSession_WithTheRoleItsGroupsMapTo() {
    given()
        .auth()
        .none()
        .get("/login")
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("/login/sso"));
    Map<String, String> cookies = new HashMap<>();
    // 1. EAMS sends the browser to the provider's sign-in page
    Response r = get("/login/sso?next=%2Faccount", cookies);
    assertThat(r.statusCode()).isEqualTo(302);
    URI provider = URI.create(r.header("Location"));
    Map<String, String> query = query(provider);
    assertThat(query).containsKeys("state", "redirect_uri");
    assertThat(query.get("client_id")).isEqualTo("eams");
    // 2. the user signs in there; the provider sends the browser back with a code
    Response signedIn =
        given()
            .auth()
            .none()
            .redirects()
            .follow(false)
            .queryParam("state", query.get("state"))
            .queryParam("redirect_uri", query.get("redirect_uri"))
            .queryParam("username", "alice")
            .queryParam("password", "alice")
            .get(provider.resolve("/login"));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    // 3. EAMS exchanges the code, reads the claims and starts its own session
    String next = signedIn.header("Location");
    String session = null;
    for (int hop = 0; hop < 5 && session == null; hop++) {
      Response back = get(next, cookies);
      session = back.cookie(EamsAuthentication.SESSION_COOKIE);
      if (session == null) {
        assertThat(back.statusCode()).as("hop %d to %s", hop, next).isBetween(300, 399);
        next = back.header("Location");
      } else {
        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.header("Location")).endsWith("/account");
      }
    }
    assertThat(session).as("an EAMS session after the code flow").isNotBlank();
    given()
        .auth()
        .none()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("alice"))
        .body("role", equalTo("architect"));
    given()
        .get("/api/security-events?user=alice")
        .then()
        .body("items.kind", hasItem("login"))
        .body("items.detail", hasItem("sso"))
        .body("items.kind", hasItem("user-created"));
    // an account made by single sign-on has no password to sign in with
    given().auth().preemptive().basic("alice", "alice").get("/api/me").then().statusCode(401);
  }

  /** GET on the application without following redirects, keeping the cookies it sets. */
  private static Response get(String url, Map<String, String> cookies) {
    String path = url.startsWith("http") ? URI.create(url).getRawPath() : url;
    String q = url.startsWith("http") ? URI.create(url).getRawQuery() : null;
    Response r =
        given()
            .auth()
            .none()
            .redirects()
            .follow(false)
            .urlEncodingEnabled(false)
            .cookies(cookies)
            .get(q == null ? path : path + "?" + q);
    r.getDetailedCookies().asList().forEach(c -> cookies.put(c.getName(), c.getValue()));
    return r;
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> m = new HashMap<>();
    for (String p : uri.getRawQuery().split("&")) {
      int eq = p.indexOf('=');
      m.put(
          URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }
}
