package cn.liuzhou.incentives.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an application's declared facts against its measure and turns them into the typed
 * variables the decision tables read (numbers as doubles, dates as ISO strings).
 */
public final class Facts {

  private Facts() {}

  /** The checked facts in their exact form (amounts as BigDecimal), or the errors. */
  public record Checked(Map<String, Object> exact, List<FactError> errors) {

    public boolean ok() {
      return errors.isEmpty();
    }

    /** The variables for the process and the decision tables. */
    public Map<String, Object> variables() {
      return toVariables(exact);
    }
  }

  public static Checked check(Measure measure, Map<String, Object> facts) {
    Map<String, Object> given = facts == null ? Map.of() : facts;
    List<FactError> errors = new ArrayList<>();
    Map<String, Object> exact = new LinkedHashMap<>();
    Set<String> known = measure.facts().stream().map(FactSpec::name).collect(Collectors.toSet());
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        errors.add(new FactError("facts." + name, "措施" + measure.code() + "没有此项申报事实",
            "Measure " + measure.code() + " has no fact named " + name));
      }
    }
    for (FactSpec spec : measure.facts()) {
      Object value = given.get(spec.name());
      String field = "facts." + spec.name();
      if (value == null) {
        if (spec.isRequired()) {
          errors.add(new FactError(field, "缺少必填事实：" + spec.labelZh(), "Required fact is missing: " + spec.name()));
        } else if (spec.isRequiredFor(given)) {
          errors.add(new FactError(field, "缺少必填事实（" + spec.requiredWhen() + "时必填）：" + spec.labelZh(),
              "Required fact is missing for the declared case " + spec.requiredWhen() + ": " + spec.name()));
        }
        continue;
      }
      try {
        exact.put(spec.name(), convert(spec, value));
      } catch (IllegalArgumentException e) {
        String[] msg = e.getMessage().split("\\|", 2);
        errors.add(new FactError(field, spec.labelZh() + msg[0], msg[1]));
      }
    }
    return new Checked(exact, errors);
  }

  private static Object convert(FactSpec spec, Object value) {
    switch (spec.type()) {
      case "amount", "count", "number", "rate" -> {
        BigDecimal number = number(value);
        if (!"number".equals(spec.type()) && !"rate".equals(spec.type()) && number.signum() < 0) {
          throw new IllegalArgumentException("不能为负数|must not be negative");
        }
        if ("count".equals(spec.type()) && number.stripTrailingZeros().scale() > 0) {
          throw new IllegalArgumentException("须为整数|must be a whole number");
        }
        if ("amount".equals(spec.type()) && number.stripTrailingZeros().scale() > 2) {
          throw new IllegalArgumentException("金额最多保留两位小数|must have at most two decimal places");
        }
        return number;
      }
      case "date" -> {
        try {
          return LocalDate.parse(String.valueOf(value)).toString();
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("须为日期，格式 yyyy-MM-dd|must be a date in the form yyyy-MM-dd");
        }
      }
      case "boolean" -> {
        if (value instanceof Boolean b) {
          return b;
        }
        throw new IllegalArgumentException("须为 true 或 false|must be true or false");
      }
      case "creditCode" -> {
        String code = value instanceof String s ? s.trim().toUpperCase(java.util.Locale.ROOT) : null;
        if (code != null && cn.liuzhou.incentives.registry.CreditCode.isValid(code)) {
          return code;
        }
        throw new IllegalArgumentException("须为有效的18位统一社会信用代码|must be a valid 18-character unified social credit code");
      }
      case "enum" -> {
        if (value instanceof String s && spec.values() != null && spec.values().contains(s)) {
          return s;
        }
        throw new IllegalArgumentException("须为以下之一：" + spec.values() + "|must be one of " + spec.values());
      }
      default -> {
        if (value instanceof String s && !s.isBlank() && s.length() <= 500) {
          return s.trim();
        }
        throw new IllegalArgumentException("须为非空文本|must be a non-empty text");
      }
    }
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Number n && !(value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
      return new BigDecimal(n.toString());
    }
    throw new IllegalArgumentException("须为数字|must be a number");
  }

  /** Exact facts to process/decision variables: numbers become doubles for the tables. */
  public static Map<String, Object> toVariables(Map<String, Object> exact) {
    Map<String, Object> vars = new LinkedHashMap<>();
    exact.forEach((k, v) -> vars.put(k, v instanceof BigDecimal b ? (Object) b.doubleValue() : v));
    return vars;
  }

  /** One line per fact, in Chinese, for the review forms. */
  public static String summary(Measure measure, Map<String, Object> exact) {
    StringBuilder text = new StringBuilder();
    for (FactSpec spec : measure.facts()) {
      if (exact.containsKey(spec.name())) {
        Object v = exact.get(spec.name());
        text.append(spec.labelZh()).append("：")
            .append(v instanceof BigDecimal b ? ("amount".equals(spec.type()) ? cn.liuzhou.incentives.review.Money.yuan(b) : b.toPlainString())
                : v instanceof Boolean b ? (b ? "是" : "否") : v)
            .append('\n');
      }
    }
    return text.toString().strip();
  }
}
