package cn.liuzhou.incentives.ledger;

import java.math.BigDecimal;
import java.time.Instant;

/** An application as the ledger keeps it: the system of record for amounts and status. */
public record ApplicationRecord(
    String id,
    String measureCode,
    String packageCode,
    String creditCode,
    String county,
    String projectId,
    String factsJson,
    ApplicationStatus status,
    BigDecimal proposedAward,
    BigDecimal approvedAward,
    BigDecimal reservedAward,
    BigDecimal disbursedAward,
    String reasonsJson,
    String decisionKey,
    String decisionVersionTag,
    String filedBy,
    Instant filedAt,
    Instant updatedAt,
    String processInstanceId,
    String paymentReference,
    java.time.LocalDate filedOn,
    String capGroup,
    BigDecimal capAmount,
    String capScope,
    BigDecimal roundingUnit,
    String amountSource,
    String budgetAccount) {

  /** The award is the bureau's to set (the tables give no amount). */
  public boolean amountByBureau() {
    return "BUREAU".equals(amountSource);
  }

  /** What the application counts for against a cap: paid, else approved, else proposed. */
  public BigDecimal countedAmount() {
    if (disbursedAward != null) {
      return disbursedAward;
    }
    if (approvedAward != null) {
      return approvedAward;
    }
    return proposedAward == null ? BigDecimal.ZERO : proposedAward;
  }
}
