package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.imports.CsvLines;
import cn.liuzhou.incentives.imports.EnterpriseImport;
import cn.liuzhou.incentives.registry.CreditRecord;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseAccount;
import cn.liuzhou.incentives.registry.EnterpriseAccounts;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.EnterpriseValidator;
import cn.liuzhou.incentives.security.Caller;
import cn.liuzhou.incentives.security.LegacyEnterpriseLogins;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  private final EnterpriseRegistry registry;
  private final EnterpriseAccounts accounts;
  private final LegacyEnterpriseLogins legacy;

  private final cn.liuzhou.incentives.review.PayeeRefresh payees;
  private final EnterpriseImport imports;

  public EnterpriseController(EnterpriseRegistry registry, EnterpriseAccounts accounts, LegacyEnterpriseLogins legacy,
      cn.liuzhou.incentives.review.PayeeRefresh payees, EnterpriseImport imports) {
    this.payees = payees;
    this.imports = imports;
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
  public ResponseEntity<Enterprise> put(@PathVariable String creditCode, @RequestBody EnterpriseRequest r,
      @RequestParam(required = false) String reason, Caller caller) {
    requireAdmin(caller);
    EnterpriseValidator.Checked checked = EnterpriseValidator.check(new EnterpriseValidator.Input(creditCode, r.name(),
        r.county(), r.industry(), text(r.aboveDesignatedSize()), r.taxCreditRating(), text(r.accountingCreditGood()),
        text(r.jointPunishmentTarget()), r.bankName(), r.bankAccount()));
    if (!checked.ok()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, checked.problems());
    }
    boolean created = registry.save(checked.enterprise(), caller.userId(), reason);
    payees.refresh(creditCode);
    Enterprise saved = registry.find(creditCode).orElseThrow(); // the payee account is kept when the request omits it
    return created ? ResponseEntity.created(Locations.of("/api/enterprises/" + creditCode)).body(saved) : ResponseEntity.ok(saved);
  }

  /**
   * Imports registry records from CSV (UTF-8, with or without BOM; a header row of the registry's column names):
   * every line is checked and, if any is bad, nothing is applied and 422 lists each line, field and reason.
   */
  @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
  public ResponseEntity<?> importCsv(@RequestBody byte[] csv, @RequestParam(required = false) String reason, Caller caller) {
    requireAdmin(caller);
    try {
      EnterpriseImport.Result result = imports.apply(csv, caller.userId(), reason == null || reason.isBlank() ? "CSV 导入" : reason);
      return ResponseEntity.ok(java.util.Map.of("created", result.created(), "updated", result.updated(),
          "unchanged", result.unchanged()));
    } catch (CsvLines.Refused e) {
      return ApiExceptionHandler.lineProblems(e.problems());
    }
  }

  private static String text(Boolean b) {
    return b == null ? null : b.toString();
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
    if (legacy.isStaffLogin(creditCode)) {
      // logins are looked up in the registry first: an enterprise account would shadow this member of staff
      throw new ApiException(HttpStatus.CONFLICT, List.of(new ApiException.FieldProblem("creditCode",
          "该代码已是工作人员账号，不能再开设企业账号", "the code is a staff login; no enterprise login can have it")));
    }
    boolean exists = accounts.find(creditCode).isPresent();
    if (r.password() == null && r.enabled() != null && exists) {
      accounts.setEnabled(creditCode, r.enabled(), caller.userId());
      return ResponseEntity.noContent().build();
    }
    if (r.password() == null && Boolean.FALSE.equals(r.enabled()) && legacy.isLegacyLogin(creditCode)) {
      // an earlier release's login (still a Camunda user) is disabled by moving it here without a usable password
      accounts.setPassword(creditCode, (java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID()).replace("-", ""), caller.userId());
      accounts.setEnabled(creditCode, false, caller.userId());
      legacy.removeCamundaUser(creditCode);
      return ResponseEntity.noContent().build();
    }
    if (r.password() == null || r.password().isBlank() || r.password().length() < 4
        || r.password().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      // bcrypt reads at most 72 bytes (a Chinese character is 3): a longer password would be refused by the encoder
      throw ApiException.invalid("password", "密码须为4个字符以上、不超过72字节（汉字每字3字节）",
          "password must have at least 4 characters and at most 72 bytes in UTF-8");
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
    return ResponseEntity.created(Locations.of("/api/enterprises/" + creditCode + "/credit-records/" + saved.id())).body(saved);
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

}
