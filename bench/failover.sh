#!/usr/bin/env bash
# PostgreSQL failover under load: a primary and a synchronous streaming standby (two clusters of this
# script's own, made with pg_basebackup, on ports 55432 and 55433), two registry instances on a multi-host
# JDBC URL (targetServerType=primary) behind HAProxy. Each round: clients issue and change certificates,
# batch-issue and verify labels through HAProxy; the primary is killed with kill -9 and the standby
# promoted (pg_ctl promote); the registry must resume by itself (time from the kill to the first accepted
# write measured), every answer must be a 2xx or a clean 503 problem, every change acknowledged before or
# after the kill must be on the new primary, the log gapless, nothing half-written and the auditor must pass;
# then the old primary is rebuilt as the new primary's synchronous standby for the next round
# (docs/faults.md, "Failover").
#
# Run as root (the clusters run as the postgres user through setpriv), after building the production jar:
#   mvn -B package -DskipTests -Dquarkus.profile=production
#   bench/failover.sh
#
# Settings (environment): FAILOVERS (3), WRITERS (3), READERS (2), BATCH_CLIENTS (1), LEAD_SECONDS (6, load
# before the kill), TAIL_SECONDS (8, load after the promotion), RECOVERY_LIMIT (30, seconds from the kill by
# which a write must be accepted again), PG_PORT_A (55432), PG_PORT_B (55433), PORT (18400, HAProxy),
# PORT_1 / PORT_2 (18410 / 18411, the instances; management ports 18420 / 18421), DB (szmark_failover),
# PG_ROOT (a folder in the work directory), and those of bench/lib.sh (JAR).
set -euo pipefail
cd "$(dirname "$0")/.."

FAILOVERS=${FAILOVERS:-3}
WRITERS=${WRITERS:-3}
READERS=${READERS:-2}
BATCH_CLIENTS=${BATCH_CLIENTS:-1}
LEAD_SECONDS=${LEAD_SECONDS:-6}
TAIL_SECONDS=${TAIL_SECONDS:-8}
RECOVERY_LIMIT=${RECOVERY_LIMIT:-30}
PG_PORT_A=${PG_PORT_A:-55432}
PG_PORT_B=${PG_PORT_B:-55433}
PORT=${PORT:-18400}
PORT_1=${PORT_1:-18410}
PORT_2=${PORT_2:-18411}
DB=${DB:-szmark_failover}
BASE_URL=http://localhost:$PORT   # both instances serve one log, whose origin is the balancer's
# shellcheck source=bench/lib.sh
. bench/lib.sh
# shellcheck source=bench/pg-cluster.sh
. bench/pg-cluster.sh
command -v haproxy >/dev/null || { apt-get update -qq && apt-get install -y -qq haproxy >/dev/null; } \
  || fail "haproxy is needed (apt-get install haproxy)"
[ "$(id -u)" = 0 ] || fail "run as root: the PostgreSQL clusters run as $PG_USER"

ANSWERS=$WORK/answers   # one line a request: <epoch ms> <R|W> <HTTP status> <classification>
CLIENT_PIDS=()
HAPROXY_PID=
EXIT_HOOKS+=('touch "$WORK/stop"; for p in "${CLIENT_PIDS[@]}"; do kill "$p" 2>/dev/null; done'
  '[ -z "$HAPROXY_PID" ] || kill "$HAPROXY_PID" 2>/dev/null')

now() { date +%s%3N; }

echo "== PostgreSQL: primary on $PG_PORT_A, synchronous standby on $PG_PORT_B ($PG_BIN)"
pg_init "$PG_PORT_A"
pg_start "$PG_PORT_A"
pg_standby_of "$PG_PORT_A" "$PG_PORT_B"
pg_make_synchronous "$PG_PORT_A" "$PG_PORT_B"
pg_sql "$PG_PORT_A" postgres "CREATE DATABASE $DB" >/dev/null
PRIMARY=$PG_PORT_A STANDBY=$PG_PORT_B

echo "== registry instances on $PORT_1 and $PORT_2, HAProxy on $PORT"
URL="jdbc:postgresql://127.0.0.1:$PG_PORT_A,127.0.0.1:$PG_PORT_B/$DB?targetServerType=primary"
start_registry "$PORT_1" $((PORT_1 + 10)) "$URL"
sleep 5   # the first instance migrates the schema; the second then finds it done
start_registry "$PORT_2" $((PORT_2 + 10)) "$URL"
HEALTH_1=$(health_port "$PORT_1" $((PORT_1 + 10)))
HEALTH_2=$(health_port "$PORT_2" $((PORT_2 + 10)))
# Requests go to instances whose readiness is up; while neither is, to both unchecked, so that clients see
# the registry's own 503 problem (deploy/compose/haproxy.cfg does the same).
cat >"$WORK/haproxy.cfg" <<CFG
global
  maxconn 500
defaults
  mode http
  timeout connect 2s
  timeout client 30s
  timeout server 30s
  retries 2
  option redispatch
frontend public
  bind 127.0.0.1:$PORT
  default_backend registry
backend registry
  balance roundrobin
  option httpchk GET /q/health/ready
  http-check expect status 200
  default-server inter 1s fall 2 rise 1
  server r1 127.0.0.1:$PORT_1 check port $HEALTH_1
  server r2 127.0.0.1:$PORT_2 check port $HEALTH_2
  option allbackups
  server r1-unchecked 127.0.0.1:$PORT_1 backup
  server r2-unchecked 127.0.0.1:$PORT_2 backup
CFG
haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
for _ in $(seq 1 20); do curl -sf "http://localhost:$PORT/q/health/live" >/dev/null 2>&1 && break
  curl -sf -o /dev/null "http://localhost:$PORT/" && break; sleep 0.5; done
setup_fixture "$PORT"
issue_labels "$PORT"

RESULTS=$WORK/results   # one line a failover: round, ms from the kill to the first write accepted, answers, 503s, acknowledged so far, log size, ms to promote
for round in $(seq 1 "$FAILOVERS"); do
  echo "== failover $round of $FAILOVERS: primary $PRIMARY, standby $STANDBY"
  rm -f "$WORK/stop" "$ANSWERS"
  CLIENT_PIDS=()
  for r in $(seq 1 "$READERS"); do reader "$r" & CLIENT_PIDS+=($!); done
  for w in $(seq 1 "$WRITERS"); do certificate_client "$WORK/changes-$round-$w" & CLIENT_PIDS+=($!); done
  for b in $(seq 1 "$BATCH_CLIENTS"); do batch_client "$WORK/changes-$round-batch-$b" & CLIENT_PIDS+=($!); done
  sleep "$LEAD_SECONDS"
  KILLED_AT=$(now)
  pg_kill9 "$PRIMARY"
  as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir "$STANDBY")" -w -t 60 promote >/dev/null || fail "pg_ctl promote failed"
  PROMOTED_AT=$(now)
  echo "primary on $PRIMARY killed; standby on $STANDBY promoted after $((PROMOTED_AT - KILLED_AT)) ms"
  FIRST_OK=
  for _ in $(seq 1 $((RECOVERY_LIMIT * 10))); do
    # Answered after the promotion: a write answered between the kill and the promotion was committed before the kill.
    FIRST_OK=$(awk -v p="$PROMOTED_AT" '$2 == "W" && $4 == "ok" && $1 > p { print $1; exit }' "$ANSWERS")
    [ -n "$FIRST_OK" ] && break
    sleep 0.1
  done
  [ -n "$FIRST_OK" ] || fail "no write was accepted within $RECOVERY_LIMIT s of the promotion"
  sleep "$TAIL_SECONDS"
  touch "$WORK/stop"
  for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" || true; done
  CLIENT_PIDS=()
  read -r TOTAL OK UNAVAILABLE BAD < <(awk '{ n++; if ($4 == "ok") ok++; else if ($4 == "unavailable") un++; else bad++ }
    END { print n + 0, ok + 0, un + 0, bad + 0 }' "$ANSWERS")
  echo "requests $TOTAL: $OK answered 2xx, $UNAVAILABLE a clean 503; first write accepted $((FIRST_OK - KILLED_AT)) ms after the kill ($((FIRST_OK - PROMOTED_AT)) ms after the promotion)"
  [ "$BAD" -eq 0 ] || fail "$BAD answers were neither 2xx nor a clean 503 problem: $(awk '$4 != "ok" && $4 != "unavailable" \
    { print $2, $3, $4 }' "$ANSWERS" | sort | uniq -c | tr '\n' ' ')"
  PRIMARY_NOW=$STANDBY STANDBY=$PRIMARY PRIMARY=$PRIMARY_NOW
  echo "-- on the new primary ($PRIMARY)"
  PGPORT=$PRIMARY check_log "$DB"
  PGPORT=$PRIMARY check_records "$DB" "$WORK"/changes-*
  echo "$ACKED acknowledged changes, all rounds so far, stored as acknowledged"
  run_audit "$PORT"
  echo "$round $((FIRST_OK - KILLED_AT)) $TOTAL $UNAVAILABLE $ACKED $LOG_SIZE $((PROMOTED_AT - KILLED_AT))" >>"$RESULTS"
  echo "-- the old primary rebuilt as the synchronous standby on $STANDBY"
  pg_standby_of "$PRIMARY" "$STANDBY"
  pg_make_synchronous "$PRIMARY" "$STANDBY"
done

echo "== results"
awk '{ n++; s += $2; if ($2 > max) max = $2; if (min == "" || $2 < min) min = $2; a += $3; u += $4 }
  END { printf "%d failovers: first write accepted %d-%d ms after the kill (mean %d); %d requests, %d clean 503s\n", n, min, max, s / n, a, u }' "$RESULTS"
echo "OK: $FAILOVERS failovers under load, $ACKED acknowledged changes all on the final primary, log of $LOG_SIZE entries gapless, auditor passed after each"
