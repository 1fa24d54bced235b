package cn.liuzhou.incentives.cases;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HOOK: reads the evidence attachments from table {@code attachment} (application_id, a file name, sha256, size,
 * who and when), tolerating a schema that does not have the table yet or names a column differently.
 */
class JdbcCaseAttachments implements CaseAttachments {

  private final JdbcTemplate jdbc;

  JdbcCaseAttachments(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Attachment> of(String applicationId) {
    try {
      return jdbc.query("select * from attachment where application_id = ?", (rs, n) -> row(rs), applicationId);
    } catch (DataAccessException noTableYet) {
      return List.of();
    }
  }

  @Override
  public boolean available() {
    try {
      jdbc.queryForObject("select count(*) from attachment where 1 = 0", Long.class);
      return true;
    } catch (DataAccessException noTableYet) {
      return false;
    }
  }

  private static Attachment row(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Set<String> columns = new HashSet<>();
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
    }
    String name = text(rs, columns, "file_name", "filename", "original_name", "name");
    String sha = text(rs, columns, "sha256", "sha_256", "content_sha256", "hash");
    String size = text(rs, columns, "size_bytes", "size", "content_length", "length");
    String by = text(rs, columns, "uploaded_by", "created_by", "actor");
    Timestamp at = null;
    for (String c : List.of("uploaded_at", "created_at", "at")) {
      if (columns.contains(c)) {
        at = rs.getTimestamp(c);
        break;
      }
    }
    long bytes = 0;
    try {
      bytes = size == null ? 0 : Long.parseLong(size);
    } catch (NumberFormatException ignored) {
      // not a number: shown as unknown
    }
    return new Attachment(name, sha, bytes, by, at == null ? null : at.toInstant());
  }

  private static String text(ResultSet rs, Set<String> columns, String... candidates) throws SQLException {
    for (String c : candidates) {
      if (columns.contains(c)) {
        return rs.getString(c);
      }
    }
    return null;
  }
}
