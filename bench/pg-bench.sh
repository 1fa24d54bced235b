#!/usr/bin/env bash
# One benchmark run on PostgreSQL, start to finish: a fresh database, one or two nodes of the built jar
# (default profile with the datasource on PostgreSQL, bare process deployed), the Gatling simulation
# round-robining over the nodes (bench/gatling.sh), the nodes stopped. Loopback only.
#   bench/pg-bench.sh <name> <nodes 1|2> [duration s] [clients] [extra jar arguments...]
# Environment: BENCH_PG_PORT (15414), BENCH_PG_PASSWORD, BENCH_PORTS ("18414 18415"), BENCH_JFR=1 (a flight
# recording of node 1 to target/<name>.jfr), BENCH_SQL=1 (statement counts per filing from pg_stat_statements,
# which the server must preload), BENCH_JAR (another build), BENCH_DESCRIPTION, BENCH_JAVA_OPTS, BENCH_SIM_ARGS (more -Dbench.* for Gatling).
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1 nodes=$2 duration=${3:-45} clients=${4:-8}
shift $(( $# < 4 ? $# : 4 ))
pgport=${BENCH_PG_PORT:-15414}
read -r -a ports <<< "${BENCH_PORTS:-18414 18415}"
jar=${BENCH_JAR:-$(ls "$PWD"/target/incentives-*.jar | head -n 1)}
export PGPASSWORD=${BENCH_PG_PASSWORD:?the PostgreSQL password of user postgres}
psql_do() { psql -h 127.0.0.1 -p "$pgport" -U postgres -At -v ON_ERROR_STOP=1 "$@"; }
psql_do -d postgres -c "drop database if exists incentives" -c "create database incentives" >/dev/null
[ -n "${BENCH_SQL:-}" ] && psql_do -d incentives -c "create extension if not exists pg_stat_statements" >/dev/null
mkdir -p target/bench-nodes
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
for (( i = 0; i < nodes; i++ )); do
  opts=(${BENCH_JAVA_OPTS:--Xmx1g})
  [ "$i" = 0 ] && [ -n "${BENCH_JFR:-}" ] && opts+=("-XX:StartFlightRecording=filename=$PWD/target/$name.jfr,settings=profile")
  rm -rf "target/bench-nodes/$i"; mkdir -p "target/bench-nodes/$i"
  (cd "target/bench-nodes/$i" && PORT=${ports[$i]} exec java "${opts[@]}" -jar "$jar" --incentives.bench.baseline-process=true \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pgport/incentives" --spring.datasource.username=postgres \
    --spring.datasource.password="$PGPASSWORD" "$@") > "target/bench-nodes/node$i.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:${ports[$i]}/actuator/health" >/dev/null 2>&1 && break
    kill -0 "${pids[$i]}" 2>/dev/null || { tail -50 "target/bench-nodes/node$i.log"; exit 1; }
    sleep 1
  done
done
urls=$(for (( i = 0; i < nodes; i++ )); do printf 'http://127.0.0.1:%s,' "${ports[$i]}"; done)
[ -n "${BENCH_SQL:-}" ] && psql_do -d incentives -c "select pg_stat_statements_reset()" >/dev/null
BENCH_BASELINE=${BENCH_BASELINE:-true} bench/gatling.sh "$name" "${urls%,}" "$(IFS=,; echo "${pids[*]}")" "$duration" "$clients"
if [ -n "${BENCH_SQL:-}" ]; then
  psql_do -d incentives -F $'\t' -c "select calls, round(total_exec_time::numeric, 0) as ms, left(regexp_replace(query, '\s+', ' ', 'g'), 160)
    from pg_stat_statements order by total_exec_time desc limit 60" > "target/$name-sql.tsv"
  psql_do -d incentives -c "select (select count(*) from incentive_application) as filings,
    (select count(*) from act_hi_procinst) as process_instances, sum(calls) as statements,
    round(sum(total_exec_time)::numeric) as statement_ms from pg_stat_statements" > "target/$name-filings.txt"
fi
