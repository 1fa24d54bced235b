package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyExample;
import cn.liuzhou.incentives.policy.PolicyPackage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
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
 * automated screening with the award the source prescribes. The API files today: a case that fixes
 * its filing date is used only for a measure without an undated one, moved by whole years so that it
 * is filed in this year (its dates move with it, none into the future). Every measure has a case.
 */
class EveryMeasureApiTest extends ApiTestSupport {

  @org.springframework.beans.factory.annotation.Autowired PolicyCatalogue catalogue;

  static Stream<PolicyExample> eligibleExamples() throws IOException {
    PolicyCatalogue catalogue = new PolicyCatalogue();
    List<PolicyExample> chosen = new ArrayList<>();
    for (PolicyPackage pkg : catalogue.packages()) {
      Map<String, Integer> perMeasure = new HashMap<>();
      List<PolicyExample> dated = new ArrayList<>();
      for (PolicyExample e : catalogue.examples(pkg)) {
        boolean rated = e.enterprise() != null && e.enterprise().get("expertRating") != null;
        if (!e.expect().eligible() || rated) {
          continue;
        }
        if (e.enterprise() != null && e.enterprise().get("filedOn") != null) {
          dated.add(e);
        } else if (perMeasure.merge(e.measure(), 1, Integer::sum) <= 3) {
          chosen.add(e);
        }
      }
      for (PolicyExample e : dated) {
        PolicyExample moved = filedThisYear(pkg, e);
        if (moved != null && !perMeasure.containsKey(e.measure()) && !chosen.stream().anyMatch(c -> c.measure().equals(e.measure()))) {
          chosen.add(moved);
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

  /** The case moved by whole years to be filed this year, or null if one of its dates would be in the future. */
  static PolicyExample filedThisYear(PolicyPackage pkg, PolicyExample e) {
    LocalDate today = LocalDate.now();
    int years = today.getYear() - LocalDate.parse(String.valueOf(e.enterprise().get("filedOn"))).getYear();
    Map<String, Object> facts = new HashMap<>(e.facts());
    for (FactSpec f : pkg.measure(e.measure()).orElseThrow().facts()) {
      if ("date".equals(f.type()) && facts.get(f.name()) != null) {
        LocalDate moved = LocalDate.parse(String.valueOf(facts.get(f.name()))).plusYears(years);
        if (moved.isAfter(today)) {
          return null;
        }
        facts.put(f.name(), moved.toString());
      }
    }
    Map<String, Object> enterprise = new HashMap<>(e.enterprise());
    enterprise.remove("filedOn");
    return new PolicyExample(e.name() + "（按年平移至今年申报）", e.measure(), enterprise, facts, e.expect());
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
    // A fact naming another enterprise on a list (a bank's borrower): the case says it is listed, so list it.
    for (FactSpec f : catalogue.measure(measure).orElseThrow().facts()) {
      if (f.nameList() != null && Boolean.TRUE.equals(ent.get(f.onNameListVariable()))) {
        call("admin", HttpMethod.PUT, "/api/name-lists/" + f.nameList() + "/entries/" + example.facts().get(f.name()), null);
      }
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
