package cn.liuzhou.incentives.schema;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Session settings of every pooled PostgreSQL connection, passed at connect time (the driver's
 * {@code options}), whatever the profile. Settings an operator gives in
 * {@code spring.datasource.hikari.data-source-properties.options} come after these and win.
 *
 * <ul>
 *   <li>{@code plan_cache_mode=force_custom_plan}: the engine's authorization checks compare
 *       {@code PERMS_ & ? = ?}. Once the driver prepares a statement on the server (its fifth use), PostgreSQL
 *       may switch to a generic plan that cannot know the permission bits, estimates a few dozen grants where a
 *       county holds one per open task, and joins them to every task in a nested loop: a county inbox of 10,000
 *       tasks took 6 to 10 s per Tasklist query. Planned with the values (and {@link EngineTableStatistics}),
 *       the same query probes the grants' index per task.</li>
 *   <li>{@code jit=off}: those estimates are high enough to start PostgreSQL's JIT compiler, which spent about
 *       600 ms compiling a query that runs in 200 ms. The application's statements are short; none gains from
 *       JIT.</li>
 * </ul>
 */
@Component
public class PostgresSessionSettings implements BeanPostProcessor {

  static final String OPTIONS = "-c plan_cache_mode=force_custom_plan -c jit=off";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
      Object given = pool.getDataSourceProperties().get("options");
      pool.addDataSourceProperty("options", given == null ? OPTIONS : OPTIONS + " " + given);
    }
    return bean;
  }
}
