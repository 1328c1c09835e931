#!/usr/bin/env bash
# Crash test: the registry is killed with SIGKILL again and again while clients issue certificates (singly and in
# batches) and change their status. After each restart, every change a client got a 2xx for must be there as acknowledged: in the
# database (event and log index), in the verification verdict of its QR token and the certificate view, with an
# offline proof whose checkpoint covers it; the log must have no gap (status_event.log_index 0 .. n-1 exactly
# once, log_entry the same, n = log_state.tree_size), no certificate may be half-written, and the auditor must
# pass (docs/faults.md).
#
# Build the production jar first (the database kind is fixed at build time):
#   mvn -B package -DskipTests -Dquarkus.profile=production
# then run:
#   bench/crash.sh
#
# Settings (environment): KILLS (20), CLIENTS (4, concurrent clients), BATCH_CLIENTS (1, clients issuing batches
# of BATCH_SIZE, 5), RUN_SECONDS (8, load before each kill),
# PORT (8182), DB (szmark_crash, dropped and created afresh), and those of bench/lib.sh (PGHOST, PGPORT, PGUSER,
# PGPASSWORD, JAR). It stops the instance and the clients it started when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

KILLS=${KILLS:-20}
CLIENTS=${CLIENTS:-4}
BATCH_CLIENTS=${BATCH_CLIENTS:-1}
RUN_SECONDS=${RUN_SECONDS:-8}
PORT=${PORT:-8182}
DB=${DB:-szmark_crash}
. bench/lib.sh
CLIENT_PIDS=()
EXIT_HOOKS+=('touch "$WORK/stop"; for p in "${CLIENT_PIDS[@]}"; do kill "$p" 2>/dev/null; done')

echo "== scratch database $DB, instance on $PORT"
scratch_db "$DB"
start_instance "$PORT"
setup_fixture "$PORT"

CHECKS=0
PROBLEMS=0
problem() { PROBLEMS=$((PROBLEMS + 1)); echo "PROBLEM: $*" | tee -a "$WORK/problems" >&2; }

check_round() { # round: what the API shows of each certificate the round's clients touched
  local number token acked pending verdict status allowed expected proof highest size
  # Per certificate: its token, the status of its last acknowledged change, and that of a later unanswered one.
  while read -r number token acked pending; do
    allowed=" $acked ${pending/-/} "
    expected=$acked
    [ "$pending" = - ] || expected="$acked or $pending (an unanswered change may have been committed)"
    verdict=$(curl -sf "http://localhost:$PORT/api/v1/verify/$token" | json_field verdict) || true
    CHECKS=$((CHECKS + 1))
    [[ $allowed == *" $verdict "* ]] || problem "$number: verification says '$verdict', expected $expected"
    status=$(curl -sf "http://localhost:$PORT/api/v1/certificates/$number" | json_field status) || true
    CHECKS=$((CHECKS + 1))
    [[ $allowed == *" $status "* ]] || problem "$number: certificate status '$status', expected $expected"
    CHECKS=$((CHECKS + 1))
    proof=$(curl -sf "http://localhost:$PORT/api/v1/certificates/$number/proof") || true
    [ "${proof%%$'\n'*}" = c2sp.org/tlog-proof@v1 ] || problem "$number: no offline proof"
  done < <(cat "$WORK"/changes-"$1"-* 2>/dev/null | awk '
    $1 == "A" { if (!($2 in token)) order[++n] = $2; token[$2] = $6; status[$2] = $4; pending[$2] = "-" }
    $1 == "U" && ($2 in token) { pending[$2] = $4 }
    END { for (i = 1; i <= n; i++) print order[i], token[order[i]], status[order[i]], pending[order[i]] }')
  # The latest checkpoint covers every acknowledged change (the proofs above sign one if it lagged).
  highest=$(cat "$WORK"/changes-* 2>/dev/null | awk '$1 == "A" && $5 > m { m = $5 } END { print m + 0 }')
  size=$(curl -sf "http://localhost:$PORT/log/checkpoint" | sed -n 2p) || true
  CHECKS=$((CHECKS + 1))
  [ "${size:-0}" -gt "$highest" ] || problem "latest checkpoint size '$size' does not cover log index $highest"
}

RESTARTS=()
for round in $(seq 1 "$KILLS"); do
  rm -f "$WORK/stop"
  CLIENT_PIDS=()
  for c in $(seq 1 "$CLIENTS"); do certificate_client "$WORK/changes-$round-$c" & CLIENT_PIDS+=($!); done
  for c in $(seq 1 "$BATCH_CLIENTS"); do batch_client "$WORK/changes-$round-batch$c" & CLIENT_PIDS+=($!); done
  sleep "$RUN_SECONDS.$((RANDOM % 10))"
  kill_instance "$PORT" KILL
  touch "$WORK/stop"
  for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" || true; done
  started=$(date +%s.%N)
  start_instance "$PORT"
  RESTARTS+=("$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')")
  acked=$(cat "$WORK"/changes-"$round"-* 2>/dev/null | grep -c '^A' || true)
  unanswered=$(cat "$WORK"/changes-"$round"-* 2>/dev/null | grep -c '^U' || true)
  echo "== kill $round/$KILLS: $acked changes acknowledged, $unanswered unanswered; restarted in ${RESTARTS[-1]} s"
  check_log "$DB"
  check_records "$DB" "$WORK"/changes-*
  CHECKS=$((CHECKS + 4 + ACKED))
  check_round "$round"
  run_audit "$PORT"
  CHECKS=$((CHECKS + 1))
done

# Answers other than a 2xx or no answer at all (the instance was being killed) are problems: a 4xx or 5xx here
# means a request that should have worked did not.
BAD_ANSWERS=$(cat "$WORK"/changes-* | awk '$1 == "U" && $7 != "000"' | wc -l)
[ "$BAD_ANSWERS" -eq 0 ] || problem "$BAD_ANSWERS requests got an answer other than 2xx: $(cat "$WORK"/changes-* \
  | awk '$1 == "U" && $7 != "000" { print $7 }' | sort | uniq -c | tr '\n' ' ')"
TOTAL_ACKED=$(cat "$WORK"/changes-* | grep -c '^A' || true)
TOTAL_UNANSWERED=$(cat "$WORK"/changes-* | grep -c '^U' || true)
CERTS=$(cat "$WORK"/changes-* | awk '$1 == "A" && $3 == "ISSUED"' | wc -l)
echo "kills $KILLS, changes acknowledged $TOTAL_ACKED (certificates issued $CERTS), unanswered $TOTAL_UNANSWERED,"
echo "log size $LOG_SIZE, checks $CHECKS, problems $PROBLEMS, restart seconds: ${RESTARTS[*]}"
[ "$PROBLEMS" -eq 0 ] || fail "$PROBLEMS problems, listed in $WORK/problems"
echo "OK: $KILLS kills, every one of $TOTAL_ACKED acknowledged changes present, verifiable and logged; log gapless; audits passed"
