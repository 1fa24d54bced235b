package cn.liuzhou.incentives.portal;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.StackingRules;
import cn.liuzhou.incentives.policy.AwardCalculator;
import cn.liuzhou.incentives.policy.DecisionPreview;
import cn.liuzhou.incentives.policy.FactError;
import cn.liuzhou.incentives.policy.FactSpec;
import cn.liuzhou.incentives.policy.Facts;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.MeasureOutcome;
import cn.liuzhou.incentives.policy.PackageRevision;
import cn.liuzhou.incentives.policy.PackageRevisions;
import cn.liuzhou.incentives.policy.PackageSettings;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.policy.Reason;
import cn.liuzhou.incentives.policy.SameTypeExclusion;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.registry.Industry;
import cn.liuzhou.incentives.registry.Project;
import cn.liuzhou.incentives.registry.ProjectRegistry;
import cn.liuzhou.incentives.workflow.EnterpriseCreditLookup;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Which measures an enterprise may apply for now, and why not, and what an application would be awarded:
 * the package's {@code <package>-GENERAL} decision and the measure's decision, bound by the package's active
 * versionTag as screening binds them, read the registry as screening reads it ({@link EnterpriseCreditLookup}),
 * and the ledger's caps and rounding apply as in {@code AwardScreening}. No policy number lives here.
 */
@Service
public class MeasureMatcher {

  /** A condition the registry already proves (a column of the decision that reads only registry data). */
  public record ProvenCondition(String labelZh, String valueZh) {}

  /** One measure as the enterprise sees it in 政策匹配. */
  public record MatchedMeasure(String code, String packageCode, String packageTitle, String clause, String titleZh,
      String amountSource, boolean projectBased, LocalDate applicationOpens, LocalDate applicationCloses, boolean windowOpen,
      boolean canApply, List<Reason> reasons, List<ProvenCondition> provenByRegistry, List<String> paysZh,
      List<FactSpec> facts, List<Measure.DocumentSpec> documents, String decisionVersionTag) {}

  /** What screening would make of an application with these facts, without filing it (预估). */
  public record Estimate(boolean estimate, String measureCode, String creditCode, boolean eligible, List<Reason> reasons,
      BigDecimal tableAward, BigDecimal capAmount, String capScope, BigDecimal alreadyCounted, BigDecimal roundingUnit,
      BigDecimal estimatedAward, String amountSource, boolean expertReview, String decisionVersionTag, String noteZh,
      String noteEn) {}

  private static final Set<String> REGISTRY_VARIABLES = Set.of("registered", "aboveDesignatedSize", "industry",
      "taxCreditRating", "accountingCreditGood", "jointPunishmentTarget", "lastSeriousRecordOn", "onNameList");

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final PackageSettings settings;
  private final EnterpriseRegistry registry;
  private final ProjectRegistry projects;
  private final EnterpriseCreditLookup lookup;
  private final DecisionPreview preview;
  private final StackingRules stacking;
  private final SameTypeExclusion sameType;
  private final RepositoryService repository;
  private final Clock clock;
  private final Map<String, List<String>> paysCache = new ConcurrentHashMap<>();

  public MeasureMatcher(PolicyCatalogue catalogue, PackageRevisions revisions, PackageSettings settings,
      EnterpriseRegistry registry, ProjectRegistry projects, EnterpriseCreditLookup lookup, DecisionPreview preview,
      StackingRules stacking, SameTypeExclusion sameType, RepositoryService repository, Optional<Clock> clock) {
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.settings = settings;
    this.registry = registry;
    this.projects = projects;
    this.lookup = lookup;
    this.preview = preview;
    this.stacking = stacking;
    this.sameType = sameType;
    this.repository = repository;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  /** Every measure enterprises file, for this enterprise today: may it apply, and if not, why. */
  public List<MatchedMeasure> match(String creditCode) {
    LocalDate today = LocalDate.now(clock);
    Optional<Enterprise> enterprise = registry.find(creditCode);
    List<MatchedMeasure> result = new ArrayList<>();
    // The newest policy documents first.
    List<PolicyPackage> packages = new ArrayList<>(catalogue.packages());
    packages.sort(java.util.Comparator.comparing(PolicyPackage::validFrom,
        java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
    for (PolicyPackage pkg : packages) {
      Optional<PackageRevision> revision = revisions.active(pkg.code());
      PackageSettings.Settings window = settings.get(pkg.code());
      for (Measure measure : pkg.measures()) {
        if (!measure.isEnterpriseMeasure()) {
          continue;
        }
        List<Reason> reasons = new ArrayList<>();
        boolean open = window.windowOpenOn(today);
        if (!open) {
          reasons.add(windowReason(pkg, window, today));
        }
        List<ProvenCondition> proven = new ArrayList<>();
        String tag = revision.map(PackageRevision::versionTag).orElse(null);
        if (tag != null) {
          Map<String, Object> variables = variables(creditCode, measure, today, null, Map.of());
          Set<String> declared = factNames(measure);
          DmnDecision general = preview.decision(pkg.generalDecisionKey(), tag);
          DmnDecision own = preview.decision(measure.decision(), tag);
          if (general != null) {
            for (DecisionPreview.Row row : preview.evaluate(general, variables, declared)) {
              if (!row.eligible()) {
                reasons.add(reason("GENERAL", row));
              }
            }
          }
          if (own != null) {
            for (DecisionPreview.Row row : preview.evaluate(own, variables, declared)) {
              if (!row.eligible() && !row.testsDeclaredFacts()) {
                reasons.add(reason("MEASURE", row));
              }
            }
          }
          if (enterprise.isPresent()) {
            Set<String> seen = new LinkedHashSet<>();
            for (DmnDecision d : new DmnDecision[] {general, own}) {
              if (d == null) {
                continue;
              }
              for (DecisionPreview.Column column : preview.columns(d)) {
                if (!column.variables().isEmpty() && column.variables().stream().noneMatch(declared::contains)
                    && column.variables().stream().anyMatch(REGISTRY_VARIABLES::contains) && seen.add(column.label())) {
                  proven.add(new ProvenCondition(column.label(), describe(column, variables)));
                }
              }
            }
          }
        } else {
          reasons.add(new Reason("NO_TABLES", "该政策包尚未部署判定规则", "The package's decision tables are not deployed"));
        }
        if (measure.requiresProject() && projects.ofEnterprise(creditCode).isEmpty()) {
          reasons.add(new Reason("NO_PROJECT", "本措施按项目申报，贵企业尚无已登记的投资项目（请先登记项目）",
              "This measure is filed per project and the enterprise has no registered project"));
        }
        boolean canApply = reasons.isEmpty();
        result.add(new MatchedMeasure(measure.code(), pkg.code(), pkg.titleZh(), measure.clause(), measure.titleZh(),
            measure.amountSource(), measure.requiresProject(), window.applicationOpens(), window.applicationCloses(), open,
            canApply, reasons, canApply ? proven : List.of(), tag == null ? List.of() : pays(measure.decision(), tag),
            measure.facts(), measure.documents(), tag));
      }
    }
    return result;
  }

  /**
   * Evaluates the package's general decision and the measure's decision on these facts, then the ledger's caps
   * and the package's rounding, as screening would today. Facts are checked as filing checks them (422 naming each).
   */
  public Estimate estimate(String measureCode, String creditCode, String projectId, Map<String, Object> facts) {
    Measure measure = catalogue.measure(measureCode).filter(Measure::isEnterpriseMeasure)
        .orElseThrow(() -> ApiException.notFound("措施", measureCode));
    PolicyPackage pkg = catalogue.packageOf(measureCode).orElseThrow();
    Facts.Checked checked = Facts.check(measure, facts);
    List<ApiException.FieldProblem> problems = new ArrayList<>();
    for (FactError e : checked.errors()) {
      problems.add(new ApiException.FieldProblem(e.field(), e.zh(), e.en()));
    }
    if (measure.requiresProject()) {
      Optional<Project> project = projectId == null ? Optional.empty() : projects.find(projectId);
      if (project.isEmpty() || !project.get().creditCode().equals(creditCode)) {
        problems.add(new ApiException.FieldProblem("projectId", "请选择本企业已登记的项目",
            "projectId must be a project registered to the applicant"));
      }
    } else {
      projectId = null;
    }
    if (!problems.isEmpty()) {
      throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, problems);
    }
    LocalDate today = LocalDate.now(clock);
    String tag = revisions.active(pkg.code()).map(PackageRevision::versionTag)
        .orElseThrow(() -> ApiException.conflict("measureCode", "该政策包尚未部署判定规则", "The package's tables are not deployed"));
    Map<String, Object> variables = variables(creditCode, measure, today, projectId, checked.variables());
    List<Reason> reasons = new ArrayList<>();
    PackageSettings.Settings window = settings.get(pkg.code());
    if (!window.windowOpenOn(today)) {
      reasons.add(windowReason(pkg, window, today));
    }
    Set<String> declared = factNames(measure);
    DmnDecision general = preview.decision(pkg.generalDecisionKey(), tag);
    if (general != null) {
      preview.evaluate(general, variables, declared).stream().filter(r -> !r.eligible()).forEach(r -> reasons.add(reason("GENERAL", r)));
    }
    DmnDecision own = preview.decision(measure.decision(), tag);
    List<Map<String, Object>> rows = own == null ? List.of()
        : preview.evaluate(own, variables, declared).stream().map(DecisionPreview.Row::outputs).toList();
    MeasureOutcome outcome = MeasureOutcome.of(rows);
    reasons.addAll(outcome.reasons());
    BigDecimal counted = null;
    BigDecimal award = null;
    if (reasons.isEmpty()) {
      ApplicationRecord probe = new ApplicationRecord("ESTIMATE", measure.code(), pkg.code(), creditCode,
          registry.find(creditCode).map(Enterprise::county).orElse(null), projectId, "{}", ApplicationStatus.SCREENING,
          null, null, null, null, null, measure.decision(), tag, creditCode, null, null, null, null, today, null, null, null,
          null, null, null);
      StackingRules.Result ledger = stacking.check(probe, outcome, measure.takesOneApplicationPerProject(),
          sameType.blocking(pkg.code(), tag, measure.code(), creditCode), measure.code() + "，" + pkg.code() + " " + measure.clause());
      reasons.addAll(ledger.reasons());
      counted = ledger.counted();
      if (reasons.isEmpty() && outcome.award() != null && !outcome.amountByBureau()) {
        award = AwardCalculator.award(outcome.award(), outcome.capAmount(), counted, outcome.roundingUnit());
        if (award.signum() <= 0) {
          reasons.add(new Reason("ZERO_AWARD", "按政策测算并取整后奖励金额为零", "The award rounds down to zero under the package's rules"));
          award = null;
        }
      }
    }
    boolean eligible = reasons.isEmpty();
    String source = eligible ? (award == null ? "BUREAU" : "TABLE") : null;
    return new Estimate(true, measure.code(), creditCode, eligible, reasons, eligible ? outcome.award() : null,
        eligible ? outcome.capAmount() : null, eligible ? outcome.capScope() : null, counted,
        eligible ? outcome.roundingUnit() : null, award, source, eligible && outcome.expertReview(), tag,
        "预估：按现行判定规则和企业名录即时测算，不是审批结果；以自动审核、县区审核、市工业和信息化局核定和公示后的金额为准",
        "Estimate only: computed now from the active tables and the registry; the award is what screening, review and the notice decide");
  }

  private Map<String, Object> variables(String creditCode, Measure measure, LocalDate filedOn, String projectId,
      Map<String, Object> factVariables) {
    Map<String, Object> vars = new HashMap<>();
    for (FactSpec spec : measure.facts()) {
      vars.put(spec.name(), null);
    }
    vars.putAll(factVariables);
    vars.put("filedOn", filedOn.toString());
    vars.put("measureCode", measure.code());
    vars.put("projectId", projectId);
    vars.put("expertRating", null);
    vars.putAll(lookup.registryVariables(creditCode, filedOn, measure.code()));
    vars.putAll(lookup.factNameListVariables(measure, factVariables));
    return vars;
  }

  private static Set<String> factNames(Measure measure) {
    return measure.facts().stream().map(FactSpec::name).collect(Collectors.toSet());
  }

  private static Reason reason(String code, DecisionPreview.Row row) {
    return new Reason(code, String.valueOf(row.outputs().get("reasonZh")), String.valueOf(row.outputs().get("reasonEn")));
  }

  private static Reason windowReason(PolicyPackage pkg, PackageSettings.Settings window, LocalDate today) {
    if (window.applicationOpens() == null) {
      return new Reason("WINDOW", "申报期未开放（" + pkg.code() + "）", "The package's application window is not open");
    }
    if (today.isBefore(window.applicationOpens())) {
      return new Reason("WINDOW", "申报期尚未开始，" + window.applicationOpens() + " 起可申报",
          "The application window opens on " + window.applicationOpens());
    }
    return new Reason("WINDOW", "申报期已截止（截止日期 " + window.applicationCloses() + "）",
        "The application window closed on " + window.applicationCloses());
  }

  /** The enterprise's value of a registry column, in Chinese. */
  private static String describe(DecisionPreview.Column column, Map<String, Object> variables) {
    List<String> parts = new ArrayList<>();
    for (String v : column.variables()) {
      if (!REGISTRY_VARIABLES.contains(v)) {
        continue;
      }
      Object value = variables.get(v);
      String shown;
      if (value == null) {
        shown = "lastSeriousRecordOn".equals(v) ? "无" : "未登记";
      } else if (value instanceof Boolean b) {
        shown = b ? "是" : "否";
      } else if ("industry".equals(v)) {
        shown = Industry.of(value.toString()).map(Industry::nameZh).orElse(value.toString());
      } else {
        shown = value.toString();
      }
      parts.add(shown);
    }
    return String.join("，", parts);
  }

  /** The clauses of the measure's award rules (their annotations), as the tables cite the source. */
  private List<String> pays(String decisionKey, String versionTag) {
    return paysCache.computeIfAbsent(decisionKey + "@" + versionTag, k -> {
      DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
          .versionTag(versionTag).singleResult();
      if (definition == null) {
        return List.of();
      }
      DmnModelInstance model;
      try (InputStream xml = repository.getDecisionModel(definition.getId())) {
        model = Dmn.readModelFromStream(xml);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      Decision decision = model.getModelElementById(decisionKey);
      if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
        return List.of();
      }
      List<Output> outputs = new ArrayList<>(table.getOutputs());
      int eligibleColumn = -1;
      for (int i = 0; i < outputs.size(); i++) {
        if ("eligible".equals(outputs.get(i).getName())) {
          eligibleColumn = i;
        }
      }
      Set<String> texts = new LinkedHashSet<>();
      for (Rule rule : table.getRules()) {
        List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
        if (eligibleColumn >= 0 && eligibleColumn < entries.size()
            && "true".equals(entries.get(eligibleColumn).getTextContent().trim()) && rule.getDescription() != null) {
          String text = rule.getDescription().getTextContent().trim();
          if (text.contains("PLACEHOLDER")) {
            // A placeholder row (README, "Placeholders"): the source names no amount yet.
            text = "政策原文未给出具体金额或比例，由市工业和信息化局核定";
          }
          texts.add(text);
        }
      }
      return List.copyOf(texts);
    });
  }

  /** For the portal's header: the enterprise's registry record, if any. */
  public Optional<Enterprise> enterprise(String creditCode) {
    return registry.find(creditCode);
  }

}
