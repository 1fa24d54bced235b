package cn.liuzhou.incentives.registry;

/**
 * An enterprise as the registry knows it; applicants do not declare these facts themselves. The bank
 * and account are where finance pays its awards (the payee account of record).
 */
public record Enterprise(
    String creditCode,
    String name,
    String county,
    String industry,
    boolean aboveDesignatedSize,
    String taxCreditRating,
    boolean accountingCreditGood,
    boolean jointPunishmentTarget,
    String bankName,
    String bankAccount) {

  /** Without a payee account (registries kept before accounts were recorded). */
  public Enterprise(String creditCode, String name, String county, String industry, boolean aboveDesignatedSize,
      String taxCreditRating, boolean accountingCreditGood, boolean jointPunishmentTarget) {
    this(creditCode, name, county, industry, aboveDesignatedSize, taxCreditRating, accountingCreditGood,
        jointPunishmentTarget, null, null);
  }
}
