package cn.liuzhou.incentives.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A county inbox of {@code bench.inbox.tasks} (10,000) open county-review tasks, then Tasklist's query of it as
 * the county's reviewer: the first page of 15 sorted by creation and by due date, and the count, each
 * {@code bench.inbox.queries} times. The fill is untimed: {@code bench.clients} clients file exhibition
 * applications for {@code bench.enterprises} enterprises of {@code bench.county} without waiting for
 * screening, then one client waits until the county's inbox holds them all (at most {@code bench.inbox.wait} s).
 *
 * <pre>mvn -Pbench gatling:test -Dbench.simulation=cn.liuzhou.incentives.bench.InboxSimulation -Dbench.url=...</pre>
 */
public class InboxSimulation extends Simulation {

  static final int TASKS = Integer.getInteger("bench.inbox.tasks", 10_000);
  static final int QUERIES = Integer.getInteger("bench.inbox.queries", 10);
  static final int WAIT = Integer.getInteger("bench.inbox.wait", 300);
  static final String COUNTY = System.getProperty("bench.county", "liunan");
  static final int CLIENTS = Integer.getInteger("bench.clients", 16);
  /** Ten awards of 10,000 fit in an enterprise's cap of 100,000 for the measure: 1,100 enterprises for 10,000. */
  static final int ENTERPRISES = Integer.getInteger("bench.enterprises", TASKS / 10 + 100);

  private final List<String> enterprises = QuarterEndSimulation.registerEnterprises(ENTERPRISES, COUNTY);
  /** Open tasks the county already holds from an earlier run on the same database ({@code bench.inbox.existing}). */
  private final AtomicInteger filed = new AtomicInteger(Integer.getInteger("bench.inbox.existing", 0));
  private volatile int open;

  private final HttpProtocolBuilder protocol = http.baseUrls(QuarterEndSimulation.URLS)
      .acceptHeader("application/json").contentTypeHeader("application/json").shareConnections().disableCaching();

  private final ScenarioBuilder fill = scenario("fill the inbox (untimed)")
      .asLongAs(session -> filed.get() < TASKS).on(
          exec(session -> {
            int n = filed.getAndIncrement();
            String code = enterprises.get(n % enterprises.size());
            return session.set("creditCode", code).set("auth", QuarterEndSimulation.basic(code + ":" + QuarterEndSimulation.PASSWORD));
          })
          .group("fill").on(exec(http("POST /api/applications").post("/api/applications")
              .header("Authorization", "#{auth}")
              .body(StringBody("{\"measureCode\":\"LZ-2026Q2-EXHIBITION\",\"creditCode\":\"#{creditCode}\","
                  + "\"facts\":{\"eligibleCost\":20000,\"eventDate\":\"2026-05-10\"}}"))
              .check(status().is(201)))));

  private static final String REVIEWER = QuarterEndSimulation.basic("county." + COUNTY + ":"
      + System.getProperty("bench.demo-password", "demo"));

  private final ScenarioBuilder query = scenario("Tasklist query of the county inbox")
      .exec(session -> session.set("open", 0).set("deadline", System.nanoTime() + WAIT * 1_000_000_000L))
      .group("wait for screening").on(asLongAs(session -> session.getInt("open") < TASKS
          && System.nanoTime() < session.getLong("deadline")).on(
          pause(Duration.ofSeconds(2)),
          exec(http("count").get("/engine-rest/task/count?candidateGroup=county-" + COUNTY)
              .header("Authorization", REVIEWER).check(status().is(200), jsonPath("$.count").ofInt().saveAs("open")))))
      .exec(session -> {
        open = session.getInt("open");
        System.out.println("Open county-review tasks in county-" + COUNTY + ": " + open);
        return session;
      })
      .repeat(QUERIES).on(
          exec(http("GET /engine-rest/task?candidateGroup=county-x&sortBy=created (15 of 10,000)")
              .get("/engine-rest/task?candidateGroup=county-" + COUNTY + "&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15")
              .header("Authorization", REVIEWER).check(status().is(200), jsonPath("$[14].id").exists()))
          .exec(http("GET /engine-rest/task?candidateGroup=county-x&sortBy=dueDate (15 of 10,000)")
              .get("/engine-rest/task?candidateGroup=county-" + COUNTY + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15")
              .header("Authorization", REVIEWER).check(status().is(200)))
          .exec(http("GET /engine-rest/task/count?candidateGroup=county-x (10,000)")
              .get("/engine-rest/task/count?candidateGroup=county-" + COUNTY)
              .header("Authorization", REVIEWER).check(status().is(200), bodyString().saveAs("count"))));

  {
    setUp(fill.injectOpen(atOnceUsers(CLIENTS)).andThen(query.injectOpen(atOnceUsers(1)))).protocols(protocol);
  }

  @Override
  public void after() {
    String json = String.format("{\"kind\": \"inbox\", \"url\": \"%s\", \"county\": \"%s\", \"openTasks\": %d, "
        + "\"queries\": %d, \"clients\": %d, \"enterprises\": %d}%n", QuarterEndSimulation.URL, COUNTY, open, QUERIES,
        CLIENTS, enterprises.size());
    try {
      java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("bench.summary", "target/gatling/summary.json"));
      java.nio.file.Files.createDirectories(out.getParent());
      java.nio.file.Files.writeString(out, json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    System.out.println("Benchmark summary:\n" + json);
  }
}
