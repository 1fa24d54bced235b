package cn.liuzhou.incentives.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.api.ApiTestSupport;
import cn.liuzhou.incentives.registry.CreditCode;
import cn.liuzhou.incentives.web.PageSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The registry, name lists and other programmes' awards as policy administrators keep them, through the API and the
 * console: CSV imports checked line by line (all or nothing, byte-order mark or not), every change recorded with who,
 * before, after and why, and shown in the case files of the enterprise, where auditors read it without editing.
 */
class RegistryConsoleApiTest extends ApiTestSupport {

  static final String HEADER = "creditCode,name,county,industry,aboveDesignatedSize,taxCreditRating,accountingCreditGood,"
      + "jointPunishmentTarget,bankName,bankAccount\n";
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  static String freshCode() {
    return CreditCode.withCheckCharacter("91450200" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
  }

  /** The code with a wrong check character. */
  static String badCheck(String code) {
    char wrong = code.charAt(17) == '0' ? '1' : '0';
    return code.substring(0, 17) + wrong;
  }

  static String line(String code, String name, String county, String flag) {
    return code + "," + name + "," + county + ",MACHINERY," + flag + ",A,true,false,柳州银行股份有限公司营业部,7102000012345\n";
  }

  private ResponseEntity<JsonNode> importCsv(String user, String path, byte[] csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, PASSWORD);
    headers.setContentType(MediaType.valueOf("text/csv"));
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(csv, headers), JsonNode.class);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] withBom(String s) {
    byte[] body = utf8(s);
    byte[] all = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, all, 0, BOM.length);
    System.arraycopy(body, 0, all, BOM.length, body.length);
    return all;
  }

  static LinkedMultiValueMap<String, Object> upload(String name, byte[] content, String... fields) {
    var form = new LinkedMultiValueMap<String, Object>();
    form.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    for (int i = 0; i < fields.length; i += 2) {
      form.add(fields[i], fields[i + 1]);
    }
    return form;
  }

  static LinkedMultiValueMap<String, Object> form(String... pairs) {
    var form = new LinkedMultiValueMap<String, Object>();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  private JsonNode enterprise(String code) {
    return call("admin", HttpMethod.GET, "/api/enterprises/" + code, null).getBody().path("enterprise");
  }

  @Test
  void aLongSearchResultIsPagedWithTheSearchKeptBetweenPages() {
    String marker = "翻页" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < RegistryConsoleController.PAGE_SIZE + 1; i++) {
      csv.append(line(freshCode(), marker + "机械" + i + "有限公司", "liunan", "true"));
    }
    assertThat(importCsv("admin", "/api/enterprises/import", utf8(csv.toString())).getStatusCode().value()).isEqualTo(200);
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    String link = "/console/enterprises?q=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8) + "&amp;page=";
    String first = admin.get("/console/enterprises?q=" + marker).getBody();
    assertThat(first).contains("第 1 页，共 2 页", link + "2").doesNotContain("上一页");
    String last = admin.get("/console/enterprises?q=" + marker + "&page=2").getBody();
    assertThat(last).contains("第 2 页，共 2 页", link + "1").doesNotContain("下一页");
    // a page past the end shows the last one
    assertThat(admin.get("/console/enterprises?q=" + marker + "&page=99").getBody()).contains("第 2 页，共 2 页");
  }

  @Test
  void aGoodFileIsImportedWithOrWithoutByteOrderMark() {
    String a = freshCode();
    String b = freshCode();
    ResponseEntity<JsonNode> withBom = importCsv("admin", "/api/enterprises/import?reason=2026年二季度规上企业名录",
        withBom(HEADER + line(a, "导入甲机械有限公司", "liunan", "true") + line(b, "导入乙机械有限公司", "yufeng", "FALSE")));
    assertThat(withBom.getStatusCode().value()).as(String.valueOf(withBom.getBody())).isEqualTo(200);
    assertThat(withBom.getBody().get("created").asInt()).isEqualTo(2);
    assertThat(enterprise(a).get("name").asText()).isEqualTo("导入甲机械有限公司");
    assertThat(enterprise(b).get("aboveDesignatedSize").asBoolean()).isFalse();

    // without BOM, columns in another order, without the account columns (the account is kept), and one line unchanged
    String reordered = "name,creditCode,county,industry,aboveDesignatedSize,taxCreditRating,accountingCreditGood,jointPunishmentTarget\n"
        + "导入甲机械股份有限公司," + a + ",liunan,MACHINERY,true,B,true,false\n"
        + "导入乙机械有限公司," + b + ",yufeng,MACHINERY,false,A,true,false\n";
    JsonNode second = importCsv("admin", "/api/enterprises/import", utf8(reordered)).getBody();
    assertThat(second.get("updated").asInt()).as(second.toString()).isEqualTo(1);
    assertThat(second.get("unchanged").asInt()).isEqualTo(1);
    assertThat(enterprise(a).get("taxCreditRating").asText()).isEqualTo("B");
    assertThat(enterprise(a).get("bankAccount").asText()).isEqualTo("7102000012345");

    // the console's form: the same import, recorded with its reason
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    ResponseEntity<String> posted = admin.post("/console/enterprises/import", upload("registry.csv",
        withBom(HEADER + line(a, "导入甲机械股份有限公司", "liunan", "true").replace(",A,", ",M,")), "reason", "纳税信用年度评价结果"),
        MediaType.MULTIPART_FORM_DATA);
    assertThat(posted.getStatusCode().value()).isEqualTo(302);
    assertThat(admin.get("/console/enterprises").getBody()).contains("已导入：新登记 0 家，更新 1 家");
    String history = admin.get("/console/enterprises/" + a).getBody();
    assertThat(history).contains("纳税信用等级", "纳税信用年度评价结果", "2026年二季度规上企业名录", "企业名称", "导入甲机械股份有限公司",
        "周立新（系统管理员）");
    assertThat(admin.get("/console/enterprises?q=" + a.substring(0, 14)).getBody()).contains(a, "共 <strong>1</strong> 家");
  }

  @Test
  void badLinesAreReportedByLineNumberAndNothingIsApplied() {
    String good = freshCode();
    String unknownCounty = freshCode();
    String noName = freshCode();
    String notBoolean = freshCode();
    String csv = HEADER
        + line(good, "好企业有限公司", "liunan", "true")                 // line 2
        + line(badCheck(freshCode()), "校验位错企业有限公司", "liunan", "true") // line 3
        + "\n"                                                            // line 4: blank, skipped
        + line(unknownCounty, "县区错企业有限公司", "atlantis", "true")     // line 5
        + line(noName, "", "liunan", "true")                              // line 6
        + line(notBoolean, "标志错企业有限公司", "liunan", "yes");           // line 7
    ResponseEntity<JsonNode> refused = importCsv("admin", "/api/enterprises/import", withBom(csv));
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
    JsonNode body = refused.getBody();
    assertThat(body.get("detail").asText()).contains("第3行 creditCode：统一社会信用代码校验位错误", "第5行 county：未知的县区代码“atlantis”",
        "第6行 name：须填写企业名称", "第7行 aboveDesignatedSize：须为 true 或 false，不能是“yes”");
    assertThat(body.get("lines")).hasSize(4);
    assertThat(body.get("lines").findValuesAsText("field")).containsExactly("creditCode", "county", "name", "aboveDesignatedSize");
    assertThat(body.get("lines").findValues("line").stream().map(JsonNode::asInt).toList()).containsExactly(3, 5, 6, 7);
    assertThat(body.get("detailEn").asText()).contains("line 3, creditCode");
    // all or nothing: the good line was not applied either
    assertThat(call("admin", HttpMethod.GET, "/api/enterprises/" + good, null).getStatusCode().value()).isEqualTo(404);

    // a header that lacks a column or names an unknown one is refused as a whole
    JsonNode header = importCsv("admin", "/api/enterprises/import", utf8("creditCode,name,colour\n" + good + ",x,red\n")).getBody();
    assertThat(header.get("detail").asText()).contains("第1行 colour：未知的列名", "第1行 county：首行缺少该列");

    // the console shows the same table of lines and applies nothing
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    admin.post("/console/enterprises/import", upload("bad.csv", utf8(csv), "reason", "测试"), MediaType.MULTIPART_FORM_DATA);
    String page = admin.get("/console/enterprises").getBody();
    assertThat(page).contains("id=\"import-errors\"", "有 4 处错误，未导入任何数据", "第3行", "统一社会信用代码校验位错误", "第7行");
    assertThat(call("admin", HttpMethod.GET, "/api/enterprises/" + good, null).getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void theSingleRecordApiUsesTheSameValidator() {
    String code = freshCode();
    var bad = call("admin", HttpMethod.PUT, "/api/enterprises/" + badCheck(code), Map.of("name", "x", "county", "atlantis",
        "industry", "MACHINERY", "aboveDesignatedSize", true, "taxCreditRating", "A", "accountingCreditGood", true));
    assertThat(bad.getStatusCode().value()).isEqualTo(422);
    assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("creditCode", "county", "jointPunishmentTarget");
    assertThat(bad.getBody().get("detail").asText()).contains("校验位错误", "未知的县区代码");
  }

  @Test
  void externalAwardsImportReportsEachBadLineAndListsTheAwards() {
    String ent = cleanEnterprise();
    String csv = "creditCode,programme,measureType,amount,awardedOn\n"
        + ent + ",GX-2025Q1,EXHIBITION,30000,2025-03-20\n"
        + badCheck(ent) + ",GX-2025Q1,EXHIBITION,1,2025-03-01\n"
        + ent + ",GX-2025Q1,EXPORT,三万,2025-03-01\n"
        + ent + ",,EXPORT,1,2025/03/01\n";
    ResponseEntity<JsonNode> refused = importCsv("admin", "/api/external-awards", withBom(csv));
    assertThat(refused.getStatusCode().value()).isEqualTo(422);
    assertThat(refused.getBody().get("detail").asText()).contains("第3行 creditCode：统一社会信用代码校验位错误",
        "第4行 amount：金额须为数字", "第5行 programme：须填写", "第5行 awardedOn：日期须写作 yyyy-MM-dd");
    assertThat(call("admin", HttpMethod.GET, "/api/external-awards?creditCode=" + ent, null).getBody()).isEmpty();

    String good = "creditCode,programme,measureType,amount,awardedOn\n" + ent + ",GX-2025Q1,EXHIBITION,30000,2025-03-20\n";
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    admin.post("/console/external-awards/import", upload("awards.csv", withBom(good), "reason", "自治区工信厅2025年第一季度奖补名单"),
        MediaType.MULTIPART_FORM_DATA);
    assertThat(admin.get("/console/external-awards").getBody()).contains("已导入 1 条");
    // the same file again adds nothing
    assertThat(importCsv("admin", "/api/external-awards", utf8(good)).getBody().get("alreadyRecorded").asInt()).isEqualTo(1);
    assertThat(call("admin", HttpMethod.GET, "/api/external-awards?creditCode=" + ent, null).getBody()).hasSize(1);
    assertThat(admin.get("/console/external-awards?q=" + ent).getBody()).contains(ent, "GX-2025Q1", "30,000.00", "共 <strong>1</strong> 条");
  }

  @Test
  void onlyPolicyAdministratorsEditAndAuditorsCannot() {
    byte[] csv = utf8(HEADER + line(freshCode(), "越权企业有限公司", "liunan", "true"));
    assertThat(importCsv("auditor", "/api/enterprises/import", csv).getStatusCode().value()).isEqualTo(403);
    assertThat(importCsv("bureau", "/api/external-awards", utf8("creditCode,programme,measureType,amount,awardedOn\n"))
        .getStatusCode().value()).isEqualTo(403);
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);
    for (String page : List.of("/console/enterprises", "/console/name-lists", "/console/name-lists/LZ-SEI-ENTERPRISES",
        "/console/external-awards")) {
      assertThat(auditor.get(page).getStatusCode().value()).as(page).isEqualTo(403);
    }
    assertThat(auditor.post("/console/name-lists/LZ-SEI-ENTERPRISES/entries", form("creditCode", freshCode(), "note", "x"),
        MediaType.APPLICATION_FORM_URLENCODED).getStatusCode().value()).isEqualTo(403);
    assertThat(auditor.post("/console/enterprises/import", upload("x.csv", csv, "reason", "x"), MediaType.MULTIPART_FORM_DATA)
        .getStatusCode().value()).isEqualTo(403);
    // an administrator's form post without the CSRF token is refused
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.COOKIE, "JSESSIONID=" + sessionOf(admin));
    assertThat(rest.exchange("/console/name-lists/LZ-SEI-ENTERPRISES/entries", HttpMethod.POST,
        new HttpEntity<>(form("creditCode", freshCode(), "note", "x"), headers), String.class).getStatusCode().value())
        .isEqualTo(403);
  }

  private static String sessionOf(PageSession session) {
    try {
      var field = PageSession.class.getDeclaredField("sessionId");
      field.setAccessible(true);
      return (String) field.get(session);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void nameListChangesAreRecordedAndShownInTheEnterprisesCaseFiles() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 100000).get("id").asText();
    String list = "GX-2025Q2-AI-FUSION-SELECTED";
    PageSession admin = PageSession.login(rest, "admin", PASSWORD);

    // a bad credit code is refused with the reason
    admin.post("/console/name-lists/" + list + "/entries", form("creditCode", badCheck(ent), "note", "桂工信〔2025〕12号"),
        MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(admin.get("/console/name-lists/" + list).getBody()).contains("creditCode：统一社会信用代码校验位错误");

    admin.post("/console/name-lists/" + list + "/entries", form("creditCode", ent, "note", "桂工信〔2025〕12号遴选结果"),
        MediaType.APPLICATION_FORM_URLENCODED);
    String page = admin.get("/console/name-lists/" + list).getBody();
    assertThat(page).contains("已将 " + ent + " 列入名单", "桂工信〔2025〕12号遴选结果", "周立新（系统管理员）");
    assertThat(call("admin", HttpMethod.GET, "/api/name-lists/" + list, null).getBody().get("creditCodes").toString()).contains(ent);

    // removal needs a reason
    admin.post("/console/name-lists/" + list + "/entries/" + ent + "/remove", form("reason", ""), MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(admin.get("/console/name-lists/" + list).getBody()).contains("请填写移出理由");
    assertThat(call("admin", HttpMethod.GET, "/api/name-lists/" + list, null).getBody().get("creditCodes").toString()).contains(ent);
    admin.post("/console/name-lists/" + list + "/entries/" + ent + "/remove", form("reason", "企业申请撤回项目"),
        MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(call("admin", HttpMethod.GET, "/api/name-lists/" + list, null).getBody().get("creditCodes").toString())
        .doesNotContain(ent);
    // the API's own calls are recorded too
    assertThat(call("admin", HttpMethod.PUT, "/api/name-lists/LZ-SEI-ENTERPRISES/entries/" + ent + "?note=市工信局2026年第3号公告", null)
        .getStatusCode().value()).isEqualTo(201);

    // a registry edit in the console, with its reason
    admin.post("/console/enterprises/" + ent, form("name", "更名后机械有限公司", "county", "liunan", "industry", "MACHINERY",
        "aboveDesignatedSize", "true", "taxCreditRating", "B", "accountingCreditGood", "true", "jointPunishmentTarget", "false",
        "bankName", "", "bankAccount", "", "reason", ""), MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(admin.get("/console/enterprises/" + ent).getBody()).contains("reason：请填写变更理由");
    assertThat(enterprise(ent).get("taxCreditRating").asText()).isEqualTo("A");
    admin.post("/console/enterprises/" + ent, form("name", "更名后机械有限公司", "county", "liunan", "industry", "MACHINERY",
        "aboveDesignatedSize", "true", "taxCreditRating", "B", "accountingCreditGood", "true", "jointPunishmentTarget", "false",
        "bankName", "", "bankAccount", "", "reason", "税务局2026年度纳税信用评价"), MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(enterprise(ent).get("taxCreditRating").asText()).isEqualTo("B");
    assertThat(enterprise(ent).get("bankAccount").asText()).as("an empty account keeps the recorded one").isNotBlank();

    // the auditor reads all of it in the application's case file, marked as after filing, with no form to change it
    PageSession auditor = PageSession.login(rest, "auditor", PASSWORD);
    String caseFile = auditor.get("/cases/" + id).getBody();
    String section = caseFile.substring(caseFile.indexOf("登记信息与名单变更"));
    assertThat(section).contains("id=\"registry-changes\"", list, "列入名单", "桂工信〔2025〕12号遴选结果", "移出名单", "企业申请撤回项目",
        "LZ-SEI-ENTERPRISES", "市工信局2026年第3号公告", "纳税信用等级", "税务局2026年度纳税信用评价", "企业名称", "更名后机械有限公司",
        "周立新（系统管理员）", "申报后", "新登记");
    assertThat(section).doesNotContain("<form");
    assertThat(auditor.get("/console/enterprises/" + ent).getStatusCode().value()).isEqualTo(403);
  }
}
