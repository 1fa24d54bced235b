package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** Issue 7: caps are checked where money is committed, and the bureau's amounts are rounded as the package says. */
class CapsAtApprovalApiTest extends ApiTestSupport {

  @Autowired BudgetLedger budgets;

  private String file(String ent, String measure, Map<String, Object> facts) {
    var response = call(ent, HttpMethod.POST, "/api/applications", Map.of("measureCode", measure, "creditCode", ent,
        "facts", facts));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    runDueJobs();
    String id = response.getBody().get("id").asText();
    assertThat(application(id).get("status").asText()).as(String.valueOf(application(id))).isEqualTo("COUNTY_REVIEW");
    return id;
  }

  @Test
  void bureauDecidedAmountsCountAgainstTheEnterpriseCapAtApproval() {
    String ent = cleanEnterprise();
    Map<String, Object> facts = Map.of("parentType", "NATIONAL_KEY_LAB", "establishedOn", "2023-03-01");
    String first = file(ent, "LZ-SEI-RESEARCH-BRANCH", facts);
    String second = file(ent, "LZ-SEI-RESEARCH-BRANCH", facts);
    completeTask("county.liunan", first, Map.of("decision", "APPROVE"));
    completeTask("county.liunan", second, Map.of("decision", "APPROVE"));
    assertThat(completeTask("bureau", first, Map.of("decision", "APPROVE", "approvedAward", 1000000)).getStatusCode().value())
        .isEqualTo(204);
    // The cap of 1,000,000 per enterprise (二十八) is spent: the second approval is refused with what is left.
    var over = completeTask("bureau", second, Map.of("decision", "APPROVE", "approvedAward", 1000000));
    assertThat(over.getStatusCode().value()).isEqualTo(400);
    assertThat(over.getBody().get("detail").asText()).contains("上限", "剩余 0.00");
    var anything = completeTask("bureau", second, Map.of("decision", "APPROVE", "approvedAward", 1));
    assertThat(anything.getStatusCode().value()).isEqualTo(400);
    assertThat(application(second).get("status").asText()).isEqualTo("BUREAU_REVIEW");
    assertThat(application(second).has("approvedAward")).isFalse();
  }

  @Test
  void headroomLeftByAnApprovalCanStillBeApproved() {
    String ent = cleanEnterprise();
    Map<String, Object> facts = Map.of("parentType", "NATIONAL_KEY_LAB", "establishedOn", "2023-03-01");
    String first = file(ent, "LZ-SEI-RESEARCH-BRANCH", facts);
    String second = file(ent, "LZ-SEI-RESEARCH-BRANCH", facts);
    completeTask("county.liunan", first, Map.of("decision", "APPROVE"));
    completeTask("county.liunan", second, Map.of("decision", "APPROVE"));
    completeTask("bureau", first, Map.of("decision", "APPROVE", "approvedAward", 600000));
    assertThat(completeTask("bureau", second, Map.of("decision", "APPROVE", "approvedAward", 400001)).getStatusCode().value())
        .isEqualTo(400);
    assertThat(completeTask("bureau", second, Map.of("decision", "APPROVE", "approvedAward", 400000)).getStatusCode().value())
        .isEqualTo(204);
    assertThat(application(second).get("approvedAward").decimalValue()).isEqualByComparingTo("400000");
  }

  @Test
  void aLoweredAmountIsRoundedDownToWholeWanYuan() {
    String ent = cleanEnterprise();
    JsonNode app = fileExhibition(ent, 150000);
    String id = app.get("id").asText();
    assertThat(app.get("proposedAward").decimalValue()).isEqualByComparingTo("70000");
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    BigDecimal before = budgets.find("LZ-2026Q2").orElseThrow().reserved();
    assertThat(completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 65432.10)).getStatusCode().value())
        .isEqualTo(204);
    // 六(一): awards in whole 万元, fractions not paid.
    assertThat(application(id).get("approvedAward").decimalValue()).isEqualByComparingTo("60000");
    assertThat(budgets.find("LZ-2026Q2").orElseThrow().reserved().subtract(before)).isEqualByComparingTo("60000");
  }

  @Test
  void anAmountThatRoundsToZeroIsRefused() {
    String id = fileExhibition(cleanEnterprise(), 150000).get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    var zero = completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 9999.99));
    assertThat(zero.getStatusCode().value()).isEqualTo(400);
    assertThat(zero.getBody().get("detail").asText()).contains("取整");
  }

  @Test
  void twoScreeningsAtOnceNeverBothSpendTheSameCap() throws Exception {
    String ent = cleanEnterprise();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var response = call(ent, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
          "creditCode", ent, "facts", Map.of("eligibleCost", 160000, "eventDate", "2026-05-10")));
      ids.add(response.getBody().get("id").asText());
    }
    List<Job> jobs = new ArrayList<>();
    for (String id : ids) {
      String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
      jobs.add(management.createJobQuery().processInstanceId(pi).singleResult());
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (Job job : jobs) {
      pool.submit(() -> {
        start.await();
        management.executeJob(job.getId());
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    runDueJobs();
    BigDecimal total = BigDecimal.ZERO;
    for (String id : ids) {
      JsonNode app = application(id);
      if (app.hasNonNull("proposedAward")) {
        total = total.add(app.get("proposedAward").decimalValue());
      }
    }
    // 六(一) caps the exhibition award at 100,000 per enterprise: 80,000 → 70,000 and what is left, never 140,000.
    assertThat(total).isLessThanOrEqualTo(new BigDecimal("100000"));
    assertThat(total).isEqualByComparingTo("100000");
  }

  @Test
  void aYearlyFundedPackageHasABudgetPerFiscalYear() {
    String year = String.valueOf(java.time.LocalDate.now().getYear());
    JsonNode pkg = call("admin", HttpMethod.GET, "/api/packages/LZ-SEI-2018", null).getBody();
    assertThat(pkg.get("budget").get("account").asText()).isEqualTo("LZ-SEI-2018-FY" + year);
    assertThat(pkg.get("budget").get("total").decimalValue()).isEqualByComparingTo("50000000");
    // Next year is funded separately; setting it changes nothing of this year's.
    var next = call("admin", HttpMethod.PUT, "/api/packages/LZ-SEI-2018/settings",
        Map.of("budget", 40000000, "fiscalYear", Integer.parseInt(year) + 1));
    assertThat(next.getStatusCode().value()).isEqualTo(200);
    List<String> accounts = new ArrayList<>();
    next.getBody().get("budgetYears").forEach(b -> accounts.add(b.get("account").asText() + "=" + b.get("total").decimalValue().stripTrailingZeros().toPlainString()));
    assertThat(accounts).contains("LZ-SEI-2018-FY" + year + "=50000000", "LZ-SEI-2018-FY" + (Integer.parseInt(year) + 1) + "=40000000");
    assertThat(call("admin", HttpMethod.PUT, "/api/packages/LZ-2026Q2/settings", Map.of("budget", 1, "fiscalYear", 2026))
        .getStatusCode().value()).isEqualTo(422);
    assertThat(call("admin", HttpMethod.PUT, "/api/packages/LZ-SEI-2018/settings", Map.of("budget", 1, "fiscalYear", 2017))
        .getStatusCode().value()).as("a year before the policy took effect").isEqualTo(422);
    // An approval is charged to the year it is committed in.
    String ent = cleanEnterprise();
    String id = file(ent, "LZ-SEI-RESEARCH-BRANCH", Map.of("parentType", "NATIONAL_KEY_LAB", "establishedOn", "2023-03-01"));
    completeTask("county.liunan", id, Map.of("decision", "APPROVE"));
    BigDecimal before = budgets.find("LZ-SEI-2018-FY" + year).orElseThrow().reserved();
    completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 300000));
    assertThat(budgets.find("LZ-SEI-2018-FY" + year).orElseThrow().reserved().subtract(before)).isEqualByComparingTo("300000");
    assertThat(budgets.find("LZ-SEI-2018-FY" + (Integer.parseInt(year) + 1)).orElseThrow().reserved()).isEqualByComparingTo("0");
  }
}
