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
        .contains("缺少决策 / missing decision: LZ-2026Q2-LAUNCH-EVENT");
  }
}
