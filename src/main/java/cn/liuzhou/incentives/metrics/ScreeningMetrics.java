package cn.liuzhou.incentives.metrics;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Screening latency ({@code incentives_screening_seconds{outcome=passed|rejected}}): from the application's filing
 * or amendment (the journal's time) to the end of its automated screening, so the wait for the job executor counts
 * too. Recorded when the screening's transaction commits: a screening step that fails and is retried is timed once,
 * when it finally gets through.
 */
@Component
public class ScreeningMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(ScreeningMetrics.class);

  private final MeterRegistry registry;
  private final ApplicationJournal journal;
  private final Clock clock;

  public ScreeningMetrics(MeterRegistry registry, ApplicationJournal journal, Optional<Clock> clock) {
    this.registry = registry;
    this.journal = journal;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Called by the screening step when the automated screening of the application has reached its outcome. */
  public void screened(ApplicationRecord app, boolean passed) {
    Instant submitted = journal.lastSubmitted(app.id()).orElse(app.filedAt());
    Duration latency = Duration.between(submitted, Instant.now(clock));
    String outcome = passed ? "passed" : "rejected";
    // Logged here, inside the engine's command, where the engine's logging context names the application.
    LOG.info("Automated screening {} after {} ms", outcome, latency.toMillis());
    Timer timer = Timer.builder("incentives.screening")
        .description("From filing or amendment to the end of automated screening")
        .tag("outcome", outcome).tag("package", app.packageCode())
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50)).maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
    Runnable record = () -> timer.record(latency.isNegative() ? Duration.ZERO : latency);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          record.run();
        }
      });
    } else {
      record.run();
    }
  }
}
