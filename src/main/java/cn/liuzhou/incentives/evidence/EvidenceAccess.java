package cn.liuzhou.incentives.evidence;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.security.Caller;
import cn.liuzhou.incentives.security.Groups;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Who may see and add an application's evidence. Read: the applicant, the filer, every reviewer who
 * holds or is a candidate of one of the application's tasks (now or earlier: from the engine's
 * history), the bureau, finance, auditors and administrators. Add: the applicant or the filer, while
 * the application is still open for it (screening, county review, returned for amendment).
 */
@Component
public class EvidenceAccess {

  /** The states in which evidence may still be added. */
  public static final Set<ApplicationStatus> OPEN_FOR_EVIDENCE =
      EnumSet.of(ApplicationStatus.SCREENING, ApplicationStatus.COUNTY_REVIEW, ApplicationStatus.RETURNED);

  private final HistoryService history;
  private final TaskService tasks;

  public EvidenceAccess(HistoryService history, TaskService tasks) {
    this.history = history;
    this.tasks = tasks;
  }

  public boolean mayRead(Caller caller, ApplicationRecord app) {
    if (caller.isAdmin() || caller.isAuditor() || caller.isBureau() || caller.groups().contains(Groups.FINANCE)) {
      return true;
    }
    if (mayAdd(caller, app)) {
      return true;
    }
    return caller.enterprise().isEmpty() && reviewerOf(caller, app);
  }

  /** The applicant enterprise, or the person who filed the application for it. */
  public boolean mayAdd(Caller caller, ApplicationRecord app) {
    return caller.enterprise().map(app.creditCode()::equals).orElse(false) || caller.userId().equals(app.filedBy());
  }

  /** Holds, held, or is or was a candidate (by user or by group) of one of the application's tasks. */
  private boolean reviewerOf(Caller caller, ApplicationRecord app) {
    if (app.processInstanceId() == null) {
      return false;
    }
    String pi = app.processInstanceId();
    String[] groups = caller.groups().toArray(String[]::new);
    if (groups.length > 0 && tasks.createTaskQuery().processInstanceId(pi).taskCandidateGroupIn(java.util.List.of(groups))
        .includeAssignedTasks().count() > 0) {
      return true;
    }
    if (tasks.createTaskQuery().processInstanceId(pi).taskAssignee(caller.userId()).count() > 0) {
      return true;
    }
    for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().processInstanceId(pi).list()) {
      if (caller.userId().equals(t.getAssignee())) {
        return true;
      }
      for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery().taskId(t.getId()).list()) {
        if (caller.userId().equals(link.getUserId()) || link.getGroupId() != null && caller.groups().contains(link.getGroupId())) {
          return true;
        }
      }
    }
    return false;
  }
}
