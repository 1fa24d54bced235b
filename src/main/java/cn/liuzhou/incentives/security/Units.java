package cn.liuzhou.incentives.security;

import cn.liuzhou.incentives.registry.County;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A staff member's unit (单位) is the name of their organisational Camunda group, so administrators keep it where
 * they keep the people, in Camunda Admin. These are the names the groups are given (AuthorizationSetup step 5), in
 * the order that decides the unit of someone in several groups: the organisation before the system roles.
 */
public final class Units {

  public static final String ENTERPRISE = "申报企业";

  private static final Map<String, String> NAMES = names();

  private Units() {}

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    for (County c : County.values()) {
      names.put(c.reviewerGroup(), c.nameZh() + "工业和信息化局");
    }
    names.put(Groups.BUREAU, "柳州市工业和信息化局");
    names.put(Groups.FINANCE, "柳州市财政局");
    names.put(Groups.EXPERTS, "评审专家");
    names.put(Groups.AUDITORS, "审计");
    names.put(Groups.ADMINS, "系统管理员");
    names.put(Groups.POLICY_ADMINS, "政策管理员");
    names.put(Groups.ENTERPRISES, ENTERPRISE);
    return java.util.Collections.unmodifiableMap(names);
  }

  /** Group id to unit name, in the order of precedence. */
  public static Map<String, String> defaultNames() {
    return NAMES;
  }

  /** Precedence of a group as someone's unit: lower first; groups of no known role come last. */
  public static int rank(String groupId) {
    int i = List.copyOf(NAMES.keySet()).indexOf(groupId);
    return i < 0 ? NAMES.size() : i;
  }
}
