package cn.liuzhou.incentives.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings of the hostile review: guesses cannot be laundered by one's own valid login. */
class LoginThrottleTest {

  private final LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(1));

  @Test
  void ownValidLoginBetweenGuessesAtAnotherAccountDoesNotClearTheCount() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("203.0.113.9", "admin");
      throttle.succeeded("203.0.113.9", "91450200MA5L000117");
    }
    assertThat(throttle.blocked("203.0.113.9")).isTrue();
  }

  @Test
  void someoneWhoMistypedTheirOwnPasswordIsForgivenByTheirNextLogin() {
    throttle.failed("198.51.100.3", "bureau");
    throttle.failed("198.51.100.3", "bureau");
    throttle.succeeded("198.51.100.3", "bureau");
    throttle.failed("198.51.100.3", "bureau");
    throttle.failed("198.51.100.3", "bureau");
    assertThat(throttle.blocked("198.51.100.3")).isFalse();
    throttle.failed("198.51.100.3", "bureau");
    assertThat(throttle.blocked("198.51.100.3")).isTrue();
  }

  @Test
  void onlyALoginThatIsNothingButAnEnterprisesIsMovedToTheRegistry() {
    assertThat(LegacyEnterpriseLogins.isLegacyEnterprise(List.of(Groups.ENTERPRISES))).isTrue();
    assertThat(LegacyEnterpriseLogins.isLegacyEnterprise(List.of(Groups.ENTERPRISES, Groups.BUREAU))).isFalse();
    assertThat(LegacyEnterpriseLogins.isLegacyEnterprise(List.of(Groups.BUREAU))).isFalse();
  }
}
