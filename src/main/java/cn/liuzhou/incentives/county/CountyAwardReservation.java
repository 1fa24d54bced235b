package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import cn.liuzhou.incentives.workflow.Variables;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reserves the approved total in the package budget in the transaction of the bureau's approval:
 * when the budget cannot cover it the approval fails with the reason and the task stays open. Gives
 * the process the counties to pay ({@code awardedCounties}: approved award above zero, rank order).
 */
@Component("countyAwardReservation")
public class CountyAwardReservation implements JavaDelegate {

  private final CountyAwardRepository runs;
  private final BudgetLedger budgets;

  public CountyAwardReservation(CountyAwardRepository runs, BudgetLedger budgets) {
    this.runs = runs;
    this.budgets = budgets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CountyAwardRepository.Run run = runs.get(execution.getProcessBusinessKey());
    List<String> awarded = runs.awardedCounties(run.id()).stream().map(County::code).toList();
    BigDecimal total = runs.rows(run.id()).stream().map(CountyAwardRepository.Row::approvedAward)
        .filter(a -> a != null && a.signum() > 0).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (run.reservedTotal() == null) { // a retried transaction must not reserve twice
      if (!budgets.reserve(run.packageCode(), total)) {
        BigDecimal remaining = budgets.find(run.packageCode()).map(BudgetLedger.Budget::remaining).orElse(null);
        throw new ReviewRefusedException(
            "政策包 " + run.packageCode() + " 预算余额不足，无法核准县区奖励合计 " + CountyAwardProposal.money(total) + " 元（"
                + (remaining == null ? "预算尚未设定" : "剩余 " + CountyAwardProposal.money(remaining) + " 元") + "）",
            "The budget of " + run.packageCode() + " cannot cover the county awards' total of " + total.toPlainString()
                + " yuan (" + (remaining == null ? "no budget set" : remaining.toPlainString() + " yuan left") + ")");
      }
      runs.recordReservation(run.id(), total);
    }
    runs.setStatus(run.id(), CountyAwardRepository.Status.DISBURSEMENT);
    execution.setVariable(CountyAwardVariables.AWARDED_COUNTIES, awarded);
  }
}
