package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.Objections;
import cn.liuzhou.incentives.policy.FactError;
import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Facts;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PackageRevision;
import cn.liuzhou.incentives.policy.PackageRevisions;
import cn.liuzhou.incentives.policy.PackageSettings;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.Project;
import cn.liuzhou.incentives.registry.ProjectRegistry;
import cn.liuzhou.incentives.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What enterprises and county staff do to applications: file, amend, object. Each call writes the
 * ledger row and moves the process in one transaction, so a failure leaves no half-written record.
 */
@Service
public class ApplicationService {

  public static final String PROCESS_KEY = "incentive-application";
  public static final String OBJECTION_PROCESS_KEY = "objection-examination";

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final PackageSettings settings;
  private final EnterpriseRegistry registry;
  private final ApplicationRepository applications;
  private final ApplicationJournal journal;
  private final RuntimeService runtime;
  private final WorkflowDeployer workflow;
  private final Objections objections;
  private final ProjectRegistry projects;
  private final ObjectMapper json;
  private final Clock clock;

  public ApplicationService(PolicyCatalogue catalogue, PackageRevisions revisions, PackageSettings settings,
      EnterpriseRegistry registry, ApplicationRepository applications, ApplicationJournal journal,
      RuntimeService runtime, ObjectMapper json, Optional<Clock> clock, WorkflowDeployer workflow, Objections objections,
      ProjectRegistry projects) {
    this.projects = projects;
    this.workflow = workflow;
    this.objections = objections;
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.settings = settings;
    this.registry = registry;
    this.applications = applications;
    this.journal = journal;
    this.runtime = runtime;
    this.json = json;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @Transactional
  public ApplicationRecord file(Caller caller, String measureCode, String creditCode, String projectId,
      Map<String, Object> facts) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    Measure measure = null;
    PolicyPackage pkg = null;
    if (measureCode == null || measureCode.isBlank()) {
      problems.add(new ApiException.FieldProblem("measureCode", "缺少措施代码", "measureCode is required"));
    } else {
      measure = catalogue.measure(measureCode).orElse(null);
      pkg = catalogue.packageOf(measureCode).orElse(null);
      if (measure == null) {
        String shown = measureCode.length() > 60 ? measureCode.substring(0, 60) + "…" : measureCode; // never echo a huge input
        problems.add(new ApiException.FieldProblem("measureCode", "未知的措施代码：" + shown, "Unknown measure: " + shown));
      } else if (!measure.isEnterpriseMeasure()) {
        problems.add(new ApiException.FieldProblem("measureCode", "该措施不由企业申报（由市工业和信息化局组织县区评比）",
            "This measure is not filed by enterprises (the bureau ranks the counties)"));
      }
    }
    if (creditCode == null || creditCode.isBlank()) {
      problems.add(new ApiException.FieldProblem("creditCode", "缺少统一社会信用代码", "creditCode is required"));
    } else if (!CreditCode.isValid(creditCode)) {
      problems.add(new ApiException.FieldProblem("creditCode", "统一社会信用代码格式或校验位错误（GB 32100）",
          "creditCode is not a valid unified social credit code (GB 32100 check character)"));
    }
    if (measure != null && measure.requiresProject()) {
      // Per-project rules count by registered projects of the filer, never by a number typed here.
      Optional<Project> project = projectId == null ? Optional.empty() : projects.lock(projectId);
      if (project.isEmpty() || creditCode == null || !project.get().creditCode().equals(creditCode)) {
        problems.add(new ApiException.FieldProblem("projectId",
            "本措施按项目申报：请填写本企业已登记的项目代码（PUT /api/projects/{项目代码} 登记）",
            "This measure is per project: projectId must be a project registered to the applicant (PUT /api/projects/{code})"));
      }
    } else {
      projectId = null; // measures that are not per project count per enterprise
    }
    if (problems.isEmpty() && measure.isEnterpriseMeasure()) {
      PackageSettings.Settings s = settings.get(pkg.code());
      if (!s.windowOpenOn(LocalDate.now(clock))) {
        throw ApiException.conflict("measureCode",
            "政策包 " + pkg.code() + " 当前不在申报期内（申报期：" + window(s) + "）",
            "Package " + pkg.code() + " is not open for applications today (window: " + windowEn(s) + ")");
      }
    }
    Facts.Checked checked = null;
    if (measure != null && measure.isEnterpriseMeasure()) {
      checked = Facts.check(measure, facts);
      for (FactError e : checked.errors()) {
        problems.add(new ApiException.FieldProblem(e.field(), e.zh(), e.en()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    Optional<Enterprise> enterprise = registry.find(creditCode);
    authoriseFiling(caller, creditCode, enterprise);
    LocalDate today = LocalDate.now(clock);
    PackageRevision revision = revisions.active(pkg.code()).orElseThrow(() -> new IllegalStateException("No tables for " + measureCode));

    String id = "SQ-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    Instant now = Instant.now(clock);
    ApplicationRecord record = new ApplicationRecord(id, measure.code(), pkg.code(), creditCode,
        enterprise.map(Enterprise::county).orElse(null), projectId, write(checked.exact()), ApplicationStatus.SCREENING,
        null, null, null, null, null, measure.decision(), revision.versionTag(), caller.userId(), now, now, null, null,
        today, null, null, null, null, null, null);
    applications.insert(record);

    Map<String, Object> variables = new HashMap<>(factVariables(measure, checked));
    variables.put(Variables.APPLICATION_ID, id);
    variables.put(Variables.PACKAGE_CODE, pkg.code());
    variables.put(Variables.MEASURE_CODE, measure.code());
    variables.put(Variables.MEASURE_TITLE, measure.titleZh() + "（" + pkg.code() + " " + measure.clause() + "）");
    variables.put(Variables.CREDIT_CODE, creditCode);
    variables.put(Variables.APPLICANT_NAME, enterprise.map(Enterprise::name).orElse(creditCode));
    variables.put(Variables.COUNTY, record.county());
    variables.put(Variables.PROJECT_ID, projectId);
    variables.put(Variables.FILED_BY, caller.userId());
    variables.put(Variables.FILED_ON, today.toString());
    variables.put(Variables.GENERAL_DECISION_KEY, pkg.generalDecisionKey());
    variables.put(Variables.MEASURE_DECISION_KEY, measure.decision());
    variables.put(Variables.DECISION_VERSION_TAG, revision.versionTag());
    var instance = runtime.createProcessInstanceById(workflow.definitionId(PROCESS_KEY)).businessKey(id)
        .setVariables(variables).execute();
    applications.attachProcess(id, instance.getId());
    journal.record(id, "FILED", caller.userId(), ApplicationStatus.SCREENING.name(), measure.code() + " " + revision.versionTag());
    return applications.get(id);
  }

  /**
   * Amends a returned application. Only the facts that change need to be sent: they are merged into the facts
   * on file (a fact sent as {@code null} is withdrawn, for optional facts; none at all resubmits them as they are),
   * and the merged set is checked as a filing is. The answer already shows the new status (SCREENING: screened again, the earlier award no longer
   * stands) and no award until screening has computed it.
   */
  @Transactional
  public ApplicationRecord amend(Caller caller, String id, Map<String, Object> facts) {
    ApplicationRecord app = applications.lock(id).orElseThrow(() -> ApiException.notFound("申请", id));
    authoriseApplicantAction(caller, app);
    if (app.status() != ApplicationStatus.RETURNED) {
      throw ApiException.conflict("status", "只有已退回的申请可以补正，当前状态：" + app.status().zh(),
          "Only a RETURNED application can be amended; it is " + app.status());
    }
    Measure measure = catalogue.measure(app.measureCode()).orElseThrow();
    Map<String, Object> merged = new java.util.LinkedHashMap<>(read(app.factsJson()));
    // No facts at all resubmits the facts on file (e.g. after uploading the evidence the county asked for).
    (facts == null ? Map.<String, Object>of() : facts).forEach((name, value) -> {
      if (value == null) {
        merged.remove(name);
      } else {
        merged.put(name, value);
      }
    });
    Facts.Checked checked = Facts.check(measure, merged);
    if (!checked.ok()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
          checked.errors().stream().map(e -> new ApiException.FieldProblem(e.field(), e.zh(), e.en())).toList());
    }
    String changes = changes(measure, app.factsJson(), checked.exact());
    applications.setFacts(id, write(checked.exact()));
    Map<String, Object> variables = new HashMap<>(factVariables(measure, checked));
    variables.put(Variables.EXPERT_RATING, null); // amended facts are rated again, never on an earlier rating
    runtime.createMessageCorrelation("AmendmentSubmitted").processInstanceBusinessKey(id)
        .setVariables(variables).correlateWithResult();
    // Screened again from here: the return's reasons and the earlier award no longer stand.
    applications.setStatus(id, ApplicationStatus.SCREENING);
    applications.setReasons(id, "[]");
    journal.record(id, "AMENDED", caller.userId(), ApplicationStatus.SCREENING.name(),
        changes == null || changes.isBlank() ? "按原申报事实重新提交" : changes);
    return applications.get(id);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String factsJson) {
    try {
      return factsJson == null ? Map.of() : json.readValue(factsJson, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Files an objection to an award on public notice: anyone logged in, once per application. The
   * award stays reserved and the notice runs; the bureau examines the objection as a task of its
   * own, and only an upheld objection returns the award to bureau review. The objector gets a
   * receipt, never the application.
   */
  @Transactional
  public Objections.Objection object(Caller caller, String id, String reason) {
    checkReason(reason);
    // Locked: an objection and the payment of the same award never pass each other unseen.
    ApplicationRecord app = applications.lock(id).orElseThrow(() -> ApiException.notFound("申请", id));
    if (app.status() != ApplicationStatus.PUBLIC_NOTICE) {
      throw ApiException.conflict("status", "只能对公示中的申请提出异议",
          "Objections are accepted only while the award is on public notice");
    }
    if (caller.enterprise().map(app.creditCode()::equals).orElse(false)) {
      throw ApiException.conflict("applicationId", "申报企业不能对本企业的奖励提出异议", "An enterprise cannot object to its own award");
    }
    return fileObjection(app, caller.userId(), null, null, reason.trim());
  }

  /**
   * An objection by a member of the public, without a login (公示 page): name and contact phone, once per contact
   * and application. Only an award currently on notice accepts it; for anything else the answer is the same 404
   * as for an unknown number, so the form cannot be used to find out which applications exist.
   */
  @Transactional
  public Objections.Objection objectAsPublic(String id, String name, String phone, String reason) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    String cleanName = name == null ? "" : name.strip();
    if (cleanName.isEmpty() || cleanName.length() > 50 || cleanName.chars().anyMatch(Character::isISOControl)) {
      problems.add(new ApiException.FieldProblem("name", "请填写姓名（不超过50字）", "name is required (at most 50 characters)"));
    }
    String cleanPhone = phone == null ? "" : phone.replaceAll("[\\s-]", "");
    if (!cleanPhone.matches("1[3-9]\\d{9}|0\\d{9,11}")) {
      problems.add(new ApiException.FieldProblem("phone", "请填写有效的联系电话（手机号码11位，或带区号的固定电话）",
          "phone must be a mainland mobile number (11 digits) or a landline with its area code"));
    }
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      problems.add(new ApiException.FieldProblem("reason", "请填写异议理由（不超过2000字）", "reason is required (at most 2000 characters)"));
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    ApplicationRecord app = applications.lock(id).filter(a -> a.status() == ApplicationStatus.PUBLIC_NOTICE)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "没有正在公示的该项奖励", "No award with this number is on public notice"));
    return fileObjection(app, "public:" + cleanPhone, cleanName, cleanPhone, reason.trim());
  }

  private static void checkReason(String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw ApiException.invalid("reason", "请填写异议理由（不超过2000字）", "reason is required (at most 2000 characters)");
    }
  }

  private Objections.Objection fileObjection(ApplicationRecord app, String objector, String contactName,
      String contactPhone, String reason) {
    String id = app.id();
    if (objections.exists(id, objector)) {
      throw duplicateObjection();
    }
    Instant now = Instant.now(clock);
    String receipt = "YY-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    var objection = new Objections.Objection(receipt, id, objector, reason, Objections.Status.OPEN, now,
        null, null, null);
    try {
      objections.insert(objection, contactName, contactPhone);
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw duplicateObjection();
    }
    Map<String, Object> variables = new HashMap<>(Map.of(Variables.APPLICATION_ID, id, "objectionReason",
        contactName == null ? reason : reason + "\n（公众异议，联系人：" + contactName + "，电话：" + contactPhone + "）",
        Variables.MEASURE_TITLE, catalogue.measure(app.measureCode()).map(Measure::titleZh).orElse(app.measureCode()),
        Variables.APPLICANT_NAME, registry.find(app.creditCode()).map(Enterprise::name).orElse(app.creditCode()),
        Variables.APPROVED_AWARD, Variables.asDouble(app.approvedAward())));
    runtime.createProcessInstanceById(workflow.definitionId(OBJECTION_PROCESS_KEY)).businessKey(receipt)
        .setVariables(variables).execute();
    journal.record(id, "OBJECTION", objector, "OBJECTED", receipt + " " + reason);
    return objection;
  }

  private static ApiException duplicateObjection() {
    return ApiException.conflict("applicationId", "您已对该申请提出过异议，每人每个申请限一次",
        "You have already objected to this application; one objection per person and application");
  }

  /** The enterprise files for itself; county staff file for an enterprise of their county. */
  private static void authoriseFiling(Caller caller, String creditCode, Optional<Enterprise> enterprise) {
    if (caller.enterprise().isPresent()) {
      if (!caller.enterprise().get().equals(creditCode)) {
        throw ApiException.forbidden("企业只能为本企业申报", "An enterprise may file only for itself");
      }
      return;
    }
    if (caller.county().isPresent()) {
      if (enterprise.isEmpty() || !enterprise.get().county().equals(caller.county().get())) {
        throw ApiException.forbidden("县区工作人员只能为本县区企业代为申报", "County staff may file only for enterprises of their county");
      }
      return;
    }
    throw ApiException.forbidden("只有企业或县区工作人员可以提交申请", "Only an enterprise or county staff may file applications");
  }

  private static void authoriseApplicantAction(Caller caller, ApplicationRecord app) {
    boolean own = caller.enterprise().map(app.creditCode()::equals).orElse(false);
    boolean county = caller.county().map(c -> c.equals(app.county())).orElse(false);
    if (!own && !county) {
      throw ApiException.forbidden("只有申报企业或所在县区工作人员可以补正", "Only the applicant or its county staff may amend the application");
    }
  }

  /** What an amendment changed, fact by fact: "参展日期：2026-05-10 → 2026-05-12；…" (or that nothing did). */
  @SuppressWarnings("unchecked")
  String changes(Measure measure, String beforeJson, Map<String, Object> after) {
    Map<String, Object> before;
    try {
      before = json.readValue(beforeJson, Map.class);
    } catch (JsonProcessingException e) {
      before = Map.of();
    }
    List<String> changed = new ArrayList<>();
    for (FactSpec spec : measure.facts()) {
      String old = shown(spec, before.get(spec.name()));
      String now = shown(spec, after.get(spec.name()));
      if (!old.equals(now)) {
        changed.add(spec.labelZh() + "：" + old + " → " + now);
      }
    }
    return changed.isEmpty() ? "补正未改变申报事实" : "变更：" + String.join("；", changed);
  }

  private static String shown(FactSpec spec, Object v) {
    if (v == null) {
      return "（未填）";
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (v instanceof Number n) {
      java.math.BigDecimal d = new java.math.BigDecimal(n.toString());
      return "amount".equals(spec.type()) ? cn.liuzhou.incentives.review.Money.yuan(d) : d.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  /** Fact variables for the process; optional facts left out are cleared, not kept from before. */
  static Map<String, Object> factVariables(Measure measure, Facts.Checked checked) {
    Map<String, Object> vars = new HashMap<>();
    for (FactSpec spec : measure.facts()) {
      vars.put(spec.name(), null);
    }
    vars.putAll(checked.variables());
    vars.put(Variables.FACTS_SUMMARY, Facts.summary(measure, checked.exact()));
    return vars;
  }

  private String write(Map<String, Object> exact) {
    try {
      return json.writeValueAsString(exact);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String windowEn(PackageSettings.Settings s) {
    return s.applicationOpens() == null ? "not opened" : s.applicationOpens() + " to " + (s.applicationCloses() == null ? "until further notice" : s.applicationCloses());
  }

  private static String window(PackageSettings.Settings s) {
    return s.applicationOpens() == null ? "未开放" : s.applicationOpens() + " 至 " + (s.applicationCloses() == null ? "另行通知" : s.applicationCloses());
  }
}
