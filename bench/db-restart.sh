#!/usr/bin/env bash
# Database restart under load: while clients verify labels and issue and change certificates, PostgreSQL is
# stopped (fast shutdown), kept down for a few seconds and started again. Every answer must be a 2xx or a clean
# 503 (RFC 9457 problem "database-unavailable" with Retry-After, no class names or stack traces), readiness must
# report down while the database is down, the registry must recover by itself, and nothing may be half-written:
# every acknowledged change stored, the log gapless, no certificate without its ISSUED event, the auditor passes
# (docs/faults.md).
#
# It restarts the PostgreSQL cluster itself (as root: pg_ctlcluster --skip-systemctl-redirect), so every other
# user of that server sees the outage too. Build the production jar first:
#   mvn -B package -DskipTests -Dquarkus.profile=production
# then run:
#   bench/db-restart.sh
#
# Settings (environment): READERS (3, clients verifying labels), WRITERS (3, clients issuing and changing
# certificates), LEAD_SECONDS (6, load before the stop), DOWN_SECONDS (5, how long PostgreSQL stays down),
# TAIL_SECONDS (12, load after the start), RECOVERY_LIMIT (20, seconds after the start by which every answer
# must be a 2xx again), PG_VERSION (the newest in /etc/postgresql), PG_CLUSTER (main), PORT (8183),
# DB (szmark_restart, dropped and created afresh), and those of bench/lib.sh (PGHOST, PGPORT, PGUSER,
# PGPASSWORD, JAR). It starts PostgreSQL again and stops what it started when it ends, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

READERS=${READERS:-3}
WRITERS=${WRITERS:-3}
LEAD_SECONDS=${LEAD_SECONDS:-6}
DOWN_SECONDS=${DOWN_SECONDS:-5}
TAIL_SECONDS=${TAIL_SECONDS:-12}
RECOVERY_LIMIT=${RECOVERY_LIMIT:-20}
PG_VERSION=${PG_VERSION:-$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)}
PG_CLUSTER=${PG_CLUSTER:-main}
PORT=${PORT:-8183}
DB=${DB:-szmark_restart}
. bench/lib.sh
command -v pg_ctlcluster >/dev/null && [ -n "$PG_VERSION" ] \
  || fail "pg_ctlcluster and a cluster under /etc/postgresql are needed to restart PostgreSQL"
pg_cluster() { pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" "$@"; }
pg_up() { pg_isready -h "$PGHOST" -p "$PGPORT" -q; }
ANSWERS="$WORK/answers"     # one line a request: <epoch ms> <R|W|H> <HTTP status> <classification>
CLIENT_PIDS=()
PG_STOPPED=0
EXIT_HOOKS+=('touch "$WORK/stop"; for p in "${CLIENT_PIDS[@]}"; do kill "$p" 2>/dev/null; done'
  '[ "$PG_STOPPED" = 0 ] || { echo "starting PostgreSQL again"; pg_cluster start; }')

echo "== scratch database $DB, instance on $PORT"
scratch_db "$DB"
start_instance "$PORT"
setup_fixture "$PORT"
echo "== labels to verify"
issue_labels "$PORT"

readiness() { # polls readiness every half second until $WORK/stop exists
  local code
  while [ ! -e "$WORK/stop" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://localhost:$(management_port "$PORT")/q/health/ready") || true
    echo "$(date +%s%3N) H ${code:-000} -" >>"$ANSWERS"
    sleep 0.5
  done
}

echo "== $READERS readers, $WRITERS writers; PostgreSQL $PG_VERSION/$PG_CLUSTER stops after $LEAD_SECONDS s for $DOWN_SECONDS s"
for r in $(seq 1 "$READERS"); do reader "$r" & CLIENT_PIDS+=($!); done
for w in $(seq 1 "$WRITERS"); do certificate_client "$WORK/changes-$w" & CLIENT_PIDS+=($!); done
readiness & CLIENT_PIDS+=($!)
sleep "$LEAD_SECONDS"
STOPPING_AT=$(date +%s%3N)
PG_STOPPED=1
pg_cluster stop -m fast
# From half a second after the stop returned (answers are timed when the client has them) until the start.
STOPPED_AT=$(( $(date +%s%3N) + 500 ))
sleep "$DOWN_SECONDS"
STARTING_AT=$(date +%s%3N)
pg_cluster start
for _ in $(seq 1 60); do pg_up && break; sleep 0.5; done
pg_up || fail "PostgreSQL did not come back"
PG_STOPPED=0
STARTED_AT=$(date +%s%3N)
OUTAGE_MS=$((STARTED_AT - STOPPING_AT))
echo "PostgreSQL out of service for $OUTAGE_MS ms (stop $((STOPPED_AT - STOPPING_AT)) ms, down $((STARTING_AT - STOPPED_AT)) ms, start $((STARTED_AT - STARTING_AT)) ms)"
sleep "$TAIL_SECONDS"
touch "$WORK/stop"
for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" || true; done
CLIENT_PIDS=()

echo "== answers"
read -r TOTAL OK UNAVAILABLE BAD OUTAGE_OK < <(awk -v s="$STOPPED_AT" -v u="$STARTING_AT" '$2 != "H" {
    n++; if ($4 == "ok") { ok++; if ($1 > s && $1 < u) during++ } else if ($4 == "unavailable") un++; else bad++ }
  END { print n + 0, ok + 0, un + 0, bad + 0, during + 0 }' "$ANSWERS")
read -r READS WRITES < <(awk '$2 == "R" { r++ } $2 == "W" { w++ } END { print r + 0, w + 0 }' "$ANSWERS")
# Recovery: from the database being back to the last answer that was not a 2xx (0 if none came after it).
LAST_FAILURE=$(awk '$2 != "H" && $4 != "ok" && $1 > m { m = $1 } END { print m + 0 }' "$ANSWERS")
RECOVERY_MS=$(( LAST_FAILURE > STARTED_AT ? LAST_FAILURE - STARTED_AT : 0 ))
FIRST_WRITE_MS=$(awk -v u="$STARTED_AT" '$2 == "W" && $4 == "ok" && $1 > u { print $1 - u; exit }' "$ANSWERS")
READY_DOWN=$(awk -v s="$STOPPED_AT" -v u="$STARTING_AT" '$2 == "H" && $1 > s && $1 < u && $3 == 503' "$ANSWERS" | wc -l)
READY_UP_MS=$(awk -v u="$STARTED_AT" '$2 == "H" && $1 > u && $3 == 200 { print $1 - u; exit }' "$ANSWERS")
echo "requests $TOTAL ($READS verifications, $WRITES writes): $OK answered 2xx, $UNAVAILABLE answered 503, $BAD other"
echo "2xx while the database was certainly down: $OUTAGE_OK; readiness down $READY_DOWN times during the outage, up again after ${READY_UP_MS:-never} ms"
echo "recovered ${RECOVERY_MS} ms after PostgreSQL was back (last non-2xx answer); first write accepted after ${FIRST_WRITE_MS:-never} ms"
[ "$BAD" -eq 0 ] || fail "$BAD answers were neither 2xx nor a clean 503 problem: $(awk '$2 != "H" && $4 != "ok" && $4 != "unavailable" \
  { print $2, $4 }' "$ANSWERS" | sort | uniq -c | tr '\n' ' ')"
[ "$OUTAGE_OK" -eq 0 ] || fail "$OUTAGE_OK requests were answered 2xx while the database was down"
[ "$UNAVAILABLE" -gt 0 ] || fail "no request was answered 503 while PostgreSQL was down"
[ "$READY_DOWN" -gt 0 ] || fail "readiness never reported down while PostgreSQL was down"
[ -n "$READY_UP_MS" ] || fail "readiness did not report up again"
[ -n "$FIRST_WRITE_MS" ] || fail "no write succeeded after PostgreSQL was back"
[ "$RECOVERY_MS" -le $((RECOVERY_LIMIT * 1000)) ] || fail "requests still failed ${RECOVERY_MS} ms after PostgreSQL was back"

echo "== nothing half-written"
check_log "$DB"
check_records "$DB" "$WORK"/changes-*
echo "$ACKED acknowledged changes stored as acknowledged"
run_audit "$PORT"
echo "OK: $TOTAL requests across a $OUTAGE_MS ms database outage, $UNAVAILABLE clean 503s, recovery ${RECOVERY_MS} ms, nothing lost or half-written"
