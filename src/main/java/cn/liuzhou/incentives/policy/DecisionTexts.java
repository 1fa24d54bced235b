package cn.liuzhou.incentives.policy;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/** The texts of a deployed decision's rules (their descriptions cite the clause they implement). */
@Component
public class DecisionTexts {

  private final RepositoryService repository;

  public DecisionTexts(RepositoryService repository) {
    this.repository = repository;
  }

  /** The rule's description, or null when the definition or rule is unknown or has none. */
  public String ruleDescription(String decisionDefinitionId, String ruleId) {
    if (decisionDefinitionId == null || ruleId == null) {
      return null;
    }
    var command = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
    if (command != null) {
      // Inside the engine (screening run by a reviewer's completion): the system reads its own tables.
      return command.runWithoutAuthorization(() -> lookup(decisionDefinitionId, ruleId));
    }
    return lookup(decisionDefinitionId, ruleId);
  }

  private String lookup(String decisionDefinitionId, String ruleId) {
    try {
      DmnModelInstance model = repository.getDmnModelInstance(decisionDefinitionId);
      if (model.getModelElementById(ruleId) instanceof Rule rule && rule.getDescription() != null) {
        return rule.getDescription().getTextContent();
      }
      return null;
    } catch (RuntimeException unknown) {
      return null;
    }
  }
}
