package cn.liuzhou.incentives.cases;

import java.time.Instant;
import java.util.List;

/** The attachments a case file lists with their SHA-256 ({@link EvidenceCaseAttachments} reads the evidence store). */
public interface CaseAttachments {

  record Attachment(String name, String sha256, long size, String uploadedBy, Instant uploadedAt) {}

  /** The application's attachments, oldest first; empty when there are none or the feature is not installed. */
  List<Attachment> of(String applicationId);

  /** False while no attachment store exists (the case file says so instead of "none"). */
  boolean available();
}
