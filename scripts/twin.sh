#!/usr/bin/env bash
# The no-Docker twin of docker-compose.yml on loopback: guardrails, RAG, CONCIERGE_REPLICAS
# concierge replicas on their own ports and nginx (Debian) on GATEWAY_PORT with the gateway's
# proxy settings, against a real PostgreSQL + pgvector (TWIN_DATABASE_URL). Start-up follows
# compose's order: database reachable → guardrails and RAG ready → concierges ready → gateway.
#
#   TWIN_DATABASE_URL=postgresql://… scripts/twin.sh start   # prints the ports, returns when ready
#   scripts/twin.sh stop
#
# BIN (default .build/debug) holds the executables; state and logs go to TWIN_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
TWIN_DIR=${TWIN_DIR:-/tmp/fintech-concierge-twin}
BIN=${BIN:-.build/debug}
REPLICAS=${CONCIERGE_REPLICAS:-3}
export JWT_SECRET=${JWT_SECRET:-twin-jwt-secret-0123456789abcdef}
export INTERNAL_API_KEY=${INTERNAL_API_KEY:-twin-internal-key-0123456789}
export GUARDRAILS_HASH_SECRET=${GUARDRAILS_HASH_SECRET:-twin-hash-secret-0123456789}
export LOG_LEVEL=${LOG_LEVEL:-info} HOST=127.0.0.1

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_ready() {  # name url
    for _ in $(seq 1 300); do
        "$BIN/GuardrailsService" healthcheck "$2" >/dev/null 2>&1 && { echo "$1 ready" >&2; return 0; }
        sleep 0.2
    done
    echo "$1 not ready: $2" >&2
    return 1
}

start() {
    : "${TWIN_DATABASE_URL:?TWIN_DATABASE_URL must name the PostgreSQL database of the twin}"
    command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx-light)" >&2; exit 2; }
    mkdir -p "$TWIN_DIR"
    : >"$TWIN_DIR/pids"
    local g r gw
    g=$(port); r=$(port); gw=${GATEWAY_PORT:-$(port)}
    PORT=$g "$BIN/GuardrailsService" >"$TWIN_DIR/guardrails.log" 2>&1 & echo $! >>"$TWIN_DIR/pids"
    PORT=$r DATABASE_URL=$TWIN_DATABASE_URL "$BIN/RAGService" >"$TWIN_DIR/rag.log" 2>&1 & echo $! >>"$TWIN_DIR/pids"
    echo "$g" >"$TWIN_DIR/guardrails.port"
    echo "$r" >"$TWIN_DIR/rag.port"
    wait_ready guardrails "http://127.0.0.1:$g/ready"
    wait_ready rag "http://127.0.0.1:$r/ready"
    local upstream=""
    for i in $(seq 1 "$REPLICAS"); do
        local c; c=$(port)
        PORT=$c GUARDRAILS_URL=http://127.0.0.1:$g RAG_URL=http://127.0.0.1:$r DATABASE_URL=$TWIN_DATABASE_URL \
            "$BIN/ConciergeService" >"$TWIN_DIR/concierge-$i.log" 2>&1 & echo $! >>"$TWIN_DIR/pids"
        echo "$c" >"$TWIN_DIR/concierge-$i.port"
        upstream+="    server 127.0.0.1:$c max_fails=1 fail_timeout=2s;"$'\n'
    done
    for i in $(seq 1 "$REPLICAS"); do wait_ready "concierge-$i" "http://127.0.0.1:$(cat "$TWIN_DIR/concierge-$i.port")/ready"; done
    # The gateway's locations (the API proxy, its own health, 404 for the rest), with a static
    # upstream in place of Docker DNS.
    local location map_block
    location=$(sed -n '/^    location /,/^    }/p' deploy/nginx/gateway.conf | grep -v 'set \$concierge' | sed 's|http://\$concierge;|http://concierge;|')
    map_block=$(sed -n '/^map /,/^}/p' deploy/nginx/gateway.conf)
    cat >"$TWIN_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $TWIN_DIR/nginx.pid;
error_log $TWIN_DIR/nginx-error.log;
events {}
http {
  access_log $TWIN_DIR/nginx-access.log;
  client_body_temp_path $TWIN_DIR/client_body;
  proxy_temp_path $TWIN_DIR/proxy;
$map_block
  upstream concierge {
$upstream    keepalive 16;
  }
  server {
    listen 127.0.0.1:$gw;
$location
  }
}
CONF
    nginx -c "$TWIN_DIR/nginx.conf" -e "$TWIN_DIR/nginx-error.log"
    echo "$gw" >"$TWIN_DIR/gateway.port"
    echo "TWIN_GATEWAY=http://127.0.0.1:$gw"
    echo "TWIN_DIR=$TWIN_DIR"
}

stop() {
    [[ -f "$TWIN_DIR/nginx.pid" ]] && nginx -c "$TWIN_DIR/nginx.conf" -s stop 2>/dev/null || true
    if [[ -f "$TWIN_DIR/pids" ]]; then
        xargs -r kill -TERM <"$TWIN_DIR/pids" 2>/dev/null || true
        sleep 0.5
        xargs -r kill -KILL <"$TWIN_DIR/pids" 2>/dev/null || true
        rm -f "$TWIN_DIR/pids"
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
