package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.security.ProductionSettingsCheck;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Issue 6's findings retried as an attacker would, with the demo users and Camunda's own REST API:
 * each must be refused or harmless. Money, identity and recipient come from the ledger row.
 */
class TrustBoundaryApiTest extends ApiTestSupport {

  @Autowired BudgetLedger budgets;

  private String countyTaskId(String user, String applicationId) {
    JsonNode task = taskFor(user, applicationId);
    assertThat(task).as("task visible to " + user).isNotNull();
    return task.get("id").asText();
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }

  @Test
  void aReviewerCannotWriteTheProposedAwardAndTheLedgerDecidesTheAmount() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    String task = countyTaskId("county.liunan", id);
    // 1. Writing a variable of the task is not the reviewer's to do.
    var put = call("county.liunan", HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/proposedAward",
        Map.of("value", 1000000, "type", "Double"));
    assertThat(put.getStatusCode().value()).isEqualTo(403);
    var modify = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/variables",
        Map.of("modifications", Map.of("proposedAward", Map.of("value", 1000000))));
    assertThat(modify.getStatusCode().value()).isEqualTo(403);
    // A completion carries exactly the form's fields.
    call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "county.liunan"));
    var smuggled = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        vars("decision", "APPROVE", "proposedAward", 1000000));
    assertThat(smuggled.getStatusCode().value()).isEqualTo(400);
    assertThat(smuggled.getBody().get("errors").get(0).get("field").asText()).isEqualTo("proposedAward");
    assertThat(smuggled.getBody().get("detail").asText()).contains("proposedAward");
    // The form's display fields are not the reviewer's to submit either.
    var display = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        vars("decision", "APPROVE", "applicationId", "SQ-OTHER"));
    assertThat(display.getStatusCode().value()).isEqualTo(400);
    assertThat(display.getBody().get("errors").get(0).get("field").asText()).isEqualTo("applicationId");
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        vars("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    runDueJobs();
    BigDecimal reservedBefore = budgets.find("LZ-2026Q2").orElseThrow().reserved();
    assertThat(completeTask("bureau", id, Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    assertThat(budgets.find("LZ-2026Q2").orElseThrow().reserved().subtract(reservedBefore)).isEqualByComparingTo("50000");
    assertThat(application(id).get("approvedAward").decimalValue()).isEqualByComparingTo("50000");
  }

  @Test
  void aCountyCannotDecideAnotherCountysApplication() {
    String liudong = newEnterprise("liudong", "MACHINERY", true, "A", false);
    String theirs = fileExhibition(liudong, 100000).get("id").asText();
    String ours = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    assertThat(taskFor("county.liunan", theirs)).as("liudong's task is invisible to liunan").isNull();
    String task = countyTaskId("county.liunan", ours);
    call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "county.liunan"));
    var attack = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        vars("decision", "REJECT", "comment", "x", "creditCode", liudong, "county", "liudong"));
    assertThat(attack.getStatusCode().value()).isEqualTo(400);
    assertThat(application(theirs).get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(application(ours).get("status").asText()).isEqualTo("COUNTY_REVIEW");
  }

  @Test
  void theFilerAndTheApplicantCannotBecomeReviewers() {
    String ent = cleanEnterprise();
    var filed = call("county.liunan", HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
        "creditCode", ent, "facts", Map.of("eligibleCost", 100000, "eventDate", "2026-05-10")));
    runDueJobs();
    String id = filed.getBody().get("id").asText();
    String task = countyTaskId("county.liunan", id);
    // 3. filedBy in the completion is refused, not believed.
    var withFiler = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
        vars("decision", "APPROVE", "filedBy", "someone-else"));
    assertThat(withFiler.getStatusCode().value()).isEqualTo(400);
    assertThat(withFiler.getBody().get("errors").get(0).get("field").asText()).isEqualTo("filedBy");
    // No reassignment to the applicant, no new candidate group, no claiming for another user.
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/assignee", Map.of("userId", ent))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links",
        Map.of("groupId", "enterprises", "type", "candidate")).getStatusCode().value()).isEqualTo(403);
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", ent))
        .getStatusCode().value()).isEqualTo(400);
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "bureau"))
        .getStatusCode().value()).as("claiming for someone else").isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(tasks.getIdentityLinksForTask(task)).noneMatch(l -> "enterprises".equals(l.getGroupId()));
    // The filer cannot claim or complete their own filing, however they try.
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "county.liunan"))
        .getStatusCode().value()).isEqualTo(400);
    var own = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete", vars("decision", "APPROVE"));
    assertThat(own.getStatusCode().value()).isEqualTo(400);
    assertThat(application(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");
  }

  @Test
  void wrongPasswordsSlowDownTheirAddressButNeverLockTheAccount() {
    String attacker = "203.0.113.7";
    int last = 0;
    for (int i = 0; i < 12; i++) {
      last = callFrom(attacker, "bureau", "guess-" + i, HttpMethod.GET, "/api/packages", null).getStatusCode().value();
    }
    assertThat(last).isEqualTo(429);
    // The attacker's address is refused even with the right password for the stated minute…
    var blocked = callFrom(attacker, "bureau", PASSWORD, HttpMethod.GET, "/api/packages", null);
    assertThat(blocked.getStatusCode().value()).isEqualTo(429);
    assertThat(blocked.getHeaders().getFirst("Retry-After")).isEqualTo("60");
    // …but the account is not locked: the bureau logs in from its own address, through the API and the engine.
    assertThat(callFrom("198.51.100.20", "bureau", PASSWORD, HttpMethod.GET, "/api/packages", null).getStatusCode().value())
        .isEqualTo(200);
    assertThat(call("bureau", HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void productionRefusesToStartWithoutAnAdministratorOrADatabasePassword() {
    var empty = new MockEnvironment();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProductionSettingsCheck(empty))
        .hasMessageContaining("admin-user.id").hasMessageContaining("INCENTIVES_DB_PASSWORD");
    var complete = new MockEnvironment().withProperty("spring.datasource.password", "s3cret!Db")
        .withProperty("camunda.bpm.admin-user.id", "admin").withProperty("camunda.bpm.admin-user.password", "Adm1n!Secret");
    new ProductionSettingsCheck(complete);
    // Camunda Admin's first-user set-up is never reachable.
    var setup = call(null, HttpMethod.POST, "/camunda/api/admin/setup/default/user/create",
        Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x")));
    assertThat(setup.getStatusCode().value()).as(String.valueOf(setup.getBody())).isEqualTo(403);
  }

  private org.springframework.http.ResponseEntity<JsonNode> deploy(String fileName, String content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "attack");
    body.add("deployment-source", "system");
    body.add(fileName, new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  @Test
  void deploymentsAreCheckedByContentAndProcessModelsAreRefused() throws Exception {
    String shipped = new String(getClass().getResourceAsStream("/dmn/LZ-2026Q2/LZ-2026Q2.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    String tampered = shipped.replace("eligibleCost * 0.5", "eligibleCost * 0.9");
    var renamed = deploy("x.dmn11.xml", tampered);
    assertThat(renamed.getStatusCode().value()).isEqualTo(400);
    assertThat(renamed.getBody().toString()).contains("示例未通过");
    String bpmn = new String(getClass().getResourceAsStream("/bpmn/incentive-application.bpmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    var process = deploy("incentive-application.bpmn", bpmn);
    assertThat(process.getStatusCode().value()).isEqualTo(400);
    assertThat(process.getBody().toString()).contains("流程模型");
    assertThat(runtime.createProcessInstanceQuery().count()).isGreaterThanOrEqualTo(0);
    // New applications still start on the application's own definition.
    String id = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    assertThat(application(id).get("proposedAward").decimalValue()).isEqualByComparingTo("50000");
  }

  @Test
  void badInputIsA4xxProblemNeverA500() throws Exception {
    var infinite = call("admin", HttpMethod.PUT, "/api/packages/LZ-2026Q2/settings", "{\"budget\":1e400}");
    assertThat(infinite.getStatusCode().value()).isEqualTo(422);
    assertThat(infinite.getBody().get("errors").get(0).get("field").asText()).isEqualTo("budget");
    // A NUL character (PostgreSQL cannot store it) and an empty list of worked cases are 4xx too.
    assertThat(call("county.liunan", HttpMethod.POST, "/api/applications",
        "{\"measureCode\":\"LZ-2026Q2-EXHIBITION\u0000\",\"creditCode\":\"x\",\"facts\":{}}").getStatusCode().value())
        .isEqualTo(400);
    assertThat(call("admin", HttpMethod.PUT, "/api/packages/LZ-2026Q2/examples", "null").getStatusCode().value())
        .isBetween(400, 422);
    // A body over the limit is refused unread, and not echoed.
    String huge = "{\"measureCode\":\"" + "A".repeat(3 * 1024 * 1024) + "\",\"creditCode\":\"x\",\"facts\":{}}";
    var tooLarge = call("county.liunan", HttpMethod.POST, "/api/applications", huge);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getBody().toString().length()).isLessThan(2000);
    // Deleting a review task is not allowed; object variables are refused.
    String id = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    String task = countyTaskId("county.liunan", id);
    assertThat(call("admin", HttpMethod.DELETE, "/engine-rest/task/" + task, null).getStatusCode().value()).isEqualTo(405);
    call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "county.liunan"));
    var object = call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete", Map.of("variables",
        Map.of("comment", Map.of("value", "rO0ABXQAA2FiYw==", "type", "Object",
            "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")))));
    assertThat(object.getStatusCode().value()).isEqualTo(400);
    // Two completions of one task at once: one wins, the other is told it is gone or changed (409, 404, or 403 once
    // the task and its grants are deleted), never a 500.
    List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    for (int i = 0; i < 2; i++) {
      pool.submit(() -> {
        start.await();
        statuses.add(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
            vars("decision", "APPROVE")).getStatusCode().value());
        return null;
      });
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(statuses).hasSize(2).containsOnlyOnce(204).allMatch(s -> s == 204 || s == 409 || s == 404 || s == 403);
  }

  @Test
  void reviewersSeeOnlyTheirOwnGroupsUsers() {
    var users = call("county.liunan", HttpMethod.GET, "/engine-rest/user", null);
    assertThat(users.getStatusCode().value()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    users.getBody().forEach(u -> ids.add(u.get("id").asText()));
    assertThat(ids).contains("county.liunan").doesNotContain("bureau", "admin", "finance", "county.liudong");
    var groups = call("county.liunan", HttpMethod.GET, "/engine-rest/group", null);
    List<String> groupIds = new ArrayList<>();
    groups.getBody().forEach(g -> groupIds.add(g.get("id").asText()));
    assertThat(groupIds).containsOnly("county-liunan");
  }

  private org.springframework.http.ResponseEntity<JsonNode> raw(String user, HttpMethod method, String rawPath, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, PASSWORD);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    // A URI object is sent as written: no template expansion, no second encoding.
    java.net.URI uri = java.net.URI.create(rest.getRootUri() + rawPath);
    return rest.exchange(new org.springframework.http.RequestEntity<>(body, headers, method, uri), JsonNode.class);
  }

  @Test
  void theFormCheckCannotBeSidesteppedByHowThePathIsWritten() {
    String id = fileExhibition(cleanEnterprise(), 150000).get("id").asText();
    String task = countyTaskId("county.liunan", id);
    call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "county.liunan"));
    Object smuggled = vars("decision", "APPROVE", "eligibleCost", 1000000.0, "expertReviewRequired", true);
    String encodedId = task.replaceFirst("-", "%2D");
    assertThat(raw("county.liunan", HttpMethod.POST, "/engine-rest/task/" + encodedId + "/complete", smuggled)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(raw("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + ";x=1/complete", smuggled)
        .getStatusCode().value()).isIn(400, 404);
    var named = raw("county.liunan", HttpMethod.POST, "/engine-rest/engine/default/task/" + task + "/complete", smuggled);
    assertThat(named.getStatusCode().value()).as(String.valueOf(named.getBody())).isEqualTo(400);
    assertThat(raw("county.liunan", HttpMethod.POST, "/engine-rest//task/" + task + "/complete", smuggled)
        .getStatusCode().value()).isEqualTo(400);
    assertThat(raw(null, HttpMethod.POST, "/camunda//api/admin/setup/default/user/create", Map.of()).getStatusCode().value())
        .isEqualTo(400);
    assertThat(raw(null, HttpMethod.POST, "/camunda/%2e/api/admin/setup/default/user/create", Map.of()).getStatusCode().value())
        .isEqualTo(400);
    // A task that does not exist is 404, never a 500 and never a pass.
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/no-such-task/complete", vars("decision", "APPROVE"))
        .getStatusCode().value()).isEqualTo(404);
    assertThat(application(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");
    // The amount is the ledger's whatever the process variables say: the rated award is computed from the ledger's facts.
    assertThat(call("county.liunan", HttpMethod.POST, "/engine-rest/task/" + task + "/complete", vars("decision", "APPROVE"))
        .getStatusCode().value()).isEqualTo(204);
    runDueJobs();
    assertThat(application(id).get("proposedAward").decimalValue()).isEqualByComparingTo("70000");
  }

  @Test
  void aDmnResourceMustCarryAName() throws Exception {
    String shipped = new String(getClass().getResourceAsStream("/dmn/LZ-2026Q2/LZ-2026Q2.dmn").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    var unnamed = deploy("tables", shipped);
    assertThat(unnamed.getStatusCode().value()).isEqualTo(400);
    assertThat(unnamed.getBody().toString()).contains(".dmn");
    String id = fileExhibition(cleanEnterprise(), 100000).get("id").asText();
    assertThat(application(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");
  }

  @Test
  void aWrongPasswordCountsOnce() {
    String address = "203.0.113.99";
    for (int i = 0; i < 9; i++) {
      assertThat(callFrom(address, "finance", "nope-" + i, HttpMethod.GET, "/api/packages", null).getStatusCode().value())
          .isEqualTo(401);
    }
    assertThat(callFrom(address, "finance", PASSWORD, HttpMethod.GET, "/api/packages", null).getStatusCode().value())
        .isEqualTo(200);
  }
}
