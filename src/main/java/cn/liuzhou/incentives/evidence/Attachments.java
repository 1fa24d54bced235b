package cn.liuzhou.incentives.evidence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * An application's evidence files, kept in the database beside the ledger (one transaction with the
 * journal entry that records the upload). There is no update or delete: a file stays as uploaded.
 */
@Repository
public class Attachments {

  /** What is known about a file, without its content. */
  public record Attachment(long id, String applicationId, String fileName, String contentType, String documentType,
      long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {}

  private static final String COLUMNS =
      "id, application_id, file_name, content_type, document_type, size_bytes, sha256, uploaded_by, uploaded_at";

  private static final RowMapper<Attachment> ROW = (rs, n) -> new Attachment(rs.getLong("id"),
      rs.getString("application_id"), rs.getString("file_name"), rs.getString("content_type"),
      rs.getString("document_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
      rs.getTimestamp("uploaded_at").toInstant());

  private final JdbcTemplate jdbc;

  public Attachments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Attachment insert(String applicationId, String fileName, String contentType, String documentType,
      String sha256, String uploadedBy, Instant uploadedAt, byte[] content) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(con -> {
      var ps = con.prepareStatement("""
          insert into attachment (application_id, file_name, content_type, document_type, size_bytes, sha256,
            uploaded_by, uploaded_at, content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
      ps.setString(1, applicationId);
      ps.setString(2, fileName);
      ps.setString(3, contentType);
      ps.setString(4, documentType);
      ps.setLong(5, content.length);
      ps.setString(6, sha256);
      ps.setString(7, uploadedBy);
      ps.setTimestamp(8, Timestamp.from(uploadedAt));
      ps.setBytes(9, content);
      return ps;
    }, key);
    return new Attachment(key.getKey().longValue(), applicationId, fileName, contentType, documentType, content.length,
        sha256, uploadedBy, uploadedAt);
  }

  public List<Attachment> of(String applicationId) {
    return jdbc.query("select " + COLUMNS + " from attachment where application_id = ? order by id", ROW, applicationId);
  }

  public Optional<Attachment> find(String applicationId, long id) {
    return jdbc.query("select " + COLUMNS + " from attachment where application_id = ? and id = ?", ROW, applicationId, id)
        .stream().findFirst();
  }

  public byte[] content(long id) {
    return jdbc.queryForObject("select content from attachment where id = ?", (rs, n) -> rs.getBytes(1), id);
  }
}
