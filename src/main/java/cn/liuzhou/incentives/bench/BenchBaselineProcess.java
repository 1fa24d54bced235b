package cn.liuzhou.incentives.bench;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The load benchmark's ceiling (bench/, Gatling): a bare start → service task → DMN → user task
 * process on the same engine, deployed only when {@code incentives.bench.baseline-process=true}.
 * Never on in production.
 */
@Component
@ConditionalOnProperty(name = "incentives.bench.baseline-process", havingValue = "true")
public class BenchBaselineProcess {

  public static final String KEY = "bench-bare-process";

  private final RepositoryService repositoryService;

  public BenchBaselineProcess(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void deploy() throws IOException {
    try (InputStream in = new ClassPathResource("bench/bench-bare-process.bpmn").getInputStream()) {
      repositoryService.createDeployment().name("bench-baseline").source("system").enableDuplicateFiltering(true)
          .addInputStream("bench-bare-process.bpmn", in).deploy();
    }
  }
}
