package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends a returned application that was not amended by its deadline. */
@Component("lapseRecorder")
public class LapseRecorder implements JavaDelegate {

  private final ApplicationStatusRecorder status;

  public LapseRecorder(ApplicationStatusRecorder status) {
    this.status = status;
  }

  @Override
  public void execute(DelegateExecution execution) {
    status.set(Variables.string(execution, Variables.APPLICATION_ID), Variables.string(execution, Variables.CREDIT_CODE),
        ApplicationStatus.LAPSED, "补正期限已过，申请终止", "The amendment deadline passed");
  }
}
