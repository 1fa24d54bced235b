package cn.liuzhou.incentives.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A credit record (信用记录) of an enterprise in one of the five supervised areas. */
public record CreditRecord(
    long id,
    String creditCode,
    String category,
    boolean serious,
    LocalDate recordedOn,
    String description,
    String createdBy,
    Instant createdAt) {

  public enum Category { ENVIRONMENT, SAFETY, QUALITY, TAX, STATISTICS }
}
