package cn.liuzhou.incentives.review;

import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * When the registry's payee account of an enterprise changes, finance's open payment tasks for it show the new
 * account at once (the forms' figures are otherwise set when a task opens, and reviewers may not unclaim).
 */
@Component
public class PayeeRefresh {

  private final ApplicationRepository applications;
  private final TaskService tasks;
  private final ReviewDisplay display;

  public PayeeRefresh(ApplicationRepository applications, TaskService tasks, ReviewDisplay display) {
    this.applications = applications;
    this.tasks = tasks;
    this.display = display;
  }

  public void refresh(String creditCode) {
    applications.ofEnterprise(creditCode).stream().filter(a -> a.status() == ApplicationStatus.DISBURSEMENT)
        .forEach(app -> tasks.createTaskQuery().processInstanceBusinessKey(app.id())
            .taskDefinitionKey("financeDisbursement").list()
            .forEach(t -> display.of(t.getTaskDefinitionKey(), app).forEach((name, value) ->
                tasks.setVariableLocal(t.getId(), name, value))));
  }
}
