package cn.liuzhou.incentives.imports;

import cn.liuzhou.incentives.ledger.ExternalAwards;
import cn.liuzhou.incentives.registry.CreditCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Other programmes' awards from a CSV file ({@code creditCode,programme,measureType,amount,awardedOn}; amount and date
 * may be empty): every line checked, all or nothing in one transaction, an award already recorded not added twice.
 */
@Service
public class ExternalAwardImport {

  public static final List<String> COLUMNS = List.of("creditCode", "programme", "measureType", "amount", "awardedOn");

  public record Award(String creditCode, String programme, String measureType, BigDecimal amount, LocalDate awardedOn) {}

  public record Result(int imported, int alreadyRecorded) {}

  private final ExternalAwards awards;

  public ExternalAwardImport(ExternalAwards awards) {
    this.awards = awards;
  }

  public List<Award> check(byte[] csv) {
    List<LineProblem> problems = new ArrayList<>();
    List<Award> rows = new ArrayList<>();
    for (CsvLines.Row row : CsvLines.read(csv, COLUMNS, Set.of())) {
      int line = row.line();
      int before = problems.size();
      String code = row.get("creditCode");
      String[] codeProblem = CreditCode.problem(code);
      if (codeProblem != null) {
        problems.add(new LineProblem(line, "creditCode", codeProblem[0], codeProblem[1]));
      }
      for (String text : List.of("programme", "measureType")) {
        String v = row.get(text);
        if (v == null || v.length() > 200) {
          problems.add(new LineProblem(line, text, "须填写（不超过200字）", "required (at most 200 characters)"));
        }
      }
      BigDecimal amount = null;
      if (row.get("amount") != null) {
        try {
          amount = new BigDecimal(row.get("amount").replace(",", ""));
          if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 14) {
            problems.add(new LineProblem(line, "amount", "金额须为不小于0的元数，最多两位小数", "amount must be yuan, not negative, at most 2 decimals"));
          }
        } catch (NumberFormatException e) {
          problems.add(new LineProblem(line, "amount", "金额须为数字（元），不能是“" + row.get("amount") + "”", "amount must be a number of yuan"));
        }
      }
      LocalDate awardedOn = null;
      if (row.get("awardedOn") != null) {
        try {
          awardedOn = LocalDate.parse(row.get("awardedOn"));
          if (awardedOn.isAfter(LocalDate.now())) {
            problems.add(new LineProblem(line, "awardedOn", "获奖日期不能晚于今天", "awardedOn must not be in the future"));
          }
        } catch (DateTimeParseException e) {
          problems.add(new LineProblem(line, "awardedOn", "日期须写作 yyyy-MM-dd，如 2025-03-20", "awardedOn must be a date (yyyy-MM-dd)"));
        }
      }
      if (problems.size() == before) {
        rows.add(new Award(code, row.get("programme"), row.get("measureType"), amount, awardedOn));
      }
    }
    if (!problems.isEmpty()) {
      throw new CsvLines.Refused(problems);
    }
    return rows;
  }

  @Transactional
  public Result apply(byte[] csv, String actor, String reason) {
    int imported = 0;
    int known = 0;
    for (Award a : check(csv)) {
      if (awards.exists(a.creditCode(), a.programme(), a.measureType(), a.amount(), a.awardedOn())) {
        known++;
        continue;
      }
      awards.add(a.creditCode(), a.programme(), a.measureType(), a.amount(), a.awardedOn(), actor, reason);
      imported++;
    }
    return new Result(imported, known);
  }
}
