#!/usr/bin/env bash
# Durability of a 201: files applications against the jar on its default embedded (H2 file) database,
# kills the JVM with SIGKILL right after the last 201, restarts it on the same files and checks that
# every application answered 201 is there. Usage: .ci/durability.sh <jar>
set -euo pipefail
jar=$1
dir=$(mktemp -d)
port=18090
ent=91450200MA5L000117
start() {
  (cd "$dir" && PORT=$port exec java -jar "$jar") >>"$dir/app.log" 2>&1 </dev/null &
  app=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  tail -50 "$dir/app.log"; return 1
}
trap 'kill -9 "$app" 2>/dev/null || true' EXIT
start
ids=()
for i in $(seq 1 20); do
  body=$(curl -s -w '\n%{http_code}' -u "$ent:demo" -H 'Content-Type: application/json' "http://127.0.0.1:$port/api/applications" \
    -d '{"measureCode":"LZ-2026Q2-EXHIBITION","creditCode":"'$ent'","facts":{"eligibleCost":'$((100000 + i))',"eventDate":"2026-05-10"}}')
  code=$(echo "$body" | tail -n 1)
  [ "$code" = 201 ] || { echo "durability: filing $i answered $code"; exit 1; }
  ids+=("$(echo "$body" | head -n 1 | sed -E 's/.*"id":"([^"]+)".*/\1/')")
done
kill -9 "$app"   # no shutdown hook, no flush: whatever was answered 201 must already be on disk
wait "$app" 2>/dev/null || true
start
missing=0
for id in "${ids[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "$ent:demo" "http://127.0.0.1:$port/api/applications/$id")
  [ "$code" = 200 ] || { echo "durability: $id answered 201 but is gone after kill -9 ($code)"; missing=$((missing + 1)); }
done
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
echo "durability: ${#ids[@]} filings answered 201, $missing lost after kill -9"
[ "$missing" = 0 ]
