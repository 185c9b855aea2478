#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 and Redis on loopback for the test suite.
#   scripts/services.sh start   # prints the environment to export
#   scripts/services.sh stop
# Ports and the data folder can be changed with PG_PORT, REDIS_PORT and SERVICES_DIR. The defaults sit
# below the kernel's ephemeral range (32768-60999): a client connection in TIME_WAIT on a port inside it
# made PostgreSQL fail to start.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-25432}
REDIS_PORT=${REDIS_PORT:-26379}
DIR=${SERVICES_DIR:-/tmp/alliance-services}
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  mkdir -p "$DIR"
  if [ ! -f "$DIR/pg/PG_VERSION" ]; then
    mkdir -p "$DIR/pg"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DIR/pg"
    as_postgres "$PG_BIN/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg" status >/dev/null 2>&1; then
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg/server.log" -w \
      -o "-h 127.0.0.1 -p $PG_PORT -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  fi
  psql_() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }
  [ "$(psql_ "SELECT 1 FROM pg_roles WHERE rolname='alliance'")" = 1 ] \
    || psql_ "CREATE ROLE alliance LOGIN CREATEDB PASSWORD 'alliance'"
  [ "$(psql_ "SELECT 1 FROM pg_database WHERE datname='alliance'")" = 1 ] \
    || psql_ "CREATE DATABASE alliance OWNER alliance"
  if ! redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
      --dir "$DIR" --logfile "$DIR/redis.log" --pidfile "$DIR/redis.pid"
    for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  redis-cli -p "$REDIS_PORT" flushall >/dev/null
  echo "export DATABASE_URL=postgres://alliance:alliance@127.0.0.1:$PG_PORT/alliance"
  echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0"
  echo "export CELERY_BROKER_URL=redis://127.0.0.1:$REDIS_PORT/1"
}

stop() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  if [ -f "$DIR/pg/PG_VERSION" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
