#!/usr/bin/env bash
# Two registry instances on one PostgreSQL database, written to at the same time, must still keep one log:
# indexes 0 .. n-1 exactly once, and checkpoints that the auditor finds consistent (docs/log.md). And neither
# may serve stale state: a revocation acknowledged through one instance must show in the other instance's very
# next verification of the label, and of two revocations of one certificate racing through both instances
# exactly one must succeed (docs/faults.md).
#
# Build the production jar first (the database kind is fixed at build time):
#   mvn -B package -DskipTests -Dquarkus.profile=production
# then run:
#   bench/two-instances.sh
#
# Settings (environment): WORKERS (8), ROUNDS (10, issue-suspend-reinstate rounds per worker), REVOCATIONS (100,
# in all; every fourth one races both instances), PORT_A (8180), PORT_B (8181), DB (szmark_two, dropped and
# created afresh), and those of bench/lib.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD, JAR). It stops the two
# instances it started when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

WORKERS=${WORKERS:-8}
ROUNDS=${ROUNDS:-10}
REVOCATIONS=${REVOCATIONS:-100}
PORT_A=${PORT_A:-8180}
PORT_B=${PORT_B:-8181}
DB=${DB:-szmark_two}
. bench/lib.sh
BASE_URL=http://localhost:$PORT_A   # one public base URL, hence one log origin, for both

echo "== scratch database $DB"
scratch_db "$DB"
echo "== starting instance A on $PORT_A, then B on $PORT_B (B must find A's keys, not make its own)"
start_instance "$PORT_A"
start_instance "$PORT_B"
echo "== a body, its certifier, a holder with a product, an eligible standard"
setup_fixture "$PORT_A"

post() { # port path body -> prints the HTTP status
  curl -sS -o /dev/null -w '%{http_code}' -X POST "http://localhost:$1$2" -H "Authorization: Bearer $CERTIFIER" \
    -H 'Content-Type: application/json' --data-binary "$3" || true
}
verdict() { # port token -> the verification verdict
  curl -sS -f "http://localhost:$1/api/v1/verify/$2" | json_field verdict || true
}

echo "== $WORKERS workers: $ROUNDS rounds each of issue, suspend, reinstate, alternating between the instances;"
echo "   then $REVOCATIONS revocations in all, each checked at once through the other instance"
worker() { # n
  local errors=0 stale=0 checked=0 races=0 a b number issued token r seen codes
  for r in $(seq 1 "$ROUNDS"); do
    if (( (r + $1) % 2 )); then a=$PORT_A; b=$PORT_B; else a=$PORT_B; b=$PORT_A; fi
    number=$(api POST $a /api/v1/certificates "$CERTIFIER" "$ISSUE" | json_field number) || { errors=$((errors + 1)); continue; }
    api POST $b "/api/v1/certificates/$number/suspend" "$CERTIFIER" '{"reasonCode":"HOLDER_REQUEST"}' >/dev/null || errors=$((errors + 1))
    api POST $a "/api/v1/certificates/$number/reinstate" "$CERTIFIER" '{"reasonCode":"SUSPENSION_REQUEST_ENDED"}' >/dev/null || errors=$((errors + 1))
  done
  for r in $(seq "$1" "$WORKERS" "$REVOCATIONS"); do
    if (( r % 2 )); then a=$PORT_A; b=$PORT_B; else a=$PORT_B; b=$PORT_A; fi
    issued=$(api POST $a /api/v1/certificates "$CERTIFIER" "$ISSUE") || { errors=$((errors + 1)); continue; }
    number=$(json_field number <<<"$issued")
    token=$(json_field qrUrl <<<"$issued"); token=${token##*/}
    # The other instance sees the new certificate as valid first, so a stale answer later is not a first read.
    [ "$(verdict $b "$token")" = VALID ] || { stale=$((stale + 1)); echo "$number: $b does not show VALID after issuance" >&2; }
    if (( r % 4 )); then
      [ "$(post $a "/api/v1/certificates/$number/revoke" '{"reasonCode":"FRAUD"}')" = 200 ] || { errors=$((errors + 1)); continue; }
    else
      # Both instances revoke at once: one wins, the other finds a final status (409).
      post $a "/api/v1/certificates/$number/revoke" '{"reasonCode":"FRAUD"}' >"$WORK/race-$1-a" &
      post $b "/api/v1/certificates/$number/revoke" '{"reasonCode":"SERIOUS_DEFECT"}' >"$WORK/race-$1-b"
      wait $!
      codes="$(cat "$WORK/race-$1-a") $(cat "$WORK/race-$1-b")"
      races=$((races + 1))
      [ "$codes" = "200 409" ] || [ "$codes" = "409 200" ] || { errors=$((errors + 1)); echo "$number: racing revocations answered $codes" >&2; }
    fi
    seen=$(verdict $b "$token")
    checked=$((checked + 1))
    [ "$seen" = REVOKED ] || { stale=$((stale + 1)); echo "$number: revoked through $a, but $b says '$seen'" >&2; }
  done
  echo "$errors $stale $checked $races" >"$WORK/worker-$1.counts"
}
WPIDS=()
for w in $(seq 1 "$WORKERS"); do worker "$w" & WPIDS+=($!); done
for pid in "${WPIDS[@]}"; do wait "$pid"; done
read -r ERRORS STALE CHECKED RACES < <(cat "$WORK"/worker-*.counts | awk '{ e += $1; s += $2; c += $3; r += $4 } END { print e, s, c, r }')
echo "revocations checked through the other instance: $CHECKED ($RACES raced through both), stale answers: $STALE"
[ "$ERRORS" = 0 ] || fail "$ERRORS requests failed"
[ "$STALE" = 0 ] || fail "$STALE verifications showed stale state"
[ "$CHECKED" = "$REVOCATIONS" ] || fail "only $CHECKED of $REVOCATIONS revocations were checked"

echo "== the database: every event logged, indexes 0 .. n-1 exactly once"
check_log "$DB"
EXPECTED=$((WORKERS * ROUNDS * 3 + REVOCATIONS * 2))
[ "$LOG_EVENTS" -eq "$EXPECTED" ] || fail "expected $EXPECTED events"

echo "== both instances serve one log"
[ "$(curl -sf "http://localhost:$PORT_A/log/key")" = "$(curl -sf "http://localhost:$PORT_B/log/key")" ] \
  || fail "the instances serve different log keys"
sleep 3   # one checkpoint interval and then some
for port in "$PORT_A" "$PORT_B"; do
  echo "-- audit through $port"
  run_audit "$port"
done
echo "OK: $LOG_EVENTS changes through two instances, $CHECKED revocations seen at once by the other instance," \
  "one gapless log of $LOG_SIZE entries, audited through both"
