package cn.liuzhou.incentives.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks use the caller's groups as they are. Camunda first narrows them to the groups that
 * hold any authorization, with {@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} once per command:
 * a read of the whole table, which grows by one row per user (every enterprise login) and per open task
 * (its candidate group's grant), so every API call got slower as the ledger grew. A group without
 * authorizations matches no authorization row anyway, so checking with all of the caller's groups grants
 * and refuses exactly the same; the caller has a handful of groups.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new CallerGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, without narrowing the caller's groups through a full table read. */
  static class CallerGroupsAuthorizationManager extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }
  }
}
