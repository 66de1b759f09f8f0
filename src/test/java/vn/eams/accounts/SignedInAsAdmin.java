package vn.eams.accounts;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Sends every REST Assured call of the Quarkus tests as the administrator that the test profile
 * creates ({@code %test.eams.admin-password}), with HTTP Basic. Tests of access itself choose their
 * own credentials per request, which replace these. Registered as a Quarkus test callback
 * (META-INF/services), which runs in the class loader of the tests' REST Assured.
 */
public class SignedInAsAdmin implements QuarkusTestBeforeEachCallback {

  /** The test administrator's user name. */
  public static final String ADMIN = "admin";

  /** The test administrator's password (application.properties, %test profile). */
  public static final String ADMIN_PASSWORD = "eams-test-admin-password";

  /**
   * The Authorization header value of the test administrator, for clients other than REST Assured.
   */
  public static String header() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
  }
}
