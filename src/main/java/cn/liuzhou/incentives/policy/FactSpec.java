package cn.liuzhou.incentives.policy;

import java.util.List;

/**
 * A fact an applicant declares for a measure (a key of {@code facts}).
 *
 * @param type amount (yuan, not negative), number, rate (decimal fraction, may be negative), count
 *     (whole number, not negative), date (ISO), boolean, enum (one of {@code values}) or string
 */
public record FactSpec(String name, String type, String labelZh, Boolean required, List<String> values) {

  public boolean isRequired() {
    return required == null || required;
  }
}
