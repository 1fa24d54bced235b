package cn.liuzhou.incentives.policy;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The record of every deployment of every package, newest last. */
@Repository
public class PackageRevisions {

  /** Who deployed the tables shipped with the application. */
  public static final String SHIPPED = "system";

  private static final RowMapper<PackageRevision> ROW = (rs, n) -> new PackageRevision(rs.getString("package_code"),
      rs.getInt("revision"), rs.getString("version_tag"), rs.getString("deployment_id"), rs.getString("content_hash"),
      rs.getString("deployed_by"), rs.getTimestamp("deployed_at").toInstant());

  private final JdbcTemplate jdbc;

  public PackageRevisions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PackageRevision> active(String code) {
    return jdbc.query("select * from package_revision where package_code = ? order by revision desc fetch first 1 rows only",
        ROW, code).stream().findFirst();
  }

  public Optional<PackageRevision> latestShipped(String code) {
    return jdbc.query("""
        select * from package_revision where package_code = ? and deployed_by = ?
        order by revision desc fetch first 1 rows only""", ROW, code, SHIPPED).stream().findFirst();
  }

  public List<PackageRevision> all(String code) {
    return jdbc.query("select * from package_revision where package_code = ? order by revision", ROW, code);
  }

  public int nextRevision(String code) {
    Integer max = jdbc.queryForObject("select max(revision) from package_revision where package_code = ?", Integer.class, code);
    return max == null ? 1 : max + 1;
  }

  /** Why the revision was deployed (policy console), if anyone said. */
  public Optional<String> comment(String code, int revision) {
    return jdbc.query("select deploy_comment from package_revision where package_code = ? and revision = ?",
        (rs, n) -> rs.getString(1), code, revision).stream().filter(java.util.Objects::nonNull).findFirst();
  }

  public void setComment(String code, int revision, String comment) {
    jdbc.update("update package_revision set deploy_comment = ? where package_code = ? and revision = ?", comment, code, revision);
  }

  public void record(PackageRevision r) {
    jdbc.update("""
        insert into package_revision (package_code, revision, version_tag, deployment_id, content_hash, deployed_by, deployed_at)
        values (?, ?, ?, ?, ?, ?, ?)""", r.packageCode(), r.revision(), r.versionTag(), r.deploymentId(), r.contentHash(),
        r.deployedBy(), Timestamp.from(r.deployedAt()));
  }
}
