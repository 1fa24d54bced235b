package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.BudgetAccounts;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reserves the approved award in the package budget, in the transaction of the bureau's approval:
 * when the budget cannot cover it the approval itself fails with the reason and the task stays open.
 */
@Component("budgetReservation")
public class BudgetReservation implements JavaDelegate {

  private final ApplicationRepository applications;
  private final BudgetLedger budgets;
  private final BudgetAccounts accounts;
  private final ApplicationJournal journal;

  public BudgetReservation(ApplicationRepository applications, BudgetLedger budgets,
      BudgetAccounts accounts, ApplicationJournal journal) {
    this.journal = journal;
    this.accounts = accounts;
    this.applications = applications;
    this.budgets = budgets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationRecord app = applications.get(execution.getProcessBusinessKey());
    BigDecimal amount = app.approvedAward();
    if (app.reservedAward() != null) {
      return; // already reserved: a retried transaction must not reserve twice
    }
    String account = accounts.current(app.packageCode());
    if (!budgets.reserve(account, amount)) {
      BigDecimal remaining = budgets.find(account).map(BudgetLedger.Budget::remaining).orElse(null);
      String left = remaining == null ? "预算尚未设定" : "剩余 " + remaining.toPlainString() + " 元";
      throw new ReviewRefusedException("预算余额不足，无法核准 " + amount.toPlainString() + " 元（" + left + "）",
          "The package budget cannot cover " + amount.toPlainString() + " yuan ("
          + (remaining == null ? "no budget set" : remaining.toPlainString() + " yuan left") + ")");
    }
    applications.recordReservation(app.id(), amount, account);
    journal.record(app.id(), "BUDGET_RESERVED", "system", amount.toPlainString(), account); // the case file shows it
  }
}
