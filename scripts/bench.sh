#!/usr/bin/env bash
# Benchmarks, printed as ratios against a reference measured in the same run (never a pass/fail gate).
#   1. OGC API Features: all Liverpool LSOAs (298, full resolution) as GeoJSON through
#      /ogc/collections/lsoa/items, against the same rows from psql with ST_AsGeoJSON.  Aim: <= 1.5x.
# Starts its own throwaway PostGIS and app (port 18080); REPEAT sets the number of timed runs (default 15).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib/postgis.sh"
pw_require "${BASE_REQUIREMENTS[@]}" "curl:curl"

REPEAT="${REPEAT:-15}"
APP_PORT="${BENCH_APP_PORT:-18080}"
PG_PORT="${BENCH_PGPORT:-55438}"
CLUSTER="$(mktemp -d /tmp/patchwork-bench-pg.XXXXXX)"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  pw_stop_cluster "$CLUSTER"
  rm -rf "$CLUSTER"
}
trap cleanup EXIT
pw_start_cluster "$CLUSTER" "$PG_PORT"

cd "$ROOT"
mvn -B -q -DskipTests install
export PATCHWORK_ADMIN_PASSWORD="bench-admin-$(date +%s%N)"
AUTH=(-u "admin:$PATCHWORK_ADMIN_PASSWORD")
java -Xmx1g -jar backend/target/patchwork.jar --server.port="$APP_PORT" > "$CLUSTER/app.log" 2>&1 &
APP_PID=$!
echo "Waiting for Patchwork to start and load its data ..."
for _ in $(seq 1 180); do
  if curl -sf "${AUTH[@]}" "http://localhost:$APP_PORT/api/datasets" 2>/dev/null | grep -q '"imd2019-domains"'; then break; fi
  sleep 1
done
curl -sf "${AUTH[@]}" "http://localhost:$APP_PORT/api/datasets" | grep -q '"imd2019-domains"' || { tail -50 "$CLUSTER/app.log"; echo "Patchwork did not load its data" >&2; exit 1; }

# GIS clients use API tokens: a Basic-auth request pays for a bcrypt check every time
TOKEN=$(curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -d '{"name":"bench","days":1}' \
  "http://localhost:$APP_PORT/api/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
AUTH=(-H "Authorization: Bearer $TOKEN")

PSQL=(psql "postgresql://patchwork:patchwork@127.0.0.1:$PG_PORT/patchwork" -qAt -v ON_ERROR_STOP=1)
URL="http://localhost:$APP_PORT/ogc/collections/lsoa/items?lad_code=E08000012&limit=1000"
# the same rows and properties, as one FeatureCollection written by PostGIS
SQL="select json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
         'type', 'Feature', 'id', v.id, 'geometry', ST_AsGeoJSON(ST_Transform(v.geom, 4326), 7)::json,
         'properties', to_jsonb(v) - 'geom' - 'id') order by v.id))
     from feature_lsoa v where v.lad_code = 'E08000012'"

features=$(curl -sf "${AUTH[@]}" "$URL" | grep -o '"type" : "Feature"' | wc -l)
[ "$features" -eq 298 ] || { echo "Expected 298 Liverpool LSOAs from the API, got $features" >&2; exit 1; }

# median wall time in milliseconds of REPEAT runs of a command (one warm-up run first)
median_ms() {
  "$@" > /dev/null
  for _ in $(seq 1 "$REPEAT"); do
    local start end
    start=$(date +%s%N); "$@" > /dev/null; end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

api_ms=$(median_ms curl -sf "${AUTH[@]}" "$URL")
psql_ms=$(median_ms "${PSQL[@]}" -c "$SQL")
api_bytes=$(curl -sf "${AUTH[@]}" "$URL" | wc -c)
psql_bytes=$("${PSQL[@]}" -c "$SQL" | wc -c)
echo
echo "Benchmark 1: Liverpool LSOAs (298, full resolution) as GeoJSON, median of $REPEAT runs"
printf '  %-42s %6s ms  %9s bytes\n' "OGC API /ogc/collections/lsoa/items" "$api_ms" "$api_bytes"
printf '  %-42s %6s ms  %9s bytes\n' "psql with ST_AsGeoJSON (reference)" "$psql_ms" "$psql_bytes"
awk -v a="$api_ms" -v p="$psql_ms" 'BEGIN { r = (p > 0) ? a / p : 0; printf "  ratio API / psql = %.2fx (aim <= 1.50x): %s\n", r, (r <= 1.5 ? "within aim" : "ABOVE AIM") }'
