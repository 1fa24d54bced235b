package cn.liuzhou.incentives.ledger;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Package budgets. Every change is one conditional UPDATE, so two approvals racing for the last
 * yuan cannot both reserve it: the database serialises them on the budget's row.
 */
@Repository
public class BudgetLedger {

  /** A package's budget figures; {@code total} null means not yet set by the administrators. */
  public record Budget(String packageCode, BigDecimal total, BigDecimal reserved, BigDecimal disbursed) {

    public BigDecimal remaining() {
      return total == null ? null : total.subtract(reserved).subtract(disbursed);
    }
  }

  private final JdbcTemplate jdbc;

  public BudgetLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Budget> find(String packageCode) {
    return jdbc.query("select * from package_budget where package_code = ?", (rs, n) -> new Budget(
        rs.getString("package_code"), rs.getBigDecimal("total"), rs.getBigDecimal("reserved"), rs.getBigDecimal("disbursed")),
        packageCode).stream().findFirst();
  }

  /** Every account whose key starts with the prefix (a package's fiscal years), oldest first. */
  public java.util.List<Budget> accountsOf(String prefix) {
    return jdbc.query("select * from package_budget where package_code like ? order by package_code", (rs, n) -> new Budget(
        rs.getString("package_code"), rs.getBigDecimal("total"), rs.getBigDecimal("reserved"), rs.getBigDecimal("disbursed")),
        prefix + "%");
  }

  /** Creates the package's budget row if missing, with the source's figure or none. */
  public void ensure(String packageCode, BigDecimal initialTotal) {
    if (find(packageCode).isEmpty()) {
      jdbc.update("insert into package_budget (package_code, total, reserved, disbursed) values (?, ?, 0, 0)",
          packageCode, initialTotal);
    }
  }

  /** Sets the total; refused (false) when it would fall below what is already reserved or paid. */
  public boolean setTotal(String packageCode, BigDecimal total) {
    return jdbc.update("update package_budget set total = ? where package_code = ? and reserved + disbursed <= ?",
        total, packageCode, total) == 1;
  }

  /** Reserves the amount if the remaining budget covers it; false otherwise, changing nothing. */
  public boolean reserve(String packageCode, BigDecimal amount) {
    return jdbc.update("""
        update package_budget set reserved = reserved + ?
        where package_code = ? and total is not null and total - reserved - disbursed >= ?""",
        amount, packageCode, amount) == 1;
  }

  public void release(String packageCode, BigDecimal amount) {
    int updated = jdbc.update("update package_budget set reserved = reserved - ? where package_code = ? and reserved >= ?",
        amount, packageCode, amount);
    if (updated != 1) {
      throw new IllegalStateException("Budget of " + packageCode + " has less reserved than " + amount);
    }
  }

  /** Moves a reserved amount to disbursed. */
  public void disburse(String packageCode, BigDecimal amount) {
    int updated = jdbc.update("""
        update package_budget set reserved = reserved - ?, disbursed = disbursed + ?
        where package_code = ? and reserved >= ?""", amount, amount, packageCode, amount);
    if (updated != 1) {
      throw new IllegalStateException("Budget of " + packageCode + " has less reserved than " + amount);
    }
  }
}
