package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.springframework.stereotype.Component;

/**
 * An application's steps in order: the journal (who did what, with which comment) merged with the
 * decisions Camunda's history recorded (key, version, versionTag, inputs, outputs).
 */
@Component
public class AuditTrail {

  /** One step; {@code decision} is present for a decision evaluation. */
  public record Step(Instant at, String what, String who, String outcome, String comment, Decision decision) {}

  public record Decision(String key, int version, String versionTag, String activityId,
      Map<String, Object> inputs, List<Map<String, Object>> outputs) {}

  private final ApplicationJournal journal;
  private final HistoryService history;
  private final RepositoryService repository;

  public AuditTrail(ApplicationJournal journal, HistoryService history, RepositoryService repository) {
    this.journal = journal;
    this.history = history;
    this.repository = repository;
  }

  public List<Step> of(ApplicationRecord app) {
    List<Step> steps = new ArrayList<>();
    journal.entries(app.id()).forEach(e -> steps.add(new Step(e.at(), e.step(), e.actor(), e.outcome(), e.comment(), null)));
    if (app.processInstanceId() != null) {
      for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery()
          .processInstanceId(app.processInstanceId()).includeInputs().includeOutputs().list()) {
        var definition = repository.getDecisionDefinition(d.getDecisionDefinitionId());
        Map<String, Object> inputs = new LinkedHashMap<>();
        d.getInputs().forEach(i -> inputs.put(i.getClauseName() != null ? i.getClauseName() : i.getClauseId(), i.getValue()));
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        d.getOutputs().forEach(o -> rules.computeIfAbsent(o.getRuleId() + "#" + o.getRuleOrder(), k -> new LinkedHashMap<>())
            .put(o.getVariableName(), o.getValue()));
        rules.forEach((rule, outputs) -> outputs.put("rule", rule.substring(0, rule.indexOf('#'))));
        steps.add(new Step(d.getEvaluationTime().toInstant(), "DECISION", "system", d.getDecisionDefinitionKey(), null,
            new Decision(d.getDecisionDefinitionKey(), definition.getVersion(), definition.getVersionTag(),
                d.getActivityId(), inputs, new ArrayList<>(rules.values()))));
      }
    }
    steps.sort(Comparator.comparing(Step::at));
    return steps;
  }
}
