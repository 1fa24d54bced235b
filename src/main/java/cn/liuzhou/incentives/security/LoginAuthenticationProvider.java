package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's one authentication provider (HTTP Basic and the pages' form login). Enterprises log in with
 * their credit code against the registry's accounts ({@link EnterpriseAccounts}) and get the single authority
 * {@link Groups#ENTERPRISES}; staff log in against Camunda's identity service, so one set of staff users serves the
 * API, the engine REST API and the webapps, and their authorities are their Camunda groups. An enterprise login of
 * an earlier release (a Camunda user in group {@code enterprises}) is moved to the registry at its first login
 * ({@link LegacyEnterpriseLogins}). Failures count against the client's address ({@link LoginThrottle}).
 */
@Component
public class LoginAuthenticationProvider implements AuthenticationProvider {

  /** Refused because the client address made too many failed attempts. */
  public static class ThrottledException extends AuthenticationException {
    public ThrottledException() {
      super("Too many failed logins from this address");
    }
  }

  private final IdentityService identity;
  private final EnterpriseAccounts accounts;
  private final LegacyEnterpriseLogins legacy;
  private final LoginThrottle throttle;

  public LoginAuthenticationProvider(IdentityService identity, EnterpriseAccounts accounts, LegacyEnterpriseLogins legacy,
      LoginThrottle throttle) {
    this.identity = identity;
    this.accounts = accounts;
    this.legacy = legacy;
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
    if (user == null || user.isBlank() || user.length() > 64 || password.length() > 256) {
      throw refused(address, user);
    }
    List<String> authorities = switch (accounts.check(user, password)) {
      case ACCEPTED -> List.of(Groups.ENTERPRISES);
      // A disabled account is refused like a wrong password: the answer tells a guesser nothing.
      case WRONG_PASSWORD, DISABLED -> throw refused(address, user);
      case NO_ACCOUNT -> staff(user, password, address);
    };
    throttle.succeeded(address, user);
    return new UsernamePasswordAuthenticationToken(user, null, authorities.stream().map(SimpleGrantedAuthority::new).toList());
  }

  private List<String> staff(String user, String password, String address) {
    if (!identity.checkPassword(user, password)) {
      throw refused(address, user);
    }
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    if (LegacyEnterpriseLogins.isLegacyEnterprise(groups)) {
      legacy.migrate(user, password);
      return List.of(Groups.ENTERPRISES);
    }
    return groups;
  }

  private AuthenticationException refused(String address, String user) {
    throttle.failed(address, user);
    return new BadCredentialsException("Bad credentials");
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
