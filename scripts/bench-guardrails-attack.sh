#!/usr/bin/env bash
# Builds the release GuardrailsService, starts it on a free loopback port and runs
# scripts/bench-guardrails-attack.py against it (arguments pass through).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product GuardrailsService >/dev/null
BIN=$(swift build -c release --show-bin-path)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HOST=127.0.0.1 PORT=$PORT LOG_LEVEL=warning GUARDRAILS_HASH_SECRET=bench-hash-secret-0123456789 "$BIN/GuardrailsService" >/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do "$BIN/GuardrailsService" healthcheck "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.1; done
python3 scripts/bench-guardrails-attack.py --url "http://127.0.0.1:$PORT" "$@"
