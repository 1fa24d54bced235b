package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.registry.County;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** What the case files show instead of codes: steps, decisions and counties in Chinese, times in Beijing time. */
public final class CaseLabels {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CaseSearch.BEIJING);

  private static final Map<String, String> STEPS = Map.ofEntries(
      Map.entry("FILED", "提交申报"),
      Map.entry("AMENDED", "企业补正后重新提交"),
      Map.entry("SCREENING", "自动审核"),
      Map.entry("STATUS", "状态变更"),
      Map.entry("COUNTY_REVIEW", "县区工信部门审核"),
      Map.entry("EXPERT_REVIEW", "专家评审"),
      Map.entry("BUREAU_REVIEW", "市工业和信息化局审核"),
      Map.entry("BUDGET_RESERVED", "预算占用"),
      Map.entry("BUDGET_RELEASED", "预算释放"),
      Map.entry("OBJECTION", "公示异议"),
      Map.entry("OBJECTION_EXAMINED", "异议审查"),
      Map.entry("OBJECTION_UPHELD", "异议成立"),
      Map.entry("FINANCE_DISBURSEMENT", "财政拨付"),
      Map.entry("DECISION", "决策表评估"));

  private static final Map<String, String> OUTCOMES = Map.ofEntries(
      Map.entry("APPROVE", "通过"),
      Map.entry("REJECT", "不通过"),
      Map.entry("RETURN", "退回"),
      Map.entry("PASSED", "通过"),
      Map.entry("FAILED", "未通过"),
      Map.entry("PAID", "已拨付"),
      Map.entry("UPHELD", "异议成立"),
      Map.entry("DISMISSED", "异议不成立"),
      Map.entry("OBJECTED", "已提出异议"),
      Map.entry("OPEN", "审查中"),
      Map.entry("ALREADY_RETURNED", "已退回复核"));

  private CaseLabels() {}

  /** The same labels as instance methods, for templates ({@code ${L.time(at)}}). */
  public static final class View {
    public String step(String step) {
      return CaseLabels.step(step);
    }

    public String outcome(String outcome) {
      return CaseLabels.outcome(outcome);
    }

    public String county(String code) {
      return CaseLabels.county(code);
    }

    public String time(Instant at) {
      return CaseLabels.time(at);
    }

    public String now() {
      return CaseLabels.time(Instant.now());
    }

    public String yuan(BigDecimal amount) {
      return CaseLabels.yuan(amount);
    }
  }

  public static final View VIEW = new View();

  public static String step(String step) {
    return STEPS.getOrDefault(step, step);
  }

  /** A decision or status in Chinese; a status code is shown with its Chinese name. */
  public static String outcome(String outcome) {
    if (outcome == null) {
      return "";
    }
    if (OUTCOMES.containsKey(outcome)) {
      return OUTCOMES.get(outcome);
    }
    try {
      return ApplicationStatus.valueOf(outcome).zh();
    } catch (IllegalArgumentException notAStatus) {
      return outcome;
    }
  }

  public static String status(ApplicationStatus status) {
    return status == null ? "" : status.zh();
  }

  public static String county(String code) {
    return code == null ? "" : County.of(code).map(County::nameZh).orElse(code);
  }

  public static String time(Instant at) {
    return at == null ? "" : TIME.format(at);
  }

  /** Yuan with thousands separators and two decimals, or empty. */
  public static String yuan(BigDecimal amount) {
    return amount == null ? "" : new DecimalFormat("#,##0.00").format(amount);
  }
}
