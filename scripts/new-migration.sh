#!/usr/bin/env bash
# Writes a migration for each database from the difference between the committed schema (git HEAD)
# and the working one: prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
# prisma/pg/migrations/<timestamp>_<name>/migration.sql (PostgreSQL, whose schema is first
# regenerated from the SQLite one). `prisma migrate dev` cannot be used on SQLite with the JS schema
# engine (P3006), so this is how a migration is made. prisma/schema-sync*.test.ts check the result.
# Usage: npm run db:migration -- <name>
set -euo pipefail
name=${1:?usage: npm run db:migration -- <name>}
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
stamp=$(date -u +%Y%m%d%H%M%S)
node scripts/pg-schema.mjs

# $1: schema file, $2: migrations folder, $3: a URL of that database's kind (only for the CLI).
write_migration() {
  local schema=$1 migrations=$2 url=$3 from
  if git cat-file -e "HEAD:$schema" 2>/dev/null && [ -n "$(ls "$migrations" 2>/dev/null | grep -v migration_lock)" ]; then
    git show "HEAD:$schema" >"$scratch/old.prisma"
    from=(--from-schema-datamodel "$scratch/old.prisma")
  else
    from=(--from-empty)
  fi
  local sql
  sql=$(DATABASE_URL="$url" npx prisma migrate diff "${from[@]}" --to-schema-datamodel "$schema" --script)
  if ! grep -qvE '^\s*(--.*)?$' <<<"$sql"; then
    echo "$schema has not changed since HEAD: no migration written." >&2
    return 1
  fi
  mkdir -p "$migrations/${stamp}_${name}"
  printf '%s\n' "$sql" >"$migrations/${stamp}_${name}/migration.sql"
  echo "Wrote $migrations/${stamp}_${name}/migration.sql"
}

write_migration prisma/schema.prisma prisma/migrations "file:$scratch/scratch.db"
# The diff reads no database, but through the adapter the CLI connects to one of the schema's
# kind: PG_URL's, or a throwaway server (scripts/services.sh).
if [ -z "${PG_URL:-}" ]; then
  # A folder of its own: services.sh hands it to the postgres user, who cannot enter $scratch (0700).
  services=$(mktemp -d)
  trap 'scripts/services.sh stop "$services"; rm -rf "$scratch" "$services"' EXIT
  eval "$(scripts/services.sh start "$services")"
fi
write_migration prisma/pg/schema.prisma prisma/pg/migrations "$PG_URL"
echo "Hand-written SQL (a CHECK, a trigger) must be added to both; the schema-sync tests compare them."
