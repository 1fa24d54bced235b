package cn.liuzhou.incentives.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The ledger of applications: every award, open or paid, that caps and no-stacking rules count. */
@Repository
public class ApplicationRepository {

  private static final RowMapper<ApplicationRecord> ROW = (rs, n) -> new ApplicationRecord(
      rs.getString("id"), rs.getString("measure_code"), rs.getString("package_code"), rs.getString("credit_code"),
      rs.getString("county"), rs.getString("project_id"), rs.getString("facts"), ApplicationStatus.valueOf(rs.getString("status")),
      rs.getBigDecimal("proposed_award"), rs.getBigDecimal("approved_award"), rs.getBigDecimal("reserved_award"),
      rs.getBigDecimal("disbursed_award"), rs.getString("reasons"), rs.getString("decision_key"),
      rs.getString("decision_version_tag"), rs.getString("filed_by"), rs.getTimestamp("filed_at").toInstant(),
      rs.getTimestamp("updated_at").toInstant(), rs.getString("process_instance_id"), rs.getString("payment_reference"),
      rs.getDate("filed_on") == null ? null : rs.getDate("filed_on").toLocalDate(), rs.getString("cap_group"),
      rs.getBigDecimal("cap_amount"), rs.getString("cap_scope"), rs.getBigDecimal("rounding_unit"), rs.getString("amount_source"),
      rs.getString("budget_account"));

  private static final String LIVE = " status not in ('REJECTED', 'LAPSED')"; // leading space: text blocks strip trailing ones

  private final JdbcTemplate jdbc;

  public ApplicationRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(ApplicationRecord a) {
    jdbc.update("""
        insert into incentive_application (id, measure_code, package_code, credit_code, county, project_id, facts, status,
          decision_key, decision_version_tag, filed_by, filed_at, updated_at, filed_on)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        a.id(), a.measureCode(), a.packageCode(), a.creditCode(), a.county(), a.projectId(), a.factsJson(), a.status().name(),
        a.decisionKey(), a.decisionVersionTag(), a.filedBy(), Timestamp.from(a.filedAt()), Timestamp.from(a.filedAt()),
        a.filedOn() == null ? null : java.sql.Date.valueOf(a.filedOn()));
  }

  public Optional<ApplicationRecord> find(String id) {
    Map<String, ApplicationRecord> read = readInTransaction();
    ApplicationRecord known = read == null ? null : read.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ApplicationRecord> found = jdbc.query("select * from incentive_application where id = ?", ROW, id).stream().findFirst();
    if (read != null) {
      found.ifPresent(a -> read.put(id, a));
    }
    return found;
  }

  /** Locks the application's row until the transaction ends (objection against payment, for one). */
  public Optional<ApplicationRecord> lock(String id) {
    Optional<ApplicationRecord> found = jdbc.query("select * from incentive_application where id = ? for update", ROW, id)
        .stream().findFirst();
    Map<String, ApplicationRecord> read = readInTransaction();
    if (read != null) {
      found.ifPresentOrElse(a -> read.put(id, a), () -> read.remove(id));
    }
    return found;
  }

  /**
   * The rows this transaction has read, by id. A screening job reads its application a dozen times (the status
   * listener, the model's expressions for decision keys, version tag and county, the delegates); within one
   * transaction the row changes only through this repository's own updates, each of which forgets it, so the
   * next read sees the database again. Outside a transaction nothing is kept.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, ApplicationRecord> readInTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Map<String, ApplicationRecord> read = (Map<String, ApplicationRecord>) TransactionSynchronizationManager.getResource(READ_KEY);
    if (read == null) {
      Map<String, ApplicationRecord> created = new HashMap<>();
      TransactionSynchronizationManager.bindResource(READ_KEY, created);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(READ_KEY);
        }
      });
      read = created;
    }
    return read;
  }

  private static final Object READ_KEY = new Object();

  /** Any update of the application's row: the next read in this transaction goes to the database. */
  private void changed(String id) {
    Map<String, ApplicationRecord> read = readInTransaction();
    if (read != null) {
      read.remove(id);
    }
  }

  public ApplicationRecord get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No application " + id));
  }

  public List<ApplicationRecord> ofEnterprise(String creditCode) {
    return jdbc.query("select * from incentive_application where credit_code = ? order by filed_at desc", ROW, creditCode);
  }

  public List<ApplicationRecord> ofProject(String creditCode, String projectId) {
    return jdbc.query("select * from incentive_application where credit_code = ? and project_id = ? order by filed_at",
        ROW, creditCode, projectId);
  }

  public List<ApplicationRecord> ofCounty(String county) {
    return jdbc.query("select * from incentive_application where county = ? order by filed_at desc", ROW, county);
  }

  public List<ApplicationRecord> withStatus(ApplicationStatus status) {
    return jdbc.query("select * from incentive_application where status = ? order by updated_at desc", ROW, status.name());
  }

  public List<ApplicationRecord> recent(int limit) {
    return jdbc.query("select * from incentive_application order by filed_at desc fetch first " + limit + " rows only", ROW);
  }

  public void attachProcess(String id, String processInstanceId) {
    changed(id);
    jdbc.update("update incentive_application set process_instance_id = ? where id = ?", processInstanceId, id);
  }

  public void setStatus(String id, ApplicationStatus status) {
    changed(id);
    jdbc.update("update incentive_application set status = ?, updated_at = ? where id = ?", status.name(), now(), id);
  }

  public void setFacts(String id, String factsJson) {
    changed(id);
    jdbc.update("update incentive_application set facts = ?, updated_at = ? where id = ?", factsJson, now(), id);
  }

  /** What screening found: the award and the limits that approval must check again. */
  public record Screening(BigDecimal proposedAward, String reasonsJson, String capGroup, BigDecimal capAmount,
      String capScope, BigDecimal roundingUnit, String amountSource, String exclusiveGroup, String onceKey,
      String seriesKey, String subjectCode) {

    public Screening(BigDecimal proposedAward, String reasonsJson, String capGroup, BigDecimal capAmount,
        String capScope, BigDecimal roundingUnit, String amountSource, String exclusiveGroup, String onceKey,
        String seriesKey) {
      this(proposedAward, reasonsJson, capGroup, capAmount, capScope, roundingUnit, amountSource, exclusiveGroup, onceKey,
          seriesKey, null);
    }
  }

  /** The outcome of screening, with what it counts against. */
  public void recordScreening(String id, Screening s) {
    changed(id);
    jdbc.update("""
        update incentive_application set proposed_award = ?, approved_award = null, reasons = ?, cap_group = ?,
          cap_amount = ?, cap_scope = ?, rounding_unit = ?, amount_source = ?,
          exclusive_group = ?, once_key = ?, series_key = ?, subject_code = ?, updated_at = ? where id = ?""",
        s.proposedAward(), s.reasonsJson(), s.capGroup(), s.capAmount(), s.capScope(), s.roundingUnit(), s.amountSource(),
        s.exclusiveGroup(), s.onceKey(), s.seriesKey(), s.subjectCode(), now(), id);
  }

  public void setReasons(String id, String reasonsJson) {
    changed(id);
    jdbc.update("update incentive_application set reasons = ?, updated_at = ? where id = ?", reasonsJson, now(), id);
  }

  public void recordApproval(String id, BigDecimal approved) {
    changed(id);
    jdbc.update("update incentive_application set approved_award = ?, updated_at = ? where id = ?", approved, now(), id);
  }

  /** The amount reserved and the budget account (package, or package and fiscal year) it is reserved in. */
  public void recordReservation(String id, BigDecimal reserved, String budgetAccount) {
    changed(id);
    jdbc.update("update incentive_application set reserved_award = ?, budget_account = ?, updated_at = ? where id = ?",
        reserved, budgetAccount, now(), id);
  }

  public void recordDisbursement(String id, BigDecimal amount, String paymentReference) {
    changed(id);
    jdbc.update("""
        update incentive_application set disbursed_award = ?, reserved_award = null, payment_reference = ?, status = ?,
          updated_at = ? where id = ?""", amount, paymentReference, ApplicationStatus.DISBURSED.name(), now(), id);
  }

  /** Live applications of the enterprise counting against the same cap, other than the given one. */
  public List<ApplicationRecord> liveInCapGroup(String creditCode, String capGroup, String projectId, String exceptId) {
    if (projectId == null) {
      return jdbc.query("select * from incentive_application where credit_code = ? and cap_group = ? and id <> ? and " + LIVE,
          ROW, creditCode, capGroup, exceptId);
    }
    return jdbc.query("""
        select * from incentive_application where credit_code = ? and cap_group = ? and project_id = ? and id <> ? and """
        + LIVE, ROW, creditCode, capGroup, projectId, exceptId);
  }

  /** Live applications for the same project in the same exclusive group under another measure. */
  public List<ApplicationRecord> liveExclusive(String creditCode, String projectId, String exclusiveGroup,
      String measureCode, String exceptId) {
    return jdbc.query("""
        select * from incentive_application where credit_code = ? and project_id = ? and exclusive_group = ?
          and measure_code <> ? and id <> ? and """ + LIVE, ROW, creditCode, projectId, exclusiveGroup, measureCode, exceptId);
  }

  public List<ApplicationRecord> liveSameMeasureAndProject(String creditCode, String measureCode, String projectId,
      String exceptId) {
    return jdbc.query("""
        select * from incentive_application where credit_code = ? and measure_code = ? and project_id = ? and id <> ?
          and """ + LIVE, ROW, creditCode, measureCode, projectId, exceptId);
  }

  public List<ApplicationRecord> liveInSeries(String creditCode, String seriesKey, String exceptId) {
    return jdbc.query("select * from incentive_application where credit_code = ? and series_key = ? and id <> ? and " + LIVE,
        ROW, creditCode, seriesKey, exceptId);
  }

  public List<ApplicationRecord> liveWithOnceKey(String creditCode, String onceKey, String exceptId) {
    return jdbc.query("select * from incentive_application where credit_code = ? and once_key = ? and id <> ? and " + LIVE,
        ROW, creditCode, onceKey, exceptId);
  }

  /**
   * Live applications of any enterprise about the same subject (the enterprise the award is about, e.g. the acquired
   * enterprise of a merger) with the same onceKey, other than the given one.
   */
  public List<ApplicationRecord> liveWithOnceKeyForSubject(String subjectCode, String onceKey, String exceptId) {
    return jdbc.query("select * from incentive_application where subject_code = ? and once_key = ? and id <> ? and " + LIVE,
        ROW, subjectCode, onceKey, exceptId);
  }

  /** Live applications of any enterprise about the same subject counting against the same cap, other than the given one. */
  public List<ApplicationRecord> liveInCapGroupOfSubject(String subjectCode, String capGroup, String exceptId) {
    return jdbc.query("select * from incentive_application where subject_code = ? and cap_group = ? and id <> ? and " + LIVE,
        ROW, subjectCode, capGroup, exceptId);
  }

  /**
   * Serialises screenings and approvals about the same subject, whoever applies: the subject (an acquired
   * enterprise, say) need not be in the enterprise registry, so its lock row is created on first use. PostgreSQL's
   * {@code on conflict do nothing} waits for a concurrent insert of the same row instead of failing.
   */
  public void lockSubject(String subjectCode) {
    if (postgres()) {
      jdbc.update("insert into application_subject_lock (subject_code) values (?) on conflict do nothing", subjectCode);
    } else {
      jdbc.update("merge into application_subject_lock key (subject_code) values (?)", subjectCode);
    }
    jdbc.query("select subject_code from application_subject_lock where subject_code = ? for update", rs -> null, subjectCode);
  }

  private volatile Boolean postgres;

  private boolean postgres() {
    Boolean known = postgres;
    if (known == null) {
      known = Boolean.TRUE.equals(jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Boolean>)
          c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName())));
      postgres = known;
    }
    return known;
  }

  /** Applications of a measure (any enterprise) that passed screening and still count, other than the given one. */
  public List<ApplicationRecord> liveScreenedOfMeasure(String measureCode, String exceptId) {
    return jdbc.query("""
        select * from incentive_application where measure_code = ? and id <> ?
          and status not in ('SCREENING', 'REJECTED', 'LAPSED')""", ROW, measureCode, exceptId);
  }

  /** Serialises screenings that count a package-wide limit, on the package's budget row. */
  public void lockPackage(String packageCode) {
    jdbc.query("select package_code from package_budget where package_code = ? for update", rs -> null, packageCode);
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }
}
