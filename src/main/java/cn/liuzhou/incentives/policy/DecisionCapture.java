package cn.liuzhou.incentives.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableOutputImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Records what a measure decision evaluated by a business rule task saw and matched, as a transient
 * variable ({@value #MEASURE_EVALUATION}, JSON) of the screening's process instance: the screening
 * delegate that runs next in the same transaction writes the calculation trace from it into the ledger.
 * General-eligibility decisions and decisions evaluated outside a business rule task are left alone.
 */
@Component
public class DecisionCapture implements DmnDecisionEvaluationListener {

  public static final String MEASURE_EVALUATION = "measureEvaluation";

  private final ObjectMapper json;

  public DecisionCapture(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void notify(DmnDecisionEvaluationEvent event) {
    BpmnExecutionContext context = Context.getBpmnExecutionContext();
    ExecutionEntity execution = context == null ? null : context.getExecution();
    if (execution == null || execution.getActivity() == null
        || !(execution.getActivity().getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior)) {
      return;
    }
    DmnDecision decision = event.getDecisionResult().getDecision();
    if (decision.getKey().endsWith("-GENERAL")) {
      return;
    }
    List<DecisionEvaluation> required = new ArrayList<>();
    event.getRequiredDecisionResults().forEach(r -> of(r, List.of()).ifPresent(required::add));
    of(event.getDecisionResult(), required).ifPresent(evaluation -> {
      try {
        execution.setVariable(MEASURE_EVALUATION, Variables.stringValue(json.writeValueAsString(evaluation), true));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Decision evaluation of " + decision.getKey() + " cannot be recorded", e);
      }
    });
  }

  public Optional<DecisionEvaluation> read(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(stored, DecisionEvaluation.class));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static Optional<DecisionEvaluation> of(DmnDecisionLogicEvaluationEvent event, List<DecisionEvaluation> required) {
    if (!(event instanceof DmnDecisionTableEvaluationEvent table)
        || !(event.getDecision().getDecisionLogic() instanceof DmnDecisionTableImpl logic)) {
      return Optional.empty();
    }
    DmnDecision decision = event.getDecision();
    List<DecisionEvaluation.Input> inputs = new ArrayList<>();
    for (int i = 0; i < table.getInputs().size(); i++) {
      DmnEvaluatedInput input = table.getInputs().get(i);
      String expression = i < logic.getInputs().size() && logic.getInputs().get(i).getExpression() != null
          ? logic.getInputs().get(i).getExpression().getExpression() : null;
      inputs.add(new DecisionEvaluation.Input(input.getName(), expression, plain(input.getValue())));
    }
    List<DecisionEvaluation.Rule> rules = new ArrayList<>();
    for (DmnEvaluatedDecisionRule matched : table.getMatchingRules()) {
      DmnDecisionTableRuleImpl rule = logic.getRules().stream().filter(r -> matched.getId().equals(r.getId())).findFirst().orElse(null);
      List<DecisionEvaluation.Output> outputs = new ArrayList<>();
      for (int o = 0; o < logic.getOutputs().size(); o++) {
        DmnDecisionTableOutputImpl output = logic.getOutputs().get(o);
        DmnEvaluatedOutput evaluated = matched.getOutputEntries().get(output.getOutputName());
        String expression = rule != null && o < rule.getConclusions().size() && rule.getConclusions().get(o) != null
            ? rule.getConclusions().get(o).getExpression() : null;
        outputs.add(new DecisionEvaluation.Output(output.getOutputName(), output.getName(), expression,
            evaluated == null ? null : plain(evaluated.getValue())));
      }
      rules.add(new DecisionEvaluation.Rule(matched.getId(), outputs));
    }
    String definitionId = decision instanceof DecisionDefinition d ? d.getId() : null;
    String versionTag = decision instanceof DecisionDefinition d ? d.getVersionTag() : null;
    return Optional.of(new DecisionEvaluation(decision.getKey(), decision.getName(), definitionId, versionTag, inputs, rules,
        required));
  }

  /** Numbers as exact decimals, booleans as they are, everything else (dates, strings) as text. */
  private static Object plain(TypedValue typed) {
    Object v = typed == null ? null : typed.getValue();
    if (v == null || v instanceof Boolean || v instanceof String) {
      return v;
    }
    if (v instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (v instanceof Map<?, ?> || v instanceof List<?>) {
      return v.toString();
    }
    return v.toString();
  }
}
