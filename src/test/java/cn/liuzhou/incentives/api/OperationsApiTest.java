package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.ledger.BudgetAccounts;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.metrics.EngineGauges;
import cn.liuzhou.incentives.metrics.LedgerGauges;
import cn.liuzhou.incentives.security.Groups;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Operations: the Prometheus scrape behind a login, the application's gauges and the screening timer agreeing with
 * the ledger and the engine, and log lines that name the application they are about.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsApiTest extends ApiTestSupport {

  @Autowired LedgerGauges ledgerGauges;
  @Autowired EngineGauges engineGauges;
  @Autowired JdbcTemplate jdbc;
  @Autowired BudgetLedger budgets;
  @Autowired BudgetAccounts accounts;
  @Autowired IdentityService identity;

  ResponseEntity<String> scrape(String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    return rest.exchange("/actuator/prometheus", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /** The scrape as an administrator, with the gauges read afresh: sample name with labels → value. */
  Map<String, Double> metrics() {
    ledgerGauges.refresh();
    engineGauges.refresh();
    ResponseEntity<String> response = scrape("admin", PASSWORD);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : response.getBody().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  double screeningsTimed(Map<String, Double> samples) {
    return samples.entrySet().stream().filter(e -> e.getKey().startsWith("incentives_screening_seconds_count{"))
        .mapToDouble(Map.Entry::getValue).sum();
  }

  @Test
  void prometheusNeedsMonitoringOrAdministratorLogin() {
    assertThat(scrape(null, null).getStatusCode().value()).isEqualTo(401);
    assertThat(scrape("admin", "wrong-password").getStatusCode().value()).isEqualTo(401);
    ResponseEntity<String> county = scrape("county.liunan", PASSWORD);
    assertThat(county.getStatusCode().value()).isEqualTo(403);
    assertThat(county.getBody()).doesNotContain("incentives_");
    assertThat(rest.getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(401);
    // The load balancer's health check stays open.
    assertThat(rest.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);

    ResponseEntity<String> admin = scrape("admin", PASSWORD);
    assertThat(admin.getStatusCode().value()).isEqualTo(200);
    assertThat(admin.getBody()).contains("incentives_applications{status=\"COUNTY_REVIEW\"}",
        "incentives_budget_left_yuan{package=\"LZ-2026Q2\"}", "incentives_job_backlog ", "incentives_incidents ",
        "incentives_jobs_failed ", "jvm_memory_used_bytes", "hikaricp_connections");

    // The scraper's own account: a member of the monitoring group (created by an authorization step), nothing more.
    String scraper = "prometheus-" + System.nanoTime();
    var user = identity.newUser(scraper);
    user.setPassword("Scrape-secret-1");
    identity.saveUser(user);
    identity.createMembership(scraper, Groups.MONITORING);
    assertThat(scrape(scraper, "Scrape-secret-1").getStatusCode().value()).isEqualTo(200);
    assertThat(call(scraper, "Scrape-secret-1", HttpMethod.GET, "/engine-rest/task", null).getBody()).isEmpty();
    assertThat(call(scraper, "Scrape-secret-1", HttpMethod.GET, "/engine-rest/process-instance", null).getBody()).isEmpty();
    assertThat(call(scraper, "Scrape-secret-1", HttpMethod.GET, "/api/applications", null).getBody()).isEmpty();
  }

  @Test
  void gaugesAgreeWithTheLedgerAndTheEngine() {
    String code = cleanEnterprise();
    var filed = call(code, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
        "creditCode", code, "facts", Map.of("eligibleCost", 200000, "eventDate", "2026-05-10")));
    assertThat(filed.getStatusCode().value()).isEqualTo(201);

    // Screening waits for the job executor (switched off in tests): the backlog shows it.
    Map<String, Double> waiting = metrics();
    long executable = management.createJobQuery().executable().count();
    assertThat(executable).isPositive();
    assertThat(waiting.get("incentives_job_backlog")).isEqualTo((double) executable);
    assertThat(waiting.get("incentives_incidents")).isEqualTo((double) runtime.createIncidentQuery().count());
    assertThat(waiting.get("incentives_applications{status=\"SCREENING\"}")).isEqualTo(ledgerCount("SCREENING"));
    runDueJobs();

    Map<String, Double> screened = metrics();
    for (String status : new String[] {"SCREENING", "COUNTY_REVIEW", "REJECTED"}) {
      assertThat(screened.get("incentives_applications{status=\"" + status + "\"}")).as(status).isEqualTo(ledgerCount(status));
    }
    assertThat(screened.get("incentives_job_backlog")).isEqualTo((double) management.createJobQuery().executable().count());
    BigDecimal left = budgets.find(accounts.account("LZ-2026Q2", LocalDate.now())).orElseThrow().remaining();
    assertThat(screened.get("incentives_budget_left_yuan{package=\"LZ-2026Q2\"}")).isEqualTo(left.doubleValue());
  }

  double ledgerCount(String status) {
    return jdbc.queryForObject("select count(*) from incentive_application where status = ?", Long.class, status);
  }

  @Test
  void screeningIsTimedFromFilingToItsOutcome() {
    double before = screeningsTimed(metrics());
    JsonNode passed = fileExhibition(cleanEnterprise(), 200000);
    assertThat(passed.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    JsonNode rejected = fileExhibition(newEnterprise("liunan", "MACHINERY", true, "A", true), 200000);
    assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");

    Map<String, Double> after = metrics();
    assertThat(screeningsTimed(after)).isEqualTo(before + 2);
    assertThat(after.get("incentives_screening_seconds_count{outcome=\"passed\",package=\"LZ-2026Q2\"}")).isGreaterThanOrEqualTo(1);
    assertThat(after.get("incentives_screening_seconds_count{outcome=\"rejected\",package=\"LZ-2026Q2\"}")).isGreaterThanOrEqualTo(1);
    assertThat(after).containsKey("incentives_screening_seconds_bucket{outcome=\"passed\",package=\"LZ-2026Q2\",le=\"+Inf\"}");
  }

  @Test
  void screeningLogLinesNameTheApplication(CapturedOutput output) {
    JsonNode app = fileExhibition(cleanEnterprise(), 200000);
    String id = app.get("id").asText();
    assertThat(output.getOut().lines().filter(l -> l.contains("Automated screening passed")))
        .anySatisfy(line -> assertThat(line).contains("[" + id + "] "));
    // The notifications screening sent (logging gateway, after the commit) name it too.
    assertThat(output.getOut().lines().filter(l -> l.contains("Notification to") && l.contains(id)))
        .hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> assertThat(line).contains("[" + id + "] "));
  }
}
