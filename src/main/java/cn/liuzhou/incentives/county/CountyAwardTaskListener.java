package cn.liuzhou.incentives.county;

import static cn.liuzhou.incentives.county.CountyAwardVariables.APPROVED_AWARD;
import static cn.liuzhou.incentives.county.CountyAwardVariables.APPROVED_TOTAL;
import static cn.liuzhou.incentives.county.CountyAwardVariables.AWARD_DECISION;
import static cn.liuzhou.incentives.county.CountyAwardVariables.COMMENT;
import static cn.liuzhou.incentives.county.CountyAwardVariables.COUNTY_NAME;
import static cn.liuzhou.incentives.county.CountyAwardVariables.COUNTY_RANK;
import static cn.liuzhou.incentives.county.CountyAwardVariables.DECISION;
import static cn.liuzhou.incentives.county.CountyAwardVariables.PACKAGE_CODE;
import static cn.liuzhou.incentives.county.CountyAwardVariables.PAYMENT_REFERENCE;
import static cn.liuzhou.incentives.county.CountyAwardVariables.REMAINING_BUDGET;
import static cn.liuzhou.incentives.county.CountyAwardVariables.RETURN_COMMENT;
import static cn.liuzhou.incentives.county.CountyAwardVariables.RUN_ID;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.workflow.Variables;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Prepares and checks the county award tasks. Score entry: all 24 scores present, numbers from 0 to
 * 100 with at most two decimals. Approval: APPROVE or RETURN (a comment for a return), the amounts
 * by {@link CountyAwardApproval}, stored for the reservation that follows. Disbursement: the county
 * and amount shown, a payment reference required. A refusal throws {@link ReviewRefusedException}:
 * the task stays open and Tasklist and the REST API show the reason.
 */
@Component("countyAwardTaskListener")
public class CountyAwardTaskListener implements TaskListener {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final CountyAwardRepository runs;
  private final BudgetLedger budgets;
  private final cn.liuzhou.incentives.workflow.ReviewerCheck reviewers;

  public CountyAwardTaskListener(CountyAwardRepository runs, BudgetLedger budgets,
      cn.liuzhou.incentives.workflow.ReviewerCheck reviewers) {
    this.runs = runs;
    this.budgets = budgets;
    this.reviewers = reviewers;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean create = EVENTNAME_CREATE.equals(task.getEventName());
    switch (task.getTaskDefinitionKey()) {
      case "enterCountyScores" -> {
        if (create) {
          runs.setStatus(task.getExecution().getProcessBusinessKey(), CountyAwardRepository.Status.SCORING);
        } else {
          String scorer = reviewers.requireMember(task, Groups.BUREAU);
          checkScores(task);
          runs.recordScorer(task.getExecution().getProcessBusinessKey(), scorer);
        }
      }
      case "approveCountyAwards" -> {
        if (create) {
          prepareApproval(task);
        } else {
          String approver = reviewers.requireMember(task, Groups.BUREAU);
          String scorer = runs.scorer(task.getExecution().getProcessBusinessKey()).orElse(null);
          if (approver != null && approver.equals(scorer)) {
            // Four eyes: the person who entered the scores does not also approve the money.
            throw new ReviewRefusedException("录入评分的人员不得审批本轮奖励，请由市局其他人员审批",
                "The person who entered the scores may not approve the awards; another bureau reviewer must");
          }
          approve(task);
        }
      }
      case "disburseCountyAward" -> {
        if (create) {
          prepareDisbursement(task);
        } else {
          reviewers.requireMember(task, Groups.FINANCE);
          checkPayment(task);
        }
      }
      default -> throw new IllegalStateException("No county award rules for task " + task.getTaskDefinitionKey());
    }
  }

  private static void checkScores(DelegateTask task) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (County c : County.values()) {
      check(task, CountyAwardVariables.score(c), c.nameZh() + "综合评分", zh, en);
      check(task, CountyAwardVariables.outputScore(c), c.nameZh() + "产值目标完成得分", zh, en);
    }
    if (!zh.isEmpty()) {
      throw new ReviewRefusedException("以下评分缺失或不是0至100之间（最多两位小数）的数：" + String.join("、", zh),
          "These scores are missing or not numbers from 0 to 100 with at most two decimals: " + String.join(", ", en));
    }
  }

  private static void check(DelegateTask task, String name, String labelZh, List<String> zh, List<String> en) {
    BigDecimal v = CountyAwardApproval.parse(task.getVariable(name));
    if (v == null || v.signum() < 0 || v.compareTo(HUNDRED) > 0 || v.stripTrailingZeros().scale() > 2) {
      zh.add(labelZh);
      en.add(name);
    }
  }

  private void prepareApproval(DelegateTask task) {
    var execution = task.getExecution();
    execution.removeVariable(DECISION);
    execution.removeVariable(COMMENT);
    for (County c : County.values()) {
      execution.removeVariable(CountyAwardVariables.award(c));
    }
    BigDecimal remaining = budgets.find(Variables.string(task, PACKAGE_CODE)).map(BudgetLedger.Budget::remaining).orElse(null);
    task.setVariable(REMAINING_BUDGET, remaining == null ? "预算尚未设定，请联系政策管理员" : CountyAwardProposal.money(remaining) + " 元");
  }

  private void approve(DelegateTask task) {
    String decision = Variables.string(task, DECISION);
    String comment = Variables.string(task, COMMENT);
    if (!"APPROVE".equals(decision) && !"RETURN".equals(decision)) {
      throw new ReviewRefusedException("请选择审定结论：通过或退回", "decision must be APPROVE or RETURN");
    }
    if (comment != null && comment.length() > 2000) {
      throw new ReviewRefusedException("审定意见不得超过2000字", "comment must have at most 2000 characters");
    }
    if ("RETURN".equals(decision)) {
      if (comment == null || comment.isBlank()) {
        throw new ReviewRefusedException("退回时须填写审定意见", "comment is required for a return");
      }
      task.setVariable(RETURN_COMMENT, comment.trim());
      task.setVariable(AWARD_DECISION, decision);
      return;
    }
    String runId = task.getExecution().getProcessBusinessKey();
    List<CountyAwardApproval.Row> rows = runs.rows(runId).stream()
        .map(r -> new CountyAwardApproval.Row(r.county(), r.rank(), r.tableAward())).toList();
    Map<County, BigDecimal> approved = CountyAwardApproval.approve(rows, c -> task.getVariable(CountyAwardVariables.award(c)));
    BigDecimal total = BigDecimal.ZERO;
    for (var e : approved.entrySet()) {
      runs.setApproved(runId, e.getKey(), e.getValue());
      total = total.add(e.getValue());
    }
    runs.recordApproval(runId, actor(task), Instant.now());
    task.setVariable(APPROVED_TOTAL, total.doubleValue());
    task.setVariable(AWARD_DECISION, decision);
  }

  private void prepareDisbursement(DelegateTask task) {
    // The county this instance pays, by its position in the run's awarded counties (the collection the engine iterates).
    String runId = task.getExecution().getProcessBusinessKey();
    int position = ((Number) task.getExecution().getVariableLocal("loopCounter")).intValue();
    County county = runs.awardedCounties(runId).get(position);
    var row = runs.row(runId, county).orElseThrow();
    // Which county this task pays is fixed now, by the engine's own task id: a variable could be rewritten later.
    runs.assignPaymentTask(task.getExecution().getProcessBusinessKey(), county, task.getId());
    var execution = task.getExecution();
    execution.setVariableLocal(COUNTY_NAME, county.nameZh());
    execution.setVariableLocal(COUNTY_RANK, row.rank());
    execution.setVariableLocal(APPROVED_AWARD, row.approvedAward().doubleValue());
    // For finance's form: the amount in figures and in capitals, as the payment order is written.
    task.setVariableLocal("amountInFigures", cn.liuzhou.incentives.review.Money.yuan(row.approvedAward()));
    task.setVariableLocal("amountInCapitals", "人民币" + cn.liuzhou.incentives.review.ChineseAmount.of(row.approvedAward()));
    task.setDescription(county.nameZh() + "：第" + row.rank() + "名，拨付 " + CountyAwardProposal.money(row.approvedAward()) + " 元");
  }

  private static void checkPayment(DelegateTask task) {
    String reference = Variables.string(task, PAYMENT_REFERENCE);
    if (reference == null || reference.isBlank() || reference.trim().length() > 100) {
      throw new ReviewRefusedException("请填写支付凭证号（不超过100个字符）", "paymentReference is required (at most 100 characters)");
    }
    task.setVariable(PAYMENT_REFERENCE, reference.trim());
  }

  static String actor(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }
}
