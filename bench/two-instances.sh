#!/usr/bin/env bash
# Two registry instances on one PostgreSQL database, written to at the same time, must still keep one log:
# indexes 0 .. n-1 exactly once, and checkpoints that the auditor finds consistent (docs/log.md).
#
# Build the production jar first (the database kind is fixed at build time):
#   mvn -B package -DskipTests -Dquarkus.profile=production
# then run:
#   bench/two-instances.sh
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, DB (szmark_two,
# dropped and created afresh), JAR (target/quarkus-app/quarkus-run.jar), WORKERS (8), ROUNDS (10).
# Ports 8080 and 8081 must be free. It stops the two instances it started when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
DB=${DB:-szmark_two}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
WORKERS=${WORKERS:-8}
ROUNDS=${ROUNDS:-10}
TOKEN=szmk_two-instances-bench-token-0123456789abcdefghij
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "instance logs and keys kept in $WORK"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in curl psql java awk; do command -v "$tool" >/dev/null || fail "$tool is needed"; done
[ -f "$JAR" ] || fail "$JAR not found; build it with: mvn -B package -DskipTests -Dquarkus.profile=production"

echo "== scratch database $DB"
psql -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null

start() { # port
  # Both share the keys directory (authority, master and log key) and the public base URL, hence the origin.
  QUARKUS_PROFILE=production QUARKUS_HTTP_PORT=$1 \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  SZMARK_KEYS_DIR="$WORK/keys" SZMARK_BOOTSTRAP_TOKEN=$TOKEN SZMARK_PUBLIC_BASE_URL=http://localhost:8080 \
    java -jar "$JAR" >"$WORK/instance-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$1/q/health/ready" >/dev/null && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || fail "instance on port $1 exited; see $WORK/instance-$1.log"
    sleep 1
  done
  fail "instance on port $1 did not become ready; see $WORK/instance-$1.log"
}

echo "== starting instance A on 8080, then B on 8081 (B must find A's keys, not make its own)"
start 8080
start 8081

api() { # method port path token body -> prints the response body; fails on a non-2xx status
  curl -sS -f -X "$1" "http://localhost:$2$3" -H "Authorization: Bearer $4" -H 'Content-Type: application/json' \
    --data-binary "$5"
}
json_field() { # name: the value of the first string member of that name in stdin (the top-level one comes first)
  grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed "s/^\"$1\":\"\(.*\)\"$/\1/"
}
credit_code() { # 17 characters -> with the GB 32100-2015 check character
  echo "$1" | awk '{
    a = "0123456789ABCDEFGHJKLMNPQRTUWXY"; split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ");
    s = 0; for (i = 1; i <= 17; i++) s += (index(a, substr($0, i, 1)) - 1) * w[i];
    c = 31 - s % 31; if (c == 31) c = 0; print $0 substr(a, c + 1, 1) }'
}

echo "== a body, its certifier, a holder with a product, an eligible standard"
api POST 8080 /api/v1/bodies $TOKEN \
  '{"code":"TWOINST","nameZh":"双实例测试机构","nameEn":"Two-instance bench body","approvalNumber":"CNCA-R-2020-0099"}' >/dev/null
CERTIFIER=$(api POST 8081 /api/v1/bodies/TWOINST/accounts $TOKEN '{"name":"bench certifier"}' | json_field token)
HOLDER=$(credit_code 91440300BENCH0001)
api POST 8080 /api/v1/enterprises $TOKEN "{\"creditCode\":\"$HOLDER\",\"nameZh\":\"深圳双实例测试企业\",\"nameEn\":\"Bench Co\"}" >/dev/null
api POST 8081 "/api/v1/enterprises/$HOLDER/products" $TOKEN '{"nameZh":"测试产品","nameEn":"Bench product","model":"B-1"}' >/dev/null
STANDARD='T/ZTBENCH 001-2020'
api POST 8080 /api/v1/standards $TOKEN "{\"number\":\"$STANDARD\",\"titleZh\":\"测试标准\",\"issuingOrganisation\":\"测试协会\",
  \"selfDeclaration\":{\"declaredOn\":\"2020-01-02\",\"disclosedAt\":\"https://example.org/d/1\"},
  \"evaluation\":{\"catalogueItem\":\"测试目录项\",\"passedOn\":\"2020-06-01\"}}" >/dev/null
ISSUE="{\"holder\":\"$HOLDER\",\"productModel\":\"B-1\",\"standard\":\"$STANDARD\",\"scope\":\"测试范围\",
  \"certificationMode\":\"型式试验\",\"productionSite\":{\"address\":\"深圳市南山区 1 号\"}}"

echo "== $WORKERS workers x $ROUNDS rounds, each: issue, suspend, reinstate, alternating between the instances"
worker() { # n
  local errors=0 a b number
  for r in $(seq 1 "$ROUNDS"); do
    if (( (r + $1) % 2 )); then a=8080; b=8081; else a=8081; b=8080; fi
    number=$(api POST $a /api/v1/certificates "$CERTIFIER" "$ISSUE" | json_field number) || { errors=$((errors + 1)); continue; }
    api POST $b "/api/v1/certificates/$number/suspend" "$CERTIFIER" '{"reasonCode":"HOLDER_REQUEST"}' >/dev/null || errors=$((errors + 1))
    api POST $a "/api/v1/certificates/$number/reinstate" "$CERTIFIER" '{"reasonCode":"SUSPENSION_REQUEST_ENDED"}' >/dev/null || errors=$((errors + 1))
  done
  echo "$errors" >"$WORK/worker-$1.errors"
}
WPIDS=()
for w in $(seq 1 "$WORKERS"); do worker "$w" & WPIDS+=($!); done
for pid in "${WPIDS[@]}"; do wait "$pid"; done
ERRORS=$(cat "$WORK"/worker-*.errors | awk '{s += $1} END {print s}')
[ "$ERRORS" = 0 ] || fail "$ERRORS requests failed"

echo "== the database: every event logged, indexes 0 .. n-1 exactly once"
read -r EVENTS LOGGED DISTINCT LOWEST HIGHEST < <(psql -d "$DB" -Atc \
  "SELECT count(*), count(log_index), count(DISTINCT log_index), coalesce(min(log_index), -1), coalesce(max(log_index), -1)
   FROM status_event" | tr '|' ' ')
read -r ENTRIES FIRST LAST < <(psql -d "$DB" -Atc "SELECT count(*), min(idx), max(idx) FROM log_entry" | tr '|' ' ')
SIZE=$(psql -d "$DB" -Atc "SELECT tree_size FROM log_state")
echo "events $EVENTS, logged $LOGGED, distinct indexes $DISTINCT ($LOWEST..$HIGHEST); entries $ENTRIES ($FIRST..$LAST); tree size $SIZE"
EXPECTED=$((WORKERS * ROUNDS * 3))
[ "$EVENTS" -eq "$EXPECTED" ] || fail "expected $EXPECTED events"
[ "$LOGGED" -eq "$EVENTS" ] && [ "$DISTINCT" -eq "$EVENTS" ] || fail "an event has no index, or two share one"
[ "$LOWEST" -eq 0 ] && [ "$HIGHEST" -eq $((EVENTS - 1)) ] || fail "event indexes are not 0 .. n-1"
[ "$ENTRIES" -eq "$SIZE" ] && [ "$FIRST" -eq 0 ] && [ "$LAST" -eq $((SIZE - 1)) ] && [ "$SIZE" -eq "$EVENTS" ] \
  || fail "log entries are not exactly 0 .. n-1"

echo "== both instances serve one log"
KEY=$(curl -sf http://localhost:8080/log/key)
[ "$KEY" = "$(curl -sf http://localhost:8081/log/key)" ] || fail "the instances serve different log keys"
sleep 3   # one checkpoint interval and then some
for port in 8080 8081; do
  echo "-- audit through $port"
  java -jar "$JAR" audit --key "$KEY" "http://localhost:$port" || fail "audit through port $port"
done
echo "OK: $EVENTS changes through two instances, one gapless log of $SIZE entries, audited through both"
