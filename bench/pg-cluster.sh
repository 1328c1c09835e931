# Sourced by bench/failover.sh and bench/restore.sh (after bench/lib.sh): PostgreSQL clusters of their own,
# made with Debian's PostgreSQL binaries in directories under PG_ROOT and run as the postgres user, each on
# its own port of 127.0.0.1, so the server on 5432 is never touched. Every cluster started is stopped on exit.
#
# Settings (environment): PG_BIN (the newest /usr/lib/postgresql/*/bin), PG_ROOT ($WORK/pg), PG_USER (postgres).

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PG_ROOT=${PG_ROOT:-$WORK/pg}
PG_USER=${PG_USER:-postgres}
[ -x "$PG_BIN/pg_ctl" ] || fail "PostgreSQL server binaries not found (PG_BIN=$PG_BIN); apt-get install postgresql"
id "$PG_USER" >/dev/null 2>&1 || fail "no user $PG_USER to run PostgreSQL as"
# The PostgreSQL user reaches its files in $WORK (mktemp makes it root's alone) and PG_ROOT.
chmod o+x "$WORK"
declare -A PG_DIRS=()   # port -> data directory of a cluster this script started
EXIT_HOOKS+=('for p in "${!PG_DIRS[@]}"; do pg_stop "$p" immediate; done')

as_pg() { # command...: runs it as the PostgreSQL user, from a directory it may read
  (cd / && setpriv --reuid="$PG_USER" --regid="$(id -g "$PG_USER")" --init-groups -- "$@")
}
pg_dir() { echo "$PG_ROOT/pg-$1"; }
pg_fresh_dir() { # port: an empty data directory for that port
  rm -rf "$(pg_dir "$1")"
  mkdir -p "$PG_ROOT" "$(pg_dir "$1")"
  chown "$PG_USER" "$PG_ROOT" "$(pg_dir "$1")"
  chmod 0700 "$(pg_dir "$1")"
}
pg_settings() { # port: settings of every cluster, primary or standby (a standby becomes a primary)
  cat >>"$(pg_dir "$1")/postgresql.conf" <<CONF
port = $1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_ROOT'
wal_level = replica
max_wal_senders = 10
wal_keep_size = '512MB'
hot_standby = on
synchronous_commit = on
fsync = on
max_connections = 150
shared_buffers = '128MB'
archive_mode = ${PG_ARCHIVE_MODE:-off}
archive_command = '${PG_ARCHIVE_COMMAND:-/bin/true}'
logging_collector = off
CONF
}
pg_init() { # port: a new cluster (trust authentication for 127.0.0.1, including replication)
  pg_fresh_dir "$1"
  as_pg "$PG_BIN/initdb" -D "$(pg_dir "$1")" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb-$1.log" 2>&1 \
    || { cat "$WORK/initdb-$1.log" >&2; fail "initdb for port $1 failed"; }
  pg_settings "$1"
}
pg_start() { # port
  as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir "$1")" -l "$PG_ROOT/postgres-$1.log" -w -t 60 start >/dev/null \
    || { tail -20 "$PG_ROOT/postgres-$1.log" >&2; fail "PostgreSQL on port $1 did not start"; }
  PG_DIRS[$1]=$(pg_dir "$1")
}
pg_stop() { # port [mode]
  [ -n "${PG_DIRS[$1]:-}" ] || return 0
  as_pg "$PG_BIN/pg_ctl" -D "${PG_DIRS[$1]}" -m "${2:-fast}" -w -t 60 stop >/dev/null 2>&1 || true
  unset "PG_DIRS[$1]"
}
pg_kill9() { # port: kill -9 the postmaster and every process it started, as a crashed server
  local pid children
  pid=$(head -1 "$(pg_dir "$1")/postmaster.pid")
  children=$(ps -o pid= --ppid "$pid" | tr '\n' ' ')
  # shellcheck disable=SC2086 # one pid a word
  kill -9 "$pid" $children 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  unset "PG_DIRS[$1]"
}
pg_sql() { # port database sql...: one value a line
  local port=$1 db=$2; shift 2
  psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -Atq "${@/#/-c}"
}
pg_standby_of() { # primary-port standby-port: a streaming standby made by pg_basebackup, started
  pg_fresh_dir "$2"
  as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$1" -U postgres -D "$(pg_dir "$2")" -R -X stream --checkpoint=fast \
    >"$WORK/basebackup-$2.log" 2>&1 || { cat "$WORK/basebackup-$2.log" >&2; fail "pg_basebackup from $1 failed"; }
  # The copy carries the primary's settings; these are the standby's own.
  sed -i '/^synchronous_standby_names/d' "$(pg_dir "$2")/postgresql.auto.conf"
  sed -i "s/^port = .*/port = $2/" "$(pg_dir "$2")/postgresql.conf"
  echo "primary_conninfo = 'host=127.0.0.1 port=$1 user=postgres application_name=pg$2'" >>"$(pg_dir "$2")/postgresql.auto.conf"
  pg_start "$2"
}
pg_make_synchronous() { # primary-port standby-port: commits wait for the standby's flush from now on
  pg_sql "$1" postgres "ALTER SYSTEM SET synchronous_standby_names = 'pg$2'" "SELECT pg_reload_conf()" >/dev/null
  local _
  for _ in $(seq 1 120); do
    [ "$(pg_sql "$1" postgres "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'pg$2'")" = sync ] && return 0
    sleep 0.5
  done
  fail "the standby on $2 did not become synchronous to $1"
}
