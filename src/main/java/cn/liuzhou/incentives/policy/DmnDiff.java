package cn.liuzhou.incentives.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * Rules added, removed and changed per decision between two DMN files, read with Camunda's DMN model API. Rules are
 * matched by id (the Modeler keeps a rule's id when its cells are edited); a rule reads as its conditions and outputs.
 */
public final class DmnDiff {

  public enum Kind { ADDED, REMOVED, CHANGED }

  public record RuleChange(Kind kind, String ruleId, String before, String after) {}

  public record DecisionDiff(String decisionId, String name, Kind decisionChange, List<RuleChange> rules) {}

  private DmnDiff() {}

  public static List<DecisionDiff> between(byte[] activeXml, byte[] newXml) {
    Map<String, Decision> before = decisions(activeXml);
    Map<String, Decision> after = decisions(newXml);
    List<DecisionDiff> diffs = new ArrayList<>();
    for (Map.Entry<String, Decision> e : after.entrySet()) {
      Decision old = before.get(e.getKey());
      Map<String, String> newRules = rules(e.getValue());
      if (old == null) {
        diffs.add(new DecisionDiff(e.getKey(), e.getValue().getName(), Kind.ADDED, newRules.entrySet().stream()
            .map(r -> new RuleChange(Kind.ADDED, r.getKey(), null, r.getValue())).toList()));
        continue;
      }
      Map<String, String> oldRules = rules(old);
      List<RuleChange> changes = new ArrayList<>();
      newRules.forEach((id, text) -> {
        if (!oldRules.containsKey(id)) {
          changes.add(new RuleChange(Kind.ADDED, id, null, text));
        } else if (!Objects.equals(oldRules.get(id), text)) {
          changes.add(new RuleChange(Kind.CHANGED, id, oldRules.get(id), text));
        }
      });
      oldRules.forEach((id, text) -> {
        if (!newRules.containsKey(id)) {
          changes.add(new RuleChange(Kind.REMOVED, id, text, null));
        }
      });
      if (!changes.isEmpty()) {
        diffs.add(new DecisionDiff(e.getKey(), e.getValue().getName(), Kind.CHANGED, changes));
      }
    }
    before.forEach((id, d) -> {
      if (!after.containsKey(id)) {
        diffs.add(new DecisionDiff(id, d.getName(), Kind.REMOVED, rules(d).entrySet().stream()
            .map(r -> new RuleChange(Kind.REMOVED, r.getKey(), r.getValue(), null)).toList()));
      }
    });
    return diffs;
  }

  private static Map<String, Decision> decisions(byte[] xml) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    Map<String, Decision> byId = new LinkedHashMap<>();
    model.getModelElementsByType(Decision.class).forEach(d -> byId.put(d.getId(), d));
    return byId;
  }

  /** Each rule as "label cell; …  → output = cell; …  (description)", in table order. */
  private static Map<String, String> rules(Decision decision) {
    Map<String, String> rules = new LinkedHashMap<>();
    for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
      List<Input> inputs = new ArrayList<>(table.getInputs());
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      for (Rule rule : table.getRules()) {
        List<String> conditions = new ArrayList<>();
        var entries = new ArrayList<>(rule.getInputEntries());
        for (int i = 0; i < entries.size(); i++) {
          String text = entries.get(i).getText() == null ? "" : entries.get(i).getText().getTextContent().trim();
          if (!text.isEmpty() && !"-".equals(text)) {
            conditions.add((i < inputs.size() ? label(inputs.get(i).getLabel(), inputs.get(i).getId()) : "#" + i) + " " + text);
          }
        }
        List<String> results = new ArrayList<>();
        var outs = new ArrayList<>(rule.getOutputEntries());
        for (int i = 0; i < outs.size(); i++) {
          String text = outs.get(i).getText() == null ? "" : outs.get(i).getText().getTextContent().trim();
          if (!text.isEmpty()) {
            results.add((i < outputs.size() ? label(outputs.get(i).getName(), outputs.get(i).getId()) : "#" + i) + " = " + text);
          }
        }
        String description = rule.getDescription() == null ? "" : "（" + rule.getDescription().getTextContent().trim() + "）";
        rules.put(rule.getId(), (conditions.isEmpty() ? "（无条件）" : String.join("；", conditions)) + " → "
            + String.join("；", results) + description);
      }
    }
    return rules;
  }

  private static String label(String label, String id) {
    return label == null || label.isBlank() ? id : label;
  }
}
