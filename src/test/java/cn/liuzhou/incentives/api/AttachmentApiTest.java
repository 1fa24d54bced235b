package cn.liuzhou.incentives.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.liuzhou.incentives.evidence.EvidenceFormatTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Evidence attachments: the contract the enterprise portal relies on, who may add and read them, and
 * the attacks (another enterprise, another county, anonymous, wrong types, oversized bodies, path
 * tricks in names). The test profile limits a file to 1 MB and an upload request to 1.5 MB.
 */
class AttachmentApiTest extends ApiTestSupport {

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  void theApplicantAddsEvidenceAndEveryoneWhoDecidesReadsIt() throws Exception {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();

    var created = upload(ent, id, "展位费发票（2026年5月）.pdf", PDF, "application/pdf", "发票");
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    JsonNode a = created.getBody();
    assertThat(a.get("fileName").asText()).isEqualTo("展位费发票（2026年5月）.pdf");
    assertThat(a.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(a.get("sizeBytes").asLong()).isEqualTo(PDF.length);
    assertThat(a.get("sha256").asText()).isEqualTo(sha256(PDF));
    assertThat(a.get("documentType").asText()).isEqualTo("发票");
    assertThat(a.get("uploadedBy").asText()).isEqualTo(ent);
    assertThat(a.get("uploadedAt").asText()).isNotBlank();
    String path = "/api/applications/" + id + "/attachments/" + a.get("id").asLong();
    assertThat(created.getHeaders().getLocation()).hasToString(path);

    for (String reader : List.of(ent, "county.liunan", "bureau", "finance", "auditor", "admin")) {
      var list = call(reader, HttpMethod.GET, "/api/applications/" + id + "/attachments", null);
      assertThat(list.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(list.getBody()).hasSize(1);
      assertThat(list.getBody().get(0).get("sha256").asText()).isEqualTo(sha256(PDF));
      var file = download(reader, path);
      assertThat(file.getStatusCode().value()).as(reader).isEqualTo(200);
      assertThat(file.getBody()).isEqualTo(PDF);
    }
    var file = download("county.liunan", path);
    assertThat(file.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(file.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
    assertThat(disposition).startsWith("inline").contains("filename*=UTF-8''"
        + URLEncoder.encode("展位费发票（2026年5月）.pdf", StandardCharsets.UTF_8).replace("+", "%20"));

    // The audit trail shows the upload with who, the file and its digest.
    var trail = call("auditor", HttpMethod.GET, "/api/applications/" + id + "/audit", null).getBody();
    JsonNode step = null;
    for (JsonNode s : trail) {
      if ("ATTACHMENT".equals(s.get("what").asText())) {
        step = s;
      }
    }
    assertThat(step).as("journal entry of the upload").isNotNull();
    assertThat(step.get("who").asText()).isEqualTo(ent);
    assertThat(step.get("comment").asText()).contains("发票", "展位费发票（2026年5月）.pdf", sha256(PDF));
  }

  @Test
  void nobodyElseLearnsThatTheApplicationOrItsEvidenceExists() {
    String ent = cleanEnterprise();
    String other = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    long aid = upload(ent, id, "invoice.pdf", PDF, "application/pdf", null).getBody().get("id").asLong();
    String list = "/api/applications/" + id + "/attachments";
    String path = list + "/" + aid;

    // Another enterprise, a reviewer of another county, an expert with no task of it: 404 as for no application.
    for (String stranger : List.of(other, "county.yufeng", "expert")) {
      assertThat(call(stranger, HttpMethod.GET, list, null).getStatusCode().value()).as(stranger).isEqualTo(404);
      assertThat(download(stranger, path).getStatusCode().value()).as(stranger).isEqualTo(404);
      assertThat(upload(stranger, id, "x.pdf", PDF, "application/pdf", null).getStatusCode().value()).as(stranger).isEqualTo(404);
    }
    var notFound = call(other, HttpMethod.GET, list, null);
    var missing = call(other, HttpMethod.GET, "/api/applications/SQ-20260101-DEADBEEF/attachments", null);
    assertThat(notFound.getBody().get("detail").asText()).startsWith("未找到申请");
    assertThat(missing.getBody().get("detail").asText()).startsWith("未找到申请");
    // Anonymous callers and wrong passwords are asked to log in.
    assertThat(download(null, path).getStatusCode().value()).isEqualTo(401);
    assertThat(upload(null, id, "x.pdf", PDF, "application/pdf", null).getStatusCode().value()).isEqualTo(401);
    // A reviewer may read but not add; an attachment of another application, or no number at all, is 404.
    assertThat(upload("county.liunan", id, "x.pdf", PDF, "application/pdf", null).getStatusCode().value()).isEqualTo(403);
    String otherId = fileExhibition(other, 120000).get("id").asText();
    assertThat(download(other, "/api/applications/" + otherId + "/attachments/" + aid).getStatusCode().value()).isEqualTo(404);
    assertThat(download(ent, list + "/abc").getStatusCode().value()).isEqualTo(404);
    assertThat(download(ent, list + "/99999999999").getStatusCode().value()).isEqualTo(404);
  }

  @Test
  void onlyAcceptedFormatsAreStoredWhateverTheClientClaims() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();

    var html = upload(ent, id, "invoice.pdf", "<html><script>alert(document.cookie)</script></html>"
        .getBytes(StandardCharsets.UTF_8), "application/pdf", "发票");
    assertThat(html.getStatusCode().value()).isEqualTo(415);
    assertThat(html.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
    assertThat(html.getBody().get("detail").asText()).contains("文件类型不受支持");
    assertThat(html.getBody().get("detailEn").asText()).contains("Unsupported file type");
    assertThat(upload(ent, id, "archive.zip", EvidenceFormatTest.zip("a.exe"), "application/zip", null)
        .getStatusCode().value()).isEqualTo(415);

    // Declared as a PDF, it is a PNG: stored and served as what it is.
    var png = upload(ent, id, "scan.pdf", PNG, "application/pdf", "营业执照");
    assertThat(png.getStatusCode().value()).isEqualTo(201);
    assertThat(png.getBody().get("contentType").asText()).isEqualTo("image/png");
    assertThat(png.getBody().get("fileName").asText()).isEqualTo("scan.pdf.png");
    var docx = upload(ent, id, "合同.docx", EvidenceFormatTest.zip("[Content_Types].xml", "word/document.xml"),
        "application/octet-stream", "合同");
    assertThat(docx.getBody().get("contentType").asText())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    var ofd = upload(ent, id, "电子发票.ofd", EvidenceFormatTest.zip("OFD.xml", "Doc_0/Document.xml"), "application/octet-stream", "发票");
    assertThat(ofd.getBody().get("contentType").asText()).isEqualTo("application/ofd");
    var xlsxFile = download(ent, "/api/applications/" + id + "/attachments/" + docx.getBody().get("id").asLong());
    assertThat(xlsxFile.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");

    // Names keep their last segment only.
    var traversal = upload(ent, id, "../../../etc/passwd", PDF, "application/pdf", null);
    assertThat(traversal.getStatusCode().value()).isEqualTo(201);
    assertThat(traversal.getBody().get("fileName").asText()).isEqualTo("passwd.pdf");
    var windows = upload(ent, id, "..\\..\\boot.ini.pdf", PDF, "application/pdf", null);
    assertThat(windows.getBody().get("fileName").asText()).isEqualTo("boot.ini.pdf");

    // Empty, missing and badly described files are named.
    var empty = upload(ent, id, "empty.pdf", new byte[0], "application/pdf", null);
    assertThat(empty.getStatusCode().value()).isEqualTo(422);
    assertThat(empty.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
    var none = upload(ent, id, null, null, "application/pdf", "发票");
    assertThat(none.getStatusCode().value()).isEqualTo(422);
    assertThat(none.getBody().get("errors").get(0).get("field").asText()).isEqualTo("file");
    var longType = upload(ent, id, "a.pdf", PDF, "application/pdf", "类".repeat(61));
    assertThat(longType.getStatusCode().value()).isEqualTo(422);
    assertThat(longType.getBody().get("errors").get(0).get("field").asText()).isEqualTo("documentType");
    assertThat(call(ent, HttpMethod.GET, "/api/applications/" + id + "/attachments", null).getBody()).hasSize(5);
  }

  @Test
  void oversizedUploadsAreRefusedWith413() {
    String ent = cleanEnterprise();
    String id = fileExhibition(ent, 150000).get("id").asText();
    byte[] justOver = new byte[1024 * 1024 + 1];
    System.arraycopy(PDF, 0, justOver, 0, PDF.length);
    var over = upload(ent, id, "big.pdf", justOver, "application/pdf", null);
    assertThat(over.getStatusCode().value()).isEqualTo(413);
    assertThat(over.getBody().get("detail").asText()).contains("过大");
    byte[] wayOver = new byte[1600 * 1024];
    System.arraycopy(PDF, 0, wayOver, 0, PDF.length);
    var huge = upload(ent, id, "huge.pdf", wayOver, "application/pdf", null);
    assertThat(huge.getStatusCode().value()).isEqualTo(413);
    // An upload within the limits, larger than the 2 MB of other requests would not be: here 1 MB exactly.
    byte[] exactly = new byte[1024 * 1024];
    System.arraycopy(PDF, 0, exactly, 0, PDF.length);
    assertThat(upload(ent, id, "ok.pdf", exactly, "application/pdf", null).getStatusCode().value()).isEqualTo(201);
    // Other API requests keep their own limit.
    assertThat(call(ent, HttpMethod.POST, "/api/applications", "{\"x\":\"" + "a".repeat(2_200_000) + "\"}")
        .getStatusCode().value()).isEqualTo(413);
  }

  @Test
  void evidenceIsAddedOnlyWhileTheApplicationIsOpenForIt() {
    String ent = cleanEnterprise();
    var filed = call("county.liunan", HttpMethod.POST, "/api/applications", Map.of("measureCode", "LZ-2026Q2-EXHIBITION",
        "creditCode", ent, "facts", Map.of("eligibleCost", 100000, "eventDate", "2026-05-10")));
    String id = filed.getBody().get("id").asText();
    // In screening, the county staff who filed it and the enterprise may both add evidence.
    assertThat(upload("county.liunan", id, "合同.pdf", PDF, "application/pdf", "合同").getStatusCode().value()).isEqualTo(201);
    assertThat(upload(ent, id, "发票.pdf", PDF, "application/pdf", "发票").getStatusCode().value()).isEqualTo(201);
    runDueJobs();
    assertThat(application(id).get("status").asText()).isEqualTo("COUNTY_REVIEW");
    assertThat(upload(ent, id, "发票2.pdf", PDF, "application/pdf", "发票").getStatusCode().value()).isEqualTo(201);
    assertThat(call("county.liunan", HttpMethod.GET, "/api/applications/" + id + "/attachments", null).getBody()).hasSize(3);

    // Once the county has passed it on, the evidence is what the county saw.
    String ent2 = cleanEnterprise();
    String id2 = fileExhibition(ent2, 150000).get("id").asText();
    assertThat(completeTask("county.liunan", id2, Map.of("decision", "APPROVE")).getStatusCode().value()).isEqualTo(204);
    var late = upload(ent2, id2, "迟交.pdf", PDF, "application/pdf", "发票");
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody().get("detail").asText()).contains("不能再上传");
    // Returned for amendment: open again.
    String ent3 = cleanEnterprise();
    String id3 = fileExhibition(ent3, 150000).get("id").asText();
    assertThat(completeTask("county.liunan", id3, Map.of("decision", "RETURN", "comment", "请补充发票")).getStatusCode().value())
        .isEqualTo(204);
    assertThat(application(id3).get("status").asText()).isEqualTo("RETURNED");
    assertThat(upload(ent3, id3, "补充发票.pdf", PDF, "application/pdf", "发票").getStatusCode().value()).isEqualTo(201);
  }
}
