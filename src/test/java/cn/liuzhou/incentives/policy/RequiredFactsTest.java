package cn.liuzhou.incentives.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A missing fact never makes a measure eligible (CATALOGUE, "Every condition the source states is
 * checked"). First line: {@link Facts#check} refuses an application that lacks a required fact (or a
 * fact its declared case requires). Second line: the measure's table itself has a row that fails, with
 * its own reason, when that fact is null, so tables deployed without the filing checks (or a fact
 * lost on the way) still refuse. Each case takes an eligible worked example and removes one fact.
 */
class RequiredFactsTest {

  static final PolicyCatalogue CATALOGUE = PolicyPackagesTest.CATALOGUE;
  static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final Map<String, Map<String, DmnDecision>> DECISIONS = new HashMap<>();

  static Map<String, DmnDecision> decisions(PolicyPackage pkg) {
    return DECISIONS.computeIfAbsent(pkg.code(), c -> {
      Map<String, DmnDecision> byKey = new HashMap<>();
      ENGINE.parseDecisions(new ByteArrayInputStream(CATALOGUE.shippedDmn(pkg))).forEach(d -> byKey.put(d.getKey(), d));
      return byKey;
    });
  }

  /** (package, measure, the eligible example, the fact removed from it). */
  static Stream<Arguments> missingFacts() {
    List<Arguments> cases = new ArrayList<>();
    for (PolicyPackage pkg : CATALOGUE.packages()) {
      Map<String, Boolean> done = new HashMap<>();
      for (PolicyExample e : CATALOGUE.examples(pkg)) {
        Measure m = pkg.measure(e.measure()).orElseThrow();
        if (!e.expect().eligible() || !m.isEnterpriseMeasure() || e.facts() == null) {
          continue;
        }
        for (FactSpec f : m.facts()) {
          if (f.isRequiredFor(e.facts()) && e.facts().containsKey(f.name())
              && done.putIfAbsent(m.code() + "/" + f.name() + "/" + caseOf(m, e), true) == null) {
            cases.add(Arguments.of(pkg.code(), m.code() + " without " + f.name() + caseOf(m, e), e, f.name()));
          }
        }
      }
    }
    return cases.stream();
  }

  private static String caseOf(Measure m, PolicyExample e) {
    StringBuilder c = new StringBuilder();
    for (FactSpec f : m.facts()) {
      if ("enum".equals(f.type()) && f.isRequired() && e.facts().get(f.name()) != null) {
        c.append(' ').append(e.facts().get(f.name()));
      }
    }
    return c.toString();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("missingFacts")
  void aMissingRequiredFactIsRefusedByTheFilingChecksAndByTheTable(String pkgCode, String title,
      PolicyExample example, String fact) {
    PolicyPackage pkg = CATALOGUE.find(pkgCode).orElseThrow();
    Measure measure = pkg.measure(example.measure()).orElseThrow();
    Map<String, Object> facts = new LinkedHashMap<>(example.facts());
    facts.remove(fact);

    assertThat(Facts.check(measure, facts).errors()).as("filing check").anyMatch(err -> err.field().equals("facts." + fact));

    Map<String, Object> complete = Facts.check(measure, example.facts()).variables();
    Map<String, Object> variables = new HashMap<>(complete);
    variables.remove(fact);
    for (FactSpec f : measure.facts()) {
      variables.putIfAbsent(f.name(), null);
    }
    variables.put("filedOn", LocalDate.now().toString());
    variables.put("measureCode", measure.code());
    variables.put("projectId", "EXAMPLE-PROJECT");
    variables.putAll(example.enterprise());
    // The registry lookup finds no list membership for an enterprise the application does not name.
    measure.facts().stream().filter(f -> f.name().equals(fact) && f.nameList() != null)
        .forEach(f -> variables.put(f.onNameListVariable(), null));
    List<Map<String, Object>> rows = ENGINE.evaluateDecision(decisions(pkg).get(measure.decision()), variables).getResultList();
    assertThat(rows).as("the table's own refusal row for a missing " + fact)
        .anyMatch(r -> Boolean.FALSE.equals(r.get("eligible")) && r.get("reasonZh") != null && r.get("reasonEn") != null);
    assertThat(MeasureOutcome.of(rows).eligible()).isFalse();
  }

  @org.junit.jupiter.api.Test
  void aFactIsRequiredOnlyForTheCaseThatNeedsIt() {
    Measure growth = CATALOGUE.measure("GX-2024Q4-OUTPUT-GROWTH").orElseThrow();
    assertThat(Facts.check(growth, Map.of("baseCase", "WITH_BASE", "quarterOutput", 60000000)).errors())
        .extracting(FactError::field).containsExactly("facts.priorYearQuarterOutput");
    assertThat(Facts.check(growth, Map.of("baseCase", "NEW_PRODUCTION", "quarterOutput", 30000000)).errors())
        .extracting(FactError::field).containsExactly("facts.productionStartDate");
    assertThat(Facts.check(growth, Map.of("baseCase", "NEW_PRODUCTION", "quarterOutput", 30000000,
        "productionStartDate", "2024-03-01")).ok()).isTrue();
    assertThat(Facts.check(growth, Map.of("quarterOutput", 30000000)).errors())
        .extracting(FactError::field).containsExactly("facts.baseCase");
  }

  @org.junit.jupiter.api.Test
  void workedCasesWithoutTheNewAssertionsStillRead() throws Exception {
    PolicyExample e = PolicyCatalogue.JSON.readValue("""
        {"name": "n", "measure": "LZ-2026Q2-EXHIBITION", "enterprise": {}, "facts": {},
         "expect": {"eligible": true, "award": 100000}}""", PolicyExample.class);
    assertThat(e.expect().onceKey()).isNull();
    assertThat(e.expect().capAmount()).isNull();
    assertThat(e.expect().expectsFactsRejected()).isFalse();
  }
}
