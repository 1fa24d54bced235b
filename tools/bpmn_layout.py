#!/usr/bin/env python3
"""Writes bpmn/incentive-application.bpmn: the process semantics below plus a lane-by-lane diagram
layout, so the model opens in Camunda Modeler and draws in Cockpit. An authoring aid: after
generating, the .bpmn file is the artefact (edit it in the Modeler or here and regenerate).

    python3 tools/bpmn_layout.py > bpmn/incentive-application.bpmn
"""
from bpmn_model import Layout, render

LANES = [
    ("Lane_Enterprise", "企业 Enterprise"),
    ("Lane_Screening", "自动筛查 Automated screening"),
    ("Lane_County", "县区工信部门 County industry office"),
    ("Lane_Experts", "专家 Experts"),
    ("Lane_Bureau", "市工业和信息化局 City industry bureau"),
    ("Lane_Finance", "财政局 Finance bureau"),
]
LANE_H = 170

def status(s):
    return f'<camunda:executionListener event="start" expression="${{applicationStatus.set(execution, \'{s}\')}}" />'

def review_listeners():
    return ('<camunda:taskListener event="create" delegateExpression="${reviewTaskListener}" />'
            '<camunda:taskListener event="complete" delegateExpression="${reviewTaskListener}" />')

# id, kind, name, lane, column, extra attributes, inner xml (extensionElements / event definitions)
N = [
    ("ApplicationFiled", "startEvent", "Application filed", 0, 0, 'camunda:initiator="initiator"', ""),
    ("FiledOrAmendedGateway", "exclusiveGateway", "Filed or amended", 1, 0, "", ""),
    ("LookUpEnterpriseCredit", "serviceTask", "Look up enterprise credit", 1, 1,
     'camunda:asyncBefore="true" camunda:delegateExpression="${enterpriseCreditLookup}"',
     f'<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>${{workflowSettings.screeningRetryCycle}}</camunda:failedJobRetryTimeCycle>{status("SCREENING")}</bpmn:extensionElements>'),
    ("EvaluateGeneralEligibility", "businessRuleTask", "Evaluate general eligibility", 1, 2,
     'camunda:decisionRef="${generalDecisionKey}" camunda:decisionRefBinding="versionTag" camunda:decisionRefVersionTag="${decisionVersionTag}" camunda:mapDecisionResult="resultList" camunda:resultVariable="generalResult"', ""),
    ("EvaluateMeasureRules", "businessRuleTask", "Evaluate measure rules", 1, 3,
     'camunda:decisionRef="${measureDecisionKey}" camunda:decisionRefBinding="versionTag" camunda:decisionRefVersionTag="${decisionVersionTag}" camunda:mapDecisionResult="resultList" camunda:resultVariable="measureResult"', ""),
    ("ApplyCapsAndStackingRules", "serviceTask", "Apply caps and no-stacking rules", 1, 4,
     'camunda:delegateExpression="${awardScreening}"', ""),
    ("ScreeningPassedGateway", "exclusiveGateway", "Screening passed?", 1, 5, 'default="Flow_ScreeningFailed"', ""),
    ("RejectedAtAnyStepGateway", "exclusiveGateway", "Rejected at any step", 1, 8, "", ""),
    ("RecordRejection", "serviceTask", "Record rejection", 1, 9, 'camunda:delegateExpression="${rejectionRecorder}"', ""),
    ("ApplicationRejected", "endEvent", "Application rejected", 1, 10, "", ""),
    ("ToCountyReviewGateway", "exclusiveGateway", "To county review", 2, 5, "", ""),
    ("countyReview", "userTask", "县区审核 Review application (county)", 2, 6,
     'camunda:candidateGroups="county-${county}" camunda:dueDate="${workflowSettings.reviewDueDate()}" camunda:formRef="county-review" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{status("COUNTY_REVIEW")}{review_listeners()}</bpmn:extensionElements>'),
    ("CountyDecisionGateway", "exclusiveGateway", "County decision?", 2, 7, 'default="Flow_CountyReturns"', ""),
    ("ExpertReviewGateway", "exclusiveGateway", "Expert review required?", 2, 8, 'default="Flow_NoExpertReview"', ""),
    ("AmendmentOrDeadlineGateway", "eventBasedGateway", "Amendment or deadline?", 0, 7, "",
     f'<bpmn:extensionElements>{status("RETURNED")}</bpmn:extensionElements>'),
    ("AmendmentSubmitted", "intermediateCatchEvent", "Amendment submitted", 0, 8, "",
     '<bpmn:messageEventDefinition id="AmendmentSubmittedDefinition" messageRef="Message_AmendmentSubmitted" />'),
    ("AmendmentDeadlinePassed", "intermediateCatchEvent", "Amendment deadline passed", 0, 9, "",
     '<bpmn:timerEventDefinition id="AmendmentDeadlineDefinition"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${workflowSettings.amendmentDeadline}</bpmn:timeDuration></bpmn:timerEventDefinition>'),
    ("RecordLapse", "serviceTask", "Record lapse", 0, 10, 'camunda:delegateExpression="${lapseRecorder}"', ""),
    ("ApplicationLapsed", "endEvent", "Application lapsed", 0, 11, "", ""),
    ("expertReview", "userTask", "专家评审 Rate project (experts)", 3, 9,
     'camunda:candidateGroups="experts" camunda:dueDate="${workflowSettings.reviewDueDate()}" camunda:formRef="expert-review" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{status("EXPERT_REVIEW")}{review_listeners()}</bpmn:extensionElements>'),
    ("EvaluateRatedAward", "businessRuleTask", "Evaluate award for the rating", 3, 10,
     'camunda:decisionRef="${measureDecisionKey}" camunda:decisionRefBinding="versionTag" camunda:decisionRefVersionTag="${decisionVersionTag}" camunda:mapDecisionResult="resultList" camunda:resultVariable="measureResult"', ""),
    ("ApplyCapsToRatedAward", "serviceTask", "Apply caps to the rated award", 3, 11, 'camunda:delegateExpression="${awardScreening}"', ""),
    ("ToBureauReviewGateway", "exclusiveGateway", "To bureau review", 4, 11, "", ""),
    ("bureauReview", "userTask", "市局审核 Review application (bureau)", 4, 12,
     'camunda:candidateGroups="bureau-reviewers" camunda:dueDate="${workflowSettings.reviewDueDate()}" camunda:formRef="bureau-review" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{status("BUREAU_REVIEW")}{review_listeners()}</bpmn:extensionElements>'),
    ("BureauDecisionGateway", "exclusiveGateway", "Bureau decision?", 4, 13, 'default="Flow_BureauReturns"', ""),
    ("ReserveAwardInBudget", "serviceTask", "Reserve award in budget", 4, 14, 'camunda:delegateExpression="${budgetReservation}"', ""),
    ("ObjectionOrNoticeOverGateway", "eventBasedGateway", "Objection or notice over?", 4, 15, "",
     f'<bpmn:extensionElements>{status("PUBLIC_NOTICE")}</bpmn:extensionElements>'),
    ("ObjectionFiled", "intermediateCatchEvent", "Objection filed", 4, 16, "",
     '<bpmn:messageEventDefinition id="ObjectionFiledDefinition" messageRef="Message_ObjectionFiled" />'),
    ("ReleaseReservation", "serviceTask", "Release budget reservation", 4, 17, 'camunda:delegateExpression="${budgetRelease}"', ""),
    ("NoticePeriodElapsed", "intermediateCatchEvent", "Notice period elapsed", 5, 16, "",
     '<bpmn:timerEventDefinition id="NoticePeriodDefinition"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${workflowSettings.publicNoticePeriod(packageCode)}</bpmn:timeDuration></bpmn:timerEventDefinition>'),
    ("financeDisbursement", "userTask", "财政拨付 Disburse award", 5, 17,
     'camunda:candidateGroups="finance" camunda:dueDate="${workflowSettings.reviewDueDate()}" camunda:formRef="finance-disbursement" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{status("DISBURSEMENT")}{review_listeners()}</bpmn:extensionElements>'),
    ("RecordDisbursement", "serviceTask", "Record disbursement", 5, 18, 'camunda:delegateExpression="${disbursementRecorder}"', ""),
    ("NotifyEnterpriseOfPayment", "serviceTask", "Notify enterprise of payment", 5, 19,
     'camunda:asyncBefore="true" camunda:delegateExpression="${paymentNotifier}"', ""),
    ("AwardDisbursed", "endEvent", "Award disbursed", 5, 20, "", ""),
]

# id, source, target, name, condition, route ("h" straight/elbow, "back" under the lanes, "down"/"up" vertical first)
F = [
    ("Flow_Filed", "ApplicationFiled", "FiledOrAmendedGateway", "", None, "vh"),
    ("Flow_ToScreening", "FiledOrAmendedGateway", "LookUpEnterpriseCredit", "", None, "h"),
    ("Flow_CreditLookedUp", "LookUpEnterpriseCredit", "EvaluateGeneralEligibility", "", None, "h"),
    ("Flow_GeneralEvaluated", "EvaluateGeneralEligibility", "EvaluateMeasureRules", "", None, "h"),
    ("Flow_MeasureEvaluated", "EvaluateMeasureRules", "ApplyCapsAndStackingRules", "", None, "h"),
    ("Flow_Screened", "ApplyCapsAndStackingRules", "ScreeningPassedGateway", "", None, "h"),
    ("Flow_ScreeningPassed", "ScreeningPassedGateway", "ToCountyReviewGateway", "Yes", "${screeningPassed}", "vh"),
    ("Flow_ToCountyReview", "ToCountyReviewGateway", "countyReview", "", None, "h"),
    ("Flow_ScreeningFailed", "ScreeningPassedGateway", "RejectedAtAnyStepGateway", "No", None, "over"),
    ("Flow_ToRejection", "RejectedAtAnyStepGateway", "RecordRejection", "", None, "h"),
    ("Flow_RejectionRecorded", "RecordRejection", "ApplicationRejected", "", None, "h"),
    ("Flow_CountyReviewed", "countyReview", "CountyDecisionGateway", "", None, "h"),
    ("Flow_CountyApproves", "CountyDecisionGateway", "ExpertReviewGateway", "Approve", "${countyDecision == 'APPROVE'}", "h"),
    ("Flow_CountyRejects", "CountyDecisionGateway", "RejectedAtAnyStepGateway", "Reject", "${countyDecision == 'REJECT'}", "vh"),
    ("Flow_CountyReturns", "CountyDecisionGateway", "AmendmentOrDeadlineGateway", "Return for amendment", None, "vh"),
    ("Flow_AwaitAmendment", "AmendmentOrDeadlineGateway", "AmendmentSubmitted", "", None, "h"),
    ("Flow_AwaitDeadline", "AmendmentOrDeadlineGateway", "AmendmentDeadlinePassed", "", None, "under"),
    ("Flow_Amended", "AmendmentSubmitted", "FiledOrAmendedGateway", "", None, "top"),
    ("Flow_DeadlinePassed", "AmendmentDeadlinePassed", "RecordLapse", "", None, "h"),
    ("Flow_LapseRecorded", "RecordLapse", "ApplicationLapsed", "", None, "h"),
    ("Flow_ExpertReviewRequired", "ExpertReviewGateway", "expertReview", "Yes", "${expertReviewRequired}", "vh"),
    ("Flow_NoExpertReview", "ExpertReviewGateway", "ToBureauReviewGateway", "No", None, "vh"),
    ("Flow_ToBureauReview", "ToBureauReviewGateway", "bureauReview", "", None, "h"),
    ("Flow_ProjectRated", "expertReview", "EvaluateRatedAward", "", None, "h"),
    ("Flow_RatedAwardEvaluated", "EvaluateRatedAward", "ApplyCapsToRatedAward", "", None, "h"),
    ("Flow_RatedAwardCapped", "ApplyCapsToRatedAward", "ToBureauReviewGateway", "", None, "vh"),
    ("Flow_BureauReviewed", "bureauReview", "BureauDecisionGateway", "", None, "h"),
    ("Flow_BureauApproves", "BureauDecisionGateway", "ReserveAwardInBudget", "Approve", "${bureauDecision == 'APPROVE'}", "h"),
    ("Flow_BureauRejects", "BureauDecisionGateway", "RejectedAtAnyStepGateway", "Reject", "${bureauDecision == 'REJECT'}", "vh"),
    ("Flow_BureauReturns", "BureauDecisionGateway", "ToCountyReviewGateway", "Return to county", None, "vh"),
    ("Flow_Reserved", "ReserveAwardInBudget", "ObjectionOrNoticeOverGateway", "", None, "h"),
    ("Flow_AwaitObjection", "ObjectionOrNoticeOverGateway", "ObjectionFiled", "", None, "h"),
    ("Flow_AwaitNoticeEnd", "ObjectionOrNoticeOverGateway", "NoticePeriodElapsed", "", None, "vh"),
    ("Flow_Objected", "ObjectionFiled", "ReleaseReservation", "", None, "h"),
    ("Flow_ReservationReleased", "ReleaseReservation", "ToBureauReviewGateway", "", None, "under"),
    ("Flow_NoticeOver", "NoticePeriodElapsed", "financeDisbursement", "", None, "h"),
    ("Flow_Disbursed", "financeDisbursement", "RecordDisbursement", "", None, "h"),
    ("Flow_DisbursementRecorded", "RecordDisbursement", "NotifyEnterpriseOfPayment", "", None, "h"),
    ("Flow_EnterpriseNotified", "NotifyEnterpriseOfPayment", "AwardDisbursed", "", None, "h"),
]

LABEL_LEFT = {"Flow_CountyReturns", "Flow_BureauReturns"}


def main():
    nodes = [(i, k, n, lane, col, attrs, inner, "") if inner.startswith("<bpmn:extensionElements>")
             else (i, k, n, lane, col, attrs, "", inner) for i, k, n, lane, col, attrs, inner in N]
    print(render(definitions_id="IncentiveApplication", process_id="incentive-application",
                 process_name="产业激励申报 Incentive application", participant_name="产业激励申报 Incentive application",
                 exporter="bpmn_layout.py", layout=Layout(LANES, LANE_H), nodes=nodes, flows=F,
                 messages=[("Message_AmendmentSubmitted", "AmendmentSubmitted"), ("Message_ObjectionFiled", "ObjectionFiled")],
                 label_left=LABEL_LEFT), end="")


if __name__ == "__main__":
    main()
