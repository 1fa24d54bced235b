package cn.liuzhou.incentives.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.liuzhou.incentives.testing.ProcessTestEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of objection-examination: the bureau upholds (the award goes back) or dismisses an objection. */
@Deployment(resources = "bpmn/objection-examination.bpmn")
class ObjectionExaminationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = ProcessTestEngine.withFullCoverage("objection-test");

  final List<String> calls = new ArrayList<>();

  @BeforeEach
  void registerMocks() {
    BpmnAwareTests.init(extension.getProcessEngine());
    Mocks.register("workflowSettings", new IncentiveApplicationProcessTest.Settings());
    Mocks.register("objectionTaskListener", (TaskListener) task -> { });
    Mocks.register("objectionUpheldHandler", (JavaDelegate) execution -> calls.add("returned"));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  ProcessInstance file() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("objection-examination", "YY-TEST",
        Map.of("applicationId", "SQ-TEST", "objectionReason", "产值数据不实"));
    assertThat(pi).isWaitingAt("examineObjection");
    assertThat(task()).hasCandidateGroup("bureau-reviewers");
    return pi;
  }

  @Test
  void upheldObjectionReturnsTheAwardToBureauReview() {
    ProcessInstance pi = file();
    complete(task(), withVariables("objectionDecision", "UPHOLD", "comment", "核实属实", "objectionUpheld", true));
    assertThat(pi).isEnded().hasPassed("ReturnAwardToBureauReview", "ObjectionUpheld");
    assertThat(calls).containsExactly("returned");
  }

  @Test
  void dismissedObjectionChangesNothing() {
    ProcessInstance pi = file();
    complete(task(), withVariables("objectionDecision", "DISMISS", "comment", "数据经核实无误", "objectionUpheld", false));
    assertThat(pi).isEnded().hasPassed("ObjectionDismissed").hasNotPassed("ReturnAwardToBureauReview");
    assertThat(calls).isEmpty();
  }
}
