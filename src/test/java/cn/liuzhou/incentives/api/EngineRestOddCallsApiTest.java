package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * Odd and hostile calls to Camunda's REST API by people who may log in: each is answered with a 4xx that
 * explains itself, never a 500 (which would hide a refusal among real faults in the logs and the alerts),
 * and none of them changes anything for a reviewer or an enterprise.
 */
class EngineRestOddCallsApiTest extends ApiTestSupport {

  static Stream<Arguments> oddCalls() {
    String unknown = "00000000-0000-0000-0000-000000000000";
    var calls = List.of(
        Arguments.of(HttpMethod.POST, "/engine-rest/condition", Map.of()),
        Arguments.of(HttpMethod.POST, "/engine-rest/condition", Map.of("variables", Map.of("x", Map.of("value", 1)))),
        Arguments.of(HttpMethod.GET, "/engine-rest/job/" + unknown, null),
        Arguments.of(HttpMethod.PUT, "/engine-rest/job/" + unknown + "/retries", Map.of("retries", 1)),
        Arguments.of(HttpMethod.POST, "/engine-rest/job/" + unknown + "/execute", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/task/" + unknown + "/deployed-form", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/task/" + unknown + "/form", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/task/" + unknown + "/form-variables", null),
        Arguments.of(HttpMethod.POST, "/engine-rest/task", Map.of("processVariables",
            List.of(Map.of("name", "applicationId", "operator", "eq", "value", Map.of("a", 1))))),
        Arguments.of(HttpMethod.GET, "/engine-rest/task?dueBefore=not-a-date", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/task?sortBy=bogus&sortOrder=asc", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/history/process-instance?sortBy=bogus&sortOrder=asc", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/process-definition/key/no-such-process/xml", null),
        Arguments.of(HttpMethod.POST, "/engine-rest/process-definition/key/incentive-application/start", Map.of()),
        Arguments.of(HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "ObjectionUpheld")),
        Arguments.of(HttpMethod.POST, "/engine-rest/message", Map.of("messageName", "no-such-message")),
        Arguments.of(HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything")),
        Arguments.of(HttpMethod.GET, "/engine-rest/decision-definition/" + unknown, null),
        Arguments.of(HttpMethod.POST, "/engine-rest/decision-definition/key/no-such-decision/evaluate", Map.of()),
        Arguments.of(HttpMethod.GET, "/engine-rest/variable-instance/" + unknown + "/data", null),
        Arguments.of(HttpMethod.GET, "/engine-rest/execution/" + unknown + "/localVariables", null),
        Arguments.of(HttpMethod.POST, "/engine-rest/external-task/fetchAndLock", Map.of("workerId", "w", "maxTasks", 1,
            "topics", List.of(Map.of("topicName", "x", "lockDuration", 1000)))),
        Arguments.of(HttpMethod.PUT, "/engine-rest/process-instance/suspended", Map.of("suspended", true,
            "processDefinitionKey", "incentive-application")),
        Arguments.of(HttpMethod.POST, "/engine-rest/migration/execute", Map.of()),
        Arguments.of(HttpMethod.POST, "/engine-rest/process-instance/delete", Map.of("processInstanceQuery", Map.of())),
        Arguments.of(HttpMethod.POST, "/engine-rest/deployment/create", Map.of()),
        Arguments.of(HttpMethod.POST, "/engine-rest/task/" + unknown + "/complete", Map.of()),
        Arguments.of(HttpMethod.POST, "/engine-rest/filter", Map.of("resourceType", "Task", "name", "x", "query", Map.of())),
        Arguments.of(HttpMethod.GET, "/engine-rest/user/admin/profile", null),
        Arguments.of(HttpMethod.PUT, "/engine-rest/user/admin/credentials", Map.of("password", "x", "authenticatedUserPassword", "demo")),
        Arguments.of(HttpMethod.POST, "/engine-rest/telemetry/configuration", Map.of("enableTelemetry", true)));
    return Stream.of("bureau", "county.liunan", "91450200MA5L000117")
        .flatMap(user -> calls.stream().map(a -> Arguments.of(user, a.get()[0], a.get()[1], a.get()[2])));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("oddCalls")
  void anOddCallIsAnsweredWithAClientErrorAndChangesNothing(String user, HttpMethod method, String path, Object body) {
    var response = call(user, method, path, body);
    int status = response.getStatusCode().value();
    assertThat(status).as("%s %s %s → %s", user, method, path, response.getBody()).isBetween(400, 499);
  }

  @org.junit.jupiter.api.Test
  void theOperatorsStillSendSignalsAndEvaluateNothingByAccident() {
    assertThat(call("admin", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "maintenance")).getStatusCode().value())
        .isEqualTo(204);
    var refused = call("bureau", HttpMethod.POST, "/engine-rest/engine/default/signal", Map.of("name", "maintenance"));
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(refused.getBody().get("detail").asText()).isEqualTo("无权执行该操作（仅限系统管理员）");
  }
}
