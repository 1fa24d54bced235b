#!/usr/bin/env python3
"""Writes bpmn/county-award.bpmn (process semantics plus a lane-by-lane diagram layout, in the style
of bpmn_layout.py) and its three Camunda Forms (bpmn/county-scores.form, bpmn/county-award-approval.form,
bpmn/county-award-disbursement.form). An authoring aid: after generating, the files are the artefacts.

    python3 tools/county_award_layout.py        # run from the project root
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bpmn_model import Layout, render  # noqa: E402
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# registry.County, in enum order (the last tie-break of the ranking)
COUNTIES = [
    ("chengzhong", "城中区"), ("yufeng", "鱼峰区"), ("liunan", "柳南区"), ("liubei", "柳北区"),
    ("liujiang", "柳江区"), ("liucheng", "柳城县"), ("luzhai", "鹿寨县"), ("rongan", "融安县"),
    ("rongshui", "融水苗族自治县"), ("sanjiang", "三江侗族自治县"), ("liudong", "柳东新区"),
    ("beibu", "阳和工业新区（北部生态新区）"),
]
TIE_RULE_ZH = ("排名规则：按综合评分从高到低排名；综合评分相同的，产值目标完成得分高者在前；"
               "两项得分均相同的，按县区序列在前者在前（" + "、".join(n for _, n in COUNTIES) + "）。")

LANES = [
    ("Lane_Bureau", "市工业和信息化局 City industry bureau"),
    ("Lane_Automated", "自动处理 Automated"),
    ("Lane_Finance", "财政局 Finance bureau"),
]
LANE_H = 170

def listeners(*names):
    return "".join(f'<camunda:taskListener event="{e}" delegateExpression="${{{n}}}" />'
                   for n in names for e in (["create", "complete"] if n == "countyAwardTaskListener" else ["complete"]))

# id, kind, name, lane, column, extra attributes, inner xml
N = [
    ("CountyAwardRunStarted", "startEvent", "County award run started", 0, 0, 'camunda:initiator="initiator"', ""),
    ("ScoresToEnterGateway", "exclusiveGateway", "Scores to enter", 0, 1, "", ""),
    ("enterCountyScores", "userTask", "录入县区评分 Enter county scores", 0, 2,
     'camunda:candidateGroups="bureau-reviewers" camunda:formRef="county-scores" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{listeners("countyAwardTaskListener")}</bpmn:extensionElements>'),
    ("RankCounties", "serviceTask", "Rank counties", 1, 3, 'camunda:delegateExpression="${countyRanking}"', ""),
    ("EvaluateAwardForRank", "businessRuleTask", "Evaluate award for rank", 1, 4,
     'camunda:decisionRef="${awardDecisionKey}" camunda:decisionRefBinding="versionTag" '
     'camunda:decisionRefVersionTag="${decisionVersionTag}" camunda:mapDecisionResult="singleResult" camunda:resultVariable="rankResult"',
     '<bpmn:extensionElements><camunda:inputOutput>'
     '<camunda:inputParameter name="rank">${execution.getVariable(\'rank_\'.concat(county))}</camunda:inputParameter>'
     '<camunda:inputParameter name="rankResult" />'
     '</camunda:inputOutput>'
     '<camunda:executionListener event="end" expression="${execution.setVariable(\'tableAward_\'.concat(county), rankResult.award)}" />'
     '</bpmn:extensionElements>',
     '<bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${rankedCounties}" camunda:elementVariable="county" />'),
    ("RecordProposedAwards", "serviceTask", "Record proposed awards", 1, 5, 'camunda:delegateExpression="${countyAwardProposal}"', ""),
    ("approveCountyAwards", "userTask", "审定县区奖励 Approve county awards", 0, 6,
     'camunda:candidateGroups="bureau-reviewers" camunda:formRef="county-award-approval" camunda:formRefBinding="deployment"',
     f'<bpmn:extensionElements>{listeners("countyAwardTaskListener")}</bpmn:extensionElements>'),
    ("AwardsApprovedGateway", "exclusiveGateway", "Awards approved?", 0, 7, 'default="Flow_AwardsReturned"', ""),
    ("ReserveAwardsInBudget", "serviceTask", "Reserve awards in budget", 1, 8, 'camunda:delegateExpression="${countyAwardReservation}"', ""),
    ("disburseCountyAward", "userTask", "拨付县区奖励 Disburse county award", 2, 9,
     'camunda:candidateGroups="finance" camunda:formRef="county-award-disbursement" camunda:formRefBinding="deployment"',
     '<bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="paymentReference" /></camunda:inputOutput>'
     f'{listeners("countyAwardTaskListener", "countyPaymentRecorder")}</bpmn:extensionElements>',
     '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${awardedCounties}" camunda:elementVariable="county" />'),
    ("CloseAwardRun", "serviceTask", "Close award run", 2, 10, 'camunda:delegateExpression="${countyAwardClosing}"', ""),
    ("CountyAwardsDisbursed", "endEvent", "County awards disbursed", 2, 11, "", ""),
]
N = [n if len(n) == 8 else n + ("",) for n in N]

# id, source, target, name, condition, route
F = [
    ("Flow_RunStarted", "CountyAwardRunStarted", "ScoresToEnterGateway", "", None, "h"),
    ("Flow_ToScoreEntry", "ScoresToEnterGateway", "enterCountyScores", "", None, "h"),
    ("Flow_ScoresEntered", "enterCountyScores", "RankCounties", "", None, "vh"),
    ("Flow_CountiesRanked", "RankCounties", "EvaluateAwardForRank", "", None, "h"),
    ("Flow_AwardsEvaluated", "EvaluateAwardForRank", "RecordProposedAwards", "", None, "h"),
    ("Flow_AwardsProposed", "RecordProposedAwards", "approveCountyAwards", "", None, "vh"),
    ("Flow_AwardsReviewed", "approveCountyAwards", "AwardsApprovedGateway", "", None, "h"),
    ("Flow_AwardsApproved", "AwardsApprovedGateway", "ReserveAwardsInBudget", "Yes, approved", "${awardDecision == 'APPROVE'}", "vh"),
    ("Flow_AwardsReturned", "AwardsApprovedGateway", "ScoresToEnterGateway", "No, returned for rescoring", None, "over"),
    ("Flow_AwardsReserved", "ReserveAwardsInBudget", "disburseCountyAward", "", None, "vh"),
    ("Flow_AwardsDisbursed", "disburseCountyAward", "CloseAwardRun", "", None, "h"),
    ("Flow_RunClosed", "CloseAwardRun", "CountyAwardsDisbursed", "", None, "h"),
]

def bpmn():
    return render(definitions_id="CountyAward", process_id="county-award", process_name="县区工业稳增长奖励评比 County award",
                  participant_name="县区工业稳增长奖励评比 County award", exporter="county_award_layout.py",
                  layout=Layout(LANES, LANE_H, column_width=150), nodes=N, flows=F, columns=12)


def form(form_id, components):
    for i, c in enumerate(components):
        c["id"] = f"{form_id.replace('-', '_')}_{i}"
    return json.dumps({
        "schemaVersion": 16,
        "exporter": {"name": "county_award_layout.py", "version": "1"},
        "executionPlatform": "Camunda Platform",
        "executionPlatformVersion": "7.24.0",
        "type": "default",
        "id": form_id,
        "components": components,
    }, ensure_ascii=False, indent=2) + "\n"


def run_header():
    return [
        {"type": "textfield", "key": "runId", "label": "评比编号", "readonly": True, "layout": {"row": "head", "columns": 4}},
        {"type": "textfield", "key": "awardPeriod", "label": "评比期间", "readonly": True, "layout": {"row": "head", "columns": 3}},
        {"type": "textfield", "key": "measureTitle", "label": "政策措施", "readonly": True, "layout": {"row": "head", "columns": 9}},
    ]


def scores_form():
    c = [{"type": "text", "text": "### 录入县区评分\n请为全部12个县区（新区）录入综合评分和产值目标完成得分（均为0至100分，最多两位小数）。提交后系统自动排名，并按政策决策表测算奖励。\n\n" + TIE_RULE_ZH}]
    c += run_header()
    c.append({"type": "textarea", "key": "returnComment", "label": "退回意见（重新评分的原因）", "readonly": True,
              "conditional": {"hide": "=returnComment = null"}})
    for code, name in COUNTIES:
        c.append({"type": "number", "key": f"score_{code}", "label": f"{name} 综合评分", "decimalDigits": 2,
                  "validate": {"required": True, "min": 0, "max": 100}, "layout": {"row": f"r_{code}", "columns": 8}})
        c.append({"type": "number", "key": f"outputScore_{code}", "label": f"{name} 产值目标完成得分（并列时比较）", "decimalDigits": 2,
                  "validate": {"required": True, "min": 0, "max": 100}, "layout": {"row": f"r_{code}", "columns": 8}})
    return form("county-scores", c)


def approval_form():
    c = [{"type": "text", "text": "### 审定县区奖励\n核对排名和奖励后选择“通过”：奖励总额将占用政策包预算，并交财政局逐县拨付。选择“退回”则重新录入评分（须填写意见）。\n\n" + TIE_RULE_ZH}]
    c += run_header()
    c.append({"type": "textfield", "key": "decisionVersionTag", "label": "适用决策表版本", "readonly": True, "layout": {"row": "meta", "columns": 8}})
    c.append({"type": "textfield", "key": "remainingBudget", "label": "政策包预算剩余", "readonly": True, "layout": {"row": "meta", "columns": 8}})
    c.append({"type": "textarea", "key": "rankingSummary", "label": "排名与测算奖励", "readonly": True})
    c.append({"type": "text", "text": "#### 核定奖励金额（仅当政策决策表未给出金额时填写）\n决策表未给出金额的措施（如 LZ-2025Q1-COUNTY）由市工业和信息化局核定：不予奖励的县区留空；排名在后的县区奖励不得高于排名在前的县区。",
              "conditional": {"hide": "=amountsByBureau != true"}})
    for i, (code, name) in enumerate(COUNTIES):
        c.append({"type": "number", "key": f"award_{code}", "label": f"{name} 核定奖励（元）", "decimalDigits": 2,
                  "validate": {"min": 0}, "conditional": {"hide": f"=tableAward_{code} != null"},
                  "layout": {"row": f"a_{i // 2}", "columns": 8}})
    c.append({"type": "text", "text": "#### 审定"})
    c.append({"type": "radio", "key": "decision", "label": "审定结论", "validate": {"required": True},
              "values": [{"label": "通过，占用预算并交财政局拨付", "value": "APPROVE"},
                         {"label": "退回，重新录入评分", "value": "RETURN"}]})
    c.append({"type": "textarea", "key": "comment", "label": "审定意见（退回时必填）", "validate": {"maxLength": 2000}})
    return form("county-award-approval", c)


def disbursement_form():
    c = [{"type": "text", "text": "### 拨付县区奖励\n按市工业和信息化局审定的金额拨付给该县区（新区），并登记支付凭证号。每个县区只能拨付一次。"}]
    c += run_header()
    c.append({"type": "textfield", "key": "countyName", "label": "收款县区", "readonly": True, "layout": {"row": "c", "columns": 8}})
    c.append({"type": "number", "key": "countyRank", "label": "综合评分排名", "readonly": True, "layout": {"row": "c", "columns": 8}})
    c.append({"type": "number", "key": "approvedAward", "label": "核定拨付金额（元）", "readonly": True, "decimalDigits": 2})
    c.append({"type": "textfield", "key": "paymentReference", "label": "支付凭证号", "validate": {"required": True, "maxLength": 100}})
    return form("county-award-disbursement", c)


def write(path, text):
    with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    write("bpmn/county-award.bpmn", bpmn())
    write("bpmn/county-scores.form", scores_form())
    write("bpmn/county-award-approval.form", approval_form())
    write("bpmn/county-award-disbursement.form", disbursement_form())
