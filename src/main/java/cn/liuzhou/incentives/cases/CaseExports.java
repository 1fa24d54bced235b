package cn.liuzhou.incentives.cases;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The search result as an Excel workbook (Apache POI, streamed) and as CSV (Jackson CSV, UTF-8 with a byte order
 * mark so that Excel and WPS read the Chinese headers), and a case file as PDF (openhtmltopdf, with a CJK font
 * embedded). Nothing is built by hand.
 */
@Component
public class CaseExports {

  private static final Logger LOG = LoggerFactory.getLogger(CaseExports.class);
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  public static final List<String> HEADERS = List.of("申请编号", "政策包", "措施", "统一社会信用代码", "企业名称", "县区",
      "状态", "测算奖励（元）", "核定奖励（元）", "拨付金额（元）", "决策表版本", "支付凭证号", "申报时间（北京时间）", "最后更新（北京时间）");

  private final List<String> fontFiles;

  public CaseExports(@Value("${incentives.pdf.fonts:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc,"
      + "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf,/usr/share/fonts/truetype/arphic/uming.ttc}") List<String> fontFiles) {
    this.fontFiles = fontFiles;
  }

  static List<Object> cells(CaseSearch.Row r) {
    List<Object> cells = new ArrayList<>();
    cells.add(r.id());
    cells.add(r.packageCode());
    cells.add(r.measureCode());
    cells.add(r.creditCode());
    cells.add(r.enterpriseName() == null ? "" : r.enterpriseName());
    cells.add(CaseLabels.county(r.county()));
    cells.add(CaseLabels.status(r.status()));
    cells.add(r.proposedAward());
    cells.add(r.approvedAward());
    cells.add(r.disbursedAward());
    cells.add(r.decisionVersionTag());
    cells.add(r.paymentReference() == null ? "" : r.paymentReference());
    cells.add(CaseLabels.time(r.filedAt()));
    cells.add(CaseLabels.time(r.updatedAt()));
    return cells;
  }

  /** Writes the rows the producer hands over as an .xlsx workbook. */
  public void xlsx(Consumer<Consumer<CaseSearch.Row>> rows, String criteriaLine, OutputStream out) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      Sheet sheet = book.createSheet("案卷查询结果");
      Font bold = book.createFont();
      bold.setBold(true);
      CellStyle header = book.createCellStyle();
      header.setFont(bold);
      CellStyle money = book.createCellStyle();
      money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue("柳州市工业稳增长政策奖补案卷查询结果 " + criteriaLine);
      Row head = sheet.createRow(1);
      for (int c = 0; c < HEADERS.size(); c++) {
        head.createCell(c).setCellValue(HEADERS.get(c));
        head.getCell(c).setCellStyle(header);
        sheet.setColumnWidth(c, (c == 4 ? 34 : c == 0 || c == 3 || c >= 11 ? 22 : 16) * 256);
      }
      sheet.createFreezePane(0, 2);
      int[] next = {2};
      rows.accept(r -> {
        Row row = sheet.createRow(next[0]++);
        List<Object> cells = cells(r);
        for (int c = 0; c < cells.size(); c++) {
          Object v = cells.get(c);
          if (v instanceof BigDecimal amount) {
            row.createCell(c).setCellValue(amount.doubleValue());
            row.getCell(c).setCellStyle(money);
          } else if (v != null) {
            row.createCell(c).setCellValue(v.toString());
          }
        }
      });
      book.write(out);
      book.dispose();
    }
  }

  /**
   * A text starting like a formula (an enterprise name or payment reference typed by someone) is written with a
   * leading apostrophe, so Excel and WPS show it instead of evaluating it (CSV injection).
   */
  static String textCell(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  /** Writes the rows as CSV in UTF-8 with a byte order mark and a header row in Chinese. */
  public void csv(Consumer<Consumer<CaseSearch.Row>> rows, OutputStream out) throws IOException {
    out.write(BOM);
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    HEADERS.forEach(schema::addColumn);
    CsvMapper mapper = new CsvMapper();
    try (SequenceWriter writer = mapper.writer(schema.build()).writeValues(new java.io.OutputStreamWriter(out,
        StandardCharsets.UTF_8))) {
      rows.accept(r -> {
        try {
          writer.write(cells(r).stream().map(v -> v == null ? "" : v instanceof BigDecimal b ? b.toPlainString()
              : textCell(v.toString())).toList());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
  }

  /** Renders well-formed XHTML to PDF with the first CJK font found on the machine embedded (subset). */
  public void pdf(String xhtml, OutputStream out) throws IOException {
    List<java.io.Closeable> open = new ArrayList<>();
    try (PDDocument document = new PDDocument()) {
      PdfRendererBuilder builder = new PdfRendererBuilder().usePDDocument(document).useFastMode()
          .withHtmlContent(xhtml, null).toStream(out);
      TrueTypeFont font = cjkFont(open);
      if (font != null) {
        builder.useFont(new com.openhtmltopdf.pdfboxout.PDFontSupplier(PDType0Font.load(document, font, true)), "CJK");
      } else {
        LOG.warn("No CJK font found in {}: the PDF's Chinese text cannot be shown (apt-get install fonts-wqy-microhei)", fontFiles);
      }
      builder.run();
    } finally {
      for (java.io.Closeable c : open) {
        c.close();
      }
    }
  }

  /** A TrueType CJK font (PDFBox embeds TrueType outlines, not the CFF outlines of Noto CJK's OpenType files). */
  private TrueTypeFont cjkFont(List<java.io.Closeable> open) throws IOException {
    for (String path : fontFiles) {
      File file = new File(path.trim());
      if (!file.isFile()) {
        continue;
      }
      if (file.getName().endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(file);
        open.add(collection);
        TrueTypeFont[] first = new TrueTypeFont[1];
        collection.processAllFonts(f -> {
          if (first[0] == null && f.getTableMap().containsKey("glyf")) {
            first[0] = f;
          }
        });
        if (first[0] != null) {
          return first[0];
        }
      } else {
        TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser().parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file));
        open.add(ttf);
        return ttf;
      }
    }
    return null;
  }
}
