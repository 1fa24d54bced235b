package cn.liuzhou.incentives.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.web.PageSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The policy console as an administrator works it: a failing table is dry-run (the failing case, the changed rule),
 * a broken one is located (decision, rule, line), a passing one is deployed with a comment and shows in the history
 * and in the case files; cancelling changes nothing; settings are validated and recorded; worked cases that the
 * active tables fail are listed before they are saved. Only policy administrators get in.
 */
class ConsoleApiTest extends ApiTestSupport {

  static final String CODE = "LZ-2026Q2";

  @Autowired RepositoryService repository;

  private String shipped() throws Exception {
    try (var in = getClass().getResourceAsStream("/dmn/" + CODE + "/" + CODE + ".dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static LinkedMultiValueMap<String, Object> file(String name, String content) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("file", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    return form;
  }

  private static String token(String page) {
    Matcher m = Pattern.compile("name=\"token\" value=\"([0-9a-f-]{36})\"").matcher(page);
    assertThat(m.find()).as(page).isTrue();
    return m.group(1);
  }

  private String activeTag() {
    return call("admin", HttpMethod.GET, "/api/packages/" + CODE, null).getBody().path("activeRevision").path("versionTag").asText();
  }

  @Test
  void onlyPolicyAdministratorsOpenTheConsole() {
    assertThat(PageSession.login(rest, "admin", PASSWORD).get("/console").getBody()).contains("政策管理", CODE, "生效版本");
    assertThat(PageSession.login(rest, "auditor", PASSWORD).get("/console").getStatusCode().value()).isEqualTo(403);
    assertThat(PageSession.login(rest, "bureau", PASSWORD).get("/console/packages/" + CODE).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aFailingTableIsDryRunWithItsFailingCaseAndDiffAndCannotBeDeployed() throws Exception {
    String before = activeTag();
    long deployments = repository.createDeploymentQuery().count();
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    String sixty = shipped().replace("eligibleCost * 0.5", "eligibleCost * 0.6");
    ResponseEntity<String> run = admin.post("/console/packages/" + CODE + "/dry-run", file("LZ-2026Q2.dmn", sixty),
        MediaType.MULTIPART_FORM_DATA);
    assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
    String page = run.getBody();
    assertThat(page).contains("未通过", "示例试算", "预期", "实际", "rule_1_6", "修改", "eligibleCost * 0.6", "eligibleCost * 0.5");
    assertThat(page).doesNotContain("id=\"deploy-form\"");
    // the deploy endpoint refuses the staged failing tables too (the deployment's own checks)
    admin.post("/console/packages/" + CODE + "/deploy", form("token", token(page), "comment", "试图部署"),
        MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(activeTag()).isEqualTo(before);

    // the same through the API, as JSON
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.APPLICATION_XML);
    JsonNode json = rest.exchange("/api/packages/" + CODE + "/deployments/dry-run", HttpMethod.POST,
        new HttpEntity<>(sixty.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class).getBody();
    assertThat(json.get("passes").asBoolean()).isFalse();
    assertThat(json.get("failures").asInt()).isPositive();
    assertThat(json.get("diff").toString()).contains("CHANGED", "rule_1_6");
    assertThat(json.get("cases").toString()).contains("\"passed\":false", "LZ-2026Q2-EXHIBITION/rule_1_6");
  }

  @Test
  void feelAndParseErrorsNameTheDecisionRuleAndLine() throws Exception {
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    String broken = shipped().replace("<inputEntry id=\"ie_1_6_3\"><text>&gt; 0</text>", "<inputEntry id=\"ie_1_6_3\"><text>&gt; &gt; 0</text>");
    int line = lineOf(broken, "ie_1_6_3");
    String page = admin.post("/console/packages/" + CODE + "/dry-run", file("x.dmn", broken), MediaType.MULTIPART_FORM_DATA).getBody();
    assertThat(page).contains("解析和 FEEL 错误", "决策 LZ-2026Q2-EXHIBITION，规则 rule_1_6，第 " + line + " 行", "FEEL 表达式无法解析");

    String notXml = "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" namespace=\"x\" id=\"d\" name=\"d\">\n"
        + "<decision id=\"LZ-2026Q2-X\" name=\"x\">\n</definitions>";
    String parse = admin.post("/console/packages/" + CODE + "/dry-run", file("y.dmn", notXml), MediaType.MULTIPART_FORM_DATA).getBody();
    assertThat(parse).contains("DMN 文件无法解析", "第 3 行");

    // the deployment API gives the FEEL problem once, located, not once per worked case
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.APPLICATION_XML);
    ResponseEntity<JsonNode> refused = rest.exchange("/api/packages/" + CODE + "/deployments", HttpMethod.POST,
        new HttpEntity<>(broken.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().get("errors")).hasSize(1);
    assertThat(refused.getBody().toString()).contains("rule_1_6", "第 " + line + " 行");
  }

  private static int lineOf(String xml, String id) {
    String[] lines = xml.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("id=\"" + id + "\"")) {
        return i + 1;
      }
    }
    throw new AssertionError(id);
  }

  private static LinkedMultiValueMap<String, Object> form(String... pairs) {
    var form = new LinkedMultiValueMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  @Test
  void aPassingTableIsDeployedWithItsCommentOrCancelled() throws Exception {
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    String filedBefore = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    String before = activeTag();

    // cancel: nothing deployed, and the staged upload is gone
    String first = admin.post("/console/packages/" + CODE + "/dry-run", file("LZ-2026Q2.dmn", shipped()), MediaType.MULTIPART_FORM_DATA).getBody();
    assertThat(first).contains("全部", "可以部署", "id=\"deploy-form\"", "规则没有变化");
    String cancelled = token(first);
    assertThat(admin.post("/console/packages/" + CODE + "/cancel", form("token", cancelled), MediaType.APPLICATION_FORM_URLENCODED)
        .getStatusCode().value()).isEqualTo(302);
    assertThat(activeTag()).isEqualTo(before);
    ResponseEntity<String> stale = admin.post("/console/packages/" + CODE + "/deploy", form("token", cancelled, "comment", "x"),
        MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(stale.getStatusCode().value()).isEqualTo(409);

    // deploy with a comment: a new revision, recorded with who and why
    String second = admin.post("/console/packages/" + CODE + "/dry-run", file("LZ-2026Q2.dmn", shipped()), MediaType.MULTIPART_FORM_DATA).getBody();
    ResponseEntity<String> deployed = admin.post("/console/packages/" + CODE + "/deploy",
        form("token", token(second), "comment", "按市局2026年第5号通知重新部署"), MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(deployed.getStatusCode().value()).isEqualTo(302);
    String after = activeTag();
    assertThat(after).isNotEqualTo(before).startsWith(CODE + "-r");
    String pkgPage = admin.get("/console/packages/" + CODE).getBody();
    assertThat(pkgPage).contains(after, "按市局2026年第5号通知重新部署", "周立新（系统管理员）");

    // the case file of an application filed before shows the redeployment as later, and keeps its own version
    String caseFile = admin.get("/cases/" + filedBefore).getBody();
    assertThat(caseFile).contains("按市局2026年第5号通知重新部署", after, "申报后", "适用本案", before);
    String filedAfter = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    assertThat(application(filedAfter).get("decisionVersionTag").asText()).isEqualTo(after);
    assertThat(application(filedBefore).get("decisionVersionTag").asText()).isEqualTo(before);
  }

  @Test
  void settingsAreValidatedAndEveryChangeIsRecorded() {
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    ResponseEntity<String> bad = admin.post("/console/packages/GX-2025Q2/settings", form("publicNoticePeriod", "five days"),
        MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(bad.getStatusCode().value()).isEqualTo(302);
    assertThat(admin.get("/console/packages/GX-2025Q2").getBody()).contains("公示期须为 ISO-8601 时长");
    admin.post("/console/packages/GX-2025Q2/settings", form("publicNoticePeriod", "P7D"), MediaType.APPLICATION_FORM_URLENCODED);
    String page = admin.get("/console/packages/GX-2025Q2").getBody();
    assertThat(page).contains("已保存，变更已记录", "publicNoticePeriod", "P7D");
    admin.post("/console/packages/GX-2025Q2/settings", form("budget", "30000000"), MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(call("admin", HttpMethod.GET, "/api/packages/GX-2025Q2", null).getBody().path("budget").path("total").decimalValue())
        .isEqualByComparingTo("30000000");
    assertThat(admin.get("/console/packages/GX-2025Q2").getBody()).contains("30000000");
    admin.post("/console/packages/GX-2025Q2/settings", form("publicNoticePeriod", ""), MediaType.APPLICATION_FORM_URLENCODED);
  }

  @Test
  void workedCasesThatTheActiveTablesFailAreListedBeforeTheyAreSaved() throws Exception {
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    String examples = """
        [{"name": "新季度：展位费10万元按60%为6万元", "measure": "LZ-2026Q2-EXHIBITION",
          "enterprise": {"aboveDesignatedSize": true, "industry": "MACHINERY"},
          "facts": {"eligibleCost": 100000, "eventDate": "2026-05-10"}, "expect": {"eligible": true, "award": 60000}}]""";
    String page = admin.post("/console/packages/" + CODE + "/examples", file("examples.json", examples), MediaType.MULTIPART_FORM_DATA).getBody();
    assertThat(page).contains("尚未保存", "新季度：展位费10万元按60%为6万元", "未通过", "符合，奖励 50000 元");
    assertThat(call("admin", HttpMethod.GET, "/api/packages/" + CODE + "/examples", null).getBody().toString()).doesNotContain("新季度");
    // cancelled by leaving the page: nothing saved. Cases the tables pass are saved at once.
    String shippedExamples;
    try (var in = getClass().getResourceAsStream("/dmn/" + CODE + "/examples.json")) {
      shippedExamples = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    ResponseEntity<String> saved = admin.post("/console/packages/" + CODE + "/examples", file("examples.json", shippedExamples),
        MediaType.MULTIPART_FORM_DATA);
    assertThat(saved.getStatusCode().value()).isEqualTo(302);
    assertThat(admin.get("/console/packages/" + CODE).getBody()).contains("示例已替换");
  }
}
