package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The whole flow through the API and Camunda's REST API, as each role works it. */
class ApplicationFlowApiTest extends ApiTestSupport {

  @Autowired BudgetLedger budgets;

  @Test
  void exhibitionApplicationGoesFromFilingToPayment() {
    String ent = cleanEnterprise();
    BigDecimal disbursedBefore = budgets.find("LZ-2026Q2").orElseThrow().disbursed();
    JsonNode app = fileExhibition(ent, 150000);
    String id = app.get("id").asText();
    assertThat(app.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(app.get("proposedAward").decimalValue()).isEqualByComparingTo("70000"); // 75,000 rounded down to whole 万元
    assertThat(app.get("decisionVersionTag").asText()).startsWith("LZ-2026Q2-r");

    assertThat(taskFor("county.yufeng", id)).as("another county does not see the task").isNull();
    assertThat(taskFor("county.liunan", id).get("due").asText()).as("the review is due").isNotBlank().isNotEqualTo("null");
    assertThat(completeTask("county.liunan", id, Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    assertThat(application(id).get("status").asText()).isEqualTo("BUREAU_REVIEW");

    var tooMuch = completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 80000));
    assertThat(tooMuch.getStatusCode().value()).isEqualTo(400);
    assertThat(tooMuch.getBody().get("message").asText()).contains("核定奖励金额不得高于");
    assertThat(completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 60000)).getStatusCode().value())
        .isEqualTo(204);
    app = application(id);
    assertThat(app.get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    assertThat(app.get("approvedAward").decimalValue()).isEqualByComparingTo("60000");
    assertThat(call(ent, HttpMethod.GET, "/api/public-notices", null).getBody().toString()).contains(id);

    fireTimer(id);
    assertThat(application(id).get("status").asText()).isEqualTo("DISBURSEMENT");
    var noReference = completeTask("finance", id, Map.of("paymentReference", " "));
    assertThat(noReference.getStatusCode().value()).isEqualTo(400);
    assertThat(completeTask("finance", id, Map.of("paymentReference", "CZ-" + id)).getStatusCode().value()).isEqualTo(204);

    app = call(ent, HttpMethod.GET, "/api/applications/" + id, null).getBody();
    assertThat(app.get("status").asText()).isEqualTo("DISBURSED");
    assertThat(app.get("disbursedAward").decimalValue()).isEqualByComparingTo("60000");
    assertThat(app.get("notifications").toString()).contains("已拨付", "CZ-" + id);
    assertThat(budgets.find("LZ-2026Q2").orElseThrow().disbursed().subtract(disbursedBefore)).isEqualByComparingTo("60000");

    var audit = call("auditor", HttpMethod.GET, "/api/applications/" + id + "/audit", null);
    assertThat(audit.getStatusCode().value()).isEqualTo(200);
    String trail = audit.getBody().toString();
    assertThat(trail).contains("FILED", "COUNTY_REVIEW", "BUREAU_REVIEW", "FINANCE_DISBURSEMENT", "county.liunan", "bureau", "finance");
    assertThat(trail).contains("\"key\":\"LZ-2026Q2-EXHIBITION\"", "\"key\":\"LZ-2026Q2-GENERAL\"", "\"versionTag\":\"LZ-2026Q2-r");
    assertThat(call(ent, HttpMethod.GET, "/api/applications/" + id + "/audit", null).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void rejectionsAndReturnsNeedAComment() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    var noComment = completeTask("county.liunan", id, Map.of("decision", "REJECT"));
    assertThat(noComment.getStatusCode().value()).isEqualTo(400);
    assertThat(noComment.getBody().get("message").asText()).contains("须填写审核意见");
    assertThat(completeTask("county.liunan", id, Map.of("decision", "REJECT", "comment", "材料不全")).getStatusCode().value())
        .isEqualTo(204);
    JsonNode app = call(ent, HttpMethod.GET, "/api/applications/" + id, null).getBody();
    assertThat(app.get("status").asText()).isEqualTo("REJECTED");
    assertThat(app.get("reasons").get(0).get("zh").asText()).contains("材料不全");
    assertThat(app.get("reasons").get(0).get("en").asText()).contains("county");
  }

  @Test
  void returnedApplicationIsAmendedAndScreenedAgain() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充展位费发票"));
    JsonNode returned = call(ent, HttpMethod.GET, "/api/applications/" + id, null).getBody();
    assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
    assertThat(returned.get("reasons").get(0).get("zh").asText()).contains("请补充展位费发票", "前补正");
    assertThat(returned.get("notifications").toString()).contains("退回意见：请补充展位费发票");
    var amended = call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments",
        Map.of("facts", Map.of("eligibleCost", 180000, "eventDate", "2026-06-01")));
    assertThat(amended.getStatusCode().value()).isEqualTo(200);
    runDueJobs();
    JsonNode app = application(id);
    assertThat(app.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(app.get("proposedAward").decimalValue()).isEqualByComparingTo("90000");
    var again = call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments",
        Map.of("facts", Map.of("eligibleCost", 180000, "eventDate", "2026-06-01")));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("errors").get(0).get("field").asText()).isEqualTo("status");
  }

  @Test
  void returnedApplicationLapsesAfterTheDeadline() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充材料"));
    fireTimer(id);
    assertThat(application(id).get("status").asText()).isEqualTo("LAPSED");
  }

  @Test
  void objectionIsExaminedByTheBureauAndOnlyAnUpheldOneReleasesTheBudget() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    BigDecimal reservedBefore = budgets.find("LZ-2026Q2").orElseThrow().reserved();
    completeTask("bureau", id, Map.of("decision", "APPROVE"));
    BigDecimal reserved = budgets.find("LZ-2026Q2").orElseThrow().reserved();
    assertThat(reserved.subtract(reservedBefore)).isEqualByComparingTo("50000");

    // The objector gets a receipt, not the competitor's application.
    var objection = call("county.yufeng", HttpMethod.POST, "/api/applications/" + id + "/objections",
        Map.of("reason", "该企业展会未实际参展"));
    assertThat(objection.getStatusCode().value()).isEqualTo(201);
    String receipt = objection.getBody().get("receiptNumber").asText();
    assertThat(receipt).startsWith("YY-");
    assertThat(objection.getBody().has("facts")).isFalse();
    assertThat(objection.getBody().has("notifications")).isFalse();
    assertThat(objection.getBody().has("proposedAward")).isFalse();
    // The notice runs on and the award stays reserved while the bureau examines the objection.
    assertThat(application(id).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    assertThat(budgets.find("LZ-2026Q2").orElseThrow().reserved()).isEqualByComparingTo(reserved);
    // Once per person and application; the applicant cannot object to itself.
    assertThat(call("county.yufeng", HttpMethod.POST, "/api/applications/" + id + "/objections",
        Map.of("reason", "再次异议")).getStatusCode().value()).isEqualTo(409);
    assertThat(call(ent, HttpMethod.POST, "/api/applications/" + id + "/objections",
        Map.of("reason", "自己")).getStatusCode().value()).isEqualTo(409);

    // A dismissed objection changes nothing.
    assertThat(completeTask("bureau", receipt, Map.of("objectionDecision", "DISMISS", "comment", "经核实已参展"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(application(id).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    assertThat(budgets.find("LZ-2026Q2").orElseThrow().reserved()).isEqualByComparingTo(reserved);

    // An upheld one releases the reservation and returns the award to bureau review with the objection attached.
    String second = call("county.liubei", HttpMethod.POST, "/api/applications/" + id + "/objections",
        Map.of("reason", "参展费用发票重复")).getBody().get("receiptNumber").asText();
    assertThat(completeTask("bureau", second, Map.of("objectionDecision", "UPHOLD")).getStatusCode().value())
        .as("a finding needs a comment").isEqualTo(400);
    assertThat(completeTask("bureau", second, Map.of("objectionDecision", "UPHOLD", "comment", "发票重复属实"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(application(id).get("status").asText()).isEqualTo("BUREAU_REVIEW");
    assertThat(budgets.find("LZ-2026Q2").orElseThrow().reserved()).isEqualByComparingTo(reservedBefore);
    assertThat(tasks.getVariable(taskFor("bureau", id).get("id").asText(), "objection").toString())
        .contains("发票重复", "异议成立");
    completeTask("bureau", id, Map.of("decision", "REJECT", "comment", "经核实异议成立"));
    assertThat(application(id).get("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void theFilerMayNotReviewTheirOwnFiling() {
    String ent = cleanEnterprise();
    var filed = call("county.liunan", HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
        "creditCode", ent, "facts", Map.of("eligibleCost", 100000, "eventDate", "2026-05-10")));
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    runDueJobs();
    String id = filed.getBody().get("id").asText();
    var ownReview = completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    assertThat(ownReview.getStatusCode().value()).isEqualTo(400);
    assertThat(ownReview.getBody().get("message").asText()).contains("申报人不得审核本人或本企业提交的申请");
  }

  @Test
  void capIsSummedOverTheEnterprisesApplications() {
    String ent = cleanEnterprise();
    JsonNode first = fileExhibition(ent, 150000);
    assertThat(first.get("proposedAward").decimalValue()).isEqualByComparingTo("70000");
    JsonNode second = fileExhibition(ent, 150000);
    assertThat(second.get("proposedAward").decimalValue()).isEqualByComparingTo("30000");
    JsonNode third = fileExhibition(ent, 150000);
    assertThat(third.get("status").asText()).isEqualTo("REJECTED");
    assertThat(third.get("reasons").toString()).contains("已达到本措施奖励上限", first.get("id").asText(), second.get("id").asText());
    // a rejected application no longer counts: the headroom comes back
    completeTask("county.liunan", second.get("id").asText(), Map.of("decision", "REJECT", "comment", "重复申报"));
    assertThat(fileExhibition(ent, 150000).get("proposedAward").decimalValue()).isEqualByComparingTo("30000");
  }

  @Test
  void screeningRejectsBlacklistPoorCreditAndRecentSeriousRecords() {
    String blacklisted = newEnterprise("liunan", "MACHINERY", true, "A", true);
    assertThat(fileExhibition(blacklisted, 100000).get("reasons").toString()).contains("失信联合惩戒对象", "blacklisted");

    String poorTax = newEnterprise("liunan", "MACHINERY", true, "D", false);
    assertThat(fileExhibition(poorTax, 100000).get("reasons").toString()).contains("纳税信用", "tax credit");

    String recentRecord = cleanEnterprise();
    String twoYearsAgo = java.time.LocalDate.now().minusYears(2).toString();
    call("admin", HttpMethod.POST, "/api/enterprises/" + recentRecord + "/credit-records", Map.of("category", "SAFETY",
        "serious", true, "recordedOn", twoYearsAgo, "description", "安全生产事故"));
    assertThat(fileExhibition(recentRecord, 100000).get("status").asText()).isEqualTo("REJECTED");

    String oldRecord = cleanEnterprise();
    call("admin", HttpMethod.POST, "/api/enterprises/" + oldRecord + "/credit-records", Map.of("category", "SAFETY",
        "serious", true, "recordedOn", java.time.LocalDate.now().minusYears(2).minusDays(1).toString(), "description", "旧记录"));
    assertThat(fileExhibition(oldRecord, 100000).get("status").asText()).isEqualTo("COUNTY_REVIEW");

    String small = newEnterprise("liunan", "MACHINERY", false, "C", true);
    JsonNode rejected = fileExhibition(small, 100000);
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.get("reasons")).hasSize(3); // every reason: blacklist, tax credit, size
  }
}
