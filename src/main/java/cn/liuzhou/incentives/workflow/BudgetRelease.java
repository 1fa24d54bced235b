package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
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

  public BudgetRelease(ApplicationRepository applications, BudgetLedger budgets) {
    this.applications = applications;
    this.budgets = budgets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    release(applications.get(execution.getProcessBusinessKey()));
  }

  public void release(ApplicationRecord app) {
    if (app.reservedAward() != null) {
      budgets.release(app.budgetAccount() != null ? app.budgetAccount() : app.packageCode(), app.reservedAward());
      applications.recordReservation(app.id(), null, null);
      applications.recordApproval(app.id(), null);
    }
  }
}
