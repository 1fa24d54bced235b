package cn.liuzhou.incentives.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Messages to the enterprise, read through the API (the channel an SMS gateway would also read). */
@Repository
public class Notifications {

  public record Notification(String zh, String en, Instant at) {}

  private final JdbcTemplate jdbc;

  public Notifications(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void send(String applicationId, String creditCode, String zh, String en) {
    jdbc.update("insert into notification (application_id, credit_code, message_zh, message_en, created_at) values (?, ?, ?, ?, ?)",
        applicationId, creditCode, zh, en, Timestamp.from(Instant.now()));
  }

  public List<Notification> of(String applicationId) {
    return jdbc.query("select * from notification where application_id = ? order by id", (rs, n) -> new Notification(
        rs.getString("message_zh"), rs.getString("message_en"), rs.getTimestamp("created_at").toInstant()), applicationId);
  }
}
