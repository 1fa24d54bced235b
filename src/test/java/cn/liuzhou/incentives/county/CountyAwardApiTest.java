package cn.liuzhou.incentives.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The LZ-2026Q2 county ranking award end to end, as the bureau and finance work it: the run through
 * /api/county-awards, the tasks through /engine-rest as Tasklist completes them.
 */
class CountyAwardApiTest extends ApiTestSupport {

  static final String MEASURE = "LZ-2026Q2-COUNTY-RANKING";
  static final String PACKAGE = "LZ-2026Q2";

  @Autowired BudgetLedger budgets;
  @Autowired JdbcTemplate jdbc;

  @Test
  void onlyTheBureauStartsRunsOfCountyMeasures() {
    for (String user : List.of("finance", "county.liunan", "expert")) {
      var forbidden = call(user, HttpMethod.POST, "/api/county-awards", Map.of("measureCode", MEASURE, "period", "2026Q2"));
      assertThat(forbidden.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(forbidden.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
      assertThat(forbidden.getBody().get("detail").asText()).contains("市工业和信息化局");
    }
    assertInvalid(Map.of("measureCode", "LZ-2026Q2-NO-SUCH", "period", "2026Q2"), "measureCode", "未知的措施代码");
    assertInvalid(Map.of("measureCode", "LZ-2026Q2-EXHIBITION", "period", "2026Q2"), "measureCode", "不是县区评比奖励");
    assertInvalid(Map.of("period", "2026Q2"), "measureCode", "缺少措施代码");
    assertInvalid(Map.of("measureCode", MEASURE, "period", "2026-Q2"), "period", "季度");
    assertInvalid(Map.of("measureCode", MEASURE, "period", "2025Q1"), "period", "适用期");

    assertThat(call("county.liunan", HttpMethod.GET, "/api/county-awards/XQ-NONE", null).getStatusCode().value()).isEqualTo(403);
    assertThat(call("bureau", HttpMethod.GET, "/api/county-awards/XQ-NONE", null).getStatusCode().value()).isEqualTo(404);
    assertThat(call(null, HttpMethod.GET, "/api/county-awards", null).getStatusCode().value()).isEqualTo(401);
  }

  void assertInvalid(Map<String, Object> body, String field, String detail) {
    var response = call("bureau", HttpMethod.POST, "/api/county-awards", body);
    assertThat(response.getStatusCode().value()).as(body.toString()).isEqualTo(422);
    assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(response.getBody().get("detail").asText()).contains(detail);
    assertThat(response.getBody().get("detailEn").asText()).isNotBlank();
  }

  /** Scores with ties on the composite score (decided by output score) and on both (decided by county order). */
  static Map<String, Object> scores() {
    Map<String, Object> s = new LinkedHashMap<>();
    put(s, "liunan", 95, 80);       // 1
    put(s, "liudong", 92.5, 85);    // 2: ties yufeng on the composite score, higher output score
    put(s, "yufeng", 92.5, 80);     // 3
    put(s, "chengzhong", 90, 70);   // 4: ties liujiang on both scores, earlier in the county order
    put(s, "liujiang", 90, 70);     // 5
    put(s, "beibu", 90, 69.5);      // 6: same composite score as the fifth, lower output score: no award
    put(s, "liucheng", 70, 60);     // 7
    put(s, "luzhai", 65, 60);       // 8
    put(s, "liubei", 60, 60);       // 9
    put(s, "rongshui", 58, 60);     // 10
    put(s, "rongan", 55, 60);       // 11
    put(s, "sanjiang", 40, 60);     // 12
    return s;
  }

  static void put(Map<String, Object> s, String county, Number composite, Number output) {
    s.put("score_" + county, composite);
    s.put("outputScore_" + county, output);
  }

  @Test
  void rankingRunGoesFromScoresThroughApprovalToPayment() {
    BudgetLedger.Budget before = budgets.find(PACKAGE).orElseThrow();

    var started = call("bureau", HttpMethod.POST, "/api/county-awards", Map.of("measureCode", MEASURE, "period", "2026Q2"));
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
    String id = started.getBody().get("id").asText();
    assertThat(started.getHeaders().getLocation().getPath()).isEqualTo("/api/county-awards/" + id);
    assertThat(started.getBody().get("status").asText()).isEqualTo("SCORING");
    assertThat(started.getBody().get("decisionVersionTag").asText()).startsWith("LZ-2026Q2-r");

    var again = call("bureau", HttpMethod.POST, "/api/county-awards", Map.of("measureCode", MEASURE, "period", "2026Q2"));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("detail").asText()).contains(id);

    // score entry: the bureau's task, refused until all 24 scores are numbers from 0 to 100
    assertThat(taskFor("finance", id)).as("finance does not see the score entry").isNull();
    assertThat(taskFor("bureau", id).get("taskDefinitionKey").asText()).isEqualTo("enterCountyScores");
    Map<String, Object> bad = new HashMap<>(scores());
    bad.remove("score_liunan");
    bad.put("outputScore_beibu", 100.5);
    var refused = completeTask("bureau", id, bad);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getBody().get("detail").asText()).contains("柳南区综合评分", "阳和工业新区（北部生态新区）产值目标完成得分");
    assertThat(refused.getBody().get("detailEn").asText()).contains("score_liunan", "outputScore_beibu");
    assertThat(completeTask("bureau", id, scores()).getStatusCode().value()).isEqualTo(204);

    JsonNode run = get(id);
    assertThat(run.get("status").asText()).isEqualTo("APPROVAL");
    assertRanking(run);

    // four eyes: whoever entered the scores does not approve; nobody outside the bureau does
    var sameHands = completeTask("bureau", id, Map.of("decision", "APPROVE"));
    assertThat(sameHands.getStatusCode().value()).isEqualTo(400);
    assertThat(sameHands.getBody().get("detail").asText()).contains("录入评分的人员不得审批");
    assertThat(completeTask("admin", id, Map.of("decision", "APPROVE")).getStatusCode().value()).isIn(400, 403);
    // the administrator's claim above holds the task; another claim is told so (409), never a 500
    assertThat(call("bureau.head", HttpMethod.POST, "/engine-rest/task/" + taskFor("bureau.head", id).get("id").asText() + "/claim",
        Map.of("userId", "bureau.head")).getStatusCode().value()).isEqualTo(409);
    // a return needs a comment and goes back to score entry
    assertThat(completeTask("bureau.head", id, Map.of("decision", "RETURN")).getStatusCode().value()).isEqualTo(400);
    assertThat(completeTask("bureau.head", id, Map.of("decision", "RETURN", "comment", "请核对柳东新区得分")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(get(id).get("status").asText()).isEqualTo("SCORING");
    assertThat(taskFor("bureau", id).get("taskDefinitionKey").asText()).isEqualTo("enterCountyScores");
    assertThat(completeTask("bureau", id, scores()).getStatusCode().value()).isEqualTo(204);
    assertRanking(get(id));

    // approval: refused while the budget cannot cover 20,000,000, then reserved
    BudgetLedger.Budget now = budgets.find(PACKAGE).orElseThrow();
    assertThat(budgets.setTotal(PACKAGE, now.reserved().add(now.disbursed()).add(new BigDecimal("19999999.99")))).isTrue();
    var noBudget = completeTask("bureau.head", id, Map.of("decision", "APPROVE"));
    assertThat(noBudget.getStatusCode().value()).isEqualTo(400);
    assertThat(noBudget.getBody().get("detail").asText()).contains("预算余额不足", "20,000,000.00");
    assertThat(taskFor("bureau", id).get("taskDefinitionKey").asText()).isEqualTo("approveCountyAwards");
    BigDecimal restoredTotal = (before.total() == null ? BigDecimal.ZERO : before.total()).add(new BigDecimal("20000000"));
    assertThat(budgets.setTotal(PACKAGE, restoredTotal)).isTrue();
    // an amount sent for a county the table rewards is ignored: the table decides
    assertThat(completeTask("bureau.head", id, Map.of("decision", "APPROVE", "award_liunan", 1)).getStatusCode().value()).isEqualTo(204);

    run = get(id);
    assertThat(run.get("status").asText()).isEqualTo("DISBURSEMENT");
    assertThat(run.get("approvedBy").asText()).isEqualTo("bureau.head");
    assertThat(run.get("reservedTotal").decimalValue()).isEqualByComparingTo("20000000");
    assertThat(award(run, "liunan", "approvedAward")).isEqualByComparingTo("8000000");
    assertThat(award(run, "beibu", "approvedAward")).isEqualByComparingTo("0");
    BudgetLedger.Budget reserved = budgets.find(PACKAGE).orElseThrow();
    assertThat(reserved.reserved().subtract(before.reserved())).isEqualByComparingTo("20000000");

    // disbursement: one finance task per rewarded county
    assertThat(taskFor("bureau", id)).as("the bureau does not see the payments").isNull();
    Map<String, String> taskOfCounty = financeTasks(id);
    assertThat(taskOfCounty).containsOnlyKeys("liunan", "liudong", "yufeng", "chengzhong", "liujiang");
    // Finance's form shows the amount in figures and in capitals.
    var form = call("finance", HttpMethod.GET, "/engine-rest/task/" + taskOfCounty.get("liunan") + "/form-variables", null).getBody();
    assertThat(form.get("amountInFigures").get("value").asText()).isEqualTo("8,000,000.00 元");
    assertThat(form.get("amountInCapitals").get("value").asText()).isEqualTo("人民币捌佰万元整");
    assertThat(complete("finance", taskOfCounty.get("liunan"), Map.of("paymentReference", " ")).getStatusCode().value())
        .isEqualTo(400);
    assertThat(complete("finance", taskOfCounty.get("liunan"), Map.of("paymentReference", "CZ-" + id + "-1")).getStatusCode().value())
        .isEqualTo(204);
    var reused = complete("finance", taskOfCounty.get("liudong"), Map.of("paymentReference", "CZ-" + id + "-1"));
    assertThat(reused.getStatusCode().value()).as("a payment reference is used once").isEqualTo(400);
    assertThat(reused.getBody().get("detail").asText()).contains("支付凭证号已被使用");
    assertThat(get(id).get("disbursedTotal").decimalValue()).isEqualByComparingTo("8000000");
    int n = 2;
    for (String county : List.of("liudong", "yufeng", "chengzhong", "liujiang")) {
      assertThat(complete("finance", taskOfCounty.get(county), Map.of("paymentReference", "CZ-" + id + "-" + n++))
          .getStatusCode().value()).isEqualTo(204);
    }

    run = get(id);
    assertThat(run.get("status").asText()).isEqualTo("DONE");
    assertThat(run.get("disbursedTotal").decimalValue()).isEqualByComparingTo("20000000");
    JsonNode liujiang = county(run, "liujiang");
    assertThat(liujiang.get("payment").get("amount").decimalValue()).isEqualByComparingTo("1500000");
    assertThat(liujiang.get("payment").get("paymentReference").asText()).isEqualTo("CZ-" + id + "-5");
    assertThat(liujiang.get("payment").get("paidBy").asText()).isEqualTo("finance");
    assertThat(county(run, "beibu").get("payment")).isNull();
    BudgetLedger.Budget after = budgets.find(PACKAGE).orElseThrow();
    assertThat(after.reserved()).isEqualByComparingTo(before.reserved());
    assertThat(after.disbursed().subtract(before.disbursed())).isEqualByComparingTo("20000000");
    assertThat(taskFor("finance", id)).isNull();

    // the database refuses a second payment of a county for the measure and period
    assertThatThrownBy(() -> jdbc.update("""
        insert into county_award_payment (measure_code, award_period, county, run_id, amount, payment_reference, paid_at)
        values (?, '2026Q2', 'liunan', ?, 1, ?, ?)""", MEASURE, id, "CZ-DUP-" + id, Timestamp.from(Instant.now())))
        .isInstanceOf(DuplicateKeyException.class);
    // every rank's award was looked up in the decision table (twice: the run was returned once), linked to the process
    var decisions = call("admin", HttpMethod.GET, "/engine-rest/history/decision-instance?decisionDefinitionKey=" + MEASURE
        + "&processInstanceId=" + processInstance(id), null);
    assertThat(decisions.getBody().size()).isEqualTo(24);
    assertThat(call("auditor", HttpMethod.GET, "/api/county-awards/" + id, null).getStatusCode().value()).isEqualTo(200);
    assertThat(call("finance", HttpMethod.GET, "/api/county-awards", null).getBody().toString()).contains(id);
  }

  static void assertRanking(JsonNode run) {
    JsonNode counties = run.get("counties");
    assertThat(counties).hasSize(12);
    List<String> order = new java.util.ArrayList<>();
    counties.forEach(c -> order.add(c.get("county").asText()));
    assertThat(order).containsExactly("liunan", "liudong", "yufeng", "chengzhong", "liujiang", "beibu", "liucheng", "luzhai",
        "liubei", "rongshui", "rongan", "sanjiang");
    assertThat(award(run, "liunan", "tableAward")).isEqualByComparingTo("8000000");
    assertThat(award(run, "liudong", "tableAward")).isEqualByComparingTo("5000000");
    assertThat(award(run, "yufeng", "tableAward")).isEqualByComparingTo("3500000");
    assertThat(award(run, "chengzhong", "tableAward")).isEqualByComparingTo("2000000");
    assertThat(award(run, "liujiang", "tableAward")).isEqualByComparingTo("1500000");
    for (String other : List.of("beibu", "liucheng", "luzhai", "liubei", "rongshui", "rongan", "sanjiang")) {
      assertThat(award(run, other, "tableAward")).as(other).isEqualByComparingTo("0");
    }
    assertThat(county(run, "yufeng").get("tieBreak").asText()).isEqualTo("OUTPUT_SCORE");
    assertThat(county(run, "liujiang").get("tieBreak").asText()).isEqualTo("COUNTY_ORDER");
    assertThat(county(run, "beibu").get("tieBreak").asText()).isEqualTo("OUTPUT_SCORE");
    assertThat(county(run, "liunan").get("rank").asInt()).isEqualTo(1);
    assertThat(county(run, "sanjiang").get("rank").asInt()).isEqualTo(12);
  }

  static JsonNode county(JsonNode run, String code) {
    for (JsonNode c : run.get("counties")) {
      if (c.get("county").asText().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no county " + code + " in " + run);
  }

  static BigDecimal award(JsonNode run, String code, String field) {
    return county(run, code).get(field).decimalValue();
  }

  JsonNode get(String id) {
    var response = call("bureau", HttpMethod.GET, "/api/county-awards/" + id, null);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  String processInstance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count() > 0
        ? runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId()
        : jdbc.queryForObject("select process_instance_id from county_award_run where id = ?", String.class, id);
  }

  /** The open payment tasks of the run as finance sees them, by county. */
  Map<String, String> financeTasks(String id) {
    var response = call("finance", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + id, null);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    Map<String, String> byCounty = new HashMap<>();
    for (JsonNode t : response.getBody()) {
      assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("disburseCountyAward");
      String taskId = t.get("id").asText();
      var county = call("finance", HttpMethod.GET, "/engine-rest/task/" + taskId + "/form-variables", null);
      assertThat(county.getStatusCode().value()).isEqualTo(200);
      assertThat(county.getBody().get("approvedAward").get("value").asDouble()).isPositive();
      assertThat(t.get("description").asText()).contains(county.getBody().get("countyName").get("value").asText());
      byCounty.put(county.getBody().get("county").get("value").asText(), taskId);
    }
    return byCounty;
  }

  /** Claims and completes one task through the engine REST API, as Tasklist does. */
  ResponseEntity<JsonNode> complete(String user, String taskId, Map<String, Object> variables) {
    call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    Map<String, Object> vars = new HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return call(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
  }
}
