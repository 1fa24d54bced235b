package cn.liuzhou.incentives.policy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.impl.DmnExpressionImpl;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Evaluates a deployed decision exactly as screening binds it (key + the package's active versionTag, the
 * deployed XML, the engine's FEEL settings) without filing anything: for the portal's matching and estimates,
 * and for the per-grade amounts on the expert's and the bureau's forms (review.ReviewDisplay).
 *
 * <p>It uses a DMN engine of its own, configured like the process engine's, rather than the DecisionService:
 * a preview writes no decision history (history is kept for 30 years and would fill with page views and opened
 * forms, each row belonging to no process instance), and the
 * evaluation reports which rules matched, so a reason can be told apart as one the registry alone decides
 * (a rule that tests no declared fact) or one that only says a fact is still to be declared.
 */
@Component
public class DecisionPreview {

  /** One matched rule: its outputs, and whether any of its conditions tests a fact the applicant declares. */
  public record Row(String ruleId, Map<String, Object> outputs, boolean testsDeclaredFacts) {

    public boolean eligible() {
      return Boolean.TRUE.equals(outputs.get("eligible"));
    }
  }

  /** A column of the decision table: its label and the variables its expression reads. */
  public record Column(String label, Set<String> variables) {}

  private final RepositoryService repository;
  private final DmnEngine dmn;
  /** The decision being evaluated on this thread and the rules of its own table that matched. */
  private record Capture(String decisionKey, List<DmnEvaluatedDecisionRule> rules) {}

  private final ThreadLocal<Capture> matched = new ThreadLocal<>();
  private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

  public DecisionPreview(ProcessEngine engine, RepositoryService repository) {
    this.repository = repository;
    var engineConfiguration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    DefaultDmnEngineConfiguration own = engineConfiguration.getDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener capture = new DmnDecisionTableEvaluationListener() {
      @Override
      public void notify(DmnDecisionTableEvaluationEvent event) {
        // A required decision (e.g. the expert rate a measure's table reads) is evaluated first and reported
        // too: only the decision asked for answers, as the DecisionService's result holds only its rows.
        Capture current = matched.get();
        if (current != null && current.decisionKey().equals(event.getDecision().getKey())) {
          current.rules().addAll(event.getMatchingRules());
        }
      }
    };
    DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration
        .createDefaultDmnEngineConfiguration();
    configuration.enableFeelLegacyBehavior(engineConfiguration.isDmnFeelEnableLegacyBehavior())
        .setReturnBlankTableOutputAsNull(engineConfiguration.isDmnReturnBlankTableOutputAsNull());
    if (engineConfiguration.getDmnFeelCustomFunctionProviders() != null) {
      configuration.feelCustomFunctionProviders(engineConfiguration.getDmnFeelCustomFunctionProviders());
    }
    if (own != null && own.getElProvider() != null) {
      configuration.elProvider(own.getElProvider());
    }
    configuration.customPostDecisionTableEvaluationListeners(List.of(capture));
    this.dmn = configuration.buildEngine();
  }

  /** The deployed decision of that key and versionTag, or null when there is none. */
  public DmnDecision decision(String key, String versionTag) {
    DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .versionTag(versionTag).singleResult();
    if (definition == null) {
      return null;
    }
    return parsed.computeIfAbsent(definition.getId(), id -> {
      try (InputStream xml = repository.getDecisionModel(id)) {
        return dmn.parseDecision(key, xml);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /** Every rule that matched, in table order, with its outputs. */
  public List<Row> evaluate(DmnDecision decision, Map<String, Object> variables, Set<String> declaredFacts) {
    List<DmnEvaluatedDecisionRule> rules = new ArrayList<>();
    matched.set(new Capture(decision.getKey(), rules));
    try {
      dmn.evaluateDecision(decision, new java.util.HashMap<>(variables));
    } finally {
      matched.remove();
    }
    Map<String, DmnDecisionTableRuleImpl> byId = new LinkedHashMap<>();
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    table.getRules().forEach(r -> byId.put(r.getId(), r));
    List<Column> columns = columns(decision);
    List<Row> rows = new ArrayList<>();
    for (DmnEvaluatedDecisionRule rule : rules) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      rule.getOutputEntries().forEach((name, out) -> outputs.put(name, out.getValue() == null ? null : out.getValue().getValue()));
      rows.add(new Row(rule.getId(), outputs, testsAny(byId.get(rule.getId()), columns, declaredFacts)));
    }
    return rows;
  }

  /** The table's input columns. */
  public List<Column> columns(DmnDecision decision) {
    DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
    List<Column> columns = new ArrayList<>();
    for (DmnDecisionTableInputImpl input : table.getInputs()) {
      String text = input.getExpression() == null ? null : input.getExpression().getExpression();
      columns.add(new Column(input.getName(), identifiers(text)));
    }
    return columns;
  }

  private static boolean testsAny(DmnDecisionTableRuleImpl rule, List<Column> columns, Set<String> facts) {
    if (rule == null) {
      return true; // unknown rule: never treat it as the registry's verdict
    }
    List<DmnExpressionImpl> conditions = rule.getConditions();
    for (int i = 0; i < conditions.size() && i < columns.size(); i++) {
      String entry = conditions.get(i) == null ? null : conditions.get(i).getExpression();
      boolean blank = entry == null || entry.isBlank() || entry.trim().equals("-");
      if (!blank && columns.get(i).variables().stream().anyMatch(facts::contains)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static Set<String> identifiers(String expression) {
    if (expression == null) {
      return Set.of();
    }
    String withoutStrings = expression.replaceAll("\"[^\"]*\"", " ");
    Set<String> found = new java.util.HashSet<>();
    var m = IDENTIFIER.matcher(withoutStrings);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
