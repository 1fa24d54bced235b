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
}
