package cn.liuzhou.incentives.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

public class EvidenceFormatTest {

  static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

  public static byte[] zip(String... entries) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(out)) {
        for (String name : entries) {
          zip.putNextEntry(new ZipEntry(name));
          zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
        }
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void recognisesEachAcceptedFormatByItsContent() {
    assertThat(EvidenceFormat.detect(PDF)).contains(EvidenceFormat.PDF);
    assertThat(EvidenceFormat.detect(PNG)).contains(EvidenceFormat.PNG);
    assertThat(EvidenceFormat.detect(JPEG)).contains(EvidenceFormat.JPEG);
    assertThat(EvidenceFormat.detect(zip("OFD.xml", "Doc_0/Document.xml"))).contains(EvidenceFormat.OFD);
    assertThat(EvidenceFormat.detect(zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"))).contains(EvidenceFormat.XLSX);
    assertThat(EvidenceFormat.detect(zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"))).contains(EvidenceFormat.DOCX);
  }

  @Test
  void refusesEverythingElseWhateverItIsCalled() {
    assertThat(EvidenceFormat.detect("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(EvidenceFormat.detect(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty(); // a Windows executable
    assertThat(EvidenceFormat.detect(zip("evil.exe", "readme.txt"))).isEmpty(); // a plain ZIP
    assertThat(EvidenceFormat.detect(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEmpty(); // PPTX: not accepted
    assertThat(EvidenceFormat.detect(new byte[] {'P', 'K', 3, 4, 1, 2, 3})).isEmpty(); // a broken ZIP
    assertThat(EvidenceFormat.detect(new byte[] {'%', 'P'})).isEmpty();
    assertThat(EvidenceFormat.detect(new byte[0])).isEmpty();
    assertThat(EvidenceFormat.detect(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void fileNamesLoseDirectoriesControlCharactersAndReservedCharacters() {
    assertThat(EvidenceFormat.PDF.safeFileName("../../etc/passwd")).isEqualTo("passwd.pdf");
    assertThat(EvidenceFormat.PDF.safeFileName("..\\..\\windows\\win.ini.pdf")).isEqualTo("win.ini.pdf");
    assertThat(EvidenceFormat.PDF.safeFileName("C:\\发票\\2026年5月 展位费发票.PDF")).isEqualTo("2026年5月 展位费发票.PDF");
    assertThat(EvidenceFormat.PNG.safeFileName("a\u0000b\r\n<c>.png")).isEqualTo("ab_c_.png");
    assertThat(EvidenceFormat.PDF.safeFileName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe.pdf"); // right-to-left override
    assertThat(EvidenceFormat.PDF.safeFileName("..")).isEqualTo("附件.pdf");
    assertThat(EvidenceFormat.PDF.safeFileName(null)).isEqualTo("附件.pdf");
    assertThat(EvidenceFormat.PDF.safeFileName(".hidden.pdf")).isEqualTo("hidden.pdf");
    assertThat(EvidenceFormat.JPEG.safeFileName("照片.jpeg")).isEqualTo("照片.jpeg");
    assertThat(EvidenceFormat.JPEG.safeFileName("照片.png")).isEqualTo("照片.png.jpg");
    assertThat(EvidenceFormat.PDF.safeFileName("长".repeat(300) + ".pdf")).isEqualTo("长".repeat(120) + ".pdf");
  }
}
