package cn.liuzhou.incentives.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Objections to awards on public notice (公示异议). One per objector and application (the database
 * refuses a second); each is examined by the bureau and ends UPHELD or DISMISSED.
 */
@Repository
public class Objections {

  public enum Status { OPEN, UPHELD, DISMISSED }

  public record Objection(String id, String applicationId, String objector, String reason, Status status,
      Instant filedAt, String decidedBy, Instant decidedAt, String decisionComment) {}

  private static final RowMapper<Objection> ROW = (rs, n) -> new Objection(rs.getString("id"),
      rs.getString("application_id"), rs.getString("objector"), rs.getString("reason"), Status.valueOf(rs.getString("status")),
      rs.getTimestamp("filed_at").toInstant(), rs.getString("decided_by"),
      rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("decision_comment"));

  private final JdbcTemplate jdbc;

  public Objections(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the objection; a second one by the same objector fails with a DuplicateKeyException. */
  public void insert(Objection o) {
    insert(o, null, null);
  }

  /** Inserts the objection with the contact of a member of the public (null for a logged-in objector). */
  public void insert(Objection o, String contactName, String contactPhone) {
    jdbc.update("insert into objection (id, application_id, objector, reason, status, filed_at, contact_name, contact_phone) values (?, ?, ?, ?, ?, ?, ?, ?)",
        o.id(), o.applicationId(), o.objector(), o.reason(), o.status().name(), Timestamp.from(o.filedAt()), contactName,
        contactPhone);
  }

  public boolean exists(String applicationId, String objector) {
    return jdbc.queryForObject("select count(*) from objection where application_id = ? and objector = ?", Integer.class,
        applicationId, objector) > 0;
  }

  public Optional<Objection> find(String id) {
    return jdbc.query("select * from objection where id = ?", ROW, id).stream().findFirst();
  }

  public Objection get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No objection " + id));
  }

  public List<Objection> ofApplication(String applicationId) {
    return jdbc.query("select * from objection where application_id = ? order by filed_at", ROW, applicationId);
  }

  public int pending(String applicationId) {
    return jdbc.queryForObject("select count(*) from objection where application_id = ? and status = 'OPEN'", Integer.class,
        applicationId);
  }

  /** Records the bureau's finding; false when the objection was already decided. */
  public boolean decide(String id, Status status, String decidedBy, String comment) {
    return jdbc.update("""
        update objection set status = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ? and status = 'OPEN'""",
        status.name(), decidedBy, Timestamp.from(Instant.now()), comment, id) == 1;
  }
}
