package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.Notifications;
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

  public ApplicationStatusRecorder(ApplicationRepository applications, Notifications notifications, ApplicationJournal journal) {
    this.applications = applications;
    this.notifications = notifications;
    this.journal = journal;
  }

  public void set(DelegateExecution execution, String status) {
    String id = Variables.string(execution, Variables.APPLICATION_ID);
    set(id, Variables.string(execution, Variables.CREDIT_CODE), ApplicationStatus.valueOf(status), null, null);
  }

  /** Records the status; the optional detail is appended to the enterprise's message. */
  public void set(String id, String creditCode, ApplicationStatus status, String detailZh, String detailEn) {
    applications.setStatus(id, status);
    notifications.send(id, creditCode,
        "您的申请 " + id + " 状态：" + status.zh() + (detailZh == null ? "" : "。" + detailZh),
        "Application " + id + ": " + status.en() + (detailEn == null ? "" : ". " + detailEn));
    journal.record(id, "STATUS", "system", status.name(), detailZh);
  }
}
