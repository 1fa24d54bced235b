package cn.liuzhou.incentives.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's webapps as county staff, auditors and administrators see them, in the distribution's Chromium:
 * Simplified Chinese by default (locales/zh-CN.json and scripts/config.js of each app, served from this
 * application's classpath over the webjar's), the system's name in the page title and on the login page,
 * no Camunda 7 end-of-life banner, and no "Create task" / "Start process" in Tasklist. English stays
 * available to a browser that asks for it. Screenshots go to target/webapp-zh/. CI installs Chromium
 * (.ci/run); elsewhere set CHROMIUM to its path.
 */
class WebappLocalizationBrowserTest extends ApiTestSupport {

  static final String SYSTEM_NAME = "柳州市工业稳增长奖补申报审批系统";
  /** The banner's text in English and in our translation: neither may be visible. */
  static final List<String> BANNER_TEXTS = List.of("It is time to migrate to Camunda 8", "迁移到 Camunda 8",
      "Camunda 7 CE", "Camunda 7 社区版");
  static final Path SCREENSHOTS = Path.of("target/webapp-zh");

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;

  @BeforeAll
  static void assertionTimeout() {
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void defaultAssertionTimeout() {
    PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
  }


  private String url(String app) {
    return "http://localhost:" + port + "/camunda/app/" + app + "/default/";
  }

  /** A fresh browser whose preferred language is the given one, on the app's login page. */
  private Page loginPage(String app, String locale) {
    Page page = chromium.newPage(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1600, 1000), 30_000);
    page.navigate(url(app));
    page.locator("input[ng-model=username]").waitFor();
    return page;
  }

  /**
   * The login page in Chinese, branded with the system's name (title and heading), without the banner;
   * then logs in.
   */
  private Page logInInChinese(String app, String appNameZh, String user) {
    assertServedFromClasspath(app);
    Page page = loginPage(app, "zh-CN");
    try {
      assertThat(page.locator("button[type=submit]")).hasText("登录");
      assertThat(page.locator("input[ng-model=username]")).hasAttribute("placeholder", "用户名");
      assertThat(page.locator("input[ng-model=password]")).hasAttribute("placeholder", "密码");
      assertThat(page).hasTitle(titleContaining(SYSTEM_NAME + " " + appNameZh));
      Locator heading = page.locator(".login-header .app-name");
      assertThat(heading).hasText(appNameZh);
      assertThat((String) heading.evaluate("e => getComputedStyle(e, '::before').content")).contains(SYSTEM_NAME);
      assertThat(page.locator(".login-header .login-logo")).isHidden();
      assertNoBanner(page);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(app + "-login.png")));
      LoginForm.fill(page, user, "demo");
      page.locator("button[type=submit]").click();
      return page;
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(app + "-failure.png")));
      throw e;
    }
  }

  /** Titles hold no regular-expression characters (Playwright hands the pattern to JavaScript, which knows no quoting). */
  private static Pattern titleContaining(String text) {
    return Pattern.compile(text);
  }

  /** Nothing on the page shows the end-of-life banner (the element is rendered by Camunda, hidden by us). */
  private static void assertNoBanner(Page page) {
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    for (String text : BANNER_TEXTS) {
      assertNoneVisible(page.getByText(text, new Page.GetByTextOptions().setExact(false)), text);
    }
  }

  /** Lets the page finish loading its figures before a screenshot (for the picture only; asserts wait themselves). */
  private static void settle(Page page) {
    page.mouse().move(0, 0);
    page.waitForTimeout(2000);
  }

  /** The first visible element whose whole text is the given one (waited for by the assertion). */
  private static Locator visibleText(Page page, String text) {
    return page.getByText(text, new Page.GetByTextOptions().setExact(true))
        .filter(new Locator.FilterOptions().setVisible(true)).first();
  }

  private static void assertNoneVisible(Locator locator, String what) {
    for (Locator element : locator.all()) {
      assertThat(element.isVisible()).as("visible: " + what).isFalse();
    }
  }

  /**
   * The served locale, configuration and styles are this project's (the webjar ships no zh-CN.json). Asked
   * without the browser's cookies: a request beside the browser's own could overwrite its CSRF cookie.
   */
  private void assertServedFromClasspath(String app) {
    APIRequestContext http = chromium.request();
    try {
      String base = "http://localhost:" + port + "/camunda/app/" + app;
      APIResponse locale = http.get(base + "/locales/zh-CN.json");
      assertThat(locale.status()).isEqualTo(200);
      assertThat(locale.text()).contains("\"PAGE_LOGIN_SIGN_IN_ACTION\": \"登录\"");
      assertThat(http.get(base + "/scripts/config.js").text())
          .contains("availableLocales: ['zh-CN', 'en']", "fallbackLocale: 'zh-CN'", SYSTEM_NAME);
      assertThat(http.get(base + "/styles/user-styles.css").text()).contains("../../../../assets/camunda-branding.css");
      assertThat(http.get("http://localhost:" + port + "/assets/camunda-branding.css").text()).contains(".ce-eol-banner");
    } finally {
      http.dispose();
    }
  }

  @Test
  void tasklistIsChineseWithoutBannerCreateTaskOrStartProcess() {
    String id = fileExhibition(cleanEnterprise(), 150000).get("id").asText();
    String taskId = taskFor("county.liunan", id).get("id").asText();

    Page page = logInInChinese("tasklist", "任务列表", "county.liunan");
    try {
      page.locator(".tasks-list").waitFor();
      page.navigate(url("tasklist") + "#/?task=" + taskId);
      // the task in Chinese: claim button, tabs, follow-up date, comment, sorting, card dates
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领").setExact(true))).isVisible();
      for (String label : List.of("表单", "历史", "流程图", "描述", "设置跟进日期", "添加意见", "键盘快捷键", "创建时间")) {
        assertThat(visibleText(page, label)).isVisible();
      }
      assertThat(page.locator(".tasks-list .due-date").first()).containsText("截止");
      assertThat(page).hasTitle(titleContaining(SYSTEM_NAME));
      assertThat(page.locator("[cam-widget-header] .brand-name")).containsText(SYSTEM_NAME);
      assertNoBanner(page);
      for (String text : List.of("Create task", "Start process", "创建任务", "发起流程")) {
        assertNoneVisible(page.getByText(text, new Page.GetByTextOptions().setExact(false)), text);
      }
      assertNoneVisible(page.locator("li.create-task-action, li.start-process-action"), "navbar actions");
      for (String english : List.of("Claim", "Complete", "Set follow-up date", "Add Comment", "Keyboard Shortcuts",
          "Due in", "Diagram", "History")) {
        assertNoneVisible(page.getByText(english, new Page.GetByTextOptions().setExact(false)), english);
      }
      // claimed: the form's buttons in Chinese
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("认领").setExact(true)).click();
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成").setExact(true))).isVisible();
      assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true))).isVisible();
      settle(page);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist.png")));
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("tasklist-failure.png")));
      throw e;
    }
  }

  @Test
  void cockpitIsChineseWithoutBanner() {
    Page page = logInInChinese("cockpit", "流程监控", "auditor");
    try {
      assertThat(visibleText(page, "运行中的流程实例")).isVisible();
      for (String label : List.of("流程", "决策", "人工任务")) {
          assertThat(page.locator("[cam-widget-header]").getByText(label, new Locator.GetByTextOptions().setExact(true))
            .first()).isVisible();
      }
      assertThat(page).hasTitle(titleContaining(SYSTEM_NAME + " 流程监控"));
      assertNoBanner(page);
      for (String english : List.of("Running Process Instances", "Open Incidents", "Processes", "Decisions")) {
        assertNoneVisible(page.getByText(english, new Page.GetByTextOptions().setExact(false)), english);
      }
      settle(page);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cockpit.png")));
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("cockpit-failure.png")));
      throw e;
    }
  }

  @Test
  void adminIsChineseWithoutBanner() {
    Page page = logInInChinese("admin", "系统管理", "admin");
    try {
      for (String label : List.of("用户列表", "组列表", "管理授权")) {
        assertThat(visibleText(page, label)).isVisible();
      }
      assertThat(page).hasTitle(titleContaining(SYSTEM_NAME + " 系统管理"));
      assertNoBanner(page);
      for (String english : List.of("List of users", "Manage Authorizations", "Authorizations")) {
        assertNoneVisible(page.getByText(english, new Page.GetByTextOptions().setExact(false)), english);
      }
      settle(page);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin.png")));
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-failure.png")));
      throw e;
    }
  }

  @Test
  void welcomeIsChineseWithoutBanner() {
    Page page = logInInChinese("welcome", "首页", "auditor");
    assertThat(visibleText(page, "流程监控")).isVisible();
    assertThat(page).hasTitle(titleContaining(SYSTEM_NAME + " 首页"));
    assertNoBanner(page);
    settle(page);
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("welcome.png")));
  }

  /** A browser asking for English gets Camunda's English; one asking for another language gets Chinese. */
  @Test
  void englishStaysSelectableChineseIsTheFallback() {
    Page english = loginPage("tasklist", "en-US");
    assertThat(english.locator("button[type=submit]")).hasText("Log in");
    assertThat(english).hasTitle(titleContaining(SYSTEM_NAME));
    assertNoBanner(english);

    Page german = loginPage("cockpit", "de-DE");
    assertThat(german.locator("button[type=submit]")).hasText("登录");
  }
}
