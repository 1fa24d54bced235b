package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of an enterprise whose login an administrator has disabled, at its next request. HTTP Basic
 * calls are checked at every login anyway ({@link EnterpriseAccounts#check}); a portal session was authenticated
 * once and would otherwise keep working until it expires. Runs after Spring Security's chain, which holds the
 * request's authentication for the rest of the request.
 */
@Component
public class DisabledLoginSessions extends OncePerRequestFilter {

  private final EnterpriseAccounts accounts;

  public DisabledLoginSessions(EnterpriseAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (session != null && auth != null && auth.isAuthenticated()
        && auth.getAuthorities().stream().anyMatch(a -> Groups.ENTERPRISES.equals(a.getAuthority()))
        && accounts.find(auth.getName()).map(a -> !a.enabled()).orElse(false)) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      ProblemResponses.write(response, 401, "该企业账号已停用，请联系主管部门", "This enterprise login has been disabled", null);
      return;
    }
    chain.doFilter(request, response);
  }
}
