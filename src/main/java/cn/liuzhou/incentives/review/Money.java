package cn.liuzhou.incentives.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as reviewers read them: yuan with thousands separators and two decimals ("50,000,000.00 元"). */
public final class Money {

  private Money() {}

  /** "70,000.00" (exact: the BigDecimal is formatted, never a double). */
  public static String figures(BigDecimal amount) {
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setRoundingMode(RoundingMode.DOWN);
    return format.format(amount);
  }

  /** "70,000.00 元". */
  public static String yuan(BigDecimal amount) {
    return amount == null ? null : figures(amount) + " 元";
  }

  /** A decision's rate as a percentage: 0.5 → "50%", 0.135 → "13.5%", 0.001 → "0.1%". */
  public static String percent(BigDecimal rate) {
    return rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
