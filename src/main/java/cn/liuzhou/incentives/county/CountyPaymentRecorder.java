package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import cn.liuzhou.incentives.workflow.Variables;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Records a county's payment in the finance officer's transaction (after {@link CountyAwardTaskListener}
 * checked the reference): the payment row, which the database allows once per county, measure and
 * period and once per payment reference, and the amount moving from reserved to disbursed.
 */
@Component("countyPaymentRecorder")
public class CountyPaymentRecorder implements TaskListener {

  private final CountyAwardRepository runs;
  private final BudgetLedger budgets;

  public CountyPaymentRecorder(CountyAwardRepository runs, BudgetLedger budgets) {
    this.runs = runs;
    this.budgets = budgets;
  }

  @Override
  public void notify(DelegateTask task) {
    CountyAwardRepository.Run run = runs.get(task.getExecution().getProcessBusinessKey());
    County county = runs.countyOfPaymentTask(run.id(), task.getId())
        .orElseThrow(() -> new IllegalStateException("Task " + task.getId() + " pays no county of " + run.id()));
    var amount = runs.row(run.id(), county).map(CountyAwardRepository.Row::approvedAward)
        .orElseThrow(() -> new IllegalStateException("No approved award of " + county.code() + " in " + run.id()));
    String reference = Variables.string(task, CountyAwardVariables.PAYMENT_REFERENCE);
    try {
      runs.insertPayment(run, county, amount, reference, CountyAwardTaskListener.actor(task), Instant.now());
    } catch (DuplicateKeyException e) {
      throw new ReviewRefusedException(county.nameZh() + "本期奖励已拨付，或支付凭证号已被使用：" + reference,
          county.code() + " is already paid for this measure and period, or the payment reference is in use: " + reference);
    }
    budgets.disburse(run.packageCode(), amount);
  }
}
