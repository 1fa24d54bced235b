package cn.liuzhou.incentives.registry;

import cn.liuzhou.incentives.api.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one set of rules for an enterprise's registry record, whichever way it arrives: {@code PUT /api/enterprises/{code}},
 * the console's edit form or a line of a CSV import. Values come in as text (a CSV cell, a form field) so that a
 * flag that is not {@code true}/{@code false} is reported instead of read as false.
 */
public final class EnterpriseValidator {

  /** The registry's columns, as the API's JSON, the CSV header and the problems name them. */
  public static final List<String> COLUMNS = List.of("creditCode", "name", "county", "industry", "aboveDesignatedSize",
      "taxCreditRating", "accountingCreditGood", "jointPunishmentTarget", "bankName", "bankAccount");
  /** Columns a CSV file may leave out (a registry update without them keeps the payee account). */
  public static final Set<String> OPTIONAL = Set.of("bankName", "bankAccount");

  private static final Set<String> RATINGS = Set.of("A", "B", "M", "C", "D");

  /** An enterprise record as given, every value as text (null when absent). */
  public record Input(String creditCode, String name, String county, String industry, String aboveDesignatedSize,
      String taxCreditRating, String accountingCreditGood, String jointPunishmentTarget, String bankName,
      String bankAccount) {

    public static Input of(java.util.Map<String, String> values) {
      return new Input(values.get("creditCode"), values.get("name"), values.get("county"), values.get("industry"),
          values.get("aboveDesignatedSize"), values.get("taxCreditRating"), values.get("accountingCreditGood"),
          values.get("jointPunishmentTarget"), values.get("bankName"), values.get("bankAccount"));
    }
  }

  /** The record to save, or the problems (then {@code enterprise} is null). */
  public record Checked(Enterprise enterprise, List<FieldProblem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private EnterpriseValidator() {}

  public static Checked check(Input r) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = trim(r.creditCode());
    String[] codeProblem = CreditCode.problem(code);
    if (codeProblem != null) {
      problems.add(new FieldProblem("creditCode", codeProblem[0], codeProblem[1]));
    }
    String name = trim(r.name());
    if (name == null || name.length() > 200) {
      problems.add(new FieldProblem("name", "须填写企业名称（不超过200字）", "name is required (at most 200 characters)"));
    }
    String county = trim(r.county());
    if (county == null || County.of(county).isEmpty()) {
      problems.add(new FieldProblem("county", (county == null ? "须填写县区代码" : "未知的县区代码“" + county + "”")
          + "，须为：" + countyCodes(), "county must be one of " + countyCodes()));
    }
    String industry = trim(r.industry());
    if (industry == null || Industry.of(industry).isEmpty()) {
      problems.add(new FieldProblem("industry", "行业代码无效（见政策目录行业代码表）", "industry must be a catalogue industry code"));
    }
    String rating = trim(r.taxCreditRating());
    if (rating == null || !RATINGS.contains(rating)) {
      problems.add(new FieldProblem("taxCreditRating", "纳税信用等级须为 A、B、M、C 或 D", "taxCreditRating must be A, B, M, C or D"));
    }
    Boolean above = flag(problems, "aboveDesignatedSize", r.aboveDesignatedSize());
    Boolean accounting = flag(problems, "accountingCreditGood", r.accountingCreditGood());
    Boolean punished = flag(problems, "jointPunishmentTarget", r.jointPunishmentTarget());
    // The payee account finance pays to: optional, but both or neither.
    String bank = trim(r.bankName());
    String account = trim(r.bankAccount()) == null ? null : r.bankAccount().replace(" ", "");
    if ((bank == null) != (account == null)) {
      problems.add(new FieldProblem(bank != null ? "bankAccount" : "bankName", "开户银行与银行账号须同时填写",
          "bankName and bankAccount go together"));
    }
    if (bank != null && bank.length() > 200) {
      problems.add(new FieldProblem("bankName", "开户银行不超过200字", "bankName must have at most 200 characters"));
    }
    if (account != null && !account.matches("[0-9]{8,32}")) {
      problems.add(new FieldProblem("bankAccount", "银行账号须为8至32位数字", "bankAccount must have 8 to 32 digits"));
    }
    if (!problems.isEmpty()) {
      return new Checked(null, problems);
    }
    return new Checked(new Enterprise(code, name, county, industry, above, rating, accounting, punished, bank, account),
        List.of());
  }

  private static Boolean flag(List<FieldProblem> problems, String field, String value) {
    String v = trim(value);
    if (v != null && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
      return Boolean.valueOf(v.toLowerCase(Locale.ROOT));
    }
    problems.add(new FieldProblem(field, v == null ? "须填写 true 或 false" : "须为 true 或 false，不能是“" + v + "”",
        field + " must be true or false"));
    return null;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public static String countyCodes() {
    return Arrays.stream(County.values()).map(County::code).toList().toString();
  }
}
