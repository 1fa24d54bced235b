package cn.liuzhou.incentives.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Caps and rounding applied to a table's award; the cap and the rounding unit come from the table. */
public final class AwardCalculator {

  private AwardCalculator() {}

  /**
   * The award left after what the cap has already given out, rounded down to the unit (for example
   * 10,000 yuan where a package pays whole 万元), or down to the fen where the package states none.
   *
   * @param alreadyCounted awards and open applications that count against the same cap
   */
  public static BigDecimal award(BigDecimal raw, BigDecimal cap, BigDecimal alreadyCounted, BigDecimal roundingUnit) {
    BigDecimal amount = raw;
    if (cap != null) {
      BigDecimal remaining = cap.subtract(alreadyCounted == null ? BigDecimal.ZERO : alreadyCounted).max(BigDecimal.ZERO);
      amount = amount.min(remaining);
    }
    return round(amount, roundingUnit);
  }

  /** Rounds down: public money is never rounded up. */
  public static BigDecimal round(BigDecimal amount, BigDecimal roundingUnit) {
    if (roundingUnit != null && roundingUnit.signum() > 0) {
      return amount.divide(roundingUnit, 0, RoundingMode.DOWN).multiply(roundingUnit).setScale(2, RoundingMode.DOWN);
    }
    return amount.setScale(2, RoundingMode.DOWN);
  }

  /** What remains under a cap, or null when there is none. */
  public static BigDecimal remaining(BigDecimal cap, BigDecimal alreadyCounted) {
    return cap == null ? null : cap.subtract(alreadyCounted).max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
  }
}
