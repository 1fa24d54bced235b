#!/usr/bin/env python3
"""Writes bpmn/incentive-application.bpmn: the process semantics below plus a lane-by-lane diagram
layout, so the model opens in Camunda Modeler and draws in Cockpit. An authoring aid: after
generating, the .bpmn file is the artefact (edit it in the Modeler or here and regenerate)."""
from xml.sax.saxutils import quoteattr

TTL = "10950"  # days: 30 years, the accounting-archives retention for payment records
NS = "http://camunda.org/schema/1.0/bpmn"

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
     'camunda:candidateGroups="county-${county}" camunda:formRef="county-review" camunda:formRefBinding="deployment"',
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
     'camunda:candidateGroups="experts" camunda:formRef="expert-review" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{status("EXPERT_REVIEW")}{review_listeners()}</bpmn:extensionElements>'),
    ("EvaluateRatedAward", "businessRuleTask", "Evaluate award for the rating", 3, 10,
     'camunda:decisionRef="${measureDecisionKey}" camunda:decisionRefBinding="versionTag" camunda:decisionRefVersionTag="${decisionVersionTag}" camunda:mapDecisionResult="resultList" camunda:resultVariable="measureResult"', ""),
    ("ApplyCapsToRatedAward", "serviceTask", "Apply caps to the rated award", 3, 11, 'camunda:delegateExpression="${awardScreening}"', ""),
    ("ToBureauReviewGateway", "exclusiveGateway", "To bureau review", 4, 11, "", ""),
    ("bureauReview", "userTask", "市局审核 Review application (bureau)", 4, 12,
     'camunda:candidateGroups="bureau-reviewers" camunda:formRef="bureau-review" camunda:formRefBinding="deployment"',
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
     'camunda:candidateGroups="finance" camunda:formRef="finance-disbursement" camunda:formRefBinding="deployment"',
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

SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
         "exclusiveGateway": (50, 50), "eventBasedGateway": (50, 50)}
X0, COLW, Y0 = 230, 140, 60

def bounds(node):
    _, kind, _, lane, col, _, _ = node
    w, h = SIZES.get(kind, (110, 80))
    cx = X0 + col * COLW + 55
    cy = Y0 + lane * LANE_H + LANE_H // 2
    return cx - w // 2, cy - h // 2, w, h

def main():
    byid = {n[0]: n for n in N}
    incoming = {n[0]: [] for n in N}
    outgoing = {n[0]: [] for n in N}
    for f in F:
        outgoing[f[1]].append(f[0]); incoming[f[2]].append(f[0])
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
           'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
           f'xmlns:camunda="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
           'id="Definitions_IncentiveApplication" targetNamespace="http://liuzhou.gov.cn/incentives/bpmn" exporter="bpmn_layout.py" exporterVersion="1" '
           'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">',
           '  <bpmn:collaboration id="Collaboration_IncentiveApplication">',
           '    <bpmn:participant id="Participant_IncentiveApplication" name="产业激励申报 Incentive application" processRef="incentive-application" />',
           '  </bpmn:collaboration>',
           f'  <bpmn:process id="incentive-application" name="产业激励申报 Incentive application" isExecutable="true" camunda:historyTimeToLive="{TTL}">',
           '    <bpmn:laneSet id="LaneSet_Roles">']
    for lid, lname in LANES:
        idx = [l[0] for l in LANES].index(lid)
        out.append(f'      <bpmn:lane id="{lid}" name={quoteattr(lname)}>')
        for n in N:
            if n[3] == idx:
                out.append(f'        <bpmn:flowNodeRef>{n[0]}</bpmn:flowNodeRef>')
        out.append('      </bpmn:lane>')
    out.append('    </bpmn:laneSet>')
    for n in N:
        nid, kind, name, _, _, attrs, inner = n
        out.append(f'    <bpmn:{kind} id="{nid}" name={quoteattr(name)}{" " + attrs if attrs else ""}>')
        if inner.startswith("<bpmn:extensionElements>"):
            out.append(f'      {inner}')
            inner = ""
        for i in incoming[nid]:
            out.append(f'      <bpmn:incoming>{i}</bpmn:incoming>')
        for o in outgoing[nid]:
            out.append(f'      <bpmn:outgoing>{o}</bpmn:outgoing>')
        if inner:
            out.append(f'      {inner}')
        out.append(f'    </bpmn:{kind}>')
    for fid, s, t, name, cond, _ in F:
        nm = f' name={quoteattr(name)}' if name else ""
        if cond:
            out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}">')
            out.append(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond.replace("&", "&amp;")}</bpmn:conditionExpression>')
            out.append('    </bpmn:sequenceFlow>')
        else:
            out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}" />')
    out.append('  </bpmn:process>')
    out.append('  <bpmn:message id="Message_AmendmentSubmitted" name="AmendmentSubmitted" />')
    out.append('  <bpmn:message id="Message_ObjectionFiled" name="ObjectionFiled" />')
    width = X0 + 22 * COLW
    out.append('  <bpmndi:BPMNDiagram id="Diagram_IncentiveApplication">')
    out.append('    <bpmndi:BPMNPlane id="Plane_IncentiveApplication" bpmnElement="Collaboration_IncentiveApplication">')
    out.append(f'      <bpmndi:BPMNShape id="Participant_IncentiveApplication_di" bpmnElement="Participant_IncentiveApplication" isHorizontal="true"><dc:Bounds x="100" y="{Y0}" width="{width - 100}" height="{LANE_H * len(LANES)}" /></bpmndi:BPMNShape>')
    for i, (lid, _) in enumerate(LANES):
        out.append(f'      <bpmndi:BPMNShape id="{lid}_di" bpmnElement="{lid}" isHorizontal="true"><dc:Bounds x="130" y="{Y0 + i * LANE_H}" width="{width - 130}" height="{LANE_H}" /></bpmndi:BPMNShape>')
    for n in N:
        x, y, w, h = bounds(n)
        marker = ' isMarkerVisible="true"' if n[1] == "exclusiveGateway" else ""
        out.append(f'      <bpmndi:BPMNShape id="{n[0]}_di" bpmnElement="{n[0]}"{marker}><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />'
                   f'<bpmndi:BPMNLabel><dc:Bounds x="{x - 20 if w < 100 else x}" y="{y + h + 4 if w < 100 else y}" width="{w + 40 if w < 100 else w}" height="27" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>'
                   if w < 100 else
                   f'      <bpmndi:BPMNShape id="{n[0]}_di" bpmnElement="{n[0]}"><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')
    bottom = Y0 + LANE_H * len(LANES)
    for fid, s, t, name, _, route in F:
        sx, sy, sw, sh = bounds(byid[s]); tx, ty, tw, th = bounds(byid[t])
        scx, scy, tcx, tcy = sx + sw // 2, sy + sh // 2, tx + tw // 2, ty + th // 2
        if route == "h" and scy == tcy:
            pts = [(sx + sw, scy), (tx, tcy)]
        elif route == "vh":  # leave vertically, enter horizontally (or vertically if target is to the left)
            if tcx > scx:
                pts = [(scx, sy + sh if tcy > scy else sy), (scx, tcy), (tx, tcy)]
            else:
                pts = [(scx, sy + sh if tcy > scy else sy), (scx, (scy + tcy) // 2), (tcx, (scy + tcy) // 2), (tcx, ty + th if tcy < scy else ty)]
        elif route == "over":  # along the top of the source's lane
            lane_top = Y0 + byid[s][3] * LANE_H + 15
            pts = [(scx, sy), (scx, lane_top), (tcx, lane_top), (tcx, ty)]
        elif route == "top":  # back to an earlier element, above both
            pts = [(scx, sy), (scx, Y0 + 12), (tcx - 30, Y0 + 12), (tcx - 30, ty)]
        elif route == "under":  # below the source, then up or down into the target
            low = max(sy + sh, ty + th) + 22
            pts = [(scx, sy + sh), (scx, low), (tcx, low), (tcx, ty + th)]
        else:
            pts = [(sx + sw, scy), ((sx + sw + tx) // 2, scy), ((sx + sw + tx) // 2, tcy), (tx, tcy)]
        wps = "".join(f'<di:waypoint x="{x}" y="{y}" />' for x, y in pts)
        label = ""
        if name:
            lx, ly = pts[0][0] + 5, pts[0][1] + (5 if pts[1][1] >= pts[0][1] else -25)
            if fid in LABEL_LEFT:  # two answers leave the same side of a gateway: put this one on the left
                lx -= 100
            label = f'<bpmndi:BPMNLabel><dc:Bounds x="{lx}" y="{ly}" width="90" height="14" /></bpmndi:BPMNLabel>'
        out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{wps}{label}</bpmndi:BPMNEdge>')
    out.append('    </bpmndi:BPMNPlane>')
    out.append('  </bpmndi:BPMNDiagram>')
    out.append('</bpmn:definitions>')
    print("\n".join(out))

if __name__ == "__main__":
    main()
