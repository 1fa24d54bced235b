package cn.liuzhou.incentives.schema;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Session settings of every pooled PostgreSQL connection, passed at connect time (the driver's {@code options}),
 * whatever the profile: {@code incentives.database.postgres-session-options}, by default {@value #DEFAULT}.
 * Settings an operator gives in {@code spring.datasource.hikari.data-source-properties.options} come after these
 * and win; an empty setting sends none (for a connection pooler that refuses startup options, e.g. PgBouncer
 * without {@code ignore_startup_parameters = options}, or a server before PostgreSQL 12).
 *
 * <ul>
 *   <li>{@code plan_cache_mode=force_custom_plan}: the engine's authorization checks compare
 *       {@code PERMS_ & ? = ?}. Once the driver prepares a statement on the server (its fifth use), PostgreSQL
 *       may switch to a generic plan that cannot know the permission bits, estimates a few dozen grants where a
 *       county holds one per open task, and joins them to every task in a nested loop: a county inbox of 10,000
 *       tasks took 6 to 10 s per Tasklist query. Planned with the values (and {@link EngineTableStatistics}),
 *       the same query probes the grants' index per task. The price is planning every statement (README,
 *       Performance, step 5).</li>
 *   <li>{@code jit=off}: those estimates are high enough to start PostgreSQL's JIT compiler, which spent about
 *       600 ms compiling a query that runs in 200 ms. The application's statements are short; none gains from
 *       JIT.</li>
 * </ul>
 */
@Component
public class PostgresSessionSettings implements BeanPostProcessor, EnvironmentAware {

  static final String DEFAULT = "-c plan_cache_mode=force_custom_plan -c jit=off";
  static final String PROPERTY = "incentives.database.postgres-session-options";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresSessionSettings.class);

  private String options = DEFAULT;

  @Override
  public void setEnvironment(Environment environment) {
    options = environment.getProperty(PROPERTY, DEFAULT).trim();
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && !options.isEmpty()) {
      if (pool.getJdbcUrl().contains("options=")) {
        // the driver lets the URL's options replace the properties' options
        LOG.warn("The database URL sets its own options; {} ({}) are not applied", PROPERTY, options);
      }
      Object given = pool.getDataSourceProperties().get("options");
      pool.addDataSourceProperty("options", given == null ? options : options + " " + given);
    }
    return bean;
  }
}
