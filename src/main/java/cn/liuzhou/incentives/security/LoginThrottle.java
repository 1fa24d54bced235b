package cn.liuzhou.incentives.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per client address, not per account: after
 * {@code incentives.login.max-failures} wrong passwords from one address within
 * {@code incentives.login.block-duration}, that address is refused (429) until the window ends.
 * Nobody can lock out another person's account from outside: the engine's own account locking
 * is switched off (application.yaml, loginMaxAttempts / loginDelayMaxTime) and the right password
 * from any other address always works.
 */
@Component
public class LoginThrottle {

  private final int maxFailures;
  private final Duration window;
  private final Cache<String, AtomicInteger> failures;

  public LoginThrottle(@Value("${incentives.login.max-failures:10}") int maxFailures,
      @Value("${incentives.login.block-duration:PT1M}") Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  public boolean blocked(String address) {
    AtomicInteger count = failures.getIfPresent(address);
    return count != null && count.get() >= maxFailures;
  }

  public void failed(String address) {
    failures.asMap().computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    failures.put(address, failures.getIfPresent(address)); // the window restarts with each failure
  }

  public void succeeded(String address) {
    failures.invalidate(address);
  }

  public long retryAfterSeconds() {
    return window.toSeconds();
  }
}
