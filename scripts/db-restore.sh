#!/usr/bin/env bash
# Restore a backup made by scripts/db-backup.sh, replacing what the database holds. It runs in
# one transaction: on any error nothing changes. Stop the concierge and RAG first (or scale
# them to 0) so no request writes while tables are replaced; start them again afterwards.
#
#   DATABASE_URL=postgresql://… scripts/db-restore.sh FILE
#   scripts/db-restore.sh --compose FILE
set -euo pipefail
cd "$(dirname "$0")/.."

compose=false
if [[ "${1:-}" == "--compose" ]]; then compose=true; shift; fi
file=${1:?usage: db-restore.sh [--compose] FILE}
[[ -r "$file" ]] || { echo "db-restore: cannot read $file" >&2; exit 2; }

options=(--clean --if-exists --no-owner --single-transaction --exit-on-error)
if $compose; then
    docker compose exec -T postgres sh -c "pg_restore ${options[*]} -U \"\$POSTGRES_USER\" -d \"\$POSTGRES_DB\"" <"$file"
else
    : "${DATABASE_URL:?set DATABASE_URL (postgresql://user:password@host:port/database)}"
    bin=${PG_BIN:+$PG_BIN/}
    "${bin}pg_restore" "${options[@]}" --dbname="$DATABASE_URL" "$file"
fi
echo "restored: $file"
