package cn.liuzhou.incentives.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a measure's decision table said, read through the decision contract (README, "Decision
 * contract"): rows with {@code eligible = false} are reasons, the one row with {@code eligible =
 * true} carries the award and its limits.
 */
public record MeasureOutcome(List<Reason> reasons, Map<String, Object> awardRow) {

  public static MeasureOutcome of(List<Map<String, Object>> rows) {
    List<Reason> reasons = new ArrayList<>();
    Map<String, Object> award = null;
    for (Map<String, Object> row : rows == null ? List.<Map<String, Object>>of() : rows) {
      if (Boolean.TRUE.equals(row.get("eligible"))) {
        award = award == null ? row : award;
      } else {
        reasons.add(new Reason("POLICY", str(row.get("reasonZh")), str(row.get("reasonEn"))));
      }
    }
    if (reasons.isEmpty() && award == null) {
      reasons.add(new Reason("POLICY", "申报事实不满足本措施的任何条件", "The declared facts meet none of the measure's conditions"));
    }
    return new MeasureOutcome(reasons, reasons.isEmpty() ? award : null);
  }

  public boolean eligible() {
    return reasons.isEmpty();
  }

  /** Award as the table computed it, before caps and rounding; null when the bureau decides it. */
  public BigDecimal award() {
    return decimal("award");
  }

  public BigDecimal capAmount() {
    return decimal("capAmount");
  }

  public BigDecimal roundingUnit() {
    return decimal("roundingUnit");
  }

  public String capScope() {
    return text("capScope");
  }

  public String capGroup() {
    return text("capGroup");
  }

  /** TABLE or BUREAU, as the award row says. */
  public String amountSource() {
    return text("amountSource");
  }

  public boolean amountByBureau() {
    return "BUREAU".equals(text("amountSource"));
  }

  public boolean expertReview() {
    return Boolean.TRUE.equals(awardRow == null ? null : awardRow.get("expertReview"));
  }

  public String exclusiveGroup() {
    return text("exclusiveGroup");
  }

  public String onceKey() {
    return text("onceKey");
  }

  public Integer packageLimit() {
    BigDecimal limit = decimal("packageLimit");
    return limit == null ? null : limit.intValue();
  }

  /** Key of a "per year for N years" series: at most {@link #seriesLimit()} live applications share it. */
  public String seriesKey() {
    return text("seriesKey");
  }

  public Integer seriesLimit() {
    BigDecimal limit = decimal("seriesLimit");
    return limit == null ? null : limit.intValue();
  }

  private String text(String key) {
    return awardRow == null ? null : str(awardRow.get(key));
  }

  private BigDecimal decimal(String key) {
    Object v = awardRow == null ? null : awardRow.get(key);
    return v instanceof Number n ? new BigDecimal(n.toString()) : null;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
