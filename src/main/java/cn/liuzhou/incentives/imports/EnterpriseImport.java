package cn.liuzhou.incentives.imports;

import cn.liuzhou.incentives.api.ApiException.FieldProblem;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.EnterpriseValidator;
import cn.liuzhou.incentives.review.PayeeRefresh;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registry records from a CSV file (console and {@code POST /api/enterprises/import}): every line through
 * {@link EnterpriseValidator}, all or nothing in one transaction, each field that changes logged with the reason.
 */
@Service
public class EnterpriseImport {

  public record Result(int created, int updated, int unchanged) {}

  private final EnterpriseRegistry registry;
  private final PayeeRefresh payees;

  public EnterpriseImport(EnterpriseRegistry registry, PayeeRefresh payees) {
    this.registry = registry;
    this.payees = payees;
  }

  /** Checks every line; throws {@link CsvLines.Refused} listing all bad lines, or answers the records to save. */
  public List<Enterprise> check(byte[] csv) {
    List<String> required = EnterpriseValidator.COLUMNS.stream().filter(c -> !EnterpriseValidator.OPTIONAL.contains(c)).toList();
    List<LineProblem> problems = new ArrayList<>();
    List<Enterprise> records = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (CsvLines.Row row : CsvLines.read(csv, required, EnterpriseValidator.OPTIONAL)) {
      EnterpriseValidator.Checked checked = EnterpriseValidator.check(EnterpriseValidator.Input.of(row.values()));
      for (FieldProblem p : checked.problems()) {
        problems.add(new LineProblem(row.line(), p.field(), p.zh(), p.en()));
      }
      if (checked.ok()) {
        Integer earlier = seen.putIfAbsent(checked.enterprise().creditCode(), row.line());
        if (earlier != null) {
          problems.add(new LineProblem(row.line(), "creditCode", "与第" + earlier + "行的企业重复",
              "the same enterprise as line " + earlier));
        }
        records.add(checked.enterprise());
      }
    }
    if (!problems.isEmpty()) {
      throw new CsvLines.Refused(problems);
    }
    return records;
  }

  /** Checks the file and saves every record in one transaction; a bad line refuses the whole file. */
  @Transactional
  public Result apply(byte[] csv, String actor, String reason) {
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (Enterprise e : check(csv)) {
      Optional<Enterprise> before = registry.find(e.creditCode());
      if (before.isPresent() && same(before.get(), e)) {
        unchanged++;
        continue;
      }
      if (registry.save(e, actor, reason)) {
        created++;
      } else {
        updated++;
        payees.refresh(e.creditCode());
      }
    }
    return new Result(created, updated, unchanged);
  }

  /** Equal apart from a payee account the file leaves out (which the registry keeps). */
  private static boolean same(Enterprise b, Enterprise e) {
    Enterprise given = e.bankName() == null && e.bankAccount() == null
        ? new Enterprise(e.creditCode(), e.name(), e.county(), e.industry(), e.aboveDesignatedSize(), e.taxCreditRating(),
            e.accountingCreditGood(), e.jointPunishmentTarget(), b.bankName(), b.bankAccount())
        : e;
    return b.equals(given);
  }
}
