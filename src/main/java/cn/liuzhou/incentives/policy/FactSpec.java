package cn.liuzhou.incentives.policy;

import java.util.List;
import java.util.Map;

/**
 * A fact an applicant declares for a measure (a key of {@code facts}).
 *
 * @param type amount (yuan, not negative), number, rate (decimal fraction, may be negative), count
 *     (whole number, not negative), date (ISO), boolean, enum (one of {@code values}), creditCode (a
 *     unified social credit code with a valid check character) or string
 * @param requiredWhen for a fact that only one case of the measure needs ({@code "required": false}):
 *     the case, as fact name → value (e.g. {@code {"baseCase": "WITH_BASE"}}); when the application
 *     declares that case the fact is required like any other
 * @param nameList for a {@code creditCode} fact naming another enterprise (a bank's borrower): the
 *     administrators' list that enterprise must be on; the tables read whether it is as
 *     {@link #onNameListVariable()}, never the applicant's word
 */
public record FactSpec(String name, String type, String labelZh, Boolean required, List<String> values,
    Map<String, String> requiredWhen, String nameList) {

  /** The decision variable that says whether the enterprise this fact names is on {@link #nameList()}. */
  public String onNameListVariable() {
    return name + "OnNameList";
  }

  public boolean isRequired() {
    return required == null || required;
  }

  /** Whether the fact is required for an application with these declared facts. */
  public boolean isRequiredFor(Map<String, Object> given) {
    if (isRequired()) {
      return true;
    }
    if (requiredWhen == null || requiredWhen.isEmpty()) {
      return false;
    }
    return requiredWhen.entrySet().stream()
        .allMatch(c -> given != null && c.getValue().equals(String.valueOf(given.get(c.getKey()))));
  }
}
