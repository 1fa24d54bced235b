package cn.liuzhou.incentives.evidence;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.security.Caller;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and reads evidence. An application a caller may not read answers 404 exactly like one that
 * does not exist, so application and attachment numbers cannot be probed.
 */
@Service
public class EvidenceService {

  private final ApplicationRepository applications;
  private final Attachments attachments;
  private final EvidenceAccess access;
  private final ApplicationJournal journal;
  private final long maxFileBytes;
  private final int maxFilesPerApplication;
  private final long maxBytesPerApplication;
  private final Clock clock;
  private final org.camunda.bpm.engine.TaskService tasks;
  private final cn.liuzhou.incentives.review.ReviewDisplay display;

  public EvidenceService(ApplicationRepository applications, Attachments attachments, EvidenceAccess access,
      ApplicationJournal journal, @Value("${incentives.attachments.max-file-bytes:20971520}") long maxFileBytes,
      @Value("${incentives.attachments.max-files-per-application:60}") int maxFilesPerApplication,
      @Value("${incentives.attachments.max-bytes-per-application:314572800}") long maxBytesPerApplication,
      Optional<Clock> clock, org.camunda.bpm.engine.TaskService tasks, cn.liuzhou.incentives.review.ReviewDisplay display) {
    this.maxFilesPerApplication = maxFilesPerApplication;
    this.maxBytesPerApplication = maxBytesPerApplication;
    this.tasks = tasks;
    this.display = display;
    this.applications = applications;
    this.attachments = attachments;
    this.access = access;
    this.journal = journal;
    this.maxFileBytes = maxFileBytes;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  public long maxFileBytes() {
    return maxFileBytes;
  }

  @Transactional
  public Attachments.Attachment add(Caller caller, String applicationId, String originalName, String documentType,
      byte[] content) {
    // Locked: evidence and the step that closes the application for it never pass each other unseen.
    ApplicationRecord app = applications.lock(applicationId).filter(a -> access.mayRead(caller, a))
        .orElseThrow(() -> ApiException.notFound("申请", applicationId));
    if (!access.mayAdd(caller, app)) {
      throw ApiException.forbidden("只有申报企业或代为申报的县区工作人员可以上传佐证材料",
          "Only the applicant or the person who filed the application may add evidence");
    }
    if (!EvidenceAccess.OPEN_FOR_EVIDENCE.contains(app.status())) {
      throw ApiException.conflict("status", "申请当前状态（" + app.status().zh() + "）不能再上传佐证材料；仅在自动审核、县区审核或退回补正期间可以上传",
          "Evidence can be added only while the application is being screened, in county review or returned for amendment; it is "
              + app.status());
    }
    String type = documentType == null ? null : documentType.strip();
    if (type != null && type.isEmpty()) {
      type = null;
    }
    if (type != null && (type.length() > 60 || type.codePoints().anyMatch(Character::isISOControl))) {
      throw ApiException.invalid("documentType", "材料类型不超过60个字符且不含控制字符", "documentType must have at most 60 characters and no control characters");
    }
    if (content == null || content.length == 0) {
      throw ApiException.invalid("file", "请选择要上传的文件（不能为空文件）", "file is required and must not be empty");
    }
    if (content.length > maxFileBytes) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file", "文件过大：单个文件不超过 " + megabytes(maxFileBytes),
          "The file is too large: at most " + maxFileBytes + " bytes per file");
    }
    EvidenceFormat format = EvidenceFormat.detect(content).orElseThrow(() -> new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "file", "文件类型不受支持：仅接受 PDF、OFD、JPEG、PNG、XLSX、DOCX（按文件内容识别，不按扩展名）",
        "Unsupported file type: only PDF, OFD, JPEG, PNG, XLSX and DOCX are accepted (recognised by content, not by name)"));
    // Per application, so that no applicant can fill the disk (files are never deleted: they are evidence).
    List<Attachments.Attachment> existing = attachments.of(app.id());
    long stored = existing.stream().mapToLong(Attachments.Attachment::sizeBytes).sum();
    if (existing.size() >= maxFilesPerApplication || stored + content.length > maxBytesPerApplication) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "file", "每件申请最多上传 " + maxFilesPerApplication + " 个文件、合计 "
          + megabytes(maxBytesPerApplication) + "；请合并材料后再上传",
          "At most " + maxFilesPerApplication + " files and " + maxBytesPerApplication + " bytes per application");
    }
    String fileName = format.safeFileName(originalName);
    String sha256 = sha256(content);
    Instant now = Instant.now(clock);
    Attachments.Attachment saved = attachments.insert(app.id(), fileName, format.contentType(), type, sha256,
        caller.userId(), now, content);
    journal.record(app.id(), "ATTACHMENT", caller.userId(), "UPLOADED", (type == null ? "" : type + "：") + fileName
        + "（" + format.labelZh() + "，" + sizeText(content.length) + "，SHA-256 " + sha256 + "，附件编号 " + saved.id() + "）");
    // A reviewer who already has the task open sees the new file too (the list is otherwise set when the task opens).
    String list = display.evidenceText(applications.get(app.id()));
    tasks.createTaskQuery().processInstanceBusinessKey(app.id()).list()
        .forEach(t -> tasks.setVariableLocal(t.getId(), cn.liuzhou.incentives.review.ReviewDisplay.EVIDENCE_LIST, list));
    return saved;
  }

  public List<Attachments.Attachment> list(Caller caller, String applicationId) {
    return attachments.of(readable(caller, applicationId).id());
  }

  /** The file and its content, for a caller who may read the application. */
  public Download download(Caller caller, String applicationId, String attachmentId) {
    ApplicationRecord app = readable(caller, applicationId);
    long id;
    try {
      id = Long.parseLong(attachmentId);
    } catch (NumberFormatException e) {
      throw ApiException.notFound("附件", shown(attachmentId));
    }
    Attachments.Attachment found = attachments.find(app.id(), id).orElseThrow(() -> ApiException.notFound("附件", shown(attachmentId)));
    return new Download(found, attachments.content(found.id()));
  }

  public record Download(Attachments.Attachment attachment, byte[] content) {}

  private ApplicationRecord readable(Caller caller, String applicationId) {
    return applications.find(applicationId).filter(a -> access.mayRead(caller, a))
        .orElseThrow(() -> ApiException.notFound("申请", shown(applicationId)));
  }

  private static String shown(String id) {
    return id.length() > 60 ? id.substring(0, 60) + "…" : id;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "1.2 MB", "35.0 KB", "512 字节". */
  public static String sizeText(long bytes) {
    if (bytes >= 1024 * 1024) {
      return String.format("%.1f MB", bytes / 1024.0 / 1024.0);
    }
    if (bytes >= 1024) {
      return String.format("%.1f KB", bytes / 1024.0);
    }
    return bytes + " 字节";
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : sizeText(bytes);
  }
}
