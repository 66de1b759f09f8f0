package vn.eams.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The read-only pages on the shipped Trà Vinh model (loaded at the test application's start). */
@QuarkusTest
class PagesTest {

  static final String M = "/models/tra-vinh-v1.0";

  @Test
  void home_ListsTheModelWithItsLayersAndCounts_InVietnamese() {
    given()
        .get("/")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("<html lang=\"vi\">"))
        .body(containsString("Kiến trúc Chính quyền điện tử tỉnh Trà Vinh phiên bản 1.0"))
        .body(containsString("Nghiệp vụ"))
        .body(containsString("Ứng dụng"))
        .body(containsString(M + "/catalogue?layer=Business"))
        .body(containsString(M + "/views/tv-view-overview"));
  }

  @Test
  void langParameter_SwitchesToEnglish_AndIsRemembered() {
    String cookie =
        given()
            .get("/?lang=en")
            .then()
            .statusCode(200)
            .body(containsString("<html lang=\"en\">"))
            .body(containsString("Architecture models"))
            .body(containsString("Trà Vinh Province e-Government Architecture, version 1.0"))
            .extract()
            .cookie(PagesResource.LANG_COOKIE);
    given()
        .cookie(PagesResource.LANG_COOKIE, cookie)
        .get(M + "/catalogue")
        .then()
        .statusCode(200)
        .body(containsString("Element catalogue"));
  }

  @Test
  void catalogue_FiltersBySpecializationAndName_SortsAndPages() {
    given()
        .queryParam("spec", "Agency")
        .queryParam("q", "tu phap")
        .get(M + "/catalogue")
        .then()
        .statusCode(200)
        .body(containsString("Sở Tư pháp"))
        .body(not(containsString("Sở Y tế")));
    given()
        .get(M + "/catalogue?layer=Business&sort=type&dir=desc")
        .then()
        .statusCode(200)
        .body(containsString("rel=\"next\""))
        .body(containsString("Hiển thị 1–50"));
    given()
        .get(M + "/catalogue?type=BusinessFunction&page=3")
        .then()
        .statusCode(200)
        .body(containsString("rel=\"prev\""));
  }

  @Test
  void agencyPage_ShowsItsDomainsRelationshipsAndHistory() {
    given()
        .get(M + "/elements/tv-agency-so-tu-phap")
        .then()
        .statusCode(200)
        .body(containsString("<h1>Sở Tư pháp</h1>"))
        .body(containsString("Lĩnh vực"))
        .body(containsString(M + "/elements/tv-domain-ly-lich-tu-phap"))
        .body(containsString("Lý lịch tư pháp"))
        .body(containsString("Quan hệ đi"))
        .body(containsString("Lịch sử thay đổi"))
        .body(containsString("system:loader"));
  }

  @Test
  void elementPage_ShowsTypedProfilePropertiesWithLabels() {
    given()
        .get(M + "/elements/tv-app-08")
        .then()
        .statusCode(200)
        .body(containsString("Quản lý thông tin kiến trúc"))
        .body(containsString("Thuộc tính theo hồ sơ"));
  }

  @Test
  void search_IgnoresDiacriticsAndCase_AndMatchesLegalNumbersExactly() {
    given()
        .queryParam("q", "so tu phap")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString(M + "/elements/tv-agency-so-tu-phap"));
    given()
        .queryParam("q", "LY LICH")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString(M + "/elements/tv-domain-ly-lich-tu-phap"));
    given()
        .queryParam("q", "32/2017/TT-BTTTT")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString(M + "/elements/tv-legal-tt-32-2017"));
    given()
        .queryParam("q", "32/2017/TT-BTTTX")
        .get("/search")
        .then()
        .statusCode(200)
        .body(containsString("Không tìm thấy kết quả nào"));
  }

  @Test
  void viewPage_DrawsTheDiagramAsSvgWithElementLinks() {
    String page =
        given()
            .get(M + "/views/tv-view-overview")
            .then()
            .statusCode(200)
            .body(containsString("<svg"))
            .body(containsString("href=\"" + M + "/elements/tv-agency-so-tu-phap\""))
            .body(containsString("#ffffb5"))
            // the interactive viewer draws it in the browser; the server's drawing stays for pages
            // read without script
            .body(containsString("<noscript><div class=\"diagram-frame\"><svg"))
            .body(containsString("/assets/modeller.js"))
            .extract()
            .asString();
    // signed in, the viewer reads the view through the API; a reader without an account, who may
    // not call the API, gets it in the page
    org.assertj.core.api.Assertions.assertThat(page).doesNotContain("&quot;nodes&quot;:[");
    given()
        .auth()
        .none()
        .get(M + "/views/tv-view-overview")
        .then()
        .statusCode(200)
        .body(containsString("&quot;nodes&quot;:[{&quot;id&quot;:"))
        .body(containsString("&quot;elements&quot;:{"));
    // the server's SVG itself is self-contained: no script in it
    String svg = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
    org.assertj.core.api.Assertions.assertThat(svg).doesNotContain("<script");
  }

  @Test
  void unknownPages_Answer404InHtml() {
    given().get(M + "/elements/no-such-element").then().statusCode(404);
    given().get("/models/no-such-model/catalogue").then().statusCode(404);
    given().get(M + "/views/no-such-view").then().statusCode(404);
  }
}
