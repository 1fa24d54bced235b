package cn.liuzhou.incentives.workflow;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes and their Camunda Forms together, under stable resource names whatever
 * the launch mode, so that a restart deploys nothing new and {@code formRefBinding="deployment"}
 * finds each form beside its process.
 */
@Component
public class WorkflowDeployer {

  public static final String DEPLOYMENT_NAME = "incentive-workflow";

  private final RepositoryService repositoryService;

  public WorkflowDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public void deploy() throws IOException {
    DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source("system")
        .enableDuplicateFiltering(false);
    var resolver = new PathMatchingResourcePatternResolver();
    for (String pattern : new String[] {"classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.form"}) {
      for (Resource r : resolver.getResources(pattern)) {
        try (InputStream in = r.getInputStream()) {
          builder.addInputStream(r.getFilename(), in);
        }
      }
    }
    builder.deploy();
  }
}
