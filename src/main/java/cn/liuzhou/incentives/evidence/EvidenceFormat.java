package cn.liuzhou.incentives.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The evidence formats the system accepts, recognised by their content (magic bytes, and for the
 * ZIP-based formats the package's own entries), never by the name or the Content-Type the client
 * sent: PDF, JPEG, PNG, OFD (GB/T 33190, the Chinese fixed-layout format of e-invoices), XLSX and DOCX.
 */
public enum EvidenceFormat {
  PDF("application/pdf", "pdf", "PDF 文档", true),
  JPEG("image/jpeg", "jpg", "JPEG 图片", true),
  PNG("image/png", "png", "PNG 图片", true),
  OFD("application/ofd", "ofd", "OFD 版式文档", false),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel 表格", false),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word 文档", false);

  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  /** A package with more entries than this is not evidence (and not worth listing). */
  private static final int MAX_ZIP_ENTRIES = 10_000;

  private final String contentType;
  private final String extension;
  private final String labelZh;
  private final boolean inline;

  EvidenceFormat(String contentType, String extension, String labelZh, boolean inline) {
    this.contentType = contentType;
    this.extension = extension;
    this.labelZh = labelZh;
    this.inline = inline;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Browsers show it themselves (PDF, images); the others are downloaded. */
  public boolean inline() {
    return inline;
  }

  public static Optional<EvidenceFormat> ofContentType(String contentType) {
    return Arrays.stream(values()).filter(f -> f.contentType.equals(contentType)).findFirst();
  }

  /** What the bytes are, or empty when they are none of the accepted formats. */
  public static Optional<EvidenceFormat> detect(byte[] content) {
    if (startsWith(content, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(content, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, ZIP_MAGIC)) {
      return zipFormat(content);
    }
    return Optional.empty();
  }

  /** Reads only the package's central directory (no entry is inflated, so a ZIP bomb costs nothing). */
  private static Optional<EvidenceFormat> zipFormat(byte[] content) {
    Path file = null;
    try {
      file = Files.createTempFile("evidence", ".zip");
      Files.write(file, content);
      Set<String> names = new HashSet<>();
      try (ZipFile zip = new ZipFile(file.toFile())) {
        if (zip.size() > MAX_ZIP_ENTRIES) {
          return Optional.empty();
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
          names.add(e.nextElement().getName());
        }
      }
      if (names.contains("OFD.xml")) {
        return Optional.of(OFD);
      }
      if (names.contains("[Content_Types].xml")) {
        if (names.contains("xl/workbook.xml")) {
          return Optional.of(XLSX);
        }
        if (names.contains("word/document.xml")) {
          return Optional.of(DOCX);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException notAZip) {
      return Optional.empty();
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file left behind is removed with the temporary directory
        }
      }
    }
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * A file name safe to store, show and send back: the last path segment only (no directories, no
   * "..", either slash), without control, bidirectional-override or reserved characters, at most 120
   * characters, ending in the format's extension. An empty result becomes 附件.
   */
  public String safeFileName(String original) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    name = name.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder clean = new StringBuilder();
    name.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
        return;
      }
      clean.appendCodePoint("<>:\"|?*;".indexOf(cp) >= 0 ? '_' : cp);
    });
    name = clean.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1).strip();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    boolean rightExtension = lower.endsWith("." + extension) || this == JPEG && lower.endsWith(".jpeg");
    String stem = rightExtension ? name.substring(0, name.lastIndexOf('.')) : name;
    String ext = rightExtension ? name.substring(name.lastIndexOf('.') + 1) : extension;
    stem = stem.strip();
    if (stem.codePointCount(0, stem.length()) > 120) {
      stem = stem.substring(0, stem.offsetByCodePoints(0, 120));
    }
    if (stem.isEmpty() || stem.chars().allMatch(c -> c == '.' || c == '_')) {
      stem = "附件";
    }
    return stem + "." + ext;
  }
}
