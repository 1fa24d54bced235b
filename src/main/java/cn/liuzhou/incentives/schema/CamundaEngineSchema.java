package cn.liuzhou.incentives.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's own tables by Camunda's supported means: the Liquibase changelog shipped in the
 * camunda-engine jar ({@code org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml}), applied
 * before the engine starts, with {@code camunda.bpm.database.schema-update: false} (the {@code prod}
 * profile). Only that changelog is applied: the application's tables stay with Flyway. A database whose
 * engine tables an earlier release created with {@code schema-update} is adopted once: the changelog is
 * marked as applied up to the schema version the engine recorded ({@code ACT_GE_PROPERTY
 * schema.version}), and later releases' upgrade change sets run from there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.liquibase", name = "enabled", havingValue = "true")
public class CamundaEngineSchema {

  public static final String CHANGELOG = "classpath:org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml";

  @Bean
  public SpringLiquibase liquibase(DataSource dataSource) {
    SpringLiquibase liquibase = new AdoptingLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(CHANGELOG);
    liquibase.setShouldRun(true);
    return liquibase;
  }

  /** Adopts an engine schema created before by {@code schema-update}, then updates. */
  static class AdoptingLiquibase extends SpringLiquibase {

    private static final Logger LOG = LoggerFactory.getLogger(CamundaEngineSchema.class);

    @Override
    protected void performUpdate(Liquibase liquibase) throws LiquibaseException {
      String version = engineSchemaWithoutChangelog();
      if (version != null) {
        String tag = version.replaceAll("^(\\d+\\.\\d+).*$", "$1.0");
        LOG.info("Camunda's tables (schema {}) were created without Liquibase: marking its changelog applied up to {}",
            version, tag);
        liquibase.changeLogSync(tag, new Contexts(), new LabelExpression());
      }
      super.performUpdate(liquibase);
    }

    /** The engine's schema version when its tables exist but Liquibase has not recorded them, else null. */
    private String engineSchemaWithoutChangelog() {
      try (Connection c = getDataSource().getConnection()) {
        if (tableExists(c, "databasechangelog")) {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("select count(*) from databasechangelog")) {
            rs.next();
            if (rs.getLong(1) > 0) {
              return null;
            }
          }
        }
        if (!tableExists(c, "act_ge_schema_log")) {
          return null;
        }
        String newest = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version_ from act_ge_schema_log")) {
          while (rs.next()) {
            String v = rs.getString(1);
            if (v != null && v.matches("\\d+\\.\\d+.*") && (newest == null || compareVersions(v, newest) > 0)) {
              newest = v;
            }
          }
        }
        return newest;
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read the engine's schema version", e);
      }
    }

    static int compareVersions(String a, String b) {
      String[] x = a.split("[.-]");
      String[] y = b.split("[.-]");
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        int c = x[i].matches("\\d+") && y[i].matches("\\d+") ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]))
            : x[i].compareTo(y[i]);
        if (c != 0) {
          return c;
        }
      }
      return Integer.compare(x.length, y.length);
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
      for (String n : new String[] {name, name.toUpperCase()}) {
        try (ResultSet rs = c.getMetaData().getTables(null, null, n, new String[] {"TABLE"})) {
          if (rs.next()) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
