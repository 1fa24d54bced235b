package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.Objections;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Returns the award of an upheld objection to bureau review: the application's process, waiting on
 * its public notice or its payment, releases the reservation and opens the bureau's task again with
 * the objection and the finding attached. When the award is already back with the bureau (another
 * upheld objection), there is nothing to move and the finding is only journalled.
 */
@Component("objectionUpheldHandler")
public class ObjectionUpheldHandler implements JavaDelegate {

  private final Objections objections;
  private final ApplicationJournal journal;

  public ObjectionUpheldHandler(Objections objections, ApplicationJournal journal) {
    this.objections = objections;
    this.journal = journal;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Objections.Objection objection = objections.get(execution.getProcessBusinessKey());
    String text = "异议（回执 " + objection.id() + "，" + objection.filedAt().toString().substring(0, 10) + "）：" + objection.reason()
        + "；核查结论：异议成立，" + objection.decisionComment();
    var correlated = execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation("ObjectionUpheld")
        .processInstanceBusinessKey(objection.applicationId()).setVariable(Variables.OBJECTION, text).correlateAllWithResult();
    if (correlated.isEmpty()) {
      journal.record(objection.applicationId(), "OBJECTION_UPHELD", "system", "ALREADY_RETURNED", objection.id());
    }
  }
}
