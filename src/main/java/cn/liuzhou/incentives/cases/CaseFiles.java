package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.Notifications;
import cn.liuzhou.incentives.ledger.Objections;
import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PackageRevision;
import cn.liuzhou.incentives.policy.PackageRevisions;
import cn.liuzhou.incentives.policy.PackageSettings;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.ChangeLabels;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.RegistryChanges;
import cn.liuzhou.incentives.workflow.ReasonsJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Assembles a case file from the ledger (journal, amounts, payment, notifications, objections), Camunda's history
 * (decision evaluations with their matched rules, the activities the process went through) and the package's
 * revisions and settings changes. Reads only.
 */
@Service
public class CaseFiles {

  private static final Pattern APPROVED = Pattern.compile("核定 ([0-9.]+) 元");

  private final ApplicationRepository applications;
  private final ApplicationJournal journal;
  private final Notifications notifications;
  private final Objections objections;
  private final EnterpriseRegistry registry;
  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final PackageSettings settings;
  private final HistoryService history;
  private final RepositoryService repository;
  private final People people;
  private final CaseAttachments attachments;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ReasonsJson reasons;
  private final RegistryChanges registryChanges;
  private final Map<String, DmnModelInstance> models = new ConcurrentHashMap<>();

  public CaseFiles(ApplicationRepository applications, ApplicationJournal journal, Notifications notifications,
      Objections objections, EnterpriseRegistry registry, PolicyCatalogue catalogue, PackageRevisions revisions,
      PackageSettings settings, HistoryService history, RepositoryService repository, People people,
      CaseAttachments attachments, JdbcTemplate jdbc, ObjectMapper json, ReasonsJson reasons,
      RegistryChanges registryChanges) {
    this.registryChanges = registryChanges;
    this.applications = applications;
    this.journal = journal;
    this.notifications = notifications;
    this.objections = objections;
    this.registry = registry;
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.settings = settings;
    this.history = history;
    this.repository = repository;
    this.people = people;
    this.attachments = attachments;
    this.jdbc = jdbc;
    this.json = json;
    this.reasons = reasons;
  }

  public Optional<CaseFile> find(String id) {
    return applications.find(id == null ? "" : id.trim().toUpperCase(java.util.Locale.ROOT)).map(this::assemble);
  }

  /** The process model of the application's instance (BPMN XML from the repository), if it has one. */
  public Optional<String> diagramXml(ApplicationRecord app) {
    return processInstance(app).map(pi -> {
      try (var in = repository.getProcessModel(pi.getProcessDefinitionId())) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private CaseFile assemble(ApplicationRecord app) {
    Optional<PolicyPackage> pkg = catalogue.find(app.packageCode());
    Optional<Measure> measure = catalogue.measure(app.measureCode());
    Payment payment = payment(app);
    List<CaseFile.Step> timeline = new ArrayList<>();
    List<CaseFile.Step> budget = new ArrayList<>();
    for (ApplicationJournal.Entry e : journal.entries(app.id())) {
      BigDecimal amount = amount(app, e, payment);
      String comment = e.step().startsWith("BUDGET_") ? "预算账户 " + e.comment() : e.comment();
      String outcome = e.step().startsWith("BUDGET_") ? "" : CaseLabels.outcome(e.outcome());
      CaseFile.Step step = new CaseFile.Step(e.at(), CaseLabels.time(e.at()), CaseLabels.step(e.step()), people.of(e.actor()),
          outcome, comment, amount);
      timeline.add(step);
      if (e.step().startsWith("BUDGET_")) {
        budget.add(step);
      }
    }
    List<CaseFile.Evaluation> decisions = decisions(app);
    for (CaseFile.Evaluation d : decisions) {
      timeline.add(new CaseFile.Step(d.at(), d.time(), "决策表评估：" + d.decisionName(), people.of("system"),
          d.versionTag(), d.decisionKey() + " 第" + d.version() + "版", null));
    }
    timeline.sort(Comparator.comparing(CaseFile.Step::at));
    Enterprise enterprise = registry.find(app.creditCode()).orElse(null);
    return new CaseFile(app, enterprise == null ? app.creditCode() : enterprise.name(), CaseLabels.county(app.county()),
        pkg.map(PolicyPackage::titleZh).orElse(app.packageCode()), measure.map(Measure::titleZh).orElse(app.measureCode()),
        measure.map(Measure::clause).orElse(""), CaseLabels.status(app.status()), people.of(app.filedBy()),
        facts(app, measure.orElse(null)), reasons.read(app.reasonsJson()), timeline, decisions, diagram(app), budget,
        payment == null ? null : new CaseFile.Payment(payment.amount(), payment.reference(), people.of(payment.by()),
            CaseLabels.time(payment.at())),
        attachments.of(app.id()), attachments.available(),
        notifications.of(app.id()).stream().map(n -> new CaseFile.Notice(CaseLabels.time(n.at()), n.zh())).toList(),
        objections.ofApplication(app.id()).stream().map(o -> CaseFile.Objection.of(o, people)).toList(),
        packageChanges(app), registryChanges(app));
  }

  /** The enterprise's registry, name-list and external-award changes, marking those after filing. */
  private List<CaseFile.RegistryChange> registryChanges(ApplicationRecord app) {
    return registryChanges.of(app.creditCode()).stream().map(c -> new CaseFile.RegistryChange(c.changedAt(),
        CaseLabels.time(c.changedAt()), ChangeLabels.subject(c.subject()), ChangeLabels.item(c),
        ChangeLabels.value(c, c.oldValue()), ChangeLabels.value(c, c.newValue()), people.of(c.changedBy()), c.reason(),
        c.changedAt().isAfter(app.filedAt()))).toList();
  }

  private record Payment(BigDecimal amount, String reference, String by, Instant at) {}

  private Payment payment(ApplicationRecord app) {
    return jdbc.query("select * from disbursement where application_id = ?", (rs, n) -> new Payment(rs.getBigDecimal("amount"),
        rs.getString("payment_reference"), rs.getString("disbursed_by"), rs.getTimestamp("disbursed_at").toInstant()),
        app.id()).stream().findFirst().orElse(null);
  }

  /** The amount a step moved or decided, where it has one. */
  private static BigDecimal amount(ApplicationRecord app, ApplicationJournal.Entry e, Payment payment) {
    try {
      switch (e.step()) {
        case "BUDGET_RESERVED", "BUDGET_RELEASED" -> {
          return new BigDecimal(e.outcome());
        }
        case "FINANCE_DISBURSEMENT" -> {
          return payment == null ? app.disbursedAward() : payment.amount();
        }
        case "BUREAU_REVIEW" -> {
          Matcher m = e.comment() == null ? null : APPROVED.matcher(e.comment());
          return m != null && m.find() ? new BigDecimal(m.group(1)) : null;
        }
        case "SCREENING" -> {
          return "PASSED".equals(e.outcome()) ? app.proposedAward() : null;
        }
        default -> {
          return null;
        }
      }
    } catch (NumberFormatException e2) {
      return null;
    }
  }

  private List<CaseFile.Labeled> facts(ApplicationRecord app, Measure measure) {
    List<CaseFile.Labeled> facts = new ArrayList<>();
    try {
      JsonNode node = json.readTree(app.factsJson());
      Map<String, String> labels = new LinkedHashMap<>();
      if (measure != null) {
        for (FactSpec f : measure.facts()) {
          labels.put(f.name(), f.labelZh() == null ? f.name() : f.labelZh());
        }
      }
      node.fieldNames().forEachRemaining(name -> facts.add(new CaseFile.Labeled(
          labels.getOrDefault(name, name) + "（" + name + "）", node.get(name).isTextual() ? node.get(name).asText()
              : node.get(name).isNumber() ? node.get(name).decimalValue().stripTrailingZeros().toPlainString()
              : node.get(name).toString())));
    } catch (Exception unreadable) {
      facts.add(new CaseFile.Labeled("facts", app.factsJson()));
    }
    return facts;
  }

  private Optional<HistoricProcessInstance> processInstance(ApplicationRecord app) {
    if (app.processInstanceId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(history.createHistoricProcessInstanceQuery().processInstanceId(app.processInstanceId())
        .singleResult());
  }

  private CaseFile.Diagram diagram(ApplicationRecord app) {
    return processInstance(app).map(pi -> {
      List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
          .processInstanceId(pi.getId()).orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc().list();
      List<String> visited = activities.stream().map(HistoricActivityInstance::getActivityId).distinct().toList();
      List<String> active = activities.stream().filter(a -> a.getEndTime() == null)
          .map(HistoricActivityInstance::getActivityId).distinct().toList();
      List<CaseFile.Labeled> path = activities.stream().filter(a -> a.getActivityName() != null)
          .map(a -> new CaseFile.Labeled(CaseLabels.time(a.getStartTime().toInstant()), a.getActivityName()
              + (a.getEndTime() == null ? "（进行中）" : "")))
          .toList();
      return new CaseFile.Diagram(pi.getProcessDefinitionId(), pi.getProcessDefinitionName(), visited, active, path);
    }).orElse(null);
  }

  private List<CaseFile.Evaluation> decisions(ApplicationRecord app) {
    if (app.processInstanceId() == null) {
      return List.of();
    }
    List<CaseFile.Evaluation> evaluations = new ArrayList<>();
    List<PackageRevision> packageRevisions = revisions.all(app.packageCode());
    for (HistoricDecisionInstance d : history.createHistoricDecisionInstanceQuery().processInstanceId(app.processInstanceId())
        .includeInputs().includeOutputs().orderByEvaluationTime().asc().list()) {
      DecisionDefinition definition = repository.getDecisionDefinition(d.getDecisionDefinitionId());
      DecisionTable table = table(definition);
      List<CaseFile.Labeled> inputs = new ArrayList<>();
      for (HistoricDecisionInputInstance i : d.getInputs()) {
        String label = i.getClauseName() != null ? i.getClauseName() : i.getClauseId();
        String expression = inputExpression(table, i.getClauseId());
        inputs.add(new CaseFile.Labeled(expression == null ? label : label + "（" + expression + "）", value(i.getValue())));
      }
      Map<String, List<HistoricDecisionOutputInstance>> byRule = new LinkedHashMap<>();
      for (HistoricDecisionOutputInstance o : d.getOutputs()) {
        byRule.computeIfAbsent(o.getRuleId() + "#" + o.getRuleOrder(), k -> new ArrayList<>()).add(o);
      }
      List<CaseFile.MatchedRule> matched = new ArrayList<>();
      for (List<HistoricDecisionOutputInstance> outputs : byRule.values()) {
        String ruleId = outputs.get(0).getRuleId();
        matched.add(matchedRule(table, ruleId, outputs));
      }
      Integer revision = packageRevisions.stream().filter(r -> r.versionTag().equals(definition.getVersionTag()))
          .map(PackageRevision::revision).findFirst().orElse(null);
      String revisionBy = packageRevisions.stream().filter(r -> r.versionTag().equals(definition.getVersionTag()))
          .map(r -> people.of(r.deployedBy()).display() + "，" + CaseLabels.time(r.deployedAt())).findFirst().orElse(null);
      Instant at = d.getEvaluationTime().toInstant();
      evaluations.add(new CaseFile.Evaluation(at, CaseLabels.time(at), d.getDecisionDefinitionKey(),
          d.getDecisionDefinitionName() != null ? d.getDecisionDefinitionName() : d.getDecisionDefinitionKey(),
          definition.getVersion(), definition.getVersionTag(), revision, revisionBy, d.getActivityId(), inputs, matched));
    }
    return evaluations;
  }

  private DecisionTable table(DecisionDefinition definition) {
    DmnModelInstance model = models.computeIfAbsent(definition.getId(), repository::getDmnModelInstance);
    Decision decision = model.getModelElementById(definition.getKey());
    return decision == null ? null : decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
  }

  private static String inputExpression(DecisionTable table, String clauseId) {
    if (table == null) {
      return null;
    }
    return table.getInputs().stream().filter(i -> i.getId().equals(clauseId)).findFirst()
        .map(i -> i.getInputExpression() == null || i.getInputExpression().getText() == null ? null
            : i.getInputExpression().getText().getTextContent())
        .orElse(null);
  }

  private static CaseFile.MatchedRule matchedRule(DecisionTable table, String ruleId,
      List<HistoricDecisionOutputInstance> outputs) {
    List<CaseFile.Labeled> values = new ArrayList<>();
    Map<String, String> outputLabels = new LinkedHashMap<>();
    if (table != null) {
      for (Output o : table.getOutputs()) {
        outputLabels.put(o.getName(), o.getLabel() == null ? o.getName() : o.getLabel());
      }
    }
    for (HistoricDecisionOutputInstance o : outputs) {
      if (o.getValue() != null) {
        values.add(new CaseFile.Labeled(outputLabels.getOrDefault(o.getVariableName(), o.getVariableName())
            + "（" + o.getVariableName() + "）", value(o.getValue())));
      }
    }
    if (table == null) {
      return new CaseFile.MatchedRule(ruleId, 0, null, List.of(), values);
    }
    List<Rule> rules = new ArrayList<>(table.getRules());
    for (int r = 0; r < rules.size(); r++) {
      Rule rule = rules.get(r);
      if (!rule.getId().equals(ruleId)) {
        continue;
      }
      List<CaseFile.Labeled> conditions = new ArrayList<>();
      List<Input> inputs = new ArrayList<>(table.getInputs());
      List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
      for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
        String text = entries.get(i).getText() == null ? "" : entries.get(i).getText().getTextContent().trim();
        if (!text.isEmpty() && !"-".equals(text)) {
          conditions.add(new CaseFile.Labeled(inputs.get(i).getLabel(), text));
        }
      }
      String description = rule.getDescription() == null ? null : rule.getDescription().getTextContent();
      return new CaseFile.MatchedRule(ruleId, r + 1, description, conditions, values);
    }
    return new CaseFile.MatchedRule(ruleId, 0, null, List.of(), values);
  }

  /** A value as an auditor reads it: dates as dates (Beijing time), never a Java type name. */
  static String value(Object v) {
    if (v == null) {
      return "（空）";
    }
    if (v instanceof Date date) {
      return CaseLabels.time(date.toInstant());
    }
    if (v instanceof Boolean b) {
      return b ? "是" : "否";
    }
    if (v instanceof LocalDate || v instanceof Number || v instanceof CharSequence) {
      return v instanceof BigDecimal bd ? bd.toPlainString() : v.toString();
    }
    if (v instanceof java.time.temporal.TemporalAccessor t) {
      return t.toString();
    }
    return String.valueOf(v);
  }

  /** Every settings change and redeployment of the package, marking those after filing and the revision used. */
  private List<CaseFile.PackageChange> packageChanges(ApplicationRecord app) {
    List<CaseFile.PackageChange> changes = new ArrayList<>();
    for (PackageSettings.Change c : settings.changes(app.packageCode())) {
      changes.add(new CaseFile.PackageChange(c.changedAt(), CaseLabels.time(c.changedAt()), settingName(c.setting()),
          c.oldValue(), c.newValue(), people.of(c.changedBy()), null, c.changedAt().isAfter(app.filedAt()), false));
    }
    for (PackageRevision r : revisions.all(app.packageCode())) {
      String comment = comment(r);
      changes.add(new CaseFile.PackageChange(r.deployedAt(), CaseLabels.time(r.deployedAt()), "部署决策表第" + r.revision() + "版",
          null, r.versionTag(), people.of(r.deployedBy()), comment, r.deployedAt().isAfter(app.filedAt()),
          Objects.equals(r.versionTag(), app.decisionVersionTag())));
    }
    changes.sort(Comparator.comparing(CaseFile.PackageChange::at));
    return changes;
  }

  private String comment(PackageRevision r) {
    return revisions.comment(r.packageCode(), r.revision()).orElse(PackageRevisions.SHIPPED.equals(r.deployedBy()) ? "随系统发布的决策表" : null);
  }

  static String settingName(String setting) {
    if (setting.startsWith("budget ")) {
      return "预算总额（" + setting.substring(7) + "）";
    }
    return switch (setting) {
      case "applicationOpens" -> "申报开始日期";
      case "applicationCloses" -> "申报截止日期";
      case "publicNoticePeriod" -> "公示期";
      case "budget" -> "预算总额（元）";
      case "examples" -> "示例案例（worked cases）";
      default -> setting;
    };
  }
}
