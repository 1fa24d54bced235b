package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Bad input and forbidden access answer 4xx problem+json naming the field, never a 500. */
class ApiErrorsTest extends ApiTestSupport {

  static final String DEMO_ENTERPRISE = "91450200MA5L000117"; // liunan, clean

  static void assertProblem(ResponseEntity<JsonNode> response, int status, String field) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    JsonNode body = response.getBody();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asText()).isNotBlank();
    assertThat(body.get("detailEn").asText()).isNotBlank();
    if (field != null) {
      assertThat(body.get("errors").findValuesAsText("field")).contains(field);
    }
  }

  ResponseEntity<JsonNode> file(String user, Object body) {
    return call(user, HttpMethod.POST, "/api/applications", body);
  }

  Map<String, Object> exhibition(String code, Map<String, Object> facts) {
    return Map.of("measureCode", "LZ-2026Q2-EXHIBITION", "creditCode", code, "facts", facts);
  }

  @Test
  void malformedJsonIs400() {
    assertProblem(file(DEMO_ENTERPRISE, "{\"measureCode\": "), 400, null);
  }

  @Test
  void wrongJsonTypeIs400() {
    assertProblem(file(DEMO_ENTERPRISE, "{\"measureCode\": \"LZ-2026Q2-EXHIBITION\", \"facts\": [1, 2]}"), 400, "facts");
  }

  @Test
  void badCreditCodeIs422() {
    assertProblem(file(DEMO_ENTERPRISE, exhibition("91450200MA5L000118", Map.of("eligibleCost", 1000, "eventDate", "2026-05-01"))),
        422, "creditCode");
    assertProblem(call("admin", HttpMethod.PUT, "/api/enterprises/123", Map.of("name", "x")), 422, "creditCode");
  }

  @Test
  void unknownMeasureIs422() {
    assertProblem(file(DEMO_ENTERPRISE, Map.of("measureCode", "LZ-2026Q2-NOPE", "creditCode", DEMO_ENTERPRISE, "facts", Map.of())),
        422, "measureCode");
  }

  @Test
  void countyMeasureIsNotFiledByEnterprises() {
    assertProblem(file(DEMO_ENTERPRISE, Map.of("measureCode", "LZ-2026Q2-COUNTY-RANKING", "creditCode", DEMO_ENTERPRISE,
        "facts", Map.of())), 422, "measureCode");
  }

  @Test
  void missingNegativeOrMalformedFactsAre422() {
    assertProblem(file(DEMO_ENTERPRISE, exhibition(DEMO_ENTERPRISE, Map.of("eventDate", "2026-05-01"))), 422, "facts.eligibleCost");
    assertProblem(file(DEMO_ENTERPRISE, exhibition(DEMO_ENTERPRISE, Map.of("eligibleCost", -1, "eventDate", "2026-05-01"))),
        422, "facts.eligibleCost");
    assertProblem(file(DEMO_ENTERPRISE, exhibition(DEMO_ENTERPRISE, Map.of("eligibleCost", "lots", "eventDate", "2026-05-01"))),
        422, "facts.eligibleCost");
    assertProblem(file(DEMO_ENTERPRISE, exhibition(DEMO_ENTERPRISE, Map.of("eligibleCost", 1000, "eventDate", "2026-02-30"))),
        422, "facts.eventDate");
    assertProblem(file(DEMO_ENTERPRISE, exhibition(DEMO_ENTERPRISE,
        Map.of("eligibleCost", 1000, "eventDate", "2026-05-01", "bonus", 1))), 422, "facts.bonus");
  }

  @Test
  void missingOrWrongLoginIs401() {
    var anonymous = call(null, HttpMethod.GET, "/api/applications", null);
    assertProblem(anonymous, 401, null);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    String throwAway = cleanEnterprise();
    assertProblem(call(throwAway, "wrong-password", HttpMethod.GET, "/api/applications", null), 401, null);
    assertThat(call(null, HttpMethod.GET, "/engine-rest/task", null).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void healthAnswersWithoutLogin() {
    var health = rest.getForEntity("/actuator/health", String.class);
    assertThat(health.getStatusCode().value()).isEqualTo(200);
    assertThat(health.getBody()).contains("UP");
  }

  @Test
  void enterprisesFileOnlyForThemselvesAndCountiesOnlyForTheirOwn() {
    String other = cleanEnterprise(); // liunan
    assertProblem(file(DEMO_ENTERPRISE, exhibition(other, Map.of("eligibleCost", 1000, "eventDate", "2026-05-01"))), 403, null);
    assertProblem(file("county.yufeng", exhibition(other, Map.of("eligibleCost", 1000, "eventDate", "2026-05-01"))), 403, null);
    assertProblem(file("bureau", exhibition(other, Map.of("eligibleCost", 1000, "eventDate", "2026-05-01"))), 403, null);
  }

  @Test
  void anotherCountysApplicationIsForbidden() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    assertProblem(call("county.yufeng", HttpMethod.GET, "/api/applications/" + id, null), 403, null);
    assertProblem(call(DEMO_ENTERPRISE, HttpMethod.GET, "/api/applications/" + id, null), 403, null);
    assertThat(call("county.liunan", HttpMethod.GET, "/api/applications/" + id, null).getStatusCode().value()).isEqualTo(200);
    assertThat(call("county.liunan", HttpMethod.GET, "/api/applications", null).getBody().toString()).contains(id);
    assertThat(call("county.yufeng", HttpMethod.GET, "/api/applications", null).getBody().toString()).doesNotContain(id);
  }

  @Test
  void unknownApplicationIs404() {
    assertProblem(call("admin", HttpMethod.GET, "/api/applications/SQ-NONE", null), 404, null);
  }

  @Test
  void objectionOutsideNoticeIs409AndNeedsAReason() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    assertProblem(call("county.yufeng", HttpMethod.POST, "/api/applications/" + id + "/objections", Map.of("reason", "x")), 409, "status");
    assertProblem(call("county.yufeng", HttpMethod.POST, "/api/applications/" + id + "/objections", Map.of()), 422, "reason");
  }

  @Test
  void registryWritesAreForAdministratorsAndValidated() {
    String ent = cleanEnterprise();
    assertProblem(call("bureau", HttpMethod.PUT, "/api/enterprises/" + ent, Map.of("name", "x")), 403, null);
    assertProblem(call("admin", HttpMethod.PUT, "/api/enterprises/" + ent, Map.of("name", "x", "county", "atlantis",
        "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "E", "accountingCreditGood", true)),
        422, "county");
    assertProblem(call("admin", HttpMethod.POST, "/api/enterprises/" + ent + "/credit-records",
        Map.of("category", "NOISE", "serious", true, "recordedOn", "2999-01-01", "description", "x")), 422, "recordedOn");
    assertProblem(call("admin", HttpMethod.POST, "/api/enterprises/91450200MA5L00022B/credit-records",
        Map.of("category", "TAX")), 422, "serious");
    assertProblem(call("admin", HttpMethod.PUT, "/api/enterprises/" + ent + "/account", Map.of("password", "abc")), 422, "password");
    var updated = call("admin", HttpMethod.PUT, "/api/enterprises/" + ent, Map.of("name", "改名企业", "county", "liunan",
        "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "B", "accountingCreditGood", true,
        "jointPunishmentTarget", false));
    assertThat(updated.getStatusCode().value()).isEqualTo(200);
    assertThat(call(ent, HttpMethod.GET, "/api/enterprises/" + ent, null).getBody().path("enterprise").path("name").asText())
        .isEqualTo("改名企业");
  }
}
