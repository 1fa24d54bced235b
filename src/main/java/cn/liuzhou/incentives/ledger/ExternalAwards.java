package cn.liuzhou.incentives.ledger;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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

  private final JdbcTemplate jdbc;

  public ExternalAwards(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(String creditCode, String programme, String measureType, BigDecimal amount, LocalDate awardedOn, String actor) {
    jdbc.update("""
        insert into external_award (credit_code, programme, measure, amount, awarded_on, imported_by, imported_at)
        values (?, ?, ?, ?, ?, ?, ?)""", creditCode, programme, measureType, amount,
        awardedOn == null ? null : Date.valueOf(awardedOn), actor, Timestamp.from(Instant.now()));
  }

  public List<ExternalAward> of(String creditCode) {
    return jdbc.query("select * from external_award where credit_code = ? order by id", (rs, n) -> new ExternalAward(
        rs.getLong("id"), rs.getString("credit_code"), rs.getString("programme"), rs.getString("measure"),
        rs.getBigDecimal("amount"), rs.getDate("awarded_on") == null ? null : rs.getDate("awarded_on").toLocalDate(),
        rs.getString("imported_by"), rs.getTimestamp("imported_at").toInstant()), creditCode);
  }
}
