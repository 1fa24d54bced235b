package cn.liuzhou.incentives.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A policy document: its measures, the period it rewards and the budget its source gives. */
public record PolicyPackage(
    String code,
    String titleZh,
    String source,
    LocalDate validFrom,
    LocalDate validTo,
    String roundingZh,
    BigDecimal budget,
    String budgetNoteZh,
    List<Measure> measures,
    String budgetPeriod) {

  /** The source funds the package per fiscal year ("每年…万元"): each year has a budget of its own. */
  public boolean budgetPerYear() {
    return "YEAR".equals(budgetPeriod);
  }

  /** Key of the package's general-eligibility decision (000 六(二) and its equivalents). */
  public String generalDecisionKey() {
    return code + "-GENERAL";
  }

  public Optional<Measure> measure(String measureCode) {
    return measures.stream().filter(m -> m.code().equals(measureCode)).findFirst();
  }

  public String dmnResource() {
    return "dmn/" + code + "/" + code + ".dmn";
  }
}
