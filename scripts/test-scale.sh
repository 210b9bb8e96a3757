#!/usr/bin/env bash
# `npm test`'s second leg: the app as several instances would run it. Starts a throwaway PostgreSQL
# and Redis (scripts/services.sh installs them when it may), then runs the Vitest suite on
# PostgreSQL (with the Redis and PostgreSQL tests), and the e2e suite against two instances on
# PostgreSQL + Redis behind a round-robin proxy. Where the servers cannot be had, a developer's run
# skips this leg with a notice; CI (CI or REQUIRE_SCALE_TESTS set) fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'scripts/services.sh stop "$dir"; rm -rf "$dir"' EXIT

set +e
exports=$(scripts/services.sh start "$dir")
status=$?
set -e
if [ "$status" -ne 0 ]; then
  if [ "$status" -eq 3 ] && [ -z "${CI:-}" ] && [ -z "${REQUIRE_SCALE_TESTS:-}" ]; then
    echo
    echo "NOTICE: the PostgreSQL + Redis leg of the tests was SKIPPED: PostgreSQL and Redis could not be"
    echo "        installed here (see above). Everything above ran on SQLite only."
    exit 0
  fi
  echo "test-scale: could not start PostgreSQL and Redis" >&2
  exit 1
fi
eval "$exports"

echo "test-scale: Vitest on PostgreSQL (+ Redis tests)"
env -u REDIS_URL TEST_DATABASE=postgresql TEST_PG_URL="$PG_URL" TEST_REDIS_URL="$REDIS_URL" npx vitest run

echo "test-scale: e2e against two instances on PostgreSQL + Redis"
env -u REDIS_URL -u DATABASE_URL E2E_INSTANCES=2 E2E_PG_URL="$PG_URL" E2E_REDIS_URL="$REDIS_URL" npx playwright test
