# Shared by the fault and load scripts in bench/ (sourced, never run): scratch databases, starting and
# stopping registry instances, API calls, a certification fixture, and the log and consistency checks.
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD,
# JAR (target/quarkus-app/quarkus-run.jar, built with -Dquarkus.profile=production).
# A script sets DB (or JDBC_URL and PROFILE, for an embedded jar on H2) before start_instance, and may set WORK (default a fresh temporary directory). Everything it starts is stopped on exit; logs stay in $WORK.
# An instance on port P serves health on its management interface at P + 1000 (management_port), as the
# production profile moves health and metrics off the main port (deploy/README.md).

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
export PGHOST PGPORT PGUSER
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
TOKEN=szmk_bench-authority-token-0123456789abcdefghij
WORK=${WORK:-$(mktemp -d)}
declare -A INSTANCE_PIDS=()   # port -> pid of the instance listening there
EXIT_HOOKS=()                 # commands a script adds, run before the instances are stopped

bench_cleanup() {
  local hook pid
  for hook in "${EXIT_HOOKS[@]}"; do eval "$hook" || true; done
  for pid in "${INSTANCE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${INSTANCE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "instance logs and keys kept in $WORK"
}
trap bench_cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in curl psql java awk; do command -v "$tool" >/dev/null || fail "$tool is needed"; done
[ -f "$JAR" ] || fail "$JAR not found; build it with: mvn -B package -DskipTests -Dquarkus.profile=production"

scratch_db() { # name: dropped and created afresh
  PGOPTIONS="-c client_min_messages=warning" psql -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null \
    || fail "cannot create database $1 on $PGHOST:$PGPORT as $PGUSER"
}

management_port() { # port -> the management interface's port of the instance on that port (health, metrics)
  echo $(( $1 + 1000 ))
}

start_instance() { # port: starts an instance on $DB and waits until it is ready
  # Every instance shares the keys directory (authority, master and log key) and the public base URL, hence
  # the log origin, so instances and restarts all serve one log. The production profile serves health on the
  # management interface, which needs a port of its own per instance on one machine.
  QUARKUS_PROFILE=${PROFILE:-production} QUARKUS_HTTP_PORT=$1 QUARKUS_MANAGEMENT_PORT="$(management_port "$1")" \
  QUARKUS_DATASOURCE_JDBC_URL="${JDBC_URL:-jdbc:postgresql://$PGHOST:$PGPORT/$DB}" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  SZMARK_KEYS_DIR="$WORK/keys" SZMARK_BOOTSTRAP_TOKEN=$TOKEN SZMARK_PUBLIC_BASE_URL=${BASE_URL:-http://localhost:$1} \
    java -jar "$JAR" >>"$WORK/instance-$1.log" 2>&1 &
  INSTANCE_PIDS[$1]=$!
  local _
  for _ in $(seq 1 240); do
    # An embedded build (H2 runs) has no management interface and serves health on its own port.
    curl -sf "http://localhost:$(management_port "$1")/q/health/ready" >/dev/null && return 0
    [ "${PROFILE:-production}" = production ] || { curl -sf "http://localhost:$1/q/health/ready" >/dev/null && return 0; }
    kill -0 "${INSTANCE_PIDS[$1]}" 2>/dev/null || fail "instance on port $1 exited; see $WORK/instance-$1.log"
    sleep 0.5
  done
  fail "instance on port $1 did not become ready within 120 s; see $WORK/instance-$1.log"
}

start_registry() { # port management-port JDBC-URL [NAME=value...]: starts an instance on that URL, without waiting
  # As start_instance, with the management interface on its own port (health and metrics there in a build
  # that has it) and any further settings given.
  env QUARKUS_PROFILE=production QUARKUS_HTTP_PORT="$1" QUARKUS_MANAGEMENT_ENABLED=true QUARKUS_MANAGEMENT_PORT="$2" \
    QUARKUS_DATASOURCE_JDBC_URL="$3" QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
    SZMARK_KEYS_DIR="$WORK/keys" SZMARK_BOOTSTRAP_TOKEN=$TOKEN SZMARK_PUBLIC_BASE_URL="${BASE_URL:-http://localhost:$1}" \
    "${@:4}" java -jar "$JAR" >>"$WORK/instance-$1.log" 2>&1 &
  INSTANCE_PIDS[$1]=$!
}

health_port() { # port management-port: waits until the instance is ready; prints the port that serves its health
  local _
  for _ in $(seq 1 240); do
    curl -sf "http://localhost:$2/q/health/ready" >/dev/null && { echo "$2"; return 0; }
    curl -sf "http://localhost:$1/q/health/ready" >/dev/null && { echo "$1"; return 0; }
    kill -0 "${INSTANCE_PIDS[$1]}" 2>/dev/null || fail "instance on port $1 exited; see $WORK/instance-$1.log"
    sleep 0.5
  done
  fail "instance on port $1 did not become ready within 120 s; see $WORK/instance-$1.log"
}

kill_instance() { # port [signal]: stops the instance on that port and waits until it is gone
  local pid=${INSTANCE_PIDS[$1]}
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "INSTANCE_PIDS[$1]"
}

api() { # method port path token body -> prints the response body; fails on a non-2xx status
  curl -sS --fail-with-body -X "$1" "http://localhost:$2$3" -H "Authorization: Bearer $4" -H 'Content-Type: application/json' \
    --data-binary "$5"
}
json_field() { # name: the value of the first string member of that name in stdin (the top-level one comes first)
  grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed "s/^\"$1\":\"\(.*\)\"$/\1/"
}
json_number() { # name: the value of the first number member of that name in stdin
  grep -o "\"$1\":[0-9]*" | head -1 | sed "s/^\"$1\"://"
}
credit_code() { # 17 characters -> with the GB 32100-2015 check character
  echo "$1" | awk '{
    a = "0123456789ABCDEFGHJKLMNPQRTUWXY"; split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ");
    s = 0; for (i = 1; i <= 17; i++) s += (index(a, substr($0, i, 1)) - 1) * w[i];
    c = 31 - s % 31; if (c == 31) c = 0; print $0 substr(a, c + 1, 1) }'
}

setup_fixture() { # port: a body with its certifier, a holder with a product, an eligible standard
  # Sets CERTIFIER (the certifier's token) and ISSUE (the body of an issuance request).
  api POST "$1" /api/v1/bodies $TOKEN \
    '{"code":"BENCH","nameZh":"故障测试机构","nameEn":"Bench body","approvalNumber":"CNCA-R-2020-0099"}' >/dev/null
  CERTIFIER=$(api POST "$1" /api/v1/bodies/BENCH/accounts $TOKEN '{"name":"bench certifier"}' | json_field token)
  local holder standard
  holder=$(credit_code 91440300BENCH0001)
  api POST "$1" /api/v1/enterprises $TOKEN "{\"creditCode\":\"$holder\",\"nameZh\":\"深圳测试企业\",\"nameEn\":\"Bench Co\"}" >/dev/null
  api POST "$1" "/api/v1/enterprises/$holder/products" $TOKEN '{"nameZh":"测试产品","nameEn":"Bench product","model":"B-1"}' >/dev/null
  standard='T/ZTBENCH 001-2020'
  api POST "$1" /api/v1/standards $TOKEN "{\"number\":\"$standard\",\"titleZh\":\"测试标准\",\"issuingOrganisation\":\"测试协会\",
    \"selfDeclaration\":{\"declaredOn\":\"2020-01-02\",\"disclosedAt\":\"https://example.org/d/1\"},
    \"evaluation\":{\"catalogueItem\":\"测试目录项\",\"passedOn\":\"2020-06-01\"}}" >/dev/null
  ISSUE="{\"holder\":\"$holder\",\"productModel\":\"B-1\",\"standard\":\"$standard\",\"scope\":\"测试范围\",
    \"certificationMode\":\"型式试验\",\"productionSite\":{\"address\":\"深圳市南山区 1 号\"}}"
  [ -n "$CERTIFIER" ] || fail "no certifier token"
}

# Acknowledged changes (2xx) are recorded one a line: "A <number> <event> <status after> <log index> <QR token>";
# a change sent without a 2xx answer, which may or may not have been committed: "U <number> <event> <status> - - <HTTP
# status, 000 for none>".
record_change() { # file number event status method port path body -> records the outcome; on a 2xx prints the body
  local out code idx url
  out=$(mktemp -p "$WORK")
  code=$(curl -sS -D "$out.h" -o "$out" -w '%{http_code}' --max-time 20 -X "$5" "http://localhost:$6$7" \
    -H "Authorization: Bearer $CERTIFIER" -H 'Content-Type: application/json' --data-binary "$8" 2>/dev/null) || true
  [ -z "${ANSWERS:-}" ] || echo "$(date +%s%3N) W ${code:-000} $(classify_answer "${code:-000}" "$out.h" "$out")" >>"$ANSWERS"
  if [[ $code == 2* ]]; then
    idx=$(json_number logIndex <"$out"); url=$(json_field qrUrl <"$out")
    echo "A $(json_field number <"$out") $3 $4 ${idx:--} ${url##*/}" >>"$1"
    cat "$out"
    rm -f "$out" "$out.h"
    return 0
  fi
  echo "U $2 $3 $4 - - ${code:-000}" >>"$1"
  rm -f "$out" "$out.h"
  return 1
}

# An answer is "ok" (2xx), "unavailable" (a clean 503: RFC 9457 problem of type database-unavailable or busy with
# Retry-After, naming no class, driver or statement), or "bad:<what is wrong>".
classify_answer() { # HTTP status, headers file, body file
  [[ $1 == 2* ]] && { echo ok; return; }
  [ "$1" = 503 ] || { echo "bad:status-$1"; return; }
  grep -qi '^content-type: application/problem+json' "$2" || { echo bad:content-type; return; }
  grep -qi '^retry-after: [0-9]' "$2" || { echo bad:no-retry-after; return; }
  grep -qE '"type":"urn:szmark:problem:(database-unavailable|busy)"' "$3" || { echo bad:problem-type; return; }
  # The instance member echoes the request path, whose base32 token may spell "SQL" by chance: leave it out.
  ! sed 's/"instance":"[^"]*"//' "$3" | grep -qE 'Exception|org\.|java\.|jakarta\.|SQL|	at ' \
    || { echo bad:leaks-internals; return; }
  echo unavailable
}

certificate_client() { # file: issue, suspend, reinstate, then revoke or cancel, until $WORK/stop exists
  # A change without a 2xx answer drops the certificate: its state is then unknown to the client.
  local k=0 number
  while [ ! -e "$WORK/stop" ]; do
    k=$((k + 1))
    number=$(record_change "$1" - ISSUED VALID POST "$PORT" /api/v1/certificates "$ISSUE" | json_field number) \
      && [ -n "$number" ] || { sleep 0.2; continue; }
    record_change "$1" "$number" SUSPENDED SUSPENDED POST "$PORT" "/api/v1/certificates/$number/suspend" \
      '{"reasonCode":"HOLDER_REQUEST"}' >/dev/null || continue
    record_change "$1" "$number" REINSTATED VALID POST "$PORT" "/api/v1/certificates/$number/reinstate" \
      '{"reasonCode":"SUSPENSION_REQUEST_ENDED"}' >/dev/null || continue
    if (( k % 2 )); then
      record_change "$1" "$number" REVOKED REVOKED POST "$PORT" "/api/v1/certificates/$number/revoke" \
        '{"reasonCode":"SERIOUS_DEFECT"}' >/dev/null || continue
    else
      record_change "$1" "$number" CANCELLED CANCELLED POST "$PORT" "/api/v1/certificates/$number/cancel" \
        '{"reasonCode":"PRODUCT_DISCONTINUED"}' >/dev/null || continue
    fi
  done
}

# A batch of BATCH_SIZE (5) issuances per request until $WORK/stop exists. On a 2xx answer every certificate in
# it is acknowledged ("A" line, as record_change writes); otherwise the batch is one "U" line without a number.
batch_client() { # file
  local out code items
  items=$(for _ in $(seq 1 "${BATCH_SIZE:-5}"); do printf '%s,' "$ISSUE"; done)
  while [ ! -e "$WORK/stop" ]; do
    out=$(mktemp -p "$WORK")
    code=$(curl -sS -D "$out.h" -o "$out" -w '%{http_code}' --max-time 30 -X POST "http://localhost:$PORT/api/v1/certificates:batch" \
      -H "Authorization: Bearer $CERTIFIER" -H 'Content-Type: application/json' \
      --data-binary "{\"certificates\":[${items%,}]}" 2>/dev/null) || true
    [ -z "${ANSWERS:-}" ] || echo "$(date +%s%3N) W ${code:-000} $(classify_answer "${code:-000}" "$out.h" "$out")" >>"$ANSWERS"
    if [[ $code == 2* ]]; then
      # Each item's view starts "certificate":{"number":"…"; its logIndex and qrUrl follow before the next one.
      awk 'BEGIN { RS = "\"certificate\":[{]\"number\":\"" } NR > 1 {
          n = substr($0, 1, index($0, "\"") - 1); i = "-"; u = "-"
          if (match($0, /"logIndex":[0-9]+/)) i = substr($0, RSTART + 11, RLENGTH - 11)
          if (match($0, /"qrUrl":"[^"]*"/)) { u = substr($0, RSTART + 9, RLENGTH - 10); sub(/.*\//, "", u) }
          print "A", n, "ISSUED", "VALID", i, u }' "$out" >>"$1"
      # Items refused inside a 2xx batch would be lost from sight: they count as answers other than 2xx.
      grep -q '"failed":0' "$out" || echo "U - ISSUED VALID - - item-failed" >>"$1"
    else
      echo "U - ISSUED VALID - - ${code:-000}" >>"$1"
      sleep 0.2
    fi
    rm -f "$out" "$out.h"
  done
}

issue_labels() { # port [count]: issues certificates (10) whose labels readers verify; sets TOKENS, their QR tokens
  local _
  for _ in $(seq 1 "${2:-10}"); do
    record_change "$WORK/changes-setup" - ISSUED VALID POST "$1" /api/v1/certificates "$ISSUE" >/dev/null \
      || fail "could not issue the certificates to verify"
  done
  mapfile -t TOKENS < <(awk '$1 == "A" { print $6 }' "$WORK/changes-setup")
}

reader() { # n: verifies random labels of TOKENS through $PORT until $WORK/stop exists; each answer a line in $ANSWERS
  local out=$WORK/reader-$1 code
  while [ ! -e "$WORK/stop" ]; do
    code=$(curl -sS -D "$out.h" -o "$out" -w '%{http_code}' --max-time 20 \
      "http://localhost:$PORT/api/v1/verify/${TOKENS[RANDOM % ${#TOKENS[@]}]}" 2>/dev/null) || true
    echo "$(date +%s%3N) R ${code:-000} $(classify_answer "${code:-000}" "$out.h" "$out")" >>"$ANSWERS"
  done
}

check_log() { # database: every event logged, indexes 0 .. n-1 exactly once, entries the same; sets LOG_SIZE
  local events logged distinct lowest highest entries first last
  read -r events logged distinct lowest highest < <(psql -d "$1" -Atc \
    "SELECT count(*), count(log_index), count(DISTINCT log_index), coalesce(min(log_index), -1), coalesce(max(log_index), -1)
     FROM status_event" | tr '|' ' ')
  read -r entries first last < <(psql -d "$1" -Atc "SELECT count(*), coalesce(min(idx), 0), coalesce(max(idx), -1) FROM log_entry" | tr '|' ' ')
  LOG_SIZE=$(psql -d "$1" -Atc "SELECT tree_size FROM log_state")
  echo "events $events, logged $logged, distinct indexes $distinct ($lowest..$highest); entries $entries ($first..$last); tree size $LOG_SIZE"
  [ "$logged" -eq "$events" ] && [ "$distinct" -eq "$events" ] || fail "an event has no index, or two share one"
  [ "$events" -eq 0 ] || { [ "$lowest" -eq 0 ] && [ "$highest" -eq $((events - 1)) ]; } || fail "event indexes are not 0 .. n-1"
  [ "$entries" -eq "$LOG_SIZE" ] && [ "$first" -eq 0 ] && [ "$last" -eq $((LOG_SIZE - 1)) ] && [ "$LOG_SIZE" -eq "$events" ] \
    || fail "log entries are not exactly 0 .. n-1"
  LOG_EVENTS=$events
}

check_records() { # database ack-file...: no half-written certificate, and every acknowledged change stored as acknowledged
  local bad
  # A certificate's events are 1 .. event_count, the first its issuance, and its status is its last event's.
  bad=$(psql -d "$1" -Atc "SELECT count(*) FROM certificate c WHERE
      NOT EXISTS (SELECT 1 FROM status_event e WHERE e.certificate_id = c.id AND e.seq = 1 AND e.event = 'ISSUED')
      OR c.event_count <> (SELECT count(*) FROM status_event e WHERE e.certificate_id = c.id)
      OR c.event_count <> (SELECT max(seq) FROM status_event e WHERE e.certificate_id = c.id)
      OR c.status <> (SELECT e.to_status FROM status_event e WHERE e.certificate_id = c.id AND e.seq = c.event_count)")
  [ "$bad" = 0 ] || fail "$bad certificates are half-written (missing ISSUED event, event gap, or status unlike their last event)"
  shift
  local acks="$WORK/acks.tsv"
  cat "$@" 2>/dev/null | awk '$1 == "A" { print $2 "\t" $3 "\t" $5 }' >"$acks"
  ACKED=$(wc -l <"$acks")
  bad=$(psql -d "$DB" -v ON_ERROR_STOP=1 -Atq <<SQL
CREATE TEMP TABLE ack (number TEXT, event TEXT, log_index BIGINT);
\copy ack FROM '$acks'
SELECT count(*) FROM ack a WHERE NOT EXISTS (SELECT 1 FROM status_event e JOIN certificate c ON c.id = e.certificate_id
  WHERE c.number = a.number AND e.event = a.event AND e.log_index = a.log_index);
SQL
) || fail "cannot load the acknowledged changes into $DB"
  [ "$bad" = 0 ] || fail "$bad of $ACKED acknowledged changes are not stored as acknowledged"
}

run_audit() { # port: the auditor over the whole log, with the log key the instance serves
  local key
  key=$(curl -sf "http://localhost:$1/log/key") || fail "no log key from port $1"
  java -jar "$JAR" audit --key "$key" "http://localhost:$1" >"$WORK/audit.out" 2>&1 \
    || { cat "$WORK/audit.out" >&2; fail "the auditor found a discrepancy through port $1"; }
  tail -1 "$WORK/audit.out"
}
