package cn.liuzhou.incentives.schema;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;

/**
 * A county inbox of thousands of open tasks on PostgreSQL: the engine's task query with its authorization check
 * (the statement Tasklist's list and count run, as Camunda's mapping writes it) must look up the county's grants
 * per task through their index, also once the statement is prepared on the server and run again and again,
 * instead of comparing every grant with every task (6 to 10 s for 10,000 tasks; README, Performance).
 * Synthetic tasks, identity links and grants are written in one transaction that is rolled back.
 */
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class InboxQueryPlanOnPostgresTest extends ApiTestSupport {

  static final int TASKS = 4_000;

  /** Task.xml's count with Authorization.xml's check, for a user of one group, on PostgreSQL. */
  static final String COUNT = """
      prepare inbox_count(varchar, varchar, int, int, int, int, int, int, varchar) as
      SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES
        left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
        left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
        left join (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2
          AND ( A.USER_ID_ in ( $1, '*') OR A.GROUP_ID_ IN ( $2 ) )
          AND (( A.RESOURCE_TYPE_ = $3 AND A.PERMS_ & $4 = $5 OR A.RESOURCE_TYPE_ = $6 AND A.PERMS_ & $7 = $8 ))
        ) AUTH ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
      WHERE ( 1 = 1 and ( RES.ASSIGNEE_ is null and I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN ( $9 ))))
        and ((RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL))
        and (RES.TENANT_ID_ is null)) countDistinct""";

  @Autowired DataSource dataSource;

  @Test
  void everyPooledConnectionPlansWithTheValuesAndWithoutJit() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      assertThat(value(s, "show plan_cache_mode")).isEqualTo("force_custom_plan");
      assertThat(value(s, "show jit")).isEqualTo("off");
    }
  }

  @Test
  void theGrantsPermissionBitsHavePlannerStatistics() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      assertThat(value(s, "select pg_get_statisticsobjdef(oid) from pg_statistic_ext where stxname = '"
          + EngineTableStatistics.NAME + "'"))
          .contains("act_ru_authorization").contains("perms_ & 2").contains("perms_ & 64").contains("resource_type_");
    }
  }

  @Test
  void aCountyInboxOfThousandsOfTasksIsCheckedThroughTheGrantsIndexEvenWhenTheStatementIsReused() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("""
            insert into act_ru_task (id_, rev_, name_, priority_, create_time_, suspension_state_, task_state_)
              select 'plan-task-' || n, 1, '县区审核', 50, now(), 1, 'Created' from generate_series(1, %d) n;
            insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
              select 'plan-link-' || n, 1, 'county-plan', 'candidate', 'plan-task-' || n from generate_series(1, %1$d) n;
            insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
              select 'plan-auth-' || n, 1, 1, 'county-plan', 7, 'plan-task-' || n, 16386 from generate_series(1, %1$d) n;
            analyze act_ru_task; analyze act_ru_identitylink; analyze act_ru_authorization;
            """.formatted(TASKS));
        s.execute(COUNT);
        List<String> plans = new ArrayList<>();
        // the sixth execution of a prepared statement is where PostgreSQL may settle on a generic plan
        for (int i = 0; i < 8; i++) {
          plans.add(rows(s, "explain execute inbox_count('county.plan', 'county-plan', 7, 2, 2, 6, 64, 64, 'county-plan')"));
        }
        try (ResultSet rs = s.executeQuery(
            "execute inbox_count('county.plan', 'county-plan', 7, 2, 2, 6, 64, 64, 'county-plan')")) {
          rs.next();
          assertThat(rs.getLong(1)).isEqualTo(TASKS);
        }
        assertThat(plans).allSatisfy(plan -> assertThat(plan)
            .contains("act_idx_auth_resource_id")
            .doesNotContain("Seq Scan on act_ru_authorization"));
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    }
  }

  static String value(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String rows(Statement s, String sql) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.append(rs.getString(1)).append('\n');
      }
    }
    return out.toString();
  }
}
