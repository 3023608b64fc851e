#!/usr/bin/env bash
# Sets up and runs every test: unit, integration (real PostGIS, GDAL) and browser (headless Chromium).
# Starts a throwaway PostGIS cluster and removes it afterwards; exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib/postgis.sh"

pw_require "${BASE_REQUIREMENTS[@]}" "${TEST_REQUIREMENTS[@]}"

CLUSTER="$(mktemp -d /tmp/patchwork-test-pg.XXXXXX)"
PORT="${PATCHWORK_TEST_PGPORT:-55439}"
cleanup() {
  pw_stop_cluster "$CLUSTER"
  rm -rf "$CLUSTER"
}
trap cleanup EXIT
unset DATABASE_URL
pw_start_cluster "$CLUSTER" "$PORT"
echo "Throwaway PostGIS on 127.0.0.1:$PORT"

cd "$ROOT"
echo "Front-end unit tests (node --test) ..."
node --test frontend/test/

echo "Java unit, integration and browser tests (mvn verify) ..."
mvn -B verify "$@"
