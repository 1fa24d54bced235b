package cn.liuzhou.incentives.portal;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/** Awards on public notice (公示) as anyone may read them: enterprise, measure, amount, notice start and end. */
@Component
public class PublicNotices {

  public record Notice(String id, String enterpriseName, String measureCode, String measureTitle, String packageCode,
      String clause, BigDecimal approvedAward, Instant noticeStart, String noticeStartBeijing, Instant noticeEnd,
      String noticeEndBeijing) {}

  private final ApplicationRepository applications;
  private final EnterpriseRegistry registry;
  private final PolicyCatalogue catalogue;
  private final ApplicationJournal journal;
  private final ManagementService management;

  public PublicNotices(ApplicationRepository applications, EnterpriseRegistry registry, PolicyCatalogue catalogue,
      ApplicationJournal journal, ManagementService management) {
    this.applications = applications;
    this.registry = registry;
    this.catalogue = catalogue;
    this.journal = journal;
    this.management = management;
  }

  public List<Notice> current() {
    return applications.withStatus(ApplicationStatus.PUBLIC_NOTICE).stream().map(this::notice)
        .sorted(Comparator.comparing(Notice::noticeStart, Comparator.nullsLast(Comparator.reverseOrder())))
        .toList();
  }

  private Notice notice(ApplicationRecord a) {
    Instant start = journal.lastEntered(a.id(), ApplicationStatus.PUBLIC_NOTICE).orElse(null);
    Instant end = a.processInstanceId() == null ? null
        : management.createJobQuery().processInstanceId(a.processInstanceId()).timers().list().stream()
            .map(Job::getDuedate).filter(java.util.Objects::nonNull).map(java.util.Date::toInstant)
            .min(Instant::compareTo).orElse(null);
    var measure = catalogue.measure(a.measureCode());
    return new Notice(a.id(), registry.find(a.creditCode()).map(Enterprise::name).orElse(a.creditCode()), a.measureCode(),
        measure.map(Measure::titleZh).orElse(a.measureCode()), a.packageCode(), measure.map(Measure::clause).orElse(null),
        a.approvedAward(), start, ApplicationTimeline.beijing(start), end, ApplicationTimeline.beijing(end));
  }
}
