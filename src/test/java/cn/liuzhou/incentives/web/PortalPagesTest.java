package cn.liuzhou.incentives.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The portal's pages as the server renders them (the browser test drives them in Chromium). */
class PortalPagesTest extends ApiTestSupport {

  private PageLoginApiTest.Session enterprise(String creditCode) {
    PageLoginApiTest.Session session = PageLoginApiTest.Session.open(rest.withRedirects(
        org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW));
    session.login(creditCode, CREATED_PASSWORD);
    return session;
  }

  private static final String CREATED_PASSWORD = "demo-password";

  @Test
  void theLandingPageLinksStaffToTasklistAndCockpit() {
    String home = rest.getForEntity("/", String.class).getBody();
    assertThat(home).contains("企业登录申报", "/camunda/app/tasklist/", "/camunda/app/cockpit/", "查看公示");
  }

  @Test
  void theMatchingPageShowsWhatTheEnterpriseMayApplyForAndWhyNot() {
    String small = newEnterprise("liucheng", "PAPER", false, "A", false);
    ResponseEntity<String> page = enterprise(small).exchange(HttpMethod.GET, "/portal", null, false);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("政策匹配", "暂不能申报", "申报企业不是规模以上工业企业", "非规上企业");
  }

  @Test
  void theFilingFormIsGeneratedFromTheMeasuresFacts() {
    String ent = cleanEnterprise();
    ResponseEntity<String> page = enterprise(ent).exchange(HttpMethod.GET, "/portal/apply/LZ-2026Q2-EXHIBITION", null, false);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("支持企业参加国内外大型展会", "data-kind=\"money\"", "type=\"date\"", "参展日期",
        "展位费、会场搭建等费用发票", "测算预估奖励", "保存草稿", "50%");
    assertThat(enterprise(ent).exchange(HttpMethod.GET, "/portal/apply/NO-SUCH", null, false).getStatusCode().value())
        .isEqualTo(404);
  }

  @Test
  void anApplicationPageShowsTheTimelineAndOnlyToItsEnterprise() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充发票"));
    ResponseEntity<String> page = enterprise(ent).exchange(HttpMethod.GET, "/portal/applications/" + id, null, false);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains(id, "退回补正", "请补充发票", "补正截止时间", "提交补正", "办理记录（北京时间）");
    assertThat(enterprise(cleanEnterprise()).exchange(HttpMethod.GET, "/portal/applications/" + id, null, false)
        .getStatusCode().value()).isEqualTo(404);
    assertThat(enterprise(ent).exchange(HttpMethod.GET, "/portal/applications", null, false).getBody()).contains(id);
  }

  @Test
  void theNewEndpointsArePublishedWithChineseAndEnglishSummaries() {
    String docs = rest.getForEntity("/v3/api-docs", String.class).getBody();
    assertThat(docs).contains("/api/enterprises/{creditCode}/eligible-measures", "/api/measures/{measureCode}/estimate",
        "/api/drafts/{measureCode}", "/api/notifications", "/api/applications/{id}/timeline", "/api/public/notices",
        "/api/public/notices/{id}/objections", "政策匹配", "Estimate the award", "只需提交修改的事实");
  }

  @Test
  void theNoticesPageIsPublic() {
    ResponseEntity<String> page = rest.getForEntity("/notices", String.class);
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("拟奖补公示");
  }
}
