package cn.liuzhou.incentives.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in yuan in Chinese capital numerals (大写金额) as payment documents write it (《支付结算办法》
 * 附件 正确填写票据和结算凭证的基本规定): 柒万元整, 壹拾万零伍佰元整, 壹万零伍元贰角整, 壹元零伍分.
 * Written to the 元 or 角 it ends in 整; to the 分 it does not.
 */
public final class ChineseAmount {

  private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
  private static final String[] IN_GROUP = {"", "拾", "佰", "仟"};
  private static final String[] GROUPS = {"", "万", "亿", "万亿"};

  private ChineseAmount() {}

  public static String of(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    BigDecimal fen = amount.setScale(2, RoundingMode.DOWN).movePointRight(2);
    if (fen.abs().compareTo(new BigDecimal("1E18")) >= 0) {
      throw new IllegalArgumentException("Amount too large for capital numerals: " + amount);
    }
    long total = fen.longValueExact();
    String sign = total < 0 ? "负" : "";
    total = Math.abs(total);
    long yuan = total / 100;
    int jiao = (int) (total / 10 % 10);
    int cents = (int) (total % 10);
    StringBuilder text = new StringBuilder(sign);
    if (yuan > 0) {
      text.append(integer(yuan)).append('元');
    }
    if (jiao == 0 && cents == 0) {
      return yuan == 0 ? sign + "零元整" : text.append('整').toString();
    }
    if (jiao > 0) {
      text.append(DIGITS[jiao]).append('角');
    } else if (yuan > 0) {
      text.append('零');
    }
    if (cents > 0) {
      text.append(DIGITS[cents]).append('分');
    } else {
      text.append('整');
    }
    return text.toString();
  }

  /** A positive whole number: 10 → 壹拾, 1001 → 壹仟零壹, 10010000 → 壹仟零壹万. */
  static String integer(long n) {
    int groupCount = 0;
    long[] groups = new long[GROUPS.length];
    for (long rest = n; rest > 0; rest /= 10_000) {
      groups[groupCount++] = rest % 10_000;
    }
    StringBuilder text = new StringBuilder();
    boolean zeroPending = false;
    for (int g = groupCount - 1; g >= 0; g--) {
      long value = groups[g];
      if (value == 0) {
        zeroPending = text.length() > 0;
        continue;
      }
      if (text.length() > 0 && (zeroPending || value < 1000)) {
        text.append('零');
      }
      text.append(group((int) value)).append(GROUPS[g]);
      zeroPending = false;
    }
    return text.toString();
  }

  /** 1 to 9999 without leading zeros, one 零 for each run of inner zeros. */
  private static String group(int value) {
    StringBuilder text = new StringBuilder();
    boolean zero = false;
    for (int position = 3; position >= 0; position--) {
      int digit = value / (int) Math.pow(10, position) % 10;
      if (digit == 0) {
        zero = text.length() > 0;
        continue;
      }
      if (zero) {
        text.append('零');
        zero = false;
      }
      text.append(DIGITS[digit]).append(IN_GROUP[position]);
    }
    return text.toString();
  }
}
