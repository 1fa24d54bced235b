package cn.liuzhou.incentives;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Workflow settings an operator may change without a rebuild. Durations are ISO-8601 strings
 * because Camunda timers read them as such.
 *
 * @param publicNoticePeriod default 公示 period, used where a package sets none
 * @param amendmentDeadline time an enterprise has to amend a returned application
 * @param screeningRetryCycle retry cycle of a screening step whose data source fails
 * @param reviewPeriod time a reviewer's task is due in (Tasklist shows and sorts by the due date)
 * @param demo whether demo users and data are created (default profile only)
 */
@ConfigurationProperties(prefix = "incentives")
public record IncentiveProperties(
    String publicNoticePeriod,
    String amendmentDeadline,
    String screeningRetryCycle,
    String reviewPeriod,
    Demo demo) {

  public IncentiveProperties {
    publicNoticePeriod = publicNoticePeriod == null ? "P5D" : publicNoticePeriod;
    amendmentDeadline = amendmentDeadline == null ? "P10D" : amendmentDeadline;
    screeningRetryCycle = screeningRetryCycle == null ? "R3/PT5M" : screeningRetryCycle;
    reviewPeriod = reviewPeriod == null ? "P10D" : reviewPeriod;
    demo = demo == null ? new Demo(false) : demo;
    validateDuration("incentives.public-notice-period", publicNoticePeriod);
    validateDuration("incentives.amendment-deadline", amendmentDeadline);
    validateDuration("incentives.review-period", reviewPeriod);
  }

  public record Demo(boolean enabled) {}

  static void validateDuration(String name, String value) {
    try {
      java.time.Duration.parse(value);
    } catch (RuntimeException notADuration) {
      try {
        Period.parse(value);
      } catch (RuntimeException notAPeriod) {
        throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as P5D, got " + value);
      }
    }
  }
}
