package cn.liuzhou.incentives.ledger;

import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.MeasureOutcome;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.liuzhou.incentives.policy.Reason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The no-stacking rules and caps, checked against the ledger of earlier awards and open
 * applications. Which rule applies and its numbers come from the measure's decision outputs; this
 * class only counts. Callers hold the enterprise's lock so that two screenings cannot both spend
 * the same headroom, and for a measure with a subject ({@link Measure#subjectFact()}) the subject's lock too
 * ({@link #lockSubject}).
 *
 * <p>A measure with a subject is about an enterprise that more than one applicant may name (the acquired enterprise
 * of a merger: the acquirer names it, or it files itself). Its {@code onceKey} and its cap of scope {@code SUBJECT}
 * then count every live application about that subject, whoever filed it, not only the applicant's own.
 */
@Component
public class StackingRules {

  /** Reasons that block the application, and what already counts against its cap. */
  public record Result(List<Reason> reasons, BigDecimal counted, List<ApplicationRecord> countedApplications) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApplicationRepository applications;
  private final PolicyCatalogue catalogue;

  public StackingRules(ApplicationRepository applications, PolicyCatalogue catalogue) {
    this.applications = applications;
    this.catalogue = catalogue;
  }

  /**
   * The enterprise the application's award is about when its measure declares a subject (the enterprise the
   * subject fact names, else the applicant); empty for other measures.
   */
  public Optional<String> subject(ApplicationRecord app) {
    Optional<Measure> measure = catalogue.measure(app.measureCode()).filter(Measure::hasSubject);
    if (measure.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> facts;
    try {
      facts = app.factsJson() == null ? Map.of() : JSON.readValue(app.factsJson(), new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable facts of application " + app.id(), e);
    }
    return Optional.of(measure.get().subject(facts, app.creditCode()));
  }

  /**
   * Locks the application's subject, if its measure has one, until the transaction ends, and answers it. Call after
   * the enterprise's lock (always in that order, so two screenings cannot wait for each other).
   */
  public Optional<String> lockSubject(ApplicationRecord app) {
    Optional<String> subject = subject(app);
    subject.ifPresent(applications::lockSubject);
    return subject;
  }

  /**
   * @param projectBased the measure takes one application per project (package.json: a project measure, unless
   *     {@code oneApplicationPerProject} is false)
   * @param sameTypeBlocks awards from other programmes that the package's same-type mapping excludes
   */
  public Result check(ApplicationRecord app, MeasureOutcome outcome, boolean projectBased,
      List<ExternalAwards.ExternalAward> sameTypeBlocks, String rule) {
    Result result = check(app, outcome, projectBased, sameTypeBlocks);
    // Every refusal names the measure and clause it enforces, so the enterprise and the auditor can look it up.
    List<Reason> cited = result.reasons().stream().map(r -> new Reason(r.code(), r.zh() + "（依据：" + rule + "）",
        r.en() + " (rule: " + rule + ")")).toList();
    return new Result(cited, result.counted(), result.countedApplications());
  }

  Result check(ApplicationRecord app, MeasureOutcome outcome, boolean projectBased,
      List<ExternalAwards.ExternalAward> sameTypeBlocks) {
    List<Reason> reasons = new ArrayList<>();
    if (!sameTypeBlocks.isEmpty()) {
      String blocking = sameTypeBlocks.stream().map(ExternalAwards.ExternalAward::describe).collect(Collectors.joining("、"));
      reasons.add(new Reason("SAME_TYPE", "企业已享受同类型政策，不得重复享受本项奖励：" + blocking,
          "The enterprise already received a same-type measure of another programme: " + blocking));
    }
    if (projectBased && app.projectId() != null) {
      List<ApplicationRecord> same = applications.liveSameMeasureAndProject(app.creditCode(), app.measureCode(),
          app.projectId(), app.id());
      if (!same.isEmpty()) {
        reasons.add(new Reason("PROJECT_DUPLICATE", "同一项目已申报本措施：" + describe(same),
            "The project already has an application under this measure: " + describe(same)));
      }
    }
    if (outcome.exclusiveGroup() != null && app.projectId() != null) {
      List<ApplicationRecord> blocking = applications.liveExclusive(app.creditCode(), app.projectId(),
          outcome.exclusiveGroup(), app.measureCode(), app.id());
      if (!blocking.isEmpty()) {
        reasons.add(new Reason("EXCLUSIVE",
            "同一项目只能选择其中一项政策申报，已有申请：" + describe(blocking),
            "The project may receive only one of these measures; already applied: " + describe(blocking)));
      }
    }
    String subject = subject(app).orElse(null);
    if (outcome.onceKey() != null && subject != null) {
      List<ApplicationRecord> blocking = applications.liveWithOnceKeyForSubject(subject, outcome.onceKey(), app.id());
      if (!blocking.isEmpty()) {
        String whom = subject.equals(app.creditCode()) ? "申报企业本身" : "企业 " + subject;
        reasons.add(new Reason("ONCE_PER_SUBJECT",
            "该奖励对同一对象企业（" + whom + "）只能享受一次，不论由哪家企业申报，已有关于该企业的申请：" + describe(blocking),
            "This award is given once only per enterprise it is about (" + subject
                + "), whoever applies; already applied for that enterprise: " + describe(blocking)));
      }
    } else if (outcome.onceKey() != null) { // with a subject the key holds per subject, not per applicant
      List<ApplicationRecord> blocking = applications.liveWithOnceKey(app.creditCode(), outcome.onceKey(), app.id());
      if (!blocking.isEmpty()) {
        reasons.add(new Reason("ONCE_ONLY", "该奖励只能享受一次（同一企业同一期、同一认定或同一项目），已有申请：" + describe(blocking),
            "This award is given once only (per enterprise and period, recognition or project); already applied: " + describe(blocking)));
      }
    }
    if (outcome.packageLimit() != null) {
      applications.lockPackage(app.packageCode());
      List<ApplicationRecord> others = applications.liveScreenedOfMeasure(app.measureCode(), app.id());
      if (others.size() >= outcome.packageLimit()) {
        reasons.add(new Reason("PACKAGE_LIMIT",
            "本措施支持名额（" + outcome.packageLimit() + "个）已满，已占用名额的申请：" + describe(others),
            "The measure's " + outcome.packageLimit() + " places are taken by: " + describe(others)));
      }
    }
    if (outcome.seriesKey() != null && outcome.seriesLimit() != null) {
      List<ApplicationRecord> series = applications.liveInSeries(app.creditCode(), outcome.seriesKey(), app.id());
      if (series.size() >= outcome.seriesLimit()) {
        reasons.add(new Reason("SERIES_LIMIT",
            "本措施最多连续申报" + outcome.seriesLimit() + "年，已有申请：" + describe(series),
            "The measure may be received for at most " + outcome.seriesLimit() + " years; already applied: " + describe(series)));
      }
    }
    List<ApplicationRecord> counted = List.of();
    BigDecimal sum = BigDecimal.ZERO;
    if (outcome.capAmount() != null && outcome.capGroup() != null && !"APPLICATION".equals(outcome.capScope())) {
      counted = counted(app, outcome.capScope(), outcome.capGroup(), subject);
      sum = counted.stream().map(ApplicationRecord::countedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(outcome.capAmount()) >= 0) {
        reasons.add(new Reason("CAP_REACHED",
            "已达到本措施奖励上限" + outcome.capAmount().stripTrailingZeros().toPlainString() + "元，已计入：" + describe(counted),
            "The measure's cap of " + outcome.capAmount().stripTrailingZeros().toPlainString() + " yuan is reached by: " + describe(counted)));
      }
    }
    return new Result(reasons, sum, counted);
  }

  /**
   * What the application's cap leaves for it now, counting every other live award of the same cap
   * group (paid, approved, proposed); null when it has no cap. Callers hold the enterprise's lock.
   */
  public BigDecimal headroom(ApplicationRecord app) {
    if (app.capAmount() == null) {
      return null;
    }
    if (app.capGroup() == null || "APPLICATION".equals(app.capScope())) {
      return app.capAmount().setScale(2);
    }
    BigDecimal counted = counted(app, app.capScope(), app.capGroup(), subject(app).orElse(null)).stream()
        .map(ApplicationRecord::countedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return app.capAmount().subtract(counted).max(BigDecimal.ZERO).setScale(2);
  }

  /**
   * The other live applications counting against the same cap: per subject across applicants (scope SUBJECT, for a
   * measure with a subject), per project, or per enterprise.
   */
  private List<ApplicationRecord> counted(ApplicationRecord app, String capScope, String capGroup, String subject) {
    // SUBJECT on a measure without a subject (an administrator's table for another measure): counted per enterprise,
    // as strict as the default scope, rather than an incident at screening or a failed approval
    if ("SUBJECT".equals(capScope) && subject != null) {
      return applications.liveInCapGroupOfSubject(subject, capGroup, app.id());
    }
    String project = "PROJECT".equals(capScope) ? app.projectId() : null;
    return applications.liveInCapGroup(app.creditCode(), capGroup, project, app.id());
  }

  static String describe(List<ApplicationRecord> records) {
    return records.stream()
        .map(r -> r.id() + "（" + r.measureCode() + "，" + r.countedAmount().toPlainString() + "元，" + r.status() + "）")
        .collect(Collectors.joining("、"));
  }
}
