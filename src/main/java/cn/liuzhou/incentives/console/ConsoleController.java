package cn.liuzhou.incentives.console;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.api.PackageController;
import cn.liuzhou.incentives.cases.People;
import cn.liuzhou.incentives.policy.PackageDeployer;
import cn.liuzhou.incentives.policy.PackageExamples;
import cn.liuzhou.incentives.policy.PackageRejectedException;
import cn.liuzhou.incentives.policy.PackageRevision;
import cn.liuzhou.incentives.policy.PackageRevisions;
import cn.liuzhou.incentives.policy.PackageSettings;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyExample;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy console (policy-admins and Camunda administrators): per package the active revision and its history,
 * a DMN upload that is dry-run against the worked cases and compared with the active revision before it is deployed
 * with a comment (or cancelled), worked cases checked against the active tables before they are saved, and the
 * package's window, notice period and budget. Every change goes through the same checks and records as the API.
 */
@Controller
class ConsoleController {

  /** An upload waiting for the administrator's decision, kept in their session only. */
  record Staged(String packageCode, String fileName, byte[] content, String kind) {}

  private static final String STAGED = "console.staged";
  private static final long MAX_UPLOAD = 2L * 1024 * 1024;

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final PackageSettings settings;
  private final PackageController packages;
  private final PackageDeployer deployer;
  private final PackageExamples examples;
  private final IdentityService identity;
  private final People people;
  private final ObjectMapper json;

  ConsoleController(PolicyCatalogue catalogue, PackageRevisions revisions, PackageSettings settings,
      PackageController packages, PackageDeployer deployer, PackageExamples examples, IdentityService identity,
      People people, ObjectMapper json) {
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.settings = settings;
    this.packages = packages;
    this.deployer = deployer;
    this.examples = examples;
    this.identity = identity;
    this.people = people;
    this.json = json;
  }

  @GetMapping("/console")
  String index(Caller caller, Model model) {
    model.addAttribute("packages", packages.packages(caller));
    return "console/index";
  }

  @GetMapping("/console/packages/{code}")
  String pkg(@PathVariable String code, Caller caller, Model model) {
    PackageController.PackageView view = packages.get(code, caller);
    model.addAttribute("p", view);
    model.addAttribute("revisions", revisions.all(code).stream().sorted((a, b) -> b.revision() - a.revision())
        .map(r -> new RevisionRow(r, people.of(r.deployedBy()), revisions.comment(code, r.revision()).orElse(
            PackageRevisions.SHIPPED.equals(r.deployedBy()) ? "随系统发布的决策表" : ""))).toList());
    model.addAttribute("changes", settings.changes(code).stream().sorted((a, b) -> b.changedAt().compareTo(a.changedAt()))
        .map(c -> new ChangeRow(c, people.of(c.changedBy()))).toList());
    model.addAttribute("exampleCount", examples.forPackage(find(code)).size());
    return "console/package";
  }

  record RevisionRow(PackageRevision revision, People.Person by, String comment) {}

  record ChangeRow(PackageSettings.Change change, People.Person by) {}

  /** Window, notice period and budget, through the API's own validation and change records. */
  @PostMapping("/console/packages/{code}/settings")
  String saveSettings(@PathVariable String code, @RequestParam Map<String, String> form, Caller caller,
      RedirectAttributes flash) {
    find(code);
    ObjectNode body = json.createObjectNode();
    for (String field : List.of("applicationOpens", "applicationCloses", "publicNoticePeriod")) {
      if (form.containsKey(field)) {
        String v = form.get(field).trim();
        if (v.isEmpty()) {
          body.putNull(field);
        } else {
          body.put(field, v);
        }
      }
    }
    if (form.containsKey("budget") && !form.get("budget").isBlank()) {
      try {
        body.put("budget", new BigDecimal(form.get("budget").trim().replace(",", "")));
      } catch (NumberFormatException e) {
        flash.addFlashAttribute("errors", List.of("预算须为金额（元） / budget must be an amount in yuan"));
        return "redirect:/console/packages/" + code;
      }
      if (form.containsKey("fiscalYear") && !form.get("fiscalYear").isBlank()) {
        try {
          body.put("fiscalYear", Integer.parseInt(form.get("fiscalYear").trim()));
        } catch (NumberFormatException e) {
          flash.addFlashAttribute("errors", List.of("年度须为整数 / fiscalYear must be a year"));
          return "redirect:/console/packages/" + code;
        }
      }
    }
    try {
      packages.settings(code, body, caller);
      flash.addFlashAttribute("message", "已保存，变更已记录。");
    } catch (ApiException e) {
      flash.addFlashAttribute("errors", e.problems().stream().map(p -> p.zh() + " / " + p.en()).toList());
    }
    return "redirect:/console/packages/" + code;
  }

  /** Step 1 of a redeployment: upload, dry run and diff; nothing is deployed. */
  @PostMapping("/console/packages/{code}/dry-run")
  String dryRun(@PathVariable String code, @RequestParam("file") MultipartFile file, Caller caller, HttpSession session,
      Model model) throws IOException {
    PolicyPackage pkg = find(code);
    byte[] content = upload(file);
    PackageController.DryRunView run = packages.dryRunOf(pkg, content, null);
    String token = stage(session, new Staged(code, file.getOriginalFilename(), content, "dmn"));
    model.addAttribute("p", pkg);
    model.addAttribute("run", run);
    model.addAttribute("token", token);
    model.addAttribute("fileName", file.getOriginalFilename());
    return "console/dry-run";
  }

  /** Step 2: deploy the staged tables with a comment (the deployment checks them once more). */
  @PostMapping("/console/packages/{code}/deploy")
  String deploy(@PathVariable String code, @RequestParam String token, @RequestParam(defaultValue = "") String comment,
      Caller caller, HttpSession session, RedirectAttributes flash) {
    PolicyPackage pkg = find(code);
    Staged staged = take(session, token, code, "dmn");
    if (comment.isBlank()) {
      throw ApiException.invalid("comment", "请填写部署说明（为何调整）", "A comment (why the tables change) is required");
    }
    identity.setAuthentication(caller.userId(), new ArrayList<>(caller.groups()));
    try {
      PackageRevision revision = deployer.deploy(pkg, staged.content(), caller.userId());
      revisions.setComment(code, revision.revision(), comment.trim().length() > 2000 ? comment.trim().substring(0, 2000) : comment.trim());
      flash.addFlashAttribute("message", "已部署为 " + revision.versionTag() + "。新申请按此版本审核，已受理的申请保持原版本。");
    } catch (PackageRejectedException e) {
      flash.addFlashAttribute("errors", e.problems());
    } finally {
      identity.clearAuthentication();
    }
    return "redirect:/console/packages/" + code;
  }

  @PostMapping("/console/packages/{code}/cancel")
  String cancel(@PathVariable String code, @RequestParam String token, HttpSession session, RedirectAttributes flash) {
    stagedUploads(session).remove(token);
    flash.addFlashAttribute("message", "已取消，未做任何更改。");
    return "redirect:/console/packages/" + code;
  }

  /** Worked cases: checked against the active tables first; saved at once when they pass, else after confirmation. */
  @PostMapping("/console/packages/{code}/examples")
  String uploadExamples(@PathVariable String code, @RequestParam("file") MultipartFile file, Caller caller,
      HttpSession session, Model model, RedirectAttributes flash) throws IOException {
    PolicyPackage pkg = find(code);
    byte[] content = upload(file);
    String text = new String(content, StandardCharsets.UTF_8);
    PackageController.DryRunView check;
    try {
      check = packages.checkExamples(code, text, caller);
    } catch (ApiException e) {
      flash.addFlashAttribute("errors", e.problems().stream().map(p -> (p.field() == null ? "" : p.field() + "：") + p.zh()
          + " / " + p.en()).toList());
      return "redirect:/console/packages/" + code;
    }
    if (check.passes()) {
      packages.replaceExamples(code, text, false, caller);
      flash.addFlashAttribute("message", "示例已替换（" + check.cases().size() + " 个，当前决策表全部通过）。");
      return "redirect:/console/packages/" + code;
    }
    model.addAttribute("p", pkg);
    model.addAttribute("run", check);
    model.addAttribute("token", stage(session, new Staged(code, file.getOriginalFilename(), content, "examples")));
    model.addAttribute("fileName", file.getOriginalFilename());
    return "console/examples-check";
  }

  @PostMapping("/console/packages/{code}/examples/confirm")
  String confirmExamples(@PathVariable String code, @RequestParam String token, Caller caller, HttpSession session,
      RedirectAttributes flash) {
    Staged staged = take(session, token, code, "examples");
    packages.replaceExamples(code, new String(staged.content(), StandardCharsets.UTF_8), true, caller);
    flash.addFlashAttribute("message", "示例已替换。当前决策表未通过的示例须由随后部署的新决策表满足。");
    return "redirect:/console/packages/" + code;
  }

  private PolicyPackage find(String code) {
    return catalogue.find(code).orElseThrow(() -> ApiException.notFound("政策包", code));
  }

  private static byte[] upload(MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw ApiException.invalid("file", "请选择要上传的文件", "Choose a file to upload");
    }
    if (file.getSize() > MAX_UPLOAD) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file", "文件过大（不超过 2 MB）", "The file is too large (2 MB at most)");
    }
    return file.getBytes();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Staged> stagedUploads(HttpSession session) {
    Map<String, Staged> staged = (Map<String, Staged>) session.getAttribute(STAGED);
    if (staged == null) {
      staged = new ConcurrentHashMap<>();
      session.setAttribute(STAGED, staged);
    }
    return staged;
  }

  private static String stage(HttpSession session, Staged upload) {
    Map<String, Staged> staged = stagedUploads(session);
    if (staged.size() > 10) {
      staged.clear(); // abandoned uploads do not pile up in the session
    }
    String token = UUID.randomUUID().toString();
    staged.put(token, upload);
    return token;
  }

  private static Staged take(HttpSession session, String token, String code, String kind) {
    Staged staged = stagedUploads(session).remove(token);
    if (staged == null || !staged.packageCode().equals(code) || !staged.kind().equals(kind)) {
      throw ApiException.conflict("token", "上传已失效（已部署、已取消或会话已过期），请重新上传",
          "The upload is no longer available (deployed, cancelled or session expired); upload it again");
    }
    return staged;
  }
}
