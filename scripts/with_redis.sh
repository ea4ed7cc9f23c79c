#!/usr/bin/env bash
# Run a command against a throwaway redis-server that lives only as long as the command.
#
#   scripts/with_redis.sh .venv/bin/python -m pytest
#
# The server listens only on a unix socket in a temporary folder (no TCP port to clash with),
# keeps nothing on disk, and is stopped and removed at the end, also when the command fails
# or is interrupted. REDIS_URL points at it for the command.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

REDIS_SERVER=$(command -v redis-server || true)
if [ -z "$REDIS_SERVER" ]; then
  # CI starts from a clean machine: install the server ourselves when we are allowed to.
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "redis-server ontbreekt; installeren met apt-get." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
    REDIS_SERVER=$(command -v redis-server)
  else
    echo "redis-server ontbreekt. Installeer het, bijvoorbeeld: sudo apt-get install redis-server" >&2
    exit 1
  fi
fi

FOLDER=$(mktemp -d /tmp/pestgesprek-redis.XXXXXX)
SOCKET="$FOLDER/redis.sock"
PIDFILE="$FOLDER/redis.pid"
stop() {
  if [ -f "$PIDFILE" ]; then kill "$(cat "$PIDFILE")" 2>/dev/null || true; fi
  for _ in $(seq 50); do [ -S "$SOCKET" ] || break; sleep 0.1; done
  rm -rf "$FOLDER"
}
trap stop EXIT INT TERM

"$REDIS_SERVER" --port 0 --unixsocket "$SOCKET" --unixsocketperm 700 --save "" --appendonly no \
  --daemonize yes --pidfile "$PIDFILE" --logfile "$FOLDER/redis.log" --dir "$FOLDER"
for _ in $(seq 100); do [ -S "$SOCKET" ] && break; sleep 0.05; done
[ -S "$SOCKET" ] || { echo "redis-server kwam niet op" >&2; cat "$FOLDER/redis.log" >&2; exit 1; }
echo "Redis draait tijdelijk in $FOLDER" >&2

REDIS_URL="unix://$SOCKET" "$@"
