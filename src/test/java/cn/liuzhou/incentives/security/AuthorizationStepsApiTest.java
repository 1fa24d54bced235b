package cn.liuzhou.incentives.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Groups and authorizations are reconciled at start-up by versioned steps, each applied once per installation. */
class AuthorizationStepsApiTest extends ApiTestSupport {

  @Autowired AuthorizationSetup setup;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  @Test
  void everyStepOfTheReleaseIsRecordedAsApplied() {
    assertThat(setup.appliedVersions()).containsAll(setup.steps().stream().map(AuthorizationSetup.Step::version).toList());
    assertThat(setup.applyPending(setup.steps())).isEmpty(); // a restart applies nothing again
  }

  @Test
  void aStepAddedInAReleaseIsAppliedOnceToAnExistingInstallation() {
    int version = 1000 + (int) (System.nanoTime() % 100000);
    AtomicInteger runs = new AtomicInteger();
    var step = new AuthorizationSetup.Step(version, "test: a grant changed in a later release", runs::incrementAndGet);
    List<AuthorizationSetup.Step> release = new java.util.ArrayList<>(setup.steps());
    release.add(step);
    assertThat(setup.applyPending(release)).containsExactly(version);
    assertThat(setup.applyPending(release)).isEmpty();
    assertThat(runs.get()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select description from authorization_setup_version where version = ?", String.class,
        version)).isEqualTo("test: a grant changed in a later release");
  }

  @Test
  void aFailingStepIsNotRecordedAndRunsAgainAtTheNextStart() {
    int version = 200000 + (int) (System.nanoTime() % 100000);
    AtomicInteger runs = new AtomicInteger();
    var failing = new AuthorizationSetup.Step(version, "test: fails once", () -> {
      if (runs.incrementAndGet() == 1) {
        throw new IllegalStateException("the identity service is unavailable");
      }
    });
    try {
      setup.applyPending(List.of(failing));
    } catch (IllegalStateException expected) {
      // the start fails, nothing recorded
    }
    assertThat(setup.appliedVersions()).doesNotContain(version);
    assertThat(setup.applyPending(List.of(failing))).containsExactly(version);
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void anAdministratorsRevokedGrantIsNotRecreatedAtEveryStart() {
    Authorization cockpit = authorizations.createAuthorizationQuery().groupIdIn(Groups.AUDITORS)
        .resourceType(Resources.APPLICATION).resourceId("cockpit").singleResult();
    assertThat(cockpit).isNotNull();
    authorizations.deleteAuthorization(cockpit.getId());
    try {
      setup.apply();
      assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.AUDITORS).resourceType(Resources.APPLICATION)
          .resourceId("cockpit").count()).isZero();
    } finally {
      Authorization restored = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      restored.setGroupId(Groups.AUDITORS);
      restored.setResource(Resources.APPLICATION);
      restored.setResourceId("cockpit");
      restored.addPermission(Permissions.ACCESS);
      authorizations.saveAuthorization(restored);
    }
  }
}
