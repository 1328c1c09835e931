#!/usr/bin/env bash
# Backup and point-in-time restore (docs/operations.md, "Backup and restore"): a PostgreSQL cluster of this
# script's own with WAL archiving, a base backup taken under load, the key material backed up apart from it,
# more changes, then the database lost and restored into a fresh cluster from the base backup and the WAL
# archive up to a point in time. The registry, started on the restored cluster with the restored keys and the
# latest checkpoint monitors saw before that point as its floor (szmark.log.floor-checkpoint-file), must
# serve every change acknowledged before that point, a gapless log, the checkpoints saved before the backup
# and an auditor's pass. Started instead with a checkpoint published after that point as its floor, it must
# refuse to start, saying why, and never answer.
#
# Run as root (the cluster runs as the postgres user), after building the production jar:
#   mvn -B package -DskipTests -Dquarkus.profile=production
#   bench/restore.sh
#
# Settings (environment): WRITERS (3), LOAD_SECONDS (4, each of the three load phases), PG_PORT (55434, the
# original cluster), PG_PORT_RESTORED (55435), PORT (18430; management port PORT + 1), DB (szmark_restore),
# PG_ROOT (a folder in the work directory), and those of bench/lib.sh (JAR).
set -euo pipefail
cd "$(dirname "$0")/.."

WRITERS=${WRITERS:-3}
LOAD_SECONDS=${LOAD_SECONDS:-4}
PG_PORT=${PG_PORT:-55434}
PG_PORT_RESTORED=${PG_PORT_RESTORED:-55435}
PORT=${PORT:-18430}
DB=${DB:-szmark_restore}
# shellcheck source=bench/lib.sh
. bench/lib.sh
ARCHIVE=$WORK/wal-archive
PG_ARCHIVE_MODE=on
PG_ARCHIVE_COMMAND="test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f"
# shellcheck source=bench/pg-cluster.sh
. bench/pg-cluster.sh
[ "$(id -u)" = 0 ] || fail "run as root: the PostgreSQL clusters run as $PG_USER"
MANAGEMENT=$((PORT + 1))
CLIENT_PIDS=()
EXIT_HOOKS+=('touch "$WORK/stop"; for p in "${CLIENT_PIDS[@]}"; do kill "$p" 2>/dev/null; done')

load() { # phase: WRITERS clients for LOAD_SECONDS, their changes in $WORK/changes-<phase>-<n>
  rm -f "$WORK/stop"
  CLIENT_PIDS=()
  for w in $(seq 1 "$WRITERS"); do certificate_client "$WORK/changes-$1-$w" & CLIENT_PIDS+=($!); done
  sleep "$LOAD_SECONDS"
  touch "$WORK/stop"
  for pid in "${CLIENT_PIDS[@]}"; do wait "$pid" || true; done
  CLIENT_PIDS=()
  echo "$1: $(cat "$WORK"/changes-"$1"-* | grep -c '^A') changes acknowledged"
}
published() { # file: the current checkpoint, once it covers every change made so far (a monitor's copy)
  local size _
  size=$(pg_sql "$PG_PORT" "$DB" "SELECT tree_size FROM log_state")
  for _ in $(seq 1 40); do
    curl -sf "http://localhost:$PORT/log/checkpoint" >"$1" && [ "$(sed -n 2p "$1")" = "$size" ] && return 0
    sleep 0.25
  done
  fail "no checkpoint of size $size was published"
}

echo "== PostgreSQL on $PG_PORT with WAL archiving into $ARCHIVE"
mkdir -p "$ARCHIVE" && chown "$PG_USER" "$ARCHIVE"
pg_init "$PG_PORT"
pg_start "$PG_PORT"
pg_sql "$PG_PORT" postgres "CREATE DATABASE $DB" >/dev/null
start_registry "$PORT" "$MANAGEMENT" "jdbc:postgresql://127.0.0.1:$PG_PORT/$DB"
health_port "$PORT" "$MANAGEMENT" >/dev/null
setup_fixture "$PORT"
load before-backup
mkdir -p "$WORK/seen"
published "$WORK/seen/before-backup.checkpoint"
# Every checkpoint so far, as a monitor following the log keeps them.
curl -sf "http://localhost:$PORT/api/v1/log/checkpoints?limit=1000" >"$WORK/seen/checkpoints.json"

echo "== base backup, key material apart"
rm -rf "$WORK/backup"; mkdir -p "$WORK/backup" && chown "$PG_USER" "$WORK/backup"
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$WORK/backup/base" -X fetch --checkpoint=fast \
  >"$WORK/basebackup.log" 2>&1 || { cat "$WORK/basebackup.log" >&2; fail "pg_basebackup failed"; }
(umask 077 && tar -C "$WORK" -cf "$WORK/keys-backup.tar" keys)
echo "base backup $(du -sh "$WORK/backup/base" | cut -f1), keys backup $(stat -c %s "$WORK/keys-backup.tar") bytes"

load after-backup
published "$WORK/seen/target.checkpoint"
sleep 1
TARGET_TIME=$(pg_sql "$PG_PORT" postgres "SELECT now()")
TARGET_SIZE=$(sed -n 2p "$WORK/seen/target.checkpoint")
sleep 1
load after-target
published "$WORK/seen/late.checkpoint"
pg_sql "$PG_PORT" postgres "SELECT pg_switch_wal()" >/dev/null
sleep 2   # the archiver copies the last segment
echo "restore target $TARGET_TIME (log size $TARGET_SIZE); later checkpoint of size $(sed -n 2p "$WORK/seen/late.checkpoint")"

echo "== the database and the keys directory are lost"
kill_instance "$PORT"
pg_kill9 "$PG_PORT"
rm -rf "$(pg_dir "$PG_PORT")" "$WORK/keys"

echo "== restore into a fresh cluster on $PG_PORT_RESTORED, up to $TARGET_TIME"
pg_fresh_dir "$PG_PORT_RESTORED"
cp -a "$WORK/backup/base/." "$(pg_dir "$PG_PORT_RESTORED")/"
sed -i "s/^port = .*/port = $PG_PORT_RESTORED/; s/^archive_mode = .*/archive_mode = off/" "$(pg_dir "$PG_PORT_RESTORED")/postgresql.conf"
cat >>"$(pg_dir "$PG_PORT_RESTORED")/postgresql.conf" <<CONF
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$TARGET_TIME'
recovery_target_action = promote
CONF
as_pg touch "$(pg_dir "$PG_PORT_RESTORED")/recovery.signal"
pg_start "$PG_PORT_RESTORED"
for _ in $(seq 1 120); do
  [ "$(pg_sql "$PG_PORT_RESTORED" postgres "SELECT pg_is_in_recovery()")" = f ] && break
  sleep 0.5
done
[ "$(pg_sql "$PG_PORT_RESTORED" postgres "SELECT pg_is_in_recovery()")" = f ] || fail "the restored cluster did not finish recovery"
tar -C "$WORK" -xf "$WORK/keys-backup.tar"
RESTORED_URL="jdbc:postgresql://127.0.0.1:$PG_PORT_RESTORED/$DB"

echo "== a floor published after the restore point: the registry must refuse to start"
start_registry "$PORT" "$MANAGEMENT" "$RESTORED_URL" SZMARK_LOG_FLOOR_CHECKPOINT_FILE="$WORK/seen/late.checkpoint"
pid=${INSTANCE_PIDS[$PORT]}
answered=0
while kill -0 "$pid" 2>/dev/null; do
  curl -s -o /dev/null "http://localhost:$PORT/" && answered=1
  sleep 0.2
done
unset "INSTANCE_PIDS[$PORT]"
wait "$pid" && fail "the registry started on a log behind a published checkpoint"
[ "$answered" = 0 ] || fail "the registry answered requests on a log behind a published checkpoint"
grep -q 'fewer than the .* of the floor checkpoint it published' "$WORK/instance-$PORT.log" \
  || fail "the refusal does not say why; see $WORK/instance-$PORT.log"
echo "refused: $(grep -o 'The log holds [0-9]* entries, fewer than the [0-9]*' "$WORK/instance-$PORT.log" | head -1)"

echo "== the floor monitors saw at the restore point: the registry serves the restored log"
start_registry "$PORT" "$MANAGEMENT" "$RESTORED_URL" SZMARK_LOG_FLOOR_CHECKPOINT_FILE="$WORK/seen/target.checkpoint"
health_port "$PORT" "$MANAGEMENT" >/dev/null
grep -q 'contains the floor checkpoint' "$WORK/instance-$PORT.log" || fail "the floor check did not run"
DB_PORT=$PG_PORT_RESTORED
PGPORT=$DB_PORT check_log "$DB"
[ "$LOG_SIZE" -ge "$TARGET_SIZE" ] || fail "the restored log ($LOG_SIZE) is smaller than at the restore point ($TARGET_SIZE)"
PGPORT=$DB_PORT check_records "$DB" "$WORK"/changes-before-backup-* "$WORK"/changes-after-backup-*
echo "$ACKED changes acknowledged before the restore point, all restored"
# Every checkpoint saved before the backup is still the log's, byte for byte in its root.
grep -o '"size":[0-9]*,"rootHash":"[^"]*"' "$WORK/seen/checkpoints.json" | sed 's/"size":\([0-9]*\),"rootHash":"\(.*\)"/\1 \2/' >"$WORK/seen/roots"
[ -s "$WORK/seen/roots" ] || fail "no checkpoints were saved before the backup"
while read -r size root; do
  got=$(pg_sql "$DB_PORT" "$DB" "SELECT encode(root_hash, 'base64') FROM log_checkpoint WHERE tree_size = $size")
  [ "$got" = "$root" ] || fail "the checkpoint of size $size saved before the backup is not the restored log's"
done <"$WORK/seen/roots"
echo "$(wc -l <"$WORK/seen/roots") checkpoints saved before the backup found unchanged"
run_audit "$PORT"
echo "OK: restored to $TARGET_TIME from a base backup and the WAL archive: $ACKED acknowledged changes, log of $LOG_SIZE entries, auditor passed; a floor beyond the restore point refused"
