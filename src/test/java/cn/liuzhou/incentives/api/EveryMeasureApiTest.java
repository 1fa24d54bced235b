package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyExample;
import cn.liuzhou.incentives.policy.PolicyPackage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;

/**
 * Every enterprise measure of the catalogue is applicable through POST /api/applications: the
 * packages' own eligible worked cases (up to three per measure) filed as a fresh enterprise pass
 * automated screening with the award the source prescribes (cases that fix their filing date are
 * left out: the API files today). Every measure has at least one such case.
 */
class EveryMeasureApiTest extends ApiTestSupport {

  @org.springframework.beans.factory.annotation.Autowired PolicyCatalogue catalogue;

  static Stream<PolicyExample> eligibleExamples() throws IOException {
    PolicyCatalogue catalogue = new PolicyCatalogue();
    List<PolicyExample> chosen = new ArrayList<>();
    for (PolicyPackage pkg : catalogue.packages()) {
      Map<String, Integer> perMeasure = new HashMap<>();
      for (PolicyExample e : catalogue.examples(pkg)) {
        boolean rated = e.enterprise() != null && e.enterprise().get("expertRating") != null;
        // a case that fixes its filing date cannot be filed through the API, which files today
        boolean dated = e.enterprise() != null && e.enterprise().get("filedOn") != null;
        if (e.expect().eligible() && !rated && !dated && perMeasure.merge(e.measure(), 1, Integer::sum) <= 3) {
          chosen.add(e);
        }
      }
    }
    for (PolicyPackage pkg : catalogue.packages()) {
      pkg.measures().stream().filter(m -> m.isEnterpriseMeasure())
          .forEach(m -> assertThat(chosen).as("an eligible case filed today for " + m.code())
              .anyMatch(e -> e.measure().equals(m.code())));
    }
    return chosen.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eligibleExamples")
  void eligibleCasePassesScreeningThroughTheApi(PolicyExample example) {
    Map<String, Object> ent = example.enterprise() == null ? Map.of() : example.enterprise();
    String industry = String.valueOf(ent.getOrDefault("industry", "MACHINERY"));
    boolean aboveSize = !Boolean.FALSE.equals(ent.get("aboveDesignatedSize"));
    String code = newEnterprise("liunan", industry, aboveSize, "A", false);
    String measure = example.measure();
    if (Boolean.TRUE.equals(ent.get("onNameList"))) {
      String list = call("admin", HttpMethod.GET, "/api/measures", null).getBody().findParents("code").stream()
          .filter(m -> m.get("code").asText().equals(measure)).findFirst().orElseThrow().get("nameList").asText();
      call("admin", HttpMethod.PUT, "/api/name-lists/" + list + "/entries/" + code, null);
    }
    Map<String, Object> body = new HashMap<>(Map.of("measureCode", measure, "creditCode", code, "facts", example.facts()));
    boolean perProject = catalogue.measure(measure).map(m -> m.requiresProject()).orElse(false);
    if (perProject) {
      body.put("projectId", registerProject(code));
    }
    var filed = call(code, HttpMethod.POST, "/api/applications", body);
    assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
    runDueJobs();
    JsonNode app = application(filed.getBody().get("id").asText());
    assertThat(app.get("status").asText()).as(app.path("reasons").toString()).isIn("COUNTY_REVIEW");
    if (example.expect().award() == null) {
      assertThat(app.path("proposedAward").isMissingNode()).as("the bureau sets the amount").isTrue();
    } else {
      assertThat(app.get("proposedAward").decimalValue()).isEqualByComparingTo(example.expect().award());
    }
  }
}
