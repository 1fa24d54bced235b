#!/usr/bin/env python3
"""Writes a policy package's DMN file from a compact JSON spec.

An authoring aid only: the generated .dmn under dmn/<package>/ is the artefact that is deployed,
reviewed and edited in Camunda Modeler afterwards. Usage: dmn_tables.py spec.json > out.dmn

Every measure decision shares one output contract (see README, "Decision contract"), so the spec
lists only the outputs a rule sets; the rest stay empty.
"""
import json, sys
from xml.sax.saxutils import escape, quoteattr

MEASURE_OUTPUTS = [
    ("eligible", "符合条件", "boolean"),
    ("reasonZh", "原因（中文）", "string"),
    ("reasonEn", "Reason (English)", "string"),
    ("award", "测算奖励（元）", "double"),
    ("capAmount", "上限（元）", "double"),
    ("capScope", "上限口径", "string"),
    ("capGroup", "上限合并组", "string"),
    ("roundingUnit", "取整单位（元）", "double"),
    ("amountSource", "金额来源", "string"),
    ("expertReview", "需专家评审", "boolean"),
    ("exclusiveGroup", "互斥组", "string"),
    ("onceKey", "限领一次标识", "string"),
    ("packageLimit", "政策包内限额（个）", "integer"),
    ("seriesKey", "连续年度系列标识", "string"),
    ("seriesLimit", "系列最多申请次数", "integer"),
]

def lit(v):
    """Python value -> FEEL literal, unless it is already an expression string marked with '='."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str) and v.startswith("="):
        return v[1:]
    return json.dumps(v, ensure_ascii=False)

def decision_xml(d, tag, ttl, idx):
    key = d["key"]
    outputs = d.get("outputs") or MEASURE_OUTPUTS
    out_names = [o[0] for o in outputs]
    hit = d.get("hitPolicy", "COLLECT")
    lines = [f'  <decision id="{key}" name={quoteattr(d["name"])} camunda:versionTag="{tag}" camunda:historyTimeToLive="{ttl}">']
    for req in d.get("requires", []):
        lines.append(f'    <informationRequirement id="req_{key}_{req}"><requiredDecision href="#{req}" /></informationRequirement>')
    agg = f' aggregation="{d["aggregation"]}"' if d.get("aggregation") else ""
    lines.append(f'    <decisionTable id="table_{key}" hitPolicy="{hit}"{agg}>')
    for i, inp in enumerate(d["inputs"]):
        lines.append(f'      <input id="in_{idx}_{i}" label={quoteattr(inp["label"])}>')
        tref = inp.get("type", "string")
        tattr = f' typeRef="{tref}"' if tref else ""
        lines.append(f'        <inputExpression id="inexpr_{idx}_{i}"{tattr}><text>{escape(inp["expr"])}</text></inputExpression>')
        lines.append('      </input>')
    for i, o in enumerate(outputs):
        lines.append(f'      <output id="out_{idx}_{i}" label={quoteattr(o[1])} name="{o[0]}" typeRef="{o[2]}" />')
    for r, rule in enumerate(d["rules"]):
        lines.append(f'      <rule id="rule_{idx}_{r}">')
        if rule.get("note"):
            lines.append(f'        <description>{escape(rule["note"])}</description>')
        for i, entry in enumerate(rule["in"]):
            text = "" if entry in ("-", None) else entry
            lines.append(f'        <inputEntry id="ie_{idx}_{r}_{i}"><text>{escape(text)}</text></inputEntry>')
        out = rule["out"]
        unknown = set(out) - set(out_names)
        if unknown:
            raise SystemExit(f"{key} rule {r}: unknown outputs {unknown}")
        for i, name in enumerate(out_names):
            lines.append(f'        <outputEntry id="oe_{idx}_{r}_{i}"><text>{escape(lit(out.get(name)))}</text></outputEntry>')
        lines.append('      </rule>')
    lines.append('    </decisionTable>')
    lines.append('  </decision>')
    return "\n".join(lines)

def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    tag = spec["versionTag"]
    ttl = spec.get("historyTimeToLive", 10950)
    pkg = spec["package"]
    body = [decision_xml(d, tag, ttl, i) for i, d in enumerate(spec["decisions"])]
    shapes = []
    for i, d in enumerate(spec["decisions"]):
        x, y = 160 + (i % 4) * 260, 100 + (i // 4) * 140
        shapes.append(f'      <dmndi:DMNShape id="shape_{d["key"]}" dmnElementRef="{d["key"]}"><dc:Bounds height="80" width="200" x="{x}" y="{y}" /></dmndi:DMNShape>')
        for req in d.get("requires", []):
            j = [e["key"] for e in spec["decisions"]].index(req)
            rx, ry = 160 + (j % 4) * 260, 100 + (j // 4) * 140
            shapes.append(f'      <dmndi:DMNEdge id="edge_{d["key"]}_{req}" dmnElementRef="req_{d["key"]}_{req}"><di:waypoint x="{rx + 100}" y="{ry}" /><di:waypoint x="{x + 100}" y="{y + 80}" /></dmndi:DMNEdge>')
    print(f'''<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:di="http://www.omg.org/spec/DMN/20180521/DI/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="{pkg}" name={quoteattr(spec["name"])} namespace="http://liuzhou.gov.cn/incentives/{pkg}" exporter="dmn_tables.py" exporterVersion="1" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
{chr(10).join(body)}
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="diagram_{pkg}">
{chr(10).join(shapes)}
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>''')

if __name__ == "__main__":
    main()
