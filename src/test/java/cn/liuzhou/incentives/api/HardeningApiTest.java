package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a hostile tester found in the evidence, the forms and the logins, each closed and kept closed. */
class HardeningApiTest extends ApiTestSupport {

  @Autowired JdbcTemplate jdbc;

  @Test
  void nobodyVerifiesAColleaguesPasswordOutsideTheLoginThrottle() {
    var guess = call("bureau", HttpMethod.POST, "/engine-rest/identity/verify",
        Map.of("username", "bureau.head", "password", "demo"));
    assertThat(guess.getStatusCode().value()).isEqualTo(403);
    assertThat(guess.getBody().toString()).doesNotContain("authenticated");
  }

  @Test
  void anEmptyListInAQueryIsTheCallersMistake() {
    for (String query : new String[] {"/engine-rest/process-instance?processInstanceIds=,,,",
        "/engine-rest/task?candidateGroups=,,,", "/engine-rest/history/process-instance?processInstanceIds=,"}) {
      assertThat(call("bureau", HttpMethod.GET, query, null).getStatusCode().value()).as(query).isEqualTo(400);
    }
  }

  @Test
  void manyFilesAndLongNamesNeitherStopTheReviewNorHideTheLatestEvidence() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    String longName = "增值税专用发票（展位费、搭建费、运输费）".repeat(6) + ".pdf";
    for (int i = 0; i < 20; i++) {
      assertThat(upload(ent, id, i + longName, PDF, "application/pdf", "发票").getStatusCode().value()).isEqualTo(201);
    }
    String shown = taskVariable("county.liunan", id, "evidenceList");
    assertThat(shown).as("the open task shows files added after it was created").contains("19" + longName.substring(0, 10));
    assertThat(shown.length()).isLessThanOrEqualTo(4000);
    assertThat(shown).contains("从略");
    assertThat(completeTask("county.liunan", id, Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    assertThat(application(id).get("status").asText()).isEqualTo("BUREAU_REVIEW");
  }

  @Test
  void anApplicationTakesALimitedNumberOfFiles() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    for (int i = 0; i < 60; i++) {
      assertThat(upload(ent, id, "p" + i + ".pdf", PDF, "application/pdf", null).getStatusCode().value()).isEqualTo(201);
    }
    var refused = upload(ent, id, "p60.pdf", PDF, "application/pdf", null);
    assertThat(refused.getStatusCode().value()).isEqualTo(413);
    assertThat(refused.getBody().toString()).contains("每件申请最多上传 60 个文件");
  }

  @Test
  void aLongCommentIsKeptInFullAndTheEnterpriseIsStillTold() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    String comment = "请补充展位合同和付款凭证。".repeat(150);
    assertThat(comment.length()).isLessThanOrEqualTo(2000);
    assertThat(completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", comment)).getStatusCode().value())
        .isEqualTo(204);
    JsonNode app = call(ent, HttpMethod.GET, "/api/applications/" + id, null).getBody();
    assertThat(app.get("status").asText()).isEqualTo("RETURNED");
    assertThat(app.get("notifications").toString()).contains("请补充展位合同");
  }

  @Test
  void aRegistryUpdateWithoutTheAccountKeepsItAndEveryAccountChangeIsRecorded() {
    String ent = cleanEnterprise();
    var update = call("admin", HttpMethod.PUT, "/api/enterprises/" + ent, Map.of("name", "改名后的测试企业有限公司",
        "county", "liunan", "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "A",
        "accountingCreditGood", true, "jointPunishmentTarget", false));
    assertThat(update.getStatusCode().value()).isEqualTo(200);
    assertThat(update.getBody().get("bankAccount").asText()).startsWith("71020");
    setAccount(ent, "6222000099998888");
    assertThat(jdbc.queryForList("select bank_account from enterprise_account_change where credit_code = ? order by id",
        String.class, ent)).containsExactly(update.getBody().get("bankAccount").asText(), "6222000099998888");
  }

  @Test
  void financeIsShownTheRegistrysAccountOfTheMomentAndTheJournalNamesThePayee() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    assertThat(completeTask("county.liunan", id, Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    assertThat(completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 70000)).getStatusCode().value())
        .isEqualTo(204);
    fireTimer(id);
    String task = taskFor("finance", id).get("id").asText();
    assertThat(call("finance", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "finance"))
        .getStatusCode().value()).isEqualTo(204);

    assertThat(taskVariable("finance", id, "payeeAccount").replace(" ", "")).startsWith("71020");
    setAccount(ent, "6222000099998888"); // changed while finance has the task open: the open form shows the new one
    assertThat(taskVariable("finance", id, "payeeAccount")).isEqualTo("6222 0000 9999 8888");
    var paid = completeTask("finance", id, Map.of("paymentReference", "CZ-" + id));
    assertThat(paid.getStatusCode().value()).as(String.valueOf(paid.getBody())).isEqualTo(204);
    String trail = call("auditor", HttpMethod.GET, "/api/applications/" + id + "/audit", null).getBody().toString();
    assertThat(trail).contains("6222000099998888");
  }

  @Test
  void aSessionCallWithSomeOtherAuthorizationHeaderStillNeedsTheCsrfToken() {
    var headers = new org.springframework.http.HttpHeaders();
    headers.set("Authorization", "Bearer anything");
    headers.set("Cookie", "JSESSIONID=unknown");
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    var response = rest.exchange("/api/applications", HttpMethod.POST,
        new org.springframework.http.HttpEntity<>("{}", headers), String.class);
    assertThat(response.getStatusCode().value()).isIn(401, 403);
  }

  private void setAccount(String ent, String account) {
    var body = new HashMap<String, Object>(Map.of("name", "改名后的测试企业有限公司", "county", "liunan", "industry", "MACHINERY",
        "aboveDesignatedSize", true, "taxCreditRating", "A", "accountingCreditGood", true, "jointPunishmentTarget", false,
        "bankName", "柳州银行股份有限公司营业部", "bankAccount", account));
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + ent, body).getStatusCode().value()).isEqualTo(200);
  }

  private String taskVariable(String user, String applicationId, String name) {
    String task = taskFor(user, applicationId).get("id").asText();
    JsonNode vars = call(user, HttpMethod.GET, "/engine-rest/task/" + task + "/form-variables", null).getBody();
    return vars.path(name).path("value").asText();
  }
}
