# Sourced by test.sh: runs the OGC conformance suites (scripts/ogc-ets.sh) against Patchwork started once from
# the jar just built, with the public tier on (the suites cannot sign in), on the test cluster's database.
#   run_ogc_suites CLUSTER_DIR PG_PORT    exit status 1 if any test of either suite failed
# Without the suites (../shared/tools/ogc-ets, or PATCHWORK_ETS_DIR) it stops the run under CI=true and
# otherwise says so and returns.
run_ogc_suites() {
  local cluster="$1" pgport="$2"
  local ets="${PATCHWORK_ETS_DIR:-$ROOT/../shared/tools/ogc-ets}"
  if [ ! -x "$ets/run-ets.sh" ]; then
    if [ "${CI:-}" = true ]; then echo "No OGC test suites at $ets (CI runs them; set PATCHWORK_ETS_DIR)" >&2; return 1; fi
    echo "OGC conformance suites skipped: none at $ets (set PATCHWORK_ETS_DIR)"
    return 0
  fi
  local port out="$ROOT/backend/target/ogc-ets" log="$ROOT/backend/target/ogc-ets/app.log" started=$SECONDS
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  rm -rf "$out"; mkdir -p "$out"
  echo "OGC conformance suites: Patchwork with the public tier on at port $port ..."
  cp "$ROOT/backend/target/patchwork.jar" "$cluster/ets-patchwork.jar"   # a rebuild meanwhile cannot pull it from under the app
  PATCHWORK_ADMIN_PASSWORD="${PATCHWORK_ADMIN_PASSWORD:-ets-$(date +%s%N)}" \
    java -Xmx1g -jar "$cluster/ets-patchwork.jar" --server.port="$port" --patchwork.access.public-tier=true > "$log" 2>&1 &
  ETS_APP_PID=$!
  # serving, and the start-up data load finished (the integration tests loaded it already: only checks)
  local psql=("$PG_BIN/psql" -h "$cluster" -p "$pgport" -U postgres -d patchwork -qAt)
  for _ in $(seq 1 900); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/ogc" \
        && [ "$(pw_as_owner "${psql[@]}" -c "select count(*) from dataset where slug = 'merseyside-street-crime-2022'")" = 1 ] \
        && [ "$(pw_as_owner "${psql[@]}" -c "select count(*) from upload_job where state in ('queued', 'running')")" = 0 ]; then
      break
    fi
    kill -0 "$ETS_APP_PID" 2>/dev/null || { tail -30 "$log"; echo "Patchwork stopped before the OGC suites could run" >&2; return 1; }
    sleep 1
  done
  local status=0
  "$ROOT/scripts/ogc-ets.sh" "http://127.0.0.1:$port/ogc" "$out" || status=$?
  kill "$ETS_APP_PID" 2>/dev/null; wait "$ETS_APP_PID" 2>/dev/null || true
  ETS_APP_PID=""
  echo "OGC conformance suites took $(( SECONDS - started )) s (app start included)"
  [ "$status" -eq 0 ] || { echo "OGC conformance: failures (results and the app log in $out)" >&2; return 1; }
}
