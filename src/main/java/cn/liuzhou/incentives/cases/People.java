package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.security.Groups;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who a user id is: the Camunda user's name and the role their groups give, or the enterprise of a credit code. */
@Component
public class People {

  public record Person(String userId, String name, String role) {
    public String display() {
      return name.equals(userId) ? name : name + "（" + userId + "）";
    }
  }

  private static final Map<String, String> ROLES = Map.of(
      Groups.BUREAU, "市工业和信息化局",
      Groups.FINANCE, "财政局",
      Groups.EXPERTS, "评审专家",
      Groups.AUDITORS, "审计",
      Groups.POLICY_ADMINS, "政策管理员",
      Groups.ADMINS, "系统管理员",
      Groups.ENTERPRISES, "申报企业");

  private final IdentityService identity;
  private final EnterpriseRegistry registry;
  private final Map<String, Person> cache = new ConcurrentHashMap<>();

  public People(IdentityService identity, EnterpriseRegistry registry) {
    this.identity = identity;
    this.registry = registry;
  }

  public Person of(String userId) {
    if (userId == null || userId.isBlank() || "system".equals(userId)) {
      return new Person("system", "系统", "自动处理");
    }
    Person known = cache.get(userId);
    if (known != null) {
      return known;
    }
    Person person = lookUp(userId);
    if (cache.size() > 10_000) {
      cache.clear();
    }
    cache.put(userId, person);
    return person;
  }

  /**
   * Staff users (not enterprises), for the reviewer filter of the search: the members of every group but the
   * enterprises', a query per group. Listing every user instead read each enterprise login too (thousands, with
   * a user, group and registry lookup each when not cached), at every search.
   */
  public List<Person> staff() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    for (Group group : identity.createGroupQuery().list()) {
      if (!Groups.ENTERPRISES.equals(group.getId())) {
        identity.createUserQuery().memberOfGroup(group.getId()).list().forEach(u -> ids.add(u.getId()));
      }
    }
    return ids.stream().map(this::of).filter(p -> !"申报企业".equals(p.role())).toList();
  }

  private Person lookUp(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
    String role = groups.stream().map(g -> role(g.getId())).filter(r -> r != null).findFirst().orElse("");
    String name = userId;
    if (user != null) {
      // The demo and Camunda Admin keep the unit as the first name and the post or surname as the last ("市工信局" "审核员").
      String full = ((user.getFirstName() == null ? "" : user.getFirstName()) + (user.getLastName() == null ? "" : user.getLastName())).trim();
      if (!full.isEmpty()) {
        name = full;
      }
    }
    if (groups.stream().anyMatch(g -> Groups.ENTERPRISES.equals(g.getId())) || user == null) {
      var enterprise = registry.find(userId);
      if (enterprise.isPresent()) {
        return new Person(userId, enterprise.get().name(), "申报企业");
      }
    }
    return new Person(userId, name, role);
  }

  static String role(String group) {
    if (group.startsWith(Groups.COUNTY_PREFIX)) {
      String code = group.substring(Groups.COUNTY_PREFIX.length());
      return County.of(code).map(c -> c.nameZh() + "工信部门").orElse("县区工信部门");
    }
    return ROLES.get(group);
  }
}
