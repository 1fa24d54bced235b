package cn.liuzhou.incentives.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The enterprise portal in the distribution's Chromium, as an enterprise that has never seen the system uses
 * it: matched measures with reasons, filing an exhibition application with an invoice and its estimate, county
 * review, a return and an amendment of one fact, payment with its reference; a member of the public objects on
 * the notice page; and the pages at a 390-pixel-wide phone viewport without horizontal overflow. Reviewers'
 * steps are completed through the engine REST API (Tasklist has its own browser test). Screenshots are
 * written to target/portal-screenshots/ (docs/portal-*.png are copies of them).
 */
class PortalBrowserTest extends ApiTestSupport {

  @RegisterExtension static final Chromium chromium = new Chromium();
  static final Path SHOTS = Path.of("target/portal-screenshots");

  @LocalServerPort int port;

  @BeforeAll
  static void screenshots() throws Exception {
    Files.createDirectories(SHOTS);
  }


  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private Page newPage(int width, int height) {
    return chromium.newPage(new Browser.NewContextOptions().setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setViewportSize(width, height), 30_000);
  }

  /** Logs in on the portal's own login page with the credit code. */
  private Page loginAs(String creditCode, int width, int height) {
    Page page = newPage(width, height);
    page.navigate(url("/"));
    page.getByText("企业登录申报").click();
    Locator user = page.locator("input[name=username]");
    Locator password = page.locator("input[name=password]");
    for (int attempt = 0; attempt < 5; attempt++) {
      user.fill(creditCode);
      password.fill("demo-password");
      if (creditCode.equals(user.inputValue()) && "demo-password".equals(password.inputValue())) {
        break;
      }
    }
    page.locator("button[type=submit]").click();
    page.waitForURL(url("/"));
    return page;
  }

  private void shot(Page page, String name) {
    shot(page, name, true);
  }

  private void shot(Page page, String name, boolean fullPage) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(fullPage));
  }

  private static void assertNoHorizontalOverflow(Page page) {
    Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    assertThat(((Number) overflow).intValue()).as("horizontal overflow at " + page.url()).isLessThanOrEqualTo(0);
  }

  @Test
  void anEnterpriseFilesAmendsAndFollowsAnExhibitionApplicationToPaymentAndThePublicObjects() throws Exception {
    String ent = cleanEnterprise();
    Path invoice = Files.createTempFile("invoice", ".pdf");
    Files.writeString(invoice, "%PDF-1.4\n% 展位费发票\n", StandardCharsets.UTF_8);

    Page page = loginAs(ent, 1280, 900);
    page.getByText("查看可申报政策").click();
    // Matched measures, with what the registry already proves, and those it cannot apply for with the reasons.
    Locator exhibition = page.locator("#can-apply [data-measure=LZ-2026Q2-EXHIBITION]");
    assertThat(exhibition).containsText("支持企业参加国内外大型展会");
    assertThat(exhibition).containsText("规上企业");
    assertThat(exhibition).containsText("50%");
    assertThat(page.locator("#cannot-apply > li").first()).isVisible();
    assertThat(page.locator("#cannot-apply .reasons li").first()).not().isEmpty();
    shot(page, "portal-match.png", false);

    exhibition.getByText("开始申报").click();
    page.locator("#fact-eligibleCost").fill("150000");
    page.locator("#fact-eventDate").fill("2026-05-10");
    page.locator("#fact-eventDate").press("Tab");
    assertThat(page.locator("#fact-eligibleCost")).hasValue("150,000");
    // The estimate comes from the measure's decision with the registry's facts: 50 % of 150,000, in whole 万元.
    assertThat(page.locator("#estimate-amount")).hasText("70,000.00 元");
    assertThat(page.locator("#estimate")).containsText("预估");
    // An error comes back next to its field, in Chinese.
    page.locator("#fact-eventDate").fill("2026-08-01");
    page.locator("#estimate-button").click();
    assertThat(page.locator("#estimate-reasons")).containsText("不在2026年二季度");
    page.locator("#fact-eventDate").fill("2026-05-10");
    page.locator("#submit-button").click();
    assertThat(page.locator("[data-error-for='document.INVOICE']")).hasText("请上传：展位费、会场搭建等费用发票");
    page.locator("#doc-INVOICE").setInputFiles(invoice);
    page.locator("#save-draft").click();
    assertThat(page.locator("#form-status")).containsText("草稿已保存");
    page.locator("#estimate-button").click();
    assertThat(page.locator("#estimate-amount")).hasText("70,000.00 元");
    shot(page, "portal-apply.png");
    page.locator("#submit-button").click();

    page.waitForURL("**/portal/applications/SQ-*");
    String id = page.locator("#application-id").innerText();
    assertThat(page.locator("#flash")).containsText("申请已提交");
    assertThat(page.locator("#status")).hasText("自动审核中");
    runDueJobs();
    page.reload();
    assertThat(page.locator("#status")).hasText("县区工信部门审核中");
    assertThat(page.locator(".stepper .stage-CURRENT")).hasText("县区审核");
    // The invoice chosen on the filing form was stored with the application and is listed with a link.
    assertThat(page.locator("#attachment-list")).containsText(invoice.getFileName().toString());
    assertThat(page.locator("#attachment-list a")).hasCount(1);

    // The county returns it; the enterprise sees the reason and the deadline and changes one fact.
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "展位费以发票金额120000元为准，请更正"));
    page.reload();
    assertThat(page.locator("#amendment")).containsText("展位费以发票金额120000元为准");
    assertThat(page.locator("#amendment .deadline")).containsText("前补正");
    assertThat(page.locator("#amend-form #fact-eventDate")).hasValue("2026-05-10");
    page.locator("#amend-form #fact-eligibleCost").fill("120000");
    shot(page, "portal-amend.png");
    page.locator("#amend-button").click();
    assertThat(page.locator("#flash")).containsText("补正已提交，当前状态：自动审核中");
    JsonNode amended = application(id);
    assertThat(amended.get("facts").get("eligibleCost").decimalValue()).isEqualByComparingTo("120000");
    assertThat(amended.get("facts").get("eventDate").asText()).isEqualTo("2026-05-10");
    runDueJobs();
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    completeTask("bureau", id, Map.of("decision", "APPROVE", "comment", "同意"));
    assertThat(application(id).get("status").asText()).isEqualTo("PUBLIC_NOTICE");

    // A member of the public objects on the notice page, without logging in.
    Page publicPage = newPage(1280, 900);
    publicPage.navigate(url("/notices"));
    Locator row = publicPage.locator("#notice-list tr[data-id='" + id + "']");
    assertThat(row).containsText("60,000.00");
    row.getByText("提出异议").click();
    publicPage.locator("#objection-submit").click();
    assertThat(publicPage.locator("[data-error-for=name]")).hasText("请填写姓名");
    publicPage.locator("#objector-name").fill("张三");
    publicPage.locator("#objector-phone").fill("12345");
    publicPage.locator("#objection-reason").fill("该企业当季未参加展会");
    publicPage.locator("#objection-submit").click();
    assertThat(publicPage.locator("[data-error-for=phone]")).containsText("联系电话");
    publicPage.locator("#objector-phone").fill("13800138000");
    publicPage.locator("#objection-submit").click();
    assertThat(publicPage.locator("#objection-receipt")).containsText("异议已受理，回执号 YY-");
    assertThat(publicPage.locator("#objection-form")).isHidden();
    shot(publicPage, "portal-notices.png");
    String receipt = publicPage.locator("#objection-receipt").innerText().replaceAll(".*回执号 (YY-\\S+?)，.*", "$1");
    dismissObjection(receipt, "经核查，企业已提供参展合同和现场照片");

    fireTimer(id);
    completeTask("finance", id, Map.of("paymentReference", "CZ-2026-" + id.substring(id.length() - 8)));
    runDueJobs();
    page.reload();
    assertThat(page.locator("#status")).hasText("已拨付");
    assertThat(page.locator("#payment-reference")).containsText("CZ-2026-");
    assertThat(page.locator("#paid")).hasText("60,000.00 元");
    assertThat(page.locator("#objections")).containsText("异议不成立");
    assertThat(page.locator("#objections")).not().containsText("张三");
    assertThat(page.locator("#timeline")).containsText("财政拨付");
    assertThat(page.locator("#timeline")).containsText("退回补正");
    shot(page, "portal-paid.png");

    // Notifications: an unread count in the header, read on the list.
    assertThat(page.locator(".nav-notifications .badge")).isVisible();
    page.locator(".nav-notifications").click();
    assertThat(page.locator("#inbox li").first()).containsText("已拨付");
    assertThat(page.locator(".nav-notifications .badge")).isHidden();
    page.context().close();
    publicPage.context().close();

    // The same enterprise on a phone: no page scrolls sideways.
    Page phone = loginAs(ent, 390, 844);
    for (String path : List.of("/", "/portal", "/portal/apply/LZ-2026Q2-EXHIBITION", "/portal/applications",
        "/portal/applications/" + id, "/portal/notifications", "/notices")) {
      phone.navigate(url(path));
      phone.locator("footer").waitFor();
      assertNoHorizontalOverflow(phone);
    }
    phone.navigate(url("/portal/apply/LZ-2026Q2-EXHIBITION"));
    phone.locator("#fact-eligibleCost").fill("88000");
    phone.locator("#fact-eventDate").fill("2026-06-18");
    phone.locator("#estimate-button").click();
    assertThat(phone.locator("#estimate-amount")).containsText("元");
    assertNoHorizontalOverflow(phone);
    shot(phone, "portal-phone.png", false);
    phone.context().close();
  }

  /** The bureau examines the objection (its own task) through the engine REST API and dismisses it. */
  private void dismissObjection(String receipt, String comment) {
    var list = call("bureau", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + receipt, null).getBody();
    assertThat(list.size()).as("objection task for " + receipt).isEqualTo(1);
    String taskId = list.get(0).get("id").asText();
    call("bureau", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "bureau"));
    var done = call("bureau", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
        Map.of("objectionDecision", Map.of("value", "DISMISS"), "comment", Map.of("value", comment))));
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    runDueJobs();
  }
}
