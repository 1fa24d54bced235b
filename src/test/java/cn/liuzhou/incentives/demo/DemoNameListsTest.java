package cn.liuzhou.incentives.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo shows every list-based measure working: each list a measure reads holds a clean demo enterprise. */
class DemoNameListsTest {

  @Test
  void everyNameListAMeasureReadsHasACleanDemoEnterprise() throws Exception {
    JsonNode data;
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/demo-data.json")) {
      data = new ObjectMapper().readTree(in);
    }
    Map<String, JsonNode> enterprises = new HashMap<>();
    data.get("enterprises").forEach(e -> enterprises.put(e.get("creditCode").asText(), e));
    for (PolicyPackage pkg : new PolicyCatalogue().packages()) {
      for (Measure m : pkg.measures()) {
        if (m.nameList() == null) {
          continue;
        }
        JsonNode listed = data.path("nameLists").path(m.nameList());
        assertThat(listed.isArray() && listed.size() > 0).as("demo entries of " + m.nameList()).isTrue();
        boolean clean = false;
        for (JsonNode code : listed) {
          JsonNode e = enterprises.get(code.asText());
          assertThat(e).as(code.asText() + " is a demo enterprise").isNotNull();
          clean |= e.get("aboveDesignatedSize").asBoolean() && e.get("accountingCreditGood").asBoolean()
              && !e.get("jointPunishmentTarget").asBoolean() && e.get("creditRecords").isEmpty()
              && "AB".contains(e.get("taxCreditRating").asText());
        }
        assertThat(clean).as("a clean demo enterprise on " + m.nameList()).isTrue();
      }
    }
  }
}
