#!/usr/bin/env bash
# Two-node cluster test: one PostgreSQL (Debian's server binaries, a private cluster on 127.0.0.1), two
# application nodes from the built jar with the prod profile (job executors on both, different ports),
# a wave of applications filed through both nodes, one node killed with SIGKILL in the middle of the
# wave. Asserts from the database that every application answered 201 reaches county review exactly
# once: one process instance and one county-review task per application, one screening journal entry,
# one general decision evaluated, no budget reserved, no job with retries exhausted, no incident.
#   .ci/cluster.sh [jar] [applications]       (as root or any user; needs postgresql's server binaries)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-$(ls "$PWD"/target/incentives-*.jar | head -n 1)}
waves=${2:-120}
pgport=${CLUSTER_PG_PORT:-15433}
ports=(18301 18302)
admin=ops-admin
adminpw='Cluster-Admin-2026!'
dbpw='Cluster-Db-2026!'
entpw='Cluster-Ent-2026!'
work=$(mktemp -d /tmp/cluster.XXXXXX)
chmod 755 "$work"
pids=()

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || { echo "cluster: PostgreSQL server binaries not found (apt-get install postgresql)"; exit 1; }
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  if [ "${CLUSTER_KEEP:-}" = "" ]; then rm -rf "$work"; else echo "cluster: kept $work"; fi
}
trap cleanup EXIT

# --- PostgreSQL: a private cluster on 127.0.0.1, password authentication for the application.
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
echo "$dbpw" > "$work/pwfile"; chmod 644 "$work/pwfile"
as_pg "$pgbin/initdb" -D "$work/pg" -U postgres --pwfile="$work/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pgport -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work/pg -c max_connections=100" start >/dev/null
psql_db() { PGPASSWORD=$dbpw psql -h 127.0.0.1 -p "$pgport" -U postgres -d "${DB:-incentives}" -At -v ON_ERROR_STOP=1 "$@"; }
DB=postgres psql_db -c "create database incentives" >/dev/null

# --- Two nodes, prod profile, job executor on each.
start_node() {
  local i=$1 port=${ports[$1]}
  (cd "$work" && INCENTIVES_DB_URL="jdbc:postgresql://127.0.0.1:$pgport/incentives" INCENTIVES_DB_USER=postgres \
    INCENTIVES_DB_PASSWORD="$dbpw" PORT=$port exec java -Xmx768m -jar "$jar" --spring.profiles.active=prod \
    --camunda.bpm.admin-user.id=$admin "--camunda.bpm.admin-user.password=$adminpw") >"$work/node$i.log" 2>&1 </dev/null &
  pids[$i]=$!
  disown "${pids[$i]}"  # no job-control notice when it is killed
  for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "${pids[$i]}" 2>/dev/null || break
    sleep 1
  done
  echo "cluster: node $i did not start"; tail -80 "$work/node$i.log"; return 1
}
# The first start of a release creates the schemas and deploys the models; the second node joins it.
start_node 0
start_node 1
echo "cluster: PostgreSQL on 127.0.0.1:$pgport, nodes on ${ports[*]}"

api() { # api <node> <method> <path> [body] -> prints body, then the status on the last line
  curl -s -m 30 -w '\n%{http_code}' -u "$admin:$adminpw" -X "$2" -H 'Content-Type: application/json' \
    "http://127.0.0.1:${ports[$1]}$3" ${4:+-d "$4"}
}
expect() { local out; out=$(api "$@"); case "$(tail -n 1 <<<"$out")" in 2??) ;; *) echo "cluster: $2 $3 answered: $out"; exit 1 ;; esac; }

# --- Production set-up through the API: an open window and a budget, enterprises in every county with logins.
today=$(date +%F)
expect 0 PUT /api/packages/LZ-2026Q2/settings '{"applicationOpens":"'"$(date -d '-30 days' +%F)"'","applicationCloses":"'"$(date -d '+1 year' +%F)"'","budget":100000000}'
counties=(chengzhong yufeng liunan liubei liujiang liucheng luzhai rongan rongshui sanjiang liudong beibu)
codes=()
for i in $(seq 1 24); do
  code=$(python3 - "$i" <<'PY'
import sys
A = "0123456789ABCDEFGHJKLMNPQRTUWXY"; W = [1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
s = "91450200CL%07d" % (int(sys.argv[1]) * 7919)
c = 31 - sum(A.index(ch) * w for ch, w in zip(s, W)) % 31
print(s + A[0 if c == 31 else c])
PY
)
  county=${counties[$(( i % 12 ))]}
  expect $(( i % 2 )) PUT "/api/enterprises/$code" '{"name":"集群测试企业'$i'有限公司","county":"'$county'","industry":"MACHINERY","aboveDesignatedSize":true,"taxCreditRating":"A","accountingCreditGood":true,"jointPunishmentTarget":false}'
  expect $(( i % 2 )) PUT "/api/enterprises/$code/account" '{"password":"'"$entpw"'"}'
  codes+=("$code")
done

# --- The wave: 4 parallel clients, alternate nodes; node 1 is killed with SIGKILL half-way. A filing that
# finds its node dead goes to the other node (as a load balancer would); only answers 201 count.
file_one() {
  local i=$1 code=$2 node=$3 out status
  for attempt in 1 2; do
    out=$(curl -s -m 30 -w '\n%{http_code}' -u "$code:$CLUSTER_ENTPW" -H 'Content-Type: application/json' \
      "http://127.0.0.1:$node/api/applications" \
      -d '{"measureCode":"LZ-2026Q2-EXHIBITION","creditCode":"'"$code"'","facts":{"eligibleCost":'$((20000 + i))',"eventDate":"2026-05-10"}}') || true
    status=$(tail -n 1 <<<"$out")
    if [ "$status" = 201 ]; then
      sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$(head -n 1 <<<"$out")"
      return 0
    fi
    node=$CLUSTER_SURVIVOR
  done
  echo "filing $i not accepted ($status)" >&2
}
export -f file_one
export CLUSTER_ENTPW=$entpw CLUSTER_SURVIVOR=${ports[0]}
half=$(( waves / 2 ))
for i in $(seq 1 "$waves"); do echo "$i ${codes[$(( i % ${#codes[@]} ))]} ${ports[$(( i % 2 ))]}"; done > "$work/wave"
: > "$work/ids"
xargs -P 4 -n 3 bash -c 'file_one "$@"' _ < "$work/wave" >> "$work/ids" &
wave=$!
# Node 1 is killed in the middle of the wave: requests in flight on it, screening jobs queued or running on it.
for _ in $(seq 1 600); do [ "$(wc -l <"$work/ids")" -ge "$half" ] && break; sleep 0.1; done
kill -9 "${pids[1]}"
echo "cluster: node 1 killed with SIGKILL after $(wc -l <"$work/ids") filings"
wait "$wave" || true
filed=$(wc -l <"$work/ids")
echo "cluster: $filed of $waves filings answered 201"
[ "$filed" -ge $(( waves * 9 / 10 )) ] || { echo "cluster: too many filings refused"; tail -50 "$work/node0.log"; exit 1; }

# --- Wait (bounded) until screening has handled every application: jobs a dead node had locked are taken
# over by the survivor when their lock expires (camunda.bpm.job-execution.lock-time-in-millis, 30 s).
ids_sql=$(sed "s/.*/'&'/" "$work/ids" | paste -sd, -)
all="select id from incentive_application"
for _ in $(seq 1 150); do
  screening=$(psql_db -c "select count(*) from incentive_application where status = 'SCREENING'")
  [ "$screening" = 0 ] && break
  sleep 1
done

fail=0
check() { # check <description> <sql returning the number of violations>
  local n; n=$(psql_db -c "$2")
  if [ "$n" = 0 ]; then echo "cluster: ok   $1"; else echo "cluster: FAIL $1 ($n)"; fail=1; fi
}
check "every application answered 201 is in the ledger" \
  "select $filed - count(*) from incentive_application where id in ($ids_sql)"
check "every application reached county review" \
  "select count(*) from incentive_application where id in ($all) and status <> 'COUNTY_REVIEW'"
check "one process instance per application" \
  "select count(*) from (select a.id from incentive_application a left join act_hi_procinst p on p.business_key_ = a.id
     where a.id in ($all) group by a.id having count(p.id_) <> 1) x"
check "one open county-review task per application, never a second" \
  "select count(*) from (select a.id from incentive_application a join act_hi_procinst p on p.business_key_ = a.id
     left join act_hi_taskinst t on t.proc_inst_id_ = p.id_ and t.task_def_key_ = 'countyReview'
     left join act_ru_task r on r.id_ = t.id_
     where a.id in ($all) group by a.id having count(t.id_) <> 1 or count(r.id_) <> 1) x"
check "screening journalled once per application" \
  "select count(*) from (select a.id from incentive_application a left join application_event e on e.application_id = a.id and e.step = 'SCREENING'
     where a.id in ($all) group by a.id having count(e.id) <> 1) x"
check "county review recorded once per application" \
  "select count(*) from (select a.id from incentive_application a left join application_event e on e.application_id = a.id
     and e.step = 'STATUS' and e.outcome = 'COUNTY_REVIEW' where a.id in ($all) group by a.id having count(e.id) <> 1) x"
check "general decision evaluated once per application (no job ran twice)" \
  "select count(*) from (select p.id_ from act_hi_procinst p left join act_hi_decinst d on d.proc_inst_id_ = p.id_
     and d.dec_def_key_ = 'LZ-2026Q2-GENERAL' where p.business_key_ in ($all) group by p.id_ having count(d.id_) <> 1) x"
check "no budget reserved or disbursed (nothing approved yet), none twice" \
  "select count(*) from package_budget where reserved <> 0 or disbursed <> 0"
check "no award reserved on any application" \
  "select count(*) from incentive_application where id in ($all) and reserved_award is not null"
check "no job left with retries exhausted" "select count(*) from act_ru_job where retries_ <= 0"
check "no incident" "select count(*) from act_ru_incident"
check "no screening job left" \
  "select count(*) from act_ru_job j join act_hi_procinst p on p.id_ = j.process_instance_id_ where p.business_key_ in ($all)"
taken=$(grep -c "ENGINE-14\|Exception" "$work/node0.log" || true)
ledger=$(psql_db -c "select count(*) from incentive_application")
echo "cluster: $filed filings answered 201 ($ledger in the ledger) through 2 nodes, node 1 killed half-way; survivor log lines with exceptions: $taken"
if [ "$fail" != 0 ]; then
  tail -60 "$work/node0.log"
  exit 1
fi
echo "cluster: passed"
