package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.IncentiveProperties;
import cn.liuzhou.incentives.policy.PackageSettings;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Durations the process's timers and retries read, from settings rather than the model. */
@Component("workflowSettings")
public class WorkflowSettings {

  private final IncentiveProperties properties;
  private final PackageSettings packageSettings;

  public WorkflowSettings(IncentiveProperties properties, PackageSettings packageSettings) {
    this.properties = properties;
    this.packageSettings = packageSettings;
  }

  public String getAmendmentDeadline() {
    return properties.amendmentDeadline();
  }

  public String getScreeningRetryCycle() {
    return properties.screeningRetryCycle();
  }

  /** When a reviewer's task created now is due. */
  public Date reviewDueDate() {
    LocalDateTime now = LocalDateTime.now();
    String period = properties.reviewPeriod();
    LocalDateTime due;
    try {
      due = now.plus(Duration.parse(period));
    } catch (RuntimeException notADuration) {
      due = now.plus(Period.parse(period));
    }
    return Date.from(due.atZone(ZoneId.systemDefault()).toInstant());
  }

  /** The day a period (ISO-8601, e.g. P10D or PT1H) that starts now ends on. */
  public LocalDate deadline(String isoPeriod) {
    LocalDateTime now = LocalDateTime.now();
    try {
      return now.plus(Duration.parse(isoPeriod)).toLocalDate();
    } catch (RuntimeException notADuration) {
      return now.plus(Period.parse(isoPeriod)).toLocalDate();
    }
  }

  /** The package's notice period if its administrators set one, else the default. */
  public String publicNoticePeriod(String packageCode) {
    String own = packageSettings.get(packageCode).publicNoticePeriod();
    return own != null ? own : properties.publicNoticePeriod();
  }
}
