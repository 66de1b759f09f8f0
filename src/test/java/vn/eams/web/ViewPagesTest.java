package vn.eams.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.eams.accounts.EamsAuthentication;
import vn.eams.accounts.SignedInAsAdmin;

/** A view created from its form opens in the modeller; a view is deleted after a confirmation. */
@QuarkusTest
class ViewPagesTest {

  @Test
  void newViewForm_CreatesTheView_AndOpensTheModeller_DeleteAsksFirst() {
    String m = "vp-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", m, "name", "Mô hình " + m))
        .post("/api/models")
        .then()
        .statusCode(201);
    String session =
        vn.eams.accounts.AccountsTest.signIn(SignedInAsAdmin.ADMIN, SignedInAsAdmin.ADMIN_PASSWORD);
    String csrf = vn.eams.accounts.AccountsTest.csrfOf(session);
    vn.eams.accounts.AccountsTest.anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .get("/models/" + m + "/views/new?lang=vi")
        .then()
        .statusCode(200)
        .body(containsString("Tạo sơ đồ mới"))
        .body(containsString("<option value=\"ApplicationUsage\""));

    // a missing name: the form again, with the problem, nothing created
    vn.eams.accounts.AccountsTest.anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParams(Map.of("csrf", csrf, "name", " ", "viewpoint", "ApplicationUsage"))
        .post("/models/" + m + "/views/new")
        .then()
        .statusCode(422)
        .body(containsString("role=\"alert\""));
    given()
        .get("/api/models/" + m + "/views")
        .then()
        .body("items.size()", org.hamcrest.Matchers.equalTo(0));

    String location =
        vn.eams.accounts.AccountsTest.anonymous()
            .cookie(EamsAuthentication.SESSION_COOKIE, session)
            .contentType("application/x-www-form-urlencoded; charset=UTF-8")
            .formParams(
                Map.of("csrf", csrf, "name", "Dịch vụ dùng chung", "viewpoint", "ApplicationUsage"))
            .post("/models/" + m + "/views/new")
            .then()
            .statusCode(303)
            .header("Location", endsWith("/edit"))
            .extract()
            .header("Location");
    String viewId = location.replaceAll(".*/views/([^/]+)/edit$", "$1");
    given()
        .get("/api/models/" + m + "/views/" + viewId)
        .then()
        .statusCode(200)
        .body("viewpoint", org.hamcrest.Matchers.equalTo("ApplicationUsage"));
    // without the session's token nothing is deleted
    vn.eams.accounts.AccountsTest.anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParams(Map.of("csrf", "wrong", "version", "1"))
        .post("/models/" + m + "/views/" + viewId + "/delete")
        .then()
        .statusCode(403);
    vn.eams.accounts.AccountsTest.anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .get("/models/" + m + "/views/" + viewId + "/delete?lang=vi")
        .then()
        .statusCode(200)
        .body(containsString("Xoá sơ đồ Dịch vụ dùng chung"));
    vn.eams.accounts.AccountsTest.anonymous()
        .cookie(EamsAuthentication.SESSION_COOKIE, session)
        .contentType("application/x-www-form-urlencoded; charset=UTF-8")
        .formParams(Map.of("csrf", csrf, "version", "1"))
        .post("/models/" + m + "/views/" + viewId + "/delete")
        .then()
        .statusCode(303)
        .header("Location", endsWith("/models/" + m + "?done=view-deleted"));
    given().get("/api/models/" + m + "/views/" + viewId).then().statusCode(404);
  }
}
