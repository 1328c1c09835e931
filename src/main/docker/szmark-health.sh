#!/bin/bash
# Container health check without curl: asks the management interface (QUARKUS_MANAGEMENT_PORT, 9000) for
# /q/health/<live|ready|started> over bash's /dev/tcp and succeeds on a 200 answer. A build without the
# management interface serves health on the HTTP port (QUARKUS_HTTP_PORT, 8080), which is asked when nothing
# listens on the management port.
set -u
check=${1:-ready}
ask() { # port -> 0 on a 200 answer, 1 on another answer, 2 when nothing listens
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 2
  printf 'GET /q/health/%s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$check" >&3
  local status=""
  IFS= read -r -t 5 status <&3
  exec 3<&-
  case $status in *" 200 "*) return 0 ;; *) return 1 ;; esac
}
ask "${QUARKUS_MANAGEMENT_PORT:-9000}" 2>/dev/null
rc=$?
[ "$rc" -eq 2 ] && { ask "${QUARKUS_HTTP_PORT:-8080}" 2>/dev/null; rc=$?; }
exit "$rc"
