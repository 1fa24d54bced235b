package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * What the reviewers' forms show, read as Tasklist reads it (the task's form variables, as the
 * reviewer): the calculation trace from the decision's outputs, the registry data with when it was
 * read, earlier rounds, evidence links, per-grade amounts, and finance's payee and amount in words.
 */
class ReviewFormsApiTest extends ApiTestSupport {

  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  JsonNode formVariables(String user, String applicationId) {
    JsonNode task = taskFor(user, applicationId);
    assertThat(task).as("task of " + applicationId + " visible to " + user).isNotNull();
    var response = call(user, HttpMethod.GET, "/engine-rest/task/" + task.get("id").asText() + "/form-variables", null);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
    // The texts as the reviewer reads them, kept as test artifacts (target/review-forms/).
    try {
      java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/review-forms"));
      StringBuilder out = new StringBuilder();
      response.getBody().fields().forEachRemaining(f -> out.append("== ").append(f.getKey()).append('\n')
          .append(f.getValue().path("value").asText()).append("\n\n"));
      java.nio.file.Files.writeString(dir.resolve(task.get("taskDefinitionKey").asText() + "-" + applicationId + ".txt"), out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return response.getBody();
  }

  static String text(JsonNode variables, String name) {
    assertThat(variables.has(name)).as("form variable " + name + " in " + variables.fieldNames()).isTrue();
    return variables.get(name).get("value").asText();
  }

  @Test
  void theCountyReviewShowsTheCalculationTheRegistryDataAndTheEvidence() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    long aid = upload(ent, id, "展位费发票.pdf", PDF, "application/pdf", "发票").getBody().get("id").asLong();
    // The form is prepared when the task opens: return it once so a new county review opens with the file.
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充展位合同"));
    var amended = call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments",
        Map.of("facts", Map.of("eligibleCost", 140000, "eventDate", "2026-05-12")));
    assertThat(amended.getStatusCode().value()).isEqualTo(200);
    runDueJobs();

    JsonNode v = formVariables("county.liunan", id);
    String trace = text(v, "calculationTrace");
    assertThat(trace).contains("LZ-2026Q2-EXHIBITION", "140,000.00 元 × 50% = 70,000.00 元", "四：按其2026年二季度",
        "同一企业最高 100,000.00 元", "剩余额度 100,000.00 元", "按六(一)，以万元为单位向下取整 → 70,000.00 元",
        "⑥ 测算奖励：70,000.00 元");
    assertThat(trace.lines().count()).as("one line per step").isGreaterThanOrEqualTo(6);
    assertThat(text(v, "proposedAward")).isEqualTo("70,000.00 元");
    String registry = text(v, "registryData");
    assertThat(registry).contains("规模以上工业企业（规上）：是", "行业：机械装备", "纳税信用等级：A 级", "会计信用：良好",
        "失信联合惩戒对象（黑名单）：否", "信用记录", "数据读取时间：", "（北京时间）");
    String rounds = text(v, "previousRounds");
    assertThat(rounds).contains("本申请曾被退回并补正", "县区审核", "黄志明（柳南区工业和信息化局）", "退回：请补充展位合同",
        "企业补正", "150,000.00 元 → 140,000.00 元", "参展日期：2026-05-10 → 2026-05-12");
    String evidence = text(v, "evidenceList");
    assertThat(evidence).contains("](/api/applications/" + id + "/attachments/" + aid + ")", "发票 · 展位费发票.pdf",
        "PDF 文档", "北京时间");
    assertThat(text(v, "factsSummary")).contains("140,000.00 元");
    // County reviewers may not open the case files (/cases): their form links to none.
    assertThat(text(v, "caseFileLink")).isEmpty();
  }

  @Test
  void theExpertSeesTheRateAndAmountOfEachGradeAndTheBureauTheExpertsOpinion() {
    String ent = newEnterprise("liudong", "NEW_ENERGY", true, "A", false);
    Map<String, Object> body = new HashMap<>(Map.of("measureCode", "LZ-SEI-PROJECT", "creditCode", ent,
        "facts", Map.of("plantAndEquipmentInvestment", 20000000, "projectType", "NEW_SEI_PROJECT",
        "projectStartDate", "2024-03-01"), "projectId", registerProject(ent)));
    var filed = call(ent, HttpMethod.POST, "/api/applications", body);
    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    runDueJobs();
    String id = filed.getBody().get("id").asText();
    completeTask("county.liudong", id, Map.of("decision", "APPROVE", "comment", "项目已开工"));

    JsonNode expert = formVariables("expert", id);
    assertThat(text(expert, "gradeAmounts")).contains("A 优秀：比例 12%，按决策测算 2,400,000.00 元",
        "B 良好：比例 11%，按决策测算 2,200,000.00 元", "C 合格：比例 10%，按决策测算 2,000,000.00 元");
    assertThat(text(expert, "previousRounds")).contains("县区审核", "通过：项目已开工");

    assertThat(completeTask("expert", id, Map.of("expertRating", "B", "comment", "技术较先进，市场前景良好")).getStatusCode().value())
        .isEqualTo(204);
    JsonNode bureau = formVariables("bureau", id);
    assertThat(text(bureau, "expertOpinion")).contains("专家评审等级：B 级", "刘志强（评审专家）", "评审意见：技术较先进，市场前景良好",
        "A 优秀：比例 12%", "B 良好：比例 11%", "2,200,000.00 元");
    assertThat(text(bureau, "calculationTrace")).contains("③ 比例：决策 LZ-SEI-2018-EXPERT-RATE", "11%",
        "项目厂房、设备实际投资额 20,000,000.00 元 × 比例 11% = 2,200,000.00 元");
    assertThat(text(bureau, "proposedAward")).isEqualTo("2,200,000.00 元");
    assertThat(text(bureau, "awardCapText")).isEqualTo("4,000,000.00 元");
    assertThat(text(bureau, "remainingBudget")).matches("[0-9,]+\\.\\d\\d 元.*");
    assertThat(text(expert, "caseFileLink")).isEmpty();
    assertThat(text(bureau, "caseFileLink")).isEqualTo("[查看本申请案卷 " + id + "](/cases/" + id + ")");
  }

  /**
   * The per-grade amounts are worked out whenever the expert's or the bureau's form is prepared (task created,
   * claimed): that is no decision, so it leaves no decision history. Through the DecisionService each evaluation
   * would be kept 30 years, and one made inside a task listener is even filed under the process instance and the
   * user task, so the case file and Cockpit would list grades A, B and C as decisions the process took.
   */
  @Test
  void preparingTheExpertsAndTheBureausFormsLeavesNoDecisionHistoryOutsideTheProcess() {
    Date before = Date.from(Instant.now().minusSeconds(1));
    String ent = newEnterprise("liudong", "NEW_ENERGY", true, "A", false);
    var filed = call(ent, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-SEI-PROJECT", "creditCode", ent,
        "facts", Map.of("plantAndEquipmentInvestment", 20000000, "projectType", "NEW_SEI_PROJECT",
        "projectStartDate", "2024-03-01"), "projectId", registerProject(ent)));
    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    runDueJobs();
    String id = filed.getBody().get("id").asText();
    completeTask("county.liudong", id, Map.of("decision", "APPROVE", "comment", "项目已开工"));
    JsonNode expertTask = taskFor("expert", id);
    String task = expertTask.get("id").asText();
    String process = expertTask.get("processInstanceId").asText();
    assertThat(call("expert", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "expert"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(text(formVariables("expert", id), "gradeAmounts")).contains("A 优秀：比例 12%", "C 合格：比例 10%");
    assertThat(completeTask("expert", id, Map.of("expertRating", "A", "comment", "技术先进")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(text(formVariables("bureau", id), "expertOpinion")).contains("专家评审等级：A 级", "B 良好：比例 11%");

    var evaluated = history.createHistoricDecisionInstanceQuery().evaluatedAfter(before).list();
    assertThat(evaluated).as("the screening's own evaluations are history of its process")
        .anyMatch(d -> process.equals(d.getProcessInstanceId()));
    assertThat(evaluated).as("decision history without a process instance")
        .noneMatch(d -> d.getProcessInstanceId() == null);
    var model = repository.getBpmnModelInstance(expertTask.get("processDefinitionId").asText());
    assertThat(evaluated.stream().filter(d -> process.equals(d.getProcessInstanceId()))
        .map(HistoricDecisionInstance::getActivityId).distinct())
        .as("the steps the process's decision history is filed under: business rule tasks only, no user task")
        .allSatisfy(step -> assertThat((Object) model.getModelElementById(step)).as(step).isInstanceOf(BusinessRuleTask.class));
  }

  @Test
  void financeSeesThePayeeAccountAndTheAmountInFiguresAndCapitals() {
    String ent = cleanEnterprise();
    var put = call("admin", HttpMethod.PUT, "/api/enterprises/" + ent, Map.of("name", "测试收款企业有限公司", "county", "liunan",
        "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "A", "accountingCreditGood", true,
        "jointPunishmentTarget", false, "bankName", "中国工商银行柳州分行营业部", "bankAccount", "2105 0000 1234 5678 901"));
    assertThat(put.getStatusCode().value()).isEqualTo(200);
    assertThat(put.getBody().get("bankAccount").asText()).isEqualTo("2105000012345678901");
    var badAccount = call("admin", HttpMethod.PUT, "/api/enterprises/" + ent, Map.of("name", "测试收款企业有限公司", "county", "liunan",
        "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "A", "accountingCreditGood", true,
        "jointPunishmentTarget", false, "bankName", "某银行", "bankAccount", "12-34"));
    assertThat(badAccount.getStatusCode().value()).isEqualTo(422);
    assertThat(badAccount.getBody().get("errors").get(0).get("field").asText()).isEqualTo("bankAccount");

    String id = fileExhibition(ent, 150000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 60000));
    fireTimer(id);
    JsonNode v = formVariables("finance", id);
    assertThat(text(v, "payeeName")).isEqualTo("测试收款企业有限公司");
    assertThat(text(v, "payeeBank")).isEqualTo("中国工商银行柳州分行营业部");
    assertThat(text(v, "payeeAccount")).isEqualTo("2105 0000 1234 5678 901");
    assertThat(text(v, "amountInFigures")).isEqualTo("60,000.00 元");
    assertThat(text(v, "amountInCapitals")).isEqualTo("人民币陆万元整");
    assertThat(text(v, "budgetLine")).contains("预算科目 LZ-2026Q2", "已占用");
    assertThat(text(v, "previousRounds")).contains("市局审核", "核定 60,000.00 元");
  }

  @Test
  void displayFieldsCannotBeSubmittedWithACompletion() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    for (String field : new String[] {"calculationTrace", "registryData", "previousRounds", "evidenceList"}) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("decision", "APPROVE");
      vars.put(field, "篡改");
      var refused = completeTask("county.liunan", id, vars);
      assertThat(refused.getStatusCode().value()).as(field).isEqualTo(400);
      assertThat(refused.getBody().get("detail").asText()).contains(field);
    }
  }
}
