package cn.liuzhou.incentives.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every step of an application, who took it and what came of it: the auditors' trail. */
@Repository
public class ApplicationJournal {

  public record Entry(String step, String actor, String outcome, String comment, Instant at) {}

  private final JdbcTemplate jdbc;

  public ApplicationJournal(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The step of a status change; its outcome is the status's name (ApplicationStatus). */
  public static final String STATUS = "STATUS";

  /** A status change, as the workflow records it and the portal and case files read it back. */
  public void recordStatus(String applicationId, ApplicationStatus status, String comment) {
    record(applicationId, STATUS, "system", status.name(), comment);
  }

  /** When the application last entered the status, if it ever did. */
  public java.util.Optional<Instant> lastEntered(String applicationId, ApplicationStatus status) {
    return entries(applicationId).stream().filter(e -> STATUS.equals(e.step()) && status.name().equals(e.outcome()))
        .map(Entry::at).reduce((first, second) -> second);
  }

  public void record(String applicationId, String step, String actor, String outcome, String comment) {
    jdbc.update("insert into application_event (application_id, step, actor, outcome, comment, occurred_at) values (?, ?, ?, ?, ?, ?)",
        applicationId, step, actor, outcome, comment, Timestamp.from(Instant.now()));
  }

  /** When the application was last filed or amended: what its current screening answers. */
  public java.util.Optional<Instant> lastSubmitted(String applicationId) {
    return java.util.Optional.ofNullable(jdbc.queryForObject(
        "select max(occurred_at) from application_event where application_id = ? and step in ('FILED', 'AMENDED')",
        Timestamp.class, applicationId)).map(Timestamp::toInstant);
  }

  public List<Entry> entries(String applicationId) {
    return jdbc.query("select * from application_event where application_id = ? order by id", (rs, n) -> new Entry(
        rs.getString("step"), rs.getString("actor"), rs.getString("outcome"), rs.getString("comment"),
        rs.getTimestamp("occurred_at").toInstant()), applicationId);
  }
}
