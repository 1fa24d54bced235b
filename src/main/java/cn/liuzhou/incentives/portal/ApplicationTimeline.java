package cn.liuzhou.incentives.portal;

import cn.liuzhou.incentives.cases.People;
import cn.liuzhou.incentives.ledger.ApplicationJournal;
import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.ApplicationStatus;
import cn.liuzhou.incentives.ledger.Objections;
import cn.liuzhou.incentives.security.Units;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * An application's history as the enterprise reads it: each step with its time in Beijing time, who decided
 * (the deciding person's unit, "柳南区工业和信息化局", never the person's name), every reason and comment given, objections (that one was filed and how it was
 * decided, never who filed it or what they wrote), amounts changed and why, the payment reference and date.
 */
@Component
public class ApplicationTimeline {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

  /** One step: when, which stage, by which role, what came of it. */
  public record Step(Instant at, String atBeijing, String stage, String titleZh, String roleZh, String detailZh, String tone) {}

  /** A stage of the progress bar: DONE, CURRENT, PENDING or SKIPPED. */
  public record Stage(String code, String labelZh, String state) {}

  /** An objection as the applicant sees it: no objector, no text of the objection. */
  public record ObjectionView(int number, Instant filedAt, String filedAtBeijing, String status, String statusZh,
      String decidedAtBeijing, String findingZh) {}

  /** The award: computed, approved, paid, and why it changed. */
  public record Calculation(BigDecimal proposedAward, BigDecimal capAmount, String capScope, BigDecimal roundingUnit,
      String amountSource, BigDecimal approvedAward, BigDecimal disbursedAward, String changeZh, String decisionVersionTag) {}

  public record Timeline(String applicationId, String status, String statusZh, List<Stage> stages, List<Step> steps,
      List<ObjectionView> objections, Calculation calculation, Instant deadline, String deadlineBeijing, String deadlineZh,
      String paymentReference, String paidAtBeijing) {}

  private final ApplicationJournal journal;
  private final Objections objections;
  private final ManagementService management;
  private final People people;

  public ApplicationTimeline(ApplicationJournal journal, Objections objections, ManagementService management,
      People people) {
    this.journal = journal;
    this.objections = objections;
    this.management = management;
    this.people = people;
  }

  public static String beijing(Instant at) {
    return at == null ? null : SHOWN.format(at);
  }

  public Timeline of(ApplicationRecord app) {
    List<ApplicationJournal.Entry> entries = journal.entries(app.id());
    List<Step> steps = new ArrayList<>();
    String bureauComment = null;
    String paidAt = null;
    for (ApplicationJournal.Entry e : entries) {
      Step step = step(app, e);
      if (step != null) {
        steps.add(step);
      }
      if ("BUREAU_REVIEW".equals(e.step()) && "APPROVE".equals(e.outcome())) {
        bureauComment = e.comment();
      }
      if ("FINANCE_DISBURSEMENT".equals(e.step())) {
        paidAt = beijing(e.at());
      }
    }
    List<ObjectionView> objectionViews = new ArrayList<>();
    int n = 0;
    for (Objections.Objection o : objections.ofApplication(app.id())) {
      objectionViews.add(new ObjectionView(++n, o.filedAt(), beijing(o.filedAt()), o.status().name(), switch (o.status()) {
        case OPEN -> "市工业和信息化局核查中";
        case UPHELD -> "异议成立";
        case DISMISSED -> "异议不成立";
      }, beijing(o.decidedAt()), o.decisionComment()));
    }
    Instant deadline = null;
    String deadlineZh = null;
    if (app.status() == ApplicationStatus.RETURNED || app.status() == ApplicationStatus.PUBLIC_NOTICE) {
      deadline = timerDue(app).orElse(null);
      deadlineZh = app.status() == ApplicationStatus.RETURNED ? "补正截止时间" : "公示截止时间";
    }
    String change = null;
    if (app.approvedAward() != null && app.proposedAward() != null && app.approvedAward().compareTo(app.proposedAward()) != 0) {
      change = "市工业和信息化局核定为 " + app.approvedAward().toPlainString() + " 元（自动测算 " + app.proposedAward().toPlainString()
          + " 元）" + (bureauComment == null ? "" : "：" + bureauComment);
    } else if (app.approvedAward() != null && app.proposedAward() == null) {
      change = "奖励金额由市工业和信息化局核定为 " + app.approvedAward().toPlainString() + " 元" + (bureauComment == null ? "" : "：" + bureauComment);
    }
    Calculation calculation = new Calculation(app.proposedAward(), app.capAmount(), app.capScope(), app.roundingUnit(),
        app.amountSource(), app.approvedAward(), app.disbursedAward(), change, app.decisionVersionTag());
    return new Timeline(app.id(), app.status().name(), app.status().zh(), stages(app, entries), steps, objectionViews,
        calculation, deadline, beijing(deadline), deadlineZh, app.paymentReference(), paidAt);
  }

  private Optional<Instant> timerDue(ApplicationRecord app) {
    if (app.processInstanceId() == null) {
      return Optional.empty();
    }
    return management.createJobQuery().processInstanceId(app.processInstanceId()).timers().list().stream()
        .map(Job::getDuedate).filter(java.util.Objects::nonNull).map(java.util.Date::toInstant).min(Instant::compareTo);
  }

  private Step step(ApplicationRecord app, ApplicationJournal.Entry e) {
    String at = beijing(e.at());
    String comment = e.comment();
    return switch (e.step()) {
      case "FILED" -> new Step(e.at(), at, "FILED", "提交申请",
          app.creditCode().equals(e.actor()) ? "申报企业" : unit(e, "县区工信部门") + "（代为申报）", null, "info");
      case "AMENDED" -> new Step(e.at(), at, "FILED", "补正后重新提交", "申报企业", null, "info");
      case "SCREENING" -> "PASSED".equals(e.outcome())
          ? new Step(e.at(), at, "SCREENED", "自动审核通过", "系统（判定规则）", null, "ok")
          : new Step(e.at(), at, "SCREENED", "自动审核未通过", "系统（判定规则）", comment, "bad");
      case "COUNTY_REVIEW" -> new Step(e.at(), at, "COUNTY", "县区审核：" + decision(e.outcome()), unit(e, "县区工信部门"), comment,
          tone(e.outcome()));
      case "EXPERT_REVIEW" -> new Step(e.at(), at, "EXPERT", "专家评审：评级 " + e.outcome(), unit(e, "评审专家"), comment, "info");
      case "BUREAU_REVIEW" -> new Step(e.at(), at, "BUREAU", "市局审核：" + decision(e.outcome()), unit(e, "市工业和信息化局"), comment,
          tone(e.outcome()));
      case "OBJECTION" -> new Step(e.at(), at, "NOTICE", "公示期间收到异议", "公众", "市工业和信息化局将核查", "warn");
      case "OBJECTION_EXAMINED" -> new Step(e.at(), at, "NOTICE",
          "异议核查：" + ("UPHELD".equals(e.outcome()) ? "异议成立，奖励退回市局重新审核" : "异议不成立"), unit(e, "市工业和信息化局"),
          withoutReceipt(comment), "UPHELD".equals(e.outcome()) ? "bad" : "ok");
      case "FINANCE_DISBURSEMENT" -> new Step(e.at(), at, "PAID", "财政拨付", unit(e, "财政局"), "支付凭证号 " + comment, "ok");
      case ApplicationJournal.STATUS -> status(app, e, at);
      default -> null;
    };
  }

  private Step status(ApplicationRecord app, ApplicationJournal.Entry e, String at) {
    ApplicationStatus s;
    try {
      s = ApplicationStatus.valueOf(e.outcome());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    return switch (s) {
      case RETURNED -> new Step(e.at(), at, "COUNTY", "退回补正", unit(e, "县区工信部门"), e.comment(), "warn");
      case PUBLIC_NOTICE -> new Step(e.at(), at, "NOTICE", "进入公示", unit(e, "市工业和信息化局"), e.comment(), "info");
      case DISBURSED -> new Step(e.at(), at, "PAID", "奖励已拨付", unit(e, "财政局"), e.comment(), "ok");
      case LAPSED -> new Step(e.at(), at, "COUNTY", "逾期未补正，申请终止", "系统", e.comment(), "bad");
      case REJECTED -> new Step(e.at(), at, "SCREENED", "申请未通过", "系统", e.comment(), "bad");
      default -> null;
    };
  }

  /** The unit of the staff member who took the step; the stage's usual role when the step was the system's. */
  private String unit(ApplicationJournal.Entry e, String usual) {
    if (e.actor() == null || "system".equals(e.actor())) {
      return usual;
    }
    String unit = people.of(e.actor()).unit();
    return unit.isEmpty() || Units.ENTERPRISE.equals(unit) ? usual : unit;
  }

  private static String withoutReceipt(String comment) {
    if (comment == null) {
      return null;
    }
    return comment.replaceFirst("^YY-\\S+\\s*", "");
  }

  private static String decision(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case "APPROVE" -> "通过";
      case "REJECT" -> "不通过";
      case "RETURN" -> "退回";
      default -> outcome;
    };
  }

  private static String tone(String outcome) {
    return "APPROVE".equals(outcome) ? "ok" : "REJECT".equals(outcome) ? "bad" : "warn";
  }

  private static List<Stage> stages(ApplicationRecord app, List<ApplicationJournal.Entry> entries) {
    boolean expert = entries.stream().anyMatch(e -> "EXPERT_REVIEW".equals(e.step()))
        || app.status() == ApplicationStatus.EXPERT_REVIEW;
    String[][] all = {{"FILED", "提交"}, {"SCREENED", "自动审核"}, {"COUNTY", "县区审核"}, {"EXPERT", "专家评审"},
        {"BUREAU", "市局审核"}, {"NOTICE", "公示"}, {"PAID", "拨付"}};
    String current = switch (app.status()) {
      case SCREENING -> "SCREENED";
      case COUNTY_REVIEW, RETURNED -> "COUNTY";
      case EXPERT_REVIEW -> "EXPERT";
      case BUREAU_REVIEW -> "BUREAU";
      case PUBLIC_NOTICE -> "NOTICE";
      case DISBURSEMENT -> "PAID";
      case DISBURSED -> "END";
      case REJECTED, LAPSED -> "STOPPED";
    };
    List<Stage> stages = new ArrayList<>();
    boolean reached = false;
    boolean stopped = "STOPPED".equals(current);
    for (String[] s : all) {
      String state;
      if ("EXPERT".equals(s[0]) && !expert) {
        state = "SKIPPED";
      } else if ("END".equals(current)) {
        state = "DONE";
      } else if (stopped) {
        state = reachedInJournal(s[0], entries) ? "DONE" : "PENDING";
      } else if (s[0].equals(current)) {
        state = "CURRENT";
        reached = true;
      } else {
        state = reached ? "PENDING" : "DONE";
      }
      stages.add(new Stage(s[0], s[1], state));
    }
    return stages;
  }

  private static boolean reachedInJournal(String stage, List<ApplicationJournal.Entry> entries) {
    return switch (stage) {
      case "FILED" -> true;
      case "SCREENED" -> entries.stream().anyMatch(e -> "SCREENING".equals(e.step()));
      case "COUNTY" -> entries.stream().anyMatch(e -> "COUNTY_REVIEW".equals(e.step()));
      case "EXPERT" -> entries.stream().anyMatch(e -> "EXPERT_REVIEW".equals(e.step()));
      case "BUREAU" -> entries.stream().anyMatch(e -> "BUREAU_REVIEW".equals(e.step()));
      default -> false;
    };
  }
}
