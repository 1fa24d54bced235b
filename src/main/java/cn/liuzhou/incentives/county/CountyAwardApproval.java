package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The bureau's approval of a ranking. Where the measure's decision gives a county's amount, that
 * amount is approved as it is (whatever the form sends). Where it gives none (measures whose
 * amounts the bureau sets, such as LZ-2025Q1-COUNTY), the bureau's {@code award_<code>} is used:
 * blank means no award; otherwise a non-negative amount with at most two decimals. A county may not
 * receive more than any county ranked above it, and at least one county must be rewarded.
 */
public final class CountyAwardApproval {

  /** A ranked county and what the decision gave for its rank (null: the bureau decides). */
  public record Row(County county, int rank, BigDecimal tableAward) {}

  private CountyAwardApproval() {}

  /**
   * The approved amounts in rank order.
   *
   * @param rows the ranking, best first
   * @param entered the bureau's entry for a county (a number, a numeric string, blank or null)
   * @throws ReviewRefusedException naming every faulty entry
   */
  public static Map<County, BigDecimal> approve(List<Row> rows, Function<County, Object> entered) {
    Map<County, BigDecimal> approved = new LinkedHashMap<>();
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (Row row : rows) {
      if (row.tableAward() != null) {
        approved.put(row.county(), row.tableAward().setScale(2));
        continue;
      }
      Object raw = entered.apply(row.county());
      BigDecimal amount = parse(raw);
      if (raw != null && !(raw instanceof String s && s.isBlank()) && amount == null) {
        zh.add(row.county().nameZh() + "核定奖励不是数字");
        en.add("award_" + row.county().code() + " is not a number");
      } else if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
        zh.add(row.county().nameZh() + "核定奖励须为不小于零、最多两位小数的金额");
        en.add("award_" + row.county().code() + " must be zero or more with at most two decimals");
      } else {
        approved.put(row.county(), amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2));
      }
    }
    if (!zh.isEmpty()) {
      throw new ReviewRefusedException(String.join("；", zh), String.join("; ", en));
    }
    BigDecimal lowestAbove = null;
    for (Row row : rows) {
      BigDecimal amount = approved.get(row.county());
      if (lowestAbove != null && amount.compareTo(lowestAbove) > 0) {
        zh.add(row.county().nameZh() + "（第" + row.rank() + "名）的奖励高于排名在前的县区");
        en.add(row.county().code() + " (rank " + row.rank() + ") would receive more than a county ranked above it");
      }
      lowestAbove = lowestAbove == null || amount.compareTo(lowestAbove) < 0 ? amount : lowestAbove;
    }
    if (!zh.isEmpty()) {
      throw new ReviewRefusedException(String.join("；", zh), String.join("; ", en));
    }
    if (approved.values().stream().allMatch(a -> a.signum() == 0)) {
      throw new ReviewRefusedException("没有任何县区获得奖励：请为获奖县区核定金额，或退回重新评分",
          "No county would receive an award: enter the amounts of the rewarded counties, or return for rescoring");
    }
    return approved;
  }

  /** A submitted number as an exact decimal; null when blank or not a number. */
  static BigDecimal parse(Object raw) {
    if (raw == null || (raw instanceof String s && s.isBlank())) {
      return null;
    }
    if (raw instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    if (!(raw instanceof Number) && !(raw instanceof String)) {
      return null;
    }
    try {
      return new BigDecimal(raw.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
