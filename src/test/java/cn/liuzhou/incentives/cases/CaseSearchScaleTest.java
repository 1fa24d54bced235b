package cn.liuzhou.incentives.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.registry.County;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search on 100,000 applications (seeded cheaply by JDBC batch under a package code of their own, filed in 2019 so
 * that no other test's quarter sees them): paging is complete and stable, filters and sorting hold across pages, and
 * the filtered queries read an index (H2's plan), not the whole table. No timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchScaleTest extends ApiTestSupport {

  static final String PKG = "ZZ-SCALE";
  static final int ROWS = 100_000;
  static final Instant FIRST = Instant.parse("2019-01-01T00:00:00Z");
  static final ApplicationStatus[] STATUSES = ApplicationStatus.values();
  static final County[] COUNTIES = County.values();

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseSearch search;

  @BeforeAll
  void seed() {
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Timestamp at = Timestamp.from(FIRST.plus(i, ChronoUnit.MINUTES));
      batch.add(new Object[] {String.format("ZZ-20190101-%08X", i), PKG + "-M" + (i % 5), PKG,
          String.format("91450200ZZ%08d", i % 5000), COUNTIES[i % COUNTIES.length].code(), "{}",
          STATUSES[i % STATUSES.length].name(), "ZZ", PKG + "-r1", "seed", at, at});
      if (batch.size() == 5000) {
        insert(batch);
        batch.clear();
      }
    }
    insert(batch);
  }

  private void insert(List<Object[]> batch) {
    jdbc.batchUpdate("""
        insert into incentive_application (id, measure_code, package_code, credit_code, county, facts, status,
          decision_key, decision_version_tag, filed_by, filed_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
  }

  @AfterAll
  void remove() {
    jdbc.update("delete from incentive_application where package_code = ?", PKG);
  }

  private CaseSearch.Criteria criteria(String county, ApplicationStatus status, String sort, boolean ascending) {
    return new CaseSearch.Criteria(null, null, null, PKG, county, status, null, null, null, sort, ascending);
  }

  @Test
  void everyRowOfAFilteredSearchComesExactlyOnceInOrderAcrossPages() {
    CaseSearch.Criteria c = criteria("liunan", ApplicationStatus.DISBURSED, "filedAt", false);
    long expected = jdbc.queryForObject("select count(*) from incentive_application where package_code = ? and county = ? and status = ?",
        Long.class, PKG, "liunan", "DISBURSED");
    assertThat(expected).isGreaterThan(500);
    CaseSearch.Page first = search.search(c, 1, 200);
    assertThat(first.total()).isEqualTo(expected);
    Set<String> seen = new HashSet<>();
    Instant previous = Instant.MAX;
    for (int page = 1; page <= first.pages(); page++) {
      CaseSearch.Page p = search.search(c, page, 200);
      assertThat(p.rows().size()).isEqualTo(page < first.pages() ? 200 : (int) (expected - 200L * (first.pages() - 1)));
      for (CaseSearch.Row r : p.rows()) {
        assertThat(seen.add(r.id())).as("row %s twice", r.id()).isTrue();
        assertThat(r.county()).isEqualTo("liunan");
        assertThat(r.status()).isEqualTo(ApplicationStatus.DISBURSED);
        assertThat(r.filedAt()).isBeforeOrEqualTo(previous);
        previous = r.filedAt();
      }
    }
    assertThat(seen).hasSize((int) expected);
    assertThat(search.search(c, first.pages() + 1, 200).rows()).isEmpty();
  }

  @Test
  void theWholePackageIsCountedAndSortedByAnyColumnWithStableTies() {
    CaseSearch.Page all = search.search(criteria(null, null, "filedAt", true), 1, 50);
    assertThat(all.total()).isEqualTo(ROWS);
    assertThat(all.rows().get(0).id()).isEqualTo("ZZ-20190101-00000000");
    CaseSearch.Page last = search.search(criteria(null, null, "filedAt", true), all.pages(), 50);
    assertThat(last.rows().get(last.rows().size() - 1).id()).isEqualTo(String.format("ZZ-20190101-%08X", ROWS - 1));

    // sorted by county (many ties): the id breaks them, so two pages never share a row
    CaseSearch.Page p1 = search.search(criteria(null, null, "county", true), 1, 200);
    CaseSearch.Page p2 = search.search(criteria(null, null, "county", true), 2, 200);
    Set<String> ids = new HashSet<>();
    p1.rows().forEach(r -> ids.add(r.id()));
    p2.rows().forEach(r -> assertThat(ids.add(r.id())).isTrue());
    assertThat(p1.rows().get(0).county()).isEqualTo("beibu"); // alphabetically first code

    // a date range in Beijing time: 2019-01-02 Beijing is 2019-01-01T16:00Z .. 2019-01-02T16:00Z
    var day = new CaseSearch.Criteria(null, null, null, PKG, null, null, null, LocalDate.of(2019, 1, 2), LocalDate.of(2019, 1, 2),
        "filedAt", true);
    CaseSearch.Page oneDay = search.search(day, 1, 20);
    assertThat(oneDay.total()).isEqualTo(24 * 60);
    assertThat(oneDay.rows().get(0).filedAt()).isEqualTo(Instant.parse("2019-01-01T16:00:00Z"));
  }

  @Test
  void filteredSearchesReadAnIndexNotTheWholeTable() {
    for (CaseSearch.Criteria c : List.of(criteria("liunan", ApplicationStatus.DISBURSED, "filedAt", false),
        new CaseSearch.Criteria("ZZ-20190101-0000FFFF", null, null, null, null, null, null, null, null, "filedAt", false),
        new CaseSearch.Criteria(null, "91450200ZZ00000042", null, null, null, null, null, null, null, "filedAt", false),
        new CaseSearch.Criteria(null, null, PKG + "-M3", null, null, null, null, null, null, "filedAt", false))) {
      String plan = jdbc.queryForObject("explain " + search.sql(c), String.class, search.arguments(c).toArray());
      // H2 names the access path of each table in a comment after it: "/* PUBLIC.<index>: ... */" or ".tableScan */"
      String upper = plan.toUpperCase(java.util.Locale.ROOT).replace("\"", "");
      int from = upper.indexOf("PUBLIC.INCENTIVE_APPLICATION A");
      assertThat(from).as(plan).isNotNegative();
      String access = upper.substring(from, upper.indexOf("*/", from) + 2);
      assertThat(access).as(plan).doesNotContain("TABLESCAN").containsPattern("/\\* PUBLIC\\.(APPLICATION_|PRIMARY_KEY)");
    }
  }
}
