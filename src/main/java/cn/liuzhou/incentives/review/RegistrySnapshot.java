package cn.liuzhou.incentives.review;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.CreditRecord;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.Industry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registry and credit data screening judged, written as the reviewer reads it, with when it was read. */
public final class RegistrySnapshot {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private RegistrySnapshot() {}

  /** "2026-11-29 21:03:05（北京时间）". */
  public static String beijing(Instant at) {
    return at == null ? null : TIME.format(at.atZone(BEIJING)) + "（北京时间）";
  }

  public static String of(String creditCode, Optional<Enterprise> found, List<CreditRecord> records, LocalDate filedOn,
      String nameList, Boolean onNameList, Instant readAt) {
    List<String> lines = new ArrayList<>();
    if (found.isEmpty()) {
      lines.add("企业登记：统一社会信用代码 " + creditCode + " 未在企业库登记");
    } else {
      Enterprise e = found.get();
      lines.add("企业登记：已登记，" + e.name() + "，" + County.of(e.county()).map(County::nameZh).orElse(e.county()));
      lines.add("规模以上工业企业（规上）：" + (e.aboveDesignatedSize() ? "是" : "否"));
      lines.add("行业：" + Industry.of(e.industry()).map(i -> i.nameZh() + "（" + e.industry() + "）").orElse(e.industry()));
      lines.add("纳税信用等级：" + e.taxCreditRating() + " 级");
      lines.add("会计信用：" + (e.accountingCreditGood() ? "良好" : "不良"));
      lines.add("失信联合惩戒对象（黑名单）：" + (e.jointPunishmentTarget() ? "是" : "否"));
      List<CreditRecord> before = records.stream().filter(r -> !r.recordedOn().isAfter(filedOn)).toList();
      if (before.isEmpty()) {
        lines.add("信用记录（申报日 " + filedOn + " 及以前）：无");
      } else {
        lines.add("信用记录（申报日 " + filedOn + " 及以前）：" + before.size() + " 条");
        for (CreditRecord r : before) {
          lines.add("  · " + r.recordedOn() + " " + category(r.category()) + (r.serious() ? " 严重失信" : " 一般") + "：" + r.description());
        }
      }
    }
    if (nameList != null) {
      lines.add("名单 " + nameList + "：" + (Boolean.TRUE.equals(onNameList) ? "在名单内" : "不在名单内"));
    }
    lines.add("数据读取时间：" + beijing(readAt));
    return String.join("\n", lines);
  }

  static String category(String code) {
    return switch (code) {
      case "ENVIRONMENT" -> "生态环境";
      case "SAFETY" -> "安全生产";
      case "QUALITY" -> "产品质量";
      case "TAX" -> "税务";
      case "STATISTICS" -> "统计";
      default -> code;
    };
  }
}
