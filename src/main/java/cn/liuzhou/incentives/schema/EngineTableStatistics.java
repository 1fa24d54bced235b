package cn.liuzhou.incentives.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Planner statistics on Camunda's grants table, on PostgreSQL 14 or later: the distribution of the permission
 * bits the task queries test ({@code READ} on a task, {@code READ_TASK} on a process definition) per resource
 * type. Without them PostgreSQL guesses that half a percent of the grants match and, for a county holding one
 * grant per open task, picks a plan that compares every grant with every task (see {@link
 * PostgresSessionSettings}). An extended statistics object only feeds ANALYZE: no index to maintain, no change
 * to Camunda's tables or queries; Camunda's schema upgrades leave it alone. Created once, after the engine's
 * tables exist (whoever created them), under an advisory lock so that nodes starting together do not collide;
 * where the database user may not create it, start-up goes on with a warning (slower queries, same answers).
 */
@Component
public class EngineTableStatistics implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTableStatistics.class);
  static final String NAME = "incentives_act_ru_authorization_perms";
  /** Any constant: the lock serialises this step across nodes. */
  private static final long LOCK = 0x1A2B_3C4D_2026L;

  private final DataSource dataSource;

  /** The engine is a parameter so that this runs after it was built on its tables. */
  public EngineTableStatistics(DataSource dataSource, ProcessEngine engine) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      if (!"PostgreSQL".equals(meta.getDatabaseProductName()) || meta.getDatabaseMajorVersion() < 14) {
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("select pg_advisory_xact_lock(" + LOCK + ")");
        // the engine's table as the connection's search path resolves it (another schema may hold another one)
        var rs = s.executeQuery("select count(*) from pg_statistic_ext where stxname = '" + NAME + "'"
            + " and stxrelid = 'act_ru_authorization'::regclass");
        rs.next();
        if (rs.getInt(1) == 0) {
          s.execute("create statistics " + NAME + " on (perms_ & 2), (perms_ & 64), resource_type_"
              + " from act_ru_authorization");
          s.execute("analyze act_ru_authorization");
          LOG.info("Planner statistics {} created on act_ru_authorization", NAME);
        }
        c.commit();
      } catch (SQLException e) {
        // slower inbox queries, nothing wrong: e.g. a database user that does not own Camunda's tables
        c.rollback();
        LOG.warn("Planner statistics {} not created on act_ru_authorization: {}", NAME, e.getMessage());
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
  }
}
