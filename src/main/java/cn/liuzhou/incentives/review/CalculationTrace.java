package cn.liuzhou.incentives.review;

import cn.liuzhou.incentives.policy.DecisionEvaluation;
import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.registry.Industry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calculation as a reviewer reads it, one line per step: the inputs the measure's decision saw,
 * the rule it matched with its clause, the rate it used (from a required decision such as the expert
 * rating's), the amount it gave, the cap and what the cap left, the rounding, and the proposed award.
 * Every number comes from the decision's own outputs (recorded while it ran) or from the ledger's
 * count; nothing is computed again here except the writing of it.
 */
public final class CalculationTrace {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|\\d+(?:\\.\\d+)?|\\S");

  /** What screening decided after the decision: the ledger's part. */
  public record Ledger(BigDecimal capAmount, String capScope, String capGroup, BigDecimal counted, BigDecimal remaining,
      BigDecimal roundingUnit, BigDecimal proposed, boolean amountByBureau, String clause) {}

  private CalculationTrace() {}

  /**
   * @param ruleText the rule's description (its clause and text) for a decision definition and rule id
   */
  public static String of(DecisionEvaluation evaluation, Measure measure, Map<String, Object> facts, Ledger ledger,
      BiFunction<String, String, String> ruleText) {
    List<String> lines = new ArrayList<>();
    DecisionEvaluation.Rule rule = evaluation == null || evaluation.rules().isEmpty() ? null : evaluation.rules().stream()
        .filter(r -> r.output("eligible") == null || Boolean.TRUE.equals(r.output("eligible").value())).findFirst().orElse(null);
    if (evaluation != null) {
      List<String> inputs = new ArrayList<>();
      for (DecisionEvaluation.Input input : evaluation.inputs()) {
        inputs.add(clean(input.label()) + " " + value(input.label(), input.value()));
      }
      lines.add("输入（决策 " + evaluation.key() + "，版本 " + evaluation.versionTag() + "）：" + String.join("；", inputs));
    } else {
      lines.add("输入：" + factsLine(measure, facts));
    }
    String description = rule == null ? null : ruleText.apply(evaluation.definitionId(), rule.id());
    if (rule != null) {
      lines.add("命中规则 " + rule.id() + "：" + (description == null ? "（无说明）" : description.strip()));
    } else {
      lines.add("命中规则：" + (evaluation == null ? "未记录（本申请在系统记录决策过程之前审核）" : "无"));
    }
    Map<String, String> rates = new java.util.LinkedHashMap<>();
    if (evaluation != null) {
      for (DecisionEvaluation required : evaluation.required()) {
        for (DecisionEvaluation.Rule r : required.rules()) {
          for (DecisionEvaluation.Output o : r.outputs()) {
            if (o.value() instanceof Number n) {
              rates.put(o.name(), Money.percent(new BigDecimal(n.toString())));
            }
          }
          String inputs = String.join("，", required.inputs().stream().map(i -> clean(i.label()) + " " + value(i.label(), i.value())).toList());
          String text = ruleText.apply(required.definitionId(), r.id());
          lines.add("比例：决策 " + required.key() + "（" + inputs + "）→ " + String.join("，", r.outputs().stream()
              .map(o -> clean(o.label()) + " " + (o.value() instanceof Number n ? Money.percent(new BigDecimal(n.toString())) : "未给出"))
              .toList()) + (text == null ? "" : "（" + text.strip() + "）"));
        }
      }
    }
    DecisionEvaluation.Output award = rule == null ? null : rule.output("award");
    BigDecimal raw = award == null || !(award.value() instanceof Number n) ? null : new BigDecimal(n.toString());
    if (raw == null) {
      lines.add("测算：决策未给出金额，本措施奖励金额由市工业和信息化局核定");
    } else {
      String formula = award.expression() == null ? "" : formula(award.expression(), measure, facts, evaluation, rates);
      lines.add("测算：" + (formula.isBlank() || formula.equals(Money.figures(raw)) ? "" : formula + " = ") + Money.yuan(raw));
    }
    BigDecimal afterCap = raw;
    if (ledger.capAmount() == null) {
      lines.add("上限：本措施无金额上限");
    } else {
      String scope = switch (ledger.capScope() == null ? "" : ledger.capScope()) {
        case "ENTERPRISE" -> "同一企业";
        case "PROJECT" -> "同一项目";
        case "APPLICATION" -> "单个申请";
        case "SUBJECT" -> "同一对象企业（如被兼并重组企业，不论由哪家企业申报）";
        default -> ledger.capScope();
      };
      StringBuilder cap = new StringBuilder("上限：" + scope + "最高 " + Money.yuan(ledger.capAmount()));
      if (!"APPLICATION".equals(ledger.capScope())) {
        cap.append("（上限组 ").append(ledger.capGroup()).append("），已计入同一上限的其他奖励 ")
            .append(Money.yuan(ledger.counted() == null ? BigDecimal.ZERO : ledger.counted()));
      }
      cap.append("，剩余额度 ").append(Money.yuan(ledger.remaining()));
      if (raw != null) {
        afterCap = raw.min(ledger.remaining());
        cap.append(afterCap.compareTo(raw) < 0 ? " → 按剩余额度取 " + Money.yuan(afterCap) : " → 未超上限，取 " + Money.yuan(raw));
      }
      lines.add(cap.toString());
    }
    String roundingClause = roundingClause(description, ledger.clause());
    if (ledger.roundingUnit() != null && ledger.roundingUnit().signum() > 0) {
      String unit = ledger.roundingUnit().compareTo(new BigDecimal("10000")) == 0 ? "万元"
          : Money.yuan(ledger.roundingUnit());
      lines.add("取整：" + roundingClause + "以" + unit + "为单位向下取整" + (ledger.proposed() == null ? "" : " → " + Money.yuan(ledger.proposed())));
    } else {
      lines.add("取整：本政策包未规定取整单位，按分向下取整" + (ledger.proposed() == null ? "" : " → " + Money.yuan(ledger.proposed())));
    }
    lines.add("测算奖励：" + (ledger.proposed() == null ? "由市工业和信息化局核定" + (ledger.remaining() == null ? ""
        : "，不超过上限剩余额度 " + Money.yuan(ledger.remaining())) : Money.yuan(ledger.proposed())));
    String numbers = "①②③④⑤⑥⑦⑧⑨⑩";
    List<String> numbered = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      numbered.add((i < numbers.length() ? numbers.charAt(i) + " " : "") + lines.get(i));
    }
    return String.join("\n", numbered);
  }

  /** "按六(一)" when the matched rule's text names the clause that rounds, e.g. "六(一)：以万元为最小单位向下取整". */
  static String roundingClause(String description, String fallback) {
    if (description != null) {
      for (String sentence : description.split("[。；;]")) {
        int colon = sentence.indexOf('：');
        if (sentence.contains("取整") && colon > 0) {
          return "按" + sentence.substring(0, colon).strip() + "，";
        }
      }
    }
    return "";
  }

  /** The output entry's expression with each name replaced by its value: "费用 150,000.00 元 × 50%". */
  static String formula(String expression, Measure measure, Map<String, Object> facts, DecisionEvaluation evaluation,
      Map<String, String> rates) {
    StringBuilder text = new StringBuilder();
    Matcher m = TOKEN.matcher(expression);
    String previous = "";
    List<String> tokens = new ArrayList<>();
    while (m.find()) {
      tokens.add(m.group());
    }
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      String shown;
      if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
        if ("(".equals(next)) {
          shown = t; // a function: min, max
        } else if (rates.containsKey(t)) {
          shown = "比例 " + rates.get(t);
        } else {
          shown = named(t, measure, facts, evaluation);
        }
      } else if (Character.isDigit(t.charAt(0))) {
        BigDecimal number = new BigDecimal(t);
        shown = "*".equals(previous) && number.compareTo(BigDecimal.ONE) < 0 ? Money.percent(number) : number.toPlainString();
      } else {
        shown = switch (t) {
          case "*" -> "×";
          case "/" -> "÷";
          default -> t;
        };
      }
      if (text.length() > 0 && !"(".equals(previous) && !")".equals(t) && !",".equals(t) && !"(".equals(t)) {
        text.append(' ');
      }
      text.append(shown);
      previous = t;
    }
    return text.toString().replace("( ", "(").replace(" )", ")");
  }

  private static String named(String name, Measure measure, Map<String, Object> facts, DecisionEvaluation evaluation) {
    FactSpec spec = measure == null ? null : measure.facts().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    Object v = facts == null ? null : facts.get(name);
    if (v == null && evaluation != null) {
      v = evaluation.inputs().stream().filter(i -> name.equals(i.expression())).map(DecisionEvaluation.Input::value)
          .findFirst().orElse(null);
    }
    String label = spec == null ? name : clean(spec.labelZh());
    if (v == null) {
      return label + "（未填）";
    }
    if (spec != null && "amount".equals(spec.type()) && v instanceof Number n) {
      return label + " " + Money.yuan(new BigDecimal(n.toString()));
    }
    if (spec != null && "rate".equals(spec.type()) && v instanceof Number n) {
      return label + " " + Money.percent(new BigDecimal(n.toString()));
    }
    return label + " " + (v instanceof BigDecimal b ? b.toPlainString() : v instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : v);
  }

  private static String factsLine(Measure measure, Map<String, Object> facts) {
    List<String> parts = new ArrayList<>();
    for (FactSpec spec : measure.facts()) {
      if (facts.containsKey(spec.name())) {
        parts.add(named(spec.name(), measure, facts, null));
      }
    }
    return String.join("；", parts);
  }

  /** A label without its unit suffix: "费用（元）" → "费用". */
  static String clean(String label) {
    return label == null ? "" : label.replaceAll("（元）$|\\(元\\)$", "").strip();
  }

  private static String value(String label, Object v) {
    if (v == null) {
      return "（空）";
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (v instanceof Number n) {
      BigDecimal d = new BigDecimal(n.toString());
      return label != null && label.contains("元") ? Money.yuan(d) : d.stripTrailingZeros().toPlainString();
    }
    String s = v.toString();
    return Industry.of(s).map(i -> i.nameZh() + "（" + s + "）").orElse(s);
  }
}
