#!/usr/bin/env bash
# Starts the three release services with embedded defaults on free ports, waits until each is
# ready, lets them idle, and prints each one's resident memory (VmRSS) from /proc, with the
# anonymous (private, not file-backed) part of it.
# STATIC=1 measures a --static-swift-stdlib build, as the container images are built.
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE_SECONDS=${IDLE_SECONDS:-10}
flags=(-c release)
if [[ "${STATIC:-0}" == 1 ]]; then flags+=(--static-swift-stdlib --scratch-path .build-static); fi
swift build "${flags[@]}" >/dev/null
BIN=$(swift build "${flags[@]}" --show-bin-path)
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
G=$(port); R=$(port); C=$(port)

HOST=127.0.0.1 PORT=$G LOG_LEVEL=warning "$BIN/GuardrailsService" >/dev/null & g=$!
HOST=127.0.0.1 PORT=$R LOG_LEVEL=warning "$BIN/RAGService" >/dev/null & r=$!
HOST=127.0.0.1 PORT=$C LOG_LEVEL=warning GUARDRAILS_URL=http://127.0.0.1:$G RAG_URL=http://127.0.0.1:$R \
    "$BIN/ConciergeService" >/dev/null & c=$!
trap 'kill -TERM $g $r $c 2>/dev/null; wait 2>/dev/null' EXIT

for p in $G $R $C; do
    for _ in $(seq 1 200); do
        "$BIN/ConciergeService" healthcheck "http://127.0.0.1:$p/ready" >/dev/null 2>&1 && break
        sleep 0.1
    done
done
sleep "$IDLE_SECONDS"
for pair in "guardrails:$g" "rag:$r" "concierge:$c"; do
    name=${pair%%:*}; pid=${pair##*:}
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    anon=$(awk '/^Anonymous:/ {print $2}' "/proc/$pid/smaps_rollup")
    awk -v n="$name" -v r="$rss" -v a="$anon" 'BEGIN {printf "%-11s idle RSS %5.1f MB (anonymous %4.1f MB)\n", n, r / 1024, a / 1024}'

done
