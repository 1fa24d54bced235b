package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Issue 7: no way around a stated condition, the once-per-period rule or a cap the applicant could type around. */
class PolicyConditionsApiTest extends ApiTestSupport {

  private ResponseEntity<JsonNode> file(String ent, String measure, Map<String, Object> facts) {
    return call(ent, HttpMethod.POST, "/api/applications", Map.of("measureCode", measure, "creditCode", ent, "facts", facts));
  }

  private JsonNode fileAndScreen(String ent, String measure, Map<String, Object> facts) {
    var response = file(ent, measure, facts);
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    runDueJobs();
    return application(response.getBody().get("id").asText());
  }

  @Test
  void aQuarterlyAwardIsGivenOncePerEnterpriseAndPackage() {
    String ent = cleanEnterprise();
    Map<String, Object> facts = Map.of("baseCase", "WITH_BASE", "quarterOutput", 40000000, "priorYearQuarterOutput", 36000000);
    assertThat(fileAndScreen(ent, "GX-2025Q2-OUTPUT-GROWTH", facts).get("status").asText()).isEqualTo("COUNTY_REVIEW");
    JsonNode second = fileAndScreen(ent, "GX-2025Q2-OUTPUT-GROWTH", facts);
    assertThat(second.get("status").asText()).isEqualTo("REJECTED");
    assertThat(second.get("reasons").toString()).contains("ONCE_ONLY", "只能享受一次", "依据：GX-2025Q2-OUTPUT-GROWTH，GX-2025Q2");
  }

  @Test
  void aConditionOfTheSourceCannotBeLeftOut() {
    String ent = newEnterprise("liunan", "AUTO_PARTS", true, "A", false);
    // LZ-2025Q1 (十二): sales to one OEM up 8% — without the figures there is no application.
    var missing = file(ent, "LZ-2025Q1-OEM-SUPPLY", Map.of("oemName", "某整车企业"));
    assertThat(missing.getStatusCode().value()).isEqualTo(422);
    assertThat(missing.getBody().get("errors").toString()).contains("priorYearOemSales", "oemSales");
    // Below the stated growth the table refuses it.
    JsonNode low = fileAndScreen(ent, "LZ-2025Q1-OEM-SUPPLY",
        Map.of("oemName", "某整车企业", "priorYearOemSales", 1000000, "oemSales", 1079999));
    assertThat(low.get("status").asText()).isEqualTo("REJECTED");
  }

  @Test
  void whetherAFirmHasABaseIsStatedNotInferredFromAMissingFigure() {
    String ent = cleanEnterprise();
    var noCase = file(ent, "GX-2025Q2-OUTPUT-GROWTH", Map.of("quarterOutput", 40000000));
    assertThat(noCase.getStatusCode().value()).isEqualTo(422);
    assertThat(noCase.getBody().get("errors").toString()).contains("baseCase");
    var withBaseButNoFigure = file(ent, "GX-2025Q2-OUTPUT-GROWTH", Map.of("baseCase", "WITH_BASE", "quarterOutput", 40000000));
    assertThat(withBaseButNoFigure.getStatusCode().value()).isEqualTo(422);
    assertThat(withBaseButNoFigure.getBody().get("errors").toString()).contains("priorYearQuarterOutput");
  }

  @Test
  void theApplicantCannotDeclareAFindingReservedToTheGovernment() {
    String ent = cleanEnterprise();
    var declared = file(ent, "LZ-SEI-TALENT", Map.of("coreTechnologyIndustrialised", true, "exceptionallyOutstanding", true));
    assertThat(declared.getStatusCode().value()).isEqualTo(422);
    assertThat(declared.getBody().get("errors").toString()).contains("exceptionallyOutstanding");
  }

  @Test
  void aBankIsRewardedOnlyForPledgeFinancingToAnEnterpriseOnTheSeiList() {
    String bank = cleanEnterprise();
    String listed = cleanEnterprise();
    String notListed = cleanEnterprise();
    call("admin", HttpMethod.PUT, "/api/name-lists/LZ-SEI-ENTERPRISES/entries/" + listed, null);
    Map<String, Object> pledge = Map.of("pledgeType", "IP_PLEDGE", "financingAmount", 5000000, "financingDate",
        java.time.LocalDate.now().minusDays(1).toString());

    // 三十二 针对战略性新兴产业企业: the borrower's standing is read from the government's list, not declared.
    JsonNode refused = fileAndScreen(bank, "LZ-SEI-BANK-PLEDGE", with(pledge, "borrowerCreditCode", notListed), registerProject(bank));
    assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
    assertThat(refused.get("reasons").toString()).contains("借款企业不在战略性新兴产业企业名单");

    JsonNode paid = fileAndScreen(bank, "LZ-SEI-BANK-PLEDGE", with(pledge, "borrowerCreditCode", listed), registerProject(bank));
    assertThat(paid.get("status").asText()).as(paid.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(paid.get("proposedAward").decimalValue()).isEqualByComparingTo("50000");

    var noBorrower = call(bank, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-SEI-BANK-PLEDGE",
        "creditCode", bank, "facts", pledge, "projectId", registerProject(bank)));
    assertThat(noBorrower.getStatusCode().value()).isEqualTo(422);
    assertThat(noBorrower.getBody().get("errors").toString()).contains("borrowerCreditCode");
    var badCode = call(bank, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-SEI-BANK-PLEDGE",
        "creditCode", bank, "facts", with(pledge, "borrowerCreditCode", listed.substring(0, 17) + (listed.endsWith("0") ? "1" : "0")),
        "projectId", registerProject(bank)));
    assertThat(badCode.getStatusCode().value()).isEqualTo(422);
    assertThat(badCode.getBody().get("errors").toString()).contains("borrowerCreditCode");
  }

  @Test
  void anAcquirerIsSubsidisedOnlyForMergingAnEnterpriseOnTheSeiList() {
    String acquirer = cleanEnterprise();
    String listed = cleanEnterprise();
    String notListed = cleanEnterprise();
    call("admin", HttpMethod.PUT, "/api/name-lists/LZ-SEI-ENTERPRISES/entries/" + listed, null);
    Map<String, Object> merger = Map.of("newRegisteredCapital", 10000000, "producesInLiuzhou", true, "mergerDate",
        java.time.LocalDate.now().minusDays(1).toString());

    // 二十五 支持国内外知名企业兼并重组我市战略性新兴产业企业: the acquirer applies and names the merged enterprise,
    // whose standing is read from the government's list.
    JsonNode unnamed = fileAndScreen(acquirer, "LZ-SEI-MERGER", merger);
    assertThat(unnamed.get("status").asText()).isEqualTo("REJECTED");
    assertThat(unnamed.get("reasons").toString()).contains("也未填写在名单内的被兼并重组企业");
    JsonNode offList = fileAndScreen(acquirer, "LZ-SEI-MERGER", with(merger, "mergedEnterpriseCreditCode", notListed));
    assertThat(offList.get("status").asText()).isEqualTo("REJECTED");
    assertThat(offList.get("reasons").toString()).contains("申报的被兼并重组企业不在战略性新兴产业企业名单");
    JsonNode paid = fileAndScreen(acquirer, "LZ-SEI-MERGER", with(merger, "mergedEnterpriseCreditCode", listed));
    assertThat(paid.get("status").asText()).as(paid.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(paid.get("proposedAward").decimalValue()).isEqualByComparingTo("1000000");

    // 三十 对新设立的检测检验认证机构: whether the applicant is one is a required fact, as for 计量认证.
    var testing = call(acquirer, HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-SEI-TESTING-INSTITUTION",
        "creditCode", acquirer, "facts", Map.of("investmentAmount", 1000000, "establishedOn", java.time.LocalDate.now().toString()),
        "projectId", registerProject(acquirer)));
    assertThat(testing.getStatusCode().value()).isEqualTo(422);
    assertThat(testing.getBody().get("errors").toString()).contains("testingInstitution");
  }

  @Test
  void oneMergerIsSubsidisedOncePerAcquiredEnterpriseWhoeverFiles() {
    String target = cleanEnterprise();
    String acquirer = cleanEnterprise();
    String third = cleanEnterprise();
    String otherTarget = cleanEnterprise();
    String laterTarget = cleanEnterprise();
    for (String listed : new String[] {target, otherTarget, laterTarget}) {
      call("admin", HttpMethod.PUT, "/api/name-lists/LZ-SEI-ENTERPRISES/entries/" + listed, null);
    }
    Map<String, Object> merger = Map.of("newRegisteredCapital", 40000000, "producesInLiuzhou", true, "mergerDate",
        java.time.LocalDate.now().minusDays(1).toString());

    // Audit #17: the acquired enterprise files alone (the catalogue's facts only) ...
    JsonNode first = fileAndScreen(target, "LZ-SEI-MERGER", merger);
    assertThat(first.get("status").asText()).as(first.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(first.get("proposedAward").decimalValue()).isEqualByComparingTo("3000000");
    // ... then neither its acquirer nor anybody else naming it is subsidised again for the same merger.
    for (String other : new String[] {acquirer, third}) {
      JsonNode again = fileAndScreen(other, "LZ-SEI-MERGER", with(merger, "mergedEnterpriseCreditCode", target));
      assertThat(again.get("status").asText()).isEqualTo("REJECTED");
      assertThat(again.get("reasons").toString()).contains("ONCE_PER_SUBJECT", "只能享受一次", target, first.get("id").asText(),
          "依据：LZ-SEI-MERGER");
    }
    // The acquirer naming a target first, then the target filing alone: refused too.
    JsonNode named = fileAndScreen(acquirer, "LZ-SEI-MERGER", with(merger, "mergedEnterpriseCreditCode", otherTarget));
    assertThat(named.get("status").asText()).as(named.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(named.get("proposedAward").decimalValue()).isEqualByComparingTo("3000000");
    JsonNode alone = fileAndScreen(otherTarget, "LZ-SEI-MERGER", merger);
    assertThat(alone.get("status").asText()).isEqualTo("REJECTED");
    assertThat(alone.get("reasons").toString()).contains("ONCE_PER_SUBJECT", named.get("id").asText());

    // The cap counts per acquired enterprise: the same acquirer merging a different enterprise gets its own 3,000,000.
    JsonNode different = fileAndScreen(acquirer, "LZ-SEI-MERGER", with(merger, "mergedEnterpriseCreditCode", laterTarget));
    assertThat(different.get("status").asText()).as(different.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(different.get("proposedAward").decimalValue()).isEqualByComparingTo("3000000");

    // Once the first application is rejected, the merger may be filed again (by the acquirer, say).
    assertThat(completeTask("county.liunan", first.get("id").asText(), Map.of("decision", "REJECT", "comment", "材料不全"))
        .getStatusCode().value()).isEqualTo(204);
    assertThat(application(first.get("id").asText()).get("status").asText()).isEqualTo("REJECTED");
    JsonNode refiled = fileAndScreen(acquirer, "LZ-SEI-MERGER", with(merger, "mergedEnterpriseCreditCode", target));
    assertThat(refiled.get("status").asText()).as(refiled.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(refiled.get("proposedAward").decimalValue()).isEqualByComparingTo("3000000");
  }

  @Test
  void designContractsOfOneProjectShareTheProjectsCapInsteadOfBeingRefused() {
    // 三十 按外包合同实际履约金额的10%给予补助，单个项目最高补助30万元: a project's several contracts share its cap.
    String ent = cleanEnterprise();
    call("admin", HttpMethod.PUT, "/api/name-lists/LZ-SEI-ENTERPRISES/entries/" + ent, null);
    String project = registerProject(ent);
    String day = java.time.LocalDate.now().minusDays(1).toString();
    JsonNode first = fileAndScreen(ent, "LZ-SEI-DESIGN-OUTSOURCING", Map.of("contractAmount", 2000000, "contractDate", day), project);
    assertThat(first.get("status").asText()).as(first.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(first.get("proposedAward").decimalValue()).isEqualByComparingTo("200000");
    JsonNode second = fileAndScreen(ent, "LZ-SEI-DESIGN-OUTSOURCING", Map.of("contractAmount", 2000000, "contractDate", day), project);
    assertThat(second.get("status").asText()).as(second.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    assertThat(second.get("proposedAward").decimalValue()).isEqualByComparingTo("100000");
    JsonNode third = fileAndScreen(ent, "LZ-SEI-DESIGN-OUTSOURCING", Map.of("contractAmount", 100000, "contractDate", day), project);
    assertThat(third.get("status").asText()).isEqualTo("REJECTED");
    assertThat(third.get("reasons").toString()).contains("CAP_REACHED").doesNotContain("PROJECT_DUPLICATE");
    // Another project has a cap of its own.
    JsonNode other = fileAndScreen(ent, "LZ-SEI-DESIGN-OUTSOURCING", Map.of("contractAmount", 100000, "contractDate", day),
        registerProject(ent));
    assertThat(other.get("proposedAward").decimalValue()).isEqualByComparingTo("10000");
    // A measure paid on the project's one investment figure still takes one application per project.
    Map<String, Object> milciv = Map.of("investmentAmount", 1000000, "approvalDate", day);
    String milcivProject = registerProject(ent);
    JsonNode once = fileAndScreen(ent, "LZ-SEI-MILCIV-PROJECT", milciv, milcivProject);
    assertThat(once.get("status").asText()).as(once.path("reasons").toString()).isEqualTo("COUNTY_REVIEW");
    JsonNode twice = fileAndScreen(ent, "LZ-SEI-MILCIV-PROJECT", milciv, milcivProject);
    assertThat(twice.get("reasons").toString()).contains("PROJECT_DUPLICATE");
  }

  @Test
  void aRecognitionDatedAfterTheFilingIsNotYetARecognition() {
    String ent = cleanEnterprise();
    String tomorrow = java.time.LocalDate.now().plusDays(1).toString();
    JsonNode future = fileAndScreen(ent, "LZ-SEI-SMART-MFG", Map.of("recognitionType", "CITY_SMART_WORKSHOP", "recognitionDate", tomorrow));
    assertThat(future.get("status").asText()).isEqualTo("REJECTED");
    assertThat(future.get("reasons").toString()).contains("晚于申报日期");
    // 三十 对检测检验认证机构…: whether the applicant is one is a condition of its own.
    var cma = file(ent, "LZ-SEI-CMA", Map.of("recognitionDate", java.time.LocalDate.now().toString()));
    assertThat(cma.getStatusCode().value()).isEqualTo(422);
    assertThat(cma.getBody().get("errors").toString()).contains("testingInstitution");
    JsonNode notAnInstitution = fileAndScreen(ent, "LZ-SEI-CMA",
        Map.of("recognitionDate", java.time.LocalDate.now().toString(), "testingInstitution", false));
    assertThat(notAnInstitution.get("status").asText()).isEqualTo("REJECTED");
  }

  private JsonNode fileAndScreen(String ent, String measure, Map<String, Object> facts, String projectId) {
    var response = call(ent, HttpMethod.POST, "/api/applications",
        Map.of("measureCode", measure, "creditCode", ent, "facts", facts, "projectId", projectId));
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
    runDueJobs();
    return application(response.getBody().get("id").asText());
  }

  private static Map<String, Object> with(Map<String, Object> facts, String name, Object value) {
    Map<String, Object> all = new java.util.HashMap<>(facts);
    all.put(name, value);
    return all;
  }
}
