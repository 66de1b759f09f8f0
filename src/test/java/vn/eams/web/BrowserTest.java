package vn.eams.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader's path through the pages in a real browser (headless Chromium through Selenium): home →
 * the agencies → "Sở Tư pháp" → its domain "Lý lịch tư pháp" → search "ly lich" finds it; the
 * upload page; the impact analysis of the sharing platform; the GraphiQL page. Skipped when
 * Debian's chromium and chromium-driver are not installed (.ci/run installs them).
 */
@QuarkusTest
class BrowserTest {

  @TestHTTPResource("/")
  URL base;

  WebDriver browser;
  Path profile;

  @BeforeEach
  void open() throws Exception {
    Chromium.assumeInstalled();
    profile = Files.createTempDirectory("eams-chromium");
    browser = Chromium.start(profile, null);
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      try {
        Chromium.assertNothingRefused(browser);
      } finally {
        browser.quit();
      }
    }
  }

  private void signIn(String path) {
    Chromium.signIn(browser, base.toString(), path);
  }

  @Test
  void homeToAgencyToDomainToSearch() throws Exception {
    browser.get(base.toString());
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Các mô hình kiến trúc");
    saveScreenshot("home-vi.png");

    // other tests may have created models too: take the Trà Vinh model's link
    browser
        .findElement(
            By.xpath(
                "//section[h2[contains(., 'Trà Vinh')]]//a[normalize-space()='Cơ quan, đơn vị']"))
        .click();
    browser.findElement(By.linkText("Sở Tư pháp")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Sở Tư pháp");

    WebElement domains =
        browser.findElement(By.xpath("//section[h2[normalize-space()='Lĩnh vực']]"));
    domains.findElement(By.linkText("Lý lịch tư pháp")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lý lịch tư pháp");
    assertThat(browser.getPageSource()).contains("Sở Tư pháp");

    WebElement box = browser.findElement(By.id("top-q"));
    box.sendKeys("ly lich");
    box.submit();
    // submit() does not wait for the navigation it starts: wait for the results page
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().contains("/search"));
    WebElement hit = browser.findElement(By.linkText("Lý lịch tư pháp"));
    assertThat(hit.getAttribute("href")).endsWith("/elements/tv-domain-ly-lich-tu-phap");

    // the language switch keeps the page and remembers the choice
    browser.get(base.toString());
    browser.findElement(By.linkText("English")).click();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Architecture models");
    saveScreenshot("home-en.png");
    browser.get(base + "models/tra-vinh-v1.0/catalogue");
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Element catalogue");
  }

  @Test
  void importPage_FollowsTheProgress_ShowsTheChangesOrTheProblems() throws Exception {
    String prefix = "b" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Path file = profile.resolve("small.xml");
    Files.writeString(
        file,
        Files.readString(Path.of("tests/fixtures/exchange/small.xml"))
            .replace("\"x-", "\"" + prefix + "-"));
    signIn("/import?lang=vi");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhập mô hình");
    // the header names who is signed in, with the way out
    assertThat(browser.findElement(By.cssSelector("header a.who")).getText())
        .isEqualTo(vn.eams.accounts.SignedInAsAdmin.ADMIN);
    assertThat(
            browser.findElement(By.cssSelector("header form[action='/logout'] button")).getText())
        .isEqualTo("Đăng xuất");
    browser.findElement(By.id("i-files")).sendKeys(file.toString());
    // "only check" is ticked by default: nothing is written
    browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(d -> d.findElement(By.id("import-phase")).getText().startsWith("Xong"));
    assertThat(browser.findElement(By.id("import-bar")).getAttribute("value")).isEqualTo("100");
    WebElement elements =
        browser.findElement(By.xpath("//table[@id='import-changes']//tr[td[1]='Phần tử']"));
    assertThat(elements.findElements(By.tagName("td")).get(1).getText()).isEqualTo("6");
    saveScreenshot("import-vi.png");

    // a broken file: every problem with its place, nothing written
    Files.writeString(
        file,
        Files.readString(file).replace("target=\"" + prefix + "-svc\"", "target=\"nowhere\""));
    browser.get(base + "import?lang=vi");
    browser.findElement(By.id("i-files")).sendKeys(file.toString());
    browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
    wait.until(d -> d.findElement(By.id("import-phase")).getText().startsWith("Không nhập được"));
    assertThat(browser.findElement(By.id("import-problems")).getText()).contains("nowhere");
    saveScreenshot("import-problems-vi.png");
  }

  @Test
  void impactPage_RunsFromAnElement_ListsTheSharingServices_AndExplainsOne() throws Exception {
    // the analysis is a POST with the session cookie: the page sends the session's CSRF token
    signIn("/models/tra-vinh-v1.0/impact?element=tv-platform-lgsp&lang=vi");
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Phân tích ảnh hưởng");
    assertThat(browser.findElement(By.id("impact-chosen")).getText())
        .contains("Nền tảng chia sẻ và tích hợp cấp tỉnh");
    browser.findElement(By.id("impact-run")).click();

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    WebElement row =
        wait.until(
            d -> d.findElement(By.cssSelector("#impact-table tr[data-id='tv-share-tich-hop']")));
    assertThat(row.getText()).contains("Dịch vụ tích hợp");
    assertThat(
            browser.findElements(
                By.cssSelector("#impact-table tr[data-id='tv-share-trao-doi-du-lieu']")))
        .hasSize(1);
    assertThat(browser.findElement(By.id("impact-summary")).getText())
        .contains("Phần tử bị ảnh hưởng");

    // the graph is drawn once ELK, loaded on demand, has laid it out
    wait.until(
        d -> !d.findElement(By.id("impact-graph")).findElements(By.tagName("canvas")).isEmpty());
    row.findElement(By.cssSelector("button.why-button")).click();
    WebElement why = browser.findElement(By.id("impact-why"));
    wait.until(d -> why.isDisplayed());
    assertThat(why.getText())
        .contains("Vì sao “Dịch vụ tích hợp” bị ảnh hưởng")
        .contains("Nền tảng chia sẻ và tích hợp cấp tỉnh")
        .contains("Dịch vụ tích hợp");
    assertThat(row.getAttribute("class")).contains("selected");
    saveScreenshot("impact-vi.png");
  }

  @Test
  void graphiqlPage_MountsGraphiql_WithTheFirstQuery_AndFetchesNothingFromElsewhere()
      throws Exception {
    signIn("/graphiql?lang=vi");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(d -> !d.findElements(By.cssSelector(".graphiql-container")).isEmpty());
    // the query editor is a Monaco editor holding the first query
    wait.until(
        d ->
            d
                .findElements(By.cssSelector(".graphiql-query-editor .monaco-editor .view-lines"))
                .stream()
                .anyMatch(e -> e.getText().contains("models")));
    assertThat(browser.findElement(By.cssSelector(".graphiql-top")).getText())
        .contains("docs/graphql.md");
    // Monaco's workers come from the application, like every other resource
    wait.until(d -> resources().stream().anyMatch(r -> r.endsWith("/graphiql/editor.worker.js")));
    String origin = base.toString().replaceAll("/$", "");
    assertThat(resources()).isNotEmpty().allMatch(r -> r.startsWith(origin), "from " + origin);
    saveScreenshot("graphiql-vi.png");
  }

  @SuppressWarnings("unchecked")
  private java.util.List<String> resources() {
    return (java.util.List<String>)
        ((ChromeDriver) browser)
            .executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat(location.href)");
  }

  private void saveScreenshot(String name) throws Exception {
    Chromium.screenshot(browser, name);
  }
}
