package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.CreditRecord;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseAccount;
import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.Industry;
import cn.liuzhou.incentives.security.Caller;
import cn.liuzhou.incentives.security.LegacyEnterpriseLogins;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The enterprise registry, kept by administrators: records, logins and credit records. */
@RestController
@RequestMapping("/api/enterprises")
public class EnterpriseController {

  public record EnterpriseRequest(String name, String county, String industry, Boolean aboveDesignatedSize,
      String taxCreditRating, Boolean accountingCreditGood, Boolean jointPunishmentTarget, String bankName,
      String bankAccount) {}

  /** {@code password} sets it (and enables the login); {@code enabled} alone enables or disables an existing login. */
  public record AccountRequest(String password, Boolean enabled) {}

  public record CreditRecordRequest(String category, Boolean serious, String recordedOn, String description) {}

  public record EnterpriseView(Enterprise enterprise, List<CreditRecord> creditRecords) {}

  private static final Set<String> RATINGS = Set.of("A", "B", "M", "C", "D");

  private final EnterpriseRegistry registry;
  private final EnterpriseAccounts accounts;
  private final LegacyEnterpriseLogins legacy;

  private final cn.liuzhou.incentives.review.PayeeRefresh payees;

  public EnterpriseController(EnterpriseRegistry registry, EnterpriseAccounts accounts, LegacyEnterpriseLogins legacy,
      cn.liuzhou.incentives.review.PayeeRefresh payees) {
    this.payees = payees;
    this.registry = registry;
    this.accounts = accounts;
    this.legacy = legacy;
  }

  @GetMapping("/{creditCode}")
  public EnterpriseView get(@PathVariable String creditCode, Caller caller) {
    Enterprise e = registry.find(creditCode).orElseThrow(() -> ApiException.notFound("企业", creditCode));
    boolean allowed = caller.isAdmin() || caller.isAuditor() || caller.isBureau()
        || caller.enterprise().map(creditCode::equals).orElse(false)
        || caller.county().map(e.county()::equals).orElse(false);
    if (!allowed) {
      throw ApiException.forbidden("无权查看该企业", "You may not read this enterprise");
    }
    return new EnterpriseView(e, registry.records(creditCode));
  }

  @PutMapping("/{creditCode}")
  @Transactional
  public ResponseEntity<Enterprise> put(@PathVariable String creditCode, @RequestBody EnterpriseRequest r, Caller caller) {
    requireAdmin(caller);
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    if (!CreditCode.isValid(creditCode)) {
      problems.add(new ApiException.FieldProblem("creditCode", "统一社会信用代码格式或校验位错误（GB 32100）",
          "Not a valid unified social credit code (GB 32100 check character)"));
    }
    if (r.name() == null || r.name().isBlank() || r.name().length() > 200) {
      problems.add(new ApiException.FieldProblem("name", "须填写企业名称（不超过200字）", "name is required (at most 200 characters)"));
    }
    if (r.county() == null || County.of(r.county()).isEmpty()) {
      problems.add(new ApiException.FieldProblem("county", "县区代码无效，须为：" + countyCodes(), "county must be one of " + countyCodes()));
    }
    if (r.industry() == null || Industry.of(r.industry()).isEmpty()) {
      problems.add(new ApiException.FieldProblem("industry", "行业代码无效（见政策目录行业代码表）", "industry must be a catalogue industry code"));
    }
    if (r.taxCreditRating() == null || !RATINGS.contains(r.taxCreditRating())) {
      problems.add(new ApiException.FieldProblem("taxCreditRating", "纳税信用等级须为 A、B、M、C 或 D", "taxCreditRating must be A, B, M, C or D"));
    }
    requireFlag(problems, "aboveDesignatedSize", r.aboveDesignatedSize());
    requireFlag(problems, "accountingCreditGood", r.accountingCreditGood());
    requireFlag(problems, "jointPunishmentTarget", r.jointPunishmentTarget());
    // The payee account finance pays to: optional, but both or neither.
    boolean hasBank = r.bankName() != null && !r.bankName().isBlank();
    boolean hasAccount = r.bankAccount() != null && !r.bankAccount().isBlank();
    if (hasBank != hasAccount) {
      problems.add(new ApiException.FieldProblem(hasBank ? "bankAccount" : "bankName", "开户银行与银行账号须同时填写",
          "bankName and bankAccount go together"));
    }
    if (hasBank && r.bankName().length() > 200) {
      problems.add(new ApiException.FieldProblem("bankName", "开户银行不超过200字", "bankName must have at most 200 characters"));
    }
    if (hasAccount && !r.bankAccount().replace(" ", "").matches("[0-9]{8,32}")) {
      problems.add(new ApiException.FieldProblem("bankAccount", "银行账号须为8至32位数字", "bankAccount must have 8 to 32 digits"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    Enterprise e = new Enterprise(creditCode, r.name().trim(), r.county(), r.industry(), r.aboveDesignatedSize(),
        r.taxCreditRating(), r.accountingCreditGood(), r.jointPunishmentTarget(), hasBank ? r.bankName().trim() : null,
        hasAccount ? r.bankAccount().replace(" ", "") : null);
    boolean created = registry.save(e, caller.userId());
    payees.refresh(creditCode);
    Enterprise saved = registry.find(creditCode).orElseThrow(); // the payee account is kept when the request omits it
    return created ? ResponseEntity.created(URI.create("/api/enterprises/" + creditCode)).body(saved) : ResponseEntity.ok(saved);
  }

  /**
   * Sets an enterprise's login password (creating the login: 201) and, with {@code enabled}, enables or disables it.
   * The login lives in the registry's accounts, never as a Camunda user; a login of an earlier release that is still a
   * Camunda user is moved here.
   */
  @PutMapping("/{creditCode}/account")
  @Transactional
  public ResponseEntity<Void> account(@PathVariable String creditCode, @RequestBody AccountRequest r, Caller caller) {
    requireAdmin(caller);
    registry.find(creditCode).orElseThrow(() -> ApiException.notFound("企业", creditCode));
    boolean exists = accounts.find(creditCode).isPresent();
    if (r.password() == null && r.enabled() != null && exists) {
      accounts.setEnabled(creditCode, r.enabled(), caller.userId());
      return ResponseEntity.noContent().build();
    }
    if (r.password() == null || r.password().isBlank() || r.password().length() < 4 || r.password().length() > 128) {
      throw ApiException.invalid("password", "密码须为4至128个字符", "password must have 4 to 128 characters");
    }
    boolean created = accounts.setPassword(creditCode, r.password(), caller.userId());
    if (Boolean.FALSE.equals(r.enabled())) {
      accounts.setEnabled(creditCode, false, caller.userId());
    }
    legacy.removeCamundaUser(creditCode);
    return created ? ResponseEntity.status(HttpStatus.CREATED).build() : ResponseEntity.noContent().build();
  }

  /** The enterprise's login: whether it is enabled, its last login and failures, who set it up (never the password). */
  @GetMapping("/{creditCode}/account")
  public EnterpriseAccount getAccount(@PathVariable String creditCode, Caller caller) {
    requireAdmin(caller);
    registry.find(creditCode).orElseThrow(() -> ApiException.notFound("企业", creditCode));
    return accounts.find(creditCode).orElseThrow(() -> ApiException.notFound("企业账号", creditCode));
  }

  @PostMapping("/{creditCode}/credit-records")
  @Transactional
  public ResponseEntity<CreditRecord> addRecord(@PathVariable String creditCode, @RequestBody CreditRecordRequest r, Caller caller) {
    requireAdmin(caller);
    registry.find(creditCode).orElseThrow(() -> ApiException.notFound("企业", creditCode));
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    if (r.category() == null || Arrays.stream(CreditRecord.Category.values()).noneMatch(c -> c.name().equals(r.category()))) {
      problems.add(new ApiException.FieldProblem("category", "类别须为 ENVIRONMENT、SAFETY、QUALITY、TAX 或 STATISTICS",
          "category must be ENVIRONMENT, SAFETY, QUALITY, TAX or STATISTICS"));
    }
    requireFlag(problems, "serious", r.serious());
    LocalDate recordedOn = null;
    try {
      recordedOn = r.recordedOn() == null ? null : LocalDate.parse(r.recordedOn());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (recordedOn == null || recordedOn.isAfter(LocalDate.now())) {
      problems.add(new ApiException.FieldProblem("recordedOn", "记录日期须为不晚于今天的日期（yyyy-MM-dd）",
          "recordedOn must be a date (yyyy-MM-dd) not in the future"));
    }
    if (r.description() == null || r.description().isBlank() || r.description().length() > 2000) {
      problems.add(new ApiException.FieldProblem("description", "须填写记录说明（不超过2000字）", "description is required (at most 2000 characters)"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    CreditRecord saved = registry.addRecord(creditCode, r.category(), r.serious(), recordedOn, r.description().trim(), caller.userId());
    return ResponseEntity.created(URI.create("/api/enterprises/" + creditCode + "/credit-records/" + saved.id())).body(saved);
  }

  static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw ApiException.forbidden("只有管理员可以执行此操作", "Only administrators may do this");
    }
  }

  private static void requireFlag(List<ApiException.FieldProblem> problems, String field, Boolean value) {
    if (value == null) {
      problems.add(new ApiException.FieldProblem(field, "须填写 true 或 false", field + " is required (true or false)"));
    }
  }

  private static String countyCodes() {
    return Arrays.stream(County.values()).map(County::code).toList().toString();
  }
}
