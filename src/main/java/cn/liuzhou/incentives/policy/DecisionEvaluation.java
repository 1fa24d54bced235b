package cn.liuzhou.incentives.policy;

import java.util.List;

/**
 * What one evaluation of a decision table saw and said: each input (label, expression, value), each
 * matched rule with its output entries (expression and value), and the required decisions it used
 * (e.g. the expert rating's rate). Captured by {@link DecisionCapture} while screening runs, so the
 * calculation trace is built from the decision's own outputs rather than computed again.
 */
public record DecisionEvaluation(String key, String name, String definitionId, String versionTag, List<Input> inputs,
    List<Rule> rules, List<DecisionEvaluation> required) {

  public record Input(String label, String expression, Object value) {}

  public record Rule(String id, List<Output> outputs) {

    public Output output(String name) {
      return outputs.stream().filter(o -> name.equals(o.name())).findFirst().orElse(null);
    }
  }

  public record Output(String name, String label, String expression, Object value) {}
}
