package cn.liuzhou.incentives.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import cn.liuzhou.incentives.testing.ProcessTestEngine;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of incentive-application with the delegates mocked: the process logic alone, with
 * the real LZ-2026Q2 tables behind the business rule tasks. The class must cover every flow node
 * and sequence flow (report under target/process-test-coverage).
 */
@Deployment(resources = {"bpmn/incentive-application.bpmn", "dmn/LZ-2026Q2/LZ-2026Q2.dmn"})
class IncentiveApplicationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.withFullCoverage("process-test");

  /** What the mocked screening decides for the next run. */
  boolean screeningPasses = true;
  boolean expertReview;
  boolean creditSourceFails;
  final List<String> statuses = new ArrayList<>();
  final List<String> calls = new ArrayList<>();

  public class StatusRecorder {
    public void set(DelegateExecution execution, String status) {
      statuses.add(status);
    }
  }

  public static class Settings {
    public String getAmendmentDeadline() {
      return "P10D";
    }

    public String getScreeningRetryCycle() {
      return "R3/PT1M";
    }

    public String publicNoticePeriod(String packageCode) {
      return "P5D";
    }

    public java.util.Date reviewDueDate() {
      return new java.util.Date(System.currentTimeMillis() + 864_000_000L);
    }
  }

  /** Stands in for the ledger look-up by business key: the test's process variables. */
  public static class LedgerFromVariables {
    public String county(DelegateExecution e) {
      return (String) e.getVariable("county");
    }

    public String packageCode(DelegateExecution e) {
      return (String) e.getVariable("packageCode");
    }

    public String generalDecisionKey(DelegateExecution e) {
      return (String) e.getVariable("generalDecisionKey");
    }

    public String measureDecisionKey(DelegateExecution e) {
      return (String) e.getVariable("measureDecisionKey");
    }

    public String decisionVersionTag(DelegateExecution e) {
      return (String) e.getVariable("decisionVersionTag");
    }
  }

  @BeforeEach
  void registerMocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    Mocks.register("applicationStatus", new StatusRecorder());
    Mocks.register("workflowSettings", new Settings());
    Mocks.register("enterpriseCreditLookup", (JavaDelegate) execution -> {
      if (creditSourceFails) {
        throw new IllegalStateException("registry unavailable");
      }
      execution.setVariable("registered", true);
      execution.setVariable("aboveDesignatedSize", true);
      execution.setVariable("industry", "MACHINERY");
      execution.setVariable("taxCreditRating", "A");
      execution.setVariable("accountingCreditGood", true);
      execution.setVariable("jointPunishmentTarget", false);
      execution.setVariable("lastSeriousRecordOn", null);
    });
    Mocks.register("awardScreening", (JavaDelegate) execution -> {
      execution.setVariable("screeningPassed", screeningPasses);
      execution.setVariable("expertReviewRequired", expertReview && execution.getVariable("expertRating") == null);
      execution.setVariable("proposedAward", 70000.0);
    });
    for (String name : List.of("rejectionRecorder", "lapseRecorder", "budgetReservation", "budgetRelease",
        "disbursementRecorder", "paymentNotifier")) {
      Mocks.register(name, (JavaDelegate) execution -> calls.add(name));
    }
    Mocks.register("reviewTaskListener", (TaskListener) task -> { });
    Mocks.register("currentApplication", new LedgerFromVariables());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance file() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("applicationId", "SQ-TEST");
    vars.put("packageCode", "LZ-2026Q2");
    vars.put("county", "liunan");
    vars.put("filedOn", "2026-07-10");
    vars.put("generalDecisionKey", "LZ-2026Q2-GENERAL");
    vars.put("measureDecisionKey", "LZ-2026Q2-EXHIBITION");
    vars.put("decisionVersionTag", "LZ-2026Q2-r1");
    vars.put("eligibleCost", 140000.0);
    vars.put("eventDate", "2026-05-10");
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("incentive-application", "SQ-TEST", vars);
    assertThat(pi).isWaitingAt("LookUpEnterpriseCredit");
    execute(job());
    return pi;
  }

  void decide(String decision, Map<String, Object> more) {
    Map<String, Object> vars = new HashMap<>(more);
    vars.put("decision", decision);
    vars.put("comment", "意见");
    String key = task().getTaskDefinitionKey();
    if (key.equals("countyReview")) {
      vars.put("countyDecision", decision);
    } else if (key.equals("bureauReview")) {
      vars.put("bureauDecision", decision);
    }
    complete(task(), vars);
  }

  void approveToNotice(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("countyReview");
    assertThat(task()).hasCandidateGroup("county-liunan");
    decide("APPROVE", Map.of());
    assertThat(pi).isWaitingAt("bureauReview");
    assertThat(task()).hasCandidateGroup("bureau-reviewers");
    decide("APPROVE", Map.of("approvedAward", 70000.0));
    assertThat(pi).isWaitingAt("ObjectionOrNoticeOverGateway");
  }

  @Test
  void approvedApplicationIsNoticedAndDisbursed() {
    ProcessInstance pi = file();
    assertThat(pi).hasPassed("EvaluateGeneralEligibility", "EvaluateMeasureRules", "ApplyCapsAndStackingRules");
    approveToNotice(pi);
    execute(job()); // the notice period elapses
    assertThat(pi).isWaitingAt("financeDisbursement");
    assertThat(task()).hasCandidateGroup("finance");
    complete(task(), withVariables("paymentReference", "CZ-2026-0001"));
    assertThat(pi).isWaitingAt("NotifyEnterpriseOfPayment");
    execute(job());
    assertThat(pi).isEnded().hasPassed("RecordDisbursement", "AwardDisbursed");
    assertThat(calls).containsExactly("budgetReservation", "disbursementRecorder", "paymentNotifier");
    assertThat(statuses).containsExactly("SCREENING", "COUNTY_REVIEW", "BUREAU_REVIEW", "PUBLIC_NOTICE", "DISBURSEMENT");
  }

  @Test
  void failedScreeningEndsRejectedBeforeAnyReview() {
    screeningPasses = false;
    ProcessInstance pi = file();
    assertThat(pi).isEnded().hasPassed("RecordRejection", "ApplicationRejected").hasNotPassed("countyReview");
    assertThat(calls).containsExactly("rejectionRecorder");
  }

  @Test
  void countyRejectionEndsRejected() {
    ProcessInstance pi = file();
    decide("REJECT", Map.of());
    assertThat(pi).isEnded().hasPassed("ApplicationRejected").hasNotPassed("bureauReview");
  }

  @Test
  void amendmentAfterReturnIsScreenedAgain() {
    ProcessInstance pi = file();
    decide("RETURN", Map.of());
    assertThat(pi).isWaitingAt("AmendmentOrDeadlineGateway");
    runtimeService().createMessageCorrelation("AmendmentSubmitted").processInstanceBusinessKey("SQ-TEST")
        .setVariable("eligibleCost", 120000.0).correlate();
    assertThat(pi).isWaitingAt("LookUpEnterpriseCredit");
    execute(job());
    assertThat(pi).isWaitingAt("countyReview");
    assertThat(statuses).containsExactly("SCREENING", "COUNTY_REVIEW", "RETURNED", "SCREENING", "COUNTY_REVIEW");
  }

  @Test
  void returnedApplicationLapsesAtTheDeadline() {
    ProcessInstance pi = file();
    decide("RETURN", Map.of());
    execute(job()); // the amendment deadline passes
    assertThat(pi).isEnded().hasPassed("RecordLapse", "ApplicationLapsed");
    assertThat(calls).containsExactly("lapseRecorder");
  }

  @Test
  void bureauRejectionEndsRejected() {
    ProcessInstance pi = file();
    decide("APPROVE", Map.of());
    decide("REJECT", Map.of());
    assertThat(pi).isEnded().hasPassed("ApplicationRejected");
    assertThat(calls).containsExactly("rejectionRecorder");
  }

  @Test
  void bureauReturnGoesBackToTheCounty() {
    ProcessInstance pi = file();
    decide("APPROVE", Map.of());
    decide("RETURN", Map.of());
    assertThat(pi).isWaitingAt("countyReview");
  }

  @Test
  void objectionUpheldDuringNoticeReleasesTheReservationAndReturnsToBureau() {
    ProcessInstance pi = file();
    approveToNotice(pi);
    runtimeService().createMessageCorrelation("ObjectionUpheld").processInstanceBusinessKey("SQ-TEST")
        .setVariable("objection", "金额有误").correlate();
    assertThat(pi).isWaitingAt("bureauReview").hasPassed("ReleaseReservation");
    assertThat(calls).containsExactly("budgetReservation", "budgetRelease");
  }

  @Test
  void objectionUpheldAfterTheNoticeEndedStopsThePayment() {
    ProcessInstance pi = file();
    approveToNotice(pi);
    execute(job()); // the notice period elapses while the objection is still being examined
    assertThat(pi).isWaitingAt("financeDisbursement");
    runtimeService().createMessageCorrelation("ObjectionUpheld").processInstanceBusinessKey("SQ-TEST")
        .setVariable("objection", "金额有误").correlate();
    assertThat(pi).isWaitingAt("bureauReview").hasPassed("ObjectionUpheldBeforePayment", "ReleaseReservation");
    assertThat(calls).containsExactly("budgetReservation", "budgetRelease");
  }

  @Test
  void projectMeasuresGoThroughExpertReview() {
    expertReview = true;
    ProcessInstance pi = file();
    decide("APPROVE", Map.of());
    assertThat(pi).isWaitingAt("expertReview");
    assertThat(task()).hasCandidateGroup("experts");
    complete(task(), withVariables("expertRating", "A"));
    assertThat(pi).isWaitingAt("bureauReview").hasPassed("EvaluateRatedAward", "ApplyCapsToRatedAward");
  }

  @Test
  void failingCreditSourceRaisesAnIncidentAndWaits() {
    creditSourceFails = true;
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("incentive-application", "SQ-INCIDENT",
        Map.of("applicationId", "SQ-INCIDENT", "filedOn", "2026-07-10"));
    assertThat(pi).isWaitingAt("LookUpEnterpriseCredit");
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        execute(job());
      } catch (RuntimeException expected) {
        // each attempt fails and uses one retry
      }
    }
    assertThat(job().getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    assertThat(pi).isWaitingAt("LookUpEnterpriseCredit");
  }

  /**
   * Every review task of the model opens a form that shows the calculation, the registry data, the earlier
   * rounds and the evidence, all display-only: a completion may carry only the decision fields.
   */
  @Test
  void everyReviewFormShowsTheCalculationDataAndEvidenceAsDisplayOnlyFields() throws Exception {
    var forms = new cn.liuzhou.incentives.security.TaskForms(new com.fasterxml.jackson.databind.ObjectMapper());
    var model = org.camunda.bpm.model.bpmn.Bpmn.readModelFromStream(
        getClass().getClassLoader().getResourceAsStream("bpmn/incentive-application.bpmn"));
    Map<String, java.util.Set<String>> editable = Map.of(
        "countyReview", java.util.Set.of("decision", "comment"),
        "expertReview", java.util.Set.of("expertRating", "comment"),
        "bureauReview", java.util.Set.of("decision", "approvedAward", "comment"),
        "financeDisbursement", java.util.Set.of("paymentReference"));
    Map<String, List<String>> ownFields = Map.of(
        "countyReview", List.of(),
        "expertReview", List.of("gradeAmounts"),
        "bureauReview", List.of("expertOpinion", "awardCapText", "remainingBudget", "proposedAward"),
        "financeDisbursement", List.of("payeeName", "payeeBank", "payeeAccount", "amountInFigures", "amountInCapitals", "budgetLine"));
    var userTasks = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class);
    assertThat(userTasks).extracting(t -> t.getId()).containsExactlyInAnyOrderElementsOf(editable.keySet());
    for (var userTask : userTasks) {
      String formKey = userTask.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
      var fields = forms.of(formKey).orElseThrow(() -> new AssertionError("no form " + formKey));
      assertThat(fields.editable()).as(formKey).isEqualTo(editable.get(userTask.getId()));
      assertThat(fields.readOnly()).as(formKey).contains("calculationTrace", "registryData", "previousRounds", "applicationId")
          .containsAll(ownFields.get(userTask.getId()));
      String json = new String(getClass().getClassLoader().getResourceAsStream("bpmn/" + formKey + ".form").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json).as(formKey + " lists the evidence").contains("{{evidenceList}}");
      assertThat(json).as(formKey + " shows amounts as formatted text, not raw numbers").doesNotContain("\"type\": \"number\",\n      \"key\": \"proposedAward\"");
    }
  }
}
