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
 * from any other address always works. A successful login does not clear the count: otherwise anyone with one
 * valid login (every enterprise has one) could interleave it with guesses at other accounts without limit.
 */
@Component
public class LoginThrottle {

  /** Failures from one address, and the user names they were for. */
  private static final class Failures {
    private final AtomicInteger count = new AtomicInteger();
    private final java.util.Set<String> users = java.util.concurrent.ConcurrentHashMap.newKeySet();
  }

  private final int maxFailures;
  private final Duration window;
  private final Cache<String, Failures> failures;

  public LoginThrottle(@Value("${incentives.login.max-failures:10}") int maxFailures,
      @Value("${incentives.login.block-duration:PT1M}") Duration window) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  public boolean blocked(String address) {
    Failures f = failures.getIfPresent(address);
    return f != null && f.count.get() >= maxFailures;
  }

  public void failed(String address, String user) {
    Failures f = failures.asMap().computeIfAbsent(address, a -> new Failures());
    f.count.incrementAndGet();
    f.users.add(user == null ? "" : user);
    failures.put(address, f); // the window restarts with each failure
  }

  /**
   * A successful login clears the address's count only when every failure was for the same user (someone who
   * mistyped their own password). Otherwise anyone with one valid login (every enterprise has one) could
   * interleave it with guesses at other accounts without limit.
   */
  public void succeeded(String address, String user) {
    Failures f = failures.getIfPresent(address);
    if (f != null && f.users.size() == 1 && f.users.contains(user == null ? "" : user)) {
      failures.invalidate(address);
    }
  }

  public long retryAfterSeconds() {
    return window.toSeconds();
  }
}
