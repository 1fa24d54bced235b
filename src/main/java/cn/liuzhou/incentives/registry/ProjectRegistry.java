package cn.liuzhou.incentives.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The registry of investment projects, by their national project code. */
@Repository
public class ProjectRegistry {

  /** 投资项目统一代码: year, 6-digit administrative division, 2-digit industry, 2-digit type, 6-digit serial. */
  public static final Pattern CODE = Pattern.compile("(19|20)\\d{2}-\\d{6}-\\d{2}-\\d{2}-\\d{6}");

  private static final RowMapper<Project> ROW = (rs, n) -> new Project(rs.getString("project_code"), rs.getString("credit_code"),
      rs.getString("name"), rs.getString("county"), rs.getString("project_type"), rs.getBigDecimal("planned_investment"),
      rs.getDate("start_date").toLocalDate(), rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
      rs.getTimestamp("updated_at").toInstant());

  private final JdbcTemplate jdbc;

  public ProjectRegistry(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Project> find(String projectCode) {
    return jdbc.query("select * from project where project_code = ?", ROW, projectCode).stream().findFirst();
  }

  public List<Project> ofEnterprise(String creditCode) {
    return jdbc.query("select * from project where credit_code = ? order by project_code", ROW, creditCode);
  }

  /** Locks the project's row for the rest of the transaction (an owner check that cannot race a re-registration). */
  public Optional<Project> lock(String projectCode) {
    return jdbc.query("select * from project where project_code = ? for update", ROW, projectCode).stream().findFirst();
  }

  /** Inserts or updates the project; answers true when it was new. */
  public boolean save(Project p) {
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("""
        update project set name = ?, county = ?, project_type = ?, planned_investment = ?, start_date = ?, updated_at = ?
        where project_code = ? and credit_code = ?""",
        p.name(), p.county(), p.type(), p.plannedInvestment(), Date.valueOf(p.startDate()), now, p.projectCode(), p.creditCode());
    if (updated == 1) {
      return false;
    }
    jdbc.update("""
        insert into project (project_code, credit_code, name, county, project_type, planned_investment, start_date,
          registered_by, registered_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        p.projectCode(), p.creditCode(), p.name(), p.county(), p.type(), p.plannedInvestment(), Date.valueOf(p.startDate()),
        p.registeredBy(), now, now);
    return true;
  }
}
