package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends a returned application that was not amended by its deadline. */
@Component("lapseRecorder")
public class LapseRecorder implements JavaDelegate {

  private final ApplicationStatusRecorder status;
  private final cn.liuzhou.incentives.ledger.ApplicationRepository applications;

  public LapseRecorder(ApplicationStatusRecorder status, cn.liuzhou.incentives.ledger.ApplicationRepository applications) {
    this.status = status;
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var app = applications.get(execution.getProcessBusinessKey());
    status.set(app.id(), app.creditCode(),
        ApplicationStatus.LAPSED, "补正期限已过，申请终止", "The amendment deadline passed");
  }
}
