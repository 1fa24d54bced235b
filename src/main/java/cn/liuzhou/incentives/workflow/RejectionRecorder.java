package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.policy.Reason;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends an application as REJECTED with its reasons: screening's, or the rejecting reviewer's comment. */
@Component("rejectionRecorder")
public class RejectionRecorder implements JavaDelegate {

  private final ApplicationRepository applications;
  private final ApplicationStatusRecorder status;
  private final BudgetRelease budgetRelease;
  private final ReasonsJson reasonsJson;

  public RejectionRecorder(ApplicationRepository applications, ApplicationStatusRecorder status,
      BudgetRelease budgetRelease, ReasonsJson reasonsJson) {
    this.applications = applications;
    this.status = status;
    this.budgetRelease = budgetRelease;
    this.reasonsJson = reasonsJson;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationRecord app = applications.get(execution.getProcessBusinessKey());
    List<Reason> reasons;
    if (!Boolean.TRUE.equals(execution.getVariable(Variables.SCREENING_PASSED))) {
      reasons = reasonsJson.read(app.reasonsJson());
    } else if ("REJECT".equals(execution.getVariable("bureauDecision"))) {
      String comment = Variables.string(execution, "bureauComment");
      reasons = List.of(new Reason("BUREAU_REJECTED", "市工业和信息化局审核不通过：" + comment, "Rejected by the city industry bureau: " + comment));
    } else {
      String comment = Variables.string(execution, "countyComment");
      reasons = List.of(new Reason("COUNTY_REJECTED", "县区工信部门审核不通过：" + comment, "Rejected by the county industry office: " + comment));
    }
    applications.setReasons(app.id(), reasonsJson.write(reasons));
    budgetRelease.release(app);
    status.set(app.id(), app.creditCode(), ApplicationStatus.REJECTED,
        reasons.stream().map(Reason::zh).collect(Collectors.joining("；")),
        reasons.stream().map(Reason::en).collect(Collectors.joining("; ")));
  }
}
