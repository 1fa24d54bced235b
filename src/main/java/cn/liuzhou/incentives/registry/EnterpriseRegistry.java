package cn.liuzhou.incentives.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The enterprise registry and its credit records: the data source of automated screening. */
@Repository
public class EnterpriseRegistry {

  private static final RowMapper<Enterprise> ENTERPRISE = (rs, n) -> new Enterprise(
      rs.getString("credit_code"), rs.getString("name"), rs.getString("county"), rs.getString("industry"),
      rs.getBoolean("above_designated_size"), rs.getString("tax_credit_rating"),
      rs.getBoolean("accounting_credit_good"), rs.getBoolean("joint_punishment_target"),
      rs.getString("bank_name"), rs.getString("bank_account"));

  private static final RowMapper<CreditRecord> RECORD = (rs, n) -> new CreditRecord(
      rs.getLong("id"), rs.getString("credit_code"), rs.getString("category"), rs.getBoolean("serious"),
      rs.getDate("recorded_on").toLocalDate(), rs.getString("description"), rs.getString("created_by"),
      rs.getTimestamp("created_at").toInstant());

  private final JdbcTemplate jdbc;
  private final RegistryChanges changes;

  public EnterpriseRegistry(JdbcTemplate jdbc, RegistryChanges changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  public Optional<Enterprise> find(String creditCode) {
    return jdbc.query("select * from enterprise where credit_code = ?", ENTERPRISE, creditCode).stream().findFirst();
  }

  /** Locks the enterprise's row until the transaction ends, serialising its cap calculations. */
  public void lock(String creditCode) {
    jdbc.query("select credit_code from enterprise where credit_code = ? for update", rs -> null, creditCode);
  }

  /** Inserts or replaces the record; answers true when it was new. */
  public boolean save(Enterprise given, String actor) {
    return save(given, actor, null);
  }

  /** Inserts or replaces the record, logging each field that changes with the reason; answers true when it was new. */
  public boolean save(Enterprise given, String actor, String reason) {
    Instant at = Instant.now();
    Timestamp now = Timestamp.from(at);
    Optional<Enterprise> before = find(given.creditCode());
    // A registry update that says nothing about the payee account keeps it: only an explicit change changes it.
    Enterprise e = given.bankAccount() == null && given.bankName() == null && before.isPresent()
        ? new Enterprise(given.creditCode(), given.name(), given.county(), given.industry(), given.aboveDesignatedSize(),
            given.taxCreditRating(), given.accountingCreditGood(), given.jointPunishmentTarget(), before.get().bankName(),
            before.get().bankAccount())
        : given;
    boolean accountChanged = before.map(b -> !java.util.Objects.equals(b.bankAccount(), e.bankAccount())
        || !java.util.Objects.equals(b.bankName(), e.bankName())).orElse(e.bankAccount() != null);
    int updated = jdbc.update("""
        update enterprise set name = ?, county = ?, industry = ?, above_designated_size = ?, tax_credit_rating = ?,
          accounting_credit_good = ?, joint_punishment_target = ?, bank_name = ?, bank_account = ?, updated_by = ?,
          updated_at = ? where credit_code = ?""",
        e.name(), e.county(), e.industry(), e.aboveDesignatedSize(), e.taxCreditRating(), e.accountingCreditGood(),
        e.jointPunishmentTarget(), e.bankName(), e.bankAccount(), actor, now, e.creditCode());
    if (updated == 1) {
      recordAccount(e, accountChanged, actor, now);
      logChanges(before.get(), e, actor, reason, at);
      return false;
    }
    jdbc.update("""
        insert into enterprise (credit_code, name, county, industry, above_designated_size, tax_credit_rating,
          accounting_credit_good, joint_punishment_target, bank_name, bank_account, updated_by, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        e.creditCode(), e.name(), e.county(), e.industry(), e.aboveDesignatedSize(), e.taxCreditRating(),
        e.accountingCreditGood(), e.jointPunishmentTarget(), e.bankName(), e.bankAccount(), actor, now);
    recordAccount(e, accountChanged, actor, now);
    changes.record(e.creditCode(), RegistryChanges.Subject.ENTERPRISE, "registered", null,
        e.name() + "，" + e.county() + "，" + e.industry(), reason, actor, at);
    return true;
  }

  private void logChanges(Enterprise b, Enterprise a, String actor, String reason, Instant at) {
    java.util.Map<String, String[]> diff = new java.util.LinkedHashMap<>();
    diff.put("name", new String[] {b.name(), a.name()});
    diff.put("county", new String[] {b.county(), a.county()});
    diff.put("industry", new String[] {b.industry(), a.industry()});
    diff.put("aboveDesignatedSize", new String[] {String.valueOf(b.aboveDesignatedSize()), String.valueOf(a.aboveDesignatedSize())});
    diff.put("taxCreditRating", new String[] {b.taxCreditRating(), a.taxCreditRating()});
    diff.put("accountingCreditGood", new String[] {String.valueOf(b.accountingCreditGood()), String.valueOf(a.accountingCreditGood())});
    diff.put("jointPunishmentTarget", new String[] {String.valueOf(b.jointPunishmentTarget()), String.valueOf(a.jointPunishmentTarget())});
    diff.put("payeeAccount", new String[] {account(b), account(a)});
    diff.forEach((field, v) -> {
      if (!java.util.Objects.equals(v[0], v[1])) {
        changes.record(a.creditCode(), RegistryChanges.Subject.ENTERPRISE, field, v[0], v[1], reason, actor, at);
      }
    });
  }

  private static String account(Enterprise e) {
    return e.bankAccount() == null && e.bankName() == null ? null
        : (e.bankName() == null ? "" : e.bankName()) + " " + (e.bankAccount() == null ? "" : e.bankAccount());
  }

  /** One page of the registry, by name, for a search by part of the name or the start of the credit code. */
  public List<Enterprise> search(String query, int offset, int limit) {
    String q = query == null ? "" : query.trim();
    return jdbc.query("select * from enterprise where name like ? or credit_code like ? order by name, credit_code "
        + "limit ? offset ?", ENTERPRISE, "%" + escape(q) + "%", escape(q.toUpperCase(java.util.Locale.ROOT)) + "%",
        limit, offset);
  }

  public int count(String query) {
    String q = query == null ? "" : query.trim();
    Integer n = jdbc.queryForObject("select count(*) from enterprise where name like ? or credit_code like ?", Integer.class,
        "%" + escape(q) + "%", escape(q.toUpperCase(java.util.Locale.ROOT)) + "%");
    return n == null ? 0 : n;
  }

  /** LIKE wildcards typed by a person are searched for literally (H2 and PostgreSQL both escape with a backslash). */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private void recordAccount(Enterprise e, boolean changed, String actor, Timestamp now) {
    if (changed) {
      jdbc.update("insert into enterprise_account_change (credit_code, bank_name, bank_account, changed_by, changed_at) "
          + "values (?, ?, ?, ?, ?)", e.creditCode(), e.bankName(), e.bankAccount(), actor, now);
    }
  }

  /** The payee accounts the enterprise has had, oldest first: bank, account, who set it, when. */
  public List<java.util.Map<String, Object>> accountHistory(String creditCode) {
    return jdbc.queryForList("select bank_name, bank_account, changed_by, changed_at from enterprise_account_change "
        + "where credit_code = ? order by id", creditCode);
  }

  public CreditRecord addRecord(String creditCode, String category, boolean serious, LocalDate recordedOn,
      String description, String actor) {
    Instant now = Instant.now();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("""
          insert into credit_record (credit_code, category, serious, recorded_on, description, created_by, created_at)
          values (?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ps.setString(1, creditCode);
      ps.setString(2, category);
      ps.setBoolean(3, serious);
      ps.setDate(4, Date.valueOf(recordedOn));
      ps.setString(5, description);
      ps.setString(6, actor);
      ps.setTimestamp(7, Timestamp.from(now));
      return ps;
    }, key);
    return new CreditRecord(key.getKey().longValue(), creditCode, category, serious, recordedOn, description, actor, now);
  }

  public List<CreditRecord> records(String creditCode) {
    return jdbc.query("select * from credit_record where credit_code = ? order by recorded_on desc, id desc", RECORD, creditCode);
  }

  /** The latest serious record dated on or before the given day, if any. */
  public Optional<CreditRecord> latestSeriousRecord(String creditCode, LocalDate onOrBefore) {
    return jdbc.query("""
        select * from credit_record where credit_code = ? and serious = true and recorded_on <= ?
        order by recorded_on desc, id desc""", RECORD, creditCode, Date.valueOf(onOrBefore)).stream().findFirst();
  }

  public List<Enterprise> all() {
    return jdbc.query("select * from enterprise order by county, name", ENTERPRISE);
  }
}
