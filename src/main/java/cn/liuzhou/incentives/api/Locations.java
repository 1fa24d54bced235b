package cn.liuzhou.incentives.api;

import java.net.URI;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The Location of a resource the API created: its path under the servlet context path of the current request
 * ("/api/…" at the root, "/incentives/api/…" under that context path), without scheme or host.
 */
public final class Locations {

  private Locations() {}

  /** The created resource's address; {@code path} is the application's own path, starting with "/". */
  public static URI of(String path) {
    var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    return URI.create(request.getContextPath() + path);
  }
}
