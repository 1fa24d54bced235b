package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.Notifications;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.security.Caller;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.workflow.ApplicationService;
import cn.liuzhou.incentives.workflow.ReasonsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enterprises file and follow their applications; reviewers and auditors read them. */
@RestController
@RequestMapping("/api")
public class ApplicationController {

  public record FileRequest(String measureCode, String creditCode, String projectId, Map<String, Object> facts) {}

  public record AmendmentRequest(Map<String, Object> facts) {}

  public record ObjectionRequest(String reason) {}

  /** An award on public notice (公示), as anyone logged in may read it. */
  public record NoticeEntry(String id, String enterpriseName, String creditCode, String measureCode,
      String measureTitle, java.math.BigDecimal approvedAward) {}

  private final ApplicationService service;
  private final ApplicationRepository applications;
  private final EnterpriseRegistry registry;
  private final PolicyCatalogue catalogue;
  private final Notifications notifications;
  private final ReasonsJson reasons;
  private final AuditTrail auditTrail;
  private final ObjectMapper json;

  public ApplicationController(ApplicationService service, ApplicationRepository applications, EnterpriseRegistry registry,
      PolicyCatalogue catalogue, Notifications notifications, ReasonsJson reasons, AuditTrail auditTrail, ObjectMapper json) {
    this.service = service;
    this.applications = applications;
    this.registry = registry;
    this.catalogue = catalogue;
    this.notifications = notifications;
    this.reasons = reasons;
    this.auditTrail = auditTrail;
    this.json = json;
  }

  @PostMapping("/applications")
  public ResponseEntity<ApplicationView> file(@RequestBody FileRequest request, Caller caller) {
    ApplicationRecord filed = service.file(caller, request.measureCode(), request.creditCode(), request.projectId(),
        request.facts());
    return ResponseEntity.created(Locations.of("/api/applications/" + filed.id())).body(view(filed));
  }

  @GetMapping("/applications")
  public List<ApplicationView> list(Caller caller) {
    List<ApplicationRecord> found;
    if (caller.enterprise().isPresent()) {
      found = applications.ofEnterprise(caller.enterprise().get());
    } else if (caller.county().isPresent()) {
      found = applications.ofCounty(caller.county().get());
    } else if (seesAll(caller)) {
      found = applications.recent(500);
    } else {
      found = List.of();
    }
    return found.stream().map(this::view).toList();
  }

  @GetMapping("/applications/{id}")
  public ApplicationView get(@PathVariable String id, Caller caller) {
    return view(readable(id, caller));
  }

  @PostMapping("/applications/{id}/amendments")
  @io.swagger.v3.oas.annotations.Operation(summary = "补正已退回的申请：只需提交修改的事实 · Amend a returned application: send only the facts that change",
      description = "facts 与原申报事实合并（值为 null 表示撤回该选填事实；为空则按原事实重新提交），合并后按申报规则校验（422 指明字段）。"
          + "答复即为新状态 SCREENING（重新自动审核），原测算金额不再有效。The facts are merged into those on file and checked; "
          + "the answer shows the new status (SCREENING) and no award until screening has computed it.")
  public ApplicationView amend(@PathVariable String id, @RequestBody AmendmentRequest request, Caller caller) {
    return view(service.amend(caller, id, request.facts()));
  }

  /** The objector's receipt: its number and date, never the application it concerns. */
  public record ObjectionReceipt(String receiptNumber, String applicationId, java.time.Instant filedAt, String status,
      String messageZh, String messageEn) {}

  @PostMapping("/applications/{id}/objections")
  @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
  public ObjectionReceipt object(@PathVariable String id, @RequestBody ObjectionRequest request, Caller caller) {
    var objection = service.object(caller, id, request == null ? null : request.reason());
    return new ObjectionReceipt(objection.id(), id, objection.filedAt(), "RECEIVED",
        "异议已受理，回执号 " + objection.id() + "，市工业和信息化局将进行核查",
        "Objection received, receipt " + objection.id() + "; the city industry bureau will examine it");
  }

  @GetMapping("/applications/{id}/audit")
  public List<AuditTrail.Step> audit(@PathVariable String id, Caller caller) {
    if (!caller.isAuditor() && !caller.isAdmin()) {
      throw ApiException.forbidden("只有审计人员和管理员可以查看审计记录", "Only auditors and administrators may read the audit trail");
    }
    ApplicationRecord app = applications.find(id).orElseThrow(() -> ApiException.notFound("申请", id));
    return auditTrail.of(app);
  }

  @GetMapping("/public-notices")
  public List<NoticeEntry> publicNotices() {
    return applications.withStatus(ApplicationStatus.PUBLIC_NOTICE).stream()
        .map(a -> new NoticeEntry(a.id(), registry.find(a.creditCode()).map(Enterprise::name).orElse(a.creditCode()),
            a.creditCode(), a.measureCode(), catalogue.measure(a.measureCode()).map(m -> m.titleZh()).orElse(null),
            a.approvedAward()))
        .toList();
  }

  private ApplicationRecord readable(String id, Caller caller) {
    ApplicationRecord app = applications.find(id).orElseThrow(() -> ApiException.notFound("申请", id));
    boolean own = caller.enterprise().map(app.creditCode()::equals).orElse(false);
    boolean county = caller.county().map(c -> c.equals(app.county())).orElse(false);
    if (!own && !county && !seesAll(caller)) {
      throw ApiException.forbidden("无权查看该申请", "You may not read this application");
    }
    return app;
  }

  private static boolean seesAll(Caller caller) {
    return caller.isAdmin() || caller.isAuditor() || caller.isBureau()
        || caller.groups().contains(Groups.FINANCE) || caller.groups().contains(Groups.EXPERTS);
  }

  private ApplicationView view(ApplicationRecord a) {
    return new ApplicationView(a.id(), a.measureCode(), catalogue.measure(a.measureCode()).map(m -> m.titleZh()).orElse(null),
        a.packageCode(), a.creditCode(), registry.find(a.creditCode()).map(Enterprise::name).orElse(null), a.county(),
        a.projectId(), facts(a.factsJson()), a.status().name(), a.status().zh(),
        // While screening (again, after an amendment) no award stands: the earlier one is being recomputed.
        a.status() == ApplicationStatus.SCREENING ? null : a.proposedAward(), a.approvedAward(),
        a.disbursedAward(), a.paymentReference(), reasons.read(a.reasonsJson()), a.decisionVersionTag(), a.filedBy(),
        a.filedAt(), a.updatedAt(), notifications.of(a.id()));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> facts(String stored) {
    try {
      return json.readValue(stored, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
