package cn.liuzhou.incentives.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The worked cases a package's tables must pass: those shipped beside its DMN, or the set an
 * administrator uploaded for a new quarter (so that changed numbers need no rebuild either).
 */
@Repository
public class PackageExamples {

  private final PolicyCatalogue catalogue;
  private final JdbcTemplate jdbc;

  public PackageExamples(PolicyCatalogue catalogue, JdbcTemplate jdbc) {
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  public List<PolicyExample> forPackage(PolicyPackage pkg) {
    return jdbc.query("select examples from package_examples where package_code = ?", (rs, n) -> rs.getString(1), pkg.code())
        .stream().findFirst().map(PackageExamples::parse).orElseGet(() -> catalogue.examples(pkg));
  }

  public void replace(PolicyPackage pkg, String json, String actor) {
    Timestamp now = Timestamp.from(Instant.now());
    if (jdbc.update("update package_examples set examples = ?, updated_by = ?, updated_at = ? where package_code = ?",
        json, actor, now, pkg.code()) == 0) {
      jdbc.update("insert into package_examples (package_code, examples, updated_by, updated_at) values (?, ?, ?, ?)",
          pkg.code(), json, actor, now);
    }
  }

  /** Parses a JSON array of worked cases; throws IllegalArgumentException with the reason. */
  public static List<PolicyExample> parse(String json) {
    try {
      PolicyExample[] examples = PolicyCatalogue.JSON.readValue(json, PolicyExample[].class);
      if (examples == null) {
        throw new IllegalArgumentException("the body must be a JSON array of worked cases");
      }
      for (PolicyExample e : examples) {
        if (e == null || e.measure() == null || e.expect() == null || e.name() == null) {
          throw new IllegalArgumentException("every case needs name, measure and expect");
        }
      }
      return List.of(examples);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage());
    }
  }
}
