#!/usr/bin/env bash
# /v1/check latency and throughput on 200-character messages over loopback: a release
# GuardrailsService on a free port, HTTPClientBenchmark POSTing messages cut from the PII and
# attack corpora, 16 concurrent clients (CONCURRENCY), REQUESTS requests.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-40000}
CONCURRENCY=${CONCURRENCY:-16}
swift build -c release --product GuardrailsService >/dev/null
swift build -c release --product HTTPClientBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)
bodies=$(mktemp)
python3 - "$bodies" <<'PY'
import json, sys
texts = [json.loads(l)["text"] for l in open("eval/guardrails/pii_corpus.jsonl")] + [json.loads(l)["text"] for l in open("eval/guardrails/attacks.jsonl")]
with open(sys.argv[1], "w") as out:
    for i, t in enumerate(texts):
        message = (t + " " + texts[(i + 7) % len(texts)] + " " * 200)[:200]
        out.write(json.dumps({"text": message, "direction": "input"}) + "\n")
PY
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HOST=127.0.0.1 PORT=$PORT LOG_LEVEL=warning "$BIN/GuardrailsService" >/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$bodies"' EXIT
for _ in $(seq 1 100); do "$BIN/GuardrailsService" healthcheck "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.1; done
echo "machine: $(nproc) cores, $(uname -sr); 200-character messages, full input policy"
"$BIN/HTTPClientBenchmark" --url "http://127.0.0.1:$PORT/v1/check" --bodies "$bodies" --requests "$REQUESTS" --concurrency "$CONCURRENCY"
# The acceptance figure: wrk (Debian package) with one load thread and 16 connections, so the
# load generator takes as little as possible of the two cores it shares with the server.
if command -v wrk >/dev/null; then
    wrk -t1 -c16 -d3s -s scripts/wrk/check.lua "http://127.0.0.1:$PORT/v1/check" >/dev/null  # warm-up
    # The server's CPU time per request (user + system, from /proc) beside each run: p99 here
    # follows it closely, and unlike p99 it hardly depends on what else the machine is doing.
    ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
    hertz=$(getconf CLK_TCK)
    for run in 1 2 3; do
        echo "wrk -t1 -c16 -d10s, run $run:"
        before=$(ticks)
        out=$(wrk -t1 -c16 -d10s --latency -s scripts/wrk/check.lua "http://127.0.0.1:$PORT/v1/check")
        after=$(ticks)
        echo "$out" | grep -E "Requests/sec|  50%|  99%|percentiles:|Non-2xx|Socket errors"
        requests=$(echo "$out" | awk '/requests in/ {print $1}')
        awk -v t=$((after - before)) -v hz="$hertz" -v n="$requests" 'BEGIN { printf "server CPU per request: %.1f µs\n", t / hz / n * 1e6 }'
    done
else
    echo "wrk not installed (apt-get install -y wrk): skipped the wrk runs"
fi
