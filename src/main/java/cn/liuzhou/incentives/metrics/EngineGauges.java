package cn.liuzhou.incentives.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's health as the operators need it: open incidents ({@code incentives_incidents}, a screening source
 * that failed three times, Cockpit shows them), jobs due now that no node has run yet ({@code incentives_job_backlog},
 * screening waiting for the job executor) and jobs whose retries are exhausted ({@code incentives_jobs_failed}).
 * Counted with the engine's public queries; the scrape thread carries no Camunda user, so nothing is filtered by
 * authorizations.
 */
@Component
public class EngineGauges implements MeterBinder {

  record Snapshot(long incidents, long backlog, long failed) {}

  private final CachedValue<Snapshot> snapshot;

  public EngineGauges(RuntimeService runtime, ManagementService management,
      @Value("${incentives.metrics.cache-ttl:PT5S}") Duration ttl) {
    this.snapshot = new CachedValue<>(ttl, () -> new Snapshot(runtime.createIncidentQuery().count(),
        management.createJobQuery().executable().count(), management.createJobQuery().noRetriesLeft().count()));
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("incentives.incidents", this, g -> g.snapshot.get().incidents())
        .description("Open incidents (Cockpit)").register(registry);
    Gauge.builder("incentives.job.backlog", this, g -> g.snapshot.get().backlog())
        .description("Executable jobs due now, not yet run (screening, notifications, timers due)").register(registry);
    Gauge.builder("incentives.jobs.failed", this, g -> g.snapshot.get().failed())
        .description("Jobs whose retries are exhausted").register(registry);
  }

  /** The next scrape asks the engine afresh. */
  public void refresh() {
    snapshot.invalidate();
  }
}
