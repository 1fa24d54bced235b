package cn.liuzhou.incentives.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Messages to the enterprise: read in the portal and through the API, and handed to the
 * {@link NotificationGateway} (e-mail, SMS) once the step that produced them has committed.
 */
@Repository
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  public record Notification(String zh, String en, Instant at) {}

  /** A notification in the enterprise's inbox. */
  public record InboxEntry(long id, String applicationId, String zh, String en, Instant at, boolean read) {}

  private static final RowMapper<InboxEntry> INBOX = (rs, n) -> new InboxEntry(rs.getLong("id"),
      rs.getString("application_id"), rs.getString("message_zh"), rs.getString("message_en"),
      rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("read_at") != null);

  private final JdbcTemplate jdbc;
  private final NotificationGateway gateway;

  public Notifications(JdbcTemplate jdbc, NotificationGateway gateway) {
    this.jdbc = jdbc;
    this.gateway = gateway;
  }

  public void send(String applicationId, String creditCode, String messageZh, String messageEn) {
    // A message quotes the reviewer's comment, which may be as long as the column; the full comment stays in the
    // journal and the application's page.
    String zh = shortened(messageZh);
    String en = shortened(messageEn);
    jdbc.update("insert into notification (application_id, credit_code, message_zh, message_en, created_at) values (?, ?, ?, ?, ?)",
        applicationId, creditCode, zh, en, Timestamp.from(Instant.now()));
    Runnable deliver = () -> {
      // After the commit the engine's logging context is gone: the gateway's lines name the application again.
      try (var context = cn.liuzhou.incentives.metrics.LogContext.businessKey(applicationId)) {
        gateway.deliver(creditCode, applicationId, zh, en);
      } catch (RuntimeException e) {
        LOG.warn("Notification gateway failed for {} about {}; the message stays in the portal", creditCode, applicationId, e);
      }
    };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliver.run();
        }
      });
    } else {
      deliver.run();
    }
  }

  public List<Notification> of(String applicationId) {
    return jdbc.query("select * from notification where application_id = ? order by id", (rs, n) -> new Notification(
        rs.getString("message_zh"), rs.getString("message_en"), rs.getTimestamp("created_at").toInstant()), applicationId);
  }

  /** The enterprise's notifications, newest first. */
  public List<InboxEntry> inbox(String creditCode, int limit) {
    return jdbc.query("select * from notification where credit_code = ? order by id desc limit ?", INBOX, creditCode, limit);
  }

  public int unread(String creditCode) {
    return jdbc.queryForObject("select count(*) from notification where credit_code = ? and read_at is null", Integer.class,
        creditCode);
  }

  /** Marks the enterprise's notifications read (all of them, or those up to and including {@code upToId}). */
  public int markRead(String creditCode, Long upToId) {
    Timestamp now = Timestamp.from(Instant.now());
    return upToId == null
        ? jdbc.update("update notification set read_at = ? where credit_code = ? and read_at is null", now, creditCode)
        : jdbc.update("update notification set read_at = ? where credit_code = ? and read_at is null and id <= ?", now,
            creditCode, upToId);
  }

  private static final int MAX_MESSAGE = 2000;

  private static String shortened(String message) {
    return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
