package cn.liuzhou.incentives.metrics;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value loaded at most once per time-to-live: every gauge of a scrape reads the same snapshot, and scrapes from
 * several Prometheus servers (or a short scrape interval) do not each query the database.
 */
final class CachedValue<T> {

  private final LoadingCache<Boolean, T> cache;

  CachedValue(Duration ttl, Supplier<T> loader) {
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(1).build(key -> loader.get());
  }

  T get() {
    return cache.get(Boolean.TRUE);
  }

  /** The next read loads afresh. */
  void invalidate() {
    cache.invalidateAll();
  }
}
