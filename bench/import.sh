#!/usr/bin/env bash
# An import of ROWS (10,000) rows, each a new holder with a new product and a certificate, on PostgreSQL against
# the production jar (docs/performance.md, "Imports"; docs/import.md). Times the dry run and the import from the
# POST to the finished job, then the same file again (every row PRESENT), and checks what was written: as many
# certificates, holders and products as rows, every certificate with its ISSUED event in the log, and the log
# gapless. Fails when a job does not end as expected.
#
# Settings: ROWS (10000), PORT (8184), DB (szmark_import). Needs the production jar:
# mvn -B package -DskipTests -Dquarkus.profile=production
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-10000}
PORT=${PORT:-8184}
DB=${DB:-szmark_import}
source bench/lib.sh
command -v python3 >/dev/null || fail "python3 is needed"

scratch_db "$DB"
echo "== PostgreSQL ($DB), instance on $PORT; an import of $ROWS rows"
start_instance "$PORT"
setup_fixture "$PORT"

# The file: ROWS new holders (credit codes with their check character), one product and one certificate each.
python3 - "$ROWS" >"$WORK/import.csv" <<'PY'
import sys
alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def code(n):
    body = "91440300" + "".join(alphabet[(n // 31 ** i) % 31] for i in range(9))
    c = 31 - sum(alphabet.index(ch) * w for ch, w in zip(body, weights)) % 31
    return body + alphabet[0 if c == 31 else c]
print("统一社会信用代码,企业名称,企业英文名称,企业地址,产品型号,产品名称,商标,认证依据,认证范围,认证模式,生产场所名称,生产场所地址,发证日期")
for n in range(int(sys.argv[1])):
    print(f"{code(100000 + n)},深圳市导入测试第{n}号有限公司,Import Test {n} Co. Ltd,深圳市南山区科技园{n}号,IMP-{n},导入测试产品{n},"
          f"导入,T/ZTBENCH 001-2020,\"导入测试产品的设计, 生产\",型式试验+初始工厂检查,第{n % 7}工厂,深圳市宝安区福永街道{n}号,2026-01-05")
PY
echo "file: $(wc -l <"$WORK/import.csv") lines, $(wc -c <"$WORK/import.csv") bytes"

import_file() { # dryRun -> prints "seconds status created present refused written"
  local started answer id job status
  started=$(date +%s.%N)
  answer=$(curl -sS --fail-with-body -X POST "http://localhost:$PORT/api/v1/imports?dryRun=$1" -H "Authorization: Bearer $CERTIFIER" \
    -H 'Content-Type: text/csv' --data-binary @"$WORK/import.csv") || fail "import not accepted: $answer"
  id=$(echo "$answer" | json_field id)
  while :; do
    job=$(curl -sS "http://localhost:$PORT/api/v1/imports/$id" -H "Authorization: Bearer $CERTIFIER" \
      | python3 -c 'import json,sys; j=json.load(sys.stdin); s=j["summary"]; print(j["status"], s["created"], s["present"], s["refused"], str(j["written"]).lower())')
    status=${job%% *}
    [ "$status" = QUEUED ] || [ "$status" = RUNNING ] || break
    sleep 0.2
  done
  echo "$(awk -v a="$(date +%s.%N)" -v b="$started" 'BEGIN { printf "%.1f", a - b }') $job"
}

read -r dry_s dry_status dry_created _ dry_refused dry_written < <(import_file true)
echo "dry run: ${dry_s}s, $dry_status, $dry_created rows would be created, $dry_refused refused, written $dry_written"
[ "$dry_status" = SUCCEEDED ] && [ "$dry_created" = "$ROWS" ] && [ "$dry_written" = false ] || fail "the dry run did not pass every row"
[ "$(psql -d "$DB" -Atc 'SELECT count(*) FROM certificate')" = 0 ] || fail "the dry run wrote certificates"

read -r run_s run_status run_created _ run_refused run_written < <(import_file false)
echo "import: ${run_s}s, $run_status, $run_created rows created, $run_refused refused, written $run_written"
[ "$run_status" = SUCCEEDED ] && [ "$run_created" = "$ROWS" ] && [ "$run_written" = true ] || fail "the import did not create every row"

read -r again_s again_status _ again_present _ _ < <(import_file false)
echo "again: ${again_s}s, $again_status, $again_present rows present"
[ "$again_status" = SUCCEEDED ] && [ "$again_present" = "$ROWS" ] || fail "the second import did not find every row present"

read -r certificates holders products < <(psql -d "$DB" -Atc "SELECT (SELECT count(*) FROM certificate),
  (SELECT count(*) FROM enterprise WHERE name_zh LIKE '深圳市导入测试%'), (SELECT count(*) FROM product WHERE model LIKE 'IMP-%')" | tr '|' ' ')
echo "written: $certificates certificates, $holders holders, $products products"
[ "$certificates" = "$ROWS" ] && [ "$holders" = "$ROWS" ] && [ "$products" = "$ROWS" ] || fail "not one of each per row"
check_log "$DB"
echo "RESULT rows=$ROWS dry_run_s=$dry_s import_s=$run_s again_s=$again_s"
