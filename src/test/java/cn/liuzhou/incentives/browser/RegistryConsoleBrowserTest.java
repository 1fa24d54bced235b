package cn.liuzhou.incentives.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.registry.CreditCode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.Playwright;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * An administrator keeps the registry in Chromium, without curl: imports a CSV file (saved by Excel, with a byte-order
 * mark) with a bad line, reads the line's error, fixes the file, imports it, and puts one of the new enterprises on a
 * name list with the document it rests on. Screenshots go to target/registry-console-browser/.
 */
class RegistryConsoleBrowserTest extends ApiTestSupport {

  static final Path SHOTS = Path.of("target/registry-console-browser");
  static Playwright playwright;
  static Browser browser;

  @LocalServerPort int port;

  @BeforeAll
  static void launch() throws Exception {
    Files.createDirectories(SHOTS);
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

  private static String code() {
    return CreditCode.withCheckCharacter("91450200" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
  }

  private static void write(Path file, String text) throws Exception {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[body.length + 3];
    all[0] = (byte) 0xEF;
    all[1] = (byte) 0xBB;
    all[2] = (byte) 0xBF;
    System.arraycopy(body, 0, all, 3, body.length);
    Files.write(file, all);
  }

  @Test
  void anAdministratorFixesABadLineImportsTheFileAndAddsANameListEntry() throws Exception {
    String first = code();
    String second = code();
    String wrong = second.substring(0, 17) + (second.charAt(17) == '0' ? '1' : '0');
    String header = "creditCode,name,county,industry,aboveDesignatedSize,taxCreditRating,accountingCreditGood,jointPunishmentTarget\n";
    Path bad = SHOTS.resolve("registry-bad.csv");
    write(bad, header + first + ",浏览器甲机械有限公司,liunan,MACHINERY,true,A,true,false\n"
        + wrong + ",浏览器乙机械有限公司,liunan,MACHINERY,true,A,true,false\n");
    Path fixed = SHOTS.resolve("registry.csv");
    write(fixed, header + first + ",浏览器甲机械有限公司,liunan,MACHINERY,true,A,true,false\n"
        + second + ",浏览器乙机械有限公司,liunan,MACHINERY,true,A,true,false\n");

    Page page = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 1000)).newPage();
    page.setDefaultTimeout(60_000);
    try {
      page.navigate("http://localhost:" + port + "/login");
      page.locator("input[name=username]").fill("admin");
      page.locator("input[name=password]").fill(PASSWORD);
      page.locator("main button[type=submit]").click();
      page.waitForURL("http://localhost:" + port + "/");
      page.locator("header a", new Page.LocatorOptions().setHasText("政策管理")).click();
      page.locator("nav a", new Page.LocatorOptions().setHasText("企业登记")).click();
      page.locator("#enterprise-import").waitFor();

      page.locator("#enterprise-import input[type=file]").setInputFiles(bad);
      page.getByLabel("导入说明（必填：数据来源或依据的文件）").fill("2026年二季度规上企业名录");
      page.locator("#enterprise-import button[type=submit]").click();
      page.locator("#import-errors").waitFor();
      page.waitForLoadState(LoadState.LOAD); // the table's rows may still be arriving (the page is sent in chunks)
      assertThat(page.locator("#import-errors tbody").innerText()).contains("第3行", "creditCode", "统一社会信用代码校验位错误");
      assertThat(page.locator("#console-errors").innerText()).contains("未导入任何数据");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-import-errors.png")).setFullPage(true));
      assertThat(call("admin", HttpMethod.GET, "/api/enterprises/" + first, null).getStatusCode().value()).isEqualTo(404);

      page.locator("#enterprise-import input[type=file]").setInputFiles(fixed);
      page.getByLabel("导入说明（必填：数据来源或依据的文件）").fill("2026年二季度规上企业名录（更正）");
      page.locator("#enterprise-import button[type=submit]").click();
      page.locator("#console-message").waitFor();
      assertThat(page.locator("#console-message").innerText()).contains("新登记 2 家");
      assertThat(page.locator("#import-errors").count()).isZero();

      page.locator("#enterprise-search input[name=q]").fill("浏览器乙机械");
      page.locator("#enterprise-search button[type=submit]").click();
      page.locator("#enterprises a", new Page.LocatorOptions().setHasText(second)).waitFor();

      page.locator("nav a", new Page.LocatorOptions().setHasText("名单")).click();
      page.locator("#name-lists a", new Page.LocatorOptions().setHasText("LZ-SEI-ENTERPRISES")).click();
      page.locator("#add-entry").waitFor();
      page.getByLabel("统一社会信用代码").fill(second);
      page.getByLabel("列入依据（必填：文件名称、文号或说明）").fill("柳工信〔2026〕8号专精特新企业认定");
      page.locator("#add-entry button[type=submit]").click();
      page.locator("#console-message").waitFor();
      assertThat(page.locator("#console-message").innerText()).contains("已将 " + second + " 列入名单");
      assertThat(page.locator("#entries tr[data-code='" + second + "']").innerText())
          .contains("浏览器乙机械有限公司", "柳工信〔2026〕8号专精特新企业认定", "系统管理员");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-name-list.png")).setFullPage(true));
      assertThat(call("admin", HttpMethod.GET, "/api/name-lists/LZ-SEI-ENTERPRISES", null).getBody().get("creditCodes")
          .toString()).contains(second);
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("failure.png")).setFullPage(true));
      throw e;
    }
  }
}
