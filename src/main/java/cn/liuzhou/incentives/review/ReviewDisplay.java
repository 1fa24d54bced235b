package cn.liuzhou.incentives.review;

import cn.liuzhou.incentives.evidence.Attachments;
import cn.liuzhou.incentives.evidence.EvidenceFormat;
import cn.liuzhou.incentives.evidence.EvidenceService;
import cn.liuzhou.incentives.cases.People;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ScreeningRecords;
import cn.liuzhou.incentives.ledger.StackingRules;
import cn.liuzhou.incentives.policy.AwardCalculator;
import cn.liuzhou.incentives.policy.DecisionPreview;
import cn.liuzhou.incentives.policy.PolicyCatalogue;
import cn.liuzhou.incentives.policy.PolicyPackage;
import cn.liuzhou.incentives.registry.Enterprise;
import cn.liuzhou.incentives.registry.EnterpriseRegistry;
import cn.liuzhou.incentives.security.Groups;
import cn.liuzhou.incentives.workflow.EnterpriseCreditLookup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a reviewer's form shows beside the decision fields, written in Chinese from the ledger: the
 * calculation trace and the registry data the last screening recorded, the earlier rounds of an
 * amended or returned application, the evidence with links, the rate and award per expert grade
 * (evaluated by the package's own decisions), and for finance the payee account, the amount in
 * figures and in capitals, and the budget line. All values are display-only strings.
 */
@Component
public class ReviewDisplay {

  public static final String CALCULATION_TRACE = "calculationTrace";
  public static final String REGISTRY_DATA = "registryData";
  public static final String PREVIOUS_ROUNDS = "previousRounds";
  public static final String EVIDENCE_LIST = "evidenceList";
  public static final String GRADE_AMOUNTS = "gradeAmounts";
  public static final String EXPERT_OPINION = "expertOpinion";
  public static final String AWARD_CAP_TEXT = "awardCapText";
  public static final String PAYEE_NAME = "payeeName";
  public static final String PAYEE_BANK = "payeeBank";
  public static final String PAYEE_ACCOUNT = "payeeAccount";
  public static final String AMOUNT_FIGURES = "amountInFigures";
  public static final String AMOUNT_CAPITALS = "amountInCapitals";
  public static final String BUDGET_LINE = "budgetLine";
  /** Markdown: a link to the application's case file, empty on the forms of roles that may not open it. */
  public static final String CASE_FILE_LINK = "caseFileLink";

  private static final Map<String, String> STEPS = Map.of("COUNTY_REVIEW", "县区审核", "EXPERT_REVIEW", "专家评审",
      "BUREAU_REVIEW", "市局审核", "AMENDED", "企业补正", "OBJECTION_EXAMINED", "异议审查");
  private static final Map<String, String> OUTCOMES = Map.of("APPROVE", "通过", "REJECT", "不通过", "RETURN", "退回",
      "SCREENING", "重新提交");

  private final ScreeningRecords screenings;
  private final ApplicationJournal journal;
  private final Attachments attachments;
  private final People people;
  private final EnterpriseRegistry registry;
  private final PolicyCatalogue catalogue;
  private final DecisionPreview decisions;
  private final EnterpriseCreditLookup inputs;
  private final StackingRules stacking;
  /** Where the application's pages are reached ("" at the root, "/incentives" under that context path). */
  private final String basePath;

  public ReviewDisplay(ScreeningRecords screenings, ApplicationJournal journal, Attachments attachments,
      People people, EnterpriseRegistry registry, PolicyCatalogue catalogue, DecisionPreview decisions,
      EnterpriseCreditLookup inputs, StackingRules stacking,
      @Value("${incentives.base-path:${server.servlet.context-path:}}") String basePath) {
    this.basePath = basePath(basePath);
    this.screenings = screenings;
    this.journal = journal;
    this.attachments = attachments;
    this.people = people;
    this.registry = registry;
    this.catalogue = catalogue;
    this.decisions = decisions;
    this.inputs = inputs;
    this.stacking = stacking;
  }

  /** The display variables of a review task (task definition key) of the application. */
  public Map<String, Object> of(String taskKey, ApplicationRecord app) {
    Map<String, Object> v = new LinkedHashMap<>();
    var latest = screenings.latest(app.id());
    v.put(CALCULATION_TRACE, latest.map(ScreeningRecords.ScreeningRecord::calculationTrace).filter(t -> t != null)
        .orElse("（本申请没有测算记录）"));
    v.put(REGISTRY_DATA, latest.map(ScreeningRecords.ScreeningRecord::registryData).filter(t -> t != null)
        .orElse("（本申请没有企业库读取记录）"));
    v.put(PREVIOUS_ROUNDS, previousRounds(app));
    v.put(EVIDENCE_LIST, evidence(app));
    switch (taskKey) {
      case "expertReview" -> v.put(GRADE_AMOUNTS, gradeAmounts(app));
      case "bureauReview" -> {
        v.put(EXPERT_OPINION, expertOpinion(app));
        BigDecimal headroom = stacking.headroom(app);
        v.put(AWARD_CAP_TEXT, headroom == null ? "本措施无金额上限" : Money.yuan(headroom));
      }
      case "financeDisbursement" -> {
        Optional<Enterprise> payee = registry.find(app.creditCode());
        v.put(PAYEE_NAME, payee.map(Enterprise::name).orElse(app.creditCode()));
        v.put(PAYEE_BANK, payee.map(Enterprise::bankName).orElse("企业库未登记开户银行，请先在企业库补录"));
        v.put(PAYEE_ACCOUNT, payee.map(Enterprise::bankAccount).map(ReviewDisplay::grouped).orElse("企业库未登记银行账号，请先在企业库补录"));
        BigDecimal amount = app.approvedAward();
        v.put(AMOUNT_FIGURES, amount == null ? "（尚未核定）" : Money.yuan(amount));
        v.put(AMOUNT_CAPITALS, amount == null ? "（尚未核定）" : "人民币" + ChineseAmount.of(amount));
        v.put(BUDGET_LINE, budgetLine(app));
      }
      default -> { }
    }
    v.replaceAll((name, value) -> value instanceof String text ? (EVIDENCE_LIST.equals(name) ? fitLatest(text) : fit(text)) : value);
    return v;
  }

  /**
   * The link from a task's form to the application's case file (/cases/{id} under the base path), for a task of the
   * given candidate group: empty where the group may not open case files, so that no form shows a link that only
   * answers 403.
   */
  public String caseFileLink(String candidateGroup, String applicationId) {
    return Groups.mayReadCaseFiles(candidateGroup)
        ? "[查看本申请案卷 " + applicationId + "](" + basePath + "/cases/" + applicationId + ")" : "";
  }

  /**
   * The base path of the links the forms' variables carry ({@code incentives.base-path}, by default the servlet
   * context path): "" or "/incentives", never a trailing slash. Variables are stored with the task, so the links
   * must be absolute paths that Tasklist (under /camunda/app/tasklist/…) resolves to this application's pages.
   */
  static String basePath(String configured) {
    String path = configured == null ? "" : configured.strip();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path.isEmpty() || path.startsWith("/") ? path : "/" + path;
  }

  /** The evidence list as the forms show it, for refreshing open tasks when a file is added. */
  public String evidenceText(ApplicationRecord app) {
    return fitLatest(evidence(app));
  }

  /** Like {@link #fit}, but keeps the end of a list that grows at the end (the newest evidence matters most). */
  static String fitLatest(String text) {
    if (text.length() <= MAX_SHOWN) {
      return text;
    }
    int from = text.indexOf('\n', text.length() - (MAX_SHOWN - 80));
    String tail = text.substring(from < 0 ? text.length() - (MAX_SHOWN - 80) : from + 1);
    return "……（此前 " + (text.length() - tail.length()) + " 字从略，完整清单见申请详情和案卷）\n" + tail;
  }

  /**
   * Camunda keeps a String variable in a column of 4,000 characters: a longer text (many files, long comments)
   * would make the task itself fail to be created. The form shows the beginning and says where the rest is.
   */
  static String fit(String text) {
    if (text.length() <= MAX_SHOWN) {
      return text;
    }
    int cut = text.lastIndexOf('\n', MAX_SHOWN - 80);
    String head = text.substring(0, cut > MAX_SHOWN / 2 ? cut : MAX_SHOWN - 80);
    return head + "\n……（以下 " + (text.length() - head.length()) + " 字从略，完整内容见申请详情和案卷）";
  }

  private static final int MAX_SHOWN = 3900;

  /** "6222 0210 0112 3456 789": the account in groups of four, as it is read out and checked. */
  /** Whether an account as shown on a form (grouped in fours) is the registry's account. */
  public static boolean sameAccount(String shown, String account) {
    return shown.replaceAll("\\s", "").equals(account.replaceAll("\\s", ""));
  }

  static String grouped(String account) {
    return account == null ? null : account.replaceAll("(\\d{4})(?=\\d)", "$1 ");
  }

  private String budgetLine(ApplicationRecord app) {
    String title = catalogue.find(app.packageCode()).map(PolicyPackage::titleZh).orElse(app.packageCode());
    String account = app.budgetAccount() == null ? app.packageCode() : app.budgetAccount();
    String year = account.contains("-FY") ? "，" + account.substring(account.indexOf("-FY") + 3) + " 年度" : "";
    return "预算科目 " + account + "（" + title + " 奖补资金" + year + "）" + (app.budgetAccount() == null ? "，尚未占用" : "，已占用");
  }

  /** Every earlier step with a decision or a comment, who (display name) and when; amendments with what changed. */
  String previousRounds(ApplicationRecord app) {
    List<String> lines = new ArrayList<>();
    boolean earlierRound = false;
    for (ApplicationJournal.Entry e : journal.entries(app.id())) {
      String step = STEPS.get(e.step());
      if (step == null) {
        continue;
      }
      if ("RETURN".equals(e.outcome()) || "AMENDED".equals(e.step())) {
        earlierRound = true;
      }
      String outcome = OUTCOMES.getOrDefault(e.outcome(), e.outcome());
      String comment = e.comment() == null || e.comment().isBlank() ? "" : "：" + e.comment();
      lines.add("· " + RegistrySnapshot.beijing(e.at()) + " " + step + " " + displayName(e.actor()) + " — " + outcome + comment);
    }
    if (lines.isEmpty()) {
      return "首次提交，无以往轮次或审核意见";
    }
    return (earlierRound ? "本申请曾被退回并补正，以往各轮：" : "以往审核意见：") + "\n" + String.join("\n", lines);
  }

  /** Markdown: one line per file with a link that opens it (the API checks the reader again). */
  String evidence(ApplicationRecord app) {
    List<Attachments.Attachment> files = attachments.of(app.id());
    if (files.isEmpty()) {
      return "尚未上传佐证材料。";
    }
    StringBuilder md = new StringBuilder();
    for (Attachments.Attachment a : files) {
      String type = EvidenceFormat.ofContentType(a.contentType()).map(EvidenceFormat::labelZh).orElse(a.contentType());
      md.append("- [").append(escape((a.documentType() == null ? "" : a.documentType() + " · ") + a.fileName()))
          .append("](").append(basePath).append("/api/applications/").append(app.id()).append("/attachments/").append(a.id()).append(")　")
          .append(type).append("，").append(EvidenceService.sizeText(a.sizeBytes())).append("，")
          .append(RegistrySnapshot.beijing(a.uploadedAt())).append(" 由 ").append(escape(displayName(a.uploadedBy())))
          .append(" 上传\n");
    }
    return md.toString().strip();
  }

  private static String escape(String text) {
    return text.replaceAll("([\\\\`*_\\[\\](){}<>#|!])", "\\\\$1");
  }

  /** The expert's grade and comment, and what each grade would give. */
  String expertOpinion(ApplicationRecord app) {
    ApplicationJournal.Entry rated = null;
    for (ApplicationJournal.Entry e : journal.entries(app.id())) {
      if ("EXPERT_REVIEW".equals(e.step())) {
        rated = e;
      }
    }
    if (rated == null) {
      return "本措施无专家评审";
    }
    return "专家评审等级：" + rated.outcome() + " 级（" + displayName(rated.actor()) + "，" + RegistrySnapshot.beijing(rated.at())
        + "）\n评审意见：" + (rated.comment() == null || rated.comment().isBlank() ? "（未填写）" : rated.comment())
        + "\n各等级对应金额：\n" + gradeAmounts(app);
  }

  /**
   * Per grade A, B, C: the rate of the package's EXPERT-RATE decision and the award of the measure's
   * own decision for that grade, evaluated now with the application's facts and registry data, then
   * capped by what the cap leaves and rounded as the package says. The decisions are evaluated as the
   * portal's preview evaluates them (same deployed XML, same FEEL settings) and not by the DecisionService:
   * a form being opened is no decision, and each evaluation would otherwise leave a decision-history row
   * (kept 30 years) that belongs to no process instance.
   */
  String gradeAmounts(ApplicationRecord app) {
    DmnDecision rateDecision = system(() -> decisions.decision(app.packageCode() + "-EXPERT-RATE", app.decisionVersionTag()));
    DmnDecision measureDecision = system(() -> decisions.decision(app.decisionKey(), app.decisionVersionTag()));
    if (rateDecision == null || measureDecision == null) {
      return "本政策包无专家评审比例表";
    }
    BigDecimal headroom = stacking.headroom(app);
    Map<String, Object> vars = inputs.decisionInputs(app);
    List<String> lines = new ArrayList<>();
    for (String grade : List.of("A", "B", "C")) {
      vars.put("expertRating", grade);
      List<DecisionPreview.Row> rates = decisions.evaluate(rateDecision, vars, Set.of());
      Object r = rates.isEmpty() ? null : rates.get(0).outputs().get("rate");
      BigDecimal rate = r instanceof Number n ? new BigDecimal(n.toString()) : null;
      BigDecimal raw = decisions.evaluate(measureDecision, vars, Set.of()).stream()
          .filter(row -> row.eligible() && row.outputs().get("award") instanceof Number)
          .map(row -> new BigDecimal(row.outputs().get("award").toString())).findFirst().orElse(null);
      String label = switch (grade) {
        case "A" -> "A 优秀";
        case "B" -> "B 良好";
        default -> "C 合格";
      };
      if (rate == null || raw == null) {
        lines.add(label + "：决策未给出比例或金额");
        continue;
      }
      BigDecimal award = AwardCalculator.award(raw, headroom, BigDecimal.ZERO, app.roundingUnit());
      lines.add(label + "：比例 " + Money.percent(rate) + "，按决策测算 " + Money.yuan(raw)
          + (award.compareTo(raw) < 0 ? "，按上限剩余额度及取整后 " : "，取整后 ") + Money.yuan(award));
    }
    return String.join("\n", lines);
  }

  /** "黄志明（柳南区工业和信息化局）", an enterprise by its registry name ({@link People}). */
  String displayName(String userId) {
    if (userId == null) {
      return "";
    }
    if ("system".equals(userId)) {
      return "系统";
    }
    return system(() -> people.of(userId).display());
  }

  /** Inside a reviewer's command the system reads its own tables and users, whatever the reviewer may read. */
  private static <T> T system(Callable<T> work) {
    var command = Context.getCommandContext();
    try {
      return command != null ? command.runWithoutAuthorization(work) : work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
