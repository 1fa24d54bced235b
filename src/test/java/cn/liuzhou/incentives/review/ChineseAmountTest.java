package cn.liuzhou.incentives.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseAmountTest {

  @ParameterizedTest
  @CsvSource({
      "70000, 柒万元整",
      "70000.00, 柒万元整",
      "0, 零元整",
      "0.05, 伍分",
      "0.5, 伍角整",
      "1.05, 壹元零伍分",
      "1.5, 壹元伍角整",
      "10, 壹拾元整",
      "15, 壹拾伍元整",
      "101, 壹佰零壹元整",
      "1010, 壹仟零壹拾元整",
      "1001, 壹仟零壹元整",
      "10005.20, 壹万零伍元贰角整",
      "100000, 壹拾万元整",
      "100500, 壹拾万零伍佰元整",
      "1000100, 壹佰万零壹佰元整",
      "10010000, 壹仟零壹万元整",
      "10001000, 壹仟万壹仟元整",
      "50000000, 伍仟万元整",
      "100000000, 壹亿元整",
      "100000001, 壹亿零壹元整",
      "120034005.67, 壹亿贰仟零叁万肆仟零伍元陆角柒分",
      "4000000, 肆佰万元整",
      "6543210.98, 陆佰伍拾肆万叁仟贰佰壹拾元玖角捌分",
      "1000000000000, 壹万亿元整"
  })
  void writesAmountsAsPaymentDocumentsDo(String amount, String capitals) {
    assertThat(ChineseAmount.of(new BigDecimal(amount))).isEqualTo(capitals);
  }

  @Test
  void neverRoundsUpAndRefusesWhatItCannotWrite() {
    assertThat(ChineseAmount.of(new BigDecimal("0.999"))).isEqualTo("玖角玖分");
    assertThat(ChineseAmount.of(new BigDecimal("-5"))).isEqualTo("负伍元整");
    assertThat(ChineseAmount.of(null)).isNull();
    assertThatThrownBy(() -> ChineseAmount.of(new BigDecimal("1E16"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void figuresCarryThousandsSeparators() {
    assertThat(Money.yuan(new BigDecimal("50000000"))).isEqualTo("50,000,000.00 元");
    assertThat(Money.yuan(new BigDecimal("70000.00"))).isEqualTo("70,000.00 元");
    assertThat(Money.yuan(new BigDecimal("0.5"))).isEqualTo("0.50 元");
    assertThat(Money.percent(new BigDecimal("0.5"))).isEqualTo("50%");
    assertThat(Money.percent(new BigDecimal("0.135"))).isEqualTo("13.5%");
    assertThat(Money.percent(new BigDecimal("0.001"))).isEqualTo("0.1%");
  }
}
