#!/bin/sh
# Starts the registry from /opt/szmark (or SZMARK_HOME) with the JVM options the capacity figures in
# docs/performance.md were measured with. JAVA_OPTS replaces them; JAVA_OPTS_APPEND adds to them.
# Temporary files go to the data directory, so the root file system can stay read-only.
set -eu
home=${SZMARK_HOME:-/opt/szmark}
data=${SZMARK_DATA_DIR:-/var/lib/szmark/data}
mkdir -p "$data/tmp"
: "${JAVA_OPTS:=-Xms256m -Xmx384m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC}"
cds=""
# A missing or stale archive (another JVM) only costs start time; the JVM then runs without it.
[ -r "$home/app-cds.jsa" ] && cds="-XX:SharedArchiveFile=$home/app-cds.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
# shellcheck disable=SC2086 # the option lists are meant to be split into words
exec java $cds $JAVA_OPTS ${JAVA_OPTS_APPEND:-} -XX:-UsePerfData -Djava.io.tmpdir="$data/tmp" \
  -Dvertx.cacheDirBase="$data/tmp/vertx-cache" -jar "$home/quarkus-run.jar" "$@"
