#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL 15 server that lives only as long as the command.
#
#   scripts/with_postgres.sh .venv/bin/python -m pytest
#
# The server gets a fresh data folder in a temporary directory, listens only on a unix
# socket there (no TCP port to clash with), and is stopped and removed at the end, also
# when the command fails or is interrupted. DATABASE_URL points at it for the command.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 command [args...]" >&2
  exit 2
fi

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin "$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/x)")"; do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && "$dir/pg_ctl" --version | grep -q ' 15\.'; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

PG_BIN=$(find_pg_bin) || {
  # CI starts from a clean machine: install the server ourselves when we are allowed to.
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL 15 ontbreekt; installeren met apt-get." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
    PG_BIN=$(find_pg_bin)
  else
    echo "PostgreSQL 15 ontbreekt. Installeer het, bijvoorbeeld: sudo apt-get install postgresql-15" >&2
    exit 1
  fi
}

# PostgreSQL refuses to run as root; as root we run the server as the 'postgres' user.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Always under /tmp: the server user must reach it, and a socket path must stay short.
WORK=$(mktemp -d /tmp/pestgesprek-pg.XXXXXX)
DATA="$WORK/data"
SOCKET_DIR="$WORK"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$WORK"; fi

stop_server() {
  local status=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    as_server_user "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap stop_server EXIT

as_server_user "$PG_BIN/initdb" -D "$DATA" -U pestgesprek --auth=trust --encoding=UTF8 --locale=C >/dev/null
# Durability is pointless for a database that is thrown away: these settings make tests faster.
as_server_user "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/server.log" -w -o \
  "-c listen_addresses='' -c unix_socket_directories='$SOCKET_DIR' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
as_server_user "$PG_BIN/createdb" -h "$SOCKET_DIR" -U pestgesprek pestgesprek

# The socket folder goes in the query: a host name in a URL is lower-cased, a path is not.
export DATABASE_URL="postgres://pestgesprek@/pestgesprek?host=$SOCKET_DIR"
echo "PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') draait tijdelijk in $WORK" >&2
# In the background, because bash runs a trap only after the foreground command ends: a
# TERM (a CI timeout, say) is passed on to the command, and then the server is stopped.
"$@" &
COMMAND=$!
trap 'kill -TERM "$COMMAND" 2>/dev/null; wait "$COMMAND"; exit 143' TERM
trap 'kill -INT "$COMMAND" 2>/dev/null; wait "$COMMAND"; exit 130' INT
wait "$COMMAND"
