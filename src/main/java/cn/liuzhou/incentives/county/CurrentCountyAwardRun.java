package cn.liuzhou.incentives.county;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The county award run a process instance works on, from its row by the business key: the model
 * binds the award decision with it ({@code ${currentCountyAwardRun.decisionKey(execution)}}), never
 * with a variable a task's user could have written.
 */
@Component("currentCountyAwardRun")
public class CurrentCountyAwardRun {

  private final CountyAwardRepository runs;

  public CurrentCountyAwardRun(CountyAwardRepository runs) {
    this.runs = runs;
  }

  public String decisionKey(DelegateExecution execution) {
    return runs.get(execution.getProcessBusinessKey()).decisionKey();
  }

  public String decisionVersionTag(DelegateExecution execution) {
    return runs.get(execution.getProcessBusinessKey()).decisionVersionTag();
  }
}
