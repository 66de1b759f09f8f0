package vn.eams.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, for the browser tests: a fresh profile
 * per browser, downloads into a folder of the test, the console kept to find what the content
 * security policy refused. Tests using it are skipped when Chromium is not installed.
 */
final class Chromium {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** Skips the calling test when Chromium or chromedriver is missing. */
  static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium and chromedriver are not installed");
  }

  /**
   * A new browser with its own profile under {@code profile}, downloading into {@code downloads}.
   */
  static ChromeDriver start(Path profile, Path downloads) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile);
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          Map.of(
              "download.default_directory",
              downloads.toString(),
              "download.prompt_for_download",
              false));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /** Signs in through the sign-in page as the test administrator, coming back to {@code path}. */
  static void signIn(WebDriver browser, String base, String path) {
    signIn(
        browser,
        base,
        path,
        vn.eams.accounts.SignedInAsAdmin.ADMIN,
        vn.eams.accounts.SignedInAsAdmin.ADMIN_PASSWORD);
  }

  /**
   * Signs in through the sign-in page as {@code user}, coming back to {@code path}, a page that
   * needs an account.
   */
  static void signIn(WebDriver browser, String base, String path, String user, String password) {
    browser.get(base + path.substring(1));
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().contains("/login?next="));
    browser.findElement(By.id("l-user")).sendKeys(user);
    browser.findElement(By.id("l-pass")).sendKeys(password);
    browser.findElement(By.cssSelector("form.account-form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.getCurrentUrl().contains("/login"));
    assertThat(browser.getCurrentUrl()).endsWith(path);
  }

  /** Nothing the pages wanted was refused by the content security policy; no script error. */
  static void assertNothingRefused(WebDriver browser) {
    java.util.List<String> refused =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertThat(refused).as("refused by the content security policy").isEmpty();
  }

  /** Saves a screenshot of the page under target/screenshots (the user guide's pictures). */
  static void screenshot(WebDriver browser, String name) throws java.io.IOException {
    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name), png);
  }
}
