package cn.liuzhou.incentives.policy;

import java.util.ArrayList;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/** Puts the package guard in front of Camunda's own deployers, and records what measure decisions evaluated. */
@Component
public class PolicyEnginePlugin extends AbstractProcessEnginePlugin {

  private final PackageDeploymentGuard guard;
  private final DecisionCapture capture;

  public PolicyEnginePlugin(PackageDeploymentGuard guard, DecisionCapture capture) {
    this.guard = guard;
    this.capture = capture;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    var deployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<Deployer>() : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(guard);
    configuration.setCustomPreDeployers(deployers);
    // What screening's measure decisions saw and matched, for the calculation trace (see DecisionCapture).
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
        : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    var listeners = new ArrayList<DmnDecisionEvaluationListener>();
    if (dmn.getCustomPostDecisionEvaluationListeners() != null) {
      listeners.addAll(dmn.getCustomPostDecisionEvaluationListeners());
    }
    listeners.add(capture);
    dmn.setCustomPostDecisionEvaluationListeners(listeners);
    configuration.setDmnEngineConfiguration(dmn);
  }
}
