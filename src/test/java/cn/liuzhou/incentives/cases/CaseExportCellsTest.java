package cn.liuzhou.incentives.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A name typed by someone never runs as a formula in Excel or WPS when the CSV export is opened. */
class CaseExportCellsTest {

  @Test
  void textsThatLookLikeFormulasAreWrittenAsText() {
    assertThat(CaseExports.textCell("=HYPERLINK(\"http://x\",\"点击\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"点击\")");
    assertThat(CaseExports.textCell("+86")).isEqualTo("'+86");
    assertThat(CaseExports.textCell("-1")).isEqualTo("'-1");
    assertThat(CaseExports.textCell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CaseExports.textCell("柳州示例精工机械有限公司")).isEqualTo("柳州示例精工机械有限公司");
    assertThat(CaseExports.textCell("")).isEmpty();
  }
}
