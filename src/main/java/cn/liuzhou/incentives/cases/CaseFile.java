package cn.liuzhou.incentives.cases;

import cn.liuzhou.incentives.ledger.ApplicationRecord;
import cn.liuzhou.incentives.ledger.Objections;
import cn.liuzhou.incentives.policy.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything an auditor reads about one application, already in Chinese and Beijing time. */
public record CaseFile(
    ApplicationRecord application,
    String enterpriseName,
    String countyZh,
    String packageTitle,
    String measureTitle,
    String clause,
    String statusZh,
    People.Person filedBy,
    List<Labeled> facts,
    List<Reason> reasons,
    List<Step> timeline,
    List<Evaluation> decisions,
    Diagram diagram,
    List<Step> budgetMovements,
    Payment payment,
    List<CaseAttachments.Attachment> attachments,
    boolean attachmentsAvailable,
    List<Notice> notifications,
    List<Objection> objections,
    List<PackageChange> packageChanges,
    List<RegistryChange> registryChanges) {

  public record Labeled(String label, String value) {}

  /** One step of the timeline: when, what, who (name and role), decision, comment, amount. */
  public record Step(Instant at, String time, String what, People.Person who, String outcome, String comment,
      BigDecimal amount) {}

  /** One evaluation of a decision table, with the rows that matched. */
  public record Evaluation(Instant at, String time, String decisionKey, String decisionName, int version,
      String versionTag, Integer revision, String revisionBy, String activityId, List<Labeled> inputs,
      List<MatchedRule> matched) {}

  public record MatchedRule(String ruleId, int index, String description, List<Labeled> conditions, List<Labeled> outputs) {}

  /** The process model and where the instance went: visited activities, and those open now. */
  public record Diagram(String processDefinitionId, String processName, List<String> visited, List<String> active,
      List<Labeled> path) {}

  public record Payment(BigDecimal amount, String reference, People.Person by, String time) {}

  public record Notice(String time, String zh) {}

  public record Objection(String id, People.Person objector, String reason, String statusZh, String filedTime,
      People.Person decidedBy, String decidedTime, String comment) {

    static Objection of(Objections.Objection o, People people) {
      return new Objection(o.id(), people.of(o.objector()), o.reason(), CaseLabels.outcome(o.status().name()),
          CaseLabels.time(o.filedAt()), o.decidedBy() == null ? null : people.of(o.decidedBy()),
          CaseLabels.time(o.decidedAt()), o.decisionComment());
    }
  }

  /** A settings change or redeployment of the application's package; {@code afterFiling} when it came later. */
  public record PackageChange(Instant at, String time, String what, String oldValue, String newValue,
      People.Person by, String comment, boolean afterFiling, boolean appliedToThisCase) {}

  /** A change to the enterprise's registry record, name lists or other programmes' awards; {@code afterFiling} when later. */
  public record RegistryChange(Instant at, String time, String subject, String item, String oldValue, String newValue,
      People.Person by, String reason, boolean afterFiling) {}
}
