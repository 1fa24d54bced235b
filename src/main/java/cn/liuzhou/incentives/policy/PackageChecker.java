package cn.liuzhou.incentives.policy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.springframework.stereotype.Component;

/**
 * Checks a package's decision tables before they become active: every measure still has its
 * decision with the contract's outputs, the general-eligibility decision is there, and the
 * package's own example cases still give the outcomes the source text prescribes.
 */
@Component
public class PackageChecker {

  /** Outputs every measure decision must declare (README, "Decision contract"). */
  public static final List<String> MEASURE_OUTPUTS = List.of("eligible", "reasonZh", "reasonEn", "award",
      "capAmount", "capScope", "capGroup", "roundingUnit", "amountSource", "expertReview", "exclusiveGroup",
      "onceKey", "packageLimit", "seriesKey", "seriesLimit");

  private static final List<String> GENERAL_OUTPUTS = List.of("eligible", "reasonZh", "reasonEn");

  private final DmnEngine dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final Function<PolicyPackage, List<PolicyExample>> examples;

  /** Checks against the examples shipped with the packages. */
  public PackageChecker(PolicyCatalogue catalogue) {
    this.examples = catalogue::examples;
  }

  /** Checks against the active examples: uploaded by administrators, else shipped. */
  @org.springframework.beans.factory.annotation.Autowired
  public PackageChecker(PackageExamples examples) {
    this.examples = examples::forPackage;
  }

  /** The reasons the tables cannot be deployed for the package; empty when they pass. */
  public List<String> check(PolicyPackage pkg, byte[] dmnXml) {
    List<String> problems = new ArrayList<>();
    Map<String, DmnDecision> decisions;
    try {
      decisions = dmnEngine.parseDecisions(new ByteArrayInputStream(dmnXml)).stream()
          .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
    } catch (RuntimeException e) {
      problems.add("DMN 无法解析 / the DMN cannot be parsed: " + e.getMessage());
      return problems;
    }
    decisions.keySet().stream().filter(k -> !k.startsWith(pkg.code() + "-"))
        .forEach(k -> problems.add("决策键须以政策包代码开头 / decision key must start with the package code: " + k));
    requireOutputs(decisions, pkg.generalDecisionKey(), GENERAL_OUTPUTS, problems);
    for (Measure m : pkg.measures()) {
      requireOutputs(decisions, m.decision(), m.isEnterpriseMeasure() ? MEASURE_OUTPUTS : List.of("award"), problems);
    }
    if (problems.isEmpty()) {
      for (PolicyExample example : examples.apply(pkg)) {
        String failure = runExample(pkg, decisions, example);
        if (failure != null) {
          problems.add("示例未通过 / example fails: " + example.name() + " — " + failure);
        }
      }
    }
    return problems;
  }

  private static void requireOutputs(Map<String, DmnDecision> decisions, String key, List<String> outputs, List<String> problems) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      problems.add("缺少决策 / missing decision: " + key);
      return;
    }
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      problems.add("决策须为决策表 / decision must be a decision table: " + key);
      return;
    }
    List<String> declared = table.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName).toList();
    outputs.stream().filter(o -> !declared.contains(o))
        .forEach(o -> problems.add("决策 " + key + " 缺少输出 / decision lacks output: " + o));
  }

  /** The contract outputs the example states (absent = not asserted) against the award row's. */
  static String compareContract(PolicyExample.Expectation expect, MeasureOutcome outcome) {
    List<String> differences = new ArrayList<>();
    text(differences, "onceKey", expect.onceKey(), outcome.onceKey());
    text(differences, "exclusiveGroup", expect.exclusiveGroup(), outcome.exclusiveGroup());
    text(differences, "capGroup", expect.capGroup(), outcome.capGroup());
    text(differences, "capScope", expect.capScope(), outcome.capScope());
    text(differences, "amountSource", expect.amountSource(), outcome.amountSource());
    number(differences, "capAmount", expect.capAmount(), outcome.capAmount());
    number(differences, "roundingUnit", expect.roundingUnit(), outcome.roundingUnit());
    return differences.isEmpty() ? null : String.join("; ", differences);
  }

  private static void text(List<String> differences, String output, String expected, String actual) {
    if (expected != null && !expected.equals(actual)) {
      differences.add("expected " + output + " " + expected + " but got " + actual);
    }
  }

  private static void number(List<String> differences, String output, BigDecimal expected, BigDecimal actual) {
    if (expected != null && (actual == null || expected.compareTo(actual) != 0)) {
      differences.add("expected " + output + " " + expected.toPlainString() + " but got "
          + (actual == null ? null : actual.toPlainString()));
    }
  }

  private String runExample(PolicyPackage pkg, Map<String, DmnDecision> decisions, PolicyExample example) {
    Measure measure = pkg.measure(example.measure()).orElse(null);
    if (measure == null) {
      return "unknown measure " + example.measure();
    }
    Facts.Checked facts = Facts.check(measure, example.facts());
    if (example.expect().expectsFactsRejected()) {
      return facts.ok() ? "expected the facts to be rejected but they were accepted" : null;
    }
    if (!facts.ok()) {
      return "facts rejected: " + facts.errors();
    }
    Map<String, Object> variables = new HashMap<>(facts.variables());
    variables.put("filedOn", LocalDate.now().toString());
    variables.put("measureCode", measure.code());
    variables.put("projectId", "EXAMPLE-PROJECT");
    if (example.enterprise() != null) {
      variables.putAll(example.enterprise());
    }
    try {
      List<Map<String, Object>> rows = dmnEngine.evaluateDecision(decisions.get(measure.decision()), variables)
          .getResultList();
      MeasureOutcome outcome = MeasureOutcome.of(rows);
      if (outcome.eligible() != example.expect().eligible()) {
        return "expected eligible=" + example.expect().eligible() + " but got " + outcome.eligible() + " " + outcome.reasons();
      }
      if (outcome.eligible()) {
        BigDecimal expected = example.expect().award();
        BigDecimal actual = outcome.award() == null ? null
            : AwardCalculator.award(outcome.award(), outcome.capAmount(), BigDecimal.ZERO, outcome.roundingUnit());
        if (expected == null ? actual != null : actual == null || expected.compareTo(actual) != 0) {
          return "expected award " + expected + " but got " + actual;
        }
        return compareContract(example.expect(), outcome);
      }
      return null;
    } catch (RuntimeException e) {
      return "evaluation failed: " + e.getMessage();
    }
  }
}
