"""Shared writer of the BPMN files of bpmn/: process semantics plus a lane-by-lane diagram (DI) laid out
on a grid, so every model opens in Camunda Modeler and draws in Cockpit. Used by bpmn_layout.py and
county_award_layout.py, which hold each process's elements.

A node is (id, kind, name, lane, column, attributes, extension_xml, tail_xml): extension_xml goes before
the incoming/outgoing refs (extensionElements), tail_xml after them (event definitions, loop
characteristics). A flow is (id, source, target, name, condition, route) with route one of
  h     straight along the lane (or an elbow half-way between the two columns),
  vh    leave vertically, enter horizontally (from above/below when the target is to the left),
  over  along the top of the source's lane, into the target from above,
  top   above every lane, back to an earlier element,
  under below source and target, into the target from below.
"""
from xml.sax.saxutils import quoteattr

TTL = "10950"  # days: 30 years, the accounting-archives retention for payment records
CAMUNDA = "http://camunda.org/schema/1.0/bpmn"
SIZES = {"startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
         "exclusiveGateway": (50, 50), "eventBasedGateway": (50, 50)}


class Layout:
    def __init__(self, lanes, lane_height=170, x0=230, column_width=140, y0=60):
        self.lanes, self.lane_height, self.x0, self.column_width, self.y0 = lanes, lane_height, x0, column_width, y0

    def bounds(self, node):
        kind, lane, col = node[1], node[3], node[4]
        w, h = SIZES.get(kind, (110, 80))
        cx = self.x0 + col * self.column_width + 55
        cy = self.y0 + lane * self.lane_height + self.lane_height // 2
        return cx - w // 2, cy - h // 2, w, h


def render(*, definitions_id, process_id, process_name, participant_name, exporter, layout, nodes, flows,
           messages=(), label_left=(), columns=22):
    nodes = [n if len(n) == 8 else n + ("",) * (8 - len(n)) for n in nodes]
    byid = {n[0]: n for n in nodes}
    incoming = {n[0]: [] for n in nodes}
    outgoing = {n[0]: [] for n in nodes}
    for f in flows:
        outgoing[f[1]].append(f[0])
        incoming[f[2]].append(f[0])
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
           'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" '
           f'xmlns:camunda="{CAMUNDA}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" '
           f'id="{definitions_id}" targetNamespace="http://liuzhou.gov.cn/incentives/bpmn" exporter="{exporter}" exporterVersion="1" '
           'modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">',
           f'  <bpmn:collaboration id="Collaboration_{definitions_id}">',
           f'    <bpmn:participant id="Participant_{definitions_id}" name={quoteattr(participant_name)} processRef="{process_id}" />',
           '  </bpmn:collaboration>',
           f'  <bpmn:process id="{process_id}" name={quoteattr(process_name)} isExecutable="true" camunda:historyTimeToLive="{TTL}">',
           f'    <bpmn:laneSet id="LaneSet_{definitions_id}">']
    for idx, (lid, lname) in enumerate(layout.lanes):
        out.append(f'      <bpmn:lane id="{lid}" name={quoteattr(lname)}>')
        out += [f'        <bpmn:flowNodeRef>{n[0]}</bpmn:flowNodeRef>' for n in nodes if n[3] == idx]
        out.append('      </bpmn:lane>')
    out.append('    </bpmn:laneSet>')
    for nid, kind, name, _, _, attrs, ext, tail in nodes:
        out.append(f'    <bpmn:{kind} id="{nid}" name={quoteattr(name)}{" " + attrs if attrs else ""}>')
        if ext:
            out.append(f'      {ext}')
        out += [f'      <bpmn:incoming>{i}</bpmn:incoming>' for i in incoming[nid]]
        out += [f'      <bpmn:outgoing>{o}</bpmn:outgoing>' for o in outgoing[nid]]
        if tail:
            out.append(f'      {tail}')
        out.append(f'    </bpmn:{kind}>')
    for fid, s, t, name, cond, _ in flows:
        nm = f' name={quoteattr(name)}' if name else ""
        if cond:
            out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}">')
            out.append(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{cond.replace("&", "&amp;")}</bpmn:conditionExpression>')
            out.append('    </bpmn:sequenceFlow>')
        else:
            out.append(f'    <bpmn:sequenceFlow id="{fid}"{nm} sourceRef="{s}" targetRef="{t}" />')
    out.append('  </bpmn:process>')
    out += [f'  <bpmn:message id="{mid}" name="{mname}" />' for mid, mname in messages]
    out += diagram(definitions_id, layout, nodes, flows, byid, label_left, columns)
    out.append('</bpmn:definitions>')
    return "\n".join(out) + "\n"


def diagram(did, layout, nodes, flows, byid, label_left, columns):
    lh, y0 = layout.lane_height, layout.y0
    width = layout.x0 + columns * layout.column_width
    out = [f'  <bpmndi:BPMNDiagram id="Diagram_{did}">',
           f'    <bpmndi:BPMNPlane id="Plane_{did}" bpmnElement="Collaboration_{did}">',
           f'      <bpmndi:BPMNShape id="Participant_{did}_di" bpmnElement="Participant_{did}" isHorizontal="true"><dc:Bounds x="100" y="{y0}" width="{width - 100}" height="{lh * len(layout.lanes)}" /></bpmndi:BPMNShape>']
    for i, (lid, _) in enumerate(layout.lanes):
        out.append(f'      <bpmndi:BPMNShape id="{lid}_di" bpmnElement="{lid}" isHorizontal="true"><dc:Bounds x="130" y="{y0 + i * lh}" width="{width - 130}" height="{lh}" /></bpmndi:BPMNShape>')
    for n in nodes:
        x, y, w, h = layout.bounds(n)
        if w < 100:
            marker = ' isMarkerVisible="true"' if n[1] == "exclusiveGateway" else ""
            out.append(f'      <bpmndi:BPMNShape id="{n[0]}_di" bpmnElement="{n[0]}"{marker}><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" />'
                       f'<bpmndi:BPMNLabel><dc:Bounds x="{x - 20}" y="{y + h + 4}" width="{w + 40}" height="27" /></bpmndi:BPMNLabel></bpmndi:BPMNShape>')
        else:
            out.append(f'      <bpmndi:BPMNShape id="{n[0]}_di" bpmnElement="{n[0]}"><dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')
    for fid, s, t, name, _, route in flows:
        pts = waypoints(layout, byid[s], byid[t], route)
        wps = "".join(f'<di:waypoint x="{x}" y="{y}" />' for x, y in pts)
        label = ""
        if name:
            if route == "over":
                lx, ly, lw = min(pts[0][0], pts[-1][0]) + 60, pts[1][1] - 16, 200
            else:
                lx, ly, lw = pts[0][0] + 5, pts[0][1] + (5 if pts[1][1] >= pts[0][1] else -25), 90
                if fid in label_left:  # two answers leave the same side of a gateway: this one on the left
                    lx -= 100
            label = f'<bpmndi:BPMNLabel><dc:Bounds x="{lx}" y="{ly}" width="{lw}" height="14" /></bpmndi:BPMNLabel>'
        out.append(f'      <bpmndi:BPMNEdge id="{fid}_di" bpmnElement="{fid}">{wps}{label}</bpmndi:BPMNEdge>')
    out += ['    </bpmndi:BPMNPlane>', '  </bpmndi:BPMNDiagram>']
    return out


def waypoints(layout, source, target, route):
    sx, sy, sw, sh = layout.bounds(source)
    tx, ty, tw, th = layout.bounds(target)
    scx, scy, tcx, tcy = sx + sw // 2, sy + sh // 2, tx + tw // 2, ty + th // 2
    if route == "h" and scy == tcy:
        return [(sx + sw, scy), (tx, tcy)]
    if route == "vh":
        if tcx > scx:
            return [(scx, sy + sh if tcy > scy else sy), (scx, tcy), (tx, tcy)]
        mid = (scy + tcy) // 2
        return [(scx, sy + sh if tcy > scy else sy), (scx, mid), (tcx, mid), (tcx, ty + th if tcy < scy else ty)]
    if route == "over":
        lane_top = layout.y0 + source[3] * layout.lane_height + 15
        return [(scx, sy), (scx, lane_top), (tcx, lane_top), (tcx, ty)]
    if route == "top":
        return [(scx, sy), (scx, layout.y0 + 12), (tcx - 30, layout.y0 + 12), (tcx - 30, ty)]
    if route == "under":
        low = max(sy + sh, ty + th) + 22
        return [(scx, sy + sh), (scx, low), (tcx, low), (tcx, ty + th)]
    return [(sx + sw, scy), ((sx + sw + tx) // 2, scy), ((sx + sw + tx) // 2, tcy), (tx, tcy)]
