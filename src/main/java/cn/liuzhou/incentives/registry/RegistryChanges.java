package cn.liuzhou.incentives.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The change log of the data administrators keep (registry fields, name-list entries, other programmes' awards):
 * who, when, before, after and why. Written by the repositories themselves, so no path (API, console, import,
 * demo data) changes the data without a row here; read by the console and by the case files of the enterprise.
 */
@Repository
public class RegistryChanges {

  public enum Subject { ENTERPRISE, NAME_LIST, EXTERNAL_AWARD }

  public record Change(long id, String creditCode, Subject subject, String item, String oldValue, String newValue,
      String reason, String changedBy, Instant changedAt) {}

  private static final int VALUE = 500;
  private static final int REASON = 1000;

  private final JdbcTemplate jdbc;

  public RegistryChanges(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String creditCode, Subject subject, String item, String oldValue, String newValue, String reason,
      String actor, Instant at) {
    jdbc.update("""
        insert into registry_change (credit_code, subject, item, old_value, new_value, reason, changed_by, changed_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", creditCode, subject.name(), cut(item, 200), cut(oldValue, VALUE),
        cut(newValue, VALUE), cut(blankToNull(reason), REASON), actor, Timestamp.from(at));
  }

  /** The enterprise's changes, oldest first. */
  public List<Change> of(String creditCode) {
    return jdbc.query("select * from registry_change where credit_code = ? order by changed_at, id", (rs, n) -> new Change(
        rs.getLong("id"), rs.getString("credit_code"), Subject.valueOf(rs.getString("subject")), rs.getString("item"),
        rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toInstant()), creditCode);
  }

  /** The latest changes of one subject and item (a name list's history), newest first. */
  public List<Change> ofItem(Subject subject, String item, int limit) {
    return jdbc.query("select * from registry_change where subject = ? and item = ? order by changed_at desc, id desc "
        + "limit ?", (rs, n) -> new Change(rs.getLong("id"), rs.getString("credit_code"),
        Subject.valueOf(rs.getString("subject")), rs.getString("item"), rs.getString("old_value"),
        rs.getString("new_value"), rs.getString("reason"), rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toInstant()), subject.name(), item, limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
