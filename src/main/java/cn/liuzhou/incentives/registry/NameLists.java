package cn.liuzhou.incentives.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Name lists the bureau keeps for list-based measures (e.g. the 柳州工业贷 list): a measure whose
 * package.json names a list is open only to enterprises on it. Every addition and removal is logged in
 * {@link RegistryChanges} with its note or reason.
 */
@Repository
public class NameLists {

  /** One enterprise on a list: who put it there, when, and on what basis. */
  public record Entry(String listCode, String creditCode, String enterpriseName, String addedBy, Instant addedAt,
      String note) {}

  private final JdbcTemplate jdbc;
  private final RegistryChanges changes;

  public NameLists(JdbcTemplate jdbc, RegistryChanges changes) {
    this.jdbc = jdbc;
    this.changes = changes;
  }

  public boolean contains(String listCode, String creditCode) {
    Integer n = jdbc.queryForObject("select count(*) from name_list_entry where list_code = ? and credit_code = ?",
        Integer.class, listCode, creditCode);
    return n != null && n > 0;
  }

  /** Adds the enterprise; answers false when it was already listed. */
  public boolean add(String listCode, String creditCode, String actor) {
    return add(listCode, creditCode, actor, null);
  }

  /** Adds the enterprise with the document the addition rests on; answers false when it was already listed. */
  public boolean add(String listCode, String creditCode, String actor, String note) {
    if (contains(listCode, creditCode)) {
      return false;
    }
    Instant now = Instant.now();
    String kept = note == null || note.isBlank() ? null : note.trim();
    jdbc.update("insert into name_list_entry (list_code, credit_code, added_by, added_at, note) values (?, ?, ?, ?, ?)",
        listCode, creditCode, actor, Timestamp.from(now), kept);
    changes.record(creditCode, RegistryChanges.Subject.NAME_LIST, listCode, "不在名单内", "列入名单", kept, actor, now);
    return true;
  }

  /** Removes the enterprise, logging why; answers false when it was not listed. */
  public boolean remove(String listCode, String creditCode, String actor, String reason) {
    if (jdbc.update("delete from name_list_entry where list_code = ? and credit_code = ?", listCode, creditCode) != 1) {
      return false;
    }
    changes.record(creditCode, RegistryChanges.Subject.NAME_LIST, listCode, "列入名单", "移出名单", reason, actor,
        Instant.now());
    return true;
  }

  public List<String> entries(String listCode) {
    return jdbc.queryForList("select credit_code from name_list_entry where list_code = ? order by credit_code",
        String.class, listCode);
  }

  /** The list's entries with the enterprises' registered names (null for codes the registry does not know). */
  public List<Entry> details(String listCode) {
    return jdbc.query("""
        select l.list_code, l.credit_code, e.name, l.added_by, l.added_at, l.note
        from name_list_entry l left join enterprise e on e.credit_code = l.credit_code
        where l.list_code = ? order by l.added_at desc, l.credit_code""", (rs, n) -> new Entry(rs.getString(1),
        rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6)), listCode);
  }

  /** The lists that have entries, with how many. */
  public java.util.Map<String, Integer> counts() {
    java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
    jdbc.query("select list_code, count(*) from name_list_entry group by list_code",
        rs -> { counts.put(rs.getString(1), rs.getInt(2)); });
    return counts;
  }
}
