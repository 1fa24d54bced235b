package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.policy.PolicyCatalogue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Package administration, redeployment and the no-stacking rules held as data. */
class PolicyAdministrationApiTest extends ApiTestSupport {

  @Autowired PolicyCatalogue catalogue;
  @Autowired RepositoryService repository;
  @Autowired cn.liuzhou.incentives.ledger.ApplicationRepository applications;

  /** Registered projects of the tests, by enterprise and the label the test gives them ("P-100"). */
  final Map<String, String> projects = new java.util.concurrent.ConcurrentHashMap<>();

  ResponseEntity<JsonNode> fileAs(String enterprise, String measure, String projectId, Map<String, Object> facts) {
    Map<String, Object> body = new HashMap<>(Map.of("measureCode", measure, "creditCode", enterprise, "facts", facts));
    boolean perProject = catalogue.measure(measure).map(m -> m.requiresProject()).orElse(false);
    if (perProject) {
      String label = projectId == null ? "own-" + java.util.UUID.randomUUID() : projectId;
      body.put("projectId", projects.computeIfAbsent(enterprise + "/" + label, k -> registerProject(enterprise)));
    }
    var response = call(enterprise, HttpMethod.POST, "/api/applications", body);
    runDueJobs();
    return response;
  }

  JsonNode filed(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    return application(response.getBody().get("id").asText());
  }

  ResponseEntity<JsonNode> deployDmn(String code, String xml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.APPLICATION_XML);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return rest.exchange("/api/packages/" + code + "/deployments", HttpMethod.POST,
        new HttpEntity<>(xml.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
  }

  String shipped(String code) {
    return new String(catalogue.shippedDmn(catalogue.find(code).orElseThrow()), StandardCharsets.UTF_8);
  }

  @Test
  void measuresAndPackagesDescribeTheCatalogue() {
    JsonNode measures = call("county.liunan", HttpMethod.GET, "/api/measures", null).getBody();
    List<String> codes = measures.findValuesAsText("code");
    assertThat(codes).contains("LZ-2026Q2-EXHIBITION", "LZ-2025Q1-LOAN-INTEREST", "GX-2025Q2-GREEN", "GX-2024Q4-ELECTRICITY",
        "LZ-SEI-TALENT", "LZ-2026Q2-COUNTY-RANKING");
    JsonNode exhibition = measures.findParents("code").stream()
        .filter(m -> m.get("code").asText().equals("LZ-2026Q2-EXHIBITION")).findFirst().orElseThrow();
    assertThat(exhibition.get("facts").findValuesAsText("name")).containsExactly("eligibleCost", "eventDate");
    assertThat(exhibition.get("amountSource").asText()).isEqualTo("TABLE");

    JsonNode packages = call("admin", HttpMethod.GET, "/api/packages", null).getBody();
    assertThat(packages.findValuesAsText("code")).contains("LZ-2026Q2", "LZ-2025Q1", "GX-2025Q2", "GX-2024Q4", "LZ-SEI-2018");
    JsonNode lz = call("admin", HttpMethod.GET, "/api/packages/LZ-2025Q1", null).getBody();
    assertThat(lz.path("budget").path("total").decimalValue()).isEqualByComparingTo("50000000");
    assertThat(lz.path("activeRevision").path("versionTag").asText()).startsWith("LZ-2025Q1-r");
    assertThat(lz.path("activeDecisions").findValuesAsText("key")).contains("LZ-2025Q1-GENERAL", "LZ-2025Q1-EXHIBITION");
    assertThat(lz.path("publicNoticePeriod").asText()).isEqualTo("P5D");
  }

  @Test
  void settingsAreValidatedRecordedAndClosingTheWindowRefusesFiling() {
    assertProblem(call("bureau", HttpMethod.PUT, "/api/packages/GX-2025Q2/settings", Map.of("budget", 1)), 403);
    assertProblem(call("admin", HttpMethod.PUT, "/api/packages/GX-2025Q2/settings",
        Map.of("applicationOpens", "2026-13-01", "publicNoticePeriod", "five days", "budget", -5)), 422);
    assertProblem(call("admin", HttpMethod.PUT, "/api/packages/NOPE/settings", Map.of("budget", 1)), 404);

    try {
      windowClosedRefusesFiling();
    } finally {
      call("admin", HttpMethod.PUT, "/api/packages/GX-2025Q2/settings",
          Map.of("applicationOpens", java.time.LocalDate.now().minusDays(1).toString(), "applicationCloses", "2099-12-31"));
    }
  }

  void windowClosedRefusesFiling() {
    var changed = call("admin", HttpMethod.PUT, "/api/packages/GX-2025Q2/settings",
        Map.of("applicationOpens", "2020-01-01", "applicationCloses", "2020-12-31", "publicNoticePeriod", "P7D"));
    assertThat(changed.getStatusCode().value()).isEqualTo(200);
    assertThat(changed.getBody().get("openToday").asBoolean()).isFalse();
    assertThat(changed.getBody().get("publicNoticePeriod").asText()).isEqualTo("P7D");
    assertThat(changed.getBody().get("settingsChanges").toString()).contains("applicationCloses", "2020-12-31", "admin");

    String ent = cleanEnterprise();
    var refused = fileAs(ent, "GX-2025Q2-GREEN", null, Map.of("recognitionType", "GREEN_FACTORY"));
    assertProblem(refused, 409);
    assertThat(refused.getBody().get("detail").asText()).contains("不在申报期内");
  }

  @Test
  void redeploymentChangesNewApplicationsButNotOnesAlreadyScreened() {
    String furniture = newEnterprise("liunan", "FURNITURE", true, "A", false);
    JsonNode before = fileExhibition(furniture, 60000);
    assertThat(before.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    String oldTag = before.get("decisionVersionTag").asText();

    // the administrators' new quarter: furniture makers are excluded from the exhibition measure
    String xml = shipped("LZ-2026Q2").replace("<rule id=\"rule_1_0\">", """
        <rule id="rule_1_furniture">
                <description>测试：家具企业不予激励</description>
                <inputEntry id="ie_f_0"><text></text></inputEntry>
                <inputEntry id="ie_f_1"><text>"FURNITURE"</text></inputEntry>
                <inputEntry id="ie_f_2"><text></text></inputEntry>
                <inputEntry id="ie_f_3"><text></text></inputEntry>
                <outputEntry id="oe_f_0"><text>false</text></outputEntry>
                <outputEntry id="oe_f_1"><text>"家具企业本季度不予激励"</text></outputEntry>
                <outputEntry id="oe_f_2"><text>"Furniture makers are excluded this quarter"</text></outputEntry>
                <outputEntry id="oe_f_3"><text></text></outputEntry><outputEntry id="oe_f_4"><text></text></outputEntry>
                <outputEntry id="oe_f_5"><text></text></outputEntry><outputEntry id="oe_f_6"><text></text></outputEntry>
                <outputEntry id="oe_f_7"><text></text></outputEntry><outputEntry id="oe_f_8"><text></text></outputEntry>
                <outputEntry id="oe_f_9"><text></text></outputEntry><outputEntry id="oe_f_10"><text></text></outputEntry>
                <outputEntry id="oe_f_11"><text></text></outputEntry><outputEntry id="oe_f_12"><text></text></outputEntry>
                <outputEntry id="oe_f_13"><text></text></outputEntry><outputEntry id="oe_f_14"><text></text></outputEntry>
              </rule>
              <rule id="rule_1_0">""");
    var deployed = deployDmn("LZ-2026Q2", xml);
    assertThat(deployed.getStatusCode().value()).as(String.valueOf(deployed.getBody())).isEqualTo(201);
    String newTag = deployed.getBody().get("versionTag").asText();
    assertThat(newTag).isNotEqualTo(oldTag).startsWith("LZ-2026Q2-r");
    assertThat(deployed.getBody().get("deployedBy").asText()).isEqualTo("admin");

    JsonNode after = fileExhibition(furniture, 60000);
    assertThat(after.get("decisionVersionTag").asText()).isEqualTo(newTag);
    assertThat(after.get("status").asText()).isEqualTo("REJECTED");
    assertThat(after.get("reasons").toString()).contains("家具企业本季度不予激励");

    // the earlier application, amended and screened again, keeps the tables it was filed under
    String id = before.get("id").asText();
    completeTask("county.liunan", id, Map.of("decision", "RETURN", "comment", "请补充发票"));
    call(furniture, HttpMethod.POST, "/api/applications/" + id + "/amendments",
        Map.of("facts", Map.of("eligibleCost", 80000, "eventDate", "2026-05-10")));
    runDueJobs();
    JsonNode again = application(id);
    assertThat(again.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(again.get("decisionVersionTag").asText()).isEqualTo(oldTag);
    assertThat(again.get("proposedAward").decimalValue()).isEqualByComparingTo("40000");

    // back to the shipped tables (a new revision with its own tag)
    assertThat(deployDmn("LZ-2026Q2", shipped("LZ-2026Q2")).getStatusCode().value()).isEqualTo(201);
  }

  ResponseEntity<JsonNode> putExamples(String code, String json) {
    return putExamples(code, json, false);
  }

  ResponseEntity<JsonNode> putExamples(String code, String json, boolean acceptFailing) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/api/packages/" + code + "/examples" + (acceptFailing ? "?acceptFailing=true" : ""), HttpMethod.PUT,
        new HttpEntity<>(json, headers), JsonNode.class);
  }

  @Test
  void aNewQuartersNumbersNeedNewExamplesButNoRebuild() throws Exception {
    String shippedExamples = new String(getClass().getResourceAsStream("/dmn/LZ-2026Q2/examples.json").readAllBytes(),
        StandardCharsets.UTF_8);
    String sixty = shipped("LZ-2026Q2").replace("eligibleCost * 0.5", "eligibleCost * 0.6");
    assertProblem(deployDmn("LZ-2026Q2", sixty), 422); // the source's examples pin 50 %
    assertProblem(putExamples("LZ-2026Q2", "[{\"name\": \"x\", \"measure\": \"GX-2024Q4-EXHIBITION\", \"expect\": {\"eligible\": true}}]"), 422);
    assertProblem(putExamples("LZ-2026Q2", "{not json"), 422);
    String newQuarter = """
          [{"name": "新季度：展位费20万元按60%为12万元，上限10万元", "measure": "LZ-2026Q2-EXHIBITION",
            "enterprise": {"aboveDesignatedSize": true, "industry": "MACHINERY"},
            "facts": {"eligibleCost": 100000, "eventDate": "2026-05-10"}, "expect": {"eligible": true, "award": 60000}}]""";
    try {
      // The active tables (50 %) fail the new case: the answer names it and nothing is saved until confirmed.
      var refused = putExamples("LZ-2026Q2", newQuarter);
      assertProblem(refused, 409);
      assertThat(refused.getBody().toString()).contains("新季度：展位费20万元按60%为12万元", "预期 符合，奖励 60000 元", "实际 符合，奖励 50000 元");
      assertThat(call("admin", HttpMethod.GET, "/api/packages/LZ-2026Q2/examples", null).getBody().toString())
          .doesNotContain("新季度");
      var examples = putExamples("LZ-2026Q2", newQuarter, true);
      assertThat(examples.getStatusCode().value()).isEqualTo(200);
      assertThat(deployDmn("LZ-2026Q2", sixty).getStatusCode().value()).isEqualTo(201);
      assertThat(fileExhibition(cleanEnterprise(), 100000).get("proposedAward").decimalValue()).isEqualByComparingTo("60000");
    } finally {
      assertThat(putExamples("LZ-2026Q2", shippedExamples, true).getStatusCode().value()).isEqualTo(200);
      assertThat(deployDmn("LZ-2026Q2", shipped("LZ-2026Q2")).getStatusCode().value()).isEqualTo(201);
    }
    assertThat(fileExhibition(cleanEnterprise(), 100000).get("proposedAward").decimalValue()).isEqualByComparingTo("50000");
  }

  @Test
  void brokenTablesAreRefusedAndChangeNothing() {
    String activeBefore = call("admin", HttpMethod.GET, "/api/packages/LZ-2026Q2", null).getBody()
        .path("activeRevision").path("versionTag").asText();
    long deploymentsBefore = repository.createDeploymentQuery().count();

    var wrongRate = deployDmn("LZ-2026Q2", shipped("LZ-2026Q2").replace("eligibleCost * 0.5", "eligibleCost * 0.6"));
    assertProblem(wrongRate, 422);
    assertThat(wrongRate.getBody().get("detail").asText()).contains("示例未通过");

    var missingMeasure = deployDmn("LZ-2026Q2", shipped("LZ-2026Q2").replace("LZ-2026Q2-LAUNCH-EVENT", "LZ-2026Q2-LAUNCH"));
    assertProblem(missingMeasure, 422);
    assertThat(missingMeasure.getBody().get("detail").asText()).contains("LZ-2026Q2-LAUNCH-EVENT");

    assertProblem(deployDmn("LZ-2026Q2", "<definitions>not dmn"), 422);
    assertProblem(call("bureau", HttpMethod.POST, "/api/packages/LZ-2026Q2/deployments", "x"), 415);

    // Camunda Modeler's deploy button goes to /engine-rest: the same checks apply there
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("deployment-name", "LZ-2026Q2 from Modeler");
    form.add("data", new ByteArrayResource(shipped("LZ-2026Q2").replace("eligibleCost * 0.5", "eligibleCost * 0.6")
        .getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "LZ-2026Q2.dmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    var modeler = rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    assertThat(modeler.getStatusCode().is4xxClientError()).as(modeler.getBody()).isTrue();
    assertThat(modeler.getBody()).contains("示例未通过");

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(call("admin", HttpMethod.GET, "/api/packages/LZ-2026Q2", null).getBody()
        .path("activeRevision").path("versionTag").asText()).isEqualTo(activeBefore);
  }

  @Test
  void investmentMeasuresAreExclusiveForOneProject() {
    String ent = cleanEnterprise();
    JsonNode first = filed(fileAs(ent, "GX-2024Q4-INVEST-INCREMENT", "P-100",
        Map.of("quarterInvestment", 12000000, "priorYearQuarterInvestment", 8000000)));
    assertThat(first.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    JsonNode second = filed(fileAs(ent, "GX-2024Q4-INVEST-MAJOR", "P-100", Map.of("quarterInvestment", 250000000)));
    assertThat(second.get("status").asText()).isEqualTo("REJECTED");
    assertThat(second.get("reasons").toString()).contains("只能选择其中一项", first.get("id").asText());
    JsonNode otherProject = filed(fileAs(ent, "GX-2024Q4-INVEST-MAJOR", "P-200", Map.of("quarterInvestment", 250000000)));
    assertThat(otherProject.get("status").asText()).isEqualTo("COUNTY_REVIEW");
  }

  @Test
  void sameTypeAwardOfTheRegionExcludesTheCitysAward() {
    String ent = cleanEnterprise();
    assertProblem(call("admin", HttpMethod.POST, "/api/external-awards", "creditCode,programme\nx,y"), 415);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("admin", PASSWORD);
    headers.setContentType(MediaType.valueOf("text/csv"));
    var bad = rest.exchange("/api/external-awards", HttpMethod.POST, new HttpEntity<>(
        "creditCode,programme,measureType,amount,awardedOn\n123,GX-2025Q1,EXHIBITION,1,2025-03-01\n", headers), JsonNode.class);
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().get("detail").asText()).contains("第2行");
    var imported = rest.exchange("/api/external-awards", HttpMethod.POST, new HttpEntity<>(
        "creditCode,programme,measureType,amount,awardedOn\n" + ent + ",GX-2025Q1,EXHIBITION,30000,2025-03-20\n", headers),
        JsonNode.class);
    assertThat(imported.getBody().get("imported").asInt()).isEqualTo(1);

    JsonNode refused = filed(fileAs(ent, "LZ-2025Q1-EXHIBITION", null, Map.of("eligibleCost", 50000, "eventDate", "2025-02-10")));
    assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
    assertThat(refused.get("reasons").toString()).contains("同类型政策", "GX-2025Q1/EXHIBITION");

    String clean = cleanEnterprise();
    JsonNode accepted = filed(fileAs(clean, "LZ-2025Q1-EXHIBITION", null, Map.of("eligibleCost", 50000, "eventDate", "2025-02-10")));
    assertThat(accepted.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(accepted.path("proposedAward").isMissingNode()).isTrue(); // 一定补助: the bureau sets the amount

    completeTask("county.liunan", accepted.get("id").asText(), Map.of("decision", "APPROVE"));
    var withoutAmount = completeTask("bureau", accepted.get("id").asText(), Map.of("decision", "APPROVE"));
    assertThat(withoutAmount.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutAmount.getBody().get("message").asText()).contains("请填写核定奖励金额");
    assertThat(completeTask("bureau", accepted.get("id").asText(), Map.of("decision", "APPROVE", "approvedAward", 20000))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(application(accepted.get("id").asText()).get("approvedAward").decimalValue()).isEqualByComparingTo("20000");
  }

  @Test
  void listBasedMeasuresNeedTheNameList() {
    String ent = cleanEnterprise();
    Map<String, Object> loan = Map.of("loanAmount", 10000000, "loanMonths", 12, "loanDate", "2024-11-01");
    JsonNode notListed = filed(fileAs(ent, "GX-2024Q4-LOAN-INTEREST", null, loan));
    assertThat(notListed.get("status").asText()).isEqualTo("REJECTED");
    assertThat(call("admin", HttpMethod.PUT, "/api/name-lists/GX-WORKING-CAPITAL-LOAN-2024/entries/" + ent, null)
        .getStatusCode().value()).isEqualTo(201);
    JsonNode listed = filed(fileAs(ent, "GX-2024Q4-LOAN-INTEREST", null, loan));
    assertThat(listed.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(listed.get("proposedAward").decimalValue()).isEqualByComparingTo("200000");
  }

  @Test
  void aiFusionFundsAtMostItsNumberOfProjects() {
    int taken = applications.liveScreenedOfMeasure("GX-2025Q2-AI-FUSION", "-").size();
    List<String> filed = new java.util.ArrayList<>();
    for (int i = taken; i < 20; i++) {
      JsonNode app = filed(fileAs(selected(), "GX-2025Q2-AI-FUSION", "AI-" + i, Map.of("aiManufacturingFusion", true)));
      assertThat(app.get("status").asText()).as("project " + i).isEqualTo("COUNTY_REVIEW");
      assertThat(app.get("proposedAward").decimalValue()).isEqualByComparingTo("500000");
      filed.add(app.get("id").asText());
    }
    JsonNode over = filed(fileAs(selected(), "GX-2025Q2-AI-FUSION", "AI-21", Map.of("aiManufacturingFusion", true)));
    assertThat(over.get("status").asText()).isEqualTo("REJECTED");
    assertThat(over.get("reasons").toString()).contains("名额（20个）已满", filed.get(filed.size() - 1));

    // a rejected project gives its place back
    for (String id : filed) {
      completeTask("county.liunan", id, Map.of("decision", "REJECT", "comment", "测试后释放名额"));
    }
    assertThat(filed(fileAs(selected(), "GX-2025Q2-AI-FUSION", "AI-22", Map.of("aiManufacturingFusion", true))).get("status").asText())
        .isEqualTo("COUNTY_REVIEW");
  }

  /** A clean enterprise whose project the government selected (（二十一）遴选20个). */
  private String selected() {
    String ent = cleanEnterprise();
    assertThat(call("admin", HttpMethod.PUT, "/api/name-lists/GX-2025Q2-AI-FUSION-SELECTED/entries/" + ent, null)
        .getStatusCode().value()).isEqualTo(201);
    return ent;
  }

  @Test
  void aiFusionIsOnlyForTheProjectsTheGovernmentSelected() {
    JsonNode self = filed(fileAs(cleanEnterprise(), "GX-2025Q2-AI-FUSION", "AI-SELF", Map.of("aiManufacturingFusion", true)));
    assertThat(self.get("status").asText()).isEqualTo("REJECTED");
    assertThat(self.get("reasons").toString()).contains("GX-2025Q2-AI-FUSION-SELECTED");
  }

  @Test
  void expertRatingChoosesTheRateInsideThePolicyRange() {
    String ent = newEnterprise("liudong", "NEW_ENERGY", true, "A", false);
    JsonNode app = filed(fileAs(ent, "LZ-SEI-PROJECT", "SEI-1", Map.of("plantAndEquipmentInvestment", 20000000,
        "projectType", "NEW_SEI_PROJECT", "projectStartDate", "2024-03-01")));
    assertThat(app.get("status").asText()).isEqualTo("COUNTY_REVIEW");
    String id = app.get("id").asText();
    completeTask("county.liudong", id, Map.of("decision", "APPROVE"));
    assertThat(application(id).get("status").asText()).isEqualTo("EXPERT_REVIEW");
    assertThat(completeTask("expert", id, Map.of("expertRating", "Z")).getStatusCode().value()).isEqualTo(400);
    assertThat(completeTask("expert", id, Map.of("expertRating", "A", "comment", "技术领先")).getStatusCode().value())
        .isEqualTo(204);
    JsonNode rated = application(id);
    assertThat(rated.get("status").asText()).isEqualTo("BUREAU_REVIEW");
    assertThat(rated.get("proposedAward").decimalValue()).isEqualByComparingTo("2400000"); // 12% at rating A
  }

  static void assertProblem(ResponseEntity<JsonNode> response, int status) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    if (status != 415) {
      assertThat(response.getBody().get("detailEn").asText()).isNotBlank();
    }
  }

  @Test
  void aTableThatDropsItsOncePerPeriodRuleIsRefused() {
    // 7: the worked cases assert the no-stacking outputs, so a redeployment cannot quietly drop them.
    String withoutOnce = shipped("GX-2025Q2").replace("<text>\"GX-2025Q2-OUTPUT-GROWTH\"</text></outputEntry>",
        "<text></text></outputEntry>");
    assertThat(withoutOnce).isNotEqualTo(shipped("GX-2025Q2"));
    var refused = deployDmn("GX-2025Q2", withoutOnce);
    assertProblem(refused, 422);
    assertThat(refused.getBody().toString()).contains("onceKey");
  }
}
