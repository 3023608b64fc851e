#!/usr/bin/env bash
# Sets up and runs every test: unit, integration (real PostGIS, GDAL) and browser (headless Chromium).
# Starts a throwaway PostGIS cluster and removes it afterwards; exits non-zero on any failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib/postgis.sh"

pw_require "${BASE_REQUIREMENTS[@]}" "${TEST_REQUIREMENTS[@]}"

CLUSTER="$(mktemp -d /tmp/patchwork-test-pg.XXXXXX)"
PORT="${PATCHWORK_TEST_PGPORT:-55439}"
ETS_APP_PID=""
cleanup() {
  [ -n "$ETS_APP_PID" ] && kill "$ETS_APP_PID" 2>/dev/null || true   # the app the OGC suites ran against
  pw_stop_cluster "$CLUSTER"
  rm -rf "$CLUSTER"
}
trap cleanup EXIT
unset DATABASE_URL
pw_start_cluster "$CLUSTER" "$PORT"
echo "Throwaway PostGIS on 127.0.0.1:$PORT"
# A second database in the same cluster, for the tests that run Patchwork for another partnership area
# (OtherAreaIT): the shared test database stays the Merseyside partnership every other test expects.
pw_as_owner "$PG_BIN/psql" -h "$CLUSTER" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt \
  -c "drop database if exists patchwork_area" -c "create database patchwork_area owner patchwork_owner"
pw_as_owner "$PG_BIN/psql" -h "$CLUSTER" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt -d patchwork_area \
  -c "create extension if not exists postgis"
export PATCHWORK_TEST_AREA_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PORT/patchwork_area"
# Two more for the same reason: the Merseyside partnership widened by a neighbour (MerseysideWideningIT), and a
# second area the access matrix and the planted-count tests also run on (access.SecondArea, South Yorkshire).
for db in patchwork_widen patchwork_second; do
  pw_as_owner "$PG_BIN/psql" -h "$CLUSTER" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt \
    -c "drop database if exists $db" -c "create database $db owner patchwork_owner"
  pw_as_owner "$PG_BIN/psql" -h "$CLUSTER" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt -d "$db" \
    -c "create extension if not exists postgis"
done
export PATCHWORK_TEST_WIDEN_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PORT/patchwork_widen"
export PATCHWORK_TEST_SECOND_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PORT/patchwork_second"

cd "$ROOT"
echo "Front-end unit tests (node --test) ..."
node --test frontend/test/

echo "Java unit, integration and browser tests (mvn verify) ..."
mvn -B verify "$@"

# The OGC's own conformance suites (OGC API - Features 1-2, Tiles 1), against the app built above, started
# once with the public tier on, on the test database the integration tests have just filled (so no second
# data load). They run on a full run (no arguments, as CI runs it) or with PATCHWORK_OGC_ETS=1, and fail the
# run on any failed test; a run that selects tests (-Dit.test=...) skips them unless asked.
if [ $# -eq 0 ] || [ "${PATCHWORK_OGC_ETS:-0}" = 1 ]; then
  source "$ROOT/scripts/lib/ogc-ets-instance.sh"
  run_ogc_suites "$CLUSTER" "$PORT"
else
  echo "OGC conformance suites skipped (tests selected; PATCHWORK_OGC_ETS=1 runs them too)"
fi
