package cn.liuzhou.incentives.county;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import cn.liuzhou.incentives.registry.County;
import cn.liuzhou.incentives.workflow.ReviewRefusedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 * Every path of county-award with the beans mocked: the process logic alone, with the real
 * LZ-2026Q2 tables behind the multi-instance business rule task. The class must cover every flow
 * node and sequence flow (report under target/process-test-coverage).
 */
@Deployment(resources = {"bpmn/county-award.bpmn", "dmn/LZ-2026Q2/LZ-2026Q2.dmn"})
class CountyAwardProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.withFullCoverage("county-award-process-test");

  /** A decision that gives no amount, as LZ-2025Q1-COUNTY does (the bureau sets the amounts). */
  static final String PLACEHOLDER_DMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="TEST-PLACEHOLDER" name="placeholder" namespace="http://liuzhou.gov.cn/incentives/test">
        <decision id="TEST-COUNTY-PLACEHOLDER" name="amounts set by the bureau" camunda:versionTag="TEST-r1" camunda:historyTimeToLive="10950">
          <decisionTable id="table_placeholder" hitPolicy="UNIQUE">
            <input id="in_rank" label="rank"><inputExpression id="inexpr_rank" typeRef="integer"><text>rank</text></inputExpression></input>
            <output id="out_award" label="award" name="award" typeRef="double" />
            <rule id="rule_any"><inputEntry id="ie_any"><text>&gt;= 1</text></inputEntry><outputEntry id="oe_any"><text>null</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  /** Ranking the mocked delegate produces: the county enum order reversed. */
  final List<County> ranking = new ArrayList<>(Arrays.asList(County.values()));
  /** Counties the mocked reservation gives for payment. */
  List<String> awarded = List.of("beibu", "liudong", "sanjiang", "rongshui", "rongan");
  boolean budgetSuffices = true;
  final List<String> calls = new ArrayList<>();
  final List<String> taskEvents = new ArrayList<>();

  /** Stands in for the run's row: the test's process variables. */
  public static class RunFromVariables {
    public String decisionKey(org.camunda.bpm.engine.delegate.DelegateExecution e) {
      return (String) e.getVariable("awardDecisionKey");
    }

    public String decisionVersionTag(org.camunda.bpm.engine.delegate.DelegateExecution e) {
      return (String) e.getVariable("decisionVersionTag");
    }
  }

  @BeforeEach
  void registerMocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    java.util.Collections.reverse(ranking);
    Mocks.register("countyAwardTaskListener", (TaskListener) task -> taskEvents.add(task.getTaskDefinitionKey() + ":" + task.getEventName()));
    Mocks.register("countyPaymentRecorder", (TaskListener) (DelegateTask task) ->
        calls.add("paid " + task.getVariable("county") + " " + task.getVariable("paymentReference")));
    Mocks.register("countyRanking", (JavaDelegate) execution -> {
      calls.add("countyRanking");
      List<String> order = new ArrayList<>();
      for (int i = 0; i < ranking.size(); i++) {
        order.add(ranking.get(i).code());
        execution.setVariable(CountyAwardVariables.rank(ranking.get(i)), i + 1);
      }
      execution.setVariable("rankedCounties", order);
    });
    Mocks.register("countyAwardProposal", (JavaDelegate) execution -> calls.add("countyAwardProposal"));
    Mocks.register("countyAwardReservation", (JavaDelegate) execution -> {
      if (!budgetSuffices) {
        throw new ReviewRefusedException("预算余额不足", "The budget cannot cover the total");
      }
      calls.add("countyAwardReservation");
      execution.setVariable("awardedCounties", new ArrayList<>(awarded));
    });
    Mocks.register("currentCountyAwardRun", new RunFromVariables());
    Mocks.register("countyAwardClosing", (JavaDelegate) execution -> calls.add("countyAwardClosing"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance start(String decisionKey, String versionTag) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("runId", "XQ-TEST");
    vars.put("packageCode", "LZ-2026Q2");
    vars.put("measureCode", "LZ-2026Q2-COUNTY-RANKING");
    vars.put("awardPeriod", "2026Q2");
    vars.put("awardDecisionKey", decisionKey);
    vars.put("decisionVersionTag", versionTag);
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("county-award", "XQ-TEST", vars);
    assertThat(pi).isWaitingAt("enterCountyScores");
    assertThat(task()).hasCandidateGroup("bureau-reviewers");
    assertThat(formRef("enterCountyScores")).isEqualTo("county-scores");
    return pi;
  }

  ProcessInstance start() {
    return start("LZ-2026Q2-COUNTY-RANKING", "LZ-2026Q2-r1");
  }

  static Map<String, Object> scores() {
    Map<String, Object> vars = new HashMap<>();
    for (County c : County.values()) {
      vars.put(CountyAwardVariables.score(c), 80.0);
      vars.put(CountyAwardVariables.outputScore(c), 70.0);
    }
    return vars;
  }

  void enterScores(ProcessInstance pi) {
    complete(task(), scores());
    assertThat(pi).isWaitingAt("approveCountyAwards");
    assertThat(task()).hasCandidateGroup("bureau-reviewers");
    assertThat(formRef("approveCountyAwards")).isEqualTo("county-award-approval");
  }

  /** The Camunda Form of the open task (bound to the process's own deployment). */
  static String formRef(String taskKey) {
    Task t = taskQuery().taskDefinitionKey(taskKey).initializeFormKeys().list().get(0);
    assertThat(t.getCamundaFormRef().getBinding()).isEqualTo("deployment");
    return t.getCamundaFormRef().getKey();
  }

  @Test
  void approvedAwardsAreReservedAndPaidCountyByCounty() {
    ProcessInstance pi = start();
    enterScores(pi);
    assertThat(pi).hasPassed("RankCounties", "EvaluateAwardForRank", "RecordProposedAwards");
    // the real table: ranks 1–5 get 8,000,000 … 1,500,000, the others nothing
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_beibu")).isEqualTo(8000000.0);
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_liudong")).isEqualTo(5000000.0);
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_sanjiang")).isEqualTo(3500000.0);
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_rongshui")).isEqualTo(2000000.0);
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_rongan")).isEqualTo(1500000.0);
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_luzhai")).isEqualTo(0.0);
    assertThat(runtimeService().getVariable(pi.getId(), "tableAward_chengzhong")).isEqualTo(0.0);
    // one decision evaluation per county, bound to the versionTag and linked to the process instance
    var decisions = historyService().createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).list();
    assertThat(decisions).hasSize(12)
        .allSatisfy(d -> assertThat(d.getDecisionDefinitionKey()).isEqualTo("LZ-2026Q2-COUNTY-RANKING"))
        .allSatisfy(d -> assertThat(d.getActivityId()).isEqualTo("EvaluateAwardForRank"));

    complete(task(), Map.of("awardDecision", "APPROVE", "decision", "APPROVE"));
    assertThat(pi).isWaitingAt("disburseCountyAward");
    List<Task> payments = taskQuery().taskDefinitionKey("disburseCountyAward").list();
    assertThat(payments).hasSize(5).allSatisfy(t -> assertThat(t).hasCandidateGroup("finance"));
    assertThat(formRef("disburseCountyAward")).isEqualTo("county-award-disbursement");
    int n = 0;
    for (Task t : payments) {
      complete(t, Map.of("paymentReference", "CZ-" + (++n)));
    }
    assertThat(pi).isEnded().hasPassed("CloseAwardRun", "CountyAwardsDisbursed");
    assertThat(calls).startsWith("countyRanking", "countyAwardProposal", "countyAwardReservation").endsWith("countyAwardClosing")
        .filteredOn(c -> c.startsWith("paid")).hasSize(5)
        .containsExactlyInAnyOrder("paid beibu CZ-1", "paid liudong CZ-2", "paid sanjiang CZ-3", "paid rongshui CZ-4", "paid rongan CZ-5");
    assertThat(taskEvents).contains("enterCountyScores:create", "enterCountyScores:complete", "approveCountyAwards:create",
        "approveCountyAwards:complete", "disburseCountyAward:create", "disburseCountyAward:complete");
  }

  @Test
  void returnGoesBackToScoreEntryAndRanksAgain() {
    ProcessInstance pi = start();
    enterScores(pi);
    complete(task(), Map.of("awardDecision", "RETURN", "decision", "RETURN", "comment", "柳南区评分有误"));
    assertThat(pi).isWaitingAt("enterCountyScores").hasNotPassed("ReserveAwardsInBudget");
    enterScores(pi);
    assertThat(calls).containsExactly("countyRanking", "countyAwardProposal", "countyRanking", "countyAwardProposal");
  }

  @Test
  void approvalTheBudgetCannotCoverIsRefusedAndTheTaskStaysOpen() {
    budgetSuffices = false;
    ProcessInstance pi = start();
    enterScores(pi);
    String taskId = task().getId();
    assertThatThrownBy(() -> taskService().complete(taskId, Map.of("awardDecision", "APPROVE")))
        .isInstanceOf(ReviewRefusedException.class).hasMessageContaining("预算余额不足");
    assertThat(pi).isWaitingAt("approveCountyAwards");
    budgetSuffices = true;
    complete(task(), Map.of("awardDecision", "APPROVE"));
    assertThat(pi).isWaitingAt("disburseCountyAward");
  }

  @Test
  void decisionWithoutAmountsLeavesThemToTheBureau() {
    repositoryService().createDeployment().addString("placeholder.dmn", PLACEHOLDER_DMN.strip()).deploy();
    ProcessInstance pi = start("TEST-COUNTY-PLACEHOLDER", "TEST-r1");
    enterScores(pi);
    for (County c : County.values()) {
      assertThat(runtimeService().getVariables(pi.getId())).containsEntry(CountyAwardVariables.tableAward(c), null);
    }
    awarded = List.of("beibu");
    complete(task(), Map.of("awardDecision", "APPROVE", "award_beibu", 1000000));
    assertThat(taskQuery().taskDefinitionKey("disburseCountyAward").count()).isEqualTo(1);
  }
}
