#!/usr/bin/env bash
# The container image's layout, run without a container engine: the steps of src/main/docker/Dockerfile.jvm
# done on a separate copy of target/quarkus-app (AppCDS archive made by this JVM, application owned by root and
# read-only, a data and a keys directory writable by the user only), then the registry started the way the
# image's ENTRYPOINT starts it, as an unprivileged user (nobody, through setpriv, when run as root). It checks
# that the instance becomes healthy through the image's HEALTHCHECK script, answers on its HTTP port, uses
# the archive, and wrote nothing outside the data and keys directories.
#
# Build the production jar first (mvn -B package -DskipTests -Dquarkus.profile=production), then:
#   bench/image-layout.sh
# Settings (environment): PORT (18401, HTTP), MANAGEMENT_PORT (18402), DB (szmark_image, dropped and created
# afresh), RUN_AS (nobody), and those of bench/lib.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD, JAR).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18401}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18402}
DB=${DB:-szmark_image}
RUN_AS=${RUN_AS:-nobody}
# shellcheck source=bench/lib.sh
. bench/lib.sh

APP=$WORK/opt/szmark
VAR=$WORK/var/lib/szmark
echo "== image layout in $WORK"
mkdir -p "$APP/bin" "$VAR/data" "$VAR/keys"
cp -r "$(dirname "$JAR")/lib" "$(dirname "$JAR")/quarkus" "$(dirname "$JAR")/app" "$JAR" "$APP/"
cp src/main/docker/szmark-run.sh src/main/docker/szmark-health.sh "$APP/bin/"
# The Dockerfile's RUN step, word for word but for the directory.
(cd "$APP" && java -XX:ArchiveClassesAtExit=app-cds.jsa -Xlog:cds=error -Xlog:cds+dynamic=error \
    -Dquarkus.appcds.generate=true -jar quarkus-run.jar) >"$WORK/appcds.log" 2>&1 \
  || { cat "$WORK/appcds.log" >&2; fail "the AppCDS step failed"; }
[ -s "$APP/app-cds.jsa" ] || fail "the AppCDS step made no archive"
# -Xshare:on refuses to start when the archive does not fit this JVM and class path.
(cd "$APP" && java -XX:SharedArchiveFile=app-cds.jsa -Xshare:on -Dquarkus.appcds.generate=true -jar quarkus-run.jar) \
  >/dev/null 2>&1 || fail "this JVM cannot map the archive it made (-Xshare:on)"
chmod -R a-w "$APP"
chmod 0700 "$VAR/keys"
chmod 0750 "$VAR/data"

as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && id "$RUN_AS" >/dev/null 2>&1; then
  chown -R 0:0 "$APP"
  chown "$RUN_AS" "$VAR/data" "$VAR/keys"
  # The user must be able to reach its directories through $WORK, as it reaches / in the image.
  chmod o+x "$WORK" "$WORK/var" "$WORK/var/lib" "$VAR" "$WORK/opt"
  as_user=(setpriv --reuid="$RUN_AS" --regid="$(id -g "$RUN_AS")" --clear-groups --inh-caps=-all --)
  echo "running as $RUN_AS ($(id -u "$RUN_AS")), not root"
else
  echo "not root or no setpriv/$RUN_AS: running as $(id -un), with the application directory read-only"
fi
touch "$WORK/started"

scratch_db "$DB"
echo "== start as the image does"
# exec all the way down, so the pid recorded is the JVM's.
(cd "$VAR/data" && exec env -i PATH="$PATH" HOME=/nonexistent LANG=C.UTF-8 \
    QUARKUS_PROFILE=production SZMARK_HOME="$APP" SZMARK_DATA_DIR="$VAR/data" SZMARK_KEYS_DIR="$VAR/keys" \
    QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_ENABLED=true QUARKUS_MANAGEMENT_PORT="$MANAGEMENT_PORT" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
    QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" SZMARK_BOOTSTRAP_TOKEN=$TOKEN SZMARK_PUBLIC_BASE_URL="http://localhost:$PORT" \
    JAVA_OPTS_APPEND="-Xlog:class+load=info:file=$VAR/data/tmp/classes.log" \
    "${as_user[@]}" "$APP/bin/szmark-run.sh") >"$WORK/instance-$PORT.log" 2>&1 &
INSTANCE_PIDS[$PORT]=$!
healthy=0
for _ in $(seq 1 240); do
  if QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT QUARKUS_HTTP_PORT=$PORT "$APP/bin/szmark-health.sh" ready; then healthy=1; break; fi
  kill -0 "${INSTANCE_PIDS[$PORT]}" 2>/dev/null || { tail -30 "$WORK/instance-$PORT.log" >&2; fail "the instance exited"; }
  sleep 0.5
done
[ "$healthy" = 1 ] || fail "the HEALTHCHECK script did not report ready within 120 s; see $WORK/instance-$PORT.log"
echo "HEALTHCHECK script: ready"
for check in live started; do
  QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT QUARKUS_HTTP_PORT=$PORT "$APP/bin/szmark-health.sh" "$check" \
    || fail "the HEALTHCHECK script reports $check down"
done

echo "== answers"
for path in / /api/v1/standards /trust-list /log/checkpoint; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT$path")
  [ "$code" = 200 ] || fail "GET $path answered $code"
done
api GET "$PORT" /api/v1/accounts/me "$TOKEN" '' | grep -q '"role":"AUTHORITY"' || fail "the bootstrap token is not the authority's"
echo "GET /, /api/v1/standards, /trust-list, /log/checkpoint: 200; the bootstrap token is the authority's"

echo "== layout"
# Classes that came from the archive are logged "source: shared objects file".
grep -q 'source: shared objects file' "$VAR/data/tmp/classes.log" || fail "no class was loaded from the AppCDS archive"
echo "classes from the archive: $(grep -c 'source: shared objects file' "$VAR/data/tmp/classes.log") of $(grep -c 'source:' "$VAR/data/tmp/classes.log")"
[ -s "$VAR/keys/master.key" ] || fail "no key material in the keys directory"
if [ ${#as_user[@]} -gt 0 ]; then
  owner=$(ps -o user= -p "${INSTANCE_PIDS[$PORT]}" | tr -d ' ')
  [ "$owner" = "$RUN_AS" ] || [ "$owner" = "$(id -u "$RUN_AS")" ] || fail "the JVM runs as '$owner', not $RUN_AS"
  # Anything the user wrote since the start, outside its two directories, breaks a read-only root.
  stray=$(find /tmp /var/tmp /dev/shm "$WORK" -xdev -user "$RUN_AS" -newer "$WORK/started" \
    -not -path "$VAR/data*" -not -path "$VAR/keys*" 2>/dev/null | head -5)
  [ -z "$stray" ] || fail "the instance wrote outside its data and keys directories: $stray"
  echo "JVM runs as $owner; nothing written outside data/ and keys/"
fi
[ -z "$(find "$APP" -newer "$WORK/started" 2>/dev/null | head -1)" ] || fail "the application directory changed"
kill_instance "$PORT"
echo "OK: the image layout starts as $RUN_AS, is healthy, answers, uses its AppCDS archive and writes only data/ and keys/"
