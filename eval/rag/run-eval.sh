#!/usr/bin/env bash
# Retrieval quality on both stores: a release RAGService with the in-memory store, then one on
# PostgreSQL + pgvector (a fresh database on the test server from scripts/pg-test-server.sh,
# started here unless TEST_DATABASE_URL is already set), each with the sentence encoder (the
# default once scripts/fetch-model.sh has installed it) and with the hashed embedder beside it.
# Prints recall@1, recall@5 and MRR per mode for the main and the held-out questions; exits 1
# when the default embedder's hybrid misses GATE_RECALL5 / GATE_MRR on the main set.
set -euo pipefail
cd "$(dirname "$0")/../.."
GATE_RECALL5=${GATE_RECALL5:-0.95}
GATE_MRR=${GATE_MRR:-0.85}
swift build -c release --product RAGService >/dev/null
BIN=$(swift build -c release --show-bin-path)/RAGService
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
server=""
cleanup() { [[ -n "$server" ]] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap cleanup EXIT

run_store() {  # label, extra env...
    local label=$1; shift
    local port; port=$(free_port)
    env "$@" HOST=127.0.0.1 PORT="$port" LOG_LEVEL=warning "$BIN" >"/tmp/rag-eval-$label.log" 2>&1 &
    server=$!
    for _ in $(seq 1 300); do "$BIN" healthcheck "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && break; sleep 0.2; done
    status=0
    local embedder; embedder=$(python3 -c 'import json,sys; print(json.load(sys.stdin).get("components",{}).get("embedder","?"))' < <(curl -s "http://127.0.0.1:$port/health"))
    if [[ "$label" == *hashed* ]]; then
        python3 eval/rag/score.py --url "http://127.0.0.1:$port" --label "$label store, $embedder" || true
    else
        python3 eval/rag/score.py --url "http://127.0.0.1:$port" --label "$label store, $embedder" --min-recall5 "$GATE_RECALL5" --min-mrr "$GATE_MRR" || status=$?
    fi
    python3 eval/rag/score.py --url "http://127.0.0.1:$port" --questions eval/rag/questions-heldout.jsonl --label "$label store, $embedder, held out" || true
    kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
    return $status
}

failed=0
run_store memory || failed=1
run_store memory-hashed EMBEDDING_PROVIDER=local

if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
    eval "$(scripts/pg-test-server.sh start)"
fi
PSQL="${PG_TEST_BIN:-$(dirname "$(command -v psql || echo /usr/bin/psql)")}/psql"
"$PSQL" "$TEST_DATABASE_URL" -q -c "DROP DATABASE IF EXISTS rag_eval" -c "CREATE DATABASE rag_eval"
EVAL_URL="${TEST_DATABASE_URL%/*}/rag_eval"
run_store postgres DATABASE_URL="$EVAL_URL" || failed=1
"$PSQL" "$TEST_DATABASE_URL" -q -c "DROP DATABASE IF EXISTS rag_eval" -c "CREATE DATABASE rag_eval"
run_store postgres-hashed DATABASE_URL="$EVAL_URL" EMBEDDING_PROVIDER=local
exit $failed
