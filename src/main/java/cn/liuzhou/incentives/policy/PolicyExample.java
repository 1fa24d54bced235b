package cn.liuzhou.incentives.policy;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A worked case from the source text: the enterprise's registry facts, the declared facts and the
 * outcome the package must give with no earlier awards. A redeployment must still pass them all.
 */
public record PolicyExample(
    String name,
    String measure,
    Map<String, Object> enterprise,
    Map<String, Object> facts,
    Expectation expect) {

  /** {@code award} null means "no amount from the table" (the bureau decides it). */
  public record Expectation(boolean eligible, BigDecimal award) {}
}
