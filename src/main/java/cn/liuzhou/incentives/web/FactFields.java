package cn.liuzhou.incentives.web;

import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filing form's fields, generated from a measure's facts as /api/measures gives them: label, unit, input
 * kind, enumeration choices with their Chinese names (package.json writes them into the label as
 * "CODE 名称"), required or required in a declared case.
 */
final class FactFields {

  private FactFields() {}

  record Option(String value, String label) {}

  /**
   * @param kind money, count, number, percent, date, boolean, choice or text
   * @param requiredWhenText the declared case that makes an optional fact required, in words, or null
   */
  record Field(String name, String type, String kind, String label, String unit, boolean required, String requiredWhenText,
      List<Option> options, String requiredWhenJson) {}

  static List<Field> of(Measure measure) {
    List<Field> fields = new ArrayList<>();
    for (FactSpec spec : measure.facts()) {
      fields.add(field(measure, spec));
    }
    return fields;
  }

  private static Field field(Measure measure, FactSpec spec) {
    String label = spec.labelZh();
    String unit = null;
    String kind;
    switch (spec.type()) {
      case "amount" -> {
        kind = "money";
        unit = "元";
        label = label.replaceAll("（元）$", "");
      }
      case "count" -> kind = "count";
      case "number" -> kind = "number";
      case "rate" -> {
        kind = "percent";
        unit = "%";
        // The label explains the API's decimal form ("小数，如5%填0.05"); the form takes a percentage.
        label = label.replaceAll("小数，如[^；）]*；?", "").replace("（）", "");
      }
      case "date" -> kind = "date";
      case "boolean" -> kind = "boolean";
      case "enum" -> kind = "choice";
      default -> kind = "text";
    }
    List<Option> options = new ArrayList<>();
    if (spec.values() != null) {
      for (String value : spec.values()) {
        options.add(new Option(value, optionLabel(spec.labelZh(), value)));
      }
      if (!options.isEmpty() && options.stream().anyMatch(o -> !o.label().equals(o.value()))) {
        // The choices are listed in the select: keep only the label's lead ("基数情形"), not the list.
        label = label.replaceAll("[：（(].*$", "");
      }
    }
    String when = null;
    String whenJson = null;
    if (!spec.isRequired() && spec.requiredWhen() != null && !spec.requiredWhen().isEmpty()) {
      List<String> parts = new ArrayList<>();
      StringBuilder json = new StringBuilder("{");
      for (Map.Entry<String, String> c : spec.requiredWhen().entrySet()) {
        String otherLabel = measure.facts().stream().filter(f -> f.name().equals(c.getKey())).findFirst()
            .map(f -> optionLabel(f.labelZh(), c.getValue())).orElse(c.getValue());
        parts.add(otherLabel);
        if (json.length() > 1) {
          json.append(',');
        }
        json.append('"').append(c.getKey()).append("\":\"").append(c.getValue()).append('"');
      }
      when = "选择“" + String.join("、", parts) + "”时必填";
      whenJson = json.append('}').toString();
    }
    return new Field(spec.name(), spec.type(), kind, label.strip(), unit, spec.isRequired(), when, options, whenJson);
  }

  /** "CODE 名称" in the label gives the choice's name; otherwise the code itself. */
  static String optionLabel(String label, String value) {
    Matcher m = Pattern.compile("(?<![A-Z_])" + Pattern.quote(value) + "\\s+([^；;：:，,（(]+)").matcher(label);
    if (!m.find()) {
      return value;
    }
    String name = m.group(1).replaceFirst("^或\\s*[A-Z_]+\\s+", "").strip();
    return name.isEmpty() || name.matches("[A-Z_ 或]+") ? value : name;
  }
}
