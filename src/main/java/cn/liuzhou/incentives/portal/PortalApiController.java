package cn.liuzhou.incentives.portal;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.Notifications;
import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.security.Caller;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.workflow.ApplicationService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the enterprise portal needs beyond filing, and integrators may use as well: policy matching, award
 * estimates, drafts, the notification inbox, an application's timeline, and the public notices with the
 * public's objections (the only part of /api open without a login).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "企业申报门户 Enterprise portal")
public class PortalApiController {

  public record EstimateRequest(String creditCode, String projectId, Map<String, Object> facts) {}

  public record DraftRequest(String projectId, Map<String, Object> facts) {}

  public record DraftView(String measureCode, String projectId, Map<String, Object> facts, Instant savedAt) {}

  public record Inbox(int unread, List<Notifications.InboxEntry> notifications) {}

  public record ReadRequest(Long upToId) {}

  public record PublicObjectionRequest(String name, String phone, String reason) {}

  public record PublicReceipt(String receiptNumber, Instant filedAt, String status, String messageZh, String messageEn) {}

  private final MeasureMatcher matcher;
  private final EnterpriseRegistry registry;
  private final PolicyCatalogue catalogue;
  private final Drafts drafts;
  private final Notifications notifications;
  private final ApplicationRepository applications;
  private final ApplicationTimeline timeline;
  private final PublicNotices notices;
  private final PublicObjectionThrottle throttle;
  private final ApplicationService service;
  private final ObjectMapper json;

  public PortalApiController(MeasureMatcher matcher, EnterpriseRegistry registry, PolicyCatalogue catalogue, Drafts drafts,
      Notifications notifications, ApplicationRepository applications, ApplicationTimeline timeline, PublicNotices notices,
      PublicObjectionThrottle throttle, ApplicationService service, ObjectMapper json) {
    this.matcher = matcher;
    this.registry = registry;
    this.catalogue = catalogue;
    this.drafts = drafts;
    this.notifications = notifications;
    this.applications = applications;
    this.timeline = timeline;
    this.notices = notices;
    this.throttle = throttle;
    this.service = service;
    this.json = json;
  }

  @GetMapping("/enterprises/{creditCode}/eligible-measures")
  @Operation(summary = "政策匹配：企业现在可以申报的措施及不能申报的原因 · Measures the enterprise may apply for now, and why not",
      description = "按各政策包现行判定规则（<package>-GENERAL 与措施判定表）和企业名录、信用记录、申报期逐项判定；"
          + "canApply=false 时 reasons 列出每个原因（中文、英文）。Evaluates the active decision tables against the registry "
          + "and the application windows; the enterprise itself, its county, the bureau, auditors and administrators may read it.")
  public List<MeasureMatcher.MatchedMeasure> eligibleMeasures(@PathVariable String creditCode, Caller caller) {
    requireReader(caller, creditCode);
    return matcher.match(creditCode);
  }

  @PostMapping("/measures/{measureCode}/estimate")
  @Operation(summary = "预估奖励：按筛查所用判定规则测算，不提交申请 · Estimate the award with the screening's tables, without filing",
      description = "body: creditCode, projectId（按项目申报的措施）, facts. 答复 estimate=true、eligible、reasons、estimatedAward（已按上限、"
          + "已计入金额和取整规则计算）。事实有误时 422 并指明字段。The answer is an estimate, not a decision.")
  public MeasureMatcher.Estimate estimate(@PathVariable String measureCode, @RequestBody EstimateRequest request,
      Caller caller) {
    if (request == null || request.creditCode() == null) {
      throw ApiException.invalid("creditCode", "缺少统一社会信用代码", "creditCode is required");
    }
    requireApplicant(caller, request.creditCode());
    return matcher.estimate(measureCode, request.creditCode(), request.projectId(), request.facts());
  }

  @GetMapping("/drafts")
  @Operation(summary = "本企业保存的申报草稿 · The calling enterprise's saved drafts")
  public List<DraftView> drafts(Caller caller) {
    return drafts.of(enterprise(caller)).stream().map(this::view).toList();
  }

  @GetMapping("/drafts/{measureCode}")
  @Operation(summary = "读取某项措施的申报草稿 · The calling enterprise's draft for a measure")
  public DraftView draft(@PathVariable String measureCode, Caller caller) {
    return drafts.find(enterprise(caller), measureCode).map(this::view)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "没有该措施的草稿", "No draft for this measure"));
  }

  @PutMapping("/drafts/{measureCode}")
  @Operation(summary = "保存申报草稿（可不完整，稍后继续填写）· Save a draft to finish later (may be incomplete)")
  public DraftView saveDraft(@PathVariable String measureCode, @RequestBody DraftRequest request, Caller caller) {
    String creditCode = enterprise(caller);
    Measure measure = catalogue.measure(measureCode).filter(Measure::isEnterpriseMeasure)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "measureCode", "未知的措施代码", "Unknown measure"));
    Map<String, Object> facts = request == null || request.facts() == null ? Map.of() : request.facts();
    Set<String> known = measure.facts().stream().map(FactSpec::name).collect(Collectors.toSet());
    for (var e : facts.entrySet()) {
      if (!known.contains(e.getKey())) {
        throw ApiException.invalid("facts." + e.getKey(), "措施" + measure.code() + "没有此项申报事实", "Unknown fact");
      }
      Object v = e.getValue();
      if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
        throw ApiException.invalid("facts." + e.getKey(), "草稿中的事实须为文字、数字或是/否", "A draft fact must be a text, number or boolean");
      }
      if (v instanceof String s && s.length() > 500) {
        throw ApiException.invalid("facts." + e.getKey(), "内容过长（不超过500字）", "At most 500 characters");
      }
    }
    String projectId = request == null ? null : request.projectId();
    if (projectId != null && projectId.length() > 40) {
      throw ApiException.invalid("projectId", "项目代码过长", "projectId is too long");
    }
    return view(drafts.save(creditCode, measure.code(), projectId, write(facts)));
  }

  @DeleteMapping("/drafts/{measureCode}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "删除申报草稿 · Delete a draft")
  public void deleteDraft(@PathVariable String measureCode, Caller caller) {
    drafts.delete(enterprise(caller), measureCode);
  }

  @GetMapping("/notifications")
  @Operation(summary = "本企业的通知（最新在前）及未读数 · The calling enterprise's notifications, newest first, and the unread count")
  public Inbox inbox(Caller caller) {
    String creditCode = enterprise(caller);
    return new Inbox(notifications.unread(creditCode), notifications.inbox(creditCode, 200));
  }

  @PostMapping("/notifications/read")
  @Operation(summary = "标记通知为已读（全部，或截至 upToId）· Mark notifications read (all, or up to upToId)")
  public Inbox markRead(@RequestBody(required = false) ReadRequest request, Caller caller) {
    String creditCode = enterprise(caller);
    notifications.markRead(creditCode, request == null ? null : request.upToId());
    return new Inbox(notifications.unread(creditCode), notifications.inbox(creditCode, 200));
  }

  @GetMapping("/applications/{id}/timeline")
  @Operation(summary = "申请进度：各环节时间（北京时间）、理由、异议处理、金额变化、拨付凭证 · "
      + "An application's timeline in Beijing time with reasons, objections, amount changes and payment",
      description = "异议只显示已提出及处理结论，不显示异议人。Objections show that one was filed and how it was decided, never who filed it.")
  public ApplicationTimeline.Timeline timeline(@PathVariable String id, Caller caller) {
    ApplicationRecord app = applications.find(id).orElseThrow(() -> ApiException.notFound("申请", id));
    boolean own = caller.enterprise().map(app.creditCode()::equals).orElse(false);
    boolean county = caller.county().map(c -> c.equals(app.county())).orElse(false);
    if (!own && !county && !seesAll(caller)) {
      throw ApiException.forbidden("无权查看该申请", "You may not read this application");
    }
    return timeline.of(app);
  }

  @GetMapping("/public/notices")
  @SecurityRequirements
  @Operation(summary = "公示中的拟奖励（无需登录）· Awards on public notice (no login)",
      description = "企业、措施、金额、公示开始和截止时间（北京时间）。Enterprise, measure, amount, notice start and end.")
  public List<PublicNotices.Notice> publicNotices() {
    return notices.current();
  }

  @PostMapping("/public/notices/{id}/objections")
  @ResponseStatus(HttpStatus.CREATED)
  @SecurityRequirements
  @Operation(summary = "公众对公示奖励提出异议（无需登录，每个联系电话每项奖励限一次）· "
      + "A member of the public objects to an award on notice (no login; once per contact phone and award)",
      description = "body: name, phone, reason. 只有正在公示的奖励接受异议，其他编号一律 404；每个地址每小时限次数（429）。"
          + "Only an award currently on notice accepts it (anything else is 404); attempts per client address are limited (429).")
  public PublicReceipt publicObjection(@PathVariable String id, @RequestBody(required = false) PublicObjectionRequest request,
      HttpServletRequest http) {
    if (!throttle.tryAcquire(http.getRemoteAddr())) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, null, "提交过于频繁，请稍后再试",
          "Too many objections from this address; try again later");
    }
    var body = request == null ? new PublicObjectionRequest(null, null, null) : request;
    var objection = service.objectAsPublic(id, body.name(), body.phone(), body.reason());
    return new PublicReceipt(objection.id(), objection.filedAt(), "RECEIVED",
        "异议已受理，回执号 " + objection.id() + "，市工业和信息化局将进行核查并与您联系",
        "Objection received, receipt " + objection.id() + "; the city industry bureau will examine it and contact you");
  }

  private DraftView view(Drafts.Draft d) {
    return new DraftView(d.measureCode(), d.projectId(), read(d.factsJson()), d.savedAt());
  }

  private static String enterprise(Caller caller) {
    return caller.enterprise().orElseThrow(() -> ApiException.forbidden("只有企业账号可以使用", "Only enterprise accounts may do this"));
  }

  /** The enterprise itself, its county, or those who read every enterprise. */
  private void requireReader(Caller caller, String creditCode) {
    boolean own = caller.enterprise().map(creditCode::equals).orElse(false);
    if (own || caller.isAdmin() || caller.isAuditor() || caller.isBureau()) {
      return;
    }
    Enterprise e = registry.find(creditCode).orElse(null);
    if (e != null && caller.county().map(e.county()::equals).orElse(false)) {
      return;
    }
    throw ApiException.forbidden("无权查看该企业", "You may not read this enterprise");
  }

  /** Who may file for the enterprise (the enterprise itself, its county) and administrators. */
  private void requireApplicant(Caller caller, String creditCode) {
    boolean own = caller.enterprise().map(creditCode::equals).orElse(false);
    if (own || caller.isAdmin()) {
      return;
    }
    Enterprise e = registry.find(creditCode).orElse(null);
    if (e != null && caller.county().map(e.county()::equals).orElse(false)) {
      return;
    }
    throw ApiException.forbidden("只能为本企业（或本县区企业）测算", "You may estimate only for your own enterprise (or your county's)");
  }

  private static boolean seesAll(Caller caller) {
    return caller.isAdmin() || caller.isAuditor() || caller.isBureau()
        || caller.groups().contains(Groups.FINANCE) || caller.groups().contains(Groups.EXPERTS);
  }

  private String write(Map<String, Object> facts) {
    try {
      return json.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String stored) {
    try {
      return json.readValue(stored, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
