package cn.liuzhou.incentives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.liuzhou.incentives.demo.DemoData;
import cn.liuzhou.incentives.policy.PackageDeployer;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.security.AuthorizationSetup;
import cn.liuzhou.incentives.workflow.WorkflowDeployer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** Production settings create no demo users or data; every profile gets models, tables and roles. */
class StartupTest {

  final WorkflowDeployer workflow = mock(WorkflowDeployer.class);
  final PackageDeployer packages = mock(PackageDeployer.class);
  final PolicyCatalogue catalogue = mock(PolicyCatalogue.class);
  final AuthorizationSetup authorizations = mock(AuthorizationSetup.class);
  final DemoData demo = mock(DemoData.class);

  Startup startup(boolean demoEnabled) {
    when(catalogue.packages()).thenReturn(List.of());
    return new Startup(workflow, packages, catalogue, authorizations, demo,
        new IncentiveProperties(null, null, null, null, new IncentiveProperties.Demo(demoEnabled)),
        mock(cn.liuzhou.incentives.ledger.BudgetAccounts.class));
  }

  @Test
  void productionStartCreatesNoDemoData() throws Exception {
    startup(false).start();
    verify(workflow).deploy();
    verify(packages).deployShippedPackages();
    verify(authorizations).apply();
    verify(demo, never()).load();
  }

  @Test
  void defaultStartLoadsTheDemo() throws Exception {
    startup(true).start();
    verify(demo).load();
  }

  @Test
  void theProdProfileTurnsTheDemoOff() {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-prod.yaml"));
    assertThat(yaml.getObject().getProperty("incentives.demo.enabled")).isEqualTo("false");
    yaml.setResources(new ClassPathResource("application.yaml"));
    assertThat(yaml.getObject().getProperty("camunda.bpm.authorization.enabled")).isEqualTo("true");
  }

  @Test
  void theDefaultFileDatabaseOpens(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    var yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yaml"));
    String url = yaml.getObject().getProperty("spring.datasource.url").replace("./data", dir.toString());
    try (var connection = java.sql.DriverManager.getConnection(url, "sa", "")) {
      assertThat(connection.isValid(1)).isTrue();
    }
  }

  @Test
  void durationsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IncentiveProperties("five days", null, null, null, null))
        .hasMessageContaining("incentives.public-notice-period");
    assertThat(new IncentiveProperties(null, null, null, null, null).publicNoticePeriod()).isEqualTo("P5D");
  }
}
