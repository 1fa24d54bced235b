package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.ledger.BudgetAccounts;
import cn.liuzhou.incentives.IncentiveProperties;
import cn.liuzhou.incentives.ledger.BudgetLedger;
import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PackageDeployer;
import cn.liuzhou.incentives.policy.PackageExamples;
import cn.liuzhou.incentives.policy.PackageRevision;
import cn.liuzhou.incentives.policy.PackageRevisions;
import cn.liuzhou.incentives.policy.PackageSettings;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyExample;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Policy packages for the administrators: what is active, its window, budget and notice period, and redeployment. */
@RestController
@RequestMapping("/api")
public class PackageController {

  public record DecisionVersion(String key, int version, String versionTag) {}

  /** A budget account: the package's, or one fiscal year's ({@code <code>-FY<year>}) where the source funds a year. */
  public record BudgetView(String account, BigDecimal total, BigDecimal reserved, BigDecimal disbursed, BigDecimal remaining) {}

  public record PackageView(String code, String titleZh, String source, LocalDate validFrom, LocalDate validTo,
      String roundingZh, String budgetNoteZh, List<MeasureView> measures, PackageRevision activeRevision,
      List<DecisionVersion> activeDecisions, LocalDate applicationOpens, LocalDate applicationCloses,
      boolean openToday, BudgetView budget, List<BudgetView> budgetYears, String publicNoticePeriod, List<PackageRevision> revisions,
      List<PackageSettings.Change> settingsChanges) {}

  public record MeasureView(String code, String packageCode, String clause, String titleZh, String applicant,
      String decisionKey, String amountSource, boolean projectBased, String nameList, List<FactSpec> facts,
      List<cn.liuzhou.incentives.policy.Measure.DocumentSpec> documents) {}

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final PackageSettings settings;
  private final BudgetLedger budgets;
  private final BudgetAccounts accounts;
  private final PackageDeployer deployer;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final IncentiveProperties properties;
  private final cn.liuzhou.incentives.policy.PackageDeploymentGuard guard;
  private final PackageExamples packageExamples;
  private final cn.liuzhou.incentives.policy.PackageProposals proposals;
  private final cn.liuzhou.incentives.policy.ProposalAdoption adoption;
  private final cn.liuzhou.incentives.policy.PackageChecker checker;

  public PackageController(cn.liuzhou.incentives.policy.PackageDeploymentGuard guard, PackageExamples packageExamples,
      cn.liuzhou.incentives.policy.PackageProposals proposals, cn.liuzhou.incentives.policy.ProposalAdoption adoption,
      PolicyCatalogue catalogue, PackageRevisions revisions, PackageSettings settings,
      BudgetLedger budgets, PackageDeployer deployer, RepositoryService repository, IdentityService identity,
      IncentiveProperties properties, BudgetAccounts accounts, cn.liuzhou.incentives.policy.PackageChecker checker) {
    this.checker = checker;
    this.accounts = accounts;
    this.proposals = proposals;
    this.adoption = adoption;
    this.guard = guard;
    this.packageExamples = packageExamples;
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.settings = settings;
    this.budgets = budgets;
    this.deployer = deployer;
    this.repository = repository;
    this.identity = identity;
    this.properties = properties;
  }

  @GetMapping("/measures")
  public List<MeasureView> measures() {
    return catalogue.packages().stream().flatMap(p -> p.measures().stream().map(m -> measure(p, m))).toList();
  }

  @GetMapping("/packages")
  public List<PackageView> packages(Caller caller) {
    return catalogue.packages().stream().map(p -> view(p, false)).toList();
  }

  @GetMapping("/packages/{code}")
  public PackageView get(@PathVariable String code, Caller caller) {
    return view(find(code), true);
  }

  @PutMapping("/packages/{code}/settings")
  @Transactional
  public PackageView settings(@PathVariable String code, @RequestBody JsonNode body, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    PolicyPackage pkg = find(code);
    if (body == null || !body.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, null, "请求体须为 JSON 对象", "The body must be a JSON object");
    }
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    body.fieldNames().forEachRemaining(f -> {
      if (!List.of("applicationOpens", "applicationCloses", "budget", "fiscalYear", "publicNoticePeriod").contains(f)) {
        problems.add(new ApiException.FieldProblem(f, "未知的设置项", "Unknown setting"));
      }
    });
    PackageSettings.Settings current = settings.get(code);
    LocalDate opens = body.has("applicationOpens") ? date(body, "applicationOpens", problems) : current.applicationOpens();
    LocalDate closes = body.has("applicationCloses") ? date(body, "applicationCloses", problems) : current.applicationCloses();
    String notice = current.publicNoticePeriod();
    if (body.has("publicNoticePeriod")) {
      notice = body.get("publicNoticePeriod").isNull() ? null : body.get("publicNoticePeriod").asText();
      if (notice != null && !isDuration(notice)) {
        problems.add(new ApiException.FieldProblem("publicNoticePeriod", "公示期须为 ISO-8601 时长，如 P5D",
            "publicNoticePeriod must be an ISO-8601 duration such as P5D"));
      }
    }
    if (opens != null && closes != null && closes.isBefore(opens)) {
      problems.add(new ApiException.FieldProblem("applicationCloses", "申报截止日期不得早于开始日期",
          "applicationCloses must not be before applicationOpens"));
    }
    BigDecimal budget = null;
    if (body.has("budget")) {
      JsonNode b = body.get("budget");
      // A JSON number such as 1e400 is infinite as a double: refuse it before any decimal conversion.
      boolean finite = b.isNumber() && !(b.isFloatingPointNumber() && !Double.isFinite(b.doubleValue()));
      BigDecimal value = finite ? b.decimalValue() : null;
      if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2
          || value.setScale(2, java.math.RoundingMode.DOWN).precision() > 18) {
        problems.add(new ApiException.FieldProblem("budget", "预算须为不小于零、最多两位小数且不超过一万万亿元的金额（元）",
            "budget must be an amount in yuan, not negative, with at most two decimals and below 10^16"));
      } else {
        budget = b.decimalValue();
      }
    }
    // Where the source funds a year, a budget is set for one fiscal year (default: the current one).
    String account = code;
    if (body.has("fiscalYear")) {
      JsonNode y = body.get("fiscalYear");
      if (!accounts.perYear(code)) {
        problems.add(new ApiException.FieldProblem("fiscalYear", "本政策包的预算不分年度", "This package's budget is not per fiscal year"));
      } else if (!y.canConvertToInt() || !y.isIntegralNumber() || y.asInt() > 2100
          || y.asInt() < pkg.validFrom().getYear() || pkg.validTo() != null && y.asInt() > pkg.validTo().getYear()) {
        problems.add(new ApiException.FieldProblem("fiscalYear", "年度须为本政策包有效期内的年份（自" + pkg.validFrom().getYear() + "年起）",
            "fiscalYear must be a year within the package's validity (from " + pkg.validFrom().getYear() + ")"));
      } else {
        account = accounts.account(code, LocalDate.of(y.asInt(), 1, 1));
      }
    } else if (accounts.perYear(code)) {
      account = accounts.account(code, LocalDate.now());
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    if (budget != null) {
      BigDecimal previous = budgets.find(account).map(BudgetLedger.Budget::total).orElse(null);
      budgets.ensure(account, null);
      if (!budgets.setTotal(account, budget)) {
        throw ApiException.conflict("budget", "预算不得低于已占用和已拨付的金额之和",
            "budget must not be below what is already reserved and disbursed");
      }
      settings.recordChange(code, account.equals(code) ? "budget" : "budget " + account, previous, budget, caller.userId());
    }
    settings.save(code, new PackageSettings.Settings(opens, closes, notice), caller.userId());
    return view(pkg, true);
  }

  /** Redeploys the package's tables (DMN XML in the body). Checked first; refused with the reasons, changing nothing. */
  @PostMapping(path = "/packages/{code}/deployments",
      consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/dmn+xml", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public ResponseEntity<PackageRevision> deploy(@PathVariable String code, @RequestBody byte[] dmn,
      @org.springframework.web.bind.annotation.RequestParam(required = false) String comment, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    PolicyPackage pkg = find(code);
    if (dmn == null || dmn.length == 0) {
      throw ApiException.invalid("dmn", "请求体须为 DMN XML", "The body must be the package's DMN XML");
    }
    String owner = guard.packageOf(new String(dmn, java.nio.charset.StandardCharsets.UTF_8)).map(PolicyPackage::code).orElse(null);
    if (!code.equals(owner)) {
      throw ApiException.invalid("dmn", "DMN 无法解析，或其决策键不以政策包代码 " + code + " 开头",
          "The DMN cannot be parsed or its decision keys do not start with the package code " + code);
    }
    identity.setAuthentication(caller.userId(), new ArrayList<>(caller.groups()));
    try {
      PackageRevision revision = deployer.deploy(pkg, dmn, caller.userId());
      if (comment != null && !comment.isBlank()) {
        revisions.setComment(code, revision.revision(), comment.trim().length() > 2000 ? comment.trim().substring(0, 2000) : comment.trim());
      }
      return ResponseEntity.created(Locations.of("/api/packages/" + code)).body(revision);
    } catch (org.camunda.bpm.dmn.engine.DmnEngineException | org.camunda.bpm.engine.ProcessEngineException e) {
      if (e instanceof cn.liuzhou.incentives.policy.PackageRejectedException rejected) {
        throw rejected;
      }
      throw ApiException.invalid("dmn", "DMN 部署失败：" + e.getMessage(), "The DMN could not be deployed: " + e.getMessage());
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Shipped tables recorded as proposals because an administrator's revision is newer (policy administrators). */
  @GetMapping("/packages/{code}/proposals")
  public List<cn.liuzhou.incentives.policy.PackageProposal> proposals(@PathVariable String code, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    return proposals.all(find(code).code());
  }

  @GetMapping("/packages/{code}/proposals/{id}/dmn")
  public ResponseEntity<byte[]> proposalDmn(@PathVariable String code, @PathVariable long id, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    var proposal = proposals.get(find(code).code(), id).orElseThrow(() -> proposalNotFound(id));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
        .body(proposals.dmn(proposal.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Deploys the proposal's tables as the package's next revision (checked like any deployment); 409 when not open. */
  @PostMapping("/packages/{code}/proposals/{id}/adopt")
  public ResponseEntity<PackageRevision> adopt(@PathVariable String code, @PathVariable long id, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    PolicyPackage pkg = find(code);
    identity.setAuthentication(caller.userId(), new ArrayList<>(caller.groups()));
    try {
      var outcome = adoption.adopt(pkg, id, caller.userId()).orElseThrow(() -> proposalNotFound(id));
      if (outcome instanceof cn.liuzhou.incentives.policy.ProposalAdoption.Outcome.NotOpen notOpen) {
        throw ApiException.conflict(null, "该提案已处理（" + notOpen.proposal().status() + "）",
            "The proposal is no longer open (" + notOpen.proposal().status() + ")");
      }
      var revision = ((cn.liuzhou.incentives.policy.ProposalAdoption.Outcome.Adopted) outcome).revision();
      return ResponseEntity.created(Locations.of("/api/packages/" + code)).body(revision);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** One revision's tables as deployed, to copy an administrator's revision back to dmn/ (policy administrators). */
  @GetMapping("/packages/{code}/revisions/{revision}/dmn")
  public ResponseEntity<byte[]> revisionDmn(@PathVariable String code, @PathVariable int revision, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    PolicyPackage pkg = find(code);
    byte[] xml = deployer.revisionDmn(pkg.code(), revision).orElseThrow(() -> ApiException.notFound(
        "revision", code + "-r" + revision));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
        .header("Content-Disposition", "attachment; filename=\"" + pkg.code() + ".dmn\"").body(xml);
  }

  private static ApiException proposalNotFound(long id) {
    return ApiException.notFound("proposal", String.valueOf(id));
  }

  /** What a dry run found: located problems, each worked case's result, and the rules changed against the active revision. */
  public record DryRunView(boolean passes, long failures, List<cn.liuzhou.incentives.policy.DmnDiagnostics.Problem> problems,
      List<cn.liuzhou.incentives.policy.PackageChecker.ExampleResult> cases, String activeVersionTag,
      List<cn.liuzhou.incentives.policy.DmnDiff.DecisionDiff> diff) {}

  /** Checks DMN tables against the package's worked cases and compares them with the active revision; deploys nothing. */
  @PostMapping(path = "/packages/{code}/deployments/dry-run",
      consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/dmn+xml", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  public DryRunView dryRun(@PathVariable String code, @RequestBody byte[] dmn, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    return dryRunOf(find(code), dmn, null);
  }

  public DryRunView dryRunOf(PolicyPackage pkg, byte[] dmn, List<PolicyExample> cases) {
    if (dmn == null || dmn.length == 0) {
      throw ApiException.invalid("dmn", "请求体须为 DMN XML", "The body must be the package's DMN XML");
    }
    var run = checker.dryRun(pkg, dmn, cases);
    List<cn.liuzhou.incentives.policy.DmnDiff.DecisionDiff> diff = List.of();
    byte[] active = deployer.activeXml(pkg).orElse(null);
    if (active != null && run.problems().stream().noneMatch(p -> p.zh().startsWith("DMN 文件无法解析"))) {
      try {
        diff = cn.liuzhou.incentives.policy.DmnDiff.between(active, dmn);
      } catch (RuntimeException unreadable) {
        diff = List.of();
      }
    }
    return new DryRunView(run.passes(), run.failures(), run.problems(), run.cases(),
        revisions.active(pkg.code()).map(PackageRevision::versionTag).orElse(null), diff);
  }

  /** Runs worked cases (a JSON array, not saved) against the package's active tables. */
  @PostMapping(path = "/packages/{code}/examples/check", consumes = MediaType.APPLICATION_JSON_VALUE)
  public DryRunView checkExamples(@PathVariable String code, @RequestBody String json, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    PolicyPackage pkg = find(code);
    return checkAgainstActive(pkg, parseExamples(pkg, json));
  }

  public DryRunView checkAgainstActive(PolicyPackage pkg, List<PolicyExample> cases) {
    byte[] active = deployer.activeXml(pkg).orElseThrow(() -> ApiException.conflict("examples",
        "该政策包尚无生效的决策表", "The package has no active tables"));
    var run = checker.dryRun(pkg, active, cases);
    return new DryRunView(run.passes(), run.failures(), run.problems(), run.cases(),
        revisions.active(pkg.code()).map(PackageRevision::versionTag).orElse(null), List.of());
  }

  @GetMapping("/packages/{code}/examples")
  public List<PolicyExample> examples(@PathVariable String code) {
    return packageExamples.forPackage(find(code));
  }

  /**
   * Replaces the worked cases every later deployment of the package must pass (a new quarter's
   * numbers). Checked for form here; checked against tables at the next deployment.
   */
  @PutMapping(path = "/packages/{code}/examples", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public List<PolicyExample> replaceExamples(@PathVariable String code, @RequestBody String json,
      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean acceptFailing, Caller caller) {
    EnterpriseController.requireAdmin(caller);
    PolicyPackage pkg = find(code);
    List<PolicyExample> parsed = parseExamples(pkg, json);
    // Before saving: which cases the active tables fail (a new quarter's numbers fail until its tables are deployed).
    DryRunView check = checkAgainstActive(pkg, parsed);
    if (!check.passes() && !acceptFailing) {
      List<ApiException.FieldProblem> failing = new ArrayList<>();
      for (int i = 0; i < check.cases().size(); i++) {
        var c = check.cases().get(i);
        if (!c.passed()) {
          failing.add(new ApiException.FieldProblem("[" + i + "]", "当前生效的决策表（" + check.activeVersionTag() + "）未通过示例「"
              + c.name() + "」：预期 " + c.expected() + "，实际 " + c.got(), "The active tables (" + check.activeVersionTag()
              + ") fail case '" + c.name() + "': " + c.failure()));
        }
      }
      check.problems().forEach(p -> failing.add(new ApiException.FieldProblem("dmn", p.zh(), p.en())));
      failing.add(new ApiException.FieldProblem("acceptFailing", "未保存。如确认新示例将由随后部署的新决策表满足，请加参数 acceptFailing=true 再次提交",
          "Not saved. If the next deployment will satisfy them, send again with acceptFailing=true"));
      throw new ApiException(HttpStatus.CONFLICT, failing);
    }
    packageExamples.replace(pkg, json, caller.userId());
    settings.recordChange(code, "examples", null, parsed.size() + " cases" + (check.passes() ? "" : ", "
        + check.failures() + " failing on " + check.activeVersionTag()), caller.userId());
    return parsed;
  }

  private List<PolicyExample> parseExamples(PolicyPackage pkg, String json) {
    List<PolicyExample> parsed;
    try {
      parsed = PackageExamples.parse(json);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("examples", "示例格式错误：" + e.getMessage(), "The examples are malformed: " + e.getMessage());
    }
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      if (pkg.measure(parsed.get(i).measure()).isEmpty()) {
        problems.add(new ApiException.FieldProblem("[" + i + "].measure", "不是本政策包的措施：" + parsed.get(i).measure(),
            "Not a measure of this package: " + parsed.get(i).measure()));
      }
    }
    if (parsed.isEmpty()) {
      problems.add(new ApiException.FieldProblem("examples", "至少需要一个示例", "At least one case is required"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    return parsed;
  }

  private PolicyPackage find(String code) {
    return catalogue.find(code).orElseThrow(() -> ApiException.notFound("政策包", code));
  }

  private PackageView view(PolicyPackage p, boolean detailed) {
    PackageSettings.Settings s = settings.get(p.code());
    PackageRevision active = revisions.active(p.code()).orElse(null);
    List<DecisionVersion> decisions = active == null ? List.of()
        : repository.createDecisionDefinitionQuery().deploymentId(active.deploymentId()).orderByDecisionDefinitionKey().asc()
            .list().stream().map(d -> new DecisionVersion(d.getKey(), d.getVersion(), d.getVersionTag())).toList();
    BudgetView budget = budgets.find(accounts.account(p.code(), LocalDate.now()))
        .map(b -> new BudgetView(b.packageCode(), b.total(), b.reserved(), b.disbursed(), b.remaining())).orElse(null);
    List<BudgetView> years = !p.budgetPerYear() ? null : budgets.accountsOf(p.code() + "-FY").stream()
        .map(b -> new BudgetView(b.packageCode(), b.total(), b.reserved(), b.disbursed(), b.remaining())).toList();
    return new PackageView(p.code(), p.titleZh(), p.source(), p.validFrom(), p.validTo(), p.roundingZh(), p.budgetNoteZh(),
        p.measures().stream().map(m -> measure(p, m)).toList(), active, decisions, s.applicationOpens(),
        s.applicationCloses(), s.windowOpenOn(LocalDate.now()), budget, years,
        s.publicNoticePeriod() != null ? s.publicNoticePeriod() : properties.publicNoticePeriod(),
        detailed ? revisions.all(p.code()) : null, detailed ? settings.changes(p.code()) : null);
  }

  private static MeasureView measure(PolicyPackage p, Measure m) {
    return new MeasureView(m.code(), p.code(), m.clause(), m.titleZh(), m.applicant(), m.decision(), m.amountSource(),
        m.requiresProject(), m.nameList(), m.facts(), m.isEnterpriseMeasure() ? m.documents() : List.of());
  }

  private static LocalDate date(JsonNode body, String field, List<ApiException.FieldProblem> problems) {
    JsonNode v = body.get(field);
    if (v.isNull()) {
      return null;
    }
    try {
      return LocalDate.parse(v.asText());
    } catch (RuntimeException e) {
      problems.add(new ApiException.FieldProblem(field, "须为日期（yyyy-MM-dd）", "must be a date (yyyy-MM-dd)"));
      return null;
    }
  }

  private static boolean isDuration(String value) {
    try {
      return !Duration.parse(value).isNegative() && !Duration.parse(value).isZero();
    } catch (RuntimeException e) {
      try {
        return !Period.parse(value).isNegative() && !Period.parse(value).isZero();
      } catch (RuntimeException e2) {
        return false;
      }
    }
  }
}
