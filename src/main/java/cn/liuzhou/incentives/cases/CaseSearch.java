package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.ledger.ApplicationStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The auditors' search over the application ledger: running and finished applications alike, filtered, sorted
 * and paged in the database (V4's indexes serve the filters combined with the default order, newest first).
 */
@Repository
public class CaseSearch {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Largest page and largest export: an export of more rows must narrow the search. */
  public static final int MAX_PAGE_SIZE = 200;
  public static final int MAX_EXPORT_ROWS = 100_000;

  /** Sortable columns: what a request may name, and the SQL it stands for (never the request's text). */
  static final Map<String, String> SORTS = Map.of(
      "filedAt", "a.filed_at",
      "id", "a.id",
      "status", "a.status",
      "package", "a.package_code",
      "measure", "a.measure_code",
      "county", "a.county",
      "enterprise", "e.name",
      "updatedAt", "a.updated_at",
      "award", "coalesce(a.disbursed_award, a.approved_award, a.proposed_award)");

  /** The filters; null or blank fields do not filter. Dates are Beijing calendar days, both inclusive. */
  public record Criteria(String id, String enterprise, String measure, String packageCode, String county,
      ApplicationStatus status, String reviewer, LocalDate from, LocalDate to, String sort, boolean ascending) {

    public static Criteria all() {
      return new Criteria(null, null, null, null, null, null, null, null, null, "filedAt", false);
    }

    public String sortOrDefault() {
      return sort != null && SORTS.containsKey(sort) ? sort : "filedAt";
    }
  }

  /** One row of the result: what the list and the exports show. */
  public record Row(String id, String packageCode, String measureCode, String creditCode, String enterpriseName,
      String county, ApplicationStatus status, BigDecimal proposedAward, BigDecimal approvedAward,
      BigDecimal disbursedAward, String decisionVersionTag, String paymentReference, Instant filedAt, Instant updatedAt) {}

  public record Page(List<Row> rows, long total, int page, int size) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getString("id"), rs.getString("package_code"),
      rs.getString("measure_code"), rs.getString("credit_code"), rs.getString("enterprise_name"), rs.getString("county"),
      ApplicationStatus.valueOf(rs.getString("status")), rs.getBigDecimal("proposed_award"),
      rs.getBigDecimal("approved_award"), rs.getBigDecimal("disbursed_award"), rs.getString("decision_version_tag"),
      rs.getString("payment_reference"), rs.getTimestamp("filed_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

  private static final String COLUMNS = """
      select a.id, a.package_code, a.measure_code, a.credit_code, e.name as enterprise_name, a.county, a.status,
        a.proposed_award, a.approved_award, a.disbursed_award, a.decision_version_tag, a.payment_reference,
        a.filed_at, a.updated_at
      from incentive_application a left join enterprise e on e.credit_code = a.credit_code""";

  private final JdbcTemplate jdbc;

  public CaseSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Page search(Criteria c, int page, int size) {
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    int pageNo = Math.max(1, page);
    Where where = where(c);
    Long total = jdbc.queryForObject("select count(*) from incentive_application a left join enterprise e"
        + " on e.credit_code = a.credit_code" + where.sql, Long.class, where.args.toArray());
    List<Object> args = new ArrayList<>(where.args);
    args.add((long) (pageNo - 1) * pageSize);
    args.add(pageSize);
    List<Row> rows = jdbc.query(COLUMNS + where.sql + orderBy(c) + " offset ? rows fetch next ? rows only", ROW,
        args.toArray());
    return new Page(rows, total == null ? 0 : total, pageNo, pageSize);
  }

  /** Streams every matching row (up to {@link #MAX_EXPORT_ROWS}) in the search's order, for the exports. */
  public void forEach(Criteria c, Consumer<Row> sink) {
    Where where = where(c);
    List<Object> args = new ArrayList<>(where.args);
    args.add(MAX_EXPORT_ROWS);
    jdbc.query(COLUMNS + where.sql + orderBy(c) + " fetch first ? rows only",
        (RowCallbackHandler) rs -> sink.accept(ROW.mapRow(rs, 0)), args.toArray());
  }

  /** The statement a search runs, for the query-plan check. */
  String sql(Criteria c) {
    return COLUMNS + where(c).sql + orderBy(c) + " offset 0 rows fetch next 20 rows only";
  }

  List<Object> arguments(Criteria c) {
    return where(c).args;
  }

  private static String orderBy(Criteria c) {
    String direction = c.ascending() ? " asc" : " desc";
    String column = SORTS.get(c.sortOrDefault());
    // The id breaks ties, so paging is stable whatever the sort column.
    return " order by " + column + direction + ("a.id".equals(column) ? "" : ", a.id" + direction);
  }

  private record Where(String sql, List<Object> args) {}

  private static Where where(Criteria c) {
    List<String> conditions = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    if (present(c.id())) {
      String id = c.id().trim().toUpperCase(Locale.ROOT);
      if (id.matches("[A-Z]{2}-\\d{8}-[0-9A-F]{8}")) {
        conditions.add("a.id = ?"); // a whole number: the primary key
        args.add(id);
      } else {
        conditions.add("a.id like ?");
        args.add(escape(id) + "%");
      }
    }
    if (present(c.enterprise())) {
      String text = c.enterprise().trim();
      if (text.matches("[0-9A-Za-z]{18}")) {
        conditions.add("a.credit_code = ?");
        args.add(text.toUpperCase(Locale.ROOT));
      } else {
        conditions.add("a.credit_code in (select credit_code from enterprise where name like ?)");
        args.add("%" + escape(text) + "%");
      }
    }
    if (present(c.measure())) {
      conditions.add("a.measure_code = ?");
      args.add(c.measure().trim());
    }
    if (present(c.packageCode())) {
      conditions.add("a.package_code = ?");
      args.add(c.packageCode().trim());
    }
    if (present(c.county())) {
      conditions.add("a.county = ?");
      args.add(c.county().trim());
    }
    if (c.status() != null) {
      conditions.add("a.status = ?");
      args.add(c.status().name());
    }
    if (present(c.reviewer())) {
      conditions.add("a.id in (select application_id from application_event where actor = ?)");
      args.add(c.reviewer().trim());
    }
    if (c.from() != null) {
      conditions.add("a.filed_at >= ?");
      args.add(Timestamp.from(c.from().atStartOfDay(BEIJING).toInstant()));
    }
    if (c.to() != null) {
      conditions.add("a.filed_at < ?");
      args.add(Timestamp.from(c.to().plusDays(1).atStartOfDay(BEIJING).toInstant()));
    }
    return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), args);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** LIKE wildcards typed by the user match themselves (H2 and PostgreSQL both escape with a backslash). */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
