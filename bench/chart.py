#!/usr/bin/env python3
"""Draws bench/results/<out>.svg from run summaries written by summarize.py: per run, applications filed and
screened to county review per second beside the bare-process ceiling of the same run, and the filing POST's p99.

usage: bench/chart.py <out name> <label>=<result name> ...   e.g. bench/chart.py throughput "H2=h2-after" ...
No plotting library: the SVG is written by hand so that the chart needs nothing but Python."""
import json, sys
from html import escape
from pathlib import Path

results = Path(__file__).resolve().parent / "results"
out = sys.argv[1]
runs = []
for arg in sys.argv[2:]:
    label, name = arg.split("=", 1)
    r = json.loads((results / f"{name}.json").read_text())
    s = r["summary"]
    post = next((q for q in r["requests"] if q["request"] == "POST /api/applications"), {})
    runs.append((label, s["filing"]["perSecond"], (s.get("bareProcess") or {}).get("perSecond") or 0,
                 post.get("p99") or 0, s.get("clients")))

left, top, bar, gap, group_gap = 60, 50, 26, 4, 40
W = max(760, left + 40 + len(runs) * (2 * (bar + gap) + group_gap + 40))
plot_h = 220
ymax = max([max(f, b) for _, f, b, _, _ in runs] + [1]) * 1.15
height = top + plot_h + 90
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{height}" fill="white"/>',
       f'<text x="{left}" y="22" font-size="15" font-weight="bold">Filed and screened to county review per second, '
       f'and the bare-engine ceiling of the same run</text>',
       f'<text x="{left}" y="40" fill="#555">2-core machine, load generator and PostgreSQL on the same machine; '
       f'label under each pair: filing POST p99</text>']
for i in range(5):  # grid and axis labels
    v = ymax * i / 4
    y = top + plot_h - plot_h * i / 4
    svg.append(f'<line x1="{left}" x2="{W - 20}" y1="{y:.0f}" y2="{y:.0f}" stroke="#ddd"/>')
    svg.append(f'<text x="{left - 6}" y="{y + 4:.0f}" text-anchor="end" fill="#555">{v:.0f}</text>')
x = left + 20
for label, filed, bare, p99, clients in runs:
    for value, colour in ((filed, "#2b6cb0"), (bare, "#a0aec0")):
        h = plot_h * value / ymax
        svg.append(f'<rect x="{x}" y="{top + plot_h - h:.0f}" width="{bar}" height="{h:.0f}" fill="{colour}"/>')
        svg.append(f'<text x="{x + bar / 2}" y="{top + plot_h - h - 4:.0f}" text-anchor="middle">{value:.1f}</text>')
        x += bar + gap
    cx = x - (bar + gap) - gap / 2
    ratio = f"{filed / bare:.2f}" if bare else "–"
    svg.append(f'<text x="{cx}" y="{top + plot_h + 16}" text-anchor="middle">{escape(label)}</text>')
    svg.append(f'<text x="{cx}" y="{top + plot_h + 31}" text-anchor="middle" fill="#555">ratio {ratio}, p99 {p99} ms</text>')
    x += group_gap + 40
legend_y = top + plot_h + 62
svg.append(f'<rect x="{left}" y="{legend_y - 10}" width="12" height="12" fill="#2b6cb0"/>'
           f'<text x="{left + 18}" y="{legend_y}">applications filed and screened to county review / s</text>')
svg.append(f'<rect x="{left + 360}" y="{legend_y - 10}" width="12" height="12" fill="#a0aec0"/>'
           f'<text x="{left + 378}" y="{legend_y}">bare process (ceiling) / s</text>')
svg.append('</svg>')
(results / f"{out}.svg").write_text("\n".join(svg) + "\n")
print(results / f"{out}.svg")
