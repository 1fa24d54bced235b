package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may hold and complete a review task: a member of the task's own group (from the ledger: the
 * application's county, the bureau, the experts, finance), never the applicant enterprise and never
 * the person who filed the application. A task may be claimed only by oneself; an administrator may
 * assign it, but only to a member of that group.
 */
@Component
public class ReviewerCheck {

  private final IdentityService identity;

  public ReviewerCheck(IdentityService identity) {
    this.identity = identity;
  }

  public void checkAssignee(DelegateTask task, ApplicationRecord app, String group) {
    String assignee = task.getAssignee();
    if (assignee == null) {
      return; // unclaim
    }
    Authentication auth = identity.getCurrentAuthentication();
    List<String> groups;
    if (auth == null || auth.getUserId() == null) {
      groups = groupsOf(assignee);
    } else if (assignee.equals(auth.getUserId())) {
      groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    } else if (auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.ADMINS)) {
      groups = groupsOf(assignee);
    } else {
      throw ReviewTaskListener.refuse("任务只能由本人认领，不能指派给他人", "A task may be claimed only for oneself");
    }
    check(assignee, groups, app, group);
  }

  /** The user completing the task, checked; answers their id for the journal. */
  public String checkCompleter(DelegateTask task, ApplicationRecord app, String group) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      check(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds(), app, group);
      return auth.getUserId();
    }
    // Completed through the Java API with nobody logged in (tests, scripts on the server): check the assignee.
    if (task.getAssignee() != null) {
      check(task.getAssignee(), groupsOf(task.getAssignee()), app, group);
    }
    return task.getAssignee();
  }

  /**
   * The user completing a task that belongs to one group (no applicant involved: the county awards),
   * refused unless a member; answers their id (the assignee when nobody is logged in: Java API).
   */
  public String requireMember(DelegateTask task, String group) {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      if (auth.getGroupIds() == null || !auth.getGroupIds().contains(group)) {
        throw ReviewTaskListener.refuse("只有" + group + "组的成员可以办理该任务", "Only members of group " + group + " may work on this task");
      }
      return auth.getUserId();
    }
    if (task.getAssignee() != null && !groupsOf(task.getAssignee()).contains(group)) {
      throw ReviewTaskListener.refuse("只有" + group + "组的成员可以办理该任务", "Only members of group " + group + " may work on this task");
    }
    return task.getAssignee();
  }

  private static void check(String user, List<String> groups, ApplicationRecord app, String group) {
    if (user.equals(app.filedBy()) || user.equals(app.creditCode())) {
      throw ReviewTaskListener.refuse("申报人不得审核本人或本企业提交的申请", "The applicant or the person who filed an application may not review it");
    }
    if (!groups.contains(group)) {
      throw ReviewTaskListener.refuse("只有" + group + "组的成员可以办理该任务", "Only members of group " + group + " may work on this task");
    }
  }

  private List<String> groupsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
