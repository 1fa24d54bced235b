package cn.liuzhou.incentives.web;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.policy.Reason;
import cn.liuzhou.incentives.portal.ApplicationTimeline;
import cn.liuzhou.incentives.portal.Drafts;
import cn.liuzhou.incentives.portal.MeasureMatcher;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.Industry;
import cn.liuzhou.incentives.registry.ProjectRegistry;
import cn.liuzhou.incentives.workflow.ReasonsJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The enterprise portal (企业申报), server-rendered; its scripts file, estimate, save drafts, amend and upload
 * through the same /api integrators use. Only enterprise accounts reach /portal (SecurityConfiguration).
 */
@Controller
class PortalPageController {

  private final MeasureMatcher matcher;
  private final PolicyCatalogue catalogue;
  private final ProjectRegistry projects;
  private final Drafts drafts;
  private final ApplicationRepository applications;
  private final ApplicationTimeline timeline;
  private final ReasonsJson reasons;
  private final ObjectMapper json;

  PortalPageController(MeasureMatcher matcher, PolicyCatalogue catalogue, ProjectRegistry projects, Drafts drafts,
      ApplicationRepository applications, ApplicationTimeline timeline, ReasonsJson reasons, ObjectMapper json) {
    this.matcher = matcher;
    this.catalogue = catalogue;
    this.projects = projects;
    this.drafts = drafts;
    this.applications = applications;
    this.timeline = timeline;
    this.reasons = reasons;
    this.json = json;
  }

  @GetMapping("/portal")
  String match(Authentication auth, Model model) {
    String creditCode = auth.getName();
    List<MeasureMatcher.MatchedMeasure> all = matcher.match(creditCode);
    enterprise(creditCode, model);
    model.addAttribute("open", all.stream().filter(MeasureMatcher.MatchedMeasure::canApply).toList());
    model.addAttribute("closed", all.stream().filter(m -> !m.canApply()).toList());
    model.addAttribute("drafts", drafts.of(creditCode).stream()
        .map(d -> Map.of("measureCode", d.measureCode(), "title", catalogue.measure(d.measureCode()).map(Measure::titleZh)
            .orElse(d.measureCode()), "savedAt", ApplicationTimeline.beijing(d.savedAt()))).toList());
    return "portal/match";
  }

  @GetMapping("/portal/apply/{measureCode}")
  String apply(@PathVariable String measureCode, Authentication auth, Model model) {
    String creditCode = auth.getName();
    Measure measure = catalogue.measure(measureCode).filter(Measure::isEnterpriseMeasure)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到该措施"));
    PolicyPackage pkg = catalogue.packageOf(measureCode).orElseThrow();
    MeasureMatcher.MatchedMeasure match = matcher.match(creditCode).stream().filter(m -> m.code().equals(measureCode))
        .findFirst().orElseThrow();
    enterprise(creditCode, model);
    model.addAttribute("measure", measure);
    model.addAttribute("pkg", pkg);
    model.addAttribute("match", match);
    model.addAttribute("fields", FactFields.of(measure));
    model.addAttribute("documents", measure.documents());
    model.addAttribute("projects", measure.requiresProject() ? projects.ofEnterprise(creditCode) : List.of());
    model.addAttribute("draftJson", drafts.find(creditCode, measureCode)
        .map(d -> write(Map.of("projectId", d.projectId() == null ? "" : d.projectId(), "facts", read(d.factsJson()),
            "savedAt", ApplicationTimeline.beijing(d.savedAt()))))
        .orElse("null"));
    return "portal/apply";
  }

  @GetMapping("/portal/applications")
  String applications(Authentication auth, Model model) {
    enterprise(auth.getName(), model);
    model.addAttribute("applications", applications.ofEnterprise(auth.getName()).stream()
        .sorted(Comparator.comparing(ApplicationRecord::filedAt).reversed())
        .map(a -> Map.of("id", a.id(), "title", catalogue.measure(a.measureCode()).map(Measure::titleZh).orElse(a.measureCode()),
            "statusZh", a.status().zh(), "status", a.status().name(), "filedAt", ApplicationTimeline.beijing(a.filedAt()),
            "amount", amount(a)))
        .toList());
    return "portal/applications";
  }

  @GetMapping("/portal/applications/{id}")
  String application(@PathVariable String id, Authentication auth, Model model) {
    ApplicationRecord app = applications.find(id).filter(a -> a.creditCode().equals(auth.getName()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到该申请"));
    Measure measure = catalogue.measure(app.measureCode()).orElseThrow();
    enterprise(auth.getName(), model);
    model.addAttribute("app", app);
    model.addAttribute("measure", measure);
    model.addAttribute("pkg", catalogue.packageOf(app.measureCode()).orElseThrow());
    model.addAttribute("timeline", timeline.of(app));
    List<Reason> given = reasons.read(app.reasonsJson());
    model.addAttribute("reasons", given);
    model.addAttribute("returned", app.status() == ApplicationStatus.RETURNED);
    model.addAttribute("fields", FactFields.of(measure));
    model.addAttribute("documents", measure.documents());
    model.addAttribute("facts", read(app.factsJson()));
    model.addAttribute("factsJson", app.factsJson());
    return "portal/application";
  }

  @GetMapping("/portal/notifications")
  String notifications(Authentication auth, Model model) {
    enterprise(auth.getName(), model);
    return "portal/notifications";
  }

  /** A page that is not there (an unknown measure, another enterprise's application): a Chinese 404 page. */
  @org.springframework.web.bind.annotation.ExceptionHandler(ResponseStatusException.class)
  String notFound(ResponseStatusException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
    response.setStatus(e.getStatusCode().value());
    model.addAttribute("message", e.getReason());
    return "portal/not-found";
  }

  private static String amount(ApplicationRecord a) {
    var value = a.disbursedAward() != null ? a.disbursedAward() : a.approvedAward() != null ? a.approvedAward()
        : a.status() == ApplicationStatus.SCREENING ? null : a.proposedAward();
    return value == null ? "—" : String.format("%,.2f", value);
  }

  private void enterprise(String creditCode, Model model) {
    Enterprise e = matcher.enterprise(creditCode).orElse(null);
    model.addAttribute("enterprise", e);
    model.addAttribute("creditCode", creditCode);
    if (e != null) {
      model.addAttribute("countyZh", County.of(e.county()).map(County::nameZh).orElse(e.county()));
      model.addAttribute("industryZh", Industry.of(e.industry()).map(Industry::nameZh).orElse(e.industry()));
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value).replace("<", "\\u003c"); // embedded in a <script> element
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String stored) {
    try {
      return stored == null ? Map.of() : json.readValue(stored, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
