package cn.liuzhou.incentives.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** The same per-address throttle for the Camunda webapps' own login form as for HTTP Basic. */
public class WebappLoginThrottle extends OncePerRequestFilter {

  private final LoginThrottle throttle;

  public WebappLoginThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !request.getRequestURI().contains("/login/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    if (throttle.blocked(address)) {
      response.setHeader("Retry-After", String.valueOf(throttle.retryAfterSeconds()));
      ProblemResponses.write(response, 429, "登录失败次数过多，请稍后再试", "Too many failed logins from this address; try again later", null);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == 401 || response.getStatus() == 403) {
      throttle.failed(address, request.getParameter("username"));
    } else if (response.getStatus() < 300) {
      throttle.succeeded(address, request.getParameter("username"));
    }
  }
}
