package cn.liuzhou.incentives.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * What each screening of an application judged: the facts, the calculation trace built from the
 * decision's outputs, and the registry and credit data as read (with when). Written once per
 * screening, never changed; the reviewers' forms show the latest.
 */
@Repository
public class ScreeningRecords {

  public record ScreeningRecord(long id, String applicationId, Instant screenedAt, boolean passed, String factsJson,
      String calculationTrace, String registryData, Instant registryReadAt) {}

  private static final RowMapper<ScreeningRecord> ROW = (rs, n) -> new ScreeningRecord(rs.getLong("id"),
      rs.getString("application_id"), rs.getTimestamp("screened_at").toInstant(), rs.getBoolean("passed"),
      rs.getString("facts"), rs.getString("calculation_trace"), rs.getString("registry_data"),
      rs.getTimestamp("registry_read_at") == null ? null : rs.getTimestamp("registry_read_at").toInstant());

  private final JdbcTemplate jdbc;

  public ScreeningRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(String applicationId, boolean passed, String factsJson, String trace, String registryData,
      Instant registryReadAt) {
    jdbc.update("""
        insert into screening_record (application_id, screened_at, passed, facts, calculation_trace, registry_data,
          registry_read_at) values (?, ?, ?, ?, ?, ?, ?)""", applicationId, Timestamp.from(Instant.now()), passed, factsJson,
        trace, registryData, registryReadAt == null ? null : Timestamp.from(registryReadAt));
  }

  public List<ScreeningRecord> of(String applicationId) {
    return jdbc.query("select * from screening_record where application_id = ? order by id", ROW, applicationId);
  }

  public Optional<ScreeningRecord> latest(String applicationId) {
    List<ScreeningRecord> all = of(applicationId);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }
}
