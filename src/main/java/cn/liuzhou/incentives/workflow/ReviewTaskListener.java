package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks the reviewers' tasks. On create the form starts blank and the bureau sees
 * the remaining budget; on complete the decision is validated (a comment for every rejection or
 * return, an approved award within what screening allows, a payment reference), the person who
 * filed the application is refused as its reviewer, and the step is journalled. A refusal throws
 * {@link ReviewRefusedException}: Tasklist and the REST API show its message and the task stays open.
 */
@Component("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "RETURN");
  private static final Set<String> RATINGS = Set.of("A", "B", "C");

  private final ApplicationRepository applications;
  private final ApplicationJournal journal;
  private final BudgetLedger budgets;

  public ReviewTaskListener(ApplicationRepository applications, ApplicationJournal journal, BudgetLedger budgets) {
    this.applications = applications;
    this.journal = journal;
    this.budgets = budgets;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      onCreate(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      onComplete(task);
    }
  }

  private void onCreate(DelegateTask task) {
    for (String name : List.of(Variables.DECISION, Variables.COMMENT, Variables.PAYMENT_REFERENCE)) {
      task.getExecution().removeVariable(name);
    }
    if ("bureauReview".equals(task.getTaskDefinitionKey())) {
      task.getExecution().removeVariable(Variables.APPROVED_AWARD);
      String packageCode = Variables.string(task, Variables.PACKAGE_CODE);
      BigDecimal remaining = budgets.find(packageCode).map(BudgetLedger.Budget::remaining).orElse(null);
      task.setVariable(Variables.REMAINING_BUDGET,
          remaining == null ? "预算尚未设定，请联系政策管理员" : remaining.toPlainString() + " 元");
    }
    if ("expertReview".equals(task.getTaskDefinitionKey())) {
      task.getExecution().removeVariable(Variables.EXPERT_RATING);
    }
  }

  private void onComplete(DelegateTask task) {
    String actor = actor(task);
    String filedBy = Variables.string(task, Variables.FILED_BY);
    if (actor != null && actor.equals(filedBy)) {
      throw refuse("申报人不得审核本人提交的申请", "The person who filed an application may not review it");
    }
    String applicationId = Variables.string(task, Variables.APPLICATION_ID);
    switch (task.getTaskDefinitionKey()) {
      case "countyReview" -> {
        String decision = decision(task);
        task.setVariable("countyDecision", decision);
        task.setVariable("countyComment", Variables.string(task, Variables.COMMENT));
        journal.record(applicationId, "COUNTY_REVIEW", actor, decision, Variables.string(task, Variables.COMMENT));
      }
      case "expertReview" -> {
        String rating = Variables.string(task, Variables.EXPERT_RATING);
        if (rating == null || !RATINGS.contains(rating)) {
          throw refuse("请选择专家评审等级（A、B 或 C）", "expertRating must be A, B or C");
        }
        journal.record(applicationId, "EXPERT_REVIEW", actor, rating, Variables.string(task, Variables.COMMENT));
      }
      case "bureauReview" -> {
        String decision = decision(task);
        if ("APPROVE".equals(decision)) {
          BigDecimal approved = approvedAward(task);
          applications.recordApproval(applicationId, approved);
          task.setVariable(Variables.APPROVED_AWARD, approved.doubleValue());
        }
        task.setVariable("bureauDecision", decision);
        task.setVariable("bureauComment", Variables.string(task, Variables.COMMENT));
        journal.record(applicationId, "BUREAU_REVIEW", actor, decision,
            join(Variables.string(task, Variables.COMMENT),
                "APPROVE".equals(decision) ? "核定 " + Variables.decimal(task, Variables.APPROVED_AWARD) + " 元" : null));
      }
      case "financeDisbursement" -> {
        String reference = Variables.string(task, Variables.PAYMENT_REFERENCE);
        if (reference == null || reference.isBlank() || reference.length() > 100) {
          throw refuse("请填写支付凭证号（不超过100个字符）", "paymentReference is required (at most 100 characters)");
        }
        task.setVariable(Variables.PAYMENT_REFERENCE, reference.trim());
        journal.record(applicationId, "FINANCE_DISBURSEMENT", actor, "PAID", reference.trim());
      }
      default -> throw new IllegalStateException("No review rules for task " + task.getTaskDefinitionKey());
    }
  }

  private static String decision(DelegateTask task) {
    String decision = Variables.string(task, Variables.DECISION);
    if (decision == null || !DECISIONS.contains(decision)) {
      throw refuse("请选择审核结论：通过、不通过或退回", "decision must be APPROVE, REJECT or RETURN");
    }
    String comment = Variables.string(task, Variables.COMMENT);
    if (!"APPROVE".equals(decision) && (comment == null || comment.isBlank())) {
      throw refuse("不通过或退回时须填写审核意见", "comment is required for a rejection or a return");
    }
    return decision;
  }

  /** The bureau's amount: at most the proposed award, or the remaining cap where the bureau decides it. */
  private static BigDecimal approvedAward(DelegateTask task) {
    BigDecimal proposed = Variables.decimal(task, Variables.PROPOSED_AWARD);
    BigDecimal cap = Variables.decimal(task, Variables.AWARD_CAP);
    Object raw = task.getVariable(Variables.APPROVED_AWARD);
    BigDecimal approved = Variables.decimal(task, Variables.APPROVED_AWARD);
    if (raw != null && !(raw instanceof String s && s.isBlank()) && approved == null) {
      throw refuse("核定奖励金额须为数字", "approvedAward must be a number");
    }
    if (approved == null) {
      if (proposed == null) {
        throw refuse("本措施奖励金额由市工业和信息化局核定，请填写核定奖励金额", "approvedAward is required: the bureau decides this measure's amount");
      }
      approved = proposed;
    }
    if (approved.signum() <= 0 || approved.stripTrailingZeros().scale() > 2) {
      throw refuse("核定奖励金额须大于零且最多两位小数", "approvedAward must be positive with at most two decimals");
    }
    BigDecimal limit = proposed != null ? proposed : cap;
    if (limit != null && approved.compareTo(limit) > 0) {
      throw refuse("核定奖励金额不得高于" + (proposed != null ? "测算奖励 " : "上限剩余 ") + limit.setScale(2).toPlainString() + " 元",
          "approvedAward must not exceed " + limit.setScale(2).toPlainString());
    }
    return approved.setScale(2);
  }

  private static String actor(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null ? a : a + "；" + b;
  }

  private static ReviewRefusedException refuse(String zh, String en) {
    return new ReviewRefusedException(zh, en);
  }
}
