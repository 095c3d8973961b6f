#!/usr/bin/env bash
# Knowledge-base search latency and ingestion rate (RAGBenchmark, release):
#   memory store at MEMORY_CHUNKS (10,000) synthetic chunks, then PostgreSQL + pgvector at
#   PG_CHUNKS (100,000) in a fresh database `rag_bench` on the test server (started here unless
#   TEST_DATABASE_URL is set), with HNSW recall@10 against an exact scan.
#   STORES="memory" skips PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMORY_CHUNKS=${MEMORY_CHUNKS:-10000}
PG_CHUNKS=${PG_CHUNKS:-100000}
QUERIES=${QUERIES:-1000}
STORES=${STORES:-"memory postgres"}
swift build -c release --product RAGBenchmark >/dev/null
BIN=$(swift build -c release --show-bin-path)/RAGBenchmark
for store in $STORES; do
    case $store in
    memory)
        "$BIN" --store memory --chunks "$MEMORY_CHUNKS" --queries "$QUERIES" ;;
    postgres)
        if [[ -z "${TEST_DATABASE_URL:-}" ]]; then eval "$(scripts/pg-test-server.sh start)"; fi
        PSQL="${PG_TEST_BIN:-/usr/bin}/psql"
        "$PSQL" "$TEST_DATABASE_URL" -q -c "DROP DATABASE IF EXISTS rag_bench" -c "CREATE DATABASE rag_bench" 2>/dev/null
        "$BIN" --store postgres --chunks "$PG_CHUNKS" --queries "$QUERIES" --database-url "${TEST_DATABASE_URL%/*}/rag_bench" ;;
    esac
done
