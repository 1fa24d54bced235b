package cn.liuzhou.incentives.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Quarter-end wave against a running instance (loopback only): fictional enterprises across the 12
 * counties are registered through the admin API before the run, then {@code bench.clients} keep-alive
 * clients each file an exhibition application ({@code POST /api/applications}) and poll it
 * ({@code GET /api/applications/{id}}) until screening has taken it to county review, for
 * {@code bench.duration} seconds. Then, as the ceiling on the same engine, the same clients start a
 * bare process (start → asynchronous service task → DMN → user task) through {@code /engine-rest}
 * and poll until its user task exists. Besides Gatling's HTML report it writes
 * {@code target/gatling/summary.json}: filings/s, applications at county review per second, time to
 * county review percentiles, and the same for the bare process.
 *
 * <pre>mvn -Pbench gatling:test -Dbench.url=http://127.0.0.1:8080 -Dbench.duration=60 -Dbench.clients=8</pre>
 */
public class QuarterEndSimulation extends Simulation {

  /** One base URL per node, comma-separated: requests go round-robin, as behind a load balancer. */
  static final String URL = System.getProperty("bench.url", "http://127.0.0.1:8080");
  static final List<String> URLS = List.of(URL.split(","));
  static final int DURATION = Integer.getInteger("bench.duration", 60);
  static final int CLIENTS = Integer.getInteger("bench.clients", 8);
  static final int ENTERPRISES = Integer.getInteger("bench.enterprises", 1000);
  static final boolean BASELINE = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
  static final String ADMIN = System.getProperty("bench.admin", "admin:demo");
  static final String PASSWORD = "Bench-pass-2026!";
  static final String[] COUNTIES = {"chengzhong", "yufeng", "liunan", "liubei", "liujiang", "liucheng", "luzhai",
      "rongan", "rongshui", "sanjiang", "liudong", "beibu"};
  static final Duration POLL = Duration.ofMillis(50);
  /** Seconds of both flows before the measured phases, so that neither is timed on a cold JVM (0: none). */
  static final int WARMUP = Integer.getInteger("bench.warmup", 15);
  /** County reviewers working their inboxes during the filing wave (0: none), each about once a second. */
  static final int REVIEWERS = Integer.getInteger("bench.reviewers", 0);
  /** Auditors searching the case files during the filing wave (0: none), each every two seconds. */
  static final int AUDITORS = Integer.getInteger("bench.auditors", 0);
  static final String DEMO_PASSWORD = System.getProperty("bench.demo-password", "demo");

  static {
    for (String url : URLS) {
      String host = URI.create(url).getHost();
      if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
        throw new IllegalArgumentException("The benchmark targets this machine only (loopback): " + url);
      }
    }
  }

  /** Completed waves: filed-at and reached-at in nanoseconds, one queue per scenario. */
  private final ConcurrentLinkedQueue<long[]> filings = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<long[]> baseline = new ConcurrentLinkedQueue<>();
  private final AtomicInteger notAtCountyReview = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile long filingStart;
  private volatile long filingEnd;
  private volatile long baselineStart;
  private volatile long baselineEnd;

  private final List<String> enterprises = registerEnterprises(ENTERPRISES, null);

  private final HttpProtocolBuilder protocol = http.baseUrls(URLS)
      .acceptHeader("application/json")
      .contentTypeHeader("application/json")
      .shareConnections() // keep-alive pool shared by the virtual users, as a real client would
      .disableCaching();

  private final Iterator<Map<String, Object>> feeder = new Iterator<>() {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public boolean hasNext() {
      return true;
    }

    @Override
    public Map<String, Object> next() {
      int i = Math.floorMod(next.getAndIncrement(), enterprises.size());
      return Map.of("creditCode", enterprises.get(i), "auth", basic(enterprises.get(i) + ":" + PASSWORD),
          "cost", 20000); // an award of 10,000: ten per enterprise within the measure's cap of 100,000
    }
  };

  private final ChainBuilder fileAndWait = exec(session -> session.set("filedAt", System.nanoTime()))
      .feed(feeder)
      .exec(http("POST /api/applications").post("/api/applications")
          .header("Authorization", "#{auth}")
          .body(StringBody("{\"measureCode\":\"LZ-2026Q2-EXHIBITION\",\"creditCode\":\"#{creditCode}\","
              + "\"facts\":{\"eligibleCost\":#{cost},\"eventDate\":\"2026-05-10\"}}"))
          .check(status().is(201), jsonPath("$.id").saveAs("id"), jsonPath("$.status").saveAs("status")))
      .doIf(Session::isFailed).then(exec(session -> {
        if (!session.contains("warmup")) {
          refused.incrementAndGet();
        }
        return session.markAsSucceeded().set("status", "REFUSED");
      }))
      .asLongAs(session -> "SCREENING".equals(session.getString("status"))).on(
          pause(POLL),
          exec(http("GET /api/applications/{id}").get("/api/applications/#{id}")
              .header("Authorization", "#{auth}")
              .check(status().is(200), jsonPath("$.status").saveAs("status"))))
      .exec(session -> {
        if (session.contains("warmup")) {
          return session;
        }
        if ("COUNTY_REVIEW".equals(session.getString("status"))) {
          filings.add(new long[] {session.getLong("filedAt"), System.nanoTime()});
        } else if (!"REFUSED".equals(session.getString("status"))) {
          notAtCountyReview.incrementAndGet();
        }
        return session;
      });

  private final ChainBuilder bareProcess = exec(session -> session.set("startedAt", System.nanoTime()))
      .exec(http("POST /engine-rest/process-definition/key/bench-bare-process/start")
          .post("/engine-rest/process-definition/key/bench-bare-process/start")
          .header("Authorization", basic(ADMIN))
          .body(StringBody("{\"variables\":{\"jointPunishmentTarget\":{\"value\":false},\"taxCreditRating\":{\"value\":\"A\"},"
              + "\"accountingCreditGood\":{\"value\":true},\"lastSeriousRecordOn\":{\"value\":null,\"type\":\"Null\"}}}"))
          .check(status().is(200), jsonPath("$.id").saveAs("pid")))
      .exec(session -> session.set("tasks", "[]"))
      .asLongAs(session -> !session.isFailed() && "[]".equals(session.getString("tasks"))).on(
          pause(POLL),
          exec(http("GET /engine-rest/task?processInstanceId=").get("/engine-rest/task?processInstanceId=#{pid}")
              .header("Authorization", basic(ADMIN))
              .check(status().is(200), bodyString().saveAs("tasks"))))
      .exec(session -> {
        if (!session.isFailed() && !session.contains("warmup")) {
          baseline.add(new long[] {session.getLong("startedAt"), System.nanoTime()});
        }
        return session;
      });

  /**
   * A reviewer's round as Tasklist does it: the group's inbox (first page of 15, newest first, and its count),
   * then claim and complete the first task; nothing when the inbox is empty. The session holds the role
   * ({@code role}: county, bureau or finance), the group, the user and the variables of the completion.
   */
  private static final ChainBuilder workInbox =
      exec(session -> session.set("auth", basic(session.getString("user") + ":" + DEMO_PASSWORD)))
      .exec(http("GET /engine-rest/task (#{role} inbox)")
          .get("/engine-rest/task?candidateGroup=#{group}&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15")
          .header("Authorization", "#{auth}")
          .check(status().is(200), jsonPath("$[#{pick}].id").optional().saveAs("task")))
      .exec(http("GET /engine-rest/task/count (#{role} inbox)").get("/engine-rest/task/count?candidateGroup=#{group}")
          .header("Authorization", "#{auth}").check(status().is(200)))
      .doIf(session -> session.contains("task")).then(
          exec(http("POST /engine-rest/task/{id}/claim").post("/engine-rest/task/#{task}/claim")
                  .header("Authorization", "#{auth}").body(StringBody("{\"userId\":\"#{user}\"}")).check(status().is(204)))
              .exec(http("POST /engine-rest/task/{id}/complete (#{role})").post("/engine-rest/task/#{task}/complete")
                  .header("Authorization", "#{auth}")
                  // a payment reference (支付凭证号) is unique: one per task
                  .body(StringBody(session -> "{\"variables\":" + session.getString("variables")
                      .replace("{task}", session.getString("task")) + "}")).check(status().is(204)))
              .exec(session -> session.remove("task")));

  /** Reviewers by turns: two county reviewers (each of another county), then a bureau reviewer, then finance. */
  private final ScenarioBuilder reviewers = scenario("reviewers")
      .exec(session -> {
        long n = session.userId();
        // Reviewers of one inbox take different tasks of its first page, as colleagues would.
        session = session.set("pick", (int) (n / 4 % 15));
        String county = COUNTIES[(int) (n % COUNTIES.length)];
        return switch ((int) (n % 4)) {
          case 0 -> session.set("role", "bureau").set("group", "bureau-reviewers").set("user", "bureau")
              .set("variables", "{\"decision\":{\"value\":\"APPROVE\"},\"approvedAward\":{\"value\":10000}}");
          case 1 -> session.set("role", "finance").set("group", "finance").set("user", "finance")
              .set("variables", "{\"paymentReference\":{\"value\":\"BENCH-PAY-{task}\"}}");
          default -> session.set("role", "county").set("group", "county-" + county).set("user", "county." + county)
              .set("variables", "{\"decision\":{\"value\":\"APPROVE\"}}");
        };
      })
      .during(Duration.ofSeconds(DURATION)).on(pace(Duration.ofSeconds(1)), workInbox);

  /** An auditor logs in to the case files once (form login, CSRF token from the page), then searches. */
  private final ScenarioBuilder auditors = scenario("auditors")
      .exec(http("GET /login").get("/login").check(status().is(200),
          regex("name=\"_csrf\" value=\"([^\"]+)\"").saveAs("csrf")))
      .exec(http("POST /login").post("/login").header("Content-Type", "application/x-www-form-urlencoded")
          .formParam("username", "auditor").formParam("password", DEMO_PASSWORD).formParam("_csrf", "#{csrf}")
          .disableFollowRedirect().check(status().is(302), header("Location").transform(l -> l.contains("error")).is(false)))
      .exec(session -> session.set("n", 0))
      .during(Duration.ofSeconds(DURATION)).on(
          pace(Duration.ofSeconds(2)),
          exec(session -> session.set("county", COUNTIES[session.getInt("n") % COUNTIES.length]).set("n", session.getInt("n") + 1))
              .exec(http("GET /cases (search)").get("/cases?county=#{county}&status=COUNTY_REVIEW&page=1")
                  .header("Accept", "text/html").check(status().is(200))));

  private final ScenarioBuilder filingWave = scenario("filing to county review")
      .exec(session -> {
        if (filingStart == 0) {
          filingStart = System.nanoTime();
        }
        return session;
      })
      .during(Duration.ofSeconds(DURATION)).on(fileAndWait)
      .exec(session -> {
        filingEnd = System.nanoTime();
        return session;
      });

  private final ScenarioBuilder bareWave = scenario("bare engine process")
      .exec(session -> {
        if (baselineStart == 0) {
          baselineStart = System.nanoTime();
        }
        return session;
      })
      .during(Duration.ofSeconds(DURATION)).on(bareProcess)
      .exec(session -> {
        baselineEnd = System.nanoTime();
        return session;
      });

  /** Both flows by turns, timed by Gatling under the group "warm-up" only. */
  private final ScenarioBuilder warmUp = scenario("warm-up")
      .exec(session -> session.set("warmup", true))
      .group("warm-up").on(during(Duration.ofSeconds(WARMUP)).on(fileAndWait, bareProcess));

  {
    var wave = filingWave.injectOpen(atOnceUsers(CLIENTS));
    if (BASELINE) {
      wave = wave.andThen(bareWave.injectOpen(atOnceUsers(CLIENTS)));
    }
    // Reviewers and auditors work alongside the filing wave (and the bare process after it).
    List<io.gatling.javaapi.core.PopulationBuilder> measured = new ArrayList<>(List.of(wave));
    if (REVIEWERS > 0) {
      measured.add(reviewers.injectOpen(atOnceUsers(REVIEWERS)));
    }
    if (AUDITORS > 0) {
      measured.add(auditors.injectOpen(atOnceUsers(AUDITORS)));
    }
    if (WARMUP > 0) {
      setUp(warmUp.injectOpen(atOnceUsers(CLIENTS)).andThen(measured)).protocols(protocol);
    } else {
      setUp(measured).protocols(protocol);
    }
  }

  @Override
  public void after() {
    double filingSeconds = (filingEnd - filingStart) / 1e9;
    double baselineSeconds = (baselineEnd - baselineStart) / 1e9;
    StringBuilder json = new StringBuilder("{\n");
    json.append("  \"finishedAt\": \"").append(Instant.now()).append("\",\n");
    json.append("  \"url\": \"").append(URL).append("\",\n");
    json.append("  \"clients\": ").append(CLIENTS).append(",\n");
    json.append("  \"durationSeconds\": ").append(DURATION).append(",\n");
    json.append("  \"enterprises\": ").append(enterprises.size()).append(",\n");
    json.append("  \"filing\": ").append(stats(filings, filingSeconds)).append(",\n");
    json.append("  \"filingsRefused\": ").append(refused.get()).append(",\n");
    json.append("  \"screenedButNotAtCountyReview\": ").append(notAtCountyReview.get()).append(",\n");
    json.append("  \"bareProcess\": ").append(BASELINE ? stats(baseline, baselineSeconds) : "null").append(",\n");
    double ratio = BASELINE && !baseline.isEmpty() && baselineSeconds > 0
        ? (filings.size() / filingSeconds) / (baseline.size() / baselineSeconds) : 0;
    json.append("  \"ratioToBareProcess\": ").append(String.format("%.2f", ratio)).append("\n}\n");
    try {
      Path out = Path.of(System.getProperty("bench.summary", "target/gatling/summary.json"));
      Files.createDirectories(out.getParent());
      Files.writeString(out, json.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    System.out.println("Benchmark summary:\n" + json);
  }

  private static String stats(ConcurrentLinkedQueue<long[]> done, double seconds) {
    List<Double> ms = new ArrayList<>();
    for (long[] d : done) {
      ms.add((d[1] - d[0]) / 1e6);
    }
    Collections.sort(ms);
    return String.format("{\"completed\": %d, \"seconds\": %.1f, \"perSecond\": %.1f, "
        + "\"timeToUserTaskMs\": {\"p50\": %.0f, \"p95\": %.0f, \"p99\": %.0f, \"max\": %.0f}}",
        ms.size(), seconds, seconds > 0 ? ms.size() / seconds : 0, pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99),
        pct(ms, 1.0));
  }

  private static double pct(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(q * sorted.size())));
  }

  static String basic(String userPassword) {
    return "Basic " + Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
  }

  /** Fictional enterprises with valid GB 32100 credit codes, each with a login; not timed. */
  static List<String> registerEnterprises(int count, String onlyCounty) {
    Random random = new Random();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      if (REVIEWERS > 0) {
        // Approved awards reach finance within the run: a public notice of seconds instead of days.
        put(client, URLS.get(0), "/api/packages/LZ-2026Q2/settings", "{\"publicNoticePeriod\":\"PT10S\"}");
      }
      List<Future<String>> futures = new ArrayList<>();
      for (int i : IntStream.range(0, count).toArray()) {
        String code = creditCode(random);
        String county = onlyCounty != null ? onlyCounty : COUNTIES[i % COUNTIES.length];
        futures.add(pool.submit(() -> {
          String url = URLS.get(i % URLS.size());
          put(client, url, "/api/enterprises/" + code, "{\"name\":\"基准测试企业" + code.substring(10, 17)
              + "有限公司\",\"county\":\"" + county + "\",\"industry\":\"MACHINERY\",\"aboveDesignatedSize\":true,"
              + "\"taxCreditRating\":\"A\",\"accountingCreditGood\":true,\"jointPunishmentTarget\":false,"
              + "\"bankName\":\"中国工商银行柳州分行营业部\",\"bankAccount\":\"21050008800" + code.substring(10, 17) + "\"}");
          put(client, url, "/api/enterprises/" + code + "/account", "{\"password\":\"" + PASSWORD + "\"}");
          return code;
        }));
      }
      List<String> codes = new ArrayList<>();
      for (Future<String> f : futures) {
        codes.add(f.get());
      }
      return codes;
    } catch (Exception e) {
      throw new IllegalStateException("Could not register the benchmark's enterprises at " + URL, e);
    } finally {
      pool.shutdown();
    }
  }

  static void put(HttpClient client, String url, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", basic(ADMIN)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException("PUT " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** A unified social credit code (GB 32100-2015) with its check character. */
  static String creditCode(Random random) {
    String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    StringBuilder s = new StringBuilder("91450200BM");
    for (int i = 0; i < 7; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += alphabet.indexOf(s.charAt(i)) * weights[i];
    }
    int c = 31 - sum % 31;
    return s.append(alphabet.charAt(c == 31 ? 0 : c)).toString();
  }
}
