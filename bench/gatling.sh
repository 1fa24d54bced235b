#!/usr/bin/env bash
# Runs the Gatling quarter-end simulation against a running instance on this machine and writes a summary to
# bench/results/<name>.{json,md} (Gatling's full HTML report stays under target/gatling/).
#   bench/gatling.sh <name> [url[,url2]] [app pid[,pid2]] [duration s] [clients]
# Several URLs (one per node) are used round-robin; CPU and memory are summed over the pids.
# The instance must run with --incentives.bench.baseline-process=true for the bare-process ceiling.
# BENCH_BASELINE=false skips the bare process; BENCH_SIM_ARGS passes more -Dbench.* settings to the simulation.
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 url=${2:-http://127.0.0.1:8080} pid=${3:-} duration=${4:-60} clients=${5:-8}
for u in ${url//,/ }; do
  case "$u" in http://localhost*|http://127.*) ;; *) echo "the benchmark targets this machine only" >&2; exit 2 ;; esac
done
pidlist=${pid//,/ }
cpu() { local t=0 p; for p in $pidlist; do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo $t; }
tick=$(getconf CLK_TCK)
before=$(cpu)
peak=0
if [ -n "$pid" ]; then
  ( end=$(( $(date +%s) + 3 * duration + 120 )); while [ "$(date +%s)" -lt "$end" ]; do
      t=0; for p in $pidlist; do t=$(( t + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0) )); done
      echo $t; sleep 1; done ) > target/bench-rss.txt &
  sampler=$!
fi
start=$(date +%s)
rm -f target/gatling/summary.json
mvn -B -o -q -Pbench gatling:test -Dbench.url="$url" -Dbench.duration="$duration" -Dbench.clients="$clients" \
  -Dbench.baseline="${BENCH_BASELINE:-true}" ${BENCH_SIM_ARGS:-} -Dbench.summary=target/gatling/summary.json | tee target/bench-gatling.log | grep -E 'Benchmark summary|perSecond|ratio|Reports' || true
elapsed=$(( $(date +%s) - start ))
after=$(cpu)
[ -n "$pid" ] && { kill "$sampler" 2>/dev/null || true; peak=$(sort -n target/bench-rss.txt | tail -1); }
[ -f target/gatling/summary.json ] || { echo "the simulation did not finish: see target/bench-gatling.log" >&2; exit 1; }
run=$(ls -td target/gatling/*simulation-* | head -1)
python3 - "$before" "$after" "$tick" "$elapsed" "$peak" > target/bench-resources.json <<'PY'
import json, sys
b, a, tick, elapsed, peak = map(float, sys.argv[1:])
print(json.dumps({"cpuSeconds": round((a - b) / tick, 1), "wallSeconds": int(elapsed),
                  "meanCoresBusy": round((a - b) / tick / max(elapsed, 1), 2), "peakRssMiB": int(peak / 1024)}))
PY
python3 bench/summarize.py "$name" "$run" target/gatling/summary.json target/bench-resources.json "${BENCH_DESCRIPTION:-}"
