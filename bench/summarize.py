#!/usr/bin/env python3
"""Summarise a Gatling run of QuarterEndSimulation into bench/results/<name>.json and .md.

usage: bench/summarize.py <name> <gatling run dir> <summary.json> [resources.json] [description]
Reads the per-request table of Gatling's index.html (count, per second, p50/p75/p95/p99/max) and the
simulation's own summary (filings/s, time to county review, bare process)."""
import html, json, re, sys
from pathlib import Path

name, run_dir, summary_path = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
resources = json.loads(Path(sys.argv[4]).read_text()) if len(sys.argv) > 4 and Path(sys.argv[4]).exists() else {}
description = sys.argv[5] if len(sys.argv) > 5 else ""
summary = json.loads(summary_path.read_text())

page = (run_dir / "index.html").read_text()
cols = ["total", "ok", "ko", "koPercent", "perSecond", "min", "p50", "p75", "p95", "p99", "max", "mean", "stdDev"]
requests = []
for row in re.findall(r"<tr data-parent=\"ROOT\">(.*?)</tr>", page, re.S):
    label = re.search(r'class="ellipsed-name">([^<]*)<', row)
    values = re.findall(r'<td class="value [^"]*col-(\d+)"[^>]*>([^<]*)<', row)
    if not label:
        continue
    entry = {"request": html.unescape(label.group(1))}
    for col, value in values:
        i = int(col) - 2
        if 0 <= i < len(cols):
            v = value.strip().replace(",", "").replace("%", "")
            try:
                entry[cols[i]] = float(v) if "." in v else int(v)
            except ValueError:
                entry[cols[i]] = v
    requests.append(entry)

result = {"name": name, "description": description, "summary": summary, "requests": requests, "resources": resources,
          "gatlingReport": run_dir.name}
out = Path(__file__).resolve().parent / "results"
out.mkdir(exist_ok=True)
(out / f"{name}.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")

if summary.get("kind") == "inbox":
    lines = [f"# {name}", "", description, "",
             f"{summary['openTasks']} open county-review tasks in county-{summary['county']} (filed by {summary['clients']} clients "
             f"for {summary['enterprises']} fictional enterprises, untimed), then Tasklist's query as the county's reviewer, "
             f"{summary['queries']} times each, against {summary['url']}.", "",
             "| request | count | KO | p50 | p95 | p99 | max (ms) |", "|---|---|---|---|---|---|---|"]
    for r in requests:
        lines.append(f"| {r['request']} | {r.get('total')} | {r.get('ko')} | {r.get('p50')} | {r.get('p95')} | {r.get('p99')} | {r.get('max')} |")
    if resources:
        lines += ["", "Application JVM during the run (fill included): " + ", ".join(f"{k} {v}" for k, v in resources.items()) + "."]
    (out / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    sys.exit(0)

f, b = summary["filing"], summary.get("bareProcess")
lines = [f"# {name}", "", description, "",
         f"{summary['clients']} keep-alive clients, {summary['durationSeconds']} s per phase, "
         f"{summary['enterprises']} fictional enterprises across the 12 counties, against {summary['url']}.", "",
         "| flow | completed | per second | time to user task p50 / p95 / p99 (ms) |", "|---|---|---|---|",
         f"| filed and screened to county review | {f['completed']} | {f['perSecond']} | "
         f"{f['timeToUserTaskMs']['p50']:.0f} / {f['timeToUserTaskMs']['p95']:.0f} / {f['timeToUserTaskMs']['p99']:.0f} |"]
if b:
    lines.append(f"| bare process (start → async service task → DMN → user task) | {b['completed']} | {b['perSecond']} | "
                 f"{b['timeToUserTaskMs']['p50']:.0f} / {b['timeToUserTaskMs']['p95']:.0f} / {b['timeToUserTaskMs']['p99']:.0f} |")
lines += ["", f"Ratio to the bare process: **{summary.get('ratioToBareProcess')}**; filings refused: "
          f"{summary.get('filingsRefused')}; screened but not at county review: {summary.get('screenedButNotAtCountyReview')}.",
          "", "| request | count | KO | per second | p50 | p95 | p99 | max (ms) |", "|---|---|---|---|---|---|---|---|"]
for r in requests:
    lines.append(f"| {r['request']} | {r.get('total')} | {r.get('ko')} | {r.get('perSecond')} | {r.get('p50')} | "
                 f"{r.get('p95')} | {r.get('p99')} | {r.get('max')} |")
if resources:
    lines += ["", "Application JVM during the run: " + ", ".join(f"{k} {v}" for k, v in resources.items()) + "."]
(out / f"{name}.md").write_text("\n".join(lines) + "\n")
print("\n".join(lines))
