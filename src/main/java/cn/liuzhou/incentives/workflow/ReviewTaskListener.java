package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.BudgetAccounts;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.ledger.Objections;
import cn.liuzhou.incentives.ledger.StackingRules;
import cn.liuzhou.incentives.policy.AwardCalculator;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.review.Money;
import cn.liuzhou.incentives.review.ReviewDisplay;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks the reviewers' tasks. Who the application is, whose county it belongs to,
 * who filed it and every amount come from the ledger row (by business key), never from a process
 * variable. On create the decision fields start blank and the bureau sees the remaining budget and
 * the cap headroom computed now; on assignment the assignee must belong to the task's own group and
 * must not be the applicant; on complete the decision is validated (a comment for every rejection or
 * return, an approved award within the proposal and the cap as counted now, rounded as the package
 * says, a payment reference) and the step is journalled. A refusal throws
 * {@link ReviewRefusedException}: Tasklist and the REST API show its message and the task stays open.
 */
@Component("reviewTaskListener")
public class ReviewTaskListener implements TaskListener {

  private static final Set<String> DECISIONS = Set.of("APPROVE", "REJECT", "RETURN");
  private static final Set<String> RATINGS = Set.of("A", "B", "C");

  private final CurrentApplication current;
  private final ApplicationRepository applications;
  private final ApplicationJournal journal;
  private final BudgetLedger budgets;
  private final StackingRules stacking;
  private final EnterpriseRegistry registry;
  private final ReviewerCheck reviewers;
  private final Objections objections;
  private final BudgetAccounts accounts;
  private final ProjectSummary projectSummary;
  private final ReviewDisplay display;

  public ReviewTaskListener(ReviewDisplay display, ProjectSummary projectSummary, BudgetAccounts accounts, CurrentApplication current, ApplicationRepository applications, ApplicationJournal journal,
      BudgetLedger budgets, StackingRules stacking, EnterpriseRegistry registry, ReviewerCheck reviewers,
      Objections objections) {
    this.current = current;
    this.applications = applications;
    this.journal = journal;
    this.budgets = budgets;
    this.stacking = stacking;
    this.registry = registry;
    this.reviewers = reviewers;
    this.objections = objections;
    this.accounts = accounts;
    this.projectSummary = projectSummary;
    this.display = display;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> onCreate(task);
      case EVENTNAME_ASSIGNMENT -> {
        ApplicationRecord app = current.of(task);
        reviewers.checkAssignee(task, app, groupOf(task, app));
        if (task.getAssignee() != null) {
          // Claiming shows the reviewer today's figures (evidence added, a corrected payee account).
          display.of(task.getTaskDefinitionKey(), app).forEach(task::setVariableLocal);
        }
      }
      case EVENTNAME_COMPLETE -> onComplete(task);
      default -> { }
    }
  }

  /** The one group whose members may work on the task, derived from the ledger. */
  static String groupOf(DelegateTask task, ApplicationRecord app) {
    return switch (task.getTaskDefinitionKey()) {
      case "countyReview" -> "county-" + app.county();
      case "expertReview" -> "experts";
      case "bureauReview" -> "bureau-reviewers";
      case "financeDisbursement" -> "finance";
      default -> throw new IllegalStateException("No reviewer group for task " + task.getTaskDefinitionKey());
    };
  }

  private void onCreate(DelegateTask task) {
    for (String name : List.of(Variables.DECISION, Variables.COMMENT, Variables.PAYMENT_REFERENCE)) {
      task.getExecution().removeVariable(name);
    }
    ApplicationRecord app = current.of(task);
    task.setVariable("projectSummary", projectSummary.of(app));
    cardVariables(task, app);
    // Calculation, registry data, earlier rounds, evidence and the role's own figures: display-only, task-local.
    display.of(task.getTaskDefinitionKey(), app).forEach(task::setVariableLocal);
    task.setVariableLocal(ReviewDisplay.CASE_FILE_LINK, display.caseFileLink(groupOf(task, app), app.id()));
    if ("bureauReview".equals(task.getTaskDefinitionKey())) {
      task.getExecution().removeVariable(Variables.APPROVED_AWARD);
      String account = accounts.current(app.packageCode());
      BigDecimal remaining = budgets.find(account).map(BudgetLedger.Budget::remaining).orElse(null);
      task.setVariable(Variables.REMAINING_BUDGET, remaining == null ? "预算尚未设定，请联系政策管理员"
          : Money.yuan(remaining) + (accounts.perYear(app.packageCode()) ? "（" + account.substring(account.length() - 4) + "年度）" : ""));
      task.setVariable(Variables.AWARD_CAP, Variables.asDouble(stacking.headroom(app)));
    }
    if ("expertReview".equals(task.getTaskDefinitionKey())) {
      task.getExecution().removeVariable(Variables.EXPERT_RATING);
    }
  }

  /**
   * What Tasklist's cards show (the filter's variables), as the task's own variables: a reviewer may
   * read their task but not the whole process instance, so only task-local values reach the card.
   */
  private void cardVariables(DelegateTask task, ApplicationRecord app) {
    // Tasklist's search box looks up task names by default (名称 like): the application number in the name
    // lets a reviewer type it and press Enter to find the task.
    if (task.getName() != null && !task.getName().contains(app.id())) {
      task.setName(task.getName() + " · " + app.id());
    }
    task.setVariableLocal(Variables.APPLICATION_ID, app.id());
    task.setVariableLocal(Variables.APPLICANT_NAME, Variables.string(task, Variables.APPLICANT_NAME));
    task.setVariableLocal(Variables.MEASURE_TITLE, Variables.string(task, Variables.MEASURE_TITLE));
    task.setVariableLocal(Variables.PROPOSED_AWARD, app.proposedAward() == null ? "由市局核定"
        : Money.yuan(app.proposedAward()));
    // Lets the "补正后重新提交" filter find reviews of amended applications.
    task.setVariableLocal("amended", journal.entries(app.id()).stream().anyMatch(e -> "AMENDED".equals(e.step())));
  }

  private void onComplete(DelegateTask task) {
    ApplicationRecord app = current.of(task);
    // Two completions of one task at once: the second waits for the first on the application's row, then
    // finds the task gone and is told so (409) instead of moving a process the first has already moved.
    applications.lock(app.id());
    if (task.getProcessEngineServices().getTaskService().createTaskQuery().taskId(task.getId()).count() == 0) {
      throw new org.camunda.bpm.engine.OptimisticLockingException("Task " + task.getId() + " was completed at the same time");
    }
    String actor = reviewers.checkCompleter(task, app, groupOf(task, app));
    String comment = Variables.string(task, Variables.COMMENT);
    if (comment != null && comment.length() > 2000) {
      throw refuse("审核意见不得超过2000字", "comment must have at most 2000 characters");
    }
    switch (task.getTaskDefinitionKey()) {
      case "countyReview" -> {
        String decision = decision(task);
        task.setVariable("countyDecision", decision);
        task.setVariable("countyComment", comment);
        journal.record(app.id(), "COUNTY_REVIEW", actor, decision, comment);
      }
      case "expertReview" -> {
        String rating = Variables.string(task, Variables.EXPERT_RATING);
        if (rating == null || !RATINGS.contains(rating)) {
          throw refuse("请选择专家评审等级（A、B 或 C）", "expertRating must be A, B or C");
        }
        journal.record(app.id(), "EXPERT_REVIEW", actor, rating, comment);
      }
      case "bureauReview" -> {
        String decision = decision(task);
        String approvedNote = null;
        if ("APPROVE".equals(decision)) {
          BigDecimal approved = approvedAward(task, app);
          applications.recordApproval(app.id(), approved);
          task.setVariable(Variables.APPROVED_AWARD, Variables.asDouble(approved));
          approvedNote = "核定 " + Money.yuan(approved);
        }
        task.setVariable("bureauDecision", decision);
        task.setVariable("bureauComment", comment);
        journal.record(app.id(), "BUREAU_REVIEW", actor, decision, join(comment, approvedNote));
      }
      case "financeDisbursement" -> {
        String reference = Variables.string(task, Variables.PAYMENT_REFERENCE);
        if (reference == null || reference.isBlank() || reference.length() > 100) {
          throw refuse("请填写支付凭证号（不超过100个字符）", "paymentReference is required (at most 100 characters)");
        }
        applications.lock(app.id());
        if (objections.pending(app.id()) > 0) {
          throw refuse("该申请尚有未审查完毕的公示异议，暂不能拨付", "An objection to this award is still being examined; it cannot be paid yet");
        }
        // The payee is the registry's account now, and it must be the one finance was shown and checked.
        var payee = registry.find(app.creditCode()).filter(e -> e.bankAccount() != null && !e.bankAccount().isBlank())
            .orElseThrow(() -> refuse("企业库未登记该企业的银行账号，不能拨付；请政策管理员先在企业库补录",
                "The registry holds no bank account for the enterprise; it cannot be paid"));
        Object shown = task.getVariableLocal(ReviewDisplay.PAYEE_ACCOUNT);
        if (shown == null || !ReviewDisplay.sameAccount(String.valueOf(shown), payee.bankAccount())) {
          throw refuse("收款账户刚刚变更，请重新打开任务，核对新的收款账户后再拨付",
              "The payee account has just changed; reopen the task and check the new account before paying");
        }
        task.setVariable(Variables.PAYMENT_REFERENCE, reference.trim());
        journal.record(app.id(), "FINANCE_DISBURSEMENT", actor, "PAID", reference.trim() + "；收款人 " + payee.name()
            + "，开户银行 " + payee.bankName() + "，账号 " + payee.bankAccount());
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

  /**
   * The bureau's amount, rounded down by the package's unit, at most the proposed award and at most
   * what the cap leaves now: counted under the enterprise's lock against every approved, reserved,
   * paid and proposed award of the same cap group, so two approvals cannot both spend one headroom.
   */
  private BigDecimal approvedAward(DelegateTask task, ApplicationRecord app) {
    Object raw = task.getVariable(Variables.APPROVED_AWARD);
    BigDecimal given = Variables.decimal(task, Variables.APPROVED_AWARD);
    if (raw != null && !(raw instanceof String s && s.isBlank()) && given == null) {
      throw refuse("核定奖励金额须为数字", "approvedAward must be a number");
    }
    BigDecimal proposed = app.proposedAward();
    if (given == null && proposed == null) {
      throw refuse("本措施奖励金额由市工业和信息化局核定，请填写核定奖励金额", "approvedAward is required: the bureau decides this measure's amount");
    }
    BigDecimal approved = given == null ? proposed : given;
    if (approved.signum() <= 0 || approved.stripTrailingZeros().scale() > 2 || approved.precision() - approved.scale() > 14) {
      throw refuse("核定奖励金额须大于零、最多两位小数且不超过一万亿元", "approvedAward must be positive, with at most two decimals and below 10^14");
    }
    approved = AwardCalculator.round(approved, app.roundingUnit());
    if (approved.signum() <= 0) {
      throw refuse("核定奖励金额按本政策包取整（" + app.roundingUnit().toPlainString() + " 元）后为零",
          "approvedAward rounds down to zero by the package's unit of " + app.roundingUnit().toPlainString());
    }
    if (proposed != null && approved.compareTo(proposed) > 0) {
      throw refuse("核定奖励金额不得高于测算奖励 " + Money.yuan(proposed),
          "approvedAward must not exceed the proposed award of " + proposed.setScale(2).toPlainString());
    }
    registry.lock(app.creditCode());
    stacking.lockSubject(app);
    BigDecimal headroom = stacking.headroom(app);
    if (headroom != null && approved.compareTo(headroom) > 0) {
      throw refuse("核定奖励金额超过奖励上限的剩余额度：上限 " + app.capAmount().toPlainString() + " 元，剩余 " + headroom.toPlainString()
          + " 元（已计入同一上限的其他奖励；依据：" + app.measureCode() + " 的奖励上限，上限组 " + app.capGroup() + "）",
          "approvedAward exceeds what the cap of " + app.capAmount().toPlainString() + " leaves: " + headroom.toPlainString()
          + " (other awards under the same cap counted; rule: the cap of " + app.measureCode() + ", cap group " + app.capGroup() + ")");
    }
    return approved;
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    return b == null ? a : a + "；" + b;
  }

  static ReviewRefusedException refuse(String zh, String en) {
    return new ReviewRefusedException(zh, en);
  }
}
