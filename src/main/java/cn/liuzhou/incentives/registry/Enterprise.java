package cn.liuzhou.incentives.registry;

/** An enterprise as the registry knows it; applicants do not declare these facts themselves. */
public record Enterprise(
    String creditCode,
    String name,
    String county,
    String industry,
    boolean aboveDesignatedSize,
    String taxCreditRating,
    boolean accountingCreditGood,
    boolean jointPunishmentTarget) {}
