package cn.liuzhou.incentives.policy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What is wrong with a DMN file, located: XML and model errors with their line, FEEL that does not parse with its
 * decision, rule and line. Uses Camunda's DMN model API and FEEL engine (the engine the tables run on), and a SAX
 * locator only to find the line an element starts on.
 */
public final class DmnDiagnostics {

  /** A problem; decision, rule and line are null where they do not apply or cannot be known. */
  public record Problem(String decisionId, String ruleId, Integer line, String zh, String en) {
    public String where() {
      List<String> parts = new ArrayList<>();
      if (decisionId != null) parts.add("决策 " + decisionId);
      if (ruleId != null) parts.add("规则 " + ruleId);
      if (line != null) parts.add("第 " + line + " 行");
      return String.join("，", parts);
    }
  }

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

  private DmnDiagnostics() {}

  /** XML or DMN model errors, with the line where the parser stopped; empty when the model reads. */
  public static List<Problem> parse(byte[] xml) {
    try {
      Dmn.readModelFromStream(new ByteArrayInputStream(xml));
      return List.of();
    } catch (RuntimeException e) {
      Integer line = null;
      String message = e.getMessage();
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SAXParseException sax) {
          line = sax.getLineNumber() > 0 ? sax.getLineNumber() : null;
          message = sax.getMessage();
          break;
        }
        if (t.getMessage() != null) {
          message = t.getMessage();
        }
      }
      if (line == null && message != null) {
        // Camunda's model reader reports schema errors as "... Line=<n>: ..." in its message
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Line=(\\d+)").matcher(message);
        if (m.find()) {
          line = Integer.valueOf(m.group(1));
        }
      }
      return List.of(new Problem(null, null, line, "DMN 文件无法解析：" + message, "The DMN file cannot be parsed: " + message));
    }
  }

  /** FEEL input entries, output entries and input expressions that do not parse. */
  public static List<Problem> feel(byte[] xml) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException unreadable) {
      return List.of(); // parse() reports it
    }
    Map<String, Integer> lines = lines(xml);
    List<Problem> problems = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      for (DecisionTable table : decision.getChildElementsByType(DecisionTable.class)) {
        table.getInputs().forEach(input -> {
          if (input.getInputExpression() != null && input.getInputExpression().getText() != null && feelLanguage(
              input.getInputExpression().getExpressionLanguage())) {
            String text = input.getInputExpression().getText().getTextContent();
            check(FEEL.parseExpression(text.trim()), text, decision.getId(), null, lines.get(input.getId()),
                "输入表达式「" + input.getLabel() + "」", "input expression '" + input.getLabel() + "'", problems);
          }
        });
        for (Rule rule : table.getRules()) {
          int column = 0;
          for (InputEntry entry : rule.getInputEntries()) {
            column++;
            if (entry.getText() != null && feelLanguage(((UnaryTests) entry).getExpressionLanguage())) {
              String text = entry.getText().getTextContent().trim();
              if (!text.isEmpty() && !"-".equals(text)) {
                check(FEEL.parseUnaryTests(text), text, decision.getId(), rule.getId(),
                    lines.getOrDefault(entry.getId(), lines.get(rule.getId())), "第 " + column + " 个条件",
                    "condition " + column, problems);
              }
            }
          }
          column = 0;
          for (OutputEntry entry : rule.getOutputEntries()) {
            column++;
            if (entry.getText() != null && feelLanguage(entry.getExpressionLanguage())) {
              String text = entry.getText().getTextContent().trim();
              if (!text.isEmpty()) {
                check(FEEL.parseExpression(text), text, decision.getId(), rule.getId(),
                    lines.getOrDefault(entry.getId(), lines.get(rule.getId())), "第 " + column + " 个输出",
                    "output " + column, problems);
              }
            }
          }
        }
      }
    }
    return problems;
  }

  private static boolean feelLanguage(String language) {
    return language == null || language.isBlank() || language.toLowerCase(java.util.Locale.ROOT).contains("feel");
  }

  private static void check(ParseResult result, String text, String decision, String rule, Integer line, String whatZh,
      String whatEn, List<Problem> problems) {
    if (result.isFailure()) {
      String message = result.failure().message();
      problems.add(new Problem(decision, rule, line, whatZh + "的 FEEL 表达式无法解析：「" + text + "」（" + message + "）",
          whatEn + ": FEEL expression does not parse: '" + text + "' (" + message + ")"));
    }
  }

  /** The line each element with an id starts on. */
  public static Map<String, Integer> lines(byte[] xml) {
    Map<String, Integer> lines = new HashMap<>();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.newSAXParser().parse(new ByteArrayInputStream(xml), new DefaultHandler() {
        private Locator locator;

        @Override
        public void setDocumentLocator(Locator locator) {
          this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
          String id = attributes.getValue("id");
          if (id != null && locator != null) {
            lines.putIfAbsent(id, locator.getLineNumber());
          }
        }
      });
    } catch (Exception unreadable) {
      // parse() reports it; lines stay unknown
    }
    return lines;
  }
}
