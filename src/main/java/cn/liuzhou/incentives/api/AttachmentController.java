package cn.liuzhou.incentives.api;

import cn.liuzhou.incentives.evidence.Attachments;
import cn.liuzhou.incentives.evidence.EvidenceFormat;
import cn.liuzhou.incentives.evidence.EvidenceService;
import cn.liuzhou.incentives.security.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence attached to an application (invoices, contracts, reports): multipart upload, list and
 * download. The contract is shared with the enterprise portal; see README, "Evidence".
 */
@RestController
@RequestMapping("/api/applications/{id}/attachments")
public class AttachmentController {

  /** An attachment as the API shows it (never its content). */
  public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
      String documentType, String uploadedBy, Instant uploadedAt) {

    static AttachmentView of(Attachments.Attachment a) {
      return new AttachmentView(a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), a.documentType(),
          a.uploadedBy(), a.uploadedAt());
    }
  }

  private final EvidenceService evidence;

  public AttachmentController(EvidenceService evidence) {
    this.evidence = evidence;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<AttachmentView> upload(@PathVariable String id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "documentType", required = false) String documentType, Caller caller) throws IOException {
    if (file == null) {
      throw ApiException.invalid("file", "请求须包含名为 file 的文件部分", "The multipart request must carry a part named file");
    }
    var saved = evidence.add(caller, id, file.getOriginalFilename(), documentType, file.getBytes());
    return ResponseEntity.created(Locations.of("/api/applications/" + id + "/attachments/" + saved.id()))
        .body(AttachmentView.of(saved));
  }

  @GetMapping
  public List<AttachmentView> list(@PathVariable String id, Caller caller) {
    return evidence.list(caller, id).stream().map(AttachmentView::of).toList();
  }

  @GetMapping("/{attachmentId}")
  public ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId, Caller caller) {
    EvidenceService.Download d = evidence.download(caller, id, attachmentId);
    boolean inline = EvidenceFormat.ofContentType(d.attachment().contentType()).map(EvidenceFormat::inline).orElse(false);
    ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
        .filename(d.attachment().fileName(), StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(d.attachment().contentType()))
        .contentLength(d.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header("X-Content-Type-Options", "nosniff")
        // Opened in the browser, a file can run nothing and reach nothing, whatever it pretends to be.
        .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .eTag("\"" + d.attachment().sha256() + "\"")
        .body(d.content());
  }
}
