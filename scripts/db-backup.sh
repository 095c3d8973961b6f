#!/usr/bin/env bash
# Back up the stack's PostgreSQL database (ledger, sessions, knowledge base) with pg_dump's
# custom format: compressed, restorable table by table, checked with pg_restore --list.
#
#   DATABASE_URL=postgresql://… scripts/db-backup.sh [FILE]      # pg_dump on this machine
#   scripts/db-backup.sh --compose [FILE]                         # pg_dump inside the compose postgres
#
# FILE defaults to backups/concierge-<UTC time>.dump. PG_BIN may name the folder of pg_dump
# (it must be PostgreSQL 16 or newer, like the server).
set -euo pipefail
cd "$(dirname "$0")/.."

compose=false
if [[ "${1:-}" == "--compose" ]]; then compose=true; shift; fi
file=${1:-backups/concierge-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$file")"
tmp="$file.partial"
trap 'rm -f "$tmp"' EXIT

if $compose; then
    # The database's own credentials from the container's environment; the dump streams out.
    docker compose exec -T postgres sh -c 'pg_dump --format=custom --no-owner -U "$POSTGRES_USER" "$POSTGRES_DB"' >"$tmp"
    docker compose exec -T postgres pg_restore --list <"$tmp" >/dev/null
else
    : "${DATABASE_URL:?set DATABASE_URL (postgresql://user:password@host:port/database)}"
    bin=${PG_BIN:+$PG_BIN/}
    "${bin}pg_dump" --format=custom --no-owner --dbname="$DATABASE_URL" --file="$tmp"
    "${bin}pg_restore" --list "$tmp" >/dev/null
fi
# Only a complete, readable dump takes the final name.
mv "$tmp" "$file"
echo "backup written: $file ($(wc -c <"$file") bytes)"
