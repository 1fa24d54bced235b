package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the enterprise its award was paid; asynchronous, so a failing channel never undoes a payment. */
@Component("paymentNotifier")
public class PaymentNotifier implements JavaDelegate {

  private final ApplicationRepository applications;
  private final ApplicationStatusRecorder status;

  public PaymentNotifier(ApplicationRepository applications, ApplicationStatusRecorder status) {
    this.applications = applications;
    this.status = status;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ApplicationRecord app = applications.get(execution.getProcessBusinessKey());
    status.set(app.id(), app.creditCode(), ApplicationStatus.DISBURSED,
        "奖励资金 " + app.disbursedAward().toPlainString() + " 元已拨付，支付凭证号 " + app.paymentReference(),
        "The award of " + app.disbursedAward().toPlainString() + " yuan was paid, payment reference " + app.paymentReference());
  }
}
