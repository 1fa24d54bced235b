package cn.liuzhou.incentives.registry;

import java.util.Map;

/** The registry change log in Chinese, for the console and the case files. */
public final class ChangeLabels {

  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("registered", "新登记"), Map.entry("name", "企业名称"), Map.entry("county", "所属县区"),
      Map.entry("industry", "行业"), Map.entry("aboveDesignatedSize", "规模以上工业企业"),
      Map.entry("taxCreditRating", "纳税信用等级"), Map.entry("accountingCreditGood", "会计信用良好"),
      Map.entry("jointPunishmentTarget", "联合惩戒对象"), Map.entry("payeeAccount", "收款账户"));

  private ChangeLabels() {}

  public static String subject(RegistryChanges.Subject subject) {
    return switch (subject) {
      case ENTERPRISE -> "企业登记信息";
      case NAME_LIST -> "名单";
      case EXTERNAL_AWARD -> "其他项目奖补";
    };
  }

  /** The field's Chinese name, the list code, or the programme and type of an award. */
  public static String item(RegistryChanges.Change c) {
    return c.subject() == RegistryChanges.Subject.ENTERPRISE ? FIELDS.getOrDefault(c.item(), c.item()) : c.item();
  }

  /** Codes and flags as a person reads them (county and industry names, 是/否). */
  public static String value(RegistryChanges.Change c, String value) {
    if (value == null || c.subject() != RegistryChanges.Subject.ENTERPRISE) {
      return value;
    }
    return switch (c.item()) {
      case "county" -> County.of(value).map(x -> x.nameZh() + "（" + value + "）").orElse(value);
      case "industry" -> Industry.of(value).map(x -> x.nameZh() + "（" + value + "）").orElse(value);
      case "aboveDesignatedSize", "accountingCreditGood", "jointPunishmentTarget" ->
          "true".equals(value) ? "是" : "false".equals(value) ? "否" : value;
      default -> value;
    };
  }
}
