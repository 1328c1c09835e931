#!/usr/bin/env bash
# Capacity benchmark (docs/performance.md): a registry of 1,000,000 certificates on PostgreSQL, then HTTP
# load with wrk on each public and certifier endpoint. Prints and saves a results table.
#
#   bench/run.sh
#
# Steps: builds the production jar; unless the database already holds the data set, creates it afresh
# (bodies with keys, certifier accounts and standards through the API, then the bulk loader for
# enterprises and certificates, timed); starts the registry and times its start; runs wrk against each
# target in turn, measuring requests/s, p50 and p99 latency, the ratio to the static baseline and the
# registry's peak RSS during that target (VmHWM, reset before each target).
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), DB (szmark_bench),
# CERTIFICATES (1000000), ENTERPRISES (100000), BODIES (20), STANDARDS (200), RELOAD (0: reuse a loaded
# database; 1: load again), DURATION (20s per target), WARMUP (20, seconds per kind of request), CONNECTIONS (50),
# PORT (8080; health on the management interface at PORT + 1000), WORK (target/bench),
# JAVA_OPTS (the registry's JVM options, default the production ones of deploy/README.md), SKIP_BUILD (0),
# TARGETS (names of the targets to measure, space-separated; default all; the static baseline always runs).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-szmark_bench}
CERTIFICATES=${CERTIFICATES:-1000000}
ENTERPRISES=${ENTERPRISES:-100000}
BODIES=${BODIES:-20}
STANDARDS=${STANDARDS:-200}
RELOAD=${RELOAD:-0}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-50}
PORT=${PORT:-8080}
WORK=${WORK:-target/bench}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx384m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC}
SKIP_BUILD=${SKIP_BUILD:-0}
TARGETS=${TARGETS:-}
WARMUP=${WARMUP:-20}
BASE=http://127.0.0.1:$PORT
PID=

command -v mvn >/dev/null || { echo "FAIL: mvn is needed" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  echo "== installing wrk"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) \
    || { echo "FAIL: cannot install wrk" >&2; exit 1; }
fi
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

if [ "$SKIP_BUILD" != 1 ]; then
  echo "== building the production jar"
  mvn -B -q package -DskipTests -Dquarkus.profile=production
fi
# PostgreSQL settings, fail, scratch_db, api and json_field; this script starts its registry itself (below).
. bench/lib.sh
stop() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi
}
EXIT_HOOKS+=(stop)
READY=http://127.0.0.1:$(management_port "$PORT")/q/health/ready   # the production profile's management interface
[ -f target/quarkus-app/app-cds.jsa ] || fail "no AppCDS archive; build with the production profile (it enables quarkus.package.jar.appcds)"

start() { # -> sets PID and START_SECONDS (launch to ready, wall clock); unlike start_instance, with AppCDS
  local t0 t1
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT="$(management_port "$PORT")" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
  QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
  SZMARK_KEYS_DIR="$WORK/keys" SZMARK_BOOTSTRAP_TOKEN=$TOKEN SZMARK_PUBLIC_BASE_URL=https://szbz.example.cn \
    sh -c 'cd target/quarkus-app && exec java -XX:SharedArchiveFile=app-cds.jsa '"$JAVA_OPTS"' -jar quarkus-run.jar' \
    >"$WORK/registry.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -sf "$READY" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || fail "the registry exited; see $WORK/registry.log"
    sleep 0.05
  done
  curl -sf "$READY" >/dev/null || fail "the registry did not become ready; see $WORK/registry.log"
  t1=$(date +%s.%N)
  START_SECONDS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
}

loaded=$(psql -d "$DB" -Atc "SELECT count(*) FROM certificate" 2>/dev/null || echo 0)
if [ "$RELOAD" = 1 ] || [ "$loaded" -lt "$CERTIFICATES" ] || ! [ -s "$WORK/tokens.tsv" ] || ! [ -s "$WORK/certifiers.txt" ]; then
  echo "== fresh database $DB"
  scratch_db "$DB"
  rm -rf "$WORK/keys" "$WORK/certifiers.txt" "$WORK/standards.txt" "$WORK/tokens.tsv"
  start
  echo "== $BODIES bodies with certifier accounts and $STANDARDS standards, through the API"
  for b in $(seq 1 "$BODIES"); do
    code=$(printf "BENCH%02d" "$b")
    api POST "$PORT" /api/v1/bodies "$TOKEN" "{\"code\":\"$code\",\"nameZh\":\"深圳标准测试认证机构$b\",\"nameEn\":\"Bench certification body $b\",\"approvalNumber\":\"CNCA-R-2021-$(printf %04d "$b")\"}" >/dev/null
    api POST "$PORT" "/api/v1/bodies/$code/accounts" "$TOKEN" '{"name":"bench certifier"}' | json_field token >>"$WORK/certifiers.txt"
  done
  for s in $(seq 1 "$STANDARDS"); do
    number=$(printf "T/SZBENCH %03d-2021" "$s")
    api POST "$PORT" /api/v1/standards "$TOKEN" "{\"number\":\"$number\",\"titleZh\":\"深圳标准测试标准 $s\",\"issuingOrganisation\":\"深圳市标准化协会\",
      \"selfDeclaration\":{\"declaredOn\":\"2021-03-01\",\"disclosedAt\":\"https://example.org/d/$s\"},
      \"evaluation\":{\"catalogueItem\":\"深圳标准先进性评价目录\",\"passedOn\":\"2021-06-01\"}}" >/dev/null
    echo "$number" >>"$WORK/standards.txt"
  done
  stop
  echo "== bulk load: $CERTIFICATES certificates for $ENTERPRISES enterprises"
  t0=$(date +%s)
  java -Xmx3g -jar "$JAR" load --jdbc-url "jdbc:postgresql://$PGHOST:$PGPORT/$DB" --user "$PGUSER" \
    --password "${PGPASSWORD:-}" --keys-dir "$WORK/keys" --certificates "$CERTIFICATES" --enterprises "$ENTERPRISES" \
    --tokens-out "$WORK/tokens.tsv" --token-sample 100000 | tee "$WORK/load.log"
  LOAD_SECONDS=$(( $(date +%s) - t0 ))
  echo "$LOAD_SECONDS" >"$WORK/load-seconds"
fi
LOAD_SECONDS=$(cat "$WORK/load-seconds" 2>/dev/null || echo "?")

echo "== starting the registry"
start
echo "started and ready in ${START_SECONDS}s ($(grep -o 'started in [0-9.]*s' "$WORK/registry.log" | head -1))"
# Let the first checkpoint of the loaded tree be signed before measuring.
for _ in $(seq 1 100); do
  size=$(psql -d "$DB" -Atc "SELECT coalesce(max(tree_size), 0) FROM log_checkpoint")
  [ "$size" -ge "$(psql -d "$DB" -Atc "SELECT tree_size FROM log_state")" ] && break
  sleep 0.2
done
TREE=$(psql -d "$DB" -Atc "SELECT coalesce(max(tree_size), 0) FROM log_checkpoint")

# Request paths for each target.
# Hot: 2,000 certificates scanned again and again (one label is printed on every unit of a product model, so
# scans concentrate on few certificates); cold: 100,000, so most requests are the first for their certificate.
head -2000 "$WORK/tokens.tsv" | cut -f1 | sed 's|^|/api/v1/verify/|' >"$WORK/verify.paths"
cut -f1 "$WORK/tokens.tsv" | sed 's|^|/api/v1/verify/|' >"$WORK/verify-cold.paths"
head -2000 "$WORK/tokens.tsv" | cut -f1 | sed 's|^|/v/|' >"$WORK/page.paths"
cut -f1 "$WORK/tokens.tsv" | sed 's|^|/v/|' >"$WORK/page-cold.paths"
cut -f2 "$WORK/tokens.tsv" | sed 's|^\(.*\)$|/api/v1/certificates/\1/qr.png|' >"$WORK/png-first.paths"
cut -f2 "$WORK/tokens.tsv" | sed 's|^\(.*\)$|/api/v1/certificates/\1/qr.svg|' >"$WORK/svg-first.paths"
head -50 "$WORK/png-first.paths" >"$WORK/png-cached.paths"
head -50 "$WORK/svg-first.paths" >"$WORK/svg-cached.paths"
awk -v n="$TREE" 'BEGIN { srand(7); for (i = 0; i < 100000; i++) printf "/api/v1/log/inclusion?index=%d&size=%d\n", int(rand() * n), n }' \
  >"$WORK/proof.paths"
echo "/verify.js" >"$WORK/static.paths"
psql -d "$DB" -Atc "SELECT e.credit_code || E'\t' || p.model FROM enterprise e JOIN product p ON p.enterprise_id = e.id
  ORDER BY e.id LIMIT 20000" >"$WORK/holders.tsv"

RESULTS="$WORK/results.md"
BASELINE=
rss_reset() { echo 5 >"/proc/$PID/clear_refs" 2>/dev/null || true; }
rss_peak() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$PID/status"; }
to_ms() { # wrk latency like 812.00us, 3.21ms, 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
# target name, connections, lua script, extra env (name=value ...), items per request
measure() {
  local name=$1 conns=$2 script=$3 per=$4; shift 4
  [ -z "$TARGETS" ] || [ "$name" = static-baseline ] || [[ " $TARGETS " == *" $name "* ]] || return 0
  rss_reset
  local out
  out=$(env "$@" wrk -t2 -c"$conns" -d"$DURATION" --timeout 30s --latency -s "bench/wrk/$script" "$BASE" 2>"$WORK/$name.stderr")
  echo "$out" >"$WORK/$name.wrk"
  local rps p50 p99 errors ratio items
  rps=$(echo "$out" | awk '/^Requests\/sec/ { printf ($2 < 10 ? "%.2f" : "%.0f"), $2 }')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  errors=$(echo "$out" | awk '/Non-2xx/ { print $NF } /Socket errors/ { print }' | tr '\n' ' ')
  [ -s "$WORK/$name.stderr" ] && errors="$errors $(sort "$WORK/$name.stderr" | uniq -c | sort -rn | head -3 | tr '\n' ' ')"
  [ -z "$BASELINE" ] && BASELINE=$rps
  ratio=$(awk -v a="$rps" -v b="$BASELINE" 'BEGIN { printf "%.2f", a / b }')
  items=$(awk -v a="$rps" -v k="$per" 'BEGIN { printf "%.0f", a * k }')
  printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s |\n" "$name" "$conns" "$rps" "$items" "$p50" "$p99" "$ratio" \
    "$(rss_peak)" "${errors:-none}" | tee -a "$RESULTS"
}

{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ): $(psql -d "$DB" -Atc "SELECT count(*) FROM certificate") certificates, log tree size $TREE, bulk load ${LOAD_SECONDS}s,"
  echo "start to ready ${START_SECONDS}s ($(grep -o 'started in [0-9.]*s' "$WORK/registry.log" | head -1)), $DURATION per target, wrk -t2."
  echo "JVM options: $JAVA_OPTS"
  echo
  echo "| target | connections | requests/s | items/s | p50 ms | p99 ms | vs baseline | peak RSS MiB | errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
} | tee "$RESULTS"

echo "(warming up for ${WARMUP}s per kind of request: JIT and the hot verification set, not measured)"
for w in static verify page proof; do
  BENCH_PATHS="$WORK/$w.paths" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP"s -s bench/wrk/paths.lua "$BASE" >/dev/null
done
BENCH_CERTIFIERS="$WORK/certifiers.txt" BENCH_HOLDERS="$WORK/holders.tsv" BENCH_STANDARDS="$WORK/standards.txt" BENCH_BATCH=0 \
  wrk -t2 -c16 -d"$WARMUP"s --timeout 30s -s bench/wrk/issue.lua "$BASE" >/dev/null 2>&1
measure static-baseline "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/static.paths"
measure verify-json "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/verify.paths"
measure verify-json-cold "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/verify-cold.paths"
measure verify-page "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/page.paths" BENCH_ACCEPT=text/html
measure verify-page-cold "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/page-cold.paths" BENCH_ACCEPT=text/html
measure inclusion-proof "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/proof.paths"
measure qr-png-first "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/png-first.paths"
measure qr-png-cached "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/png-cached.paths"
measure qr-svg-first "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/svg-first.paths"
measure qr-svg-cached "$CONNECTIONS" paths.lua 1 BENCH_PATHS="$WORK/svg-cached.paths"
ISSUE_ENV=(BENCH_CERTIFIERS="$WORK/certifiers.txt" BENCH_HOLDERS="$WORK/holders.tsv" BENCH_STANDARDS="$WORK/standards.txt")
measure issue-single 16 issue.lua 1 "${ISSUE_ENV[@]}" BENCH_BATCH=0
measure issue-batch-100 4 issue.lua 100 "${ISSUE_ENV[@]}" BENCH_BATCH=100
measure issue-batch-1000 2 issue.lua 1000 "${ISSUE_ENV[@]}" BENCH_BATCH=1000

echo
echo "results saved to $RESULTS; wrk output and the registry log are in $WORK"
