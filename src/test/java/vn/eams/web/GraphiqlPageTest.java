package vn.eams.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The GraphiQL page and its assets from the front-end build (GraphiQL itself runs in the browser).
 */
@QuarkusTest
class GraphiqlPageTest {

  @Test
  void graphiqlPage_HasTheMountPoint_AndTheBundle_InVietnamese() {
    given()
        .get("/graphiql")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<html lang=\"vi\">"))
        .body(containsString("<title>GraphQL · EAMS</title>"))
        .body(containsString("<main id=\"graphiql\" class=\"graphiql-main\" data-config="))
        .body(containsString("&quot;endpoint&quot;:&quot;/graphql&quot;"))
        .body(containsString("# Truy vấn GraphQL trên dữ liệu EAMS"))
        .body(containsString("models {"))
        .body(containsString("<link rel=\"stylesheet\" href=\"/assets/graphiql.css\">"))
        .body(containsString("<script type=\"module\" src=\"/assets/graphiql.js\"></script>"))
        .body(containsString("<code>docs/graphql.md</code>"))
        .body(containsString("href=\"/graphiql?lang=en\""));
  }

  @Test
  void graphiqlPage_SpeaksEnglish_WhenAsked() {
    given()
        .queryParam("lang", "en")
        .get("/graphiql")
        .then()
        .statusCode(200)
        .body(containsString("<html lang=\"en\">"))
        .body(containsString("# GraphQL queries on the EAMS data."))
        .body(containsString("Write a query in the left pane"))
        .body(containsString("href=\"/graphiql?lang=vi\""));
  }

  @Test
  void graphiqlAssets_AreServedFromTheFrontEndBuild_WithTheWorkers() {
    given()
        .get("/assets/graphiql.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .body(containsString("editor.worker.js"));
    given()
        .get("/assets/graphiql.css")
        .then()
        .statusCode(200)
        .contentType(containsString("css"))
        .body(containsString(".graphiql-container"));
    for (String worker : new String[] {"editor", "json", "graphql"}) {
      given()
          .get("/assets/graphiql/" + worker + ".worker.js")
          .then()
          .statusCode(200)
          .contentType(containsString("javascript"));
    }
  }

  @Test
  void pages_LinkToTheGraphiqlPage_FromTheFooter() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .body(
            containsString(
                "<a href=\"/graphiql\" title=\"Truy vấn dữ liệu bằng GraphQL (GraphiQL)\">GraphQL</a>"));
  }
}
