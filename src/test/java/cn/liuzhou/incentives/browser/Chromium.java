package cn.liuzhou.incentives.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The distribution's Chromium for one browser test class, registered as
 * {@code @RegisterExtension static final Chromium chromium = new Chromium();}: it starts Playwright and the
 * browser before the class's tests and closes both (and with them every page) after them. Nothing is
 * downloaded at run time: Playwright's driver comes inside its Maven artifact and the browser is the
 * system's. CI installs Chromium (.ci/run); elsewhere set CHROMIUM to its path.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

  /** What a headless Chromium in a container needs, and nothing that phones home while a test runs. */
  private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage");

  private Playwright playwright;
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    Path executable = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    assertThat(Files.isExecutable(executable)).as("Chromium at " + executable + " (apt-get install chromium)").isTrue();
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable)
        .setHeadless(true).setArgs(ARGS));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }

  /**
   * A page in a fresh context (its own cookies, so its own login) with the given options, whose actions wait up
   * to the given time: a cold Camunda webapp on a busy 2-core machine needs far longer than Playwright's default.
   */
  Page newPage(Browser.NewContextOptions options, double defaultTimeoutMillis) {
    BrowserContext context = browser.newContext(options);
    Page page = context.newPage();
    page.setDefaultTimeout(defaultTimeoutMillis);
    return page;
  }

  /** A page of a browser that prefers Simplified Chinese, at the given viewport. */
  Page newPage(int width, int height, double defaultTimeoutMillis) {
    return newPage(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(width, height), defaultTimeoutMillis);
  }

  /** Plain HTTP through Playwright (no page), for what a link points at; the caller disposes of it. */
  APIRequestContext request() {
    return playwright.request().newContext();
  }

  /** Plain HTTP with the given HTTP Basic login. */
  APIRequestContext request(String user, String password) {
    return playwright.request().newContext(new APIRequest.NewContextOptions()
        .setHttpCredentials(user, password));
  }
}
