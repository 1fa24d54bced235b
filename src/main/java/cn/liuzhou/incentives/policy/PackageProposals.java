package cn.liuzhou.incentives.policy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Shipped tables recorded as proposals (table {@code package_proposal}). */
@Repository
public class PackageProposals {

  private static final RowMapper<PackageProposal> ROW = (rs, n) -> new PackageProposal(rs.getLong("id"),
      rs.getString("package_code"), rs.getString("content_hash"), rs.getInt("active_revision"), rs.getString("status"),
      rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
      rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
      (Integer) rs.getObject("adopted_revision"));

  private final JdbcTemplate jdbc;

  public PackageProposals(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the shipped tables as the package's open proposal, superseding any other open one; a content
   * already recorded (open, adopted or superseded) is not recorded again. True when recorded now.
   */
  public boolean propose(String packageCode, String contentHash, String dmnXml, int activeRevision) {
    if (jdbc.queryForObject("select count(*) from package_proposal where package_code = ? and content_hash = ?",
        Integer.class, packageCode, contentHash) > 0) {
      return false;
    }
    jdbc.update("update package_proposal set status = 'SUPERSEDED' where package_code = ? and status = 'OPEN'", packageCode);
    jdbc.update("""
        insert into package_proposal (package_code, content_hash, dmn_xml, active_revision, status, proposed_at)
        values (?, ?, ?, ?, 'OPEN', ?)""", packageCode, contentHash, dmnXml, activeRevision, Timestamp.from(Instant.now()));
    return true;
  }

  public List<PackageProposal> all(String packageCode) {
    return jdbc.query("select * from package_proposal where package_code = ? order by id", ROW, packageCode);
  }

  public Optional<PackageProposal> get(String packageCode, long id) {
    return jdbc.query("select * from package_proposal where package_code = ? and id = ?", ROW, packageCode, id)
        .stream().findFirst();
  }

  /** Locks the proposal's row (concurrent adoptions: the second finds it adopted). */
  public Optional<PackageProposal> lock(String packageCode, long id) {
    return jdbc.query("select * from package_proposal where package_code = ? and id = ? for update", ROW, packageCode, id)
        .stream().findFirst();
  }

  public String dmn(long id) {
    return jdbc.queryForObject("select dmn_xml from package_proposal where id = ?", String.class, id);
  }

  public void adopted(long id, String by, int revision) {
    jdbc.update("update package_proposal set status = 'ADOPTED', decided_by = ?, decided_at = ?, adopted_revision = ? where id = ?",
        by, Timestamp.from(Instant.now()), revision, id);
  }
}
