package cn.liuzhou.incentives.console;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.api.RegisterController;
import cn.liuzhou.incentives.cases.CaseLabels;
import cn.liuzhou.incentives.cases.People;
import cn.liuzhou.incentives.imports.CsvLines;
import cn.liuzhou.incentives.imports.EnterpriseImport;
import cn.liuzhou.incentives.imports.ExternalAwardImport;
import cn.liuzhou.incentives.imports.LineProblem;
import cn.liuzhou.incentives.ledger.ExternalAwards;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.ChangeLabels;
import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.EnterpriseValidator;
import cn.liuzhou.incentives.registry.Industry;
import cn.liuzhou.incentives.registry.NameLists;
import cn.liuzhou.incentives.registry.RegistryChanges;
import cn.liuzhou.incentives.review.PayeeRefresh;
import cn.liuzhou.incentives.security.Caller;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data policy administrators keep beside the tables, in the console: the enterprise registry (search, edit, CSV
 * import), the name lists of list-based measures (add with the document relied on, remove with a reason) and other
 * programmes' awards (CSV import). The same checks as the API ({@link EnterpriseValidator}, the imports); every change
 * lands in the registry change log through the repositories, and from there in the enterprise's case files.
 */
@Controller
class RegistryConsoleController {

  static final int PAGE_SIZE = 50;
  private static final long MAX_UPLOAD = 2L * 1024 * 1024;

  /** A row of a change log as shown. */
  record ChangeRow(String time, String subject, String creditCode, String item, String oldValue, String newValue,
      People.Person by, String reason) {}

  record ListSummary(String code, int entries, List<String> measures) {}

  private final EnterpriseRegistry registry;
  private final NameLists nameLists;
  private final ExternalAwards awards;
  private final RegistryChanges changes;
  private final EnterpriseImport enterpriseImport;
  private final ExternalAwardImport awardImport;
  private final PayeeRefresh payees;
  private final PolicyCatalogue catalogue;
  private final People people;

  RegistryConsoleController(EnterpriseRegistry registry, NameLists nameLists, ExternalAwards awards,
      RegistryChanges changes, EnterpriseImport enterpriseImport, ExternalAwardImport awardImport, PayeeRefresh payees,
      PolicyCatalogue catalogue, People people) {
    this.registry = registry;
    this.nameLists = nameLists;
    this.awards = awards;
    this.changes = changes;
    this.enterpriseImport = enterpriseImport;
    this.awardImport = awardImport;
    this.payees = payees;
    this.catalogue = catalogue;
    this.people = people;
  }

  /**
   * A search result's page for the shared pager (parts :: pager): the query, the total, the page asked for (kept
   * between the first and the last) and the number of pages; answers the offset of the page's first row.
   */
  private static int paging(Model model, String q, int page, int total) {
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(page, 1), pages);
    model.addAttribute("q", q);
    model.addAttribute("total", total);
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    return (current - 1) * PAGE_SIZE;
  }

  // ---- enterprise registry ----

  @GetMapping("/console/enterprises")
  String enterprises(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
    int offset = paging(model, q, page, registry.count(q));
    model.addAttribute("enterprises", registry.search(q, offset, PAGE_SIZE));
    model.addAttribute("columns", String.join(",", EnterpriseValidator.COLUMNS));
    model.addAttribute("industryNames", java.util.Arrays.stream(Industry.values())
        .collect(java.util.stream.Collectors.toMap(Industry::name, Industry::nameZh)));
    return "console/enterprises";
  }

  @PostMapping("/console/enterprises/import")
  String importEnterprises(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String reason,
      Caller caller, RedirectAttributes flash) throws IOException {
    return imported(file, reason, flash, "/console/enterprises", why -> {
      EnterpriseImport.Result r = enterpriseImport.apply(upload(file), caller.userId(), why);
      return "已导入：新登记 " + r.created() + " 家，更新 " + r.updated() + " 家，未变化 " + r.unchanged() + " 家。每项变更均已记录。";
    });
  }

  @GetMapping("/console/enterprises/{code}")
  String enterprise(@PathVariable String code, Model model) {
    Enterprise e = registry.find(code).orElseThrow(() -> ApiException.notFound("企业", code));
    model.addAttribute("e", e);
    model.addAttribute("counties", County.values());
    model.addAttribute("industries", Industry.values());
    model.addAttribute("ratings", List.of("A", "B", "M", "C", "D"));
    List<ChangeRow> history = new java.util.ArrayList<>(rows(changes.of(code)));
    java.util.Collections.reverse(history);
    model.addAttribute("changes", history);
    return "console/enterprise";
  }

  @PostMapping("/console/enterprises/{code}")
  @Transactional
  String saveEnterprise(@PathVariable String code, @RequestParam Map<String, String> form, Caller caller,
      RedirectAttributes flash) {
    registry.find(code).orElseThrow(() -> ApiException.notFound("企业", code));
    Map<String, String> values = new TreeMap<>(form);
    values.put("creditCode", code);
    EnterpriseValidator.Checked checked = EnterpriseValidator.check(EnterpriseValidator.Input.of(values));
    String reason = form.getOrDefault("reason", "").trim();
    List<String> errors = new java.util.ArrayList<>(checked.problems().stream().map(p -> p.field() + "：" + p.zh()).toList());
    if (reason.isEmpty() || reason.length() > 1000) {
      errors.add("reason：请填写变更理由（不超过1000字）");
    }
    if (!errors.isEmpty()) {
      flash.addFlashAttribute("errors", errors);
      return "redirect:/console/enterprises/{code}";
    }
    registry.save(checked.enterprise(), caller.userId(), reason);
    payees.refresh(code);
    flash.addFlashAttribute("message", "已保存，变更已记录。");
    return "redirect:/console/enterprises/{code}";
  }

  // ---- name lists ----

  @GetMapping("/console/name-lists")
  String nameListIndex(Model model) {
    Map<String, List<String>> byList = new TreeMap<>();
    catalogue.packages().forEach(p -> p.measures().stream().filter(m -> m.nameList() != null)
        .forEach(m -> byList.computeIfAbsent(m.nameList(), k -> new java.util.ArrayList<>()).add(m.code())));
    Map<String, Integer> counts = nameLists.counts();
    counts.keySet().forEach(k -> byList.computeIfAbsent(k, x -> new java.util.ArrayList<>()));
    model.addAttribute("lists", byList.entrySet().stream()
        .map(e -> new ListSummary(e.getKey(), counts.getOrDefault(e.getKey(), 0), e.getValue())).toList());
    return "console/name-lists";
  }

  @GetMapping("/console/name-lists/{list}")
  String nameList(@PathVariable String list, Model model) {
    model.addAttribute("list", list);
    model.addAttribute("entries", nameLists.details(list));
    model.addAttribute("measures", catalogue.packages().stream().flatMap(p -> p.measures().stream())
        .filter(m -> list.equals(m.nameList())).map(m -> m.code() + " " + m.titleZh()).toList());
    model.addAttribute("changes", rows(changes.ofItem(RegistryChanges.Subject.NAME_LIST, list, 200)));
    model.addAttribute("people", people);
    return "console/name-list";
  }

  @PostMapping("/console/name-lists/{list}/entries")
  @Transactional
  String addEntry(@PathVariable String list, @RequestParam(defaultValue = "") String creditCode,
      @RequestParam(defaultValue = "") String note, Caller caller, RedirectAttributes flash) {
    String code = creditCode.trim().toUpperCase(java.util.Locale.ROOT);
    try {
      RegisterController.checkEntry(list, code, note);
      if (note.isBlank()) {
        throw ApiException.invalid("note", "请填写列入依据（文件名称、文号或说明）", "note (the document relied on) is required");
      }
    } catch (ApiException e) {
      flash.addFlashAttribute("errors", e.problems().stream().map(p -> p.field() + "：" + p.zh()).toList());
      flash.addFlashAttribute("creditCode", creditCode);
      flash.addFlashAttribute("note", note);
      return "redirect:/console/name-lists/{list}";
    }
    boolean added = nameLists.add(list, code, caller.userId(), note.trim());
    flash.addFlashAttribute("message", added ? "已将 " + code + " 列入名单，变更已记录。" + (registry.find(code).isEmpty()
        ? "注意：该企业尚未登记。" : "") : code + " 已在名单内，未做更改。");
    return "redirect:/console/name-lists/{list}";
  }

  @PostMapping("/console/name-lists/{list}/entries/{code}/remove")
  @Transactional
  String removeEntry(@PathVariable String list, @PathVariable String code, @RequestParam(defaultValue = "") String reason,
      Caller caller, RedirectAttributes flash) {
    if (reason.isBlank() || reason.length() > 1000) {
      flash.addFlashAttribute("errors", List.of("reason：请填写移出理由（不超过1000字）"));
      return "redirect:/console/name-lists/{list}";
    }
    flash.addFlashAttribute("message", nameLists.remove(list, code, caller.userId(), reason.trim())
        ? "已将 " + code + " 移出名单，变更已记录。" : code + " 不在名单内，未做更改。");
    return "redirect:/console/name-lists/{list}";
  }

  // ---- other programmes' awards ----

  @GetMapping("/console/external-awards")
  String externalAwards(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
    int offset = paging(model, q, page, awards.count(q));
    model.addAttribute("awards", awards.page(q, offset, PAGE_SIZE).stream()
        .map(a -> new AwardRow(a, registry.find(a.creditCode()).map(Enterprise::name).orElse("（未登记）"),
            people.of(a.importedBy()))).toList());
    model.addAttribute("columns", String.join(",", ExternalAwardImport.COLUMNS));
    return "console/external-awards";
  }

  record AwardRow(ExternalAwards.ExternalAward award, String enterpriseName, People.Person by) {}

  @PostMapping("/console/external-awards/import")
  String importAwards(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String reason,
      Caller caller, RedirectAttributes flash) throws IOException {
    return imported(file, reason, flash, "/console/external-awards", why -> {
      ExternalAwardImport.Result r = awardImport.apply(upload(file), caller.userId(), why);
      return "已导入 " + r.imported() + " 条" + (r.alreadyRecorded() > 0
          ? "，另有 " + r.alreadyRecorded() + " 条此前已导入（未重复记录）" : "") + "。";
    });
  }

  /** An import of one CSV file: applied with its reason (message shown), or refused line by line. */
  private interface Import {
    String apply(String reason) throws IOException;
  }

  /** Every console import: a reason is required, then all lines or none (the refusal lists each bad line). */
  private static String imported(MultipartFile file, String reason, RedirectAttributes flash, String page, Import importer)
      throws IOException {
    if (reason.isBlank()) {
      flash.addFlashAttribute("errors", List.of("请填写导入说明（数据来源或依据的文件）"));
      return "redirect:" + page;
    }
    try {
      flash.addFlashAttribute("message", importer.apply(reason.trim()));
    } catch (CsvLines.Refused e) {
      refused(flash, file, e.problems());
    }
    return "redirect:" + page;
  }

  private static void refused(RedirectAttributes flash, MultipartFile file, List<LineProblem> problems) {
    flash.addFlashAttribute("errors", List.of("文件“" + file.getOriginalFilename() + "”有 " + problems.size()
        + " 处错误，未导入任何数据。请改正后重新上传。"));
    flash.addFlashAttribute("lineProblems", problems);
  }

  private List<ChangeRow> rows(List<RegistryChanges.Change> list) {
    return list.stream().map(c -> new ChangeRow(CaseLabels.time(c.changedAt()), ChangeLabels.subject(c.subject()),
        c.creditCode(), ChangeLabels.item(c), ChangeLabels.value(c, c.oldValue()), ChangeLabels.value(c, c.newValue()),
        people.of(c.changedBy()), c.reason())).toList();
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
}
