package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.security.Groups;
import org.camunda.bpm.engine.identity.Group;
import cn.liuzhou.incentives.security.Units;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who a user id is, as shown to another person: a staff member's name and unit (Camunda's user and the name of
 * their organisational group, {@link Units}), or the enterprise of a credit code from the registry (enterprise
 * logins are not Camunda users). Callers inside an engine command run it without the reviewer's authorizations.
 */
@Component
public class People {

  /** A person: name and unit; {@link #display()} is how they are shown, "姓名（单位）". */
  public record Person(String userId, String name, String unit) {
    public String display() {
      if (unit.isEmpty() || unit.equals(name)) {
        return name.equals(userId) ? name : name + "（" + userId + "）";
      }
      return name + "（" + unit + "）";
    }
  }

  private final IdentityService identity;
  private final EnterpriseRegistry registry;
  // Names and units change rarely (in Camunda Admin or the registry); a few minutes' delay in showing a change is fine.
  private final Cache<String, Person> cache = Caffeine.newBuilder().maximumSize(10_000)
      .expireAfterWrite(Duration.ofMinutes(5)).build();

  public People(IdentityService identity, EnterpriseRegistry registry) {
    this.identity = identity;
    this.registry = registry;
  }

  public Person of(String userId) {
    if (userId == null || userId.isBlank() || "system".equals(userId)) {
      return new Person("system", "系统", "自动处理");
    }
    return cache.get(userId, this::lookUp);
  }

  /**
   * Staff users, for the reviewer filter of the search. Enterprise logins are not Camunda users (EnterpriseAccounts);
   * one of an earlier release not yet moved is left out by its unit.
   */
  public List<Person> staff() {
    return identity.createUserQuery().orderByUserId().asc().list().stream()
        .map(u -> of(u.getId())).filter(p -> !Units.ENTERPRISE.equals(p.unit())).toList();
  }

  private Person lookUp(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    List<Group> groups = user == null ? List.of() : identity.createGroupQuery().groupMember(userId).list();
    boolean legacyEnterprise = groups.stream().anyMatch(g -> Groups.ENTERPRISES.equals(g.getId()));
    if (user == null || legacyEnterprise) {
      var enterprise = registry.find(userId);
      if (enterprise.isPresent()) {
        return new Person(userId, enterprise.get().name(), Units.ENTERPRISE);
      }
    }
    if (user == null) {
      return new Person(userId, userId, "");
    }
    return new Person(userId, name(user), unit(groups));
  }

  /** Chinese order: surname (Camunda's last name) before the given name. */
  static String name(User user) {
    String full = ((user.getLastName() == null ? "" : user.getLastName().strip())
        + (user.getFirstName() == null ? "" : user.getFirstName().strip()));
    return full.isEmpty() ? user.getId() : full;
  }

  /** The name of the organisational group that ranks first ({@link Units#rank}). */
  static String unit(List<Group> groups) {
    return groups.stream().sorted(Comparator.comparingInt(g -> Units.rank(g.getId())))
        .map(g -> g.getName() == null || g.getName().isBlank() ? Units.defaultNames().getOrDefault(g.getId(), g.getId()) : g.getName())
        .findFirst().orElse("");
  }
}
