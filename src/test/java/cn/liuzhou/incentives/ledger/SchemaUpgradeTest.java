package cn.liuzhou.incentives.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.security.LegacyEnterpriseLogins;
import cn.liuzhou.incentives.security.LoginAuthenticationProvider;
import cn.liuzhou.incentives.security.LoginThrottle;
import java.math.BigDecimal;
import java.time.Duration;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
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
 * columns and tables are there, the new constraints hold, and an enterprise login of that release still logs in.
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
    // every versioned migration of this release runs (V1, V2, V3, V5, and whatever later ones are added)
    assertThat(result.migrationsExecuted).isEqualTo(
        new org.springframework.core.io.support.PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql").length);
    assertThat(jdbc.queryForObject("select count(*) from attachment", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from screening_record", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select bank_account from enterprise where credit_code = '91450200MA5L000117'", String.class)).isNull();
    assertThat(jdbc.queryForObject("select count(*) from authorization_setup_version", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from package_proposal", Integer.class)).isZero();

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

    anEnterpriseOfTheLastReleaseLogsIn(ds, jdbc);
  }

  /**
   * The last release kept enterprise logins as Camunda users in group enterprises: such a login still works with its
   * password after the upgrade, and moves to the registry's accounts on the way.
   */
  private static void anEnterpriseOfTheLastReleaseLogsIn(DataSource ds, JdbcTemplate jdbc) {
    var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
    configuration.setDataSource(ds);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("upgrade-" + System.nanoTime());
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      IdentityService identity = engine.getIdentityService();
      // what the last release had made of the enterprise's login
      var group = identity.newGroup(Groups.ENTERPRISES);
      group.setName("申报企业 Enterprises");
      identity.saveGroup(group);
      var user = identity.newUser("91450200MA5L000117");
      user.setFirstName("柳州示例精工机械有限公司");
      user.setLastName("企业账号");
      user.setPassword("its-old-password");
      identity.saveUser(user);
      identity.createMembership("91450200MA5L000117", Groups.ENTERPRISES);

      var registry = new EnterpriseRegistry(jdbc, new cn.liuzhou.incentives.registry.RegistryChanges(jdbc));
      var accounts = new EnterpriseAccounts(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());
      var logins = new LoginAuthenticationProvider(identity, accounts,
          new LegacyEnterpriseLogins(identity, accounts, registry, new DataSourceTransactionManager(ds)),
          new LoginThrottle(10, Duration.ofMinutes(1)));
      for (int attempt = 1; attempt <= 2; attempt++) { // the first login moves the account, the second uses the registry
        var login = logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("91450200MA5L000117", "its-old-password"));
        assertThat(login.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly(Groups.ENTERPRISES);
        assertThat(identity.createUserQuery().userId("91450200MA5L000117").count()).isZero();
        assertThat(accounts.find("91450200MA5L000117")).isPresent();
      }
      assertThatThrownBy(() -> logins.authenticate(
          UsernamePasswordAuthenticationToken.unauthenticated("91450200MA5L000117", "wrong")))
          .isInstanceOf(BadCredentialsException.class);
    } finally {
      engine.close();
    }
  }
}
