package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.workflow.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the run done once every awarded county is paid. */
@Component("countyAwardClosing")
public class CountyAwardClosing implements JavaDelegate {

  private final CountyAwardRepository runs;

  public CountyAwardClosing(CountyAwardRepository runs) {
    this.runs = runs;
  }

  @Override
  public void execute(DelegateExecution execution) {
    runs.setStatus(execution.getProcessBusinessKey(), CountyAwardRepository.Status.DONE);
  }
}
