package cn.liuzhou.incentives.metrics;

import org.slf4j.MDC;

/**
 * The business key in the logging context (MDC) for work the engine does not run itself: API requests about one
 * application, notifications delivered after a step has committed. The key is the one the engine fills while it
 * runs a process ({@code loggingContextBusinessKey} in application.yaml), so every line about an application carries
 * its number in the same place.
 */
public final class LogContext implements AutoCloseable {

  public static final String BUSINESS_KEY = "businessKey";

  private final String previous;

  private LogContext(String businessKey) {
    this.previous = MDC.get(BUSINESS_KEY);
    if (businessKey == null) {
      MDC.remove(BUSINESS_KEY);
    } else {
      MDC.put(BUSINESS_KEY, businessKey);
    }
  }

  /** Sets the business key until {@link #close()}, which puts back what was there before. */
  public static LogContext businessKey(String businessKey) {
    return new LogContext(businessKey);
  }

  @Override
  public void close() {
    if (previous == null) {
      MDC.remove(BUSINESS_KEY);
    } else {
      MDC.put(BUSINESS_KEY, previous);
    }
  }
}
