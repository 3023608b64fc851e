#!/usr/bin/env bash
# Sets up and starts Patchwork, with data, at http://localhost:8080. Ctrl-C stops everything.
#   DATABASE_URL         use this PostGIS instead of the project-local cluster
#   PATCHWORK_DATA_DIR   open data to load on first start (default ../shared/data; without it, a demo set)
#   PATCHWORK_PGDATA     where the project-local cluster lives (default .pgdata/), PATCHWORK_PGPORT its port (55432)
#   PATCHWORK_ADMIN_PASSWORD  the first administrator's password (default: generated once into .patchwork-admin-password)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/lib/postgis.sh"

pw_require "${BASE_REQUIREMENTS[@]}"

CLUSTER=""
APP_PID=""
stop_all() {
  trap - EXIT INT TERM
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [ -n "$CLUSTER" ] && pw_stop_cluster "$CLUSTER" && echo "Stopped PostGIS ($CLUSTER)."
  exit 0
}
trap stop_all EXIT INT TERM

if [ -n "${DATABASE_URL:-}" ]; then
  pw_use_database_url "$DATABASE_URL"
  echo "Using the database at $SPRING_DATASOURCE_URL"
else
  CLUSTER="${PATCHWORK_PGDATA:-$ROOT/.pgdata}"
  pw_start_cluster "$CLUSTER" "${PATCHWORK_PGPORT:-55432}"
  echo "PostGIS is running from $CLUSTER on 127.0.0.1:${PATCHWORK_PGPORT:-55432}"
fi

if [ -z "${PATCHWORK_ADMIN_PASSWORD:-}" ]; then
  PASSWORD_FILE="$ROOT/.patchwork-admin-password"
  if [ ! -s "$PASSWORD_FILE" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20 > "$PASSWORD_FILE")
    echo "Generated the first administrator's password into $PASSWORD_FILE"
  fi
  export PATCHWORK_ADMIN_PASSWORD="$(cat "$PASSWORD_FILE")"
  echo "Sign in as 'admin' with password: $PATCHWORK_ADMIN_PASSWORD   (kept in .patchwork-admin-password)"
fi

echo "Building Patchwork ..."
(cd "$ROOT" && mvn -B -q -DskipTests install)

cd "$ROOT"
java -Xmx1g -jar backend/target/patchwork.jar &
APP_PID=$!
echo "Starting Patchwork at http://localhost:${SERVER_PORT:-8080} (Ctrl-C stops it) ..."
wait "$APP_PID"
