package cn.liuzhou.incentives.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Name lists the bureau keeps for list-based measures (e.g. the 柳州工业贷 list): a measure whose
 * package.json names a list is open only to enterprises on it.
 */
@Repository
public class NameLists {

  private final JdbcTemplate jdbc;

  public NameLists(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean contains(String listCode, String creditCode) {
    Integer n = jdbc.queryForObject("select count(*) from name_list_entry where list_code = ? and credit_code = ?",
        Integer.class, listCode, creditCode);
    return n != null && n > 0;
  }

  /** Adds the enterprise; answers false when it was already listed. */
  public boolean add(String listCode, String creditCode, String actor) {
    if (contains(listCode, creditCode)) {
      return false;
    }
    jdbc.update("insert into name_list_entry (list_code, credit_code, added_by, added_at) values (?, ?, ?, ?)",
        listCode, creditCode, actor, Timestamp.from(Instant.now()));
    return true;
  }

  public boolean remove(String listCode, String creditCode) {
    return jdbc.update("delete from name_list_entry where list_code = ? and credit_code = ?", listCode, creditCode) == 1;
  }

  public List<String> entries(String listCode) {
    return jdbc.queryForList("select credit_code from name_list_entry where list_code = ? order by credit_code",
        String.class, listCode);
  }
}
