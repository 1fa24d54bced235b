package cn.liuzhou.incentives.policy;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/** Puts the package guard in front of Camunda's own deployers. */
@Component
public class PolicyEnginePlugin extends AbstractProcessEnginePlugin {

  private final PackageDeploymentGuard guard;

  public PolicyEnginePlugin(PackageDeploymentGuard guard) {
    this.guard = guard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<Deployer>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(guard);
    configuration.setCustomPreDeployers(deployers);
  }
}
