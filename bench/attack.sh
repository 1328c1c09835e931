#!/usr/bin/env bash
# One body's heavy batches must not harm another body's single writes (docs/faults.md, "Another body's batches").
#
# Body A issues batches of $BATCH certificates, $ATTACKERS at a time, for a holder with $ENDPOINTS webhook endpoints
# (so each batch writes BATCH x ENDPOINTS webhook deliveries as well); meanwhile body B's certifier issues single
# certificates for its own holder with wrk (-c$VICTIMS) for $RUN_SECONDS. The same victim load runs first alone, as
# the baseline. Reports the victim's p50/p99 and every non-2xx answer of either side; fails on any 5xx other than a
# clean 503 busy problem from the attacker's side, and on any non-2xx answer to the victim.
#
# Settings: DB_KIND (postgresql | h2), RUN_SECONDS (30), ATTACKERS (2), BATCH (1000), ENDPOINTS (10), VICTIMS (4),
# PORT (8183). PostgreSQL uses the production jar (mvn -B package -DskipTests -Dquarkus.profile=production); H2 the
# embedded jar (mvn -B package -DskipTests), on a file database in a scratch directory.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_KIND=${DB_KIND:-postgresql}
RUN_SECONDS=${RUN_SECONDS:-30}
ATTACKERS=${ATTACKERS:-2}
BATCH=${BATCH:-1000}
ENDPOINTS=${ENDPOINTS:-10}
VICTIMS=${VICTIMS:-4}
PORT=${PORT:-8183}
source bench/lib.sh
command -v wrk >/dev/null || fail "wrk is needed (apt-get install wrk)"

DB=szmark_attack
if [ "$DB_KIND" = h2 ]; then
  PROFILE=prod
  JDBC_URL="jdbc:h2:file:$WORK/data/szmark;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000"
  export SZMARK_DEMO=false
else
  scratch_db "$DB"
fi
# The endpoints point at a closed loopback port: deliveries are written (the load under test) and fail quietly.
export SZMARK_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
echo "== $DB_KIND, instance on $PORT; attacker: $ATTACKERS x batches of $BATCH for a holder with $ENDPOINTS endpoints"
start_instance "$PORT"

# Body B (the victim): lib.sh's fixture.
setup_fixture "$PORT"
echo "$CERTIFIER" >"$WORK/victim.certifier"
victim_holder=$(echo "$ISSUE" | json_field holder)
printf '%s\tB-1\n' "$victim_holder" >"$WORK/victim.holders"
echo 'T/ZTBENCH 001-2020' >"$WORK/victim.standards"

# Body A (the attacker) and its holder with the endpoints, registered by the holder's own account.
api POST "$PORT" /api/v1/bodies $TOKEN \
  '{"code":"HEAVY","nameZh":"批量机构","nameEn":"Heavy body","approvalNumber":"CNCA-R-2020-0098"}' >/dev/null
attacker=$(api POST "$PORT" /api/v1/bodies/HEAVY/accounts $TOKEN '{"name":"heavy certifier"}' | json_field token)
holder=$(credit_code 91440300HEAXY0001)
api POST "$PORT" /api/v1/enterprises $TOKEN "{\"creditCode\":\"$holder\",\"nameZh\":\"批量企业\",\"nameEn\":\"Heavy Co\"}" >/dev/null
api POST "$PORT" "/api/v1/enterprises/$holder/products" $TOKEN '{"nameZh":"批量产品","nameEn":"Heavy product","model":"H-1"}' >/dev/null
owner=$(api POST "$PORT" "/api/v1/enterprises/$holder/accounts" $TOKEN '{"name":"heavy owner"}' | json_field token)
for i in $(seq 1 "$ENDPOINTS"); do
  api POST "$PORT" /api/v1/webhooks "$owner" "{\"url\":\"http://127.0.0.1:9/hook/$i\"}" >/dev/null
done
item="{\"holder\":\"$holder\",\"productModel\":\"H-1\",\"standard\":\"T/ZTBENCH 001-2020\",\"scope\":\"批量范围\",\"certificationMode\":\"型式试验\",\"productionSite\":{\"address\":\"深圳市南山区 2 号\"}}"
awk -v n="$BATCH" -v it="$item" 'BEGIN { printf "{\"certificates\":["; for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "," : ""), it; print "]}" }' >"$WORK/batch.json"

victim() { # name: wrk against single issuance as body B for RUN_SECONDS; output in $WORK/<name>.wrk
  BENCH_CERTIFIERS="$WORK/victim.certifier" BENCH_HOLDERS="$WORK/victim.holders" BENCH_STANDARDS="$WORK/victim.standards" \
  BENCH_BATCH=0 wrk -t2 -c"$VICTIMS" -d"${RUN_SECONDS}s" --timeout 30s --latency -s bench/wrk/issue.lua \
    "http://localhost:$PORT" >"$WORK/$1.wrk" 2>"$WORK/$1.stderr"
}
attacker_loop() { # n: batches until $WORK/stop exists; one line per batch: status seconds
  while [ ! -e "$WORK/stop" ]; do
    curl -sS -o "$WORK/attack-$1.body" -D "$WORK/attack-$1.h" -w '%{http_code} %{time_total}\n' --max-time 120 \
      -X POST "http://localhost:$PORT/api/v1/certificates:batch" -H "Authorization: Bearer $attacker" \
      -H 'Content-Type: application/json' --data-binary @"$WORK/batch.json" >>"$WORK/attack-$1.log" 2>/dev/null || echo "000 -" >>"$WORK/attack-$1.log"
    [[ $(tail -1 "$WORK/attack-$1.log") == 2* ]] || [[ $(tail -1 "$WORK/attack-$1.log") == 503* ]] \
      || cp "$WORK/attack-$1.body" "$WORK/attack-$1.bad.$(date +%s%N)"
  done
}
report() { # name
  local out=$WORK/$1.wrk
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" \
    "$(awk '/^Requests\/sec/ { printf "%.0f", $2 }' "$out")" \
    "$(awk '$1 == "50%" { print $2 }' "$out")" "$(awk '$1 == "99%" { print $2 }' "$out")" \
    "$(awk '$1 == "Max" || /Latency/ { print $4; exit }' "$out")" \
    "$(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$out")"
}

echo "== baseline: body B alone for ${RUN_SECONDS}s"
victim baseline
echo "== under attack: body A's batches beside body B for ${RUN_SECONDS}s"
rm -f "$WORK/stop"
attackers=()
for a in $(seq 1 "$ATTACKERS"); do attacker_loop "$a" & attackers+=($!); done
sleep 1
victim attacked
touch "$WORK/stop"; wait "${attackers[@]}"

echo
echo "| run | victim req/s | p50 | p99 | max | victim non-2xx |"
echo "|---|---|---|---|---|---|"
report baseline
report attacked
cat "$WORK"/attack-*.log >"$WORK/attack.all"
echo
echo "attacker: $(wc -l <"$WORK/attack.all") batches of $BATCH; answers: $(awk '{ print $1 }' "$WORK/attack.all" | sort | uniq -c | tr '\n' ' ');" \
  "seconds per batch p50/max: $(awk '$1 ~ /^2/ { print $2 }' "$WORK/attack.all" | sort -n | awk '{ a[NR] = $1 } END { if (NR) printf "%.2f/%.2f", a[int((NR + 1) / 2)], a[NR]; else print "-" }')"
echo "deliveries written: $(curl -sf "http://localhost:$PORT/api/v1/webhooks" -H "Authorization: Bearer $owner" >/dev/null && echo "$ENDPOINTS endpoints x $(awk '$1 ~ /^2/' "$WORK/attack.all" | wc -l) batches x $BATCH")"
[ -s "$WORK/attacked.stderr" ] && { echo "victim's unexpected answers:"; sort "$WORK/attacked.stderr" | cut -c1-200 | uniq -c | head; }
victim_bad=$(awk '/Non-2xx/ { n = $NF } END { print n + 0 }' "$WORK/attacked.wrk")
attack_5xx=$(awk '$1 ~ /^5/ && $1 != "503" || $1 == "000"' "$WORK/attack.all" | wc -l)
[ "$victim_bad" = 0 ] || fail "$victim_bad of body B's issuances were refused while body A's batches ran"
[ "$attack_5xx" = 0 ] || fail "$attack_5xx of body A's batches ended in a 5xx other than 503 (or no answer)"
ls "$WORK"/attack-*.bad.* >/dev/null 2>&1 && fail "unexpected batch answers kept in $WORK"
echo "== passed: body B's issuances all succeeded beside body A's batches"
