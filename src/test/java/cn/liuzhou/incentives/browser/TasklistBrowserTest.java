package cn.liuzhou.incentives.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The review flow as reviewers work it, in Camunda Tasklist in the distribution's Chromium: the county
 * approves, the bureau lowers the amount, finance records the payment. Reviewers hold TASK_WORK only and
 * the forms submit exactly their editable fields, so this is what proves the trust boundary leaves
 * Tasklist working. CI installs Chromium (.ci/run); elsewhere set CHROMIUM to its path.
 */
class TasklistBrowserTest extends ApiTestSupport {

  @RegisterExtension static final Chromium chromium = new Chromium();

  @LocalServerPort int port;


  private Page login(String user) {
    Page page = chromium.newPage(1600, 1000, 90_000); // a cold Tasklist on a busy 2-core machine
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

  /**
   * The form's link to the application's case file (案卷) opens it: the case files keep the application's own login
   * (Camunda's webapps keep theirs), so the reviewer signs in once and lands on the case.
   */
  private void openCaseFileFromTheForm(Page form, String applicationId) {
    Locator link = form.locator(".fjs-form a[href='/cases/" + applicationId + "']");
    link.waitFor();
    assertThat(link.textContent()).contains("案卷", applicationId);
    Page caseFile = form.context().newPage();
    caseFile.setDefaultTimeout(60_000);
    try {
      caseFile.navigate("http://localhost:" + port + link.getAttribute("href"));
      caseFile.locator("input[name=username]").fill("bureau");
      caseFile.locator("input[name=password]").fill("demo");
      caseFile.locator("main button[type=submit]").click();
      caseFile.waitForURL("**/cases/" + applicationId + "**");
      assertThat(caseFile.locator("#case-id").innerText()).contains(applicationId);
      screenshot(caseFile, "bureau-case-file");
    } catch (RuntimeException e) {
      screenshot(caseFile, "case-file-failure");
      throw e;
    } finally {
      caseFile.close();
    }
  }

  /** Completes the task and waits until Tasklist has closed it (the server answered). */
  private void complete(Page page) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成")).click();
    page.locator(".fjs-form").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
  }

  /** A display field's text (disabled inputs and text areas of the form), by its label. */
  private static String field(Page page, String label) {
    return page.locator(".fjs-form").getByLabel(label, new Locator.GetByLabelOptions().setExact(false)).first().inputValue();
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/tasklist-forms/" + name + ".png")).setFullPage(true));
  }

  /**
   * Types the application number into Tasklist's search box and presses Enter (Tasklist's default search,
   * 名称 like, finds it in the task's name): the list then holds the application's task only.
   */
  private void search(Page page, String applicationId) {
    Locator input = page.locator("input.main-field").first();
    input.click();
    input.fill(applicationId);
    input.press("Enter");
  }

  @Test
  void countyBureauAndFinanceWorkTheirTasksInTasklist() throws Exception {
    String ent = cleanEnterprise();
    String other = fileExhibition(cleanEnterprise(), 120000).get("id").asText();
    String id = fileExhibition(ent, 150000).get("id").asText();
    long aid = upload(ent, id, "展位费发票（2026年5月）.pdf", PDF, "application/pdf", "发票").getBody().get("id").asLong();
    // The form is prepared when the task opens: the enterprise's amendment brings the file onto the county's form.
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充展位费发票"));
    assertThat(call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments",
        Map.of("facts", Map.of("eligibleCost", 150000, "eventDate", "2026-05-10"))).getStatusCode().value()).isEqualTo(200);
    runDueJobs();

    Page county = login("county.liunan");
    county.locator(".tasks-list .task").filter(new Locator.FilterOptions().setHasText(id)).first().waitFor();
    county.locator(".tasks-list .task").filter(new Locator.FilterOptions().setHasText(other)).first().waitFor();
    county.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/tasklist-county-list.png")));
    // The application number typed into the search box finds its task, and only it.
    try {
      search(county, id);
      county.locator(".tasks-list .task").filter(new Locator.FilterOptions().setHasText(other))
          .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    } catch (RuntimeException e) {
      screenshot(county, "search-failure");
      throw e;
    }
    screenshot(county, "county-search");
    assertThat(county.locator(".tasks-list .task").allTextContents()).isNotEmpty().allSatisfy(card -> assertThat(card).contains(id));
    openAndClaim(county, "county.liunan", id);
    // The form shows how the award was computed, the registry data used, the earlier round and the evidence.
    String trace = field(county, "计算步骤");
    assertThat(trace).contains("150,000.00 元 × 50% = 75,000.00 元", "按六(一)，以万元为单位向下取整 → 70,000.00 元");
    assertThat(field(county, "测算奖励")).isEqualTo("70,000.00 元");
    assertThat(field(county, "规上、行业")).contains("纳税信用等级：A 级", "北京时间");
    assertThat(field(county, "补正前后")).contains("退回：请补充展位费发票", "企业补正");
    Locator link = county.locator(".fjs-form a[href='/api/applications/" + id + "/attachments/" + aid + "']");
    link.waitFor();
    assertThat(link.textContent()).contains("展位费发票（2026年5月）.pdf");
    // County reviewers may not open the case files: their form shows no link that would only answer 403.
    assertThat(county.locator(".fjs-form a[href^='/cases']").count()).isZero();
    // The screenshot of the README: the form scrolled to the calculation, registry data, earlier round and evidence.
    county.setViewportSize(1440, 1700);
    county.getByText("测算过程（自动审核记录").evaluate("e => e.scrollIntoView({block: 'start'})");
    county.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/tasklist-forms/county-review.png")));
    // The link opens the file for the reviewer: /api asks for the reviewer's login (HTTP Basic), then serves it.
    var anonymous = chromium.request();
    assertThat(anonymous.get("http://localhost:" + port + link.getAttribute("href")).headers().get("www-authenticate")).startsWith("Basic");
    var reviewer = chromium.request("county.liunan", "demo");
    var file = reviewer.get("http://localhost:" + port + link.getAttribute("href"));
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(PDF);
    assertThat(file.headers().get("x-content-type-options")).isEqualTo("nosniff");
    anonymous.dispose();
    reviewer.dispose();

    // A refusal reads as the reviewer's reason in Chinese, not as an engine error, and the task stays open.
    county.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("不通过").setExact(true)).check();
    county.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成")).click();
    county.getByText("不通过或退回时须填写审核意见").first().waitFor();
    screenshot(county, "county-refusal");
    assertThat(county.getByText("ENGINE-03051").count()).isZero();
    assertThat(county.getByText("comment is required").count()).isZero();
    assertThat(application(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");
    county.reload(); // Tasklist keeps a refused form locked until it is opened again
    county.locator(".fjs-form input:not([disabled])").first().waitFor();
    county.getByLabel("通过，报市工业和信息化局").check();
    complete(county);
    assertThat(application(id).get("status").asText()).isEqualTo("BUREAU_REVIEW");

    Page bureau = login("bureau");
    openAndClaim(bureau, "bureau", id);
    openCaseFileFromTheForm(bureau, id);
    assertThat(field(bureau, "本措施上限剩余额度")).isEqualTo("100,000.00 元");
    assertThat(field(bureau, "政策包预算剩余")).matches("[0-9,]+\\.\\d\\d 元.*");
    bureau.getByLabel("通过，进入公示").check();
    // An amount above the proposal is refused in one Chinese sentence.
    bureau.getByLabel("核定奖励（元）", new Page.GetByLabelOptions().setExact(false)).fill("80000");
    bureau.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成")).click();
    bureau.getByText("核定奖励金额不得高于测算奖励 70,000.00 元").first().waitFor();
    screenshot(bureau, "bureau-refusal");
    assertThat(bureau.getByText("ENGINE-03051").count()).isZero();
    assertThat(bureau.getByText("must not exceed").count()).isZero();
    bureau.reload();
    bureau.locator(".fjs-form input:not([disabled])").first().waitFor();
    bureau.getByLabel("通过，进入公示").check();
    bureau.getByLabel("核定奖励（元）", new Page.GetByLabelOptions().setExact(false)).fill("65432");
    bureau.setViewportSize(1440, 1300);
    bureau.getByText("测算过程（自动审核记录").scrollIntoViewIfNeeded();
    screenshot(bureau, "bureau-review");
    complete(bureau);
    assertThat(application(id).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    assertThat(application(id).get("approvedAward").decimalValue()).isEqualByComparingTo("60000");

    fireTimer(id);
    Page finance = login("finance");
    openAndClaim(finance, "finance", id);
    assertThat(field(finance, "核定拨付金额（小写）")).isEqualTo("60,000.00 元");
    assertThat(field(finance, "核定拨付金额（大写）")).isEqualTo("人民币陆万元整");
    assertThat(field(finance, "预算科目")).contains("LZ-2026Q2");
    assertThat(field(finance, "收款人户名")).startsWith("测试企业");
    assertThat(field(finance, "开户银行")).isEqualTo("柳州银行股份有限公司营业部");
    assertThat(field(finance, "银行账号")).startsWith("7102 0");
    finance.setViewportSize(1440, 1300);
    finance.getByText("核定拨付金额（小写）").scrollIntoViewIfNeeded();
    screenshot(finance, "finance-disbursement");
    finance.getByLabel("支付凭证号").fill("CZ-TL-" + id);
    complete(finance);
    runDueJobs();
    assertThat(application(id).get("status").asText()).isEqualTo("DISBURSED");
    assertThat(application(id).get("disbursedAward").decimalValue()).isEqualByComparingTo("60000");
  }
}
