#!/usr/bin/env bash
# Runs the Gatling quarter-end simulation against a running instance on this machine and writes a summary to
# bench/results/<name>.{json,md} (Gatling's full HTML report stays under target/gatling/).
#   bench/gatling.sh <name> [url] [app pid] [duration s] [clients]
# The instance must run with --incentives.bench.baseline-process=true for the bare-process ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 url=${2:-http://127.0.0.1:8080} pid=${3:-} duration=${4:-60} clients=${5:-8}
case "$url" in http://localhost*|http://127.*) ;; *) echo "the benchmark targets this machine only" >&2; exit 2 ;; esac
cpu() { [ -n "$pid" ] && awk '{print $14 + $15}' "/proc/$pid/stat" || echo 0; }
tick=$(getconf CLK_TCK)
before=$(cpu)
peak=0
if [ -n "$pid" ]; then
  ( end=$(( $(date +%s) + 3 * duration + 120 )); while [ "$(date +%s)" -lt "$end" ] && [ -d "/proc/$pid" ]; do
      awk '/VmRSS/ {print $2}' "/proc/$pid/status"; sleep 1; done ) > target/bench-rss.txt &
  sampler=$!
fi
start=$(date +%s)
mvn -B -o -q -Pbench gatling:test -Dbench.url="$url" -Dbench.duration="$duration" -Dbench.clients="$clients" \
  -Dbench.summary=target/gatling/summary.json | tee target/bench-gatling.log | grep -E 'Benchmark summary|perSecond|ratio|Reports' || true
elapsed=$(( $(date +%s) - start ))
after=$(cpu)
[ -n "$pid" ] && { kill "$sampler" 2>/dev/null || true; peak=$(sort -n target/bench-rss.txt | tail -1); }
run=$(ls -td target/gatling/quarterendsimulation-* | head -1)
python3 - "$before" "$after" "$tick" "$elapsed" "$peak" > target/bench-resources.json <<'PY'
import json, sys
b, a, tick, elapsed, peak = map(float, sys.argv[1:])
print(json.dumps({"cpuSeconds": round((a - b) / tick, 1), "wallSeconds": int(elapsed),
                  "meanCoresBusy": round((a - b) / tick / max(elapsed, 1), 2), "peakRssMiB": int(peak / 1024)}))
PY
python3 bench/summarize.py "$name" "$run" target/gatling/summary.json target/bench-resources.json "${BENCH_DESCRIPTION:-}"
