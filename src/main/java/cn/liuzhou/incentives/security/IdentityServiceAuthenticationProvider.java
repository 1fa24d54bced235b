package cn.liuzhou.incentives.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's HTTP Basic checked against Camunda's identity service, so one set of users
 * serves the API, the engine REST API and the webapps. The authorities are the user's Camunda
 * groups. Failures count against the client's address ({@link LoginThrottle}).
 */
@Component
public class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

  /** Refused because the client address made too many failed attempts. */
  public static class ThrottledException extends AuthenticationException {
    public ThrottledException() {
      super("Too many failed logins from this address");
    }
  }

  private final IdentityService identity;
  private final LoginThrottle throttle;

  public IdentityServiceAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
    this.identity = identity;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
    if (throttle.blocked(address)) {
      throw new ThrottledException();
    }
    String user = authentication.getName();
    String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
    if (user == null || user.isBlank() || user.length() > 64 || password.length() > 256 || !identity.checkPassword(user, password)) {
      throttle.failed(address);
      throw new BadCredentialsException("Bad credentials");
    }
    throttle.succeeded(address);
    List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).map(SimpleGrantedAuthority::new).toList();
    return new UsernamePasswordAuthenticationToken(user, null, groups);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
