package cn.liuzhou.incentives.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Applications an enterprise started and saved to finish later: one draft per enterprise and measure. */
@Repository
public class Drafts {

  public record Draft(String creditCode, String measureCode, String projectId, String factsJson, Instant savedAt) {}

  private static final RowMapper<Draft> ROW = (rs, n) -> new Draft(rs.getString("credit_code"), rs.getString("measure_code"),
      rs.getString("project_id"), rs.getString("facts_json"), rs.getTimestamp("saved_at").toInstant());

  private final JdbcTemplate jdbc;

  public Drafts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Draft> find(String creditCode, String measureCode) {
    return jdbc.query("select * from application_draft where credit_code = ? and measure_code = ?", ROW, creditCode,
        measureCode).stream().findFirst();
  }

  public List<Draft> of(String creditCode) {
    return jdbc.query("select * from application_draft where credit_code = ? order by saved_at desc", ROW, creditCode);
  }

  public Draft save(String creditCode, String measureCode, String projectId, String factsJson) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("update application_draft set project_id = ?, facts_json = ?, saved_at = ? where credit_code = ? and measure_code = ?",
        projectId, factsJson, now, creditCode, measureCode) == 0) {
      try {
        jdbc.update("insert into application_draft (credit_code, measure_code, project_id, facts_json, saved_at) values (?, ?, ?, ?, ?)",
            creditCode, measureCode, projectId, factsJson, now);
      } catch (org.springframework.dao.DuplicateKeyException raced) {
        jdbc.update("update application_draft set project_id = ?, facts_json = ?, saved_at = ? where credit_code = ? and measure_code = ?",
            projectId, factsJson, now, creditCode, measureCode);
      }
    }
    return find(creditCode, measureCode).orElseThrow();
  }

  public boolean delete(String creditCode, String measureCode) {
    return jdbc.update("delete from application_draft where credit_code = ? and measure_code = ?", creditCode, measureCode) == 1;
  }
}
