package cn.liuzhou.incentives.policy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Per-package settings that administrators change without a rebuild, every change recorded. */
@Repository
public class PackageSettings {

  /** Null fields are unset: no window means closed, no notice period means the default. */
  public record Settings(LocalDate applicationOpens, LocalDate applicationCloses, String publicNoticePeriod) {

    public boolean windowOpenOn(LocalDate day) {
      return applicationOpens != null && !day.isBefore(applicationOpens)
          && (applicationCloses == null || !day.isAfter(applicationCloses));
    }
  }

  public record Change(String setting, String oldValue, String newValue, String changedBy, Instant changedAt) {}

  private final JdbcTemplate jdbc;

  public PackageSettings(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Settings get(String packageCode) {
    return jdbc.query("select * from package_settings where package_code = ?", (rs, n) -> new Settings(
        toLocal(rs.getDate("application_opens")), toLocal(rs.getDate("application_closes")),
        rs.getString("public_notice_period")), packageCode).stream().findFirst().orElse(new Settings(null, null, null));
  }

  /** Writes the settings and records each field that changed. */
  public void save(String packageCode, Settings next, String actor) {
    Settings previous = get(packageCode);
    if (jdbc.update("update package_settings set application_opens = ?, application_closes = ?, public_notice_period = ? where package_code = ?",
        toSql(next.applicationOpens()), toSql(next.applicationCloses()), next.publicNoticePeriod(), packageCode) == 0) {
      jdbc.update("insert into package_settings (package_code, application_opens, application_closes, public_notice_period) values (?, ?, ?, ?)",
          packageCode, toSql(next.applicationOpens()), toSql(next.applicationCloses()), next.publicNoticePeriod());
    }
    recordChange(packageCode, "applicationOpens", previous.applicationOpens(), next.applicationOpens(), actor);
    recordChange(packageCode, "applicationCloses", previous.applicationCloses(), next.applicationCloses(), actor);
    recordChange(packageCode, "publicNoticePeriod", previous.publicNoticePeriod(), next.publicNoticePeriod(), actor);
  }

  public void recordChange(String packageCode, String setting, Object oldValue, Object newValue, String actor) {
    if (!Objects.equals(oldValue, newValue)) {
      jdbc.update("insert into settings_change (package_code, setting, old_value, new_value, changed_by, changed_at) values (?, ?, ?, ?, ?, ?)",
          packageCode, setting, Objects.toString(oldValue, null), Objects.toString(newValue, null), actor, Timestamp.from(Instant.now()));
    }
  }

  public List<Change> changes(String packageCode) {
    return jdbc.query("select * from settings_change where package_code = ? order by id", (rs, n) -> new Change(
        rs.getString("setting"), rs.getString("old_value"), rs.getString("new_value"), rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toInstant()), packageCode);
  }

  private static LocalDate toLocal(Date d) {
    return d == null ? null : d.toLocalDate();
  }

  private static Date toSql(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
