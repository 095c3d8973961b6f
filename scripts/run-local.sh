#!/usr/bin/env bash
# Builds in release and runs the stack on this machine with the embedded defaults:
# guardrails (8002) and RAG (8001) first, then the concierge (8000) once both are ready.
# Ctrl-C stops all three; so does any one of them dying.
set -euo pipefail
cd "$(dirname "$0")/.."

GUARDRAILS_PORT=${GUARDRAILS_PORT:-8002}
RAG_PORT=${RAG_PORT:-8001}
CONCIERGE_PORT=${CONCIERGE_PORT:-8000}
STARTUP_TIMEOUT_SECONDS=${STARTUP_TIMEOUT_SECONDS:-60}
export STARTUP_TIMEOUT_SECONDS
# A local-only signing key for demo tokens; set your own JWT_SECRET for anything shared.
JWT_SECRET=${JWT_SECRET:-local-demo-secret-$(hostname)-loopback-only}
export JWT_SECRET

# The sentence encoder's model for RAG (downloaded once, checked by SHA-256); without it RAG
# falls back to the hashed embedder and says so.
bash scripts/fetch-model.sh >/dev/null || echo "sentence encoder model not installed; RAG uses the hashed embedder" >&2

echo "building (release)…"
swift build -c release
BIN=$(swift build -c release --show-bin-path)

pids=()
stop_all() {
    trap - INT TERM EXIT
    if ((${#pids[@]})); then
        echo "stopping…"
        kill -TERM "${pids[@]}" 2>/dev/null || true
        wait "${pids[@]}" 2>/dev/null || true
    fi
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

start() { # name port [VAR=value…]
    local name=$1 port=$2
    shift 2
    env HOST="${HOST:-127.0.0.1}" PORT="$port" "$@" "$BIN/$name" &
    pids+=($!)
}

wait_ready() { # name port pid
    local name=$1 port=$2 pid=$3 deadline=$((SECONDS + STARTUP_TIMEOUT_SECONDS))
    until "$BIN/$name" healthcheck "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "$name exited before it was ready" >&2
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            echo "$name not ready after ${STARTUP_TIMEOUT_SECONDS}s" >&2
            exit 1
        fi
        sleep 0.2
    done
    echo "$name ready on :$port"
}

start GuardrailsService "$GUARDRAILS_PORT"
guardrails_pid=${pids[-1]}
start RAGService "$RAG_PORT"
rag_pid=${pids[-1]}
wait_ready GuardrailsService "$GUARDRAILS_PORT" "$guardrails_pid"
wait_ready RAGService "$RAG_PORT" "$rag_pid"

start ConciergeService "$CONCIERGE_PORT" \
    GUARDRAILS_URL="http://127.0.0.1:$GUARDRAILS_PORT" RAG_URL="http://127.0.0.1:$RAG_PORT"
wait_ready ConciergeService "$CONCIERGE_PORT" "${pids[-1]}"

cat <<MSG

All three services are ready:
  concierge   http://127.0.0.1:$CONCIERGE_PORT   (/health /live /ready /metrics)
  rag         http://127.0.0.1:$RAG_PORT
  guardrails  http://127.0.0.1:$GUARDRAILS_PORT
A first chat (demo customers: cust_alex, cust_sam, cust_priya):
  TOKEN=\$(JWT_SECRET='$JWT_SECRET' $BIN/ConciergeService token cust_alex)
  curl -s http://127.0.0.1:$CONCIERGE_PORT/v1/chat -H "Authorization: Bearer \$TOKEN" -d '{"message":"what is my balance?"}'
Ctrl-C stops all three.

MSG

# Whichever service exits first (crash or signal) takes the others down with it.
set +e
wait -n "${pids[@]}"
status=$?
echo "a service exited (status $status); stopping the others" >&2
exit "$status"
