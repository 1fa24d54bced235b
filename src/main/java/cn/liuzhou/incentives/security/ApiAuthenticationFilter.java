package cn.liuzhou.incentives.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic on /api/**, against Camunda's identity service so that one set of users serves the
 * API, Tasklist and the engine REST API. The caller is put on the request for the controllers.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String CALLER = Caller.class.getName();

  private final IdentityService identityService;

  public ApiAuthenticationFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String[] credentials = decode(header);
    if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Basic realm=\"incentives\", charset=\"UTF-8\"");
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter().write("""
          {"type":"about:blank","title":"Unauthorized","status":401,"detail":"请先登录（HTTP Basic）","detailEn":"Authentication required (HTTP Basic)"}""");
      return;
    }
    var groups = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
        .map(Group::getId).collect(Collectors.toUnmodifiableSet());
    request.setAttribute(CALLER, new Caller(credentials[0], groups));
    chain.doFilter(request, response);
  }

  private static String[] decode(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String plain = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      return colon <= 0 ? null : new String[] {plain.substring(0, colon), plain.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
