package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Gives a reservation back to the budget (objection, rejection) and clears the approval. */
@Component("budgetRelease")
public class BudgetRelease implements JavaDelegate {

  private final ApplicationRepository applications;
  private final BudgetLedger budgets;
  private final ApplicationJournal journal;

  public BudgetRelease(ApplicationRepository applications, BudgetLedger budgets, ApplicationJournal journal) {
    this.journal = journal;
    this.applications = applications;
    this.budgets = budgets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    release(applications.get(execution.getProcessBusinessKey()));
  }

  public void release(ApplicationRecord app) {
    if (app.reservedAward() != null) {
      String account = app.budgetAccount() != null ? app.budgetAccount() : app.packageCode();
      budgets.release(account, app.reservedAward());
      journal.record(app.id(), "BUDGET_RELEASED", "system", app.reservedAward().toPlainString(), account);
      applications.recordReservation(app.id(), null, null);
      applications.recordApproval(app.id(), null);
    }
  }
}
