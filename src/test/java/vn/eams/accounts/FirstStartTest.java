package vn.eams.accounts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The first administrator of an empty account store, without EAMS_ADMIN_PASSWORD. The test empties
 * the account store of the test run and gives it back its test administrator at the end.
 */
@QuarkusTest
class FirstStartTest {

  @Inject Accounts accounts;

  private static void emptyAccountStore() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ApiToken.deleteAll();
              UserAccount.deleteAll();
            });
  }

  @AfterEach
  void giveBackTheTestAdministrator() {
    emptyAccountStore();
    accounts.bootstrap(Optional.of(SignedInAsAdmin.ADMIN_PASSWORD));
  }

  @Test
  void anEmptyStore_GetsAnAdministrator_WithARandomPasswordLoggedOnce() {
    emptyAccountStore();
    List<String> messages = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            messages.add(
                r.getParameters() == null
                    ? r.getMessage()
                    : String.format(r.getMessage(), r.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(Accounts.class.getName());
    log.addHandler(capture);
    try {
      accounts.bootstrap(Optional.empty());
      accounts.bootstrap(Optional.empty());
    } finally {
      log.removeHandler(capture);
    }
    List<String> created = messages.stream().filter(m -> m.contains("'admin'")).toList();
    assertThat(created).hasSize(1);
    Matcher m = Pattern.compile("the password (\\S+) ").matcher(created.get(0));
    assertThat(m.find()).as(created.get(0)).isTrue();
    String password = m.group(1);
    assertThat(password).hasSize(20);
    given()
        .auth()
        .preemptive()
        .basic("admin", password)
        .get("/api/me")
        .then()
        .statusCode(200)
        .body("role", org.hamcrest.Matchers.equalTo("admin"));
  }
}
