package cn.liuzhou.incentives.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/** The portal's API: matching, estimates, drafts, inbox, timeline, partial amendments, public objections. */
class PortalApiTest extends ApiTestSupport {

  private static JsonNode measure(JsonNode list, String code) {
    return StreamSupport.stream(list.spliterator(), false).filter(m -> code.equals(m.get("code").asText())).findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + list));
  }

  @Test
  void aCleanEnterpriseMayApplyForTheExhibitionMeasureAndTheRegistryProvesItsConditions() {
    String ent = cleanEnterprise();
    var response = call(ent, HttpMethod.GET, "/api/enterprises/" + ent + "/eligible-measures", null);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    JsonNode exhibition = measure(response.getBody(), "LZ-2026Q2-EXHIBITION");
    assertThat(exhibition.get("canApply").asBoolean()).as(exhibition.toString()).isTrue();
    assertThat(exhibition.get("reasons")).isEmpty();
    assertThat(exhibition.get("provenByRegistry").toString()).contains("规上企业", "纳税信用等级");
    assertThat(exhibition.get("paysZh").toString()).contains("50%");
    assertThat(exhibition.get("facts").toString()).contains("eligibleCost", "eventDate");
    assertThat(exhibition.get("documents").toString()).contains("INVOICE");
  }

  @Test
  void measuresAnEnterpriseCannotApplyForNameTheReasonsTheTablesGive() {
    String taxC = newEnterprise("liubei", "BUILDING_MATERIALS", true, "C", false);
    JsonNode exhibition = measure(call(taxC, HttpMethod.GET, "/api/enterprises/" + taxC + "/eligible-measures", null)
        .getBody(), "LZ-2026Q2-EXHIBITION");
    assertThat(exhibition.get("canApply").asBoolean()).isFalse();
    assertThat(exhibition.get("reasons").toString()).contains("纳税信用等级为C级或D级").doesNotContain("未申报必填事实");

    String small = newEnterprise("liucheng", "PAPER", false, "A", false);
    JsonNode forSmall = measure(call(small, HttpMethod.GET, "/api/enterprises/" + small + "/eligible-measures", null)
        .getBody(), "LZ-2026Q2-EXHIBITION");
    assertThat(forSmall.get("canApply").asBoolean()).isFalse();
    assertThat(forSmall.get("reasons").toString()).contains("不是规模以上工业企业");

    String blacklisted = newEnterprise("liujiang", "PETROCHEMICAL", true, "A", true);
    assertThat(measure(call(blacklisted, HttpMethod.GET, "/api/enterprises/" + blacklisted + "/eligible-measures", null)
        .getBody(), "LZ-2026Q2-EXHIBITION").get("reasons").toString()).contains("失信联合惩戒对象");
  }

  @Test
  void aClosedWindowIsAReason() {
    String ent = cleanEnterprise();
    JsonNode before = call("admin", HttpMethod.GET, "/api/packages/LZ-2026Q2", null).getBody();
    try {
      assertThat(call("admin", HttpMethod.PUT, "/api/packages/LZ-2026Q2/settings",
          Map.of("applicationOpens", "2026-04-01", "applicationCloses", "2026-07-15")).getStatusCode().value()).isEqualTo(200);
      JsonNode exhibition = measure(call(ent, HttpMethod.GET, "/api/enterprises/" + ent + "/eligible-measures", null)
          .getBody(), "LZ-2026Q2-EXHIBITION");
      assertThat(exhibition.get("canApply").asBoolean()).isFalse();
      assertThat(exhibition.get("reasons").toString()).contains("申报期已截止");
    } finally {
      call("admin", HttpMethod.PUT, "/api/packages/LZ-2026Q2/settings", Map.of("applicationOpens",
          before.get("applicationOpens").asText(), "applicationCloses", before.get("applicationCloses").asText()));
    }
  }

  @Test
  void anotherEnterpriseMayNotSeeTheMatching() {
    String ent = cleanEnterprise();
    String other = cleanEnterprise();
    assertThat(call(other, HttpMethod.GET, "/api/enterprises/" + ent + "/eligible-measures", null).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call("county.liunan", HttpMethod.GET, "/api/enterprises/" + ent + "/eligible-measures", null)
        .getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void theEstimateIsTheScreeningsAwardWithCapAndRounding() {
    String ent = cleanEnterprise();
    var estimate = call(ent, HttpMethod.POST, "/api/measures/LZ-2026Q2-EXHIBITION/estimate", Map.of("creditCode", ent,
        "facts", Map.of("eligibleCost", 150000, "eventDate", "2026-05-10")));
    assertThat(estimate.getStatusCode().value()).isEqualTo(200);
    assertThat(estimate.getBody().get("estimate").asBoolean()).isTrue();
    assertThat(estimate.getBody().get("eligible").asBoolean()).isTrue();
    assertThat(estimate.getBody().get("estimatedAward").decimalValue()).isEqualByComparingTo("70000");
    assertThat(estimate.getBody().get("noteZh").asText()).contains("预估");

    // Capped at the measure's 100,000 and nothing is filed.
    var capped = call(ent, HttpMethod.POST, "/api/measures/LZ-2026Q2-EXHIBITION/estimate", Map.of("creditCode", ent,
        "facts", Map.of("eligibleCost", 500000, "eventDate", "2026-05-10")));
    assertThat(capped.getBody().get("estimatedAward").decimalValue()).isEqualByComparingTo("100000");
    assertThat(call(ent, HttpMethod.GET, "/api/applications", null).getBody()).isEmpty();

    // Counted against what the enterprise already has under the same cap.
    fileExhibition(ent, 150000);
    var after = call(ent, HttpMethod.POST, "/api/measures/LZ-2026Q2-EXHIBITION/estimate", Map.of("creditCode", ent,
        "facts", Map.of("eligibleCost", 150000, "eventDate", "2026-05-10")));
    assertThat(after.getBody().get("alreadyCounted").decimalValue()).isEqualByComparingTo("70000");
    assertThat(after.getBody().get("estimatedAward").decimalValue()).isEqualByComparingTo("30000");

    var outside = call(ent, HttpMethod.POST, "/api/measures/LZ-2026Q2-EXHIBITION/estimate", Map.of("creditCode", ent,
        "facts", Map.of("eligibleCost", 150000, "eventDate", "2026-08-10")));
    assertThat(outside.getBody().get("eligible").asBoolean()).isFalse();
    assertThat(outside.getBody().get("reasons").toString()).contains("不在2026年二季度");
  }

  @Test
  void anEstimateWithWrongFactsNamesTheFieldsAndOnlyTheApplicantMayAsk() {
    String ent = cleanEnterprise();
    var bad = call(ent, HttpMethod.POST, "/api/measures/LZ-2026Q2-EXHIBITION/estimate", Map.of("creditCode", ent,
        "facts", Map.of("eligibleCost", -5, "eventDate", "2026-05-10")));
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().get("errors").get(0).get("field").asText()).isEqualTo("facts.eligibleCost");
    assertThat(bad.getBody().get("errors").get(0).get("zh").asText()).contains("不能为负数");
    String other = cleanEnterprise();
    assertThat(call(other, HttpMethod.POST, "/api/measures/LZ-2026Q2-EXHIBITION/estimate", Map.of("creditCode", ent,
        "facts", Map.of("eligibleCost", 1000, "eventDate", "2026-05-10"))).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void aDraftIsSavedReadAndDeleted() {
    String ent = cleanEnterprise();
    var saved = call(ent, HttpMethod.PUT, "/api/drafts/LZ-2026Q2-EXHIBITION", Map.of("facts", Map.of("eligibleCost", 88000)));
    assertThat(saved.getStatusCode().value()).isEqualTo(200);
    JsonNode read = call(ent, HttpMethod.GET, "/api/drafts/LZ-2026Q2-EXHIBITION", null).getBody();
    assertThat(read.get("facts").get("eligibleCost").decimalValue()).isEqualByComparingTo("88000");
    assertThat(call(ent, HttpMethod.PUT, "/api/drafts/LZ-2026Q2-EXHIBITION", Map.of("facts", Map.of("bogus", 1)))
        .getStatusCode().value()).isEqualTo(422);
    assertThat(call(ent, HttpMethod.DELETE, "/api/drafts/LZ-2026Q2-EXHIBITION", null).getStatusCode().value()).isEqualTo(204);
    assertThat(call(ent, HttpMethod.GET, "/api/drafts/LZ-2026Q2-EXHIBITION", null).getStatusCode().value()).isEqualTo(404);
    assertThat(call("county.liunan", HttpMethod.GET, "/api/drafts", null).getStatusCode().value()).isEqualTo(403);
  }

  @Test
  void anAmendmentChangesOnlyTheFactsSentAndAnswersTheNewStatus() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    assertThat(application(id).get("proposedAward").decimalValue()).isEqualByComparingTo("50000");
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "展位费以发票为准"));

    var amended = call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments",
        Map.of("facts", Map.of("eligibleCost", 120000)));
    assertThat(amended.getStatusCode().value()).as(String.valueOf(amended.getBody())).isEqualTo(200);
    assertThat(amended.getBody().get("status").asText()).isEqualTo("SCREENING");
    assertThat(amended.getBody().has("proposedAward")).as("the earlier award no longer stands").isFalse();
    assertThat(amended.getBody().get("facts").get("eventDate").asText()).isEqualTo("2026-05-10");
    assertThat(amended.getBody().get("facts").get("eligibleCost").decimalValue()).isEqualByComparingTo("120000");
    runDueJobs();
    JsonNode app = application(id);
    assertThat(app.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(app.get("proposedAward").decimalValue()).isEqualByComparingTo("60000");
  }

  @Test
  void aPartialAmendmentIsCheckedAgainstTheMergedFacts() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请核对日期"));
    // A fact sent as null is withdrawn: the date is required, so the merged facts are refused, naming it.
    var refused = call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments", "{\"facts\": {\"eventDate\": null}}");
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("facts.eventDate");
    var unknown = call(ent, HttpMethod.POST, "/api/applications/" + id + "/amendments", Map.of("facts", Map.of("bogus", 1)));
    assertThat(unknown.getStatusCode().value()).isEqualTo(422);
    assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("facts.bogus");
    assertThat(application(id).get("status").asText()).isEqualTo("RETURNED");
  }

  @Test
  void theTimelineAndInboxFollowTheApplicationToPayment() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 65000, "comment", "按发票金额核减"));
    JsonNode onNotice = call(ent, HttpMethod.GET, "/api/applications/" + id + "/timeline", null).getBody();
    assertThat(onNotice.get("status").asText()).isEqualTo("PUBLIC_NOTICE");
    assertThat(onNotice.get("deadlineBeijing").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    assertThat(onNotice.get("calculation").get("changeZh").asText()).contains("60000", "70000", "按发票金额核减");

    var objection = callFrom("10.9.0.1", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections",
        Map.of("name", "张三", "phone", "13800138000", "reason", "该企业未实际参展"));
    assertThat(objection.getStatusCode().value()).isEqualTo(201);
    String receipt = objection.getBody().get("receiptNumber").asText();
    completeObjection(receipt, "DISMISS", "经核查，企业已提供参展证明");

    fireTimer(id);
    completeTask("finance", id, Map.of("paymentReference", "CZ-PORTAL-" + id));
    runDueJobs();
    JsonNode paid = call(ent, HttpMethod.GET, "/api/applications/" + id + "/timeline", null).getBody();
    assertThat(paid.get("paymentReference").asText()).isEqualTo("CZ-PORTAL-" + id);
    assertThat(paid.get("paidAtBeijing").asText()).isNotBlank();
    assertThat(paid.get("objections").get(0).get("statusZh").asText()).isEqualTo("异议不成立");
    assertThat(paid.get("objections").get(0).get("findingZh").asText()).contains("参展证明");
    assertThat(paid.toString()).doesNotContain("张三", "13800138000", "未实际参展", "county.liunan", "bureau\"");
    assertThat(paid.get("steps").toString()).contains("县区审核：通过", "市局审核：通过", "进入公示", "财政拨付");
    assertThat(paid.get("stages").toString()).doesNotContain("CURRENT");

    JsonNode inbox = call(ent, HttpMethod.GET, "/api/notifications", null).getBody();
    assertThat(inbox.get("unread").asInt()).isGreaterThan(0);
    assertThat(inbox.get("notifications").get(0).get("zh").asText()).contains("已拨付");
    JsonNode read = call(ent, HttpMethod.POST, "/api/notifications/read", Map.of()).getBody();
    assertThat(read.get("unread").asInt()).isZero();
    assertThat(call(cleanEnterprise(), HttpMethod.GET, "/api/applications/" + id + "/timeline", null).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void thePublicObjectsOnlyToAwardsOnNoticeOncePerContactAndAtALimitedRate() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    Map<String, Object> body = Map.of("name", "李四", "phone", "13900139000", "reason", "金额有误");
    // Not on notice yet: the same 404 as an unknown number.
    var early = callFrom("10.9.1.1", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections", body);
    assertThat(early.getStatusCode().value()).isEqualTo(404);
    var unknown = callFrom("10.9.1.1", null, null, HttpMethod.POST, "/api/public/notices/SQ-00000000-NOTREAL/objections", body);
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody().get("detail").asText()).isEqualTo(early.getBody().get("detail").asText());

    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    completeTask("bureau", id, Map.of("decision", "APPROVE"));
    JsonNode notices = callFrom("10.9.1.2", null, null, HttpMethod.GET, "/api/public/notices", null).getBody();
    JsonNode mine = StreamSupport.stream(notices.spliterator(), false).filter(n -> id.equals(n.get("id").asText())).findFirst()
        .orElseThrow();
    assertThat(mine.get("noticeEndBeijing").asText()).isNotBlank();
    assertThat(mine.has("creditCode")).isFalse();

    var bad = callFrom("10.9.1.3", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections",
        Map.of("name", "", "phone", "12345", "reason", "x"));
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().toString()).contains("\"field\":\"name\"", "\"field\":\"phone\"", "联系电话");

    assertThat(callFrom("10.9.1.4", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections", body)
        .getStatusCode().value()).isEqualTo(201);
    var twice = callFrom("10.9.1.5", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections",
        Map.of("name", "李四", "phone", "139-0013-9000", "reason", "再次"));
    assertThat(twice.getStatusCode().value()).isEqualTo(409);

    for (int i = 0; i < 5; i++) {
      callFrom("10.9.1.6", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections",
          Map.of("name", "王五", "phone", "1370013700" + i, "reason", "异议" + i));
    }
    var limited = callFrom("10.9.1.6", null, null, HttpMethod.POST, "/api/public/notices/" + id + "/objections",
        Map.of("name", "王五", "phone", "13600136000", "reason", "异议"));
    assertThat(limited.getStatusCode().value()).isEqualTo(429);
  }

  /** The bureau decides the objection's task through the engine REST API, as in Tasklist. */
  private void completeObjection(String receipt, String decision, String comment) {
    var list = call("bureau", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + receipt, null).getBody();
    String taskId = list.get(0).get("id").asText();
    call("bureau", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "bureau"));
    var done = call("bureau", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
        Map.of("objectionDecision", Map.of("value", decision), "comment", Map.of("value", comment))));
    assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
    runDueJobs();
  }
}
