package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.registry.CreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * One application context for all API tests (in-memory H2, demo users, no job executor: tests run
 * jobs themselves, so nothing depends on timing). Each test registers its own enterprises, so caps
 * and ledgers never leak between tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

  protected static final String PASSWORD = "demo";
  /** Enterprises the tests registered, whose login password is "demo-password". */
  static final java.util.Set<String> CREATED = java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Autowired protected TestRestTemplate rest;
  @Autowired protected ManagementService management;
  @Autowired protected TaskService tasks;
  @Autowired protected ObjectMapper json;

  /** Registers a fresh enterprise (and its login, password "demo-password") and answers its credit code. */
  protected String newEnterprise(String county, String industry, boolean aboveSize, String taxRating, boolean blacklisted) {
    String org = Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    String code = CreditCode.withCheckCharacter("91450200" + org);
    var body = Map.of("name", "测试企业" + org + "有限公司", "county", county, "industry", industry,
        "aboveDesignatedSize", aboveSize, "taxCreditRating", taxRating, "accountingCreditGood", true,
        "jointPunishmentTarget", blacklisted, "bankName", "柳州银行股份有限公司营业部", "bankAccount", "71020" + org);
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code, body).getStatusCode().value()).isEqualTo(201);
    CREATED.add(code);
    assertThat(call("admin", HttpMethod.PUT, "/api/enterprises/" + code + "/account", Map.of("password", "demo-password"))
        .getStatusCode().value()).isEqualTo(201);
    return code;
  }

  /** Registers a fresh investment project of the enterprise (as an administrator) and answers its code. */
  protected String registerProject(String creditCode) {
    String code = "2025-450205-34-03-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    var response = call("admin", HttpMethod.PUT, "/api/projects/" + code, Map.of("ownerCreditCode", creditCode,
        "name", "测试项目" + code, "county", "liunan", "type", "NEW_BUILD", "plannedInvestment", 300000000,
        "startDate", "2025-03-01"));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return code;
  }

  protected String cleanEnterprise() {
    return newEnterprise("liunan", "MACHINERY", true, "A", false);
  }

  protected ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
    return call(user, user != null && CREATED.contains(user) ? "demo-password" : PASSWORD, method, path, body);
  }

  protected ResponseEntity<JsonNode> call(String user, String password, HttpMethod method, String path, Object body) {
    return callFrom(null, user, password, method, path, body);
  }

  /** A call from another client address (as a load balancer on the internal network reports it). */
  protected ResponseEntity<JsonNode> callFrom(String clientAddress, String user, String password, HttpMethod method,
      String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    if (clientAddress != null) {
      headers.set("X-Forwarded-For", clientAddress);
    }
    if (user != null) {
      headers.setBasicAuth(user, password);
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    Object payload = body instanceof String s ? s : body;
    return rest.exchange(path, method, new HttpEntity<>(payload, headers), JsonNode.class);
  }

  /** Files an exhibition application for the enterprise as itself and runs screening. */
  protected JsonNode fileExhibition(String creditCode, double eligibleCost) {
    var response = call(creditCode, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
        "creditCode", creditCode, "facts", Map.of("eligibleCost", eligibleCost, "eventDate", "2026-05-10")));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    runDueJobs();
    return application(response.getBody().get("id").asText());
  }

  protected JsonNode application(String id) {
    var response = call("admin", HttpMethod.GET, "/api/applications/" + id, null);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  /** Runs the asynchronous continuations that are due now (not timers). */
  protected void runDueJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs = management.createJobQuery().executable().messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> management.executeJob(j.getId()));
    }
  }

  @Autowired protected org.camunda.bpm.engine.RuntimeService runtime;

  /** Fires the timer of the application's process (notice period or amendment deadline) now. */
  protected void fireTimer(String applicationId) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationId).singleResult().getId();
    Job timer = management.createJobQuery().processInstanceId(pi).timers().singleResult();
    management.executeJob(timer.getId());
    runDueJobs();
  }

  /** The open task of the application, read through the engine REST API as the given user. */
  protected JsonNode taskFor(String user, String applicationId) {
    var response = call(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + applicationId, null);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody().size() == 0 ? null : response.getBody().get(0);
  }

  /** Claims and completes the application's task through the engine REST API, as Tasklist does. */
  protected ResponseEntity<JsonNode> completeTask(String user, String applicationId, Map<String, Object> variables) {
    JsonNode task = taskFor(user, applicationId);
    assertThat(task).as("task visible to " + user).isNotNull();
    String id = task.get("id").asText();
    call(user, HttpMethod.POST, "/engine-rest/task/" + id + "/claim", Map.of("userId", user));
    Map<String, Object> vars = new java.util.HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    var response = call(user, HttpMethod.POST, "/engine-rest/task/" + id + "/complete", Map.of("variables", vars));
    runDueJobs();
    return response;
  }

  // Evidence uploads and downloads (multipart), as the enterprise portal and Tasklist's links do them.

  protected static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  protected static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

  protected ResponseEntity<JsonNode> upload(String user, String applicationId, String fileName, byte[] content,
      String declaredType, String documentType) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, CREATED.contains(user) ? "demo-password" : PASSWORD);
    }
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    if (content != null) {
      HttpHeaders part = new HttpHeaders();
      part.setContentType(MediaType.parseMediaType(declaredType));
      part.setContentDispositionFormData("file", fileName);
      body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      }, part));
    }
    if (documentType != null) {
      body.add("documentType", documentType);
    }
    return rest.exchange("/api/applications/" + applicationId + "/attachments", HttpMethod.POST,
        new HttpEntity<>(body, headers), JsonNode.class);
  }

  protected ResponseEntity<byte[]> download(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.setBasicAuth(user, CREATED.contains(user) ? "demo-password" : PASSWORD);
    }
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

}
