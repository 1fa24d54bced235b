package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.registry.County;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Case files (案卷) for auditors, the bureau and administrators: search, one case file, its printable page and PDF,
 * the exports of a search, and a quarter's summary. Every handler is a GET: nothing here changes anything.
 */
@Controller
class CasesController {

  private static final List<Integer> PAGE_SIZES = List.of(20, 50, 100, 200);

  private final CaseSearch search;
  private final CaseFiles caseFiles;
  private final CaseExports exports;
  private final QuarterSummary summaries;
  private final PolicyCatalogue catalogue;
  private final People people;
  private final TemplateEngine templates;

  CasesController(CaseSearch search, CaseFiles caseFiles, CaseExports exports, QuarterSummary summaries,
      PolicyCatalogue catalogue, People people, TemplateEngine templates) {
    this.search = search;
    this.caseFiles = caseFiles;
    this.exports = exports;
    this.summaries = summaries;
    this.catalogue = catalogue;
    this.people = people;
    this.templates = templates;
  }

  /** Labels and Beijing time for every page of the case files. */
  @org.springframework.web.bind.annotation.ModelAttribute("L")
  CaseLabels.View labels() {
    return CaseLabels.VIEW;
  }

  /** The search's query parameters, as the page's form sends them. */
  record Query(String id, String enterprise, String measure, String pkg, String county, String status, String reviewer,
      String from, String to, String sort, String dir, Integer page, Integer size) {}

  @GetMapping("/cases")
  String list(Query q, Model model) {
    CaseSearch.Criteria criteria = criteria(q);
    int size = q.size() != null && PAGE_SIZES.contains(q.size()) ? q.size() : 20;
    CaseSearch.Page page = search.search(criteria, q.page() == null ? 1 : q.page(), size);
    model.addAttribute("q", q);
    model.addAttribute("criteria", criteria);
    model.addAttribute("result", page);
    model.addAttribute("size", size);
    model.addAttribute("packages", catalogue.packages());
    model.addAttribute("counties", County.values());
    model.addAttribute("statuses", ApplicationStatus.values());
    model.addAttribute("reviewers", people.staff());
    model.addAttribute("pageSizes", PAGE_SIZES);
    model.addAttribute("queryString", queryString(q, false));
    return "cases/search";
  }

  @GetMapping("/cases/export.xlsx")
  void exportXlsx(Query q, HttpServletResponse response) throws IOException {
    CaseSearch.Criteria criteria = criteria(q);
    attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    exports.xlsx(sink -> search.forEach(criteria, sink), describe(criteria), response.getOutputStream());
  }

  @GetMapping("/cases/export.csv")
  void exportCsv(Query q, HttpServletResponse response) throws IOException {
    CaseSearch.Criteria criteria = criteria(q);
    attachment(response, "text/csv;charset=UTF-8", "csv");
    exports.csv(sink -> search.forEach(criteria, sink), response.getOutputStream());
  }

  @GetMapping("/cases/summary")
  String summary(@RequestParam(required = false) String quarter, @RequestParam(name = "pkg", required = false) String pkg,
      Model model) {
    String q = quarter == null || quarter.isBlank() ? QuarterSummary.current() : quarter.trim().toUpperCase(Locale.ROOT);
    if (QuarterSummary.start(q) == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "quarter", "季度须写作如 2026Q2", "quarter must look like 2026Q2");
    }
    if (pkg != null && !pkg.isBlank() && catalogue.find(pkg).isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "pkg", "没有该政策包：" + pkg, "No such package: " + pkg);
    }
    model.addAttribute("summary", summaries.of(q, pkg));
    model.addAttribute("pkg", pkg);
    model.addAttribute("packages", catalogue.packages());
    return "cases/summary";
  }

  @GetMapping("/cases/{id}")
  String caseFile(@PathVariable String id, Model model) {
    model.addAttribute("c", find(id));
    model.addAttribute("print", false);
    return "cases/file";
  }

  /** The case file laid out for paper (the browser's print dialog), without the site's navigation. */
  @GetMapping("/cases/{id}/print")
  String print(@PathVariable String id, Model model) {
    model.addAttribute("c", find(id));
    model.addAttribute("print", true);
    return "cases/file";
  }

  @GetMapping(value = "/cases/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> pdf(@PathVariable String id) throws IOException {
    CaseFile c = find(id);
    Context context = new Context(Locale.SIMPLIFIED_CHINESE);
    context.setVariable("c", c);
    context.setVariable("L", CaseLabels.VIEW);
    String xhtml = templates.process("cases/pdf", context);
    var out = new java.io.ByteArrayOutputStream();
    exports.pdf(xhtml, out);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", ContentDisposition.attachment().filename("案卷-" + c.application().id() + ".pdf",
            StandardCharsets.UTF_8).build().toString())
        .body(out.toByteArray());
  }

  /** The BPMN model the application's process instance ran (for the diagram viewer). */
  @GetMapping(value = "/cases/{id}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
  @ResponseBody
  ResponseEntity<String> diagram(@PathVariable String id) {
    CaseFile c = find(id);
    return caseFiles.diagramXml(c.application()).map(xml -> ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml))
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "id", "该申请没有流程实例", "The application has no process instance"));
  }

  private CaseFile find(String id) {
    return caseFiles.find(id).orElseThrow(() -> ApiException.notFound("申请", id));
  }

  private CaseSearch.Criteria criteria(Query q) {
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    ApplicationStatus status = null;
    if (present(q.status())) {
      try {
        status = ApplicationStatus.valueOf(q.status().trim());
      } catch (IllegalArgumentException e) {
        problems.add(new ApiException.FieldProblem("status", "未知的状态：" + q.status(), "Unknown status: " + q.status()));
      }
    }
    LocalDate from = date("from", q.from(), problems);
    LocalDate to = date("to", q.to(), problems);
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new ApiException.FieldProblem("to", "结束日期不得早于开始日期", "to must not be before from"));
    }
    if (present(q.sort()) && !CaseSearch.SORTS.containsKey(q.sort())) {
      problems.add(new ApiException.FieldProblem("sort", "不能按该列排序：" + q.sort(), "Cannot sort by " + q.sort()));
    }
    if (present(q.dir()) && !List.of("asc", "desc").contains(q.dir())) {
      problems.add(new ApiException.FieldProblem("dir", "排序方向须为 asc 或 desc", "dir must be asc or desc"));
    }
    if (q.page() != null && q.page() < 1) {
      problems.add(new ApiException.FieldProblem("page", "页码须大于零", "page must be positive"));
    }
    if (present(q.county()) && County.of(q.county().trim()).isEmpty()) {
      problems.add(new ApiException.FieldProblem("county", "未知的县区：" + q.county(), "Unknown county: " + q.county()));
    }
    if (present(q.pkg()) && catalogue.find(q.pkg().trim()).isEmpty()) {
      problems.add(new ApiException.FieldProblem("pkg", "没有该政策包：" + q.pkg(), "No such package: " + q.pkg()));
    }
    for (String[] text : new String[][] {{"id", q.id()}, {"enterprise", q.enterprise()}, {"measure", q.measure()},
        {"reviewer", q.reviewer()}}) {
      if (text[1] != null && text[1].length() > 200) {
        problems.add(new ApiException.FieldProblem(text[0], "输入过长", "Too long"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, problems);
    }
    return new CaseSearch.Criteria(q.id(), q.enterprise(), q.measure(), q.pkg(), q.county(), status, q.reviewer(), from, to,
        present(q.sort()) ? q.sort() : "filedAt", "asc".equals(q.dir()));
  }

  private static LocalDate date(String field, String value, List<ApiException.FieldProblem> problems) {
    if (!present(value)) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      problems.add(new ApiException.FieldProblem(field, "日期格式须为 yyyy-MM-dd", "must be a date (yyyy-MM-dd)"));
      return null;
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  private static void attachment(HttpServletResponse response, String type, String extension) {
    response.setContentType(type);
    String name = "案卷查询-" + LocalDate.now(CaseSearch.BEIJING).format(DateTimeFormatter.BASIC_ISO_DATE) + "." + extension;
    response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
  }

  /** The filters in words, for the workbook's title line. */
  static String describe(CaseSearch.Criteria c) {
    List<String> parts = new ArrayList<>();
    if (present(c.id())) parts.add("申请编号 " + c.id());
    if (present(c.enterprise())) parts.add("企业 " + c.enterprise());
    if (present(c.measure())) parts.add("措施 " + c.measure());
    if (present(c.packageCode())) parts.add("政策包 " + c.packageCode());
    if (present(c.county())) parts.add("县区 " + CaseLabels.county(c.county()));
    if (c.status() != null) parts.add("状态 " + c.status().zh());
    if (present(c.reviewer())) parts.add("经办人 " + c.reviewer());
    if (c.from() != null) parts.add("自 " + c.from());
    if (c.to() != null) parts.add("至 " + c.to());
    return parts.isEmpty() ? "（全部）" : "（" + String.join("，", parts) + "）";
  }

  /** The search's parameters without paging (for the export links and the pager). */
  static String queryString(Query q, boolean withPage) {
    var b = org.springframework.web.util.UriComponentsBuilder.newInstance();
    String[][] pairs = {{"id", q.id()}, {"enterprise", q.enterprise()}, {"measure", q.measure()}, {"pkg", q.pkg()},
        {"county", q.county()}, {"status", q.status()}, {"reviewer", q.reviewer()}, {"from", q.from()}, {"to", q.to()},
        {"sort", q.sort()}, {"dir", q.dir()}};
    Arrays.stream(pairs).filter(p -> present(p[1])).forEach(p -> b.queryParam(p[0], p[1]));
    if (q.size() != null) {
      b.queryParam("size", q.size());
    }
    String s = b.encode().build().getQuery();
    return s == null ? "" : s;
  }
}
