package ru.metodichka.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import ru.metodichka.Prerequisites;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromedriver}, installed by {@code
 * .ci/run}) with a profile of its own, speaking Russian. Each instance is one person: two instances
 * are two people with separate cookies. Tests are skipped, with a message saying why, where the
 * browser is not installed (they fail in CI: see {@link Prerequisites}).
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("METODICHKA_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("METODICHKA_CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Selenium warns on every start that it has no DevTools bindings for this Chromium version; the
   * tests use WebDriver only. Held in a field so the setting is not garbage-collected.
   */
  private static final Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** A browser for the server on {@code port}; skips the test when Chromium is not installed. */
  public static Browser open(int port) {
    String missing =
        Stream.of(CHROMIUM, DRIVER)
            .filter(file -> !Files.isExecutable(file))
            .map(Path::toString)
            .collect(Collectors.joining(" and "));
    Prerequisites.require(
        missing.isEmpty(),
        "Browser tests need Chromium and ChromeDriver (apt-get install chromium chromium-driver;"
            + " .ci/run installs them); no executable at "
            + missing);
    try {
      Path profile = Files.createTempDirectory("metodichka-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // Flags for a root sandbox without network: without the background-networking ones,
      // Chromium keeps trying to reach Google's hosts.
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--lang=ru",
          "--window-size=1280,900",
          "--user-data-dir=" + profile);
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ru,ru-RU"));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return new Browser(driver, profile, "http://localhost:" + port);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create a Chromium profile directory", e);
    }
  }

  /** Opens a path of the site ("/c/x"). */
  public Browser go(String path) {
    driver.get(base + path);
    return this;
  }

  public WebElement find(String css) {
    return wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public boolean has(String css) {
    return !all(css).isEmpty();
  }

  public Browser type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  /**
   * Sets a long text at once (typing 10,000 characters key by key takes minutes) and tells the
   * page's scripts it changed, as typing would.
   */
  public Browser fill(String css, String text) {
    WebElement field = find(css);
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        field,
        text);
    return this;
  }

  public Browser click(String css) {
    settled(wait(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))).click();
    return this;
  }

  /** Clicks a link or button by its visible text. */
  public Browser clickText(String text) {
    settled(
            wait(
                ExpectedConditions.elementToBeClickable(
                    By.xpath(
                        "//a[normalize-space()="
                            + xpath(text)
                            + "] | //button[normalize-space()="
                            + xpath(text)
                            + "]"))))
        .click();
    return this;
  }

  /**
   * The element once it is in view, nothing on the page says it is updating ({@code aria-busy}, as
   * the editor's preview does) and it stands where it stood a moment before. WebDriver clicks at a
   * point: on a loaded machine a box above that changes its height between the scroll and the click
   * (a preview arriving) puts the point on something else, and the click is silently lost.
   */
  private WebElement settled(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    var lastPlace = new AtomicReference<Rectangle>();
    new WebDriverWait(driver, WAIT)
        .pollingEvery(Duration.ofMillis(100))
        .until(
            d -> {
              Rectangle place = element.getRect();
              boolean moved = !place.equals(lastPlace.getAndSet(place));
              boolean busy = !driver.findElements(By.cssSelector("[aria-busy='true']")).isEmpty();
              return !moved && !busy;
            });
    return element;
  }

  /** Accepts the confirmation dialog the last click opened. */
  public Browser confirm() {
    wait(ExpectedConditions.alertIsPresent()).accept();
    return this;
  }

  public String text(String css) {
    return find(css).getText();
  }

  public String value(String css) {
    return find(css).getDomProperty("value");
  }

  public String title() {
    return driver.getTitle();
  }

  /** The path (and query) of the current page. */
  public String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  public String html() {
    return driver.getPageSource();
  }

  /** Waits until the current path starts with the prefix (after a redirect or a script). */
  public Browser waitForPath(String prefix) {
    new WebDriverWait(driver, WAIT)
        .until(d -> d.getCurrentUrl().substring(base.length()).startsWith(prefix));
    return this;
  }

  public Browser waitForText(String css, String text) {
    wait(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    return this;
  }

  public Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  public Browser login(String login, String password) {
    go("/login");
    type("#login", login);
    type("#password", password);
    click("form.stacked button[type=submit]");
    new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("/login"));
    return this;
  }

  /** Saves what the browser shows, for a failing test's report. */
  public void saveScreenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    Files.writeString(
        file.resolveSibling(file.getFileName().toString().replace(".png", ".html")), html());
  }

  public ChromeDriver driver() {
    return driver;
  }

  private <T> T wait(ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  private static Logger quiet(String name) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(Level.SEVERE);
    return logger;
  }

  private static String xpath(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a leftover temporary profile is harmless
      }
    }
  }
}
