#!/usr/bin/env bash
# Benchmarks the libcurl HTTP client against a real service over loopback:
# a release GuardrailsService on a free port, and HTTPClientBenchmark calling its /live
# sequentially and from 32 concurrent callers. Prints req/s, p50, p99 and connections opened.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${REQUESTS:-40000}
CONCURRENCY=${CONCURRENCY:-32}
PORT=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}

swift build -c release --product GuardrailsService >/dev/null
swift build -c release --product HTTPClientBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)

HOST=127.0.0.1 PORT=$PORT LOG_LEVEL=warning "$BIN/GuardrailsService" >/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do
    "$BIN/GuardrailsService" healthcheck "http://127.0.0.1:$PORT/live" >/dev/null 2>&1 && break
    sleep 0.1
done

echo "machine: $(nproc) cores, $(uname -sr), $(swift --version 2>/dev/null | head -1)"
"$BIN/HTTPClientBenchmark" --url "http://127.0.0.1:$PORT/live" --requests "$REQUESTS" --concurrency "$CONCURRENCY"
