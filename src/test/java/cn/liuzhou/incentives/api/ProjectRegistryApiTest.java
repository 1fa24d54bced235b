package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Issue 7: project-based measures name a registered project of the applicant; per-project rules count by it. */
class ProjectRegistryApiTest extends ApiTestSupport {

  private static final Map<String, Object> INCREMENT = Map.of("quarterInvestment", 120000000, "priorYearQuarterInvestment", 100000000);
  private static final Map<String, Object> MAJOR = Map.of("quarterInvestment", 250000000);

  private ResponseEntity<JsonNode> file(String ent, String measure, String projectId, Map<String, Object> facts) {
    Map<String, Object> body = new HashMap<>(Map.of("measureCode", measure, "creditCode", ent, "facts", facts));
    if (projectId != null) {
      body.put("projectId", projectId);
    }
    var response = call(ent, HttpMethod.POST, "/api/applications", body);
    runDueJobs();
    return response;
  }

  private static Map<String, Object> project(String owner, String county) {
    return Map.of("ownerCreditCode", owner, "name", "年产十万套零部件扩建项目", "county", county, "type", "TECH_RENOVATION",
        "plannedInvestment", 500000000, "startDate", "2024-11-01");
  }

  @Test
  void aProjectMeasureNeedsARegisteredProjectOfTheApplicant() {
    String ent = cleanEnterprise();
    String other = cleanEnterprise();
    var none = file(ent, "GX-2024Q4-INVEST-MAJOR", null, MAJOR);
    assertThat(none.getStatusCode().value()).isEqualTo(422);
    assertThat(none.getBody().get("errors").get(0).get("field").asText()).isEqualTo("projectId");
    assertThat(file(ent, "GX-2024Q4-INVEST-MAJOR", "2024-450205-34-03-000001", MAJOR).getStatusCode().value()).isEqualTo(422);
    String theirs = registerProject(other);
    assertThat(file(ent, "GX-2024Q4-INVEST-MAJOR", theirs, MAJOR).getStatusCode().value()).isEqualTo(422);
    assertThat(file(ent, "GX-2024Q4-INVEST-MAJOR", registerProject(ent), MAJOR).getStatusCode().value()).isEqualTo(201);
  }

  @Test
  void aProjectQualifyingForSeveralInvestmentSubsidiesGetsOne() {
    String ent = cleanEnterprise();
    String code = registerProject(ent);
    JsonNode first = application(file(ent, "GX-2024Q4-INVEST-INCREMENT", code, INCREMENT).getBody().get("id").asText());
    assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("COUNTY_REVIEW");
    // GX-2024Q4 第15条: the same registered project under another of the three subsidies is refused.
    JsonNode second = application(file(ent, "GX-2024Q4-INVEST-MAJOR", code, MAJOR).getBody().get("id").asText());
    assertThat(second.get("status").asText()).isEqualTo("REJECTED");
    assertThat(second.get("reasons").toString()).contains("EXCLUSIVE", "GX-2024Q4 15");
    // The county's form shows the project and what else is filed on it.
    String firstId = first.get("id").asText();
    String task = taskFor("county.liunan", firstId).get("id").asText();
    assertThat(tasks.getVariable(task, "projectSummary").toString()).contains(code, "新建").doesNotContain(firstId);
  }

  @Test
  void projectsAreRegisteredByTheirOwnerOrItsCountyWithAValidCode() {
    String ent = cleanEnterprise();
    String code = "2024-450205-34-03-" + (100000 + (int) (Math.random() * 899999));
    assertThat(call(ent, HttpMethod.PUT, "/api/projects/2024-4502-1", project(ent, "liunan")).getStatusCode().value())
        .isEqualTo(422);
    var bad = call(ent, HttpMethod.PUT, "/api/projects/" + code, Map.of("ownerCreditCode", ent, "name", "", "county", "nowhere",
        "type", "OTHER", "plannedInvestment", -1, "startDate", "soon"));
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().get("errors").toString()).contains("name", "county", "type", "plannedInvestment", "startDate");
    assertThat(call("county.yufeng", HttpMethod.PUT, "/api/projects/" + code, project(ent, "liunan")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call("county.liunan", HttpMethod.PUT, "/api/projects/" + code, project(ent, "liunan")).getStatusCode().value())
        .isEqualTo(201);
    assertThat(call(ent, HttpMethod.PUT, "/api/projects/" + code, project(ent, "liunan")).getStatusCode().value()).isEqualTo(200);
    // Another enterprise cannot take the code over.
    String other = cleanEnterprise();
    assertThat(call(other, HttpMethod.PUT, "/api/projects/" + code, project(other, "liunan")).getStatusCode().value())
        .isEqualTo(409);
    var listed = call(ent, HttpMethod.GET, "/api/projects?creditCode=" + ent, null);
    assertThat(listed.getStatusCode().value()).isEqualTo(200);
    assertThat(listed.getBody().toString()).contains(code);
    assertThat(call(other, HttpMethod.GET, "/api/projects/" + code, null).getStatusCode().value()).isEqualTo(403);
  }
}
