package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.Notifications;
import cn.liuzhou.incentives.policy.Reason;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the application's status in step with the process, tells the enterprise, and journals
 * the step. Called from the model's start listeners: {@code ${applicationStatus.set(execution, 'X')}}.
 */
@Component("applicationStatus")
public class ApplicationStatusRecorder {

  private final ApplicationRepository applications;
  private final Notifications notifications;
  private final ApplicationJournal journal;
  private final WorkflowSettings settings;
  private final ReasonsJson reasonsJson;

  public ApplicationStatusRecorder(ApplicationRepository applications, Notifications notifications, ApplicationJournal journal,
      WorkflowSettings settings, ReasonsJson reasonsJson) {
    this.settings = settings;
    this.reasonsJson = reasonsJson;
    this.applications = applications;
    this.notifications = notifications;
    this.journal = journal;
  }

  public void set(DelegateExecution execution, String status) {
    var app = applications.get(execution.getProcessBusinessKey());
    String id = app.id();
    String creditCode = app.creditCode();
    ApplicationStatus next = ApplicationStatus.valueOf(status);
    if (next == ApplicationStatus.RETURNED) {
      // The enterprise needs the reviewer's reasons and its deadline to amend.
      String comment = Variables.string(execution, "countyComment");
      String until = settings.deadline(settings.getAmendmentDeadline()).toString();
      applications.setReasons(id, reasonsJson.write(List.of(new Reason("RETURNED",
          "县区工信部门退回补正：" + comment + "（请于" + until + "前补正）",
          "Returned by the county industry office for amendment: " + comment + " (amend by " + until + ")"))));
      set(id, creditCode, next, "退回意见：" + comment + "；请于" + until + "前补正", "Amend by " + until + ": " + comment);
    } else if (next == ApplicationStatus.PUBLIC_NOTICE) {
      String until = settings.deadline(settings.publicNoticePeriod(app.packageCode())).toString();
      set(id, creditCode, next, "公示期至" + until, "on public notice until " + until);
    } else {
      set(id, creditCode, next, null, null);
    }
  }

  /** Records the status; the optional detail is appended to the enterprise's message. */
  public void set(String id, String creditCode, ApplicationStatus status, String detailZh, String detailEn) {
    applications.setStatus(id, status);
    notifications.send(id, creditCode,
        "您的申请 " + id + " 状态：" + status.zh() + (detailZh == null ? "" : "。" + detailZh),
        "Application " + id + ": " + status.en() + (detailEn == null ? "" : ". " + detailEn));
    journal.recordStatus(id, status, detailZh);
  }
}
