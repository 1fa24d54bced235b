package cn.liuzhou.incentives.workflow;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
  public static final String SOURCE = "system";

  private final RepositoryService repositoryService;
  private final java.util.Map<String, String> definitions = new java.util.concurrent.ConcurrentHashMap<>();

  public WorkflowDeployer(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public void deploy() throws IOException {
    DeploymentBuilder builder = repositoryService.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE)
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
    definitions.clear();
  }

  /**
   * The id of the project's own definition of the process: the newest one deployed by the
   * application itself at start-up, whatever else carries the same key.
   */
  public String definitionId(String processKey) {
    return definitions.computeIfAbsent(processKey, key -> {
      for (Deployment d : repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
          .deploymentSource(SOURCE).orderByDeploymentTime().desc().list()) {
        ProcessDefinition found = repositoryService.createProcessDefinitionQuery().deploymentId(d.getId())
            .processDefinitionKey(key).singleResult();
        if (found != null) {
          return found.getId();
        }
      }
      throw new IllegalStateException("The process " + key + " is not deployed");
    });
  }
}
