package cn.liuzhou.incentives.metrics;

import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.BudgetAccounts;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the ledger says, as gauges: applications per status ({@code incentives_applications{status=...}}) and the
 * budget each package has left ({@code incentives_budget_left_yuan{package=...}}, the account awards are charged to
 * today: the package's, or this fiscal year's for yearly budgets). Both come from the ledger's tables, never from
 * process variables, in two aggregate queries per cache period.
 */
@Component
public class LedgerGauges implements MeterBinder {

  /** Counts per status and budget left per account, read together. */
  record Snapshot(Map<ApplicationStatus, Long> byStatus, Map<String, BigDecimal> budgetLeft) {}

  private final JdbcTemplate jdbc;
  private final PolicyCatalogue catalogue;
  private final BudgetAccounts accounts;
  private final Clock clock;
  private final CachedValue<Snapshot> snapshot;

  public LedgerGauges(JdbcTemplate jdbc, PolicyCatalogue catalogue, BudgetAccounts accounts, Optional<Clock> clock,
      @Value("${incentives.metrics.cache-ttl:PT5S}") Duration ttl) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.accounts = accounts;
    this.clock = clock.orElse(Clock.systemDefaultZone());
    this.snapshot = new CachedValue<>(ttl, this::read);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ApplicationStatus status : ApplicationStatus.values()) {
      Gauge.builder("incentives.applications", this, g -> g.snapshot.get().byStatus().getOrDefault(status, 0L))
          .description("Applications in the ledger by status").tag("status", status.name()).register(registry);
    }
    for (PolicyPackage pkg : catalogue.packages()) {
      Gauge.builder("incentives.budget.left", this, g -> g.budgetLeft(pkg.code()))
          .description("Budget left (total minus reserved and disbursed) of the account the package's awards are charged "
              + "to today; NaN while the administrators have set no budget")
          .baseUnit("yuan").tag("package", pkg.code()).register(registry);
    }
  }

  /** The next scrape reads the ledger afresh. */
  public void refresh() {
    snapshot.invalidate();
  }

  private double budgetLeft(String packageCode) {
    BigDecimal left = snapshot.get().budgetLeft().get(accounts.account(packageCode, LocalDate.now(clock)));
    return left == null ? Double.NaN : left.doubleValue();
  }

  private Snapshot read() {
    Map<ApplicationStatus, Long> byStatus = new EnumMap<>(ApplicationStatus.class);
    // Statuses are bound once from the enum: a row of another release's status is not counted rather than failing.
    Map<String, ApplicationStatus> known = new HashMap<>();
    for (ApplicationStatus status : ApplicationStatus.values()) {
      known.put(status.name(), status);
    }
    jdbc.query("select status, count(*) from incentive_application group by status", rs -> {
      ApplicationStatus status = known.get(rs.getString(1));
      if (status != null) {
        byStatus.put(status, rs.getLong(2));
      }
    });
    Map<String, BigDecimal> left = new HashMap<>();
    jdbc.query("select package_code, total - reserved - disbursed from package_budget where total is not null",
        rs -> { left.put(rs.getString(1), rs.getBigDecimal(2)); });
    return new Snapshot(byStatus, left);
  }
}
