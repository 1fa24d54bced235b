package cn.liuzhou.incentives.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The review flow as reviewers work it, in Camunda Tasklist in the distribution's Chromium: the county
 * approves, the bureau lowers the amount, finance records the payment. Reviewers hold TASK_WORK only and
 * the forms submit exactly their editable fields, so this is what proves the trust boundary leaves
 * Tasklist working. CI installs Chromium (.ci/run); elsewhere set CHROMIUM to its path.
 */
class TasklistBrowserTest extends ApiTestSupport {

  static Playwright playwright;
  static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void launch() {
    String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    assertThat(Files.isExecutable(Path.of(chromium))).as("Chromium at " + chromium + " (apt-get install chromium)").isTrue();
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(chromium))
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  private Page login(String user) {
    Page page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1600, 1000)).newPage();
    page.setDefaultTimeout(90_000); // a cold Tasklist on a busy 2-core machine
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
    LoginForm.fill(page, user, "demo");
    page.locator("button[type=submit]").click();
    try {
      page.locator(".tasks-list").waitFor();
    } catch (RuntimeException e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/tasklist-login-failure.png")));
      throw e;
    }
    return page;
  }

  /**
   * Opens the application's task as a reviewer following a link to it (the cards do not yet show the
   * application number: issue 8), claims it and waits for the form.
   */
  private void openAndClaim(Page page, String user, String applicationId) {
    try {
      // The card shows the application number (and enterprise, measure, proposed award): the reviewer picks it from the list.
      page.locator(".tasks-list .task").filter(new Locator.FilterOptions().setHasText(applicationId)).first().click();
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领")).click();
      page.locator(".fjs-form input:not([disabled])").first().waitFor();
    } catch (RuntimeException e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/tasklist-failure.png")));
      throw e;
    }
  }

  /** Completes the task and waits until Tasklist has closed it (the server answered). */
  private void complete(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成")).click();
    page.locator(".fjs-form").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
  }

  @Test
  void countyBureauAndFinanceWorkTheirTasksInTasklist() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();

    Page county = login("county.liunan");
    county.locator(".tasks-list .task").filter(new Locator.FilterOptions().setHasText(id)).first().waitFor();
    county.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/tasklist-county-list.png")));
    openAndClaim(county, "county.liunan", id);
    // A refusal reads as the reviewer's reason in Chinese, not as an engine error, and the task stays open.
    county.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("不通过").setExact(true)).check();
    county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成")).click();
    county.getByText("不通过或退回时须填写审核意见").first().waitFor();
    assertThat(county.getByText("ENGINE-03051").count()).isZero();
    assertThat(application(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");
    county.reload(); // Tasklist keeps a refused form locked until it is opened again
    county.locator(".fjs-form input:not([disabled])").first().waitFor();
    county.getByLabel("通过，报市工业和信息化局").check();
    complete(county);
    assertThat(application(id).get("status").asText()).isEqualTo("BUREAU_REVIEW");

    Page bureau = login("bureau");
    openAndClaim(bureau, "bureau", id);
    bureau.getByLabel("通过，进入公示").check();
    bureau.getByLabel("核定奖励（元）", new Page.GetByLabelOptions().setExact(false)).fill("65432");
    complete(bureau);
    assertThat(application(id).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    assertThat(application(id).get("approvedAward").decimalValue()).isEqualByComparingTo("60000");

    fireTimer(id);
    Page finance = login("finance");
    openAndClaim(finance, "finance", id);
    finance.getByLabel("支付凭证号").fill("CZ-TL-" + id);
    complete(finance);
    runDueJobs();
    assertThat(application(id).get("status").asText()).isEqualTo("DISBURSED");
    assertThat(application(id).get("disbursedAward").decimalValue()).isEqualByComparingTo("60000");
  }
}
