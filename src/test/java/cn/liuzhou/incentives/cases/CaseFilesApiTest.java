package cn.liuzhou.incentives.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.web.PageSession;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Case files as an auditor reads them: a disbursed application found by number and by enterprise, its case file
 * (every actor with name and role, the decision versions, the matched rules, budget and payment), the exports
 * (xlsx read back with POI, CSV with Jackson, PDF with PDFBox), the quarter summary, and that nothing here writes.
 */
class CaseFilesApiTest extends ApiTestSupport {

  /** Files, approves, reserves and pays an exhibition application; answers its id. */
  protected String disbursedApplication(String enterprise) {
    String id = fileExhibition(enterprise, 150000).get("id").asText();
    assertThat(completeTask("county.liunan", id, Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    assertThat(completeTask("bureau", id, Map.of("decision", "APPROVE", "approvedAward", 60000, "comment", "材料齐全"))
        .getStatusCode().value()).isEqualTo(204);
    fireTimer(id);
    assertThat(completeTask("finance", id, Map.of("paymentReference", "CZ-CASE-" + id)).getStatusCode().value()).isEqualTo(204);
    assertThat(application(id).get("status").asText()).isEqualTo("DISBURSED");
    return id;
  }

  private String enterpriseName(String creditCode) {
    return call("admin", HttpMethod.GET, "/api/enterprises/" + creditCode, null).getBody().path("name").asText();
  }

  @Test
  void anAuditorFindsADisbursedApplicationByNumberAndByEnterpriseAndReadsItsCaseFile() {
    String enterprise = cleanEnterprise();
    String id = disbursedApplication(enterprise);
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);

    String byNumber = auditor.get("/cases?id=" + id).getBody();
    assertThat(byNumber).contains(id, "已拨付", "共 <strong>1</strong> 件");
    String name = enterpriseName(enterprise);
    assertThat(auditor.get("/cases?enterprise=" + name).getBody()).contains(id, name);
    assertThat(auditor.get("/cases?enterprise=" + enterprise).getBody()).contains(id);
    assertThat(auditor.get("/cases?reviewer=finance&id=" + id).getBody()).contains(id);
    assertThat(auditor.get("/cases?reviewer=county.yufeng&id=" + id).getBody()).doesNotContain("/cases/" + id);

    ResponseEntity<String> file = auditor.get("/cases/" + id);
    assertThat(file.getStatusCode().value()).isEqualTo(200);
    String page = file.getBody();
    // every actor by name and unit (and account), Beijing time, the decisions with version and matched rule, budget and payment
    assertThat(page).contains(name, "黄志明（柳南区工业和信息化局）", "county.liunan", "李海燕（柳州市工业和信息化局）", "bureau",
        "张晓梅（柳州市财政局）", "finance", "材料齐全", "60,000.00", "CZ-CASE-" + id);
    assertThat(page).contains("LZ-2026Q2-EXHIBITION", "LZ-2026Q2-GENERAL", "版本标签 LZ-2026Q2-r", "命中规则", "展位费");
    assertThat(page).contains("预算占用", "预算账户 LZ-2026Q2", "适用本案", "diagram.bpmn");
    assertThat(page).doesNotContain("java.time", "[Object]", "<button type=\"submit\" class=\"primary\"");

    ResponseEntity<String> diagram = auditor.get("/cases/" + id + "/diagram.bpmn");
    assertThat(diagram.getStatusCode().value()).isEqualTo(200);
    assertThat(diagram.getBody()).contains("definitions", "countyReview");

    assertThat(auditor.get("/cases/" + id + "/print").getBody()).contains("print-layout", "window.print()", id);
  }

  @Test
  void theSearchIsExportedAsExcelAndAsCsvWithByteOrderMark() throws Exception {
    String enterprise = cleanEnterprise();
    String id = disbursedApplication(enterprise);
    String second = fileExhibition(enterprise, 90000).get("id").asText();
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);

    ResponseEntity<byte[]> xlsx = auditor.bytes("/cases/export.xlsx?enterprise=" + enterprise);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getContentType().toString()).contains("spreadsheetml");
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      List<String> header = new ArrayList<>();
      sheet.getRow(1).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header).isEqualTo(CaseExports.HEADERS);
      List<String> ids = new ArrayList<>();
      for (int r = 2; r <= sheet.getLastRowNum(); r++) {
        ids.add(sheet.getRow(r).getCell(0).getStringCellValue());
      }
      assertThat(ids).containsExactlyInAnyOrder(id, second);
      Row paid = sheet.getRow(2 + ids.indexOf(id));
      assertThat(paid.getCell(9).getNumericCellValue()).isEqualTo(60000.0);
      assertThat(paid.getCell(6).getStringCellValue()).isEqualTo("已拨付");
    }

    ResponseEntity<byte[]> csv = auditor.bytes("/cases/export.csv?enterprise=" + enterprise + "&sort=id&dir=asc");
    assertThat(csv.getStatusCode().value()).isEqualTo(200);
    byte[] body = csv.getBody();
    assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
      List<Map<String, String>> all = rows.readAll();
      assertThat(all).extracting(r -> r.get("申请编号")).containsExactly(List.of(id, second).stream().sorted().toArray(String[]::new));
      Map<String, String> paid = all.stream().filter(r -> r.get("申请编号").equals(id)).findFirst().orElseThrow();
      assertThat(paid.get("拨付金额（元）")).isEqualTo("60000.00");
      assertThat(paid.get("县区")).isEqualTo("柳南区");
      assertThat(paid.get("申报时间（北京时间）")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    }
  }

  @Test
  void aCaseFileIsAPdfWithItsChineseText() throws Exception {
    String id = disbursedApplication(cleanEnterprise());
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);
    ResponseEntity<byte[]> pdf = auditor.bytes("/cases/" + id + "/pdf");
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (var document = Loader.loadPDF(pdf.getBody())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains(id, "案卷", "审批经过", "张晓梅", "柳州市财政局", "CZ-CASE-" + id);
    }
  }

  @Test
  void theQuarterSummaryCountsPerPackageAndCountyWithAChart() {
    String enterprise = cleanEnterprise();
    disbursedApplication(enterprise);
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);
    String page = auditor.get("/cases/summary?quarter=" + QuarterSummary.current() + "&pkg=LZ-2026Q2").getBody();
    assertThat(page).contains("季度汇总", "<svg", "<rect", "柳南区", "LZ-2026Q2", "预算使用");
    assertThat(page).doesNotContain("GX-2024Q4</td>");
    ResponseEntity<String> bad = auditor.get("/cases/summary?quarter=2026Q5");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(bad.getBody()).contains("季度须写作", "quarter must look like");
  }

  @Test
  void badSearchInputIsAProblemInChineseAndEnglish() {
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);
    ResponseEntity<String> response = auditor.get("/cases?from=yesterday&status=PAID&sort=password");
    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString()).contains("problem+json");
    assertThat(response.getBody()).contains("日期格式须为", "must be a date", "未知的状态", "Cannot sort by");
    assertThat(auditor.get("/cases/SQ-20990101-FFFFFFFF").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theCaseFilesChangeNothingAndAreClosedToOthers() {
    String id = fileExhibition(cleanEnterprise(), 120000).get("id").asText();
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);
    for (String path : List.of("/cases", "/cases/" + id, "/cases/" + id + "/pdf", "/cases/export.csv")) {
      int withToken = auditor.post(path, new LinkedMultiValueMap<>(), MediaType.APPLICATION_FORM_URLENCODED).getStatusCode().value();
      assertThat(withToken).as("POST " + path).isIn(403, 405);
      int forged = auditor.send(HttpMethod.POST, path, Map.of(), false).getStatusCode().value();
      assertThat(forged).as("POST " + path + " without token").isEqualTo(403);
      assertThat(auditor.send(HttpMethod.DELETE, path, null, true).getStatusCode().value()).isIn(403, 405);
    }
    assertThat(auditor.get("/cases/" + id).getBody()).doesNotContain("method=\"post\" action=\"/cases");
    PageSession county = PageSession.login(rest, "county.liunan", PASSWORD);
    assertThat(county.get("/cases").getStatusCode().value()).isEqualTo(403);
    PageSession bureau = PageSession.login(rest, "bureau", PASSWORD);
    assertThat(bureau.get("/cases/" + id).getStatusCode().value()).isEqualTo(200);
  }
}
