package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the payment in the finance officer's transaction: the disbursement row (one per
 * application and per payment reference, enforced by the database), the budget moving from
 * reserved to disbursed, and the award counting in the ledger as DISBURSED.
 */
@Component("disbursementRecorder")
public class DisbursementRecorder implements JavaDelegate {

  private final ApplicationRepository applications;
  private final BudgetLedger budgets;
  private final JdbcTemplate jdbc;

  public DisbursementRecorder(ApplicationRepository applications, BudgetLedger budgets, JdbcTemplate jdbc) {
    this.applications = applications;
    this.budgets = budgets;
    this.jdbc = jdbc;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationRecord app = applications.get(execution.getProcessBusinessKey());
    String reference = Variables.string(execution, Variables.PAYMENT_REFERENCE);
    if (app.reservedAward() == null) {
      // Only an approved award with its budget reserved is paid, however the process got here.
      throw new ReviewRefusedException("该申请没有经市局核准并预留预算的奖励，不能拨付",
          "Application " + app.id() + " has no approved award with reserved budget to disburse");
    }
    try {
      jdbc.update("insert into disbursement (application_id, package_code, amount, payment_reference, disbursed_by, disbursed_at) values (?, ?, ?, ?, ?, ?)",
          app.id(), app.packageCode(), app.reservedAward(), reference,
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
              : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId(),
          Timestamp.from(Instant.now()));
    } catch (DuplicateKeyException e) {
      throw new ReviewRefusedException("该申请已拨付或支付凭证号已被使用：" + reference,
          "The application is already paid or the payment reference is in use: " + reference);
    }
    budgets.disburse(app.budgetAccount() != null ? app.budgetAccount() : app.packageCode(), app.reservedAward());
    applications.recordDisbursement(app.id(), app.reservedAward(), reference);
  }
}
