package cn.liuzhou.incentives.county;

import cn.liuzhou.incentives.api.ApiException;
import cn.liuzhou.incentives.policy.Measure;
import cn.liuzhou.incentives.policy.PackageRevision;
import cn.liuzhou.incentives.policy.PackageRevisions;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the bureau's county award runs: one per county measure and period, its process keyed by
 * the run id and bound to the package's active tables by their versionTag.
 */
@Service
public class CountyAwardService {

  private static final Pattern PERIOD = Pattern.compile("(\\d{4})Q([1-4])");

  private final PolicyCatalogue catalogue;
  private final PackageRevisions revisions;
  private final CountyAwardRepository runs;
  private final RuntimeService runtime;
  private final Clock clock;

  public CountyAwardService(PolicyCatalogue catalogue, PackageRevisions revisions, CountyAwardRepository runs,
      RuntimeService runtime, Optional<Clock> clock) {
    this.catalogue = catalogue;
    this.revisions = revisions;
    this.runs = runs;
    this.runtime = runtime;
    this.clock = clock.orElse(Clock.systemDefaultZone());
  }

  @Transactional
  public CountyAwardRepository.Run start(Caller caller, String measureCode, String period) {
    if (!mayManage(caller)) {
      throw ApiException.forbidden("只有市工业和信息化局审核人员或管理员可以发起县区奖励评比",
          "Only bureau reviewers or administrators may start a county award run");
    }
    Measure measure = measureCode == null ? null : catalogue.measure(measureCode).orElse(null);
    if (measureCode == null || measureCode.isBlank()) {
      throw ApiException.invalid("measureCode", "缺少措施代码", "measureCode is required");
    }
    if (measure == null) {
      throw ApiException.invalid("measureCode", "未知的措施代码：" + measureCode, "Unknown measure: " + measureCode);
    }
    if (measure.isEnterpriseMeasure()) {
      throw ApiException.invalid("measureCode", "该措施由企业申报，不是县区评比奖励：" + measureCode,
          "This measure is filed by enterprises, not a county award: " + measureCode);
    }
    PolicyPackage pkg = catalogue.packageOf(measureCode).orElseThrow();
    checkPeriod(pkg, period);
    PackageRevision revision = revisions.active(pkg.code())
        .orElseThrow(() -> new IllegalStateException("No tables deployed for " + pkg.code()));

    runs.holding(measure.code(), period).ifPresent(existing -> {
      throw conflict(measure.code(), period, existing.id());
    });
    LocalDate today = LocalDate.now(clock);
    String id = "XQ-" + today.format(DateTimeFormatter.BASIC_ISO_DATE) + "-"
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    Instant now = Instant.now(clock);
    try {
      runs.insertRun(id, measure.code(), pkg.code(), period, measure.decision(), revision.versionTag(), caller.userId(), now);
    } catch (DuplicateKeyException e) { // another run was started at the same moment
      throw conflict(measure.code(), period, runs.holding(measure.code(), period).map(CountyAwardRepository.Run::id).orElse("?"));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(CountyAwardVariables.RUN_ID, id);
    variables.put(CountyAwardVariables.PACKAGE_CODE, pkg.code());
    variables.put(CountyAwardVariables.MEASURE_CODE, measure.code());
    variables.put(CountyAwardVariables.MEASURE_TITLE, measure.titleZh() + "（" + pkg.code() + " " + measure.clause() + "）");
    variables.put(CountyAwardVariables.AWARD_PERIOD, period);
    variables.put(CountyAwardVariables.AWARD_DECISION_KEY, measure.decision());
    variables.put(CountyAwardVariables.DECISION_VERSION_TAG, revision.versionTag());
    variables.put(CountyAwardVariables.STARTED_BY, caller.userId());
    var instance = runtime.createProcessInstanceByKey(CountyAwardVariables.PROCESS_KEY).businessKey(id)
        .setVariables(variables).execute();
    runs.attachProcess(id, instance.getId());
    return runs.get(id);
  }

  /** The bureau manages runs; finance, auditors and administrators read them too. */
  public static boolean mayManage(Caller caller) {
    return caller.isBureau() || caller.isAdmin();
  }

  public static boolean mayRead(Caller caller) {
    return mayManage(caller) || caller.isAuditor() || caller.groups().contains(cn.liuzhou.incentives.security.Groups.FINANCE);
  }

  /** The period is a quarter (2026Q2) that the package's validity covers, where the package states one. */
  private static void checkPeriod(PolicyPackage pkg, String period) {
    Matcher m = period == null ? null : PERIOD.matcher(period);
    if (m == null || !m.matches()) {
      throw ApiException.invalid("period", "评比期间须为季度，如 2026Q2", "period must be a quarter such as 2026Q2");
    }
    LocalDate from = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    LocalDate to = from.plusMonths(3).minusDays(1);
    if ((pkg.validTo() != null && from.isAfter(pkg.validTo())) || (pkg.validFrom() != null && to.isBefore(pkg.validFrom()))) {
      throw ApiException.invalid("period", "评比期间 " + period + " 不在政策包 " + pkg.code() + " 的适用期内（"
              + pkg.validFrom() + " 至 " + pkg.validTo() + "）",
          "Period " + period + " is outside the validity of package " + pkg.code() + " (" + pkg.validFrom() + " to "
              + pkg.validTo() + ")");
    }
  }

  private static ApiException conflict(String measureCode, String period, String existing) {
    return ApiException.conflict("period", measureCode + " 在 " + period + " 已有评比（" + existing + "），不能重复发起",
        measureCode + " already has a run for " + period + " (" + existing + ")");
  }
}
