package cn.liuzhou.incentives.portal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Objections from the public (no login) per client address: at most {@code max} attempts, accepted or not, in
 * a window that starts with the first. Keeps the form from being used to flood the bureau or to probe
 * application numbers.
 */
@Component
public class PublicObjectionThrottle {

  private final int max;
  private final Duration window;
  private final Cache<String, AtomicInteger> attempts;

  public PublicObjectionThrottle(@Value("${incentives.public-objections.max-per-address:5}") int max,
      @Value("${incentives.public-objections.window:PT1H}") Duration window) {
    this.max = max;
    this.window = window;
    this.attempts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
  }

  /** Counts the attempt; false when the address has used up its attempts for the window. */
  public boolean tryAcquire(String address) {
    return attempts.get(address, a -> new AtomicInteger()).incrementAndGet() <= max;
  }

  public long retryAfterSeconds() {
    return window.toSeconds();
  }
}
