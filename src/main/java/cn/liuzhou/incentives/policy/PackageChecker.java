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

  /** Rule ids matched by the decision tables evaluated on this thread since the last {@link #MATCHED} reset. */
  private static final ThreadLocal<List<String>> MATCHED = ThreadLocal.withInitial(ArrayList::new);

  private final DmnEngine dmnEngine = ((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
      .customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules()
          .forEach(r -> MATCHED.get().add(event.getDecision().getKey() + "/" + r.getId()))))
      .buildEngine();
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

  /** One worked case run against tables: what it expects, what the tables gave, and the rules that matched. */
  public record ExampleResult(String name, String measure, String expected, String got, boolean passed, String failure,
      List<String> matchedRules) {}

  /** The outcome of running tables against the worked cases, changing nothing. */
  public record DryRun(List<DmnDiagnostics.Problem> problems, List<ExampleResult> cases) {
    public boolean passes() {
      return problems.isEmpty() && cases.stream().allMatch(ExampleResult::passed);
    }

    public long failures() {
      return cases.stream().filter(c -> !c.passed()).count();
    }
  }

  /**
   * Runs the tables against the package's active worked cases (or the given ones) and reports each, with the parse,
   * structure and FEEL problems (decision, rule, line) found first. Deploys nothing, records nothing.
   */
  public DryRun dryRun(PolicyPackage pkg, byte[] dmnXml, List<PolicyExample> cases) {
    List<DmnDiagnostics.Problem> problems = new ArrayList<>(DmnDiagnostics.parse(dmnXml));
    if (!problems.isEmpty()) {
      return new DryRun(problems, List.of());
    }
    problems.addAll(DmnDiagnostics.feel(dmnXml));
    Map<String, DmnDecision> decisions;
    try {
      decisions = dmnEngine.parseDecisions(new ByteArrayInputStream(dmnXml)).stream()
          .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
    } catch (RuntimeException e) {
      problems.add(new DmnDiagnostics.Problem(null, null, null, "DMN 无法解析：" + e.getMessage(), "The DMN cannot be parsed: " + e.getMessage()));
      return new DryRun(problems, List.of());
    }
    List<String> structure = new ArrayList<>();
    decisions.keySet().stream().filter(k -> !k.startsWith(pkg.code() + "-"))
        .forEach(k -> structure.add("决策键须以政策包代码开头：" + k + " / decision key must start with the package code: " + k));
    requireOutputs(decisions, pkg.generalDecisionKey(), GENERAL_OUTPUTS, structure);
    for (Measure m : pkg.measures()) {
      requireOutputs(decisions, m.decision(), m.isEnterpriseMeasure() ? MEASURE_OUTPUTS : List.of("award"), structure);
    }
    structure.forEach(p -> {
      String[] parts = p.split(" / ", 2);
      problems.add(new DmnDiagnostics.Problem(null, null, null, parts[0], parts.length > 1 ? parts[1] : parts[0]));
    });
    if (!problems.isEmpty()) {
      return new DryRun(problems, List.of());
    }
    List<ExampleResult> results = new ArrayList<>();
    for (PolicyExample example : cases == null ? examples.apply(pkg) : cases) {
      results.add(evaluate(pkg, decisions, example));
    }
    return new DryRun(problems, results);
  }

  /** The reasons the tables cannot be deployed for the package; empty when they pass. */
  public List<String> check(PolicyPackage pkg, byte[] dmnXml) {
    List<String> problems = new ArrayList<>();
    Map<String, DmnDecision> decisions;
    try {
      decisions = dmnEngine.parseDecisions(new ByteArrayInputStream(dmnXml)).stream()
          .collect(Collectors.toMap(DmnDecision::getKey, Function.identity()));
    } catch (RuntimeException e) {
      problems.add("DMN 无法解析：" + e.getMessage() + " / the DMN cannot be parsed: " + e.getMessage());
      return problems;
    }
    // FEEL that does not parse is named once, with its decision, rule and line, instead of failing every worked case.
    DmnDiagnostics.feel(dmnXml).forEach(p -> problems.add(p.where() + "：" + p.zh() + " / "
        + "decision " + p.decisionId() + ", rule " + p.ruleId() + ", line " + p.line() + ": " + p.en()));
    if (!problems.isEmpty()) {
      return problems;
    }
    decisions.keySet().stream().filter(k -> !k.startsWith(pkg.code() + "-"))
        .forEach(k -> problems.add("决策键须以政策包代码开头：" + k + " / decision key must start with the package code: " + k));
    requireOutputs(decisions, pkg.generalDecisionKey(), GENERAL_OUTPUTS, problems);
    for (Measure m : pkg.measures()) {
      requireOutputs(decisions, m.decision(), m.isEnterpriseMeasure() ? MEASURE_OUTPUTS : List.of("award"), problems);
    }
    if (problems.isEmpty()) {
      for (PolicyExample example : examples.apply(pkg)) {
        ExampleResult result = evaluate(pkg, decisions, example);
        if (!result.passed()) {
          problems.add("示例未通过：「" + example.name() + "」预期 " + result.expected() + "，实际 " + result.got()
              + " / example fails: " + example.name() + " — " + result.failure());
        }
      }
    }
    return problems;
  }

  private static void requireOutputs(Map<String, DmnDecision> decisions, String key, List<String> outputs, List<String> problems) {
    DmnDecision decision = decisions.get(key);
    if (decision == null) {
      problems.add("缺少决策 " + key + " / missing decision: " + key);
      return;
    }
    if (!(decision.getDecisionLogic() instanceof DmnDecisionTableImpl table)) {
      problems.add("决策 " + key + " 须为决策表 / decision must be a decision table: " + key);
      return;
    }
    List<String> declared = table.getOutputs().stream().map(DmnDecisionTableOutputImpl::getOutputName).toList();
    outputs.stream().filter(o -> !declared.contains(o))
        .forEach(o -> problems.add("决策 " + key + " 缺少输出 " + o + " / decision " + key + " lacks output: " + o));
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

  private ExampleResult evaluate(PolicyPackage pkg, Map<String, DmnDecision> decisions, PolicyExample example) {
    String expected = expected(example.expect());
    Measure measure = pkg.measure(example.measure()).orElse(null);
    if (measure == null) {
      return fail(example, expected, "—", "unknown measure " + example.measure(), List.of());
    }
    Facts.Checked facts = Facts.check(measure, example.facts());
    if (example.expect().expectsFactsRejected()) {
      return facts.ok() ? fail(example, expected, "申报事实被接受", "expected the facts to be rejected but they were accepted", List.of())
          : new ExampleResult(example.name(), example.measure(), expected, "申报事实被拒绝", true, null, List.of());
    }
    if (!facts.ok()) {
      return fail(example, expected, "申报事实被拒绝", "facts rejected: " + facts.errors(), List.of());
    }
    Map<String, Object> variables = new HashMap<>(facts.variables());
    variables.put("filedOn", LocalDate.now().toString());
    variables.put("measureCode", measure.code());
    variables.put("projectId", "EXAMPLE-PROJECT");
    // A named enterprise's list membership is the registry's, not the facts': a case states it beside onNameList.
    measure.facts().stream().filter(f -> f.nameList() != null).forEach(f -> variables.put(f.onNameListVariable(), null));
    if (example.enterprise() != null) {
      variables.putAll(example.enterprise());
    }
    MATCHED.get().clear();
    try {
      List<Map<String, Object>> rows = dmnEngine.evaluateDecision(decisions.get(measure.decision()), variables)
          .getResultList();
      List<String> matched = List.copyOf(MATCHED.get());
      MeasureOutcome outcome = MeasureOutcome.of(rows);
      BigDecimal actual = outcome.eligible() && outcome.award() != null
          ? AwardCalculator.award(outcome.award(), outcome.capAmount(), BigDecimal.ZERO, outcome.roundingUnit()) : null;
      String got = outcome.eligible() ? "符合，奖励 " + (actual == null ? "由市局核定" : actual.stripTrailingZeros().toPlainString() + " 元")
          : "不符合：" + outcome.reasons().stream().map(Reason::zh).collect(Collectors.joining("；"));
      if (outcome.eligible() != example.expect().eligible()) {
        return fail(example, expected, got, "expected eligible=" + example.expect().eligible() + " but got " + outcome.eligible()
            + " " + outcome.reasons(), matched);
      }
      if (outcome.eligible()) {
        BigDecimal expectedAward = example.expect().award();
        if (expectedAward == null ? actual != null : actual == null || expectedAward.compareTo(actual) != 0) {
          return fail(example, expected, got, "expected award " + expectedAward + " but got " + actual, matched);
        }
        String contract = compareContract(example.expect(), outcome);
        if (contract != null) {
          return fail(example, expected, got, contract, matched);
        }
      }
      return new ExampleResult(example.name(), example.measure(), expected, got, true, null, matched);
    } catch (RuntimeException e) {
      return fail(example, expected, "评估出错", "evaluation failed: " + e.getMessage(), List.copyOf(MATCHED.get()));
    } finally {
      MATCHED.get().clear();
    }
  }

  private static ExampleResult fail(PolicyExample example, String expected, String got, String failure, List<String> matched) {
    return new ExampleResult(example.name(), example.measure(), expected, got, false, failure, matched);
  }

  private static String expected(PolicyExample.Expectation e) {
    if (e.expectsFactsRejected()) {
      return "申报事实被拒绝";
    }
    if (!e.eligible()) {
      return "不符合";
    }
    return "符合，奖励 " + (e.award() == null ? "由市局核定" : e.award().stripTrailingZeros().toPlainString() + " 元");
  }
}
