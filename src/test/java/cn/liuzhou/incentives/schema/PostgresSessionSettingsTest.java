package cn.liuzhou.incentives.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which pools get the session options, and how an operator's own options and an empty setting are honoured. */
class PostgresSessionSettingsTest {

  static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }

  static PostgresSessionSettings settings(MockEnvironment environment) {
    PostgresSessionSettings settings = new PostgresSessionSettings();
    settings.setEnvironment(environment);
    return settings;
  }

  @Test
  void aPostgresPoolGetsTheDefaultOptions() {
    HikariDataSource pool = pool("jdbc:postgresql://db.example:5432/incentives");
    settings(new MockEnvironment()).postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties().get("options")).isEqualTo("-c plan_cache_mode=force_custom_plan -c jit=off");
  }

  @Test
  void anOperatorsOwnOptionsComeLastAndWin() {
    HikariDataSource pool = pool("jdbc:postgresql://db.example:5432/incentives");
    pool.addDataSourceProperty("options", "-c jit=on");
    settings(new MockEnvironment()).postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties().get("options"))
        .isEqualTo("-c plan_cache_mode=force_custom_plan -c jit=off -c jit=on");
  }

  @Test
  void anEmptySettingSendsNoOptionsForPoolersThatRefuseThem() {
    HikariDataSource pool = pool("jdbc:postgresql://pgbouncer.example:6432/incentives");
    settings(new MockEnvironment().withProperty(PostgresSessionSettings.PROPERTY, ""))
        .postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
  }

  @Test
  void otherDatabasesAreLeftAlone() {
    HikariDataSource pool = pool("jdbc:h2:mem:incentives");
    settings(new MockEnvironment()).postProcessBeforeInitialization(pool, "dataSource");
    assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
  }
}
