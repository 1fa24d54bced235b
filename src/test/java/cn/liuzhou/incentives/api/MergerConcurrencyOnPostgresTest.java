package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ContextConfiguration;

/**
 * One merger, two filings screened at the same moment on PostgreSQL (the acquired enterprise alone, and its acquirer
 * naming it): the subject's lock lets exactly one of them through screening, whichever commits first.
 */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class MergerConcurrencyOnPostgresTest extends ApiTestSupport {

  @Test
  void twoFilingsAboutTheSameMergerScreenedAtOnceGiveOneSubsidy() throws Exception {
    for (int round = 0; round < 3; round++) {
      String target = cleanEnterprise();
      String acquirer = cleanEnterprise();
      call("admin", HttpMethod.PUT, "/api/name-lists/LZ-SEI-ENTERPRISES/entries/" + target, null);
      Map<String, Object> merger = Map.of("newRegisteredCapital", 40000000, "producesInLiuzhou", true, "mergerDate",
          java.time.LocalDate.now().minusDays(1).toString());
      String alone = file(target, merger);
      String named = file(acquirer, Map.of("newRegisteredCapital", 40000000, "producesInLiuzhou", true,
          "mergerDate", java.time.LocalDate.now().minusDays(1).toString(), "mergedEnterpriseCreditCode", target));

      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> screenings = new ArrayList<>();
      for (String id : List.of(alone, named)) {
        screenings.add(pool.submit(() -> {
          start.await();
          screen(id);
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : screenings) {
        f.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();

      List<String> statuses = List.of(application(alone).get("status").asText(), application(named).get("status").asText());
      assertThat(statuses).as("round " + round).containsExactlyInAnyOrder("COUNTY_REVIEW", "REJECTED");
    }
  }

  private String file(String enterprise, Map<String, Object> facts) {
    var response = call(enterprise, HttpMethod.POST, "/api/applications",
        Map.of("measureCode", "LZ-SEI-MERGER", "creditCode", enterprise, "facts", facts));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return response.getBody().get("id").asText();
  }

  /** Runs the application's own due jobs until none is left (the screening). */
  private void screen(String applicationId) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
    for (int step = 0; step < 10; step++) {
      List<Job> jobs = management.createJobQuery().processInstanceId(pi).executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }
}
