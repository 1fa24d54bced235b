package cn.liuzhou.incentives.workflow;

import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationRepository;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.ScreeningRecords;
import cn.liuzhou.incentives.ledger.StackingRules;
import cn.liuzhou.incentives.metrics.ScreeningMetrics;
import cn.liuzhou.incentives.policy.DecisionCapture;
import cn.liuzhou.incentives.policy.DecisionTexts;
import cn.liuzhou.incentives.review.CalculationTrace;
import cn.liuzhou.incentives.policy.AwardCalculator;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.MeasureOutcome;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.SameTypeExclusion;
import cn.liuzhou.incentives.policy.Reason;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the two decisions' results into the screening outcome: every reason against the
 * application, or the proposed award after the ledger's caps and no-stacking rules and the
 * package's rounding. Runs again after the experts' rating, with the rated award.
 */
@Component("awardScreening")
public class AwardScreening implements JavaDelegate {

  private final ApplicationRepository applications;
  private final EnterpriseRegistry registry;
  private final StackingRules stacking;
  private final ApplicationJournal journal;
  private final ReasonsJson reasonsJson;
  private final PolicyCatalogue catalogue;
  private final SameTypeExclusion sameType;
  private final ScreeningRecords records;
  private final DecisionCapture capture;
  private final DecisionTexts texts;
  private final EnterpriseCreditLookup inputs;
  private final ScreeningMetrics metrics;

  public AwardScreening(ApplicationRepository applications, EnterpriseRegistry registry, StackingRules stacking,
      ApplicationJournal journal, ReasonsJson reasonsJson, PolicyCatalogue catalogue, SameTypeExclusion sameType,
      ScreeningRecords records, DecisionCapture capture, DecisionTexts texts, EnterpriseCreditLookup inputs,
      ScreeningMetrics metrics) {
    this.metrics = metrics;
    this.records = records;
    this.capture = capture;
    this.texts = texts;
    this.inputs = inputs;
    this.catalogue = catalogue;
    this.sameType = sameType;
    this.applications = applications;
    this.registry = registry;
    this.stacking = stacking;
    this.journal = journal;
    this.reasonsJson = reasonsJson;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    ApplicationRecord app = applications.get(execution.getProcessBusinessKey());
    List<Reason> reasons = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) execution.getVariable(Variables.GENERAL_RESULT)) {
      if (!Boolean.TRUE.equals(row.get("eligible"))) {
        reasons.add(new Reason("GENERAL", (String) row.get("reasonZh"), (String) row.get("reasonEn")));
      }
    }
    MeasureOutcome outcome = MeasureOutcome.of((List<Map<String, Object>>) execution.getVariable(Variables.MEASURE_RESULT));
    reasons.addAll(outcome.reasons());

    BigDecimal proposed = null;
    BigDecimal remainingCap = null;
    BigDecimal counted = null;
    if (reasons.isEmpty()) {
      registry.lock(app.creditCode());
      stacking.lockSubject(app); // the enterprise the award is about, when another applicant may name it too
      boolean onePerProject = catalogue.measure(app.measureCode()).map(Measure::takesOneApplicationPerProject).orElse(false);
      StackingRules.Result ledger = stacking.check(app, outcome, onePerProject,
          sameType.blocking(app.packageCode(), app.decisionVersionTag(), app.measureCode(), app.creditCode()), rule(app));
      reasons.addAll(ledger.reasons());
      remainingCap = AwardCalculator.remaining(outcome.capAmount(), ledger.counted());
      counted = ledger.counted();
      if (reasons.isEmpty() && outcome.award() != null && !outcome.amountByBureau()) {
        proposed = AwardCalculator.award(outcome.award(), outcome.capAmount(), ledger.counted(), outcome.roundingUnit());
        if (proposed.signum() <= 0) {
          reasons.add(new Reason("ZERO_AWARD", "按政策测算并取整后奖励金额为零", "The award rounds down to zero under the package's rules"));
        }
      }
    }
    boolean passed = reasons.isEmpty();
    applications.recordScreening(app.id(), passed
        ? new ApplicationRepository.Screening(proposed, reasonsJson.write(reasons), outcome.capGroup(), outcome.capAmount(),
            outcome.capScope(), outcome.roundingUnit(), outcome.amountByBureau() || proposed == null ? "BUREAU" : "TABLE",
            outcome.exclusiveGroup(), outcome.onceKey(), outcome.seriesKey(), stacking.subject(app).orElse(null))
        : new ApplicationRepository.Screening(null, reasonsJson.write(reasons), null, null, null, null, null, null, null, null));

    String trace = null;
    if (passed) {
      Measure measure = catalogue.measure(app.measureCode()).orElse(null);
      trace = CalculationTrace.of(capture.read(Variables.string(execution, DecisionCapture.MEASURE_EVALUATION)).orElse(null),
          measure, inputs.facts(app), new CalculationTrace.Ledger(outcome.capAmount(), outcome.capScope(), outcome.capGroup(), counted,
              remainingCap, outcome.roundingUnit(), proposed, outcome.amountByBureau() || proposed == null,
              measure == null ? null : app.packageCode() + " " + measure.clause()), texts::ruleDescription);
    }
    String readAt = Variables.string(execution, EnterpriseCreditLookup.REGISTRY_READ_AT);
    records.insert(app.id(), passed, app.factsJson(), trace, Variables.string(execution, EnterpriseCreditLookup.REGISTRY_DATA),
        readAt == null ? null : java.time.Instant.parse(readAt));
    execution.setVariable(Variables.SCREENING_PASSED, passed);
    execution.setVariable(Variables.PROPOSED_AWARD, Variables.asDouble(proposed));
    execution.setVariable(Variables.AWARD_CAP, Variables.asDouble(remainingCap));
    execution.setVariable(Variables.AMOUNT_SOURCE, proposed == null ? "BUREAU" : "TABLE");
    execution.setVariable(Variables.EXPERT_REVIEW_REQUIRED,
        passed && outcome.expertReview() && execution.getVariable(Variables.EXPERT_RATING) == null);
    execution.setVariable(Variables.SCREENING_SUMMARY, summary(passed, proposed, remainingCap, reasons));
    journal.record(app.id(), "SCREENING", "system", passed ? "PASSED" : "FAILED",
        reasons.stream().map(Reason::zh).collect(Collectors.joining("；")));
    if (app.status() == ApplicationStatus.SCREENING) { // not the re-run after the experts' rating
      metrics.screened(app, passed);
    }
  }

  /** The measure and clause a ledger refusal enforces, e.g. "GX-2024Q4-INVEST-MAJOR（GX-2024Q4 第15条）". */
  private String rule(ApplicationRecord app) {
    return catalogue.measure(app.measureCode()).map(m -> app.measureCode() + "，" + app.packageCode() + " " + m.clause())
        .orElse(app.measureCode());
  }

  private static String summary(boolean passed, BigDecimal proposed, BigDecimal remainingCap, List<Reason> reasons) {
    if (!passed) {
      return "未通过：" + reasons.stream().map(Reason::zh).collect(Collectors.joining("；"));
    }
    String amount = proposed != null ? "测算奖励 " + cn.liuzhou.incentives.review.Money.yuan(proposed)
        : "奖励金额由市工业和信息化局核定" + (remainingCap == null ? "" : "（上限剩余 " + cn.liuzhou.incentives.review.Money.yuan(remainingCap) + "）");
    return "通过自动审核（信用、黑名单、严重失信记录、叠加与上限、适用条件）；" + amount;
  }
}
