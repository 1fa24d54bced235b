package cn.liuzhou.incentives.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Many approvals racing for one budget never reserve more than it holds. */
class BudgetConcurrencyTest extends ApiTestSupport {

  @Autowired BudgetLedger budgets;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void concurrentReservationsNeverOverspend() throws Exception {
    String code = "RACE-" + System.nanoTime() % 100000;
    budgets.ensure(code, new BigDecimal("100000.00"));
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Callable<Boolean> reserve = () -> {
        start.await();
        return transactions.execute(tx -> budgets.reserve(code, new BigDecimal("7000.00")));
      };
      results.add(pool.submit(reserve));
    }
    start.countDown();
    int granted = 0;
    for (Future<Boolean> r : results) {
      granted += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    BudgetLedger.Budget budget = budgets.find(code).orElseThrow();
    assertThat(granted).isEqualTo(14); // 14 × 7,000 = 98,000 ≤ 100,000 < 15 × 7,000
    assertThat(budget.reserved()).isEqualByComparingTo("98000");
    assertThat(budget.remaining()).isEqualByComparingTo("2000");
    assertThat(budgets.reserve(code, new BigDecimal("2000.01"))).isFalse();
    assertThat(budgets.reserve(code, new BigDecimal("2000.00"))).isTrue();
    assertThat(budgets.setTotal(code, new BigDecimal("99999.99"))).as("total below what is reserved").isFalse();
  }

  @Test
  void twoBureauApprovalsRacingForTheLastBudgetNeverBothSucceed() throws Exception {
    String pkg = "GX-2025Q2";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String ent = cleanEnterprise();
      var filed = call(ent, org.springframework.http.HttpMethod.POST, "/api/applications", java.util.Map.of(
          "measureCode", "GX-2025Q2-GREEN", "creditCode", ent, "facts", java.util.Map.of("recognitionType", "GREEN_FACTORY", "recognitionDate", "2025-09-01")));
      assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
      String id = filed.getBody().get("id").asText();
      runDueJobs();
      assertThat(application(id).get("status").asText()).as(String.valueOf(application(id))).isEqualTo("COUNTY_REVIEW");
      completeTask("county.liunan", id, java.util.Map.of("decision", "APPROVE"));
      ids.add(id);
    }
    BudgetLedger.Budget before = budgets.find(pkg).orElseThrow();
    // leave room for one award of 500,000 only
    assertThat(budgets.setTotal(pkg, before.reserved().add(before.disbursed()).add(new BigDecimal("700000")))).isTrue();
    try {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (String id : ids) {
        String taskId = taskFor("bureau", id).get("id").asText();
        results.add(pool.submit(() -> {
          start.await();
          return call("bureau", org.springframework.http.HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
              java.util.Map.of("variables", java.util.Map.of("decision", java.util.Map.of("value", "APPROVE"))))
              .getStatusCode().value();
        }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> r : results) {
        statuses.add(r.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();
      assertThat(statuses).containsExactlyInAnyOrder(204, 400);
      assertThat(budgets.find(pkg).orElseThrow().reserved().subtract(before.reserved())).isEqualByComparingTo("500000");
      assertThat(budgets.find(pkg).orElseThrow().remaining()).isEqualByComparingTo("200000");
    } finally {
      budgets.setTotal(pkg, before.total().add(new BigDecimal("500000")));
    }
  }

  @Test
  void anAwardIsPaidOnlyOnce() {
    String id = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    String ref = "REF-ONCE-" + id;
    jdbc.update("insert into disbursement (application_id, package_code, amount, payment_reference, disbursed_at) values (?, 'X', 1, ?, current_timestamp)", id, ref);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
        "insert into disbursement (application_id, package_code, amount, payment_reference, disbursed_at) values (?, 'X', 1, ?, current_timestamp)", id, ref + "-TWICE"))
        .isInstanceOf(DuplicateKeyException.class);
    // …and never for an application the ledger does not have.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
        "insert into disbursement (application_id, package_code, amount, payment_reference, disbursed_at) values ('SQ-NONE', 'X', 1, 'REF-NONE', current_timestamp)"))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }
}
