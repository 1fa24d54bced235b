package cn.liuzhou.incentives;

import cn.liuzhou.incentives.demo.DemoData;
import cn.liuzhou.incentives.ledger.BudgetAccounts;
import cn.liuzhou.incentives.policy.PackageDeployer;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.security.AuthorizationSetup;
import cn.liuzhou.incentives.workflow.WorkflowDeployer;
import java.io.IOException;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Brings a fresh or existing database up to date at start: models, policy tables, roles, demo data. */
@Component
public class Startup {

  private final WorkflowDeployer workflow;
  private final PackageDeployer packages;
  private final PolicyCatalogue catalogue;
  private final BudgetAccounts budgetAccounts;
  private final AuthorizationSetup authorizations;
  private final DemoData demo;
  private final IncentiveProperties properties;

  public Startup(WorkflowDeployer workflow, PackageDeployer packages, PolicyCatalogue catalogue,
      AuthorizationSetup authorizations, DemoData demo, IncentiveProperties properties,
      BudgetAccounts budgetAccounts) {
    this.budgetAccounts = budgetAccounts;
    this.workflow = workflow;
    this.packages = packages;
    this.catalogue = catalogue;
    this.authorizations = authorizations;
    this.demo = demo;
    this.properties = properties;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void start() throws IOException {
    workflow.deploy();
    packages.deployShippedPackages();
    catalogue.packages().forEach(p -> budgetAccounts.current(p.code()));
    authorizations.apply();
    if (properties.demo().enabled()) {
      demo.load();
    }
    authorizations.reviewersSeeOnlyTheirColleagues(authorizations.reviewerGroups());
  }
}
