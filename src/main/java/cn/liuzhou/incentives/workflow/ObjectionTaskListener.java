package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.Objections;
import cn.liuzhou.incentives.review.ReviewDisplay;
import cn.liuzhou.incentives.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The bureau's examination of an objection. The objection and its application are read from the
 * ledger by the process business key (the objection's receipt number); the finding (upheld or
 * dismissed, with a comment) is recorded there and journalled on the application.
 */
@Component("objectionTaskListener")
public class ObjectionTaskListener implements TaskListener {

  private final Objections objections;
  private final ApplicationRepository applications;
  private final ApplicationJournal journal;
  private final ReviewerCheck reviewers;
  private final ReviewDisplay display;

  public ObjectionTaskListener(Objections objections, ApplicationRepository applications, ApplicationJournal journal,
      ReviewerCheck reviewers, ReviewDisplay display) {
    this.display = display;
    this.objections = objections;
    this.applications = applications;
    this.journal = journal;
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    Objections.Objection objection = objections.get(task.getExecution().getProcessBusinessKey());
    ApplicationRecord app = applications.get(objection.applicationId());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // What the bureau's Tasklist card shows.
      task.setVariableLocal(Variables.APPLICATION_ID, app.id());
      task.setVariableLocal(Variables.APPLICANT_NAME, Variables.string(task, Variables.APPLICANT_NAME));
      task.setVariableLocal(Variables.MEASURE_TITLE, "公示异议 " + objection.id() + "：" + Variables.string(task, Variables.MEASURE_TITLE));
      task.setVariableLocal(Variables.PROPOSED_AWARD, app.approvedAward() == null ? "—" : String.format("%,.2f 元", app.approvedAward()));
      task.setVariableLocal(ReviewDisplay.CASE_FILE_LINK, display.caseFileLink(Groups.BUREAU, app.id()));
      return;
    }
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      reviewers.checkAssignee(task, app, Groups.BUREAU);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    String actor = reviewers.checkCompleter(task, app, Groups.BUREAU);
    if (actor != null && actor.equals(objection.objector())) {
      throw ReviewTaskListener.refuse("异议人不得核查本人提出的异议", "An objector may not examine their own objection");
    }
    String decision = Variables.string(task, "objectionDecision");
    if (!"UPHOLD".equals(decision) && !"DISMISS".equals(decision)) {
      throw ReviewTaskListener.refuse("请选择核查结论：异议成立或不成立", "objectionDecision must be UPHOLD or DISMISS");
    }
    String comment = Variables.string(task, Variables.COMMENT);
    if (comment == null || comment.isBlank() || comment.length() > 2000) {
      throw ReviewTaskListener.refuse("请填写核查意见（不超过2000字）", "comment is required (at most 2000 characters)");
    }
    boolean upheld = "UPHOLD".equals(decision);
    if (!objections.decide(objection.id(), upheld ? Objections.Status.UPHELD : Objections.Status.DISMISSED, actor, comment.trim())) {
      throw ReviewTaskListener.refuse("该异议已核查完毕", "The objection was already decided");
    }
    task.setVariable("objectionUpheld", upheld);
    journal.record(app.id(), "OBJECTION_EXAMINED", actor, upheld ? "UPHELD" : "DISMISSED", objection.id() + " " + comment.trim());
  }
}
