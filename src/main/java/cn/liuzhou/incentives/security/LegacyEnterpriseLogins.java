package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enterprise logins of earlier releases were Camunda users in group {@code enterprises}. Camunda keeps only a
 * hash of their passwords, so they move into the registry's accounts at their first successful login after the
 * upgrade, the only moment the password is known: the account is created with it and the Camunda user deleted,
 * in one transaction. An administrator setting the password (PUT .../account) moves them as well.
 */
@Component
public class LegacyEnterpriseLogins {

  public static final String MIGRATED_BY = "legacy-camunda-user";
  private static final Logger LOG = LoggerFactory.getLogger(LegacyEnterpriseLogins.class);

  private final IdentityService identity;
  private final EnterpriseAccounts accounts;
  private final EnterpriseRegistry registry;
  private final TransactionTemplate transactions;

  public LegacyEnterpriseLogins(IdentityService identity, EnterpriseAccounts accounts, EnterpriseRegistry registry,
      PlatformTransactionManager transactionManager) {
    this.identity = identity;
    this.accounts = accounts;
    this.registry = registry;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  public static boolean isLegacyEnterprise(List<String> camundaGroups) {
    // Only a login that is nothing but an enterprise's: a staff member who was also put in the group keeps their roles.
    return camundaGroups.size() == 1 && camundaGroups.contains(Groups.ENTERPRISES);
  }

  /** Called once Camunda has accepted the password: the account moves to the registry with that password. */
  public void migrate(String userId, String password) {
    if (registry.find(userId).isEmpty()) {
      // No registry row to attach the account to (the account table's key is the registry's): leave it for an administrator.
      LOG.warn("Enterprise login {} is a Camunda user without a registry entry; not migrated", userId);
      return;
    }
    if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      // bcrypt reads at most 72 bytes: such a login keeps working from Camunda until an administrator sets a new one
      LOG.warn("Enterprise login {} has a password longer than bcrypt takes; not migrated", userId);
      return;
    }
    transactions.executeWithoutResult(status -> {
      if (accounts.find(userId).isEmpty()) {
        accounts.setPassword(userId, password, MIGRATED_BY);
      }
      identity.deleteUser(userId);
    });
    LOG.info("Enterprise login {} moved from Camunda's users to the registry's accounts", userId);
  }

  /** Whether the id is a Camunda login that is not (only) an enterprise's: a staff member's. */
  public boolean isStaffLogin(String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      return false;
    }
    return !isLegacyEnterprise(identity.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
  }

  /** Whether the id is an earlier release's enterprise login, still a Camunda user. */
  public boolean isLegacyLogin(String userId) {
    return identity.createUserQuery().userId(userId).memberOfGroup(Groups.ENTERPRISES).count() > 0;
  }

  /** Removes the Camunda user of an enterprise whose account an administrator has just (re)set in the registry. */
  public void removeCamundaUser(String creditCode) {
    boolean legacy = identity.createUserQuery().userId(creditCode).memberOfGroup(Groups.ENTERPRISES).count() > 0;
    if (legacy) {
      identity.deleteUser(creditCode);
      LOG.info("Enterprise login {} moved from Camunda's users to the registry's accounts", creditCode);
    }
  }
}
