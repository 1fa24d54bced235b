package cn.liuzhou.incentives.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The auditor's and the administrator's flows in Chromium: an auditor finds a disbursed application by number and
 * by enterprise name, opens its case file (every actor, the decision version, the diagram drawn with the path taken)
 * and exports the search; an administrator dry-runs a failing table (sees the failing case), cancels, then deploys a
 * passing one with a comment. Screenshots go to target/case-files-browser/ (the README's come from there).
 */
class CaseFilesBrowserTest extends ApiTestSupport {

  static final Path SHOTS = Path.of("target/case-files-browser");
  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;

  @BeforeAll
  static void screenshots() throws Exception {
    Files.createDirectories(SHOTS);
  }


  private Page login(String user) {
    Page page = chromium.newPage(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 1000)
        .setAcceptDownloads(true), 60_000);
    page.navigate("http://localhost:" + port + "/login");
    page.locator("input[name=username]").fill(user);
    page.locator("input[name=password]").fill(PASSWORD);
    page.locator("main button[type=submit]").click();
    page.waitForURL("http://localhost:" + port + "/");
    return page;
  }

  private String disbursed(String enterprise) {
    String id = fileExhibition(enterprise, 150000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 60000, "comment", "材料齐全，同意"));
    fireTimer(id);
    completeTask("finance", id, Map.of("paymentReference", "CZ-BR-" + id));
    assertThat(application(id).get("status").asText()).isEqualTo("DISBURSED");
    return id;
  }

  @Test
  void anAuditorFindsADisbursedApplicationAndReadsItsCaseFileWithTheDiagram() throws Exception {
    String enterprise = cleanEnterprise();
    String id = disbursed(enterprise);
    String name = call("admin", HttpMethod.GET, "/api/enterprises/" + enterprise, null).getBody().path("name").asText();
    Page page = login("auditor");
    try {
      page.navigate("http://localhost:" + port + "/cases");
      page.locator("#case-search input[name=id]").fill(id);
      page.locator("#case-search button[type=submit]").click();
      Locator hit = page.locator("#case-results a", new Page.LocatorOptions().setHasText(id));
      hit.waitFor();
      assertThat(page.locator("#result-count").innerText()).contains("共 1 件");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cases-search.png")));

      page.navigate("http://localhost:" + port + "/cases");
      page.locator("#case-search input[name=enterprise]").fill(name);
      page.locator("#case-search button[type=submit]").click();
      hit = page.locator("#case-results a", new Page.LocatorOptions().setHasText(id));
      hit.waitFor();

      Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
      byte[] csv = Files.readAllBytes(download.path());
      assertThat(new String(csv, StandardCharsets.UTF_8)).contains("申请编号", id, name);

      hit.click();
      // The case file arrives in chunks (Tomcat sends each 8 KB as it fills) and Chromium builds the page as they come:
      // #case-id, the status and the start of the timeline are there long before the rest. Read it once it has loaded.
      page.waitForURL("http://localhost:" + port + "/cases/" + id);
      assertThat(page.locator("#case-id").innerText()).isEqualTo(id);
      assertThat(page.locator("#case-status").innerText()).isEqualTo("已拨付");
      assertThat(page.locator("#case-version").innerText()).startsWith("LZ-2026Q2-r");
      String timeline = page.locator("#timeline").innerText();
      assertThat(timeline).contains("黄志明（柳南区工业和信息化局）", "李海燕（柳州市工业和信息化局）", "张晓梅（柳州市财政局）", "材料齐全，同意");
      page.locator("#diagram[data-rendered]").waitFor();
      assertThat(page.locator("#diagram .djs-element.taken").count()).isGreaterThan(5);
      assertThat(page.locator("#diagram-status").innerText()).contains("已标出经过的");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cases-file.png")).setFullPage(true));
      assertThat(page.locator("main button, main input[type=submit]").count()).as("a case file has no button").isZero();
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("failure-auditor.png")).setFullPage(true));
      throw e;
    }
  }

  /** Both webapps load the one shared script (static/assets/case-files-link.js) from their config.js. */
  @ParameterizedTest
  @CsvSource({"tasklist, .tasks-list, bureau", "cockpit, text=运行中的流程实例, auditor"})
  void theWebappsHeaderLinksToTheCaseFiles(String app, String loaded, String user) {
    Page page = chromium.newPage(1440, 900, 90_000);
    page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/");
    LoginForm.fill(page, user, PASSWORD);
    page.locator("button[type=submit]").click();
    try {
      page.locator(loaded).first().waitFor();
      Locator link = page.locator("#lz-case-files-link");
      link.waitFor();
      assertThat(link.getAttribute("href")).isEqualTo("/cases");
      assertThat(link.innerText()).isEqualTo("案卷查询");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("cases-" + app + "-link.png")));
    } catch (RuntimeException e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("failure-" + app + ".png")));
      throw e;
    }
  }

  @Test
  void anAdministratorDryRunsAFailingTableThenDeploysAPassingOne() throws Exception {
    String shipped;
    try (var in = getClass().getResourceAsStream("/dmn/LZ-2026Q2/LZ-2026Q2.dmn")) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path failing = SHOTS.resolve("LZ-2026Q2-sixty.dmn");
    Files.writeString(failing, shipped.replace("eligibleCost * 0.5", "eligibleCost * 0.6"));
    Path passing = SHOTS.resolve("LZ-2026Q2.dmn");
    Files.writeString(passing, shipped);
    Page page = login("admin");
    try {
      page.navigate("http://localhost:" + port + "/console/packages/LZ-2026Q2");
      String before = page.locator("#active-tag").innerText();
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-package.png")).setFullPage(true));

      page.locator("#dmn-upload input[type=file]").setInputFiles(failing);
      page.locator("#dmn-upload button[type=submit]").click();
      page.locator("#dry-run-verdict").waitFor();
      assertThat(page.locator("#dry-run-verdict").innerText()).contains("未通过");
      assertThat(page.locator("#dry-run-cases .fail").count()).isPositive();
      assertThat(page.locator("#deploy-form").count()).isZero();
      assertThat(page.locator("table.diff").first().innerText()).contains("修改", "eligibleCost * 0.6");
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("console-dry-run-failing.png")).setFullPage(true));
      page.locator("#cancel-form button").click();
      page.locator("#console-message").waitFor();
      assertThat(page.locator("#active-tag").innerText()).isEqualTo(before);

      page.locator("#dmn-upload input[type=file]").setInputFiles(passing);
      page.locator("#dmn-upload button[type=submit]").click();
      page.locator("#deploy-form").waitFor();
      page.getByLabel("部署说明（必填：为何调整、依据的文件）").fill("浏览器测试：重新部署随系统发布的决策表");
      page.locator("#deploy-form button[type=submit]").click();
      page.locator("#console-message").waitFor();
      assertThat(page.locator("#console-message").innerText()).contains("已部署为 LZ-2026Q2-r");
      String after = page.locator("#active-tag").innerText();
      assertThat(after).isNotEqualTo(before);
      assertThat(page.locator("#revisions").innerText()).contains("浏览器测试：重新部署随系统发布的决策表", "系统管理员");
      // a new application is screened with the new revision
      assertThat(fileExhibition(cleanEnterprise(), 100000).get("decisionVersionTag").asText()).isEqualTo(after);
    } catch (RuntimeException | AssertionError e) {
      page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("failure-console.png")).setFullPage(true));
      throw e;
    }
  }
}
