package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The application a process instance works on, read from the ledger by the process business key.
 * Everything that decides money, identity or recipient comes from here, never from a process
 * variable: a task's user can write variables through the engine's REST API, not the business key.
 * The model's expressions use it too ({@code county-${currentApplication.county(execution)}}).
 */
@Component("currentApplication")
public class CurrentApplication {

  private final ApplicationRepository applications;
  private final PolicyCatalogue catalogue;

  public CurrentApplication(ApplicationRepository applications, PolicyCatalogue catalogue) {
    this.applications = applications;
    this.catalogue = catalogue;
  }

  public ApplicationRecord of(DelegateExecution execution) {
    return applications.get(execution.getProcessBusinessKey());
  }

  public ApplicationRecord of(DelegateTask task) {
    return of(task.getExecution());
  }

  public String county(DelegateExecution execution) {
    return of(execution).county();
  }

  public String packageCode(DelegateExecution execution) {
    return of(execution).packageCode();
  }

  public String measureDecisionKey(DelegateExecution execution) {
    return of(execution).decisionKey();
  }

  public String generalDecisionKey(DelegateExecution execution) {
    return catalogue.find(of(execution).packageCode()).map(PolicyPackage::generalDecisionKey).orElseThrow();
  }

  public String decisionVersionTag(DelegateExecution execution) {
    return of(execution).decisionVersionTag();
  }
}
