package vn.eams.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The impact-analysis page on the shipped Trà Vinh model; the analysis itself runs in the API. */
@QuarkusTest
class ImpactPageTest {

  static final String M = "/models/tra-vinh-v1.0";

  @Test
  void impactPage_RendersTheFormInVietnamese_WithTheStartElementChosen() {
    given()
        .queryParam("element", "tv-platform-lgsp")
        .get(M + "/impact")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<html lang=\"vi\">"))
        .body(containsString("<h1>Phân tích ảnh hưởng — "))
        .body(containsString("<form id=\"impact-form\""))
        .body(containsString("<label for=\"impact-q\">Tìm phần tử theo tên</label>"))
        .body(containsString("<option value=\"removed\" selected>Bị gỡ bỏ</option>"))
        .body(containsString("<option value=\"dependents\" selected>"))
        .body(containsString("id=\"impact-depth\" name=\"maxDepth\" type=\"number\" min=\"1\""))
        .body(containsString("id=\"impact-potential\""))
        .body(containsString("value=\"Serving\" checked> Phục vụ"))
        .body(containsString("value=\"Business\" checked> Nghiệp vụ"))
        .body(containsString(">Phân tích</button>"))
        .body(containsString("<script type=\"module\" src=\"/assets/impact.js\"></script>"))
        // the start element, and the diagrams' layer colours, in the script's configuration
        .body(containsString("&quot;id&quot;:&quot;tv-platform-lgsp&quot;"))
        .body(containsString("Nền tảng chia sẻ và tích hợp cấp tỉnh"))
        .body(containsString("&quot;fill&quot;:&quot;#b5ffff&quot;"));
  }

  @Test
  void impactPage_SpeaksEnglish_WhenAsked() {
    given()
        .queryParam("element", "tv-platform-lgsp")
        .queryParam("lang", "en")
        .get(M + "/impact")
        .then()
        .statusCode(200)
        .body(containsString("<html lang=\"en\">"))
        .body(containsString("<h1>Impact analysis — "))
        .body(containsString("<form id=\"impact-form\""))
        .body(containsString("What depends on the start elements"))
        .body(containsString(">Run</button>"))
        .body(containsString("Provincial sharing and integration platform (LGSP)"))
        .body(containsString(M + "/impact?element=tv-platform-lgsp&amp;lang=vi"));
  }

  @Test
  void impactPage_IgnoresStartElementsOfOtherModelsOrUnknown() {
    given()
        .queryParam("element", "no-such-element")
        .get(M + "/impact")
        .then()
        .statusCode(200)
        .body(containsString("&quot;start&quot;:[]"));
  }

  @Test
  void impactPage_Answers404InHtml_ForAnUnknownModel() {
    given()
        .get("/models/no-such-model/impact")
        .then()
        .statusCode(404)
        .contentType(containsString("text/html"))
        .body(containsString("<h1>Không tìm thấy</h1>"))
        .body(not(containsString("impact-form")));
  }

  @Test
  void elementAndModelPages_LinkToTheImpactPage() {
    given()
        .get(M + "/elements/tv-platform-lgsp")
        .then()
        .statusCode(200)
        .body(
            containsString(
                "<a href=\"" + M + "/impact?element=tv-platform-lgsp\">Phân tích ảnh hưởng</a>"));
    given()
        .get(M)
        .then()
        .statusCode(200)
        .body(containsString("<a href=\"" + M + "/impact\">Phân tích ảnh hưởng</a>"));
  }

  @Test
  void pageScripts_AreServedFromTheFrontEndBuild() {
    given()
        .get("/assets/impact.js")
        .then()
        .statusCode(200)
        .contentType(containsString("javascript"))
        .body(containsString("elk-layout.js"));
    given().get("/assets/elk-layout.js").then().statusCode(200);
  }
}
