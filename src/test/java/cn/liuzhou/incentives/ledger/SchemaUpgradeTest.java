package cn.liuzhou.incentives.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database of the release before Flyway (its schema.sql, kept under previous-release/) with data in
 * it is upgraded by the migrations the application runs at start-up: nothing is lost, the new
 * columns and tables are there, and the new constraints hold.
 */
class SchemaUpgradeTest {

  @Test
  void theLastReleasesDatabaseIsUpgradedWithItsDataIntact() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    String previous = new String(new ClassPathResource("previous-release/schema.sql").getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    for (String statement : previous.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
    }
    jdbc.update("""
        insert into enterprise (credit_code, name, county, industry, above_designated_size, tax_credit_rating,
          accounting_credit_good, joint_punishment_target) values ('91450200MA5L000117', '柳州示例精工机械有限公司', 'liunan',
          'MACHINERY', true, 'A', true, false)""");
    jdbc.update("""
        insert into incentive_application (id, measure_code, package_code, credit_code, county, facts, status, proposed_award,
          approved_award, disbursed_award, decision_key, decision_version_tag, filed_by, filed_at, updated_at, payment_reference)
        values ('SQ-OLD-1', 'LZ-2026Q2-EXHIBITION', 'LZ-2026Q2', '91450200MA5L000117', 'liunan', '{"eligibleCost":150000}',
          'DISBURSED', 70000, 70000, 70000, 'LZ-2026Q2-EXHIBITION', 'LZ-2026Q2-r1', '91450200MA5L000117',
          current_timestamp, current_timestamp, 'CZ-OLD-1')""");
    jdbc.update("insert into application_event (application_id, step, actor, outcome, occurred_at) values ('SQ-OLD-1', 'FILED', 'x', 'SCREENING', current_timestamp)");
    jdbc.update("insert into disbursement (application_id, package_code, amount, payment_reference, disbursed_at) values ('SQ-OLD-1', 'LZ-2026Q2', 70000, 'CZ-OLD-1', current_timestamp)");
    jdbc.update("insert into package_budget (package_code, total, reserved, disbursed) values ('LZ-2026Q2', 5000000, 0, 70000)");

    var result = Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("incentives_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate();
    assertThat(result.success).isTrue();
    // Every versioned migration shipped (V1 and V2 of the first Flyway release, and each added since) ran.
    int shipped = new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
        .getResources("classpath:db/migration/V*__*.sql").length;
    assertThat(shipped).isGreaterThanOrEqualTo(2);
    assertThat(result.migrationsExecuted).isEqualTo(shipped);

    // Every application, event, payment and budget figure is still there…
    assertThat(jdbc.queryForObject("select disbursed_award from incentive_application where id = 'SQ-OLD-1'", BigDecimal.class))
        .isEqualByComparingTo("70000");
    assertThat(jdbc.queryForObject("select count(*) from application_event where application_id = 'SQ-OLD-1'", Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select payment_reference from disbursement where application_id = 'SQ-OLD-1'", String.class))
        .isEqualTo("CZ-OLD-1");
    assertThat(jdbc.queryForObject("select disbursed from package_budget where package_code = 'LZ-2026Q2'", BigDecimal.class))
        .isEqualByComparingTo("70000");
    // …the columns and tables added since are there…
    assertThat(jdbc.queryForObject("select count(*) from incentive_application where cap_amount is null and budget_account is null",
        Integer.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from objection", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from project", Integer.class)).isZero();
    // …and the new constraints hold from now on.
    assertThatThrownBy(() -> jdbc.update("insert into notification (application_id, credit_code, message_zh, message_en, created_at) "
        + "values ('SQ-NOWHERE', 'x', 'x', 'x', current_timestamp)")).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update package_budget set reserved = 99999999 where package_code = 'LZ-2026Q2'"))
        .isInstanceOf(DataIntegrityViolationException.class);
    // A second start changes nothing.
    assertThat(Flyway.configure().dataSource(ds).locations("classpath:db/migration").table("incentives_schema_history")
        .baselineOnMigrate(true).baselineVersion("0").load().migrate().migrationsExecuted).isZero();
  }
}
