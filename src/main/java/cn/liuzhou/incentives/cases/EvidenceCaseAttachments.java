package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.evidence.Attachments;
import java.util.List;
import org.springframework.stereotype.Component;

/** The case file's attachments: the evidence store's records (never their content), with their SHA-256. */
@Component
class EvidenceCaseAttachments implements CaseAttachments {

  private final Attachments attachments;

  EvidenceCaseAttachments(Attachments attachments) {
    this.attachments = attachments;
  }

  @Override
  public List<Attachment> of(String applicationId) {
    return attachments.of(applicationId).stream()
        .map(a -> new Attachment(a.documentType() == null ? a.fileName() : a.documentType() + " · " + a.fileName(),
            a.sha256(), a.sizeBytes(), a.uploadedBy(), a.uploadedAt()))
        .toList();
  }

  @Override
  public boolean available() {
    return true;
  }
}
