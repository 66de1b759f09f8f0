package vn.eams.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.eams.accounts.SignedInAsAdmin;

/**
 * The web modeller in a real browser (headless Chromium through Selenium): elements created from
 * the palette, connected through the relationship chooser, a refused connection, undo and redo,
 * auto-layout as one step, SVG export, a rename seen in a second view, and two architects editing
 * the same element without losing either edit. Every check of what was saved reads the REST API.
 */
@QuarkusTest
class ModellerBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TestHTTPResource("/")
  URL base;

  final List<ChromeDriver> browsers = new ArrayList<>();
  Path downloads;

  String model;

  @BeforeEach
  void setUp() throws Exception {
    Chromium.assumeInstalled();
    downloads = Files.createTempDirectory("eams-downloads");
    model = "mb-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("id", model, "name", "Mô hình thử trình mô hình hoá"))
        .post("/api/models")
        .then()
        .statusCode(201);
  }

  /** On a failure, what each browser showed and logged, under target/screenshots. */
  @org.junit.jupiter.api.extension.RegisterExtension
  final org.junit.jupiter.api.extension.AfterTestExecutionCallback failures =
      context -> {
        // runs before @AfterEach closes the browsers
        Throwable cause = context.getExecutionException().orElse(null);
        if (cause != null) {
          for (int i = 0; i < browsers.size(); i++) {
            String name = "failed-" + context.getRequiredTestMethod().getName() + "-" + i;
            try {
              Chromium.screenshot(browsers.get(i), name + ".png");
              Files.write(
                  Path.of("target", "screenshots", name + ".log"),
                  browsers
                      .get(i)
                      .manage()
                      .logs()
                      .get(org.openqa.selenium.logging.LogType.BROWSER)
                      .getAll()
                      .stream()
                      .map(Object::toString)
                      .toList());
            } catch (Exception e) {
              cause.addSuppressed(e);
            }
          }
        }
      };

  @AfterEach
  void tearDown() {
    for (ChromeDriver b : browsers) {
      try {
        Chromium.assertNothingRefused(b);
      } finally {
        b.quit();
      }
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  /**
   * A diagram object id of this test's model: ids are unique across all views, and other tests name
   * objects too.
   */
  private String id(String local) {
    return model + "-" + local;
  }

  private ChromeDriver browser() throws Exception {
    ChromeDriver b = Chromium.start(Files.createTempDirectory("eams-chromium"), downloads);
    browsers.add(b);
    return b;
  }

  private String view(String name) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("name", name))
        .post("/api/models/" + model + "/views")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private String element(String type, String name) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("type", type, "name", name))
        .post("/api/models/" + model + "/elements")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private void edit(String view, Object... ops) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("operations", List.of(ops)))
        .post("/api/models/" + model + "/views/" + view + "/edits")
        .then()
        .statusCode(200);
  }

  private static Map<String, Object> addNode(String id, String element, int x, int y) {
    return Map.of(
        "op",
        "addNode",
        "node",
        Map.of("id", id, "elementId", element, "x", x, "y", y, "w", 120, "h", 55));
  }

  private JsonPath read(String view) {
    return given()
        .get("/api/models/" + model + "/views/" + view)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Waits until the saved view satisfies the condition (the modeller saves asynchronously). */
  private JsonPath saved(String view, Predicate<JsonPath> condition) {
    long end = System.nanoTime() + WAIT.toNanos();
    JsonPath last = read(view);
    while (!condition.test(last)) {
      assertThat(System.nanoTime()).as("the view was saved as expected in time").isLessThan(end);
      sleep(100);
      last = read(view);
    }
    return last;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Opens the modeller (or the viewer) of the view, signed in, and waits for the first render. */
  private void open(WebDriver b, String view, boolean edit) {
    open(b, view, edit, SignedInAsAdmin.ADMIN, SignedInAsAdmin.ADMIN_PASSWORD);
  }

  /** As {@link #open(WebDriver, String, boolean)}, signed in as {@code user}. */
  private void open(WebDriver b, String view, boolean edit, String user, String password) {
    String editor = "/models/" + model + "/views/" + view + "/edit?lang=vi";
    String path = edit ? editor : "/models/" + model + "/views/" + view + "?lang=vi";
    if (!b.getCurrentUrl().startsWith("http")) {
      // the modeller needs an account, so it leads to the sign-in page
      Chromium.signIn(b, base.toString(), editor, user, password);
    }
    if (!b.getCurrentUrl().endsWith(path)) {
      b.get(base + path.substring(1));
    }
    new WebDriverWait(b, WAIT)
        .until(
            d ->
                "ready"
                    .equals(d.findElement(By.tagName("body")).getAttribute("data-modeller-state")));
  }

  private static WebElement shape(WebDriver b, String id) {
    return new WebDriverWait(b, WAIT)
        .until(d -> d.findElement(By.cssSelector(".djs-element[data-element-id='" + id + "']")));
  }

  /** The text a diagram object shows, its lines joined by spaces. */
  private static String label(WebDriver b, String id) {
    Object text =
        ((JavascriptExecutor) b)
            .executeScript(
                "return [...arguments[0].querySelectorAll('text')].map(t => t.querySelector('tspan')"
                    + " ? [...t.querySelectorAll('tspan')].map(s => s.textContent).join(' ')"
                    + " : t.textContent).join(' ')",
                shape(b, id));
    return String.valueOf(text).replaceAll("\\s+", " ").strip();
  }

  private static WebElement canvas(WebDriver b) {
    return b.findElement(By.id("eams-diagram"));
  }

  /** Clicks the canvas at (x, y) from its top-left corner. */
  private static void clickCanvas(WebDriver b, int x, int y) {
    WebElement c = canvas(b);
    org.openqa.selenium.Rectangle r = c.getRect();
    new Actions(b)
        .moveToElement(c, x - r.getWidth() / 2, y - r.getHeight() / 2)
        .pause(Duration.ofMillis(100))
        .click()
        .perform();
  }

  /** Clicks a box near its right edge (its left part may lie under the palette). */
  private static void clickShape(WebDriver b, String id) {
    WebElement s = shape(b, id);
    new Actions(b)
        .moveToElement(s, s.getRect().getWidth() / 2 - 15, 0)
        .pause(Duration.ofMillis(100))
        .click()
        .perform();
  }

  private static void connect(WebDriver b, String from, String to) {
    clickShape(b, from);
    WebElement connect =
        new WebDriverWait(b, WAIT)
            .until(d -> d.findElement(By.cssSelector(".djs-context-pad [data-action='connect']")));
    connect.click();
    WebElement target = shape(b, to);
    new Actions(b)
        .moveToElement(target, target.getRect().getWidth() / 2 - 15, 0)
        .pause(Duration.ofMillis(200))
        .click()
        .perform();
  }

  private static String message(WebDriver b) {
    return new WebDriverWait(b, WAIT)
        .until(
            d -> {
              String t = d.findElement(By.cssSelector(".eams-message")).getText();
              return t.isBlank() ? null : t;
            });
  }

  private static List<String> nodeIds(JsonPath v) {
    return v.getList("nodes.id", String.class);
  }

  // ---- the tests -----------------------------------------------------------------------------

  @Test
  void paletteCreate_Connect_Undo_Redo() throws Exception {
    String v = view("Ứng dụng dùng chung");
    ChromeDriver b = browser();
    open(b, v, true);

    // an application component and a service, each by a click on the palette and one on the canvas
    b.findElement(By.cssSelector(".djs-palette [data-action='create.ApplicationComponent']"))
        .click();
    clickCanvas(b, 250, 200);
    JsonPath one = saved(v, p -> p.getList("nodes").size() == 1);
    String component = one.getString("nodes[0].id");
    assertThat(one.getString("elements." + one.getString("nodes[0].elementId") + ".type"))
        .isEqualTo("ApplicationComponent");
    b.findElement(By.cssSelector(".djs-palette [data-action='create.ApplicationService']")).click();
    clickCanvas(b, 600, 200);
    JsonPath two = saved(v, p -> p.getList("nodes").size() == 2);
    String service =
        nodeIds(two).stream().filter(id -> !id.equals(component)).findFirst().orElseThrow();

    // connect: the chooser offers what ArchiMate allows from a component to a service
    connect(b, component, service);
    WebElement chooser =
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.cssSelector(".eams-rel-chooser")));
    List<String> offered =
        chooser.findElements(By.cssSelector("button[data-type]")).stream()
            .map(e -> e.getAttribute("data-type"))
            .toList();
    assertThat(offered).contains("Realization", "Serving", "Association").doesNotContain("Access");
    Chromium.screenshot(b, "modeller-chooser-vi.png");
    chooser.findElement(By.cssSelector("button[data-type='Realization']")).click();
    JsonPath connected = saved(v, p -> p.getList("connections").size() == 1);
    String rel = connected.getString("connections[0].relationshipId");
    assertThat(connected.getString("relationships." + rel + ".type")).isEqualTo("Realization");
    Chromium.screenshot(b, "modeller-vi.png");

    // undo takes the connection off the view, redo puts the same one back
    b.findElement(By.id("eams-undo")).click();
    saved(v, p -> p.getList("connections").isEmpty());
    b.findElement(By.id("eams-redo")).click();
    JsonPath redone = saved(v, p -> p.getList("connections").size() == 1);
    assertThat(redone.getString("connections[0].relationshipId")).isEqualTo(rel);
    // the keyboard does the same
    canvas(b).click();
    new Actions(b).keyDown(Keys.CONTROL).sendKeys("z").keyUp(Keys.CONTROL).perform();
    saved(v, p -> p.getList("connections").isEmpty());
  }

  @Test
  void connectionToAGroup_IsRefusedWithAMessage_AndTheChooserOffersOnlyWhatIsAllowed()
      throws Exception {
    String v = view("Quy tắc nối");
    String server = element("Node", "Máy chủ ứng dụng");
    String citizen = element("BusinessActor", "Công dân");
    edit(
        v,
        addNode(id("n-server"), server, 300, 60),
        addNode(id("n-citizen"), citizen, 650, 60),
        Map.of(
            "op",
            "addNode",
            "node",
            Map.of(
                "id", id("g"), "kind", "group", "label", "Nhóm", "x", 300, "y", 300, "w", 300, "h",
                150)));
    ChromeDriver b = browser();
    open(b, v, true);
    connect(b, id("n-server"), id("g"));
    assertThat(message(b)).containsIgnoringCase("nhóm");
    assertThat(b.findElements(By.cssSelector(".eams-rel-chooser button"))).isEmpty();
    assertThat(read(v).getList("connections")).isEmpty();

    b.navigate().refresh();
    new WebDriverWait(b, WAIT)
        .until(
            d ->
                "ready"
                    .equals(d.findElement(By.tagName("body")).getAttribute("data-modeller-state")));
    connect(b, id("n-server"), id("n-citizen"));
    WebElement chooser =
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.cssSelector(".eams-rel-chooser")));
    List<String> offered =
        chooser.findElements(By.cssSelector("button[data-type]")).stream()
            .map(e -> e.getAttribute("data-type"))
            .toList();
    // ArchiMate 3.2 lets a node serve an actor, never compose it
    assertThat(offered).contains("Serving", "Association").doesNotContain("Composition");
    new Actions(b).sendKeys(Keys.ESCAPE).perform();
    assertThat(read(v).getList("connections")).isEmpty();
  }

  @Test
  void renameInOneView_ShowsInAnotherViewOpenElsewhere() throws Exception {
    String portal = element("ApplicationComponent", "Cổng dịch vụ công");
    String a = view("Góc nhìn A");
    String bView = view("Góc nhìn B");
    edit(a, addNode(id("a-portal"), portal, 300, 100));
    edit(bView, addNode(id("b-portal"), portal, 200, 120));
    ChromeDriver architect = browser();
    ChromeDriver reader = browser();
    open(reader, bView, false);
    open(architect, a, true);

    clickShape(architect, id("a-portal"));
    WebElement name =
        new WebDriverWait(architect, WAIT).until(d -> d.findElement(By.id("eams-prop-name")));
    name.clear();
    name.sendKeys("Cổng dịch vụ công tỉnh Trà Vinh", Keys.ENTER);
    given().get("/api/models/" + model + "/elements/" + portal).then().statusCode(200);
    new WebDriverWait(architect, WAIT)
        .until(
            d ->
                given()
                    .get("/api/models/" + model + "/elements/" + portal)
                    .then()
                    .extract()
                    .path("name")
                    .equals("Cổng dịch vụ công tỉnh Trà Vinh"));
    // the other view, open in another browser, relabels the shared element without a reload
    new WebDriverWait(reader, WAIT).until(d -> label(d, id("b-portal")).contains("tỉnh Trà Vinh"));
    // and so does the view where it was renamed
    new WebDriverWait(architect, WAIT)
        .until(d -> label(d, id("a-portal")).equals("Cổng dịch vụ công tỉnh Trà Vinh"));
    Chromium.screenshot(reader, "viewer-vi.png");
  }

  @Test
  void autoLayout_IsOneUndoStep_AndExportGivesTheSvg() throws Exception {
    String v = view("Bố cục");
    List<Object> ops = new ArrayList<>();
    String first = null;
    for (int i = 0; i < 6; i++) {
      String e = element("ApplicationComponent", "Thành phần " + i);
      first = first == null ? e : first;
      // all piled up in one corner
      ops.add(addNode(id("n" + i), e, 20 + i * 5, 20 + i * 5));
    }
    edit(v, ops.toArray());
    JsonPath before = read(v);
    ChromeDriver b = browser();
    open(b, v, true);
    b.findElement(By.id("eams-layout")).click();
    JsonPath after =
        saved(
            v,
            p ->
                !p.getList("nodes.x").equals(before.getList("nodes.x"))
                    || !p.getList("nodes.y").equals(before.getList("nodes.y")));
    // no two boxes overlap any more
    List<Integer> xs = after.getList("nodes.x", Integer.class);
    List<Integer> ys = after.getList("nodes.y", Integer.class);
    for (int i = 0; i < xs.size(); i++) {
      for (int j = i + 1; j < xs.size(); j++) {
        boolean apart =
            Math.abs(xs.get(i) - xs.get(j)) >= 120 || Math.abs(ys.get(i) - ys.get(j)) >= 55;
        assertThat(apart).as("nodes %d and %d overlap", i, j).isTrue();
      }
    }
    Chromium.screenshot(b, "modeller-layout-vi.png");
    b.findElement(By.id("eams-undo")).click();
    saved(
        v,
        p ->
            p.getList("nodes.x").equals(before.getList("nodes.x"))
                && p.getList("nodes.y").equals(before.getList("nodes.y")));

    // the export is an SVG of the view in the notation, named after the view
    b.findElement(By.id("eams-export-svg")).click();
    Path file = downloads.resolve("Bố cục.svg");
    new WebDriverWait(b, WAIT).until(d -> Files.exists(file));
    String svg = Files.readString(file);
    assertThat(svg)
        .contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
        .contains("Thành phần 0")
        .doesNotContain("djs-");
    assertThat(((JavascriptExecutor) b).executeScript("return window.eamsModeller.lastSeq"))
        .isNotNull();
  }

  @Test
  void twoArchitectsRenameTheSameElement_NoEditIsLost_TheConflictIsShown() throws Exception {
    String e = element("BusinessService", "Cấp giấy phép xây dựng");
    String v = view("Xung đột");
    edit(v, addNode(id("n-svc"), e, 300, 100));
    // a second architect, besides the administrator
    String other = "arch-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("username", other, "password", "architect-password-1", "role", "architect"))
        .post("/api/users")
        .then()
        .statusCode(201);
    ChromeDriver a = browser();
    ChromeDriver b = browser();
    open(a, v, true);
    open(b, v, true, other, "architect-password-1");
    // both see each other
    new WebDriverWait(a, WAIT)
        .until(d -> !d.findElements(By.cssSelector("#eams-presence .eams-viewer")).isEmpty());

    // B starts typing a new name ...
    clickShape(b, id("n-svc"));
    WebElement bName =
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.id("eams-prop-name")));
    bName.clear();
    bName.sendKeys("Cấp phép xây dựng (B)");
    // ... while A renames it and saves
    clickShape(a, id("n-svc"));
    WebElement aName =
        new WebDriverWait(a, WAIT).until(d -> d.findElement(By.id("eams-prop-name")));
    aName.clear();
    aName.sendKeys("Cấp phép xây dựng (A)", Keys.ENTER);
    new WebDriverWait(a, WAIT)
        .until(
            d ->
                "Cấp phép xây dựng (A)"
                    .equals(
                        given()
                            .get("/api/models/" + model + "/elements/" + e)
                            .then()
                            .extract()
                            .path("name")));
    // B saves: not over A's name, but into a conflict B sees and decides
    bName.sendKeys(Keys.ENTER);
    WebElement conflict =
        new WebDriverWait(b, WAIT).until(d -> d.findElement(By.cssSelector(".eams-conflict")));
    assertThat(conflict.getText())
        .contains("Cấp phép xây dựng (A)")
        .contains("Cấp phép xây dựng (B)");
    Chromium.screenshot(b, "modeller-conflict-vi.png");
    assertThat(
            (String)
                given()
                    .get("/api/models/" + model + "/elements/" + e)
                    .then()
                    .extract()
                    .path("name"))
        .isEqualTo("Cấp phép xây dựng (A)");
    b.findElement(By.id("eams-conflict-mine")).click();
    new WebDriverWait(b, WAIT)
        .until(
            d ->
                "Cấp phép xây dựng (B)"
                    .equals(
                        given()
                            .get("/api/models/" + model + "/elements/" + e)
                            .then()
                            .extract()
                            .path("name")));
    // both renames are in the history: nothing was overwritten unseen
    List<String> names =
        given()
            .get("/api/models/" + model + "/changes")
            .then()
            .extract()
            .jsonPath()
            .getList(
                "items.findAll { it.kind == 'element' && it.targetId == '" + e + "' }.after.name",
                String.class);
    assertThat(names).contains("Cấp phép xây dựng (A)", "Cấp phép xây dựng (B)");
    // and A sees B's decision
    new WebDriverWait(a, WAIT).until(d -> label(d, id("n-svc")).contains("(B)"));
  }
}
