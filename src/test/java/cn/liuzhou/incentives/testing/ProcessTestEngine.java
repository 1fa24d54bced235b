package cn.liuzhou.incentives.testing;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** An in-memory engine for process tests: mocked beans, full history, no job executor, coverage reported. */
public final class ProcessTestEngine {

  private ProcessTestEngine() {}

  /** The extension for a test class that must cover every flow node and sequence flow of its process. */
  public static ProcessEngineCoverageExtension withFullCoverage(String name) {
    var c = new ProcessCoverageInMemProcessEngineConfiguration();
    c.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    c.setDatabaseSchemaUpdate("true");
    c.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    c.setJobExecutorActivate(false);
    c.setExpressionManager(new MockExpressionManager());
    c.setProcessEngineName(name);
    return ProcessEngineCoverageExtension.Companion.builder(c).assertClassCoverageAtLeast(1.0).build();
  }
}
