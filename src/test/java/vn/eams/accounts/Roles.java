package vn.eams.accounts;

import static io.restassured.RestAssured.given;

import java.util.Map;

/** One test user per role, created once through the administration API. */
public final class Roles {

  /** The agency element the department user is bound to. */
  static final String AGENCY = "tv-agency-so-tttt";

  private Roles() {}

  /** The Authorization header of the role's test user, for clients other than REST Assured. */
  public static String header(Role role) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (username(role) + ":" + password(role))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String username(Role role) {
    return role == Role.ADMIN ? SignedInAsAdmin.ADMIN : "test-" + role.key();
  }

  public static String password(Role role) {
    return role == Role.ADMIN ? SignedInAsAdmin.ADMIN_PASSWORD : "password-of-" + role.key();
  }

  /** Creates the users that do not exist yet (the store may outlive one application start). */
  public static void ensureUsers() {
    for (Role role : Role.values()) {
      if (role == Role.ADMIN) {
        continue;
      }
      io.restassured.response.Response r =
          given()
              .contentType("application/json")
              .body(
                  Map.of(
                      "username", username(role),
                      "password", password(role),
                      "role", role.key(),
                      "agencyId", role == Role.DEPARTMENT ? AGENCY : ""))
              .post("/api/users");
      int status = r.statusCode();
      if (status != 201 && status != 409) {
        throw new IllegalStateException(
            "could not create the " + role.key() + " user: " + status + " " + r.asString());
      }
    }
  }
}
