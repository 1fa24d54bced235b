#!/usr/bin/env bash
# Throughput benchmark: files N exhibition applications through the API with C parallel clients
# against a running instance on this machine, waits until automated screening has handled them all,
# and reports filings per second and end-to-end screening throughput.
#   ./run.sh &                       # start the application (demo profile)
#   bench/benchmark.sh [N] [C] [URL] # defaults: 500 applications, 4 clients, http://localhost:8080
# Only loopback targets are accepted; the loop is bounded by N and by a 10-minute timeout.
set -euo pipefail
N=${1:-500}
C=${2:-4}
URL=${3:-http://localhost:8080}
case "$URL" in http://localhost*|http://127.*) ;; *) echo "benchmark targets this machine only" >&2; exit 2 ;; esac
ADMIN=admin:demo
tmp=$(mktemp -d)

# Fresh fictional enterprises (one per client, each with its own login) so that caps do not refuse the filings.
codes=()
for i in $(seq 1 "$C"); do
  code=$(python3 - "$i" <<'PY'
import random, sys
A = "0123456789ABCDEFGHJKLMNPQRTUWXY"; W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
s = "91450200" + "BM" + "".join(random.choice("0123456789") for _ in range(7))
c = 31 - sum(A.index(ch) * w for ch, w in zip(s, W)) % 31
print(s + A[0 if c == 31 else c])
PY
)
  curl -sf -u $ADMIN -X PUT -H 'Content-Type: application/json' "$URL/api/enterprises/$code" -d '{"name":"基准测试企业'$i'","county":"liunan","industry":"MACHINERY","aboveDesignatedSize":true,"taxCreditRating":"A","accountingCreditGood":true,"jointPunishmentTarget":false}' >/dev/null
  curl -sf -u $ADMIN -X PUT -H 'Content-Type: application/json' "$URL/api/enterprises/$code/account" -d '{"password":"bench-password"}' >/dev/null || true
  codes+=("$code")
done

file_one() {
  local idx=$1 code=$2 url=$3
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u "$code:bench-password" -H 'Content-Type: application/json' \
    "$url/api/applications" -d '{"measureCode":"LZ-2026Q2-EXHIBITION","creditCode":"'$code'","facts":{"eligibleCost":20000,"eventDate":"2026-05-10"}}'
}
export -f file_one
start=$(date +%s.%N)
for i in $(seq 1 "$N"); do echo "$i ${codes[$(( i % C ))]} $URL"; done | xargs -P "$C" -n 3 bash -c 'file_one "$@"' _ > "$tmp/filings"
filed=$(date +%s.%N)
ok=$(grep -c '^201' "$tmp/filings" || true)

# Wait until no application of these enterprises is still SCREENING (bounded).
deadline=$(( $(date +%s) + 600 ))
while :; do
  pending=0
  for code in "${codes[@]}"; do
    n=$(curl -s -u "$code:bench-password" "$URL/api/applications" | { grep -o '"status":"SCREENING"' || true; } | wc -l)
    pending=$(( pending + n ))
  done
  [ "$pending" -eq 0 ] && break
  [ "$(date +%s)" -gt "$deadline" ] && { echo "timed out with $pending still screening"; break; }
  sleep 0.5
done
screened=$(date +%s.%N)

python3 - "$tmp/filings" "$start" "$filed" "$screened" "$N" "$ok" <<'PY'
import sys, statistics
path, start, filed, screened, n, ok = sys.argv[1], *map(float, sys.argv[2:5]), int(sys.argv[5]), int(sys.argv[6])
times = sorted(float(l.split()[1]) for l in open(path))
p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
print(f"filed {ok}/{n} (HTTP 201) in {filed - start:.1f}s: {ok / (filed - start):.1f} filings/s")
print(f"filing latency ms: p50 {p(0.50):.0f}  p95 {p(0.95):.0f}  p99 {p(0.99):.0f}  max {times[-1]*1000:.0f}")
print(f"all screened after {screened - start:.1f}s: {ok / (screened - start):.1f} applications/s end to end")
PY
rm -rf "$tmp"
