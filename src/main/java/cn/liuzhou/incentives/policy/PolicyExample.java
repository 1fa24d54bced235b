package cn.liuzhou.incentives.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A worked case from the source text: the enterprise's registry facts, the declared facts and the
 * outcome the package must give with no earlier awards. A redeployment must still pass them all.
 * {@code enterprise} may also fix {@code filedOn} (ISO date) for cases that depend on the filing date.
 */
public record PolicyExample(
    String name,
    String measure,
    Map<String, Object> enterprise,
    Map<String, Object> facts,
    Expectation expect) {

  /**
   * {@code award} null means "no amount from the table" (the bureau decides it). Every other field is
   * optional: absent (null) means "not asserted"; when given, the decision's award row must give
   * exactly that value. {@code factsRejected} true: the declared facts themselves are refused
   * (a required fact missing or malformed) before any table is evaluated.
   */
  public record Expectation(
      boolean eligible,
      BigDecimal award,
      Boolean factsRejected,
      String onceKey,
      String exclusiveGroup,
      String capGroup,
      String capScope,
      BigDecimal capAmount,
      BigDecimal roundingUnit,
      String amountSource) {

    public boolean expectsFactsRejected() {
      return Boolean.TRUE.equals(factsRejected);
    }
  }
}
