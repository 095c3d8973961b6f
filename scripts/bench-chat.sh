#!/usr/bin/env bash
# Chat throughput and latency over loopback with the whole stack (release, local LLM, memory
# stores): wrk (Debian package `wrk`) drives a balance/knowledge mix on /v1/chat as one demo
# customer with rate limiting off, then /live for reference, same machine, same run.
#   CONNECTIONS (32), DURATION (15s), THREADS (2)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-15s}
THREADS=${THREADS:-2}
swift build -c release >/dev/null
BIN=$(swift build -c release --show-bin-path)
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
G=$(port); R=$(port); C=$(port)
export JWT_SECRET=bench-secret-0123456789abcdef LOG_LEVEL=warning HOST=127.0.0.1
pids=()
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
PORT=$G "$BIN/GuardrailsService" >/dev/null & pids+=($!)
PORT=$R "$BIN/RAGService" >/dev/null & pids+=($!)
PORT=$C GUARDRAILS_URL=http://127.0.0.1:$G RAG_URL=http://127.0.0.1:$R RATE_LIMIT_PER_MINUTE=0 "$BIN/ConciergeService" >/dev/null & pids+=($!)
for _ in $(seq 1 300); do "$BIN/ConciergeService" healthcheck "http://127.0.0.1:$C/ready" >/dev/null 2>&1 && break; sleep 0.2; done
export TOKEN; TOKEN=$("$BIN/ConciergeService" token cust_alex 86400)
echo "machine: $(nproc) cores, $(uname -sr); wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s scripts/wrk/chat-mix.lua "http://127.0.0.1:$C" >/dev/null  # warm-up
echo "== /v1/chat (balance / knowledge mix)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s scripts/wrk/chat-mix.lua "http://127.0.0.1:$C" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors"
echo "== /live (same run, for reference)"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$C/live" | grep -E "Requests/sec|50%|99%"
