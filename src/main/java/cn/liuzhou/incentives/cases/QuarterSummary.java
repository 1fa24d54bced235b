package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.policy.Reason;
import cn.liuzhou.incentives.workflow.ReasonsJson;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A quarter's figures per package and county (applications filed in the quarter, Beijing time): filed, rejected
 * with their reasons, approved, disbursed, and the budget they use (reserved and disbursed), with a bar chart
 * drawn on the server as SVG (no script, no network).
 */
@Component
public class QuarterSummary {

  private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");

  public record Line(String packageCode, String county, String countyZh, long applications, long rejected, long approved,
      long disbursed, BigDecimal disbursedAmount, BigDecimal reservedAmount) {
    public BigDecimal budgetUsed() {
      return disbursedAmount.add(reservedAmount);
    }
  }

  public record ReasonCount(String packageCode, String reason, long count) {}

  public record Bar(double x, double y, double width, double height, String css, String title) {}

  public record Group(String label, double labelX, List<Bar> bars) {}

  public record Chart(double width, double height, double baseline, List<Group> groups, List<String> legend, long max) {}

  public record Summary(String quarter, LocalDate from, LocalDate to, List<Line> lines, Line total,
      List<ReasonCount> reasons, Chart chart) {}

  private final JdbcTemplate jdbc;
  private final ReasonsJson reasonsJson;

  public QuarterSummary(JdbcTemplate jdbc, ReasonsJson reasonsJson) {
    this.jdbc = jdbc;
    this.reasonsJson = reasonsJson;
  }

  /** The first day of the quarter ("2026Q2"), or null when the text is not a quarter. */
  public static LocalDate start(String quarter) {
    Matcher m = quarter == null ? null : QUARTER.matcher(quarter.trim());
    if (m == null || !m.matches()) {
      return null;
    }
    return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
  }

  public static String current() {
    LocalDate today = LocalDate.now(CaseSearch.BEIJING);
    return today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
  }

  public Summary of(String quarter, String packageCode) {
    LocalDate from = start(quarter);
    LocalDate to = from.plusMonths(3).minusDays(1);
    Timestamp start = Timestamp.from(from.atStartOfDay(CaseSearch.BEIJING).toInstant());
    Timestamp end = Timestamp.from(from.plusMonths(3).atStartOfDay(CaseSearch.BEIJING).toInstant());
    boolean onePackage = packageCode != null && !packageCode.isBlank();
    String packageFilter = onePackage ? " and package_code = ?" : "";
    Object[] args = onePackage ? new Object[] {start, end, packageCode} : new Object[] {start, end};
    List<Line> lines = jdbc.query("""
        select package_code, county, count(*) as n,
          sum(case when status = 'REJECTED' then 1 else 0 end) as rejected,
          sum(case when status in ('PUBLIC_NOTICE', 'DISBURSEMENT', 'DISBURSED') then 1 else 0 end) as approved,
          sum(case when status = 'DISBURSED' then 1 else 0 end) as disbursed,
          coalesce(sum(disbursed_award), 0) as disbursed_amount, coalesce(sum(reserved_award), 0) as reserved_amount
        from incentive_application where filed_at >= ? and filed_at < ?""" + packageFilter
        + " group by package_code, county order by package_code, county",
        (rs, n) -> new Line(rs.getString("package_code"), rs.getString("county"), CaseLabels.county(rs.getString("county")),
            rs.getLong("n"), rs.getLong("rejected"), rs.getLong("approved"), rs.getLong("disbursed"),
            rs.getBigDecimal("disbursed_amount"), rs.getBigDecimal("reserved_amount")), args);
    Line total = new Line("合计", null, "", lines.stream().mapToLong(Line::applications).sum(),
        lines.stream().mapToLong(Line::rejected).sum(), lines.stream().mapToLong(Line::approved).sum(),
        lines.stream().mapToLong(Line::disbursed).sum(),
        lines.stream().map(Line::disbursedAmount).reduce(BigDecimal.ZERO, BigDecimal::add),
        lines.stream().map(Line::reservedAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
    Map<String, Long> reasonCounts = new TreeMap<>();
    jdbc.query("select package_code, reasons from incentive_application where status = 'REJECTED' and filed_at >= ? and filed_at < ?"
        + packageFilter, rs -> {
          for (Reason r : reasonsJson.read(rs.getString("reasons"))) {
            reasonCounts.merge(rs.getString("package_code") + "\u0000" + r.zh(), 1L, Long::sum);
          }
        }, args);
    List<ReasonCount> reasons = reasonCounts.entrySet().stream()
        .map(e -> new ReasonCount(e.getKey().split("\u0000", 2)[0], e.getKey().split("\u0000", 2)[1], e.getValue()))
        .sorted((a, b) -> a.packageCode().equals(b.packageCode()) ? Long.compare(b.count(), a.count())
            : a.packageCode().compareTo(b.packageCode()))
        .toList();
    return new Summary(quarter, from, to, lines, total, reasons, chart(lines));
  }

  /** Grouped bars per county (all packages of the summary together): filed, rejected, approved, disbursed. */
  static Chart chart(List<Line> lines) {
    Map<String, long[]> byCounty = new LinkedHashMap<>();
    for (Line l : lines) {
      long[] v = byCounty.computeIfAbsent(l.countyZh().isEmpty() ? "（未登记）" : l.countyZh(), k -> new long[4]);
      v[0] += l.applications();
      v[1] += l.rejected();
      v[2] += l.approved();
      v[3] += l.disbursed();
    }
    long max = Math.max(1, byCounty.values().stream().mapToLong(v -> v[0]).max().orElse(1));
    double barWidth = 14;
    double groupWidth = barWidth * 4 + 18;
    double left = 40;
    double plot = 220;
    double top = 20;
    String[] css = {"bar-filed", "bar-rejected", "bar-approved", "bar-disbursed"};
    String[] names = {"申报", "未通过", "核准", "已拨付"};
    List<Group> groups = new ArrayList<>();
    int g = 0;
    for (Map.Entry<String, long[]> e : byCounty.entrySet()) {
      List<Bar> bars = new ArrayList<>();
      double x0 = left + g * groupWidth;
      for (int i = 0; i < 4; i++) {
        double h = plot * e.getValue()[i] / max;
        bars.add(new Bar(x0 + i * barWidth, top + plot - h, barWidth - 2, h, css[i],
            e.getKey() + " " + names[i] + "：" + e.getValue()[i]));
      }
      groups.add(new Group(e.getKey(), x0 + 2 * barWidth, bars));
      g++;
    }
    return new Chart(Math.max(400, left + g * groupWidth + 20), top + plot + 60, top + plot, groups, List.of(names), max);
  }
}
