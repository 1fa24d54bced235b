package cn.liuzhou.incentives.ledger;

import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which budget an award is charged to: the package's, or, where the source funds the package per
 * year (package.json {@code "budgetPeriod": "YEAR"}), that year's, named {@code <code>-FY<year>}
 * and funded with the source's yearly figure the first time it is used. An award counts in the
 * fiscal year in which the bureau commits it (approval and reservation).
 */
@Component
public class BudgetAccounts {

  private final PolicyCatalogue catalogue;
  private final BudgetLedger budgets;
  private final Clock clock;

  public BudgetAccounts(PolicyCatalogue catalogue, BudgetLedger budgets, Optional<Clock> clock) {
    this.catalogue = catalogue;
    this.budgets = budgets;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  public String account(String packageCode, LocalDate day) {
    boolean yearly = catalogue.find(packageCode).map(PolicyPackage::budgetPerYear).orElse(false);
    return yearly ? packageCode + "-FY" + day.getYear() : packageCode;
  }

  /** Today's account of the package, created with the source's figure if it does not exist yet. */
  public String current(String packageCode) {
    String account = account(packageCode, LocalDate.now(clock));
    budgets.ensure(account, catalogue.find(packageCode).map(PolicyPackage::budget).orElse(null));
    return account;
  }

  public boolean perYear(String packageCode) {
    return catalogue.find(packageCode).map(PolicyPackage::budgetPerYear).orElse(false);
  }
}
