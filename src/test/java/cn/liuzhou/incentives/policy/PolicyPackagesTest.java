package cn.liuzhou.incentives.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped package passes the checks a redeployment must pass: its decisions and outputs are
 * all there and each worked case of examples.json (at, under and over every boundary the source
 * gives, caps and rounding) gives the prescribed outcome.
 */
class PolicyPackagesTest {

  static final PolicyCatalogue CATALOGUE = catalogue();
  static final PackageChecker CHECKER = new PackageChecker(CATALOGUE);

  static PolicyCatalogue catalogue() {
    try {
      return new PolicyCatalogue();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<PolicyPackage> packages() {
    return CATALOGUE.packages().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void shippedTablesPassTheirChecksAndExamples(PolicyPackage pkg) {
    assertThat(CHECKER.check(pkg, CATALOGUE.shippedDmn(pkg))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void everyMeasureHasWorkedExamplesOnBothSides(PolicyPackage pkg) {
    var examples = CATALOGUE.examples(pkg);
    for (Measure m : pkg.measures()) {
      if (m.isEnterpriseMeasure()) {
        assertThat(examples).as("eligible example for " + m.code())
            .anyMatch(e -> e.measure().equals(m.code()) && e.expect().eligible());
        assertThat(examples).as("ineligible example for " + m.code())
            .anyMatch(e -> e.measure().equals(m.code()) && !e.expect().eligible());
      }
    }
  }

  @Test
  void aBrokenExampleIsReported() {
    PolicyPackage pkg = CATALOGUE.find("LZ-2026Q2").orElseThrow();
    String broken = new String(CATALOGUE.shippedDmn(pkg), java.nio.charset.StandardCharsets.UTF_8)
        .replace("eligibleCost * 0.5", "eligibleCost * 0.6");
    assertThat(CHECKER.check(pkg, broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .anyMatch(p -> p.contains("示例未通过"));
  }

  @Test
  void aMissingDecisionIsReported() {
    PolicyPackage pkg = CATALOGUE.find("LZ-2026Q2").orElseThrow();
    String broken = new String(CATALOGUE.shippedDmn(pkg), java.nio.charset.StandardCharsets.UTF_8)
        .replace("id=\"LZ-2026Q2-LAUNCH-EVENT\"", "id=\"LZ-2026Q2-LAUNCH-EVENTS\"");
    assertThat(CHECKER.check(pkg, broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .contains("缺少决策 LZ-2026Q2-LAUNCH-EVENT / missing decision: LZ-2026Q2-LAUNCH-EVENT");
  }

  static String shipped(String code) {
    return new String(CATALOGUE.shippedDmn(CATALOGUE.find(code).orElseThrow()), java.nio.charset.StandardCharsets.UTF_8);
  }

  static java.util.List<String> check(String code, String dmn) {
    return CHECKER.check(CATALOGUE.find(code).orElseThrow(), dmn.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aMeasureDecisionWithoutTheOnceKeyOutputIsRefused() {
    // GX-2024Q4-OUTPUT-GROWTH is the package's second decision (index 1); its 12th output (index 11) is onceKey
    String broken = shipped("GX-2024Q4")
        .replaceAll("\\s*<output id=\"out_1_11\"[^>]*name=\"onceKey\"[^>]*/>", "")
        .replaceAll("\\s*<outputEntry id=\"oe_1_\\d+_11\"><text>[^<]*</text></outputEntry>", "");
    assertThat(broken).isNotEqualTo(shipped("GX-2024Q4"));
    assertThat(check("GX-2024Q4", broken))
        .contains("决策 GX-2024Q4-OUTPUT-GROWTH 缺少输出 onceKey / decision GX-2024Q4-OUTPUT-GROWTH lacks output: onceKey");
  }

  @Test
  void aMeasureDecisionThatStopsGivingItsOnceKeyFailsTheWorkedCases() {
    String broken = shipped("GX-2024Q4").replace("<text>\"GX-2024Q4-OUTPUT-GROWTH\"</text>", "<text></text>");
    assertThat(broken).isNotEqualTo(shipped("GX-2024Q4"));
    assertThat(check("GX-2024Q4", broken))
        .anyMatch(p -> p.contains("示例未通过") && p.contains("expected onceKey GX-2024Q4-OUTPUT-GROWTH but got null"));
  }

  @Test
  void aChangedExclusiveGroupFailsTheWorkedCases() {
    String broken = shipped("GX-2024Q4").replace("<text>\"GX-2024Q4-INVEST\"</text>", "<text>\"GX-2024Q4-INVEST-MAJOR\"</text>");
    assertThat(broken).isNotEqualTo(shipped("GX-2024Q4"));
    assertThat(check("GX-2024Q4", broken))
        .anyMatch(p -> p.contains("expected exclusiveGroup GX-2024Q4-INVEST but got GX-2024Q4-INVEST-MAJOR"));
  }

  @Test
  void aPerYearCapKeyedByAnythingButTheFilingYearFailsTheWorkedCases() {
    String broken = shipped("LZ-SEI-2018").replace(
        "\"LZ-SEI-IP-PLEDGE-COST:\" + string(decimal(date(filedOn).year, 0))", "\"LZ-SEI-IP-PLEDGE-COST\"");
    assertThat(broken).isNotEqualTo(shipped("LZ-SEI-2018"));
    assertThat(check("LZ-SEI-2018", broken)).anyMatch(p -> p.contains("expected capGroup LZ-SEI-IP-PLEDGE-COST:2025"));
  }

  @Test
  void everyEnterpriseMeasureHasAWorkedCaseAssertingItsContractOutputs() {
    for (PolicyPackage pkg : CATALOGUE.packages()) {
      for (Measure m : pkg.measures()) {
        if (m.isEnterpriseMeasure()) {
          assertThat(CATALOGUE.examples(pkg)).as("contract assertions for " + m.code())
              .anyMatch(e -> e.measure().equals(m.code()) && e.expect().eligible() && e.expect().amountSource() != null);
        }
      }
    }
  }
}
