package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.registry.County;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The county award runs (table {@code county_award_run}), their per-county rows ({@code county_award})
 * and payments ({@code county_award_payment}). One open or finished run per measure and period is
 * enforced by the unique {@code run_key}; one payment per county, measure and period by the payment's
 * primary key, and one use of each payment reference by its unique constraint.
 */
@Repository
public class CountyAwardRepository {

  /** The run's state; it follows the process. */
  public enum Status {
    SCORING("评分录入"), APPROVAL("待审定"), DISBURSEMENT("拨付中"), DONE("已完成");

    private final String zh;

    Status(String zh) {
      this.zh = zh;
    }

    public String zh() {
      return zh;
    }
  }

  public record Run(String id, String measureCode, String packageCode, String period, String decisionKey,
      String decisionVersionTag, Status status, BigDecimal reservedTotal, BigDecimal disbursedTotal, String startedBy,
      Instant startedAt, String approvedBy, Instant approvedAt, Instant updatedAt, String processInstanceId) {}

  public record Row(County county, BigDecimal compositeScore, BigDecimal outputScore, Integer rank, String tieBreak,
      BigDecimal tableAward, BigDecimal approvedAward) {}

  public record Payment(County county, BigDecimal amount, String paymentReference, String paidBy, Instant paidAt) {}

  private static final RowMapper<Run> RUN = (rs, n) -> new Run(rs.getString("id"), rs.getString("measure_code"),
      rs.getString("package_code"), rs.getString("award_period"), rs.getString("decision_key"),
      rs.getString("decision_version_tag"), Status.valueOf(rs.getString("status")), rs.getBigDecimal("reserved_total"),
      rs.getBigDecimal("disbursed_total"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
      rs.getString("approved_by"), instant(rs.getTimestamp("approved_at")), instant(rs.getTimestamp("updated_at")),
      rs.getString("process_instance_id"));

  private static final RowMapper<Row> ROW = (rs, n) -> new Row(County.of(rs.getString("county")).orElseThrow(),
      rs.getBigDecimal("composite_score"), rs.getBigDecimal("output_score"), (Integer) rs.getObject("ranking", Integer.class),
      rs.getString("tie_break"), rs.getBigDecimal("table_award"), rs.getBigDecimal("approved_award"));

  private static final RowMapper<Payment> PAYMENT = (rs, n) -> new Payment(County.of(rs.getString("county")).orElseThrow(),
      rs.getBigDecimal("amount"), rs.getString("payment_reference"), rs.getString("paid_by"), instant(rs.getTimestamp("paid_at")));

  private final JdbcTemplate jdbc;

  public CountyAwardRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static String runKey(String measureCode, String period) {
    return measureCode + "|" + period;
  }

  /** Inserts a new run; a second open or finished run of the measure and period fails on run_key. */
  public void insertRun(String id, String measureCode, String packageCode, String period, String decisionKey,
      String versionTag, String startedBy, Instant now) {
    jdbc.update("""
        insert into county_award_run (id, measure_code, package_code, award_period, run_key, decision_key,
          decision_version_tag, status, started_by, started_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, measureCode, packageCode, period, runKey(measureCode, period),
        decisionKey, versionTag, Status.SCORING.name(), startedBy, Timestamp.from(now), Timestamp.from(now));
  }

  public Optional<Run> find(String id) {
    return jdbc.query("select * from county_award_run where id = ?", RUN, id).stream().findFirst();
  }

  public Run get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No county award run " + id));
  }

  /** The open or finished run of the measure and period, if any. */
  public Optional<Run> holding(String measureCode, String period) {
    return jdbc.query("select * from county_award_run where run_key = ?", RUN, runKey(measureCode, period)).stream().findFirst();
  }

  public List<Run> recent(int limit) {
    return jdbc.query("select * from county_award_run order by started_at desc fetch first " + limit + " rows only", RUN);
  }

  public void attachProcess(String id, String processInstanceId) {
    jdbc.update("update county_award_run set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  public void setStatus(String id, Status status) {
    jdbc.update("update county_award_run set status = ?, updated_at = ? where id = ?", status.name(),
        Timestamp.from(Instant.now()), id);
  }

  /** Replaces the run's ranking (before approval nothing else refers to the rows). */
  public void saveRanking(String runId, List<CountyRanking.Ranked> ranking) {
    jdbc.update("delete from county_award where run_id = ?", runId);
    for (CountyRanking.Ranked r : ranking) {
      jdbc.update("""
          insert into county_award (run_id, county, composite_score, output_score, ranking, tie_break)
          values (?, ?, ?, ?, ?, ?)""", runId, r.county().code(), r.scores().composite(), r.scores().output(), r.rank(),
          r.tieBreak().name());
    }
  }

  public void setTableAward(String runId, County county, BigDecimal award) {
    jdbc.update("update county_award set table_award = ?, approved_award = null where run_id = ? and county = ?",
        award, runId, county.code());
  }

  public void recordScorer(String runId, String scorer) {
    jdbc.update("update county_award_run set scored_by = ?, updated_at = ? where id = ?", scorer,
        java.sql.Timestamp.from(Instant.now()), runId);
  }

  public Optional<String> scorer(String runId) {
    return jdbc.queryForList("select scored_by from county_award_run where id = ?", String.class, runId).stream()
        .filter(java.util.Objects::nonNull).findFirst();
  }

  /** The counties the run pays, in the order of its rows (rank): an approved award above zero. */
  public List<County> awardedCounties(String runId) {
    return rows(runId).stream().filter(r -> r.approvedAward() != null && r.approvedAward().signum() > 0).map(Row::county).toList();
  }

  public void assignPaymentTask(String runId, County county, String taskId) {
    jdbc.update("update county_award set payment_task_id = ? where run_id = ? and county = ?", taskId, runId, county.code());
  }

  public Optional<County> countyOfPaymentTask(String runId, String taskId) {
    return jdbc.queryForList("select county from county_award where run_id = ? and payment_task_id = ?", String.class, runId, taskId)
        .stream().findFirst().flatMap(County::of);
  }

  public void setApproved(String runId, County county, BigDecimal approved) {
    jdbc.update("update county_award set approved_award = ? where run_id = ? and county = ?", approved, runId, county.code());
  }

  public void recordApproval(String runId, String approvedBy, Instant at) {
    jdbc.update("update county_award_run set approved_by = ?, approved_at = ?, updated_at = ? where id = ?", approvedBy,
        Timestamp.from(at), Timestamp.from(at), runId);
  }

  public void recordReservation(String runId, BigDecimal total) {
    jdbc.update("update county_award_run set reserved_total = ?, disbursed_total = 0, updated_at = ? where id = ?", total,
        Timestamp.from(Instant.now()), runId);
  }

  /** The per-county rows, best rank first (rows not yet ranked last, in county order). */
  public List<Row> rows(String runId) {
    return jdbc.query("select * from county_award where run_id = ?", ROW, runId).stream()
        .sorted(Comparator.comparing((Row r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank()).thenComparing(Row::county))
        .toList();
  }

  public Optional<Row> row(String runId, County county) {
    return jdbc.query("select * from county_award where run_id = ? and county = ?", ROW, runId, county.code()).stream().findFirst();
  }

  /**
   * Records a county's payment. Throws {@link org.springframework.dao.DuplicateKeyException} when the
   * county is already paid for the measure and period or the reference is already used.
   */
  public void insertPayment(Run run, County county, BigDecimal amount, String reference, String paidBy, Instant at) {
    jdbc.update("""
        insert into county_award_payment (measure_code, award_period, county, run_id, amount, payment_reference, paid_by, paid_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", run.measureCode(), run.period(), county.code(), run.id(), amount, reference,
        paidBy, Timestamp.from(at));
    jdbc.update("update county_award_run set disbursed_total = coalesce(disbursed_total, 0) + ?, updated_at = ? where id = ?",
        amount, Timestamp.from(at), run.id());
  }

  public List<Payment> payments(String runId) {
    return jdbc.query("select * from county_award_payment where run_id = ?", PAYMENT, runId);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
