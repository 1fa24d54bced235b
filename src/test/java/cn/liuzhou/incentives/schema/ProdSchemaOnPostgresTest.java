package cn.liuzhou.incentives.schema;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.IncentivesApplication;
import cn.liuzhou.incentives.testing.EmbeddedPostgresInitializer;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The prod profile on a real PostgreSQL: Camunda's tables are created by Camunda's own Liquibase
 * changelog (never by schema-update), the application's by Flyway, and the engine works on them. A
 * database whose engine tables an earlier release created with schema-update is adopted by the changelog.
 */
class ProdSchemaOnPostgresTest {

  static ConfigurableApplicationContext start(String url, String... extra) {
    List<String> properties = new ArrayList<>(List.of(
        "spring.datasource.url=" + url, "spring.datasource.username=postgres", "spring.datasource.password=postgres",
        "camunda.bpm.admin-user.id=ops-admin", "camunda.bpm.admin-user.password=Schema-Check-2026!",
        "server.port=0", "camunda.bpm.job-execution.enabled=false",
        // other test contexts of this JVM hold the engine named "default"
        "camunda.bpm.generate-unique-process-engine-name=true"));
    properties.addAll(List.of(extra));
    // as command-line arguments: above application-prod.yaml, as in production
    return new SpringApplicationBuilder(IncentivesApplication.class).profiles("prod")
        .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
  }

  static void engineWorks(ConfigurableApplicationContext context) {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    // the application's own models were deployed at start-up
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("incentive-application")
        .count()).isPositive();
    // runtime, task and history tables work
    engine.getRepositoryService().createDeployment().name("schema-check").addModelInstance("schema-check.bpmn",
        Bpmn.createExecutableProcess("schema-check").camundaHistoryTimeToLive(1).startEvent().userTask("check")
            .endEvent().done()).deploy();
    String pi = engine.getRuntimeService().startProcessInstanceByKey("schema-check", "check-1").getId();
    var task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    engine.getTaskService().complete(task.getId());
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count())
        .isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId("ops-admin").count()).isEqualTo(1);
  }

  @Test
  void theProdProfileCreatesCamundasTablesWithItsLiquibaseChangelogAndNotWithSchemaUpdate() {
    String url = EmbeddedPostgresInitializer.newDatabase("prod_fresh");
    try (var context = start(url)) {
      var config = (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
      assertThat(config.getDatabaseSchemaUpdate()).isEqualTo("false");
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForList("select tag from databasechangelog where tag is not null", String.class))
          .contains("7.16.0", "7.24.0");
      assertThat(jdbc.queryForList("select id from databasechangelog", String.class)).contains("7.16.0-baseline")
          .allMatch(id -> id.startsWith("7.")); // only Camunda's changelog
      assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).contains("7.24.0");
      assertThat(jdbc.queryForList("select version from incentives_schema_history where success", String.class))
          .contains("1", "2", "5");
      engineWorks(context);
    }
    // A restart applies nothing again and starts on the same schema.
    try (var context = start(url)) {
      engineWorks(context);
    }
  }

  @Test
  void anEngineSchemaCreatedByAnEarlierReleaseWithSchemaUpdateIsAdoptedByTheChangelog() {
    String url = EmbeddedPostgresInitializer.newDatabase("prod_adopted");
    long before;
    try (var context = start(url, "spring.liquibase.enabled=false", "camunda.bpm.database.schema-update=true")) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForObject(
          "select count(*) from information_schema.tables where table_name = 'databasechangelog'", Integer.class)).isZero();
      engineWorks(context);
      before = jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class);
    }
    try (var context = start(url)) {
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      assertThat(jdbc.queryForList("select id from databasechangelog", String.class)).contains("7.16.0-baseline", "7.24.0-tag");
      // the existing tables and their rows were kept, not created again
      assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst", Long.class)).isEqualTo(before);
      engineWorks(context);
    }
  }
}
