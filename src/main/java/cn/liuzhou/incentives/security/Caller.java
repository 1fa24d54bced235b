package cn.liuzhou.incentives.security;

import java.util.Optional;
import java.util.Set;

/** The authenticated user of an API request and what their groups allow. */
public record Caller(String userId, Set<String> groups) {

  public boolean isAdmin() {
    return groups.contains(Groups.ADMINS) || groups.contains(Groups.POLICY_ADMINS);
  }

  public boolean isAuditor() {
    return groups.contains(Groups.AUDITORS);
  }

  public boolean isBureau() {
    return groups.contains(Groups.BUREAU);
  }

  /** The enterprise's credit code when the caller is an enterprise account. */
  public Optional<String> enterprise() {
    return groups.contains(Groups.ENTERPRISES) ? Optional.of(userId) : Optional.empty();
  }

  /** The county code when the caller is county staff. */
  public Optional<String> county() {
    return groups.stream().filter(g -> g.startsWith(Groups.COUNTY_PREFIX))
        .map(g -> g.substring(Groups.COUNTY_PREFIX.length())).findFirst();
  }
}
