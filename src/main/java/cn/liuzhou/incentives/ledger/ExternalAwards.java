package cn.liuzhou.incentives.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import cn.liuzhou.incentives.registry.RegistryChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Awards enterprises received from other programmes (e.g. the region's own quarterly measures),
 * imported by administrators, against which a package's same-type exclusion is checked.
 */
@Repository
public class ExternalAwards {

  public record ExternalAward(long id, String creditCode, String programme, String measureType, BigDecimal amount,
      LocalDate awardedOn, String importedBy, Instant importedAt) {

    public String describe() {
      return programme + "/" + measureType + (amount == null ? "" : " " + amount.toPlainString() + "元")
          + (awardedOn == null ? "" : " " + awardedOn);
    }
  }

  private static final RowMapper<ExternalAward> AWARD = (rs, n) -> new ExternalAward(
      rs.getLong("id"), rs.getString("credit_code"), rs.getString("programme"), rs.getString("measure"),
      rs.getBigDecimal("amount"), rs.getDate("awarded_on") == null ? null : rs.getDate("awarded_on").toLocalDate(),
      rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant());

  private final JdbcTemplate jdbc;
  private final RegistryChanges changes;

  public ExternalAwards(JdbcTemplate jdbc, RegistryChanges changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  public void add(String creditCode, String programme, String measureType, BigDecimal amount, LocalDate awardedOn, String actor) {
    add(creditCode, programme, measureType, amount, awardedOn, actor, null);
  }

  /** Records the award and logs it in the enterprise's change log with the reason (the source of the file). */
  public void add(String creditCode, String programme, String measureType, BigDecimal amount, LocalDate awardedOn,
      String actor, String reason) {
    Instant now = Instant.now();
    jdbc.update("""
        insert into external_award (credit_code, programme, measure, amount, awarded_on, imported_by, imported_at)
        values (?, ?, ?, ?, ?, ?, ?)""", creditCode, programme, measureType, amount,
        awardedOn == null ? null : Date.valueOf(awardedOn), actor, Timestamp.from(now));
    ExternalAward added = new ExternalAward(0, creditCode, programme, measureType, amount, awardedOn, actor, now);
    changes.record(creditCode, RegistryChanges.Subject.EXTERNAL_AWARD, programme + "/" + measureType, null,
        added.describe(), reason, actor, now);
  }

  /** True when the same award (enterprise, programme, type, amount, date) is already recorded: a file imported twice. */
  public boolean exists(String creditCode, String programme, String measureType, BigDecimal amount, LocalDate awardedOn) {
    return of(creditCode).stream().anyMatch(a -> a.programme().equals(programme) && a.measureType().equals(measureType)
        && (a.amount() == null ? amount == null : amount != null && a.amount().compareTo(amount) == 0)
        && java.util.Objects.equals(a.awardedOn(), awardedOn));
  }

  public List<ExternalAward> of(String creditCode) {
    return jdbc.query("select * from external_award where credit_code = ? order by id", AWARD, creditCode);
  }

  /** One page of all awards, newest import first, optionally of one enterprise (credit code prefix) or programme. */
  public List<ExternalAward> page(String query, int offset, int limit) {
    String q = query == null ? "" : query.trim();
    return jdbc.query("select * from external_award where credit_code like ? or programme like ? order by id desc "
        + "limit ? offset ?", AWARD, q.toUpperCase(java.util.Locale.ROOT) + "%", "%" + q + "%", limit, offset);
  }

  public int count(String query) {
    String q = query == null ? "" : query.trim();
    Integer n = jdbc.queryForObject("select count(*) from external_award where credit_code like ? or programme like ?",
        Integer.class, q.toUpperCase(java.util.Locale.ROOT) + "%", "%" + q + "%");
    return n == null ? 0 : n;
  }
}
